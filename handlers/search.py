"""/cari (/search): the best five records for a few words, and the paging buttons under them.

In a group the search sees that group's records; in a private chat every group the user is a
member of now, checked again at every page. The buttons carry ``srch:<search>:<offset>``
(untrusted input); the query itself is kept in ``search_queries``.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler

from bot.domain.cleantext import utf16_len
from bot.domain.textsearch import EmptyQuery, Segment
from bot.domain.timewords import MONTHS
from bot.runtime import App, Context, Runtime, runtime_of
from bot.services import Database, groups
from bot.services import search as service
from bot.services.groups import Group
from bot.services.search import Hit
from bot.telegram.access import Caller, resolve, still_members
from bot.telegram.buttons import bound, pressed, refuse
from bot.telegram.commands import Call, CommandSpec, add_command
from bot.text.i18n import Safe, escape, t

logger = logging.getLogger(__name__)

SEARCH = CommandSpec("cari", "search", where="any")

_CALLBACK = re.compile(r"srch:(\d{1,18}):(\d{1,6})")
# Budgets in UTF-16 code units (Telegram's measure) keep five results far below 4096.
SNIPPET_UNITS = 360
QUERY_UNITS = 60
GROUP_TITLE_UNITS = 80
UNIT_CODE_UNITS = 20


def register(app: App) -> None:
    add_command(app, SEARCH, search_command)
    app.add_handler(CallbackQueryHandler(page_button, pattern=r"^srch:"))


async def search_command(call: Call) -> None:
    caller = call.caller
    if not call.args:
        await call.reply(call.t("search.usage"))
        return
    db = call.runtime.database
    stored = await _stored_scope(db, caller)
    group_ids = await _scope(call.context, call.runtime, caller, stored)
    if not group_ids:
        if stored:
            titles = [group.title for gid in stored if (group := await groups.get(db, gid))]
            await call.reply(call.t("search.not_member", groups=", ".join(titles)))
        else:
            await call.reply(call.t("search.no_groups"))
        return
    try:
        results = await service.find(
            db,
            chat_id=caller.chat_id,
            user_id=caller.user_id or caller.chat_id,
            group_ids=group_ids,
            query=call.args,
            now=caller.now,
        )
    except EmptyQuery:
        await call.reply(call.t("search.empty_query"))
        return
    text, markup = await render(db, caller, results, len(group_ids))
    await call.reply(text, markup)


async def page_button(update: Update, context: Context) -> None:
    """``srch:<search>:<offset>``: show that page of a saved search of this chat, in place."""
    query = pressed(update)
    runtime = runtime_of(context)
    caller = await resolve(update, context, runtime)
    db = runtime.database
    match = _CALLBACK.fullmatch(query.data or "")
    if match is not None and not bound(query):
        await refuse(query, caller.lang)
        return
    results = None
    group_ids: list[int] = []
    if match and (caller.group is not None or not caller.is_group):
        group_ids = await _scope(context, runtime, caller, await _stored_scope(db, caller))
        results = await service.turn(
            db,
            search_id=int(match.group(1)),
            chat_id=caller.chat_id,
            offset=int(match.group(2)),
            group_ids=group_ids,
            now=caller.now,
        )
    if results is None:
        await query.answer(t(caller.lang, "search.stale"), show_alert=True)
        return
    if not results.page.hits:
        await query.answer(t(caller.lang, "search.no_more"), show_alert=True)
        return
    text, markup = await render(db, caller, results, len(group_ids))
    await query.answer()
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:  # the same page pressed twice: nothing to change
        if "not modified" not in exc.message.lower():
            raise


async def _stored_scope(db: Database, caller: Caller) -> list[int]:
    return await service.scope(
        db, chat_id=caller.chat_id, is_group=caller.is_group, user_id=caller.user_id
    )


async def _scope(
    context: Context, runtime: Runtime, caller: Caller, stored: list[int]
) -> list[int]:
    """The groups of ``stored`` this search may see: in a private chat only those Telegram
    still counts the user in (asked again when the stored membership is old)."""
    if caller.is_group or caller.user_id is None:
        return stored
    return await still_members(context, runtime, caller.user_id, stored, caller.now)


async def render(
    db: Database, caller: Caller, results: service.Results, group_count: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The result message and its paging buttons, in the caller's language."""
    lang, page = caller.lang, results.page
    private = not caller.is_group
    query = clip(" ".join(results.query.split()), QUERY_UNITS)
    if not page.hits:
        if private:
            return t(lang, "search.none_private", query=query, groups=group_count), None
        return t(lang, "search.none", query=query), None
    first, last = page.offset + 1, page.offset + len(page.hits)
    if private:
        header = t(
            lang,
            "search.header_private",
            query=query,
            groups=group_count,
            first=first,
            last=last,
            total=page.total,
        )
    else:
        header = t(lang, "search.header", query=query, first=first, last=last, total=page.total)
    known: dict[int, Group | None] = {}
    blocks = [header]
    for index, hit in enumerate(page.hits, start=first):
        if hit.group_id not in known:
            known[hit.group_id] = await groups.get(db, hit.group_id)
        group = known[hit.group_id]
        blocks.append(f"{index}. " + _hit_lines(lang, hit, group, caller.tz, private))
    return "\n\n".join(blocks), _buttons(lang, results)


