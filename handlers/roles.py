"""/peran: koordinator sets someone's role in the group."""

from __future__ import annotations

from bot.runtime import App
from bot.services import members
from bot.services.members import ROLE_WORDS
from bot.telegram.commands import Call, CommandSpec, add_command

ROLE = CommandSpec("peran", "role", role="koordinator")


def register(app: App) -> None:
    add_command(app, ROLE, set_role)


def parse_role(args: str) -> tuple[str | None, str] | None:
    """``@username role`` → (username, role); ``role`` alone → (None, role) for a reply. The
    role may be written in either language (``koordinator`` or ``coordinator``)."""
    words = args.split()
    role = ROLE_WORDS.get(words[-1].lower()) if words else None
    if role is None:
        return None
    if len(words) == 1:
        return None, role
    if len(words) == 2 and words[0].startswith("@") and len(words[0]) > 1:
        return words[0][1:], role
    return None


async def set_role(call: Call) -> None:
    parsed = parse_role(call.args)
    message = call.update.effective_message
    replied = message.reply_to_message if message else None
    target = replied.from_user if replied else None
    if parsed is None:
        await call.reply(call.t("roles.usage"))
        return
    username, role = parsed
    bot_name = call.context.bot.username or ""
    if (target is not None and target.is_bot and username is None) or (
        username is not None and username.lower() == bot_name.lower()
    ):
        await call.reply(call.t("roles.not_a_person", role=call.t(f"common.role.{role}")))
        return
    db = call.runtime.database
    if username is not None:
        found = await members.find_user(db, username)
        if found is None:
            await call.reply(
                call.t(
                    "roles.unknown_user",
                    username="@" + username,
                    role=call.t(f"common.role.{role}"),
                )
            )
            return
        user_id, name = found, "@" + username
    elif target is not None:
        await members.remember(
            db,
            user_id=target.id,
            full_name=target.full_name,
            username=target.username,
            now=call.caller.now,
        )
        user_id, name = target.id, target.full_name
    else:  # a role alone, not as a reply
        await call.reply(call.t("roles.usage"))
        return
    await members.set_role(db, call.caller.chat_id, user_id, role, call.caller.now)
    text = call.t("roles.set", name=name, role=call.t(f"common.role.{role}"))
    admins = call.runtime.admin_cache.get(call.caller.chat_id)
    if role != "koordinator" and admins and user_id in admins[1]:
        text += "\n" + call.t("roles.admin_is_coordinator", name=name)
    await call.reply(text)
