"""Units (instansi), joining a unit, and roles."""

ID = {
    "units.list_header": "<b>Instansi di grup ini</b> ({count})",
    "units.list_item": "• <b>{code}</b> — {name}{members}",
    "units.list_members": "\n   Anggota: {names}",
    "units.list_no_members": "\n   <i>belum ada anggota</i>",
    "units.list_empty": (
        "Belum ada instansi di grup ini. Koordinator dapat menambah, contoh:\n"
        "<code>/instansi tambah DISHUB Dinas Perhubungan</code>"
    ),
    "units.list_footer": "Bergabung ke instansi Anda: <code>/gabung KODE</code>",
    "units.added": "Instansi <b>{code}</b> — {name} ditambahkan. Anggotanya bergabung dengan <code>/gabung {code}</code>.",
    "units.exists": "Kode <b>{code}</b> sudah dipakai oleh {name}. Pilih kode lain.",
    "units.restored": (
        "Instansi <b>{code}</b> — {name} dipulihkan beserta riwayatnya (tanda terima, tugas,"
        " kehadiran). Anggotanya bergabung lagi dengan <code>/gabung {code}</code>."
    ),
    "units.confirm_archive": (
        "Arsipkan instansi <b>{code}</b> — {name}?\n"
        "Anggotanya ({members}) dilepas dan diberi tahu; riwayatnya (tanda terima, tugas,"
        " kehadiran) tetap tersimpan; instansi ini tidak dihitung lagi untuk pengumuman baru."
        " Memulihkannya: <code>/instansi tambah {code} {name}</code>. Tombol ini berlaku 5 menit."
    ),
    "units.archive_button": "🗄 Ya, arsipkan",
    "units.archived": "🗄 Instansi <b>{code}</b> — {name} diarsipkan oleh {by}.",
    "units.archived_members": (
        "{mentions}: Anda tidak lagi terdaftar di instansi mana pun di grup ini. Bergabung ke"
        " instansi Anda dengan <code>/gabung KODE</code>."
    ),
    "units.archived_tasks": (
        "Tugas yang masih berjalan untuk {code}: {numbers}. Pindahkan dengan, misalnya,"
        " <code>/tugas {first} pindah KODE</code>."
    ),
    "units.archived_restore": "Memulihkannya: <code>/instansi tambah {code} {name}</code>",
    "units.archive_declined": "Batal: instansi <b>{code}</b> tidak diarsipkan.",
    "units.archived_toast": "{code} diarsipkan.",
    "units.archived_already": "Instansi {code} sudah diarsipkan.",
    "units.archive_not_allowed": "Hanya koordinator yang dapat mengarsipkan instansi.",
    "units.unknown": "Instansi dengan kode <b>{code}</b> tidak ada di grup ini. Kode yang ada: {codes}",
    "units.no_codes": "(belum ada; koordinator menambah dengan <code>/instansi tambah</code>)",
    "units.add_usage": (
        "Tulis kode lalu nama lengkap instansinya. Contoh:\n"
        "<code>/instansi tambah DISHUB Dinas Perhubungan</code>\n"
        "Kode: 2–16 huruf/angka, tanpa spasi."
    ),
    "units.name_too_long": (
        "Nama instansi terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Contoh:"
        " <code>/instansi tambah DISHUB Dinas Perhubungan</code>"
    ),
    "units.remove_usage": (
        "Tulis kode instansi yang diarsipkan. Contoh: <code>/instansi hapus DISHUB</code>"
    ),
    "units.usage": (
        "Pilihan: <code>/instansi</code> (daftar), <code>/instansi tambah KODE Nama lengkap</code>,"
        " <code>/instansi hapus KODE</code>."
    ),
    "units.joined": "{name} bergabung ke <b>{code}</b> — {unit}.",
    "units.joined_moved": "{name} keluar dari <b>{old}</b> dan bergabung ke <b>{code}</b> — {unit}.",
    "units.join_usage": "Tulis kode instansi Anda. Contoh: <code>/gabung DISHUB</code>\nKode yang ada: {codes}",
    "roles.set": "Peran {name} di grup ini sekarang: <b>{role}</b>.",
    "roles.usage": (
        "Tulis username dan perannya. Contoh: <code>/peran @budi_dishub koordinator</code>\n"
        "Atau balas pesan orangnya dengan <code>/peran anggota</code>.\n"
        "Peran: koordinator, anggota, pengamat."
    ),
    "roles.not_a_person": (
        "Peran hanya untuk orang, bukan bot. Balas pesan orangnya dengan"
        " <code>/peran {role}</code>, atau tulis <code>/peran @budi_dishub {role}</code>."
    ),
    "roles.unknown_user": (
        "Saya belum mengenal {username}. Minta yang bersangkutan mengirim pesan di grup dulu,"
        " atau balas pesannya dengan <code>/peran {role}</code>."
    ),
    "roles.admin_is_coordinator": (
        "{name} adalah admin grup, jadi tetap koordinator selama menjadi admin."
    ),
}

