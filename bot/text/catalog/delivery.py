"""Texts added to scheduled messages by the outbox."""

ID = {
    "delivery.possible_repeat": "<i>ℹ️ Pesan ini mungkin sudah terkirim sebelumnya: bot sempat terhenti saat mengirimnya.</i>",
}

EN = {
    "delivery.possible_repeat": "<i>ℹ️ This message may have been sent before: the bot stopped while sending it.</i>",
}
