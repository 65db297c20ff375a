"""The sandbox's cast: the demo group and the people in it.

Plain data, so the scene reads like a list of who is who; :mod:`bot.sandbox.runner` turns it
into users of the fake Telegram and plays their set-up messages through the real bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GROUP_ID = -1009990000001
GROUP_TITLE = "Rakor Kota Contoh"
BOT_USERNAME = "rakor_sandbox_bot"

Role = Literal["koordinator", "anggota", "pengamat"]


@dataclass(frozen=True, slots=True)
class Persona:
    key: str
    """Short name used by the demo script and the page (``asisten``, ``dishub`` …)."""
    user_id: int
    first_name: str
    last_name: str
    username: str
    unit: str | None
    """The unit code the persona joins with ``/gabung`` (None: no unit)."""
    role: Role
    title: str
    """What the persona does, shown under the name on the page."""
    admin: bool = False
    """A Telegram administrator of the group (and so koordinator)."""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


PERSONAS: tuple[Persona, ...] = (
    Persona(
        key="asisten",
        user_id=710001,
        first_name="Sri",
        last_name="Wahyuni",
        username="asisten_pemerintahan",
        unit="SETDA",
        role="koordinator",
        title="Asisten Pemerintahan",
        admin=True,
    ),
    Persona(
        key="dishub",
        user_id=710002,
        first_name="Budi",
        last_name="Santoso",
        username="budi_dishub",
        unit="DISHUB",
        role="anggota",
        title="Kabid Lalu Lintas, Dishub",
    ),
    Persona(
        key="bapperida",
        user_id=710003,
        first_name="Siti",
        last_name="Rahmawati",
        username="siti_bapperida",
        unit="BAPPERIDA",
        role="anggota",
        title="Perencana, Bapperida",
    ),
    Persona(
        key="kecamatan",
        user_id=710004,
        first_name="Andi",
        last_name="Pratama",
        username="camat_kota",
        unit="KEC-KOTA",
        role="anggota",
        title="Camat Kota",
    ),
    Persona(
        key="pengamat",
        user_id=710005,
        first_name="Ani",
        last_name="Lestari",
        username="ani_bagpem",
        unit="BAGPEM",
        role="pengamat",
        title="Staf Bagian Pemerintahan (hanya baca)",
    ),
)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file a persona sends: shown as a photo (JPEG/PNG) or as a document."""

    name: str
    kind: Literal["photo", "document"]
    data: bytes


def persona(key_or_id: str | int) -> Persona | None:
    """The persona with this key or Telegram user id."""
    for candidate in PERSONAS:
        if key_or_id in (candidate.key, candidate.user_id):
            return candidate
    return None


def coordinator() -> Persona:
    return next(p for p in PERSONAS if p.admin)
