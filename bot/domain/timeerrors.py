"""The refusal of a time phrase, shared by the parser's modules."""

from __future__ import annotations

from bot.text.i18n import t


class TimeParseError(ValueError):
    """A refused phrase. ``str()`` is the message in ``lang`` with the reminder example;
    :meth:`render` gives it in any language with the example of the command that asked."""

    def __init__(self, key: str, lang: str = "id", /, **params: object) -> None:
        self.key = f"timeparse.{key}"
        self.params = params
        super().__init__(self.render(lang))

    def render(self, lang: str, example_key: str = "timeparse.example") -> str:
        """What was wrong, then an example of the right form (``example_key``'s text)."""
        return t(lang, self.key, **self.params) + "\n" + t(lang, example_key)
