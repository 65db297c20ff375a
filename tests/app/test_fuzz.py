"""A fuzz over every registered command and its English alias, each role, in the group and in
private: realistic fragments, emoji, very long text, control characters and markup.

For every example: the fake Bot API rejected no request, no handler raised (nothing logged at
ERROR or above, and no update left to be retried later), and the command got an answer.

The commands come from the registry (``bot.telegram.commands.registered``), so a new command
is fuzzed without touching this file. One ``Application`` serves the whole run; the examples
share its database, so later ones meet the records earlier ones made. The clock moves forward
between examples and whatever fell due is sent (and checked) before the next command.

``RAKOR_FUZZ_EXAMPLES=20000 pytest tests/app/test_fuzz.py`` runs more examples (the README's
nightly-style run); ``--hypothesis-profile=explore`` draws new ones instead of the fixed set.
"""

from __future__ import annotations

import functools
import html
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.fakeapi import StoredMessage, utf16_len
from bot.runtime import runtime_of
from bot.scheduling.dispatcher import next_due
from bot.telegram.commands import CommandSpec, registered
from bot.text.i18n import catalogs
from storage import units
from tests.helpers import ADMIN, ANI, BUDI, GROUP, SITI, Harness

EXAMPLES = int(os.environ.get("RAKOR_FUZZ_EXAMPLES", "2000"))

OUTSIDER = 1099
"""Never in the group."""


@dataclass(frozen=True)
class Sender:
    role: str
    user_id: int
    in_group: bool

    @property
    def chat_id(self) -> int:
        return GROUP if self.in_group else self.user_id


# A non-member writes only in private: the first message they wrote in the group would make
# them a member (Telegram delivers group messages of members only). The group is drawn more
# often, the koordinator most: most commands work only there, many only for them.
SENDERS = [
    *[Sender("koordinator", ADMIN, in_group=True)] * 4,
    *[Sender("anggota", BUDI, in_group=True)] * 3,
    *[Sender("pengamat", ANI, in_group=True)] * 2,
    Sender("koordinator", ADMIN, in_group=False),
    Sender("anggota", BUDI, in_group=False),
    Sender("pengamat", ANI, in_group=False),
    Sender("mantan anggota", SITI, in_group=False),
    Sender("bukan anggota", OUTSIDER, in_group=False),
]

