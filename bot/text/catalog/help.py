"""/bantuan texts, and one line per foundation command (plain text: also the command menu).

Each feature's catalog adds ``help.<name>`` (one plain-text line, at most 256 characters) and
``help.<name>.usage`` (HTML, with examples) for its own commands.
"""

ID = {
    "help.header": "<b>Perintah Rakor</b>",
    "help.footer": "Rincian satu perintah: <code>/bantuan instansi</code>. Perintah bahasa Inggris juga bisa (/help).",
    "help.hint": "Daftar perintah: /bantuan",
    "help.unknown": "Perintah {command} tidak ada. Daftar perintah: /bantuan",
    "fallback.unknown_command": "Perintah {command} tidak dikenal. Daftar perintah: /bantuan",
    "fallback.private": (
        "Halo! Saya Rakor, pencatat grup koordinasi. Di obrolan pribadi ini Anda dapat:\n"
        "• <code>/cari kata kunci</code> — mencari pengumuman, keputusan, agenda dan tugas di"
        " grup Anda\n"
        "• <code>/ingatkan besok jam 9 Kirim laporan</code> — pengingat pribadi\n"
        "• <code>/pengingat</code> — daftar pengingat Anda\n"
        "Semua perintah: /bantuan"
    ),
    "help.detail_header": "<b>{command}</b> (juga {alias})",
    "help.mulai": "Mendaftarkan grup ini di Rakor (koordinator)",
    "help.mulai.usage": "Ketik <code>/mulai</code> di grup koordinasi. Di obrolan pribadi: sapaan dan bantuan.",
    "help.bantuan": "Daftar perintah dan cara memakainya",
    "help.bantuan.usage": "<code>/bantuan</code> atau <code>/bantuan gabung</code> untuk rincian satu perintah.",
    "help.instansi": "Daftar instansi dan anggotanya; koordinator menambah dan mengarsipkan",
    "help.instansi.usage": (
        "<code>/instansi</code> — daftar instansi dan anggotanya\n"
        "<code>/instansi tambah DISHUB Dinas Perhubungan</code> — tambah, atau pulihkan instansi"
        " yang diarsipkan beserta riwayatnya (koordinator)\n"
        "<code>/instansi hapus DISHUB</code> — arsipkan setelah konfirmasi; riwayatnya tetap"
        " (koordinator)"
    ),
    "help.gabung": "Bergabung ke instansi Anda di grup ini",
    "help.gabung.usage": (
        "<code>/gabung DISHUB</code> — kodenya lihat di /instansi. Satu orang satu instansi:"
        " bergabung ke instansi lain berarti keluar dari yang lama."
    ),
    "help.peran": "Menetapkan peran: koordinator, anggota, pengamat (koordinator)",
    "help.peran.usage": (
        "<code>/peran @username koordinator</code>, atau balas pesan orangnya dengan"
        " <code>/peran pengamat</code>.\nAdmin grup selalu koordinator."
    ),
    "help.bahasa": "Bahasa grup: id atau en (koordinator)",
    "help.bahasa.usage": "<code>/bahasa id</code> atau <code>/bahasa en</code>",
}

EN = {
    "help.header": "<b>Rakor commands</b>",
    "help.footer": "Details of one command: <code>/help units</code>. The Indonesian names work too (/bantuan).",
    "help.hint": "All commands: /help",
    "help.unknown": "There is no command {command}. All commands: /help",
    "fallback.unknown_command": "I don't know the command {command}. All commands: /help",
    "fallback.private": (
        "Hello! I am Rakor, the record keeper of coordination groups. In this private chat you"
        " can:\n"
        "• <code>/search keyword</code> — search announcements, decisions, agenda items and"
        " tasks of your groups\n"
        "• <code>/remind tomorrow 9am Send the report</code> — a personal reminder\n"
        "• <code>/reminders</code> — your reminders\n"
        "All commands: /help"
    ),
    "help.detail_header": "<b>{command}</b> (also {alias})",
    "help.mulai": "Register this group with Rakor (coordinator)",
    "help.mulai.usage": "Send <code>/start</code> in the coordination group. In a private chat: a greeting and help.",
    "help.bantuan": "The commands and how to use them",
    "help.bantuan.usage": "<code>/help</code>, or <code>/help join</code> for one command in detail.",
    "help.instansi": "Units and their members; coordinators add and archive units",
    "help.instansi.usage": (
        "<code>/units</code> — the units and their members\n"
        "<code>/units tambah DISHUB Dinas Perhubungan</code> — add one, or restore an archived"
        " one with its history (coordinator)\n"
        "<code>/units hapus DISHUB</code> — archive one after confirming; its history is kept"
        " (coordinator)"
    ),
    "help.gabung": "Join your unit in this group",
    "help.gabung.usage": (
        "<code>/join DISHUB</code> — see the codes with /units. One person, one unit: joining"
        " another unit leaves the earlier one."
    ),
    "help.peran": "Set a role: coordinator, member, observer (coordinator)",
    "help.peran.usage": (
        "<code>/role @username coordinator</code>, or reply to the person's message with"
        " <code>/role observer</code>.\nGroup admins are always coordinators. The Indonesian"
        " names work too (koordinator, anggota, pengamat)."
    ),
    "help.bahasa": "The group's language: id or en (coordinator)",
    "help.bahasa.usage": "<code>/language id</code> or <code>/language en</code>",
}
