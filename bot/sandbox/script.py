"""The demo: a short coordination session, written as data and played through the real bot.

Each step is a persona writing a message (:class:`Say`) or pressing an inline button
(:class:`Press`). A step that needs a command the bot does not have yet is skipped, so the
script can describe the whole session now and plays more of it as features arrive; to extend
the demo, add steps to :data:`DEMO`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.fakeapi import StoredMessage
from bot.sandbox.runner import Sandbox
from bot.sandbox.scene import persona
from bot.services import seeds

logger = logging.getLogger(__name__)

Chat = Literal["group", "private"]
_LEADING_SYMBOLS = re.compile(r"^\W+")


@dataclass(frozen=True, slots=True)
class Say:
    """``who`` writes ``text``; a command is only played when the bot has it."""

    who: str
    text: str
    chat: Chat = "group"
    needs: str | None = None
    """The command this step needs; by default the command the text starts with."""

    def command(self) -> str | None:
        if self.needs is not None:
            return self.needs
        if not self.text.startswith("/"):
            return None
        return self.text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower()


@dataclass(frozen=True, slots=True)
class Press:
    """``who`` presses the button labelled ``labels[i]`` on the latest bot message with one."""

    who: str
    labels: tuple[str, ...]
    needs: str
    chat: Chat = "group"

    def command(self) -> str:
        return self.needs


Step = Say | Press


def load_script(data: dict[str, Any]) -> tuple[Step, ...]:
    """Steps from the JSON form used in ``seeds/sandbox_demo.json``."""
    steps: list[Step] = []
    for raw in data["steps"]:
        chat = raw.get("chat", "group")
        if chat not in ("group", "private"):
            raise ValueError(f"chat must be group or private: {raw!r}")
        if "say" in raw:
            steps.append(Say(raw["who"], raw["say"], chat, raw.get("needs")))
        elif "press" in raw and "needs" in raw:
            steps.append(Press(raw["who"], tuple(raw["press"]), raw["needs"], chat))
        else:
            raise ValueError(f"a step says something or presses a button (with needs): {raw!r}")
    return tuple(steps)


DEMO: tuple[Step, ...] = load_script(
    json.loads((seeds.SEEDS / "sandbox_demo.json").read_text(encoding="utf-8"))
)
"""The demo session, from ``seeds/sandbox_demo.json``."""


def _button_data(message: StoredMessage, labels: tuple[str, ...]) -> str | None:
    """The callback data of the first button whose label starts with one of ``labels``."""
    wanted = tuple(label.lower() for label in labels)
    rows = (message.reply_markup or {}).get("inline_keyboard") or []
    for row in rows:
        for button in row:
            label = _LEADING_SYMBOLS.sub("", str(button.get("text", ""))).lower()
            if "callback_data" in button and label.startswith(wanted):
                return str(button["callback_data"])
    return None


def find_button(sandbox: Sandbox, chat_id: int, labels: tuple[str, ...]) -> tuple[int, str] | None:
    """(message id, callback data) of the newest bot message with such a button."""
    for message in reversed(sandbox.bot_messages(chat_id)):
        data = _button_data(message, labels)
        if data is not None:
            return message.message_id, data
    return None


async def play(
    sandbox: Sandbox, steps: Sequence[Step] = DEMO, *, pause: float = 0.4
) -> tuple[int, int]:
    """Play ``steps`` in order; returns (played, skipped)."""
    available = sandbox.command_names()
    played = skipped = 0
    for step in steps:
        who = persona(step.who)
        if who is None:
            raise ValueError(f"the demo names an unknown persona {step.who!r}")
        command = step.command()
        if command is not None and command not in available:
            logger.debug("demo: /%s does not exist yet, skipping %r", command, step)
            skipped += 1
            continue
        if isinstance(step, Say):
            sandbox.say(who, step.text, step.chat)
        else:
            chat_id = sandbox.chat_id(who, step.chat)
            found = find_button(sandbox, chat_id, step.labels)
            if found is None:
                logger.warning("demo: no button %s to press, skipping", "/".join(step.labels))
                skipped += 1
                continue
            sandbox.press(who, step.chat, *found)
        await sandbox.settle()
        played += 1
        await asyncio.sleep(pause)
    logger.info("demo played %d step(s), skipped %d", played, skipped)
    return played, skipped


__all__ = ["DEMO", "Press", "Say", "Step", "find_button", "play"]
