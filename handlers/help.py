"""/bantuan: the commands of this bot, in the chat's language; and no silence: an unknown
command gets one short line pointing to /bantuan (at most once a minute per chat, so a burst
of typos does not flood a group), a plain message in a private chat the private help, and a
press no feature knows "tombol ini tidak berlaku"."""

from __future__ import annotations

from datetime import timedelta

from telegram import MessageEntity, Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.runtime import App, Context, Runtime, runtime_of
from bot.telegram.access import chat_locale, is_group_chat, update_time
from bot.telegram.buttons import pressed, refuse
from bot.telegram.commands import Call, CommandSpec, add_command, registered, send
from bot.text.i18n import normalize_language, t

HELP = CommandSpec("bantuan", "help", where="any", needs_registration=False)

HINT_EVERY = timedelta(minutes=1)
"""At most one unknown-command line per chat in this time."""


def register(app: App) -> None:
    """/bantuan, then the fallbacks. This feature registers last (``bot.app.FEATURES``): in
    handler group 0, python-telegram-bot gives a message to the first handler that takes it,
    so only commands no feature knows reach :func:`unknown_command`."""
    add_command(app, HELP, show_help)
    app.add_handler(MessageHandler(filters.COMMAND & filters.UpdateType.MESSAGE, unknown_command))
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE,
            private_message,
        )
    )
    app.add_handler(CallbackQueryHandler(unknown_button))


async def show_help(call: Call) -> None:
    lang = call.caller.lang
    specs = registered(call.runtime)
    wanted = call.args.strip().lstrip("/").split("@")[0].lower()
    if wanted:
        spec = next((s for s in specs if wanted in (s.name, s.alias)), None)
        if spec is None:
            await call.reply(call.t("help.unknown", command="/" + wanted))
            return
        await call.reply(
            call.t(
                "help.detail_header",
                command="/" + spec.shown(lang),
                alias="/" + (spec.name if lang == "en" else spec.alias),
            )
            + "\n"
            + call.t(f"help.{spec.name}")
            + "\n\n"
            + call.t(f"help.{spec.name}.usage")
        )
        return
    lines = [call.t("help.header")]
    lines += [f"/{spec.shown(lang)} — {call.t(f'help.{spec.name}')}" for spec in specs]
    lines.append("")
    lines.append(call.t("help.footer"))
    await call.reply("\n".join(lines))


async def unknown_command(update: Update, context: Context) -> None:
    """``/halo``: one line pointing to /bantuan, unless the chat was told within a minute or
    the command is addressed to another bot (``/halo@other_bot``)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    entity = message.entities[0] if message.entities else None
    if entity is None or entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
        return
    command, _, addressee = message.text[: entity.length].partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return
    runtime = runtime_of(context)
    now = update_time(update, runtime)
    chat_id = message.chat_id
    last = runtime.unknown_command_hints.get(chat_id)
    if last is not None and now - last < HINT_EVERY:
        return
    runtime.unknown_command_hints[chat_id] = now
    lang, _ = await _locale(runtime, update)
    await send(context, chat_id, t(lang, "fallback.unknown_command", command=command))


async def private_message(update: Update, context: Context) -> None:
    """A plain message in a private chat: what the bot does there, and where its commands are."""
    message = update.effective_message
    if message is None:
        return
    lang, _ = await _locale(runtime_of(context), update)
    await send(context, message.chat_id, t(lang, "fallback.private"))


async def unknown_button(update: Update, context: Context) -> None:
    """A press whose data no feature takes (forged, or of an older version): answered, so the
    user's spinner stops, and nothing changes."""
    lang, _ = await _locale(runtime_of(context), update)
    await refuse(pressed(update), lang)


async def _locale(runtime: Runtime, update: Update) -> tuple[str, str]:
    """(language, time zone) to answer in: the group's, or in a private chat the user's."""
    chat = update.effective_chat
    if chat is not None and is_group_chat(chat):
        return await chat_locale(runtime, chat.id)
    user = update.effective_user
    return normalize_language(user.language_code if user else None), runtime.settings.timezone
