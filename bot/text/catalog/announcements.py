"""Announcements (/umumkan, /pengumuman, /belum), the Diterima button and follow-ups."""

ID = {
    "help.umumkan": "Mengumumkan ke semua instansi, dengan tombol Diterima (koordinator)",
    "help.umumkan.usage": (
        "<code>/umumkan Rakor evaluasi APBD hari Senin pukul 09.00 di Ruang Rapat Asisten</code>\n"
        "Atau balas pesan yang ingin diumumkan dengan <code>/umumkan</code>.\n"
        "Pesan koordinator yang memuat <code>#pengumuman</code> juga menjadi pengumuman.\n"
        "Instansi yang belum menekan Diterima diingatkan hari kerja berikutnya dan sehari"
        " sesudahnya."
    ),
    "help.pengumuman": "Pengumuman terbaru dan berapa instansi yang sudah menerima",
    "help.pengumuman.usage": (
        "<code>/pengumuman</code> — daftar pengumuman terbaru\n"
        "<code>/pengumuman jam 08.30</code> — jam tindak lanjut pengumuman di grup ini"
        " (koordinator; bawaan 09.00)"
    ),
    "help.belum": "Instansi yang belum menerima pengumuman N",
    "help.belum.usage": "<code>/belum 3</code> atau <code>/belum #3</code> — nomornya lihat di /pengumuman",
    "announcements.posted": "📢 <b>Pengumuman #{number}</b>{edited}\n\n{text}\n\n<i>— {author}{unit}</i>",
    "announcements.already_posted": "Pengumuman #{number} sudah tercatat dan diumumkan (lihat pesan di atas).",
    "announcements.author_unit": " ({code})",
    "announcements.button": "✅ Diterima {acked}/{total} instansi",
    "announcements.button_plain": "✅ Diterima",
    "announcements.usage": (
        "Tulis isi pengumumannya, atau balas pesan yang ingin diumumkan dengan"
        " <code>/umumkan</code>. Contoh:\n"
        "<code>/umumkan Rakor evaluasi APBD hari Senin pukul 09.00 di Ruang Rapat Asisten</code>"
    ),
    "announcements.hashtag_usage": (
        "Isi pengumumannya belum ada. Contoh:\n"
        "<code>#pengumuman Rakor evaluasi APBD hari Senin pukul 09.00</code>"
    ),
    "announcements.reply_without_text": (
        "Pesan yang Anda balas tidak berisi teks untuk diumumkan. Balas pesan bertulisan, atau"
        " tulis sendiri. Contoh: <code>/umumkan Rakor evaluasi APBD hari Senin pukul 09.00</code>"
    ),
    "announcements.too_long": (
        "Pengumuman ini terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Mohon diringkas"
        " atau dibagi dua. Contoh: <code>/umumkan Rakor evaluasi APBD hari Senin pukul 09.00</code>"
    ),
    "announcements.ack_stored": "Terima kasih. {code} tercatat sudah menerima pengumuman #{number}.",
    "announcements.ack_already": "{code} sudah menerima pengumuman #{number} (oleh {name}).",
    "announcements.ack_no_unit": (
        "Anda belum terdaftar di instansi mana pun. Ketik /gabung KODE di grup dulu"
        " (mis. /gabung DISHUB), lalu tekan Diterima lagi."
    ),
    "announcements.ack_not_for_unit": (
        "{code} bergabung setelah pengumuman #{number} dibuat, jadi tidak perlu konfirmasi."
    ),
    "announcements.ack_withdrawn": "Pengumuman #{number} sudah ditarik; tidak perlu konfirmasi.",
    "announcements.ack_observer": "Pengamat tidak mengonfirmasi pengumuman; cukup anggota instansinya.",
    "announcements.stale_button": "Tombol ini sudah tidak berlaku.",
    "announcements.list_header": "<b>Pengumuman terbaru</b>",
    "announcements.list_item": "<b>#{number}</b>{edited} · {date} · {acked}/{total} instansi{earlier}\n{text}",
    "announcements.list_earlier": " (+{count} menerima versi sebelumnya)",
    "announcements.list_footer": (
        "Yang belum menerima: <code>/belum N</code>. Tindak lanjut: hari kerja berikutnya"
        " pukul {time}."
    ),
    "announcements.list_empty": (
        "Belum ada pengumuman di grup ini. Koordinator membuatnya, contoh:\n"
        "<code>/umumkan Rakor evaluasi APBD hari Senin pukul 09.00</code>"
    ),
    "announcements.pending_usage": (
        "Tulis nomor pengumumannya. Contoh: <code>/belum 3</code> — nomornya lihat di /pengumuman"
    ),
    "announcements.not_found": "Pengumuman #{number} tidak ada di grup ini. Daftarnya: /pengumuman",
    "announcements.pending_header": (
        "<b>Belum menerima pengumuman #{number}</b> ({count} dari {total} instansi):"
    ),
    "announcements.pending_header_edited": (
        "<b>Belum menerima pengumuman #{number} versi terbaru</b> ({count} dari {total} instansi):"
    ),
    "announcements.pending_item": "• <b>{code}</b> — {name}{note}",
    "announcements.unit_earlier": " <i>(sudah menerima versi sebelumnya)</i>",
    "announcements.unit_archived": " <i>(diarsipkan)</i>",
    "announcements.pending_none": "Semua {total} instansi sudah menerima pengumuman #{number}. 👍",
    "announcements.followup": (
        "⏰ <b>Pengumuman #{number}</b> belum diterima oleh {count} dari {total} instansi:\n"
        "{units}\n\n<i>{excerpt}</i>\n\nMohon dibaca lalu tekan <b>Diterima</b>."
    ),
    "announcements.followup_unit": "• <b>{code}</b>{note}: {members}",
    "announcements.followup_no_members": "<i>belum ada anggota</i>",
    "announcements.followup_late": "<i>Terlambat: seharusnya terkirim {when} (bot sempat tidak aktif).</i>",
    "announcements.followup_time_set": (
        "Tindak lanjut pengumuman baru di grup ini: hari kerja berikutnya pukul <b>{time}</b>,"
        " lalu sekali lagi sehari kerja sesudahnya."
    ),
    "announcements.followup_time_usage": (
        "Tulis jam tindak lanjutnya. Contoh: <code>/pengumuman jam 08.30</code>"
    ),
    "announcements.followup_time_example": "Contoh: <code>/pengumuman jam 08.30</code>",
    "announcements.list_usage": (
        "Pilihan: <code>/pengumuman</code> (daftar), <code>/pengumuman jam 08.30</code> (jam"
        " tindak lanjut). Yang belum menerima pengumuman #3: <code>/belum 3</code>"
    ),
}

