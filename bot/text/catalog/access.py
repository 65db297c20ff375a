"""Refusals: where a command works and who may use it."""

ID = {
    "access.group_only": "Perintah {command} dipakai di grup koordinasi, bukan di obrolan pribadi.",
    "access.private_only": "Perintah {command} dipakai di obrolan pribadi dengan bot.",
    "access.not_registered": (
        "Grup ini belum terdaftar di Rakor. Koordinator (admin grup) silakan ketik {start} dulu."
    ),
    "access.role_required": (
        "Maaf, {command} hanya untuk {role}. Peran Anda di grup ini: {your_role}.\n"
        "Admin grup atau koordinator dapat mengubah peran dengan /peran."
    ),
    "access.admins_only": (
        "Maaf, {command} hanya untuk admin grup. Minta salah satu admin grup mengetik {start}."
    ),
    "access.refused_group": (
        "Maaf, Rakor belum diizinkan melayani grup ini, jadi bot keluar dari grup.\n"
        "Pengelola bot dapat menambahkan id grup <code>{chat_id}</code> ke RAKOR_ALLOWED_CHATS."
    ),
}

EN = {
    "access.group_only": "{command} is used in the coordination group, not in a private chat.",
    "access.private_only": "{command} is used in a private chat with the bot.",
    "access.not_registered": (
        "This group is not registered with Rakor yet. A coordinator (group admin), please send"
        " {start} first."
    ),
    "access.role_required": (
        "Sorry, {command} is only for {role}s. Your role in this group: {your_role}.\n"
        "A group admin or coordinator can change roles with /role."
    ),
    "access.admins_only": (
        "Sorry, {command} is only for the group's admins. Ask one of them to send {start}."
    ),
    "access.refused_group": (
        "Sorry, Rakor is not allowed to serve this group, so the bot is leaving.\n"
        "The bot's operator can add the group id <code>{chat_id}</code> to RAKOR_ALLOWED_CHATS."
    ),
}
