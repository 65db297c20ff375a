"""Corrections (/ubah, /hapus), withdrawn records, and the Ya/Batal confirmation buttons."""

ID = {
    "help.ubah": "Membetulkan teks pengumuman, keputusan, agenda atau tugas (pembuatnya, koordinator)",
    "help.ubah.usage": (
        "<code>/ubah pengumuman 3 Rakor evaluasi APBD hari Selasa pukul 09.00</code>\n"
        "<code>/ubah keputusan 2 Pendataan aset selesai 15 Desember</code>\n"
        "<code>/ubah agenda 5 Evaluasi PAD triwulan III</code> · <code>/ubah tugas 4 Pasang rambu"
        " di Jl. Merdeka</code>\n"
        "Teks sebelumnya tetap tersimpan di riwayat; pesannya diubah di tempat dan ditandai"
        " <i>(diubah)</i>. Pengumuman yang diubah perlu ditekan Diterima lagi."
    ),
    "help.hapus": "Menarik catatan yang keliru, setelah konfirmasi (koordinator; pembuatnya untuk agenda dan pengingatnya)",
    "help.hapus.usage": (
        "<code>/hapus pengumuman 3</code> · <code>/hapus keputusan 2</code> ·"
        " <code>/hapus agenda 5</code> · <code>/hapus tugas 4</code> · <code>/hapus pengingat 1</code>\n"
        "Catatan yang ditarik tetap tersimpan (siapa dan kapan menariknya), tetapi tidak tampil"
        " lagi di daftar, pencarian, notulen, tindak lanjut, rekap dan ekspor. Tombol"
        " konfirmasinya berlaku 5 menit."
    ),
    "corrections.kind.announcement": "Pengumuman",
    "corrections.kind.decision": "Keputusan",
    "corrections.kind.agenda_item": "Agenda",
    "corrections.kind.task": "Tugas",
    "corrections.kind.reminder": "Pengingat",
    "corrections.edit_usage": (
        "Tulis jenis catatan, nomornya, lalu teks barunya. Contoh:\n"
        "<code>/ubah pengumuman 3 Rakor evaluasi APBD hari Selasa pukul 09.00</code>\n"
        "Jenis: pengumuman, keputusan, agenda, tugas."
    ),
    "corrections.withdraw_usage": (
        "Tulis jenis catatan dan nomornya. Contoh: <code>/hapus pengumuman 3</code>\n"
        "Jenis: pengumuman, keputusan, agenda, tugas, pengingat."
    ),
    "corrections.private_reminders_only": (
        "Di obrolan pribadi hanya pengingat yang dapat ditarik. Contoh:"
        " <code>/hapus pengingat 2</code>"
    ),
    "corrections.not_found": "{record} #{number} tidak ada di sini. Periksa nomornya, contoh: <code>{example}</code>",
    "corrections.too_long": (
        "Teks barunya terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Mohon diringkas."
        " Contoh: <code>/ubah keputusan 2 Pendataan aset selesai 15 Desember</code>"
    ),
    "corrections.unchanged": "Teks barunya sama dengan yang tercatat; tidak ada yang diubah.",
    "corrections.withdrawn_already": "{record} #{number} sudah ditarik; tidak bisa diubah lagi.",
    "corrections.edit_not_allowed": (
        "{record} #{number} hanya dapat diubah oleh yang mencatatnya atau koordinator."
    ),
    "corrections.withdraw_coordinator_only": "{record} #{number} hanya dapat ditarik oleh koordinator.",
    "corrections.withdraw_author_or_coordinator": (
        "{record} #{number} hanya dapat ditarik oleh yang membuatnya atau koordinator."
    ),
    "corrections.edited": "✏️ <b>{record} #{number}</b> diubah oleh {name}. Teks sebelumnya tetap tersimpan di riwayatnya.",
    "corrections.edited_ack_again": (
        "Instansi yang sudah menekan Diterima mohon menekannya lagi untuk versi ini;"
        " tindak lanjutnya dimulai lagi."
    ),
    "corrections.edited_no_post": "<i>Pesan aslinya tidak dapat diubah; teks barunya:</i>\n{text}",
    "corrections.edited_mark": " <i>(diubah)</i>",
    "corrections.confirm_withdraw": (
        "Tarik <b>{record} #{number}</b>?\n<i>{excerpt}</i>\n\n"
        "Catatannya tetap tersimpan (siapa dan kapan menariknya), tetapi tidak tampil lagi di"
        " daftar, pencarian, notulen, tindak lanjut, rekap dan ekspor. Tombol ini berlaku 5 menit."
    ),
    "corrections.confirm_withdraw_reminder": (
        "Tarik <b>Pengingat #{number}</b>?\n<i>{excerpt}</i>\n\n"
        "Pengingatnya tidak dikirim lagi; catatannya tetap tersimpan. Tombol ini berlaku 5 menit."
    ),
    "corrections.withdraw_button": "🚫 Ya, tarik",
    "corrections.withdrawn": "🚫 <b>{record} #{number}</b> ditarik oleh {name}.",
    "corrections.withdrawn_toast": "{record} #{number} ditarik.",
    "corrections.withdraw_declined": "Batal: {record} #{number} tidak ditarik.",
    "corrections.withdrawn_post": "🚫 <b>{record} #{number}</b> ditarik oleh {name}, {when}.\n<s>{excerpt}</s>",
    "corrections.withdrawn_notice": "{record} #{number} sudah ditarik oleh {name} ({when}).",
    "confirm.no_button": "Batal",
    "confirm.stale": "Tombol ini sudah tidak berlaku.",
    "confirm.answered": "Pertanyaan ini sudah dijawab.",
    "confirm.expired": "Waktu konfirmasi (5 menit) sudah habis; tidak ada yang diubah. Ulangi perintahnya bila masih perlu.",
    "confirm.expired_note": "<i>Waktu konfirmasi habis; tidak ada yang diubah.</i>",
    "confirm.declined": "Dibatalkan.",
}

