"""The sandbox page and its small JSON API.

- ``GET /`` the page, ``GET /static/…`` its script and style;
- ``GET /api/state?persona=KEY`` the group, the personas and both chats of that persona;
- ``POST /api/send`` ``{"persona", "chat": "group"|"private", "text"}``;
- ``POST /api/press`` ``{"persona", "chat", "message_id", "data"}`` (an inline button);
- ``GET /api/events?persona=KEY`` server-sent events: new, edited and deleted messages of
  that persona's chats and the answers to their button presses;
- ``GET /files/PATH`` documents (as downloads) and images the bot sent.

Only requests addressed to the loopback host are served (no DNS rebinding), and writes must
be JSON (a form on another site cannot post here without a CORS preflight, which fails).
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web

from bot.sandbox.scene import GROUP_ID, GROUP_TITLE, PERSONAS, Persona, persona
from bot.sandbox.view import has_button, message_view

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from bot.fakeapi import StoredMessage
    from bot.sandbox.runner import Sandbox

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
SANDBOX_KEY: web.AppKey[Sandbox] = web.AppKey("sandbox")
MAX_TEXT = 4096
KEEPALIVE_SECONDS = 15.0
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def make_web_app(sandbox: Sandbox) -> web.Application:
    app = web.Application(middlewares=[local_only], client_max_size=64 * 1024)
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


async def send(request: web.Request) -> web.Response:
    sandbox = sandbox_of(request)
    body = await _json_body(request)
    me = _persona(body.get("persona"))
    chat = _chat(body.get("chat", "group"))
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        return _error("text is empty")
    if len(text) > MAX_TEXT:
        return _error(f"text is longer than {MAX_TEXT} characters")
    payload = sandbox.say(me, text.strip(), chat)
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
