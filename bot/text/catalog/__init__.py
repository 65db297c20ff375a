"""One module per feature, each defining ``ID`` and ``EN`` dicts of texts (see ``bot.text.i18n``)."""
