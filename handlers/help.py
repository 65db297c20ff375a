"""/bantuan: the commands of this bot, in the chat's language."""

from __future__ import annotations

from bot.runtime import App
from bot.telegram.commands import Call, CommandSpec, add_command, registered

HELP = CommandSpec("bantuan", "help", where="any", needs_registration=False)


def register(app: App) -> None:
    add_command(app, HELP, show_help)


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
