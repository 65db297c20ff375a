import io
import logging

from bot.logs import RedactingFormatter

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_token_never_reaches_the_log_even_in_a_traceback() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(message)s", (TOKEN,)))
    log = logging.getLogger("test.redaction")
    log.addHandler(handler)
    log.propagate = False
    try:
        raise ConnectionError(f"POST https://api.telegram.org/bot{TOKEN}/getUpdates failed")
    except ConnectionError:
        log.exception("request to https://api.telegram.org/bot%s/sendMessage failed", TOKEN)
    output = stream.getvalue()
    assert TOKEN not in output
    assert "AAHdqTcv" not in output
    assert output.count("[token]") == 2
    log.removeHandler(handler)
