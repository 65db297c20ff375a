"""/ubah and /hapus: correcting a record's text, and withdrawing a record after a confirmation
button (``hapus:y|n:<confirmation>``).

The record's post is edited in place: to its new text marked *(diubah)*, or to say it was
withdrawn. Every press on a confirmation is answered; one on another message, too late, a
second time, or by someone who may not withdraw the record does nothing.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler

from bot.runtime import App, Context, runtime_of
from bot.services import Database, confirmations
from bot.services import announcements as announcement_service
from bot.services import corrections as service
from bot.services import tasks as task_service
from bot.services.agenda import AgendaItem
from bot.services.announcements import Announcement
from bot.services.corrections import Reminder, Target
from bot.services.decisions import Decision
from bot.services.tasks import Task
from bot.telegram import confirm
from bot.telegram.access import Caller
from bot.telegram.buttons import markup_of, pressed_html
from bot.telegram.commands import Call, CommandSpec, add_command, edit_post, record_number
from bot.text import announcement_texts, record_posts, task_texts
from bot.text.i18n import t, too_long

logger = logging.getLogger(__name__)

EDIT = CommandSpec("ubah", "edit", role="anggota")
WITHDRAW = CommandSpec("hapus", "delete", role="anggota", where="any")

_CALLBACK = confirm.data_pattern("hapus")
_EXAMPLES = {
    "announcement": ("/pengumuman", "/announcements"),
    "decision": ("/keputusan", "/decisions"),
    "agenda_item": ("/agenda", "/agenda"),
    "task": ("/tugas", "/task"),
    "reminder": ("/pengingat", "/reminders"),
}
"""Where to look up the numbers of each kind (the example a wrong number is answered with)."""


def register(app: App) -> None:
    add_command(app, EDIT, edit)
    add_command(app, WITHDRAW, withdraw)
    app.add_handler(CallbackQueryHandler(button, pattern=r"^hapus:"))


def _record(target: Target, lang: str) -> dict[str, object]:
    """The ``record`` and ``number`` parameters of the texts about ``target``."""
    return {"record": record_posts.kind_name(target.kind, lang), "number": target.number}


async def _find(call: Call, kind: service.Kind, number: int) -> Target | None:
    """The record, if it exists here and is still open; else the reason is answered."""
    caller = call.caller
    target = await service.find(call.runtime.database, caller.chat_id, kind, number)
    if target is None:
        example = _EXAMPLES[kind][caller.lang == "en"]
        await call.reply(
            call.t(
                "corrections.not_found",
                record=record_posts.kind_name(kind, caller.lang),
                number=number,
                example=example,
            )
        )
        return None
    if not target.open:
        await call.reply(closed_text(target, caller))
        return None
    return target


def closed_text(target: Target, caller: Caller) -> str:
    """Why a record can no longer be corrected: withdrawn (by whom, when), or a reminder that
    is not pending any more."""
    record = target.record
    if target.kind == "reminder":
        return t(caller.lang, "reminders.not_pending", number=target.number)
    assert not isinstance(record, Reminder)  # noqa: S101 - reminders answered above
    return record_posts.withdrawn_notice(
        target.kind,
        target.number,
        record.withdrawn_by_name,
        record.withdrawn_at,
        caller.tz,
        caller.lang,
    )


async def edit(call: Call) -> None:
    """``/ubah pengumuman|keputusan|agenda|tugas N teks baru``."""
    caller = call.caller
    words = call.args.split(None, 2)
    kind = service.EDIT_WORDS.get(words[0].lower()) if words else None
    number = record_number(words[1]) if len(words) > 1 else None
    text = words[2] if len(words) > 2 else ""
    if kind is None or number is None or not text.strip():
        await call.reply(call.t("corrections.edit_usage"))
        return
    target = await _find(call, kind, number)
    if target is None:
        return
    if not service.may_edit(target, caller.user_id, caller.may("koordinator")):
        await call.reply(call.t("corrections.edit_not_allowed", **_record(target, caller.lang)))
        return
    db = call.runtime.database
    try:
        edited = await service.edit(
            db,
            target,
            text,
            user_id=caller.user_id or caller.chat_id,
            user_name=caller.full_name,
            now=caller.now,
            tz=caller.tz,
            wake=call.runtime.dispatcher.wake,
        )
    except service.TooLong as exc:
        await call.reply(too_long(caller.lang, "corrections.too_long", exc))
        return
    except service.CorrectionError as exc:
        await call.reply(call.t(exc.key, **_record(target, caller.lang), **exc.params))
        return
    lines = [call.t("corrections.edited", name=caller.full_name, **_record(target, caller.lang))]
    if kind == "announcement":
        lines.append(call.t("corrections.edited_ack_again"))
    text, markup = await current_post(db, edited.record, caller)
    if not await edit_post(call.context, caller.chat_id, edited.message_id, text, markup):
        lines.append(call.t("corrections.edited_no_post", text=edited.text))
    await call.reply("\n".join(lines))


async def current_post(
    db: Database, record: service.Record, caller: Caller
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The post of a record as it reads now (with its buttons)."""
    lang = caller.lang
    if isinstance(record, Announcement):
        progress = await announcement_service.progress(db, record)
        buttons = announcement_texts.ack_buttons(lang, record.id, progress)
        return announcement_texts.post(record, lang), markup_of(buttons)
    if isinstance(record, Decision):
        return record_posts.decision_post(record, lang), None
    if isinstance(record, AgendaItem):
        return record_posts.agenda_post(record, lang), None
    assert isinstance(record, Task)  # noqa: S101 - reminders have no text to correct
    mentioned = await task_service.unit_members(db, [part.unit_id for part in record.parts])
    text = task_texts.post(
        record, mentioned, pokja=task_texts.pokja_label(record), tz=caller.tz, lang=lang
    )
    return text, None