EN = {
    "help.umumkan": "Announce to every unit, with an acknowledge button (coordinator)",
    "help.umumkan.usage": (
        "<code>/announce Budget review meeting on Monday at 9:00 in the Assistant's room</code>\n"
        "Or reply to the message to announce with <code>/announce</code>.\n"
        "A coordinator's message with <code>#pengumuman</code> is an announcement too.\n"
        "Units that have not pressed the button are followed up on the next working day and"
        " once more a working day later."
    ),
    "help.pengumuman": "Recent announcements and how many units acknowledged them",
    "help.pengumuman.usage": (
        "<code>/announcements</code> — recent announcements\n"
        "<code>/announcements time 8:30</code> — the follow-up time in this group"
        " (coordinator; 9:00 by default)"
    ),
    "help.belum": "The units that have not acknowledged announcement N",
    "help.belum.usage": "<code>/pending 3</code> or <code>/pending #3</code> — see the numbers with /announcements",
    "announcements.posted": "📢 <b>Announcement #{number}</b>{edited}\n\n{text}\n\n<i>— {author}{unit}</i>",
    "announcements.already_posted": "Announcement #{number} is recorded and posted already (see the message above).",
    "announcements.author_unit": " ({code})",
    "announcements.button": "✅ Received {acked}/{total} units",
    "announcements.button_plain": "✅ Received",
    "announcements.usage": (
        "Write the announcement, or reply to the message to announce with"
        " <code>/announce</code>. For example:\n"
        "<code>/announce Budget review meeting on Monday at 9:00 in the Assistant's room</code>"
    ),
    "announcements.hashtag_usage": (
        "The announcement has no text yet. For example:\n"
        "<code>#pengumuman Budget review meeting on Monday at 9:00</code>"
    ),
    "announcements.reply_without_text": (
        "The message you replied to has no text to announce. Reply to a text message, or write"
        " it yourself. For example: <code>/announce Budget review meeting on Monday at 9:00</code>"
    ),
    "announcements.too_long": (
        "This announcement is too long: {length} characters, at most {limit} (an emoji counts as 2). Please shorten it"
        " or split it in two. For example: <code>/announce Budget review meeting on Monday at 9:00</code>"
    ),
    "announcements.ack_stored": "Thank you. {code} has acknowledged announcement #{number}.",
    "announcements.ack_already": "{code} has already acknowledged announcement #{number} (by {name}).",
    "announcements.ack_no_unit": (
        "You are not in a unit yet. Send /join CODE in the group first (e.g. /join DISHUB),"
        " then press the button again."
    ),
    "announcements.ack_not_for_unit": (
        "{code} joined after announcement #{number} was made, so no acknowledgement is needed."
    ),
    "announcements.ack_withdrawn": "Announcement #{number} was withdrawn; no acknowledgement is needed.",
    "announcements.ack_observer": "Observers do not acknowledge announcements; a unit member does.",
    "announcements.stale_button": "This button is no longer valid.",
    "announcements.list_header": "<b>Recent announcements</b>",
    "announcements.list_item": "<b>#{number}</b>{edited} · {date} · {acked}/{total} units{earlier}\n{text}",
    "announcements.list_earlier": " (+{count} acknowledged an earlier version)",
    "announcements.list_footer": (
        "Units that have not acknowledged: <code>/pending N</code>. Follow-up: next working day"
        " at {time}."
    ),
    "announcements.list_empty": (
        "No announcements in this group yet. A coordinator makes one, for example:\n"
        "<code>/announce Budget review meeting on Monday at 9:00</code>"
    ),
    "announcements.pending_usage": (
        "Give the announcement's number. For example: <code>/pending 3</code> — see /announcements"
    ),
    "announcements.not_found": "There is no announcement #{number} in this group. See /announcements",
    "announcements.pending_header": (
        "<b>Not yet acknowledged announcement #{number}</b> ({count} of {total} units):"
    ),
    "announcements.pending_header_edited": (
        "<b>Not yet acknowledged the latest version of announcement #{number}</b> ({count} of"
        " {total} units):"
    ),
    "announcements.pending_item": "• <b>{code}</b> — {name}{note}",
    "announcements.unit_earlier": " <i>(acknowledged an earlier version)</i>",
    "announcements.unit_archived": " <i>(archived)</i>",
    "announcements.pending_none": "All {total} units have acknowledged announcement #{number}. 👍",
    "announcements.followup": (
        "⏰ <b>Announcement #{number}</b> is not yet acknowledged by {count} of {total} units:\n"
        "{units}\n\n<i>{excerpt}</i>\n\nPlease read it and press <b>Received</b>."
    ),
    "announcements.followup_unit": "• <b>{code}</b>{note}: {members}",
    "announcements.followup_no_members": "<i>no members yet</i>",
    "announcements.followup_late": "<i>Late: this was due {when} (the bot was down).</i>",
    "announcements.followup_time_set": (
        "New announcements in this group are followed up on the next working day at"
        " <b>{time}</b>, and once more a working day later."
    ),
    "announcements.followup_time_usage": (
        "Give the follow-up time. For example: <code>/announcements time 8:30</code>"
    ),
    "announcements.followup_time_example": "Example: <code>/announcements time 8:30</code>",
    "announcements.list_usage": (
        "Options: <code>/announcements</code> (the list), <code>/announcements time 8:30</code>"
        " (the follow-up time). Who has not acknowledged announcement #3: <code>/pending 3</code>"
    ),
}
