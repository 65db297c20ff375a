"""The sandbox page and its small JSON API.

- ``GET /`` the page, ``GET /static/…`` its script and style;
- ``GET /api/state?persona=KEY`` the group, the personas and both chats of that persona;
- ``POST /api/send`` ``{"persona", "chat": "group"|"private", "text", "reply_to"?, "file"?}``:
  a message, optionally as a reply to message ``reply_to`` of that chat, optionally with a
  file ``{"name", "kind": "photo"|"document", "data": base64}`` (the text is then its
  caption), delivered to the bot as Telegram delivers a photo or a document;
- ``POST /api/press`` ``{"persona", "chat", "message_id", "data"}`` (an inline button);
- ``GET /api/events?persona=KEY`` server-sent events: new, edited and deleted messages of
  that persona's chats and the answers to their button presses;
- ``GET /files/PATH`` documents (as downloads) and images the bot sent.

Only requests addressed to the loopback host are served (no DNS rebinding), and writes must
be JSON (a form on another site cannot post here without a CORS preflight, which fails).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web

from bot.sandbox.scene import GROUP_ID, GROUP_TITLE, PERSONAS, Attachment, Persona, persona
from bot.sandbox.view import has_button, message_view

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from bot.fakeapi import StoredMessage
    from bot.sandbox.runner import Sandbox

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
SANDBOX_KEY: web.AppKey[Sandbox] = web.AppKey("sandbox")
MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_FILE = 10 * 1024 * 1024
"""The largest photo or document the page may send (Telegram takes photos up to 10 MB)."""
IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
"""JPEG and PNG: what the page may send as a photo (Telegram shows them as photos)."""
KEEPALIVE_SECONDS = 15.0
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def make_web_app(sandbox: Sandbox) -> web.Application:
    # Room for a file, base64-encoded in the JSON body, and its caption.
    app = web.Application(middlewares=[local_only], client_max_size=MAX_FILE * 4 // 3 + 64 * 1024)
    app[SANDBOX_KEY] = sandbox
    app.router.add_get("/", index)
    app.router.add_static("/static/", STATIC, follow_symlinks=False)
    app.router.add_get("/api/state", state)
    app.router.add_post("/api/send", send)
    app.router.add_post("/api/press", press)
    app.router.add_get("/api/events", events)
    app.router.add_get("/files/{path:.+}", download)
    return app


@web.middleware
async def local_only(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    host = (request.host or "").rsplit(":", 1)[0].strip("[]")
    if host not in LOCAL_HOSTS:
        return web.json_response({"error": "the sandbox only answers on 127.0.0.1"}, status=403)
    response = await handler(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def sandbox_of(request: web.Request) -> Sandbox:
    return request.app[SANDBOX_KEY]


def _error(message: str, status: int = 400) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _persona(value: object) -> Persona:
    found = persona(str(value)) if value is not None else None
    if found is None:
        raise web.HTTPBadRequest(
            text=json.dumps({"error": "unknown persona"}), content_type="application/json"
        )
    return found


async def _json_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(
            text=json.dumps({"error": "send JSON"}), content_type="application/json"
        )
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(
            text=json.dumps({"error": "send a JSON object"}), content_type="application/json"
        )
    return body


def _chat(value: object) -> str:
    if value not in ("group", "private"):
        raise web.HTTPBadRequest(
            text=json.dumps({"error": "chat is group or private"}), content_type="application/json"
        )
    return str(value)


def _view(sandbox: Sandbox, message: StoredMessage) -> dict[str, Any]:
    reply = None
    if message.reply_to is not None:
        reply = sandbox.fake.find_message(message.chat_id, message.reply_to)
    return message_view(message, reply)


async def index(request: web.Request) -> web.StreamResponse:
    response = web.FileResponse(STATIC / "index.html")
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    response.headers["Cache-Control"] = "no-store"
    return response


async def state(request: web.Request) -> web.Response:
    sandbox = sandbox_of(request)
    me = persona(request.query.get("persona", "")) or PERSONAS[0]
    people = []
    for candidate in PERSONAS:
        role, unit = await sandbox.role_of(candidate)
        people.append(
            {
                "key": candidate.key,
                "id": candidate.user_id,
                "name": candidate.full_name,
                "username": candidate.username,
                "title": candidate.title,
                "role": role,
                "unit": unit,
            }
        )
    chats = {
        chat: [_view(sandbox, m) for m in sandbox.fake.messages(sandbox.chat_id(me, chat))]
        for chat in ("group", "private")
    }
    bot = sandbox.fake.bot_user
    lang = await sandbox.language()
    return web.json_response(
        {
            "lang": lang,
            "commands": sandbox.fake.commands.get("" if lang == "id" else lang, []),
            "group": {"id": GROUP_ID, "title": GROUP_TITLE},
            "bot": {"id": bot["id"], "name": bot["first_name"], "username": bot["username"]},
            "me": me.key,
            "personas": people,
            "chats": chats,
        }
    )


def _attachment(value: object) -> Attachment | None:
    """The file of a message: ``{"name", "kind", "data"}`` → an attachment, or an HTTP 400."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _bad_request("file is an object with name, kind and data")
    name, kind, data = value.get("name"), value.get("kind"), value.get("data")
    if not isinstance(name, str) or not name.strip() or kind not in ("photo", "document"):
        raise _bad_request("file needs a name and a kind: photo or document")
    if not isinstance(data, str) or len(data) > MAX_FILE * 4 // 3 + 4:
        raise _bad_request(f"file data is base64 of at most {MAX_FILE} bytes")
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise _bad_request("file data is not base64") from None
    if not content:
        raise _bad_request("the file is empty")
    if kind == "photo" and not content.startswith(IMAGE_MAGIC):
        raise _bad_request("a photo is a JPEG or PNG image; send other files as a document")
    return Attachment(name=name.strip()[:255], kind=kind, data=content)