async def withdraw(call: Call) -> None:
    """``/hapus pengumuman|keputusan|agenda|tugas|pengingat N``: asks before withdrawing."""
    caller = call.caller
    words = call.args.split()
    kind = service.KIND_WORDS.get(words[0].lower()) if words else None
    number = record_number(words[1]) if len(words) == 2 else None
    if kind is None or number is None:
        await call.reply(call.t("corrections.withdraw_usage"))
        return
    if not caller.is_group and kind != "reminder":
        await call.reply(call.t("corrections.private_reminders_only"))
        return
    target = await _find(call, kind, number)
    if target is None:
        return
    if not service.may_withdraw(target, caller.user_id, caller.may("koordinator")):
        await call.reply(refusal(target, caller.lang))
        return
    db = call.runtime.database
    confirmation = await service.ask_withdrawal(
        db,
        target,
        asked_by=caller.user_id or caller.chat_id,
        now=caller.now,
        origin=call.update.update_id,
    )
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    call.t("corrections.withdraw_button"),
                    callback_data=f"hapus:y:{confirmation.id}",
                ),
                InlineKeyboardButton(
                    call.t("confirm.no_button"), callback_data=f"hapus:n:{confirmation.id}"
                ),
            ]
        ]
    )
    question = record_posts.confirm_withdraw(kind, number, target.text, caller.lang)
    asked = await call.reply(question, markup)
    await confirmations.posted(db, confirmation, asked.message_id)


def refusal(target: Target, lang: str) -> str:
    key = (
        "corrections.withdraw_author_or_coordinator"
        if target.kind in ("agenda_item", "reminder")
        else "corrections.withdraw_coordinator_only"
    )
    return t(lang, key, **_record(target, lang))


async def button(update: Update, context: Context) -> None:
    """``hapus:y|n:<confirmation>``: withdraw, or not; untrusted input."""
    answer = await confirm.answer_of(update, context, pattern=_CALLBACK, action=service.WITHDRAW)
    if answer is None:
        return
    query, caller, found = answer.query, answer.caller, answer.confirmation
    runtime = runtime_of(context)
    lang, db = caller.lang, runtime.database
    target = await service.target_of(db, found)
    if target is None:
        await confirm.refused(query, lang, "stale")
        return
    user_id = caller.user_id or caller.chat_id
    if not service.may_withdraw(target, caller.user_id, caller.may("koordinator")):
        await query.answer(refusal(target, lang), show_alert=True)
        return
    record = _record(target, lang)
    if not answer.yes:
        if not await confirmations.decline(db, found, user_id, caller.now):
            await query.answer(t(lang, "confirm.answered"), show_alert=True)
            return
        await query.answer(t(lang, "confirm.declined"))
        await confirm.close(query, t(lang, "corrections.withdraw_declined", **record))
        return
    done = await service.withdraw(
        db,
        found,
        target,
        by=user_id,
        by_name=caller.full_name,
        now=caller.now,
        wake=runtime.dispatcher.wake,
    )
    if done == "unanswerable":
        await query.answer(t(lang, "confirm.answered"), show_alert=True)
        return
    if done == "not_withdrawable":
        await query.answer(closed_text(target, caller), show_alert=True)
        await confirm.close(query, pressed_html(query))
        return
    await query.answer(t(lang, "corrections.withdrawn_toast", **record))
    await confirm.close(query, t(lang, "corrections.withdrawn", name=caller.full_name, **record))
    await _withdraw_post(context, caller, target)


async def _withdraw_post(context: Context, caller: Caller, target: Target) -> None:
    """The record's post says it was withdrawn (an announcement is unpinned too)."""
    text = record_posts.withdrawn_post(
        target.kind,
        target.number,
        target.text,
        caller.full_name,
        int(caller.now.timestamp()),
        caller.tz,
        caller.lang,
    )
    edited = await edit_post(context, target.chat_id, target.message_id, text)
    if edited and target.kind == "announcement" and target.message_id is not None:
        try:
            await context.bot.unpin_chat_message(target.chat_id, target.message_id)
        except TelegramError as exc:
            logger.info("withdrawn announcement %s not unpinned: %s", target.id, exc)
