"""Registering a group, its language and greetings."""

ID = {
    "groups.registered": (
        "Grup <b>{title}</b> terdaftar di Rakor. Terima kasih!\n\n"
        "Langkah berikutnya:\n"
        "• Koordinator menambah instansi: <code>/instansi tambah DISHUB Dinas Perhubungan</code>\n"
        "• Setiap anggota bergabung ke instansinya: <code>/gabung DISHUB</code>\n"
        "• Daftar perintah: /bantuan"
    ),
    "groups.already_registered": ("Grup <b>{title}</b> sudah terdaftar. Daftar perintah: /bantuan"),
    "groups.private_greeting": (
        "Halo {name}! Saya Rakor, pencatat koordinasi untuk grup pemerintah daerah:"
        " pengumuman dan tanda terimanya per instansi, agenda rapat, keputusan, rencana aksi"
        " dan pengingat.\n\n"
        "Tambahkan saya ke grup koordinasi, lalu koordinator mengetik /mulai di grup."
    ),
    "groups.added_hint": (
        "Halo! Saya Rakor. Koordinator (admin grup), silakan ketik /mulai untuk mendaftarkan grup ini."
    ),
    "groups.language_set": "Bahasa grup diubah ke Bahasa Indonesia.",
    "groups.language_usage": (
        "Tulis kode bahasanya: <code>/bahasa id</code> (Bahasa Indonesia) atau"
        " <code>/bahasa en</code> (English)."
    ),
}

EN = {
    "groups.registered": (
        "The group <b>{title}</b> is now registered with Rakor. Thank you!\n\n"
        "Next steps:\n"
        "• A coordinator adds the units: <code>/units tambah DISHUB Dinas Perhubungan</code>\n"
        "• Every member joins their unit: <code>/join DISHUB</code>\n"
        "• All commands: /help"
    ),
    "groups.already_registered": "The group <b>{title}</b> is already registered. All commands: /help",
    "groups.private_greeting": (
        "Hello {name}! I am Rakor, the record keeper for regional government coordination groups:"
        " announcements and who acknowledged them per unit, meeting agendas, decisions, action"
        " plans and reminders.\n\n"
        "Add me to your coordination group, then a coordinator sends /start in the group."
    ),
    "groups.added_hint": (
        "Hello! I am Rakor. A coordinator (group admin), please send /start to register this group."
    ),
    "groups.language_set": "The group's language is now English.",
    "groups.language_usage": (
        "Give the language code: <code>/language id</code> (Bahasa Indonesia) or"
        " <code>/language en</code> (English)."
    ),
}
