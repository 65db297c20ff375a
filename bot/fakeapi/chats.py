"""Bot API methods about chats, members, pins, commands and files."""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

from bot.fakeapi.methods import Methods, Params, _int, _json
from bot.fakeapi.models import ApiError, StoredFile, bad_request, member_payload
from bot.fakeapi.world import ACTIVE_STATUSES

logger = logging.getLogger(__name__)


class ChatMethods(Methods):
    """getChat*, leaveChat, pin/unpin, *MyCommands, getFile."""

    def _member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_id:
            status = self.bot_status.get(chat_id, "left")
            can_pin = self.bot_can_pin.get(chat_id, False)
            return member_payload(self.bot_user, status, can_pin=can_pin)
        user = self.users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        return member_payload(user, self.members.get(chat_id, {}).get(user_id, "left"))

    async def api_getChatMember(self, params: Params) -> Any:  # noqa: N802
        chat = self._chat(params)
        return self._member(chat["id"], _int(params, "user_id"))

    async def api_getChatAdministrators(self, params: Params) -> Any:  # noqa: N802
        chat = self._chat(params)
        if chat["type"] == "private":
            raise bad_request("there are no administrators in the private chat")
        admins = [
            self._member(chat["id"], user_id)
            for user_id, status in self.members.get(chat["id"], {}).items()
            if status in ("creator", "administrator") and user_id in self.users
        ]
        if self.bot_status.get(chat["id"]) == "administrator":
            admins.append(self._member(chat["id"], self.bot_id))
        return admins

    async def api_getChatMemberCount(self, params: Params) -> Any:  # noqa: N802
        chat = self._chat(params)
        members = self.members.get(chat["id"], {}).values()
        bot = self.bot_status.get(chat["id"]) in ACTIVE_STATUSES
        return sum(1 for status in members if status in ACTIVE_STATUSES) + int(bot)

    async def api_getChat(self, params: Params) -> Any:  # noqa: N802
        chat = self._chat(params)
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def api_leaveChat(self, params: Params) -> Any:  # noqa: N802
        chat = self._chat(params)
        if chat["type"] == "private":
            raise bad_request("chat member status can't be changed in private chats")
        if self.bot_status.get(chat["id"]) not in ("member", "administrator"):
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat['type']} chat")
        self.bot_status[chat["id"]] = "left"
        self.bot_can_pin[chat["id"]] = False
        self.left_chats.append(chat["id"])
        self.publish({"type": "left_chat", "chat_id": chat["id"]})
        return True

    async def api_pinChatMessage(self, params: Params) -> Any:  # noqa: N802
        chat = self._writable_chat(params)
        if chat["type"] != "private" and not self.bot_can_pin.get(chat["id"]):
            raise bad_request("not enough rights to manage pinned messages in the chat")
        message = self.find_message(chat["id"], _int(params, "message_id"))
        if message is None:
            raise bad_request("message to pin not found")
        message.pinned = True
        self.publish({"type": "pin", "chat_id": chat["id"], "message_id": message.message_id})
        return True

    async def api_unpinChatMessage(self, params: Params) -> Any:  # noqa: N802
        chat = self._writable_chat(params)
        if chat["type"] != "private" and not self.bot_can_pin.get(chat["id"]):
            raise bad_request("not enough rights to manage pinned messages in the chat")
        pinned = [m for m in self.messages(chat["id"]) if m.pinned]
        if params.get("message_id") not in (None, ""):
            message_id = _int(params, "message_id")
            pinned = [m for m in pinned if m.message_id == message_id]
        if not pinned:
            raise bad_request("message to unpin not found")
        pinned[-1].pinned = False
        self.publish({"type": "unpin", "chat_id": chat["id"], "message_id": pinned[-1].message_id})
        return True

    async def api_unpinAllChatMessages(self, params: Params) -> Any:  # noqa: N802
        chat = self._writable_chat(params)
        if chat["type"] != "private" and not self.bot_can_pin.get(chat["id"]):
            raise bad_request("not enough rights to manage pinned messages in the chat")
        for message in self.messages(chat["id"]):
            message.pinned = False
        return True

    # ------------------------------------------------------------------ commands & files
    @staticmethod
    def _scope_key(params: Params) -> str:
        scope = _json(params, "scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True)

    async def api_setMyCommands(self, params: Params) -> Any:  # noqa: N802
        commands = _json(params, "commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            name = str(command.get("command", ""))
            if not (1 <= len(name) <= 32 and name.replace("_", "").isalnum() and name.islower()):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        language = str(params.get("language_code") or "")
        scope = self._scope_key(params)
        self.scoped_commands[(scope, language)] = copy.deepcopy(commands)
        if scope == json.dumps({"type": "default"}):
            self.commands[language] = copy.deepcopy(commands)
        return True

    async def api_getMyCommands(self, params: Params) -> Any:  # noqa: N802
        key = (self._scope_key(params), str(params.get("language_code") or ""))
        return copy.deepcopy(self.scoped_commands.get(key, []))

    async def api_deleteMyCommands(self, params: Params) -> Any:  # noqa: N802
        key = (self._scope_key(params), str(params.get("language_code") or ""))
        self.scoped_commands.pop(key, None)
        if key[0] == json.dumps({"type": "default"}):
            self.commands.pop(key[1], None)
        return True

    async def api_getFile(self, params: Params) -> Any:  # noqa: N802
        stored: StoredFile | None = self.files.get(str(params.get("file_id") or ""))
        if stored is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size(),
            "file_path": stored.file_path,
        }

    # ------------------------------------------------------------------ bot profile
    async def api_setMyName(self, params: Params) -> Any:  # noqa: N802
        self.profile[("name", str(params.get("language_code") or ""))] = params.get("name")
        return True

    async def api_setMyDescription(self, params: Params) -> Any:  # noqa: N802
        key = ("description", str(params.get("language_code") or ""))
        self.profile[key] = params.get("description")
        return True

    async def api_setMyShortDescription(self, params: Params) -> Any:  # noqa: N802
        key = ("short_description", str(params.get("language_code") or ""))
        self.profile[key] = params.get("short_description")
        return True

    async def api_setChatMenuButton(self, params: Params) -> Any:  # noqa: N802
        self.profile[("menu_button", str(params.get("chat_id") or ""))] = _json(
            params, "menu_button"
        )
        return True

    async def api_getChatMenuButton(self, params: Params) -> Any:  # noqa: N802
        key = ("menu_button", str(params.get("chat_id") or ""))
        return self.profile.get(key) or {"type": "commands"}