def _bad_request(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


async def send(request: web.Request) -> web.Response:
    sandbox = sandbox_of(request)
    body = await _json_body(request)
    me = _persona(body.get("persona"))
    chat = _chat(body.get("chat", "group"))
    text = body.get("text", "")
    attachment = _attachment(body.get("file"))
    if not isinstance(text, str) or not (text.strip() or attachment):
        return _error("text is empty")
    limit = MAX_CAPTION if attachment else MAX_TEXT
    if len(text) > limit:
        return _error(f"text is longer than {limit} characters")
    reply_to = body.get("reply_to")
    if reply_to is not None:
        if not isinstance(reply_to, int) or isinstance(reply_to, bool):
            return _error("reply_to is a message id")
        if sandbox.fake.find_message(sandbox.chat_id(me, chat), reply_to) is None:
            return _error("no such message to reply to", 404)
    payload = sandbox.say(me, text.strip(), chat, reply_to=reply_to, attachment=attachment)
    return web.json_response({"ok": True, "message_id": payload["message_id"]})


async def press(request: web.Request) -> web.Response:
    sandbox = sandbox_of(request)
    body = await _json_body(request)
    me = _persona(body.get("persona"))
    chat = _chat(body.get("chat", "group"))
    data = body.get("data")
    message_id = body.get("message_id")
    if not isinstance(data, str) or not isinstance(message_id, int):
        return _error("message_id (a number) and data are required")
    message = sandbox.fake.find_message(sandbox.chat_id(me, chat), message_id)
    if message is None or not message.from_bot or not has_button(message, data):
        return _error("no such button", 404)
    query_id = sandbox.press(me, chat, message_id, data)
    return web.json_response({"ok": True, "query_id": query_id})


def _event_for(sandbox: Sandbox, me: Persona, event: dict[str, Any]) -> dict[str, Any] | None:
    """The event as the persona's page sees it, or None when it is not theirs."""
    kind = event.get("type")
    if kind == "callback_answer":
        if event.get("user_id") != me.user_id:
            return None
        return {"type": kind, "text": event.get("text"), "show_alert": event.get("show_alert")}
    payload = event.get("message") or {}
    chat_id = event.get("chat_id", (payload.get("chat") or {}).get("id"))
    chats = {GROUP_ID: "group", me.user_id: "private"}
    if chat_id not in chats:
        return None
    if kind in ("message", "edit"):
        message = sandbox.fake.find_message(chat_id, payload.get("message_id", 0))
        if message is None:
            return None
        return {"type": kind, "chat": chats[chat_id], "message": _view(sandbox, message)}
    if kind == "delete":
        return {"type": kind, "chat": chats[chat_id], "message_id": event.get("message_id")}
    if kind == "chat_action":
        return {"type": kind, "chat": chats[chat_id]}
    return None


async def events(request: web.Request) -> web.StreamResponse:
    sandbox = sandbox_of(request)
    me = _persona(request.query.get("persona"))
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
        }
    )
    await response.prepare(request)
    queue = sandbox.fake.subscribe()
    lang = await sandbox.language()
    try:
        await response.write(b": connected\n\n")
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), KEEPALIVE_SECONDS)
            except TimeoutError:
                await response.write(b": keepalive\n\n")
                continue
            shown = _event_for(sandbox, me, event)
            if shown is None:
                continue
            # /bahasa changes the page's labels; look it up only when a bot message arrives.
            if shown.get("message", {}).get("from", {}).get("is_bot"):
                lang = await sandbox.language()
            shown["lang"] = lang
            data = json.dumps(shown, ensure_ascii=False)
            await response.write(f"data: {data}\n\n".encode())
    except ConnectionResetError:
        logger.debug("the event stream of %s was closed by the page", me.key)
    finally:
        sandbox.fake.unsubscribe(queue)
    return response


async def download(request: web.Request) -> web.Response:
    sandbox = sandbox_of(request)
    stored = sandbox.fake.file_by_path(request.match_info["path"])
    if stored is None:
        return _error("no such file", 404)
    mime = stored.mime_type or "application/octet-stream"
    name = stored.file_name or stored.file_path.rsplit("/", 1)[-1]
    is_image = stored.file_path.startswith("photos/") or mime in ("image/png", "image/jpeg")
    if is_image and mime not in ("image/png", "image/jpeg", "image/gif", "image/webp"):
        mime = "image/png" if stored.data.startswith(b"\x89PNG") else "image/jpeg"
    disposition = "inline" if is_image else "attachment"
    return web.Response(
        body=stored.data,
        content_type=mime,
        headers={
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(name)}",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "no-store",
        },
    )