EN = {
    "units.list_header": "<b>Units in this group</b> ({count})",
    "units.list_item": "• <b>{code}</b> — {name}{members}",
    "units.list_members": "\n   Members: {names}",
    "units.list_no_members": "\n   <i>no members yet</i>",
    "units.list_empty": (
        "This group has no units yet. A coordinator can add one, for example:\n"
        "<code>/units tambah DISHUB Dinas Perhubungan</code>"
    ),
    "units.list_footer": "Join your unit: <code>/join CODE</code>",
    "units.added": "Unit <b>{code}</b> — {name} added. Its members join with <code>/join {code}</code>.",
    "units.exists": "The code <b>{code}</b> is already used by {name}. Choose another code.",
    "units.restored": (
        "Unit <b>{code}</b> — {name} is restored with its history (acknowledgements, tasks,"
        " attendance). Its members join again with <code>/join {code}</code>."
    ),
    "units.confirm_archive": (
        "Archive the unit <b>{code}</b> — {name}?\n"
        "Its members ({members}) are released and told; its history (acknowledgements, tasks,"
        " attendance) is kept; it no longer counts for new announcements. To restore it:"
        " <code>/units tambah {code} {name}</code>. This button is valid for 5 minutes."
    ),
    "units.archive_button": "🗄 Yes, archive",
    "units.archived": "🗄 The unit <b>{code}</b> — {name} was archived by {by}.",
    "units.archived_members": (
        "{mentions}: you are no longer in any unit of this group. Join your unit with"
        " <code>/join CODE</code>."
    ),
    "units.archived_tasks": (
        "Tasks still under way for {code}: {numbers}. Reassign them with, for example,"
        " <code>/task {first} move CODE</code>."
    ),
    "units.archived_restore": "To restore it: <code>/units tambah {code} {name}</code>",
    "units.archive_declined": "Cancelled: the unit <b>{code}</b> was not archived.",
    "units.archived_toast": "{code} archived.",
    "units.archived_already": "The unit {code} is archived already.",
    "units.archive_not_allowed": "Only a coordinator can archive a unit.",
    "units.unknown": "There is no unit with the code <b>{code}</b> in this group. Codes: {codes}",
    "units.no_codes": "(none yet; a coordinator adds one with <code>/units tambah</code>)",
    "units.add_usage": (
        "Give the code and then the unit's full name. For example:\n"
        "<code>/units tambah DISHUB Dinas Perhubungan</code>\n"
        "Code: 2–16 letters/digits, no spaces."
    ),
    "units.name_too_long": (
        "The unit's name is too long: {length} characters, at most {limit} (an emoji counts as 2). For example:"
        " <code>/units tambah DISHUB Dinas Perhubungan</code>"
    ),
    "units.remove_usage": (
        "Give the code of the unit to archive. For example: <code>/units hapus DISHUB</code>"
    ),
    "units.usage": (
        "Options: <code>/units</code> (list), <code>/units tambah CODE Full name</code>,"
        " <code>/units hapus CODE</code>."
    ),
    "units.joined": "{name} joined <b>{code}</b> — {unit}.",
    "units.joined_moved": "{name} left <b>{old}</b> and joined <b>{code}</b> — {unit}.",
    "units.join_usage": "Give your unit's code. For example: <code>/join DISHUB</code>\nCodes: {codes}",
    "roles.set": "{name}'s role in this group is now: <b>{role}</b>.",
    "roles.usage": (
        "Give the username and the role, for example: <code>/role @budi_dishub coordinator</code>\n"
        "Or reply to the person's message with <code>/role member</code>.\n"
        "Roles: coordinator, member, observer."
    ),
    "roles.not_a_person": (
        "Roles are for people, not bots. Reply to the person's message with"
        " <code>/role {role}</code>, or write <code>/role @budi_dishub {role}</code>."
    ),
    "roles.unknown_user": (
        "I don't know {username} yet. Ask them to send a message in the group first, or reply to"
        " their message with <code>/role {role}</code>."
    ),
    "roles.admin_is_coordinator": (
        "{name} is a group admin, so they stay a coordinator while they are an admin."
    ),
}