def _hit_lines(lang: str, hit: Hit, group: Group | None, tz: str, private: bool) -> str:
    unit = f" · {escape(clip(hit.unit_code, UNIT_CODE_UNITS))}" if hit.unit_code else ""
    lines = [
        t(
            lang,
            "search.item",
            kind=t(lang, f"search.kind.{hit.kind}"),
            number=hit.number,
            date=short_date(hit.created_at, group.timezone if group else tz, lang),
            unit=Safe(unit),
        )
    ]
    if private and group is not None:
        lines.append(t(lang, "search.item_group", group=clip(group.title, GROUP_TITLE_UNITS)))
    lines.append(snippet_html(hit.snippet))
    return "\n".join(lines)


def _buttons(lang: str, results: service.Results) -> InlineKeyboardMarkup | None:
    page = results.page
    if results.search_id is None:
        return None
    row = []
    if page.offset > 0:
        previous = max(0, page.offset - service.PAGE_SIZE)
        row.append(
            InlineKeyboardButton(
                t(lang, "search.previous"), callback_data=f"srch:{results.search_id}:{previous}"
            )
        )
    if page.has_more:
        following = page.offset + service.PAGE_SIZE
        row.append(
            InlineKeyboardButton(
                t(lang, "search.next"), callback_data=f"srch:{results.search_id}:{following}"
            )
        )
    return InlineKeyboardMarkup([row]) if row else None


def short_date(epoch: int, tz: str, lang: str) -> str:
    """``25 Nov 2026`` in the zone ``tz`` (Indonesian ``Agu``, ``Des``; English ``Aug``)."""
    local = datetime.fromtimestamp(epoch, UTC).astimezone(ZoneInfo(tz))
    month = MONTHS["en" if lang == "en" else "id"][local.month - 1][:3]
    return f"{local.day} {month} {local.year}"


def clip(text: str, budget: int) -> str:
    """``text`` cut to ``budget`` UTF-16 units, ending with ``…`` when it was cut."""
    if utf16_len(text) <= budget:
        return text
    used, kept = 1, []  # room for the ellipsis
    for char in text:
        used += utf16_len(char)
        if used > budget:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def snippet_html(segments: tuple[Segment, ...], budget: int = SNIPPET_UNITS) -> str:
    """The snippet as HTML: every segment escaped, the matched words in ``<b>``; at most
    ``budget`` UTF-16 units of text."""
    parts = []
    for segment in segments:
        if budget <= 0:
            break
        text = clip(segment.text, budget)
        budget -= utf16_len(text)
        piece = escape(text)
        parts.append(f"<b>{piece}</b>" if segment.is_match and text.strip() else piece)
        if text != segment.text:
            break
    return "".join(parts)
