"""python-telegram-bot's ``BaseRequest`` over aiohttp's HTTP client.

python-telegram-bot sends its Bot API requests with httpx by default. With many requests
under way at once httpx's connection pool becomes the bot's largest cost: each request
scans every pooled connection, asks each idle one whether its socket is readable, and
requests assigned to the same idle connection retry one another. ``bench/transport.py``
printed 1.3 ms of CPU per request one at a time and 2.1 ms sixteen at a time for httpx, 0.33
and 0.18 ms for this class. aiohttp is already a dependency.

The behaviour python-telegram-bot expects of a request class is kept: parameters go as a
form (``application/x-www-form-urlencoded``, or ``multipart/form-data`` with files, each
non-string value JSON-encoded), redirects are not followed, the environment's proxy settings
(``HTTPS_PROXY``…) apply as they do for httpx, a timeout raises ``TimedOut`` and any other
failure ``NetworkError``, each with aiohttp's exception as its ``__cause__`` (its text
without the bot token, which aiohttp's messages may quote in the URL).
"""

from __future__ import annotations

import ssl
import urllib.parse
import urllib.request
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.logs import redact

_FORM = {"Content-Type": "application/x-www-form-urlencoded"}
_FILENAME_ESCAPES = str.maketrans({'"': "%22", **{chr(c): f"%{c:02X}" for c in range(0x20)}})
"""What httpx escapes in a file's name (a quote, control characters); the rest goes as UTF-8,
as browsers send it: aiohttp would percent-encode every space and letter beyond ASCII, and
Telegram would show the document as ``notulen%20rapat.docx``."""


class AiohttpRequest(BaseRequest):
    """One aiohttp session (and its pool of up to ``connection_pool_size`` connections).

    The timeouts are python-telegram-bot's, as aiohttp can keep them: ``connect_timeout``
    bounds opening a connection, and with ``pool_timeout`` added, waiting for a free one and
    opening it (aiohttp times the two as one); ``read_timeout`` bounds each wait for the
    answer; all four (``media_write_timeout`` for ``write_timeout`` when files are sent)
    added up bound the whole request, so a write that never ends ends too.
    """

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_proxies",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_ssl",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._ssl: ssl.SSLContext | bool = ssl_context if ssl_context is not None else True
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, ssl=self._ssl),
                headers={"User-Agent": self.USER_AGENT},
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        self._proxies.clear()

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        body: Any = None
        headers = None
        has_files = False
        if request_data is not None:
            files = request_data.multipart_data
            if files:
                has_files = True
                form = aiohttp.FormData(quote_fields=False)
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, (filename, content, mimetype) in files.items():
                    safe_name = filename.translate(_FILENAME_ESCAPES)
                    form.add_field(name, content, filename=safe_name, content_type=mimetype)
                body = form
            else:
                body = request_data.url_encoded_parameters().encode()
                headers = _FORM
        timeout = self._timeout(
            read_timeout, write_timeout, connect_timeout, pool_timeout, has_files
        )
        try:
            async with session.request(
                method,
                url,
                data=body,
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
                proxy=self._proxy(url),
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut from _without_token(err)
        except aiohttp.ClientError as err:
            message = redact(f"aiohttp.{err.__class__.__name__}: {err}")
            raise NetworkError(message) from _without_token(err)

    def _proxy(self, url: str) -> str | None:
        """The proxy the environment names for ``url``'s scheme and host (read once per
        origin: aiohttp's ``trust_env`` reads the environment and ``~/.netrc`` per request)."""
        parts = urllib.parse.urlsplit(url)
        origin = (parts.scheme, parts.netloc)
        if origin not in self._proxies:
            proxies = urllib.request.getproxies()
            bypass = parts.hostname is not None and urllib.request.proxy_bypass(parts.hostname)
            self._proxies[origin] = None if bypass else proxies.get(parts.scheme)
        return self._proxies[origin]

    def _timeout(
        self,
        read: ODVInput[float],
        write: ODVInput[float],
        connect: ODVInput[float],
        pool: ODVInput[float],
        has_files: bool,
    ) -> aiohttp.ClientTimeout:
        read = self._read_timeout if isinstance(read, DefaultValue) else read
        connect = self._connect_timeout if isinstance(connect, DefaultValue) else connect
        pool = self._pool_timeout if isinstance(pool, DefaultValue) else pool
        if isinstance(write, DefaultValue):
            write = self._media_write_timeout if has_files else self._write_timeout
        total = None
        if read is not None and write is not None and connect is not None and pool is not None:
            total = read + write + connect + pool
        acquire = None if connect is None or pool is None else connect + pool
        return aiohttp.ClientTimeout(
            total=total, connect=acquire, sock_connect=connect, sock_read=read
        )


def _without_token(error: BaseException) -> BaseException | None:
    """``error`` with the bot token taken out of its text, to chain to what is raised; None
    when its text still names it. aiohttp names the whole URL, whose path holds the token, in
    some errors (``Connection timeout to host https://…/bot<token>/getMe``), and a chained
    error is printed with any traceback, even an uncaught one."""
    error.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in error.args)
    return error if redact(str(error)) == str(error) else None
