"""Bot API methods of the fake server, operating on the simulated world."""

from __future__ import annotations

import asyncio
import copy
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.fakeapi.html import (
    MAX_CAPTION_LENGTH,
    MAX_MESSAGE_LENGTH,
    EntityParseError,
    parse_html,
    strip_text,
    utf16_len,
)
from bot.fakeapi.models import (
    ApiError,
    StoredMessage,
    UploadedFile,
    bad_request,
)
from bot.fakeapi.people import People
from bot.fakeapi.world import DEFAULT_UPDATE_TYPES

logger = logging.getLogger(__name__)

Params = dict[str, Any]
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def _int(params: Params, name: str, *, default: int | None = None) -> int:
    value = params.get(name)
    if value is None or value == "":
        if default is not None:
            return default
        raise bad_request(f"{name} is empty" if name == "chat_id" else f"{name} is required")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid {name} specified") from None


def _json(params: Params, name: str) -> Any:
    value = params.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None
    return value


_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "login_url",
    "web_app",
    "callback_game",
    "pay",
)


def _validate_button(button: Any) -> None:
    """One inline button as Telegram checks it: a non-empty text and exactly one action;
    callback data of 1..64 bytes in UTF-8 (an empty one counts as absent, as Telegram
    reads it)."""
    if not isinstance(button, dict) or "text" not in button:
        raise bad_request("can't parse inline keyboard button: Can't find field \"text\"")
    if not isinstance(button["text"], str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not button["text"].strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [name for name in _BUTTON_ACTIONS if button.get(name) not in (None, "")]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if data not in (None, "") and len(str(data).encode()) > 64:
        raise bad_request("BUTTON_DATA_INVALID")


def _validate_markup(markup: Any) -> dict | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for row in rows:
        for button in row:
            _validate_button(button)
    return markup


class Methods(People):
    """The Bot API methods; ``dispatch`` maps a method name to its implementation."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._poll_generation = 0
        self._closing = False
        self._handlers: dict[str, Callable[[Params], Awaitable[Any]]] = {
            name[4:].lower(): getattr(self, name) for name in dir(self) if name.startswith("api_")
        }

    def handler_for(self, method: str) -> Callable[[Params], Awaitable[Any]] | None:
        return self._handlers.get(method.lower())

    # ------------------------------------------------------------------ helpers
    def _chat(self, params: Params) -> dict[str, Any]:
        raw = params.get("chat_id")
        if isinstance(raw, str) and raw.startswith("@"):
            for named in self.chats.values():
                if named.get("username", "").lower() == raw[1:].lower():
                    return named
            raise bad_request("chat not found")
        chat_id = _int(params, "chat_id")
        if chat_id in self.migrated_to:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self.migrated_to[chat_id],
            )
        chat = self.chats.get(chat_id)
        if chat is None:
            if chat_id in self.users:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            raise bad_request("chat not found")
        return chat

    def _writable_chat(self, params: Params) -> dict[str, Any]:
        chat = self._chat(params)
        if chat["type"] == "private":
            if chat["id"] in self.blocked_by:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
        elif self.bot_status.get(chat["id"]) not in ("member", "administrator"):
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat['type']} chat")
        return chat

    def _format(
        self, params: Params, field: str, limit: int, *, required: bool
    ) -> tuple[str | None, str | None, list[dict]]:
        """Parse text/caption per parse_mode: (plain text, raw HTML or None, entities)."""
        raw = params.get(field)
        if raw is None or raw == "":
            if required:
                raise bad_request("message text is empty")
            return None, None, []
        raw = str(raw)
        parse_mode = str(params.get("parse_mode") or "")
        html = None
        if parse_mode.lower() == "html":
            try:
                plain, entities = parse_html(raw)
            except EntityParseError as error:
                raise bad_request(f"can't parse entities: {error}") from None
            html = raw
        else:
            plain = raw
            entities = _json(params, "entities" if field == "text" else "caption_entities") or []
        plain, entities = strip_text(plain, entities)
        if not plain:
            if required:
                raise bad_request("message text is empty")
            return None, None, []
        if utf16_len(plain) > limit:
            raise bad_request(
                "message is too long" if field == "text" else "message caption is too long"
            )
        return plain, html, entities

    def _reply_target(self, chat_id: int, params: Params) -> int | None:
        reply = _json(params, "reply_parameters") or {}
        message_id = reply.get("message_id", params.get("reply_to_message_id"))
        if message_id in (None, ""):
            return None
        message_id = int(message_id)
        if self.find_message(chat_id, message_id) is None:
            allow = reply.get("allow_sending_without_reply") or params.get(
                "allow_sending_without_reply"
            )
            if allow in (True, "true"):
                return None
            raise bad_request("message to be replied not found")
        return message_id

    def _new_bot_message(self, chat: dict[str, Any], params: Params) -> StoredMessage:
        return StoredMessage(
            chat=copy.deepcopy(chat),
            message_id=0,
            sender=copy.deepcopy(self.bot_user),
            date=self.now(),
            reply_markup=_validate_markup(_json(params, "reply_markup")),
            reply_to=self._reply_target(chat["id"], params),
            from_bot=True,
        )

    def _commit(self, message: StoredMessage) -> dict[str, Any]:
        message.message_id = self.next_message_id(message.chat_id)
        self.append_message(message)
        return self.message_payload(message)

    def _editable(self, params: Params) -> StoredMessage:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by this server")
        chat = self._writable_chat(params)
        message = self.find_message(chat["id"], _int(params, "message_id"))
        if message is None:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return message

    def _apply_edit(self, message: StoredMessage, **changes: Any) -> dict[str, Any]:
        message.edits.append(message.snapshot())
        for key, value in changes.items():
            setattr(message, key, value)
        message.edit_date = self.now()
        payload = self.message_payload(message)
        self.publish({"type": "edit", "message": payload})
        return payload

    # ------------------------------------------------------------------ bot & updates
    async def api_getMe(self, params: Params) -> Any:  # noqa: N802 - Bot API names
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def api_getUpdates(self, params: Params) -> Any:  # noqa: N802
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self._poll_generation += 1
        generation = self._poll_generation
        allowed = _json(params, "allowed_updates")
        if allowed is not None:
            self.allowed_updates = frozenset(allowed) if allowed else DEFAULT_UPDATE_TYPES
        self.confirm(_int(params, "offset", default=0))
        limit = min(max(_int(params, "limit", default=100), 1), 100)
        timeout = max(_int(params, "timeout", default=0), 0)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            wakeup = self._wakeup
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            result = self.deliverable(limit)
            remaining = deadline - loop.time()
            if result or remaining <= 0 or self._closing:
                return result
            try:
                await asyncio.wait_for(wakeup.wait(), remaining)
            except TimeoutError:
                return []

    async def api_setWebhook(self, params: Params) -> Any:  # noqa: N802
        self.webhook = {
            "url": str(params.get("url") or ""),
            "allowed_updates": _json(params, "allowed_updates"),
            "secret_token": params.get("secret_token"),
            "max_connections": params.get("max_connections"),
        }
        if params.get("drop_pending_updates") in (True, "true"):
            self.drop_pending_updates()
        return True

    async def api_deleteWebhook(self, params: Params) -> Any:  # noqa: N802
        self.webhook = {"url": ""}
        if params.get("drop_pending_updates") in (True, "true"):
            self.drop_pending_updates()
        return True

    async def api_getWebhookInfo(self, params: Params) -> Any:  # noqa: N802
        info: dict[str, Any] = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self.webhook.get("allowed_updates"):
            info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    # ------------------------------------------------------------------ messages
    async def api_sendMessage(self, params: Params) -> Any:  # noqa: N802
        chat = self._writable_chat(params)
        text, html, entities = self._format(params, "text", MAX_MESSAGE_LENGTH, required=True)
        message = self._new_bot_message(chat, params)
        message.text, message.html, message.entities = text, html, entities
        return self._commit(message)

    async def _send_file(self, params: Params, field: str, kind: str) -> Any:
        chat = self._writable_chat(params)
        caption, html, entities = self._format(
            params, "caption", MAX_CAPTION_LENGTH, required=False
        )
        value = params.get(field)
        if isinstance(value, UploadedFile):
            stored = self.store_file(value.data, value.filename, kind)
            if value.content_type and value.content_type != "application/octet-stream":
                stored.mime_type = value.content_type
        elif isinstance(value, str) and value in self.files:
            stored = self.files[value]
        elif value in (None, ""):
            raise bad_request(f"there is no {field} in the request")
        else:
            raise bad_request("wrong file identifier/HTTP URL specified")
        message = self._new_bot_message(chat, params)
        message.file = stored
        message.caption, message.html, message.entities = caption, html, entities
        if field == "photo":
            message.photo = stored.data
        else:
            message.document = (stored.file_name or stored.file_path.rsplit("/", 1)[1], stored.data)
        return self._commit(message)

    async def api_sendDocument(self, params: Params) -> Any:  # noqa: N802
        return await self._send_file(params, "document", "documents")

    async def api_sendPhoto(self, params: Params) -> Any:  # noqa: N802
        return await self._send_file(params, "photo", "photos")

    async def api_editMessageText(self, params: Params) -> Any:  # noqa: N802
        message = self._editable(params)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        text, html, entities = self._format(params, "text", MAX_MESSAGE_LENGTH, required=True)
        markup = _validate_markup(_json(params, "reply_markup"))
        if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
            raise bad_request(NOT_MODIFIED)
        return self._apply_edit(
            message, text=text, html=html, entities=entities, reply_markup=markup
        )

    async def api_editMessageCaption(self, params: Params) -> Any:  # noqa: N802
        message = self._editable(params)
        if message.file is None:
            raise bad_request("there is no caption in the message to edit")
        caption, html, entities = self._format(
            params, "caption", MAX_CAPTION_LENGTH, required=False
        )
        markup = _validate_markup(_json(params, "reply_markup"))
        if (caption, entities, markup) == (message.caption, message.entities, message.reply_markup):
            raise bad_request(NOT_MODIFIED)
        return self._apply_edit(
            message, caption=caption, html=html, entities=entities, reply_markup=markup
        )

    async def api_editMessageReplyMarkup(self, params: Params) -> Any:  # noqa: N802
        message = self._editable(params)
        markup = _validate_markup(_json(params, "reply_markup"))
        if markup == message.reply_markup:
            raise bad_request(NOT_MODIFIED)
        return self._apply_edit(message, reply_markup=markup)

    async def api_deleteMessage(self, params: Params) -> Any:  # noqa: N802
        chat = self._chat(params)
        message = self.find_message(chat["id"], _int(params, "message_id"))
        if message is None:
            raise bad_request("message to delete not found")
        if (
            not message.from_bot
            and chat["type"] != "private"
            and self.bot_status.get(chat["id"]) != "administrator"
        ):
            raise bad_request("message can't be deleted")
        message.deleted = True
        self.publish({"type": "delete", "chat_id": chat["id"], "message_id": message.message_id})
        return True

    async def api_sendChatAction(self, params: Params) -> Any:  # noqa: N802
        chat = self._writable_chat(params)
        self.publish({"type": "chat_action", "chat_id": chat["id"], "action": params.get("action")})
        return True

    async def api_answerCallbackQuery(self, params: Params) -> Any:  # noqa: N802
        query_id = str(params.get("callback_query_id") or "")
        query = self.callback_queries.get(query_id)
        if query is None or query["answered"]:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        query["answered"] = True
        text = params.get("text")
        show_alert = params.get("show_alert") in (True, "true")
        self.callback_answers.append((query_id, text, show_alert))
        self.publish(
            {
                "type": "callback_answer",
                "callback_query_id": query_id,
                "chat_id": query["chat_id"],
                "user_id": query["user_id"],
                "text": text,
                "show_alert": show_alert,
            }
        )
        return True