HEADS = [
    # subcommands of every command, Indonesian and English
    "ubah", "move", "change", "batal", "cancel", "tambah", "add", "hapus", "remove",
    "arsipkan", "archive", "tenggat", "due", "pindah", "buka", "reopen", "jam", "waktu", "time",
    "pengingat", "reminders", "mulai", "start", "selesai", "end", "notulis", "notetaker",
    "ringkasan", "digest", "mati", "off", "pokja", "terkendala:", "ya", "tidak",
    # kinds, roles, people, languages, zones, months
    "pengumuman", "keputusan", "agenda", "tugas", "pengingat", "task", "decision",
    "announcement", "reminder", "koordinator", "anggota", "pengamat", "coordinator", "member",
    "observer", "@budi_dishub", "@ani_staf", "@asisten_pem", "@siti_bapperida", "@rakor_bot",
    "@orang_asing", "id", "en", "WIB", "WITA", "WIT", "Asia/Jakarta", "Europe/Nowhere",
    "Oktober", "Desember", "2026-10", "2027-01",
]  # fmt: skip
UNITS = ["DISHUB", "BAPPERIDA", "KEC-KOTA", "dishub", "DISHUB,BAPPERIDA", "-DISHUB", "TARUNG"]
TIMES = [
    "besok jam 9", "hari ini jam 14.00", "Kamis (26/11) pukul 09.00", "tiap Senin jam 7.30",
    "1 jam lagi", "30 menit lagi", "Jumat depan", "4 Desember", "lusa", "s.d. 11.30",
    "besok 09.00-11.00", "besok jam 10 sampai jam 12", "Senin s.d. selesai", "kemarin",
    "jam 25", "31 Februari", "15.00 30", "08.30", "Selasa 07.30", "tomorrow 9am",
    "next Friday", "tiap hari kerja jam 8", "tanggal 1 bulan depan",
]  # fmt: skip
PHRASES = [
    "Rapat Pokja Aset", "Ruang Rapat Lt. 2", "Penataan parkir Jl. Merdeka", "cek pompa",
    "Data aset sudah dikirim", "Apel pagi diundur", "|", "#", "#agenda", "#keputusan",
    "#pengumuman", "#tugas", "https://t.me/c/1/2", "a", "Rp 1.500.000,-", "50%", "",
]  # fmt: skip
NUMBERS = st.one_of(
    st.sampled_from(["0", "1", "2", "3", "#1", "#2", "#3", "#0", "1.5", "-1", "01", "١"]),
    st.sampled_from(["#1234567890", "99999999999999999999", "2147483648", "1e9"]),
    st.integers(min_value=0, max_value=40).map(str),
    st.integers(min_value=0, max_value=40).map("#{}".format),
)
EMOJI = st.lists(
    st.sampled_from(
        ["🚦", "📌", "✅", "👍🏽", "👨‍👩‍👧", "🇮🇩", "😀", "🙏", "❤️", "🏳️‍🌈", "\u200d", "\ufe0f", "𝕏"]
    ),
    min_size=1,
    max_size=40,
).map("".join)
CONTROL = st.lists(
    st.sampled_from(
        [
            *"\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x7f\x85\r\t\n",
            *"\u200b\u200e\u202e\u2028\u2029\ufeff\ufffe\uffff\ud800\udfff",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)
MARKUP = st.sampled_from(
    [
        "<b>", "</b>", "<i>x</i>", "&amp;", "&", "<", ">", "<a href='javascript:x'>k</a>",
        "<tg-spoiler>", "<pre>", "```", "*tebal*", "_miring_", "[a](b)", "{name}", "%s", "{0}",
        "<br>", "<script>", "&#0;", "&lt;b&gt;", "\\", '"', "'", "`",
    ]
)  # fmt: skip
NOISE = st.one_of(EMOJI, CONTROL, MARKUP, st.text(max_size=20))
TEXT = st.lists(st.one_of(st.sampled_from(PHRASES), NOISE), min_size=1, max_size=5).map(" ".join)
WHEN = st.sampled_from(TIMES)
LONG_PIECES = ["a", "Rapat ", "🚦", "👨‍👩‍👧 ", "<b>&", "x\n", "é"]


@st.composite
def long_text(draw: st.DrawFn) -> str:
    """Text near or over Telegram's 4,096 UTF-16 code units."""
    piece = draw(st.sampled_from(LONG_PIECES))
    units_wanted = draw(st.integers(min_value=3900, max_value=4300))
    return piece * (units_wanted // utf16_len(piece))


HEAD = st.lists(st.one_of(st.sampled_from(HEADS), NUMBERS, st.sampled_from(UNITS)), max_size=3).map(
    " ".join
)
SECTION = st.one_of(TEXT, WHEN, st.sampled_from(UNITS), long_text())
BODY = st.one_of(
    TEXT,
    st.tuples(WHEN, TEXT).map(" ".join),  # /ingatkan, /tugas N tenggat
    st.lists(SECTION, min_size=2, max_size=4).map(" | ".join),  # /rapat, /tugas, /rapat ubah
    long_text(),
    st.tuples(WHEN, long_text()).map(" ".join),
)
FRAGMENT = st.one_of(st.sampled_from(HEADS + UNITS + TIMES + PHRASES), NUMBERS, NOISE, st.just("|"))
ARGS = st.one_of(
    st.just(""),
    HEAD,
    st.tuples(HEAD, BODY).map(" ".join),
    st.lists(FRAGMENT).map(" ".join),
)


def catalog_examples() -> dict[str, list[str]]:
    """The arguments of every example the bot itself gives (``Contoh: /rapat ubah 3 | …``),
    per command name, in both languages: realistic arguments for every command, new ones
    included, to be mutated."""
    found: dict[str, set[str]] = {}
    for texts in catalogs().values():
        for text in texts.values():
            plain = html.unescape(re.sub(r"<[^>]+>", "", text))
            for name, args in re.findall(r"/([a-z]+)((?:[ \t]+[^\n]*)?)", plain):
                args = re.split(r" — | · | atau | or |,? /|;|\.$", args)[0]
                args = args.replace("{number}", "3").strip()
                if "{" not in args:  # an example about a value the text is given
                    found.setdefault(name, set()).add(args)
    return {name: sorted(examples) for name, examples in found.items()}


EXAMPLE_ARGS = catalog_examples()


@st.composite
def mutated(draw: st.DrawFn, example: str) -> str:
    """The example as it is, with text appended (noise, long text), or with words replaced or
    inserted anywhere."""
    words = example.split(" ")
    change = draw(st.sampled_from(["keep", "append", "append", "edit"]))
    if change == "append":
        words.append(draw(st.one_of(TEXT, long_text())))
    elif change == "edit":
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            at = draw(st.integers(min_value=0, max_value=len(words)))
            fragment = draw(st.one_of(FRAGMENT, long_text()))
            if at < len(words) and draw(st.booleans()):
                words[at] = fragment
            else:
                words.insert(at, fragment)
    return " ".join(words)


@functools.cache
def arguments(spec: CommandSpec) -> st.SearchStrategy[str]:
    """Arguments for ``spec``: its own examples mutated, or anything drawn from the pieces."""
    examples = EXAMPLE_ARGS.get(spec.name, []) + EXAMPLE_ARGS.get(spec.alias, [])
    if not examples:
        return ARGS
    own = st.sampled_from(examples).flatmap(mutated)
    return st.one_of(own, own, own, ARGS)


RAKOR_PACKAGES = frozenset({"bot", "handlers", "jobs", "storage"})


class Errors(logging.Handler):
    """Every error logged while the fuzz runs, and the bot's own warnings (a handler that
    failed "for now" is retried later: a warning). The scheduler's warnings are left out: the
    event loop pauses between examples, so its jobs run late."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.name.split(".")[0] in RAKOR_PACKAGES:
            self.records.append(record)


@pytest.fixture
def errors() -> Iterator[Errors]:
    handler = Errors()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


@pytest.fixture
async def fuzzed(unlimited: Harness, errors: Errors) -> Harness:
    """The bot without its flood limiter (thousands of answers in a minute of its clock), a
    registered group with a koordinator, an anggota of Dishub, a pengamat, a member who left,
    and one record of each kind so that ``1`` and ``#1`` name something."""
    bot, fake = unlimited, unlimited.fake
    fake.add_user(OUTSIDER, "Orang", last_name="Asing", username="orang_asing")
    await bot.say(GROUP, ADMIN, "/mulai")
    await units.add_many(
        bot.db,
        GROUP,
        [("DISHUB", "Dinas Perhubungan"), ("BAPPERIDA", "Bapperida"), ("KEC-KOTA", "Kec.")],
        int(bot.clock().timestamp()),
    )
    for text in (
        "/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2",
        "/umumkan Apel pagi diundur ke jam 8",
        "/tugas DISHUB | Penataan parkir Jl. Merdeka | Jumat 4 Desember | TARUNG",
        "/agenda Data aset",
        "/putuskan Pendataan aset selesai 30 November",
        "/ingatkan besok jam 9 cek pompa",
        "/peran @ani_staf pengamat",
    ):
        await bot.say(GROUP, ADMIN, text)
    await bot.say(GROUP, BUDI, "/gabung DISHUB")
    await bot.say(GROUP, SITI, "/gabung BAPPERIDA")
    await bot.leave(GROUP, SITI)
    for user_id in (ADMIN, BUDI, ANI, SITI, OUTSIDER):
        fake.open_private_chat(user_id)
    assert not fake.rejected
    assert not errors.records, errors.records
    return bot


def command_of(spec: CommandSpec, english: bool) -> str:
    return "/" + (spec.alias if english else spec.name)


def answers_to(sender: Sender, sent: list[StoredMessage]) -> list[StoredMessage]:
    """What the bot sent where the sender can read it: the chat, or their private chat."""
    return [message for message in sent if message.chat_id in (sender.chat_id, sender.user_id)]


@settings(
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_every_command_answers_every_role_with_any_text(
    fuzzed: Harness, errors: Errors, data: st.DataObject
) -> None:
    bot = fuzzed
    specs = registered(runtime_of(bot.app))
    spec = data.draw(st.sampled_from(specs), label="command")
    command = command_of(spec, data.draw(st.booleans(), label="english"))
    sender = data.draw(st.sampled_from(SENDERS), label="sender")
    args = data.draw(arguments(spec), label="args").strip()
    replying = data.draw(st.sampled_from([False, False, False, True]), label="as a reply")
    minutes = data.draw(st.integers(min_value=1, max_value=240), label="minutes later")

    now = bot.clock.advance(minutes=minutes)
    runtime = runtime_of(bot.app)
    due = await next_due(runtime.database, runtime.dispatcher.sources)
    if due is not None and due <= now.timestamp():
        await bot.quiet()
    text = f"{command} {args}" if args else command
    before, rejected, logged = len(bot.fake.sent), len(bot.fake.rejected), len(errors.records)
    earlier = bot.fake.messages(sender.chat_id)
    reply_to = earlier[-1].message_id if replying and earlier else None
    await bot.say(sender.chat_id, sender.user_id, text, reply_to=reply_to)

    assert not bot.fake.rejected[rejected:], [
        (method, error.description) for method, _, error in bot.fake.rejected[rejected:]
    ]
    assert not errors.records[logged:], [record.getMessage() for record in errors.records[logged:]]
    assert answers_to(sender, bot.fake.sent[before:]), f"no answer to {text!r}"