EN = {
    "help.ubah": "Correct the text of an announcement, decision, agenda item or task (its author, coordinator)",
    "help.ubah.usage": (
        "<code>/edit announcement 3 Budget review meeting on Tuesday at 9:00</code>\n"
        "<code>/edit decision 2 Asset inventory done by 15 December</code>\n"
        "<code>/edit agenda 5 Q3 local revenue review</code> · <code>/edit task 4 Put up signs on"
        " Jl. Merdeka</code>\n"
        "The earlier text stays in the history; the post is edited in place and marked"
        " <i>(edited)</i>. An edited announcement is acknowledged again."
    ),
    "help.hapus": "Withdraw a record made by mistake, after confirming (coordinator; the author for their agenda items and reminders)",
    "help.hapus.usage": (
        "<code>/delete announcement 3</code> · <code>/delete decision 2</code> ·"
        " <code>/delete agenda 5</code> · <code>/delete task 4</code> · <code>/delete reminder 1</code>\n"
        "A withdrawn record is kept (with who withdrew it and when) but no longer shown in lists,"
        " search, minutes, follow-ups, the recap or exports. The confirmation button is valid for"
        " 5 minutes."
    ),
    "corrections.kind.announcement": "Announcement",
    "corrections.kind.decision": "Decision",
    "corrections.kind.agenda_item": "Agenda",
    "corrections.kind.task": "Task",
    "corrections.kind.reminder": "Reminder",
    "corrections.edit_usage": (
        "Give the kind of record, its number and the new text. For example:\n"
        "<code>/edit announcement 3 Budget review meeting on Tuesday at 9:00</code>\n"
        "Kinds: announcement, decision, agenda, task."
    ),
    "corrections.withdraw_usage": (
        "Give the kind of record and its number. For example: <code>/delete announcement 3</code>\n"
        "Kinds: announcement, decision, agenda, task, reminder."
    ),
    "corrections.private_reminders_only": (
        "In a private chat only reminders can be withdrawn. For example:"
        " <code>/delete reminder 2</code>"
    ),
    "corrections.not_found": "There is no {record} #{number} here. Check the number, for example: <code>{example}</code>",
    "corrections.too_long": (
        "The new text is too long: {length} characters, at most {limit} (an emoji counts as 2). Please shorten it."
        " For example: <code>/edit decision 2 Asset inventory done by 15 December</code>"
    ),
    "corrections.unchanged": "The new text is the same as the one recorded; nothing was changed.",
    "corrections.withdrawn_already": "{record} #{number} was withdrawn; it cannot change any more.",
    "corrections.edit_not_allowed": (
        "{record} #{number} can only be edited by whoever recorded it or a coordinator."
    ),
    "corrections.withdraw_coordinator_only": "{record} #{number} can only be withdrawn by a coordinator.",
    "corrections.withdraw_author_or_coordinator": (
        "{record} #{number} can only be withdrawn by whoever made it or a coordinator."
    ),
    "corrections.edited": "✏️ <b>{record} #{number}</b> edited by {name}. The earlier text stays in its history.",
    "corrections.edited_ack_again": (
        "Units that pressed Received, please press it again for this version; its follow-ups"
        " start again."
    ),
    "corrections.edited_no_post": "<i>The original post cannot be edited; the new text:</i>\n{text}",
    "corrections.edited_mark": " <i>(edited)</i>",
    "corrections.confirm_withdraw": (
        "Withdraw <b>{record} #{number}</b>?\n<i>{excerpt}</i>\n\n"
        "It stays on record (with who withdrew it and when) but is no longer shown in lists,"
        " search, minutes, follow-ups, the recap or exports. This button is valid for 5 minutes."
    ),
    "corrections.confirm_withdraw_reminder": (
        "Withdraw <b>Reminder #{number}</b>?\n<i>{excerpt}</i>\n\n"
        "It will not be sent any more; it stays on record. This button is valid for 5 minutes."
    ),
    "corrections.withdraw_button": "🚫 Yes, withdraw",
    "corrections.withdrawn": "🚫 <b>{record} #{number}</b> withdrawn by {name}.",
    "corrections.withdrawn_toast": "{record} #{number} withdrawn.",
    "corrections.withdraw_declined": "Cancelled: {record} #{number} was not withdrawn.",
    "corrections.withdrawn_post": "🚫 <b>{record} #{number}</b> withdrawn by {name}, {when}.\n<s>{excerpt}</s>",
    "corrections.withdrawn_notice": "{record} #{number} was withdrawn by {name} ({when}).",
    "confirm.no_button": "Cancel",
    "confirm.stale": "This button is no longer valid.",
    "confirm.answered": "This question was answered already.",
    "confirm.expired": "The confirmation time (5 minutes) is over; nothing was changed. Send the command again if still needed.",
    "confirm.expired_note": "<i>The confirmation time is over; nothing was changed.</i>",
    "confirm.declined": "Cancelled.",
}
