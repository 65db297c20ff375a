"""Meetings (/rapat): the meeting card, RSVP, moving, cancelling, reminders, the .ics file."""

ID = {
    "help.rapat": "Jadwal rapat: buat, ubah, batalkan (koordinator); tanpa isi: rapat mendatang",
    "help.rapat.usage": (
        "<code>/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2</code>\n"
        "Jam selesai boleh ditambahkan: <code>besok jam 9 s.d. 11.30</code>.\n"
        "<code>/rapat ubah 3 | Jumat 13.30 | Aula Kantor Wali Kota</code> — memindah rapat #3\n"
        "<code>/rapat batal 3</code> — membatalkan rapat #3\n"
        "<code>/rapat pengingat 16.00 60</code> — pengingat H-1 pukul 16.00 dan 60 menit sebelum"
        " rapat (<code>mati</code> untuk mematikan)\n"
        "<code>/rapat</code> — daftar rapat mendatang"
    ),
    "meetings.already_posted": "Rapat #{number} sudah tercatat dan diumumkan (lihat pesan di atas).",
    "meetings.usage": (
        "Pisahkan judul, waktu dan tempat dengan tanda <code>|</code>. Contoh:\n"
        "<code>/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2</code>"
    ),
    "meetings.example": (
        "Contoh: <code>/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2</code>"
    ),
    "meetings.recurring": "Rapat dijadwalkan satu per satu; waktu berulang (tiap/setiap) tidak bisa dipakai.",
    "meetings.extra_words": (
        "Setelah waktu rapat hanya boleh ada jam selesai (mis. <code>s.d. 11.30</code> atau"
        " <code>s.d. selesai</code>), bukan <b>{words}</b>."
    ),
    "meetings.title_too_long": "Judul rapat terlalu panjang (paling banyak {limit} karakter).",
    "meetings.place_too_long": "Tempat rapat terlalu panjang (paling banyak {limit} karakter).",
    "meetings.not_found": "Rapat #{number} tidak ada di grup ini. Daftarnya: /rapat",
    "meetings.is_cancelled": "Rapat #{number} sudah dibatalkan.",
    "meetings.is_over": "Rapat #{number} sudah selesai; jadwalnya tidak bisa diubah lagi.",
    "meetings.until": "{start} s.d. {end}",
    "meetings.answer.hadir": "Hadir",
    "meetings.answer.tidak": "Tidak hadir",
    "meetings.answer.wakil": "Diwakilkan",
    "meetings.answer_names": "{answer}: {names}",
    "meetings.answer_count": "{answer} {count}",
    "meetings.names_more": "{names} +{more} lainnya",
    "meetings.unit_line": "• <b>{unit}</b> — {answers}",
    "meetings.more_units": "<i>… dan {more} instansi lain yang sudah menjawab</i>",
    "meetings.no_unit_line": "• <i>Tanpa instansi</i> — {answers}",
    "meetings.silent_units": "<i>Belum menjawab: {units}</i>",
    "meetings.silent_units_more": "<i>Belum menjawab: {units} dan {more} instansi lain</i>",
    "meetings.card_cancelled": "❌ <b>DIBATALKAN</b>",
    "meetings.card_title": "📅 <b>Rapat #{number}</b>: {title}",
    "meetings.card_when": "🕘 {when}",
    "meetings.card_place": "📍 {place}",
    "meetings.card_chair": "👤 Pimpinan rapat: {chair}",
    "meetings.card_counts": "<b>Kehadiran:</b> {counts}",
    "meetings.card_footer": (
        "Mohon konfirmasi kehadiran dengan tombol di bawah. Usulan agenda: <code>/agenda teks</code>."
    ),
    "meetings.list_header": "<b>Rapat mendatang</b> ({count})",
    "meetings.list_item": "<b>#{number}</b> · {title}\n{when}\n📍 {place}\n{counts} · agenda: {agenda}",
    "meetings.list_empty": (
        "Belum ada rapat terjadwal. Koordinator dapat membuatnya, contoh:\n"
        "<code>/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2</code>"
    ),
    "meetings.move_usage": (
        "Tulis nomor rapat, waktu baru, dan bila perlu tempat baru. Contoh:\n"
        "<code>/rapat ubah 3 | Jumat 13.30 | Aula Kantor Wali Kota</code>"
    ),
    "meetings.move_example": "Contoh: <code>/rapat ubah 3 | Jumat 13.30 | Aula Kantor Wali Kota</code>",
    "meetings.cancel_usage": "Tulis nomor rapatnya. Contoh: <code>/rapat batal 3</code>",
    "meetings.moved": (
        "🔁 <b>Rapat #{number}</b> dipindahkan: {title}\n"
        "Waktu baru: <b>{when}</b>\n📍 {place}\n<i>Sebelumnya: {before}</i>"
    ),
    "meetings.cancelled": "❌ <b>Rapat #{number}</b> dibatalkan: {title}\n<i>Semula: {when}</i>",
    "meetings.settings": (
        "Pengingat rapat di grup ini: H-1 pukul <b>{day_before}</b>, dan <b>{hour_before}</b>"
        " menit sebelum rapat. Berlaku untuk rapat yang dibuat atau dipindah sesudah ini."
    ),
    "meetings.settings_off": "mati",
    "meetings.settings_usage": (
        "Tulis jam pengingat H-1 dan berapa menit sebelum rapat. Contoh:"
        " <code>/rapat pengingat 16.00 60</code> atau <code>/rapat pengingat mati 30</code>"
    ),
    "meetings.ics_caption": "Undangan kalender Rapat #{number} — buka untuk menambahkannya ke kalender.",
    "meetings.ics_file_name": "rapat-{number}.ics",
    "meetings.ics_cancel_caption": "Pembatalan Rapat #{number} — buka untuk menghapusnya dari kalender.",
    "meetings.ics_description": "Rapat #{number} · {group}\nPimpinan rapat: {chair}",
    "meetings.stale_button": "Tombol ini sudah tidak berlaku.",
    "meetings.rsvp_not_allowed": "Pengamat tidak mengisi kehadiran rapat.",
    "meetings.rsvp_same": "Sudah tercatat: {answer}.",
    "meetings.rsvp_saved": "Tercatat: {answer}. Terima kasih.",
    "meetings.reminder_day_before": "🔔 <b>Besok: Rapat #{number}</b> — {title}",
    "meetings.reminder_soon": "🔔 <b>Segera dimulai: Rapat #{number}</b> — {title}",
    "meetings.reminder_late": "<i>Terlambat: seharusnya terkirim {when} (bot sempat tidak aktif).</i>",
}

EN = {
    "help.rapat": "Meetings: schedule, move, cancel (coordinator); alone: upcoming meetings",
    "help.rapat.usage": (
        "<code>/meeting Asset working group | Thursday (26/11) 09:00 | Meeting room 2F</code>\n"
        "An end time may follow: <code>tomorrow 9am until 11:30</code>.\n"
        "<code>/meeting move 3 | Friday 13:30 | City Hall</code> — moves meeting #3\n"
        "<code>/meeting cancel 3</code> — cancels meeting #3\n"
        "<code>/meeting reminders 16.00 60</code> — reminders the day before at 16.00 and 60"
        " minutes before (<code>off</code> switches one off)\n"
        "<code>/meeting</code> — upcoming meetings"
    ),
    "meetings.already_posted": "Meeting #{number} is recorded and posted already (see the message above).",
    "meetings.usage": (
        "Separate title, time and place with <code>|</code>. For example:\n"
        "<code>/meeting Asset working group | Thursday (26/11) 09:00 | Meeting room 2F</code>"
    ),
    "meetings.example": (
        "Example: <code>/meeting Asset working group | Thursday (26/11) 09:00 | Meeting room 2F</code>"
    ),
    "meetings.recurring": "Meetings are scheduled one at a time; a recurring time (every …) cannot be used.",
    "meetings.extra_words": (
        "After the meeting time only an end time may follow (e.g. <code>until 11:30</code> or"
        " <code>until done</code>), not <b>{words}</b>."
    ),
    "meetings.title_too_long": "The meeting title is too long (at most {limit} characters).",
    "meetings.place_too_long": "The meeting place is too long (at most {limit} characters).",
    "meetings.not_found": "There is no meeting #{number} in this group. See /meeting",
    "meetings.is_cancelled": "Meeting #{number} was cancelled.",
    "meetings.is_over": "Meeting #{number} is over; its schedule cannot be changed any more.",
    "meetings.until": "{start} until {end}",
    "meetings.answer.hadir": "Attending",
    "meetings.answer.tidak": "Not attending",
    "meetings.answer.wakil": "Represented",
    "meetings.answer_names": "{answer}: {names}",
    "meetings.answer_count": "{answer} {count}",
    "meetings.names_more": "{names} +{more} more",
    "meetings.unit_line": "• <b>{unit}</b> — {answers}",
    "meetings.more_units": "<i>… and {more} other units that answered</i>",
    "meetings.no_unit_line": "• <i>No unit</i> — {answers}",
    "meetings.silent_units": "<i>No answer yet: {units}</i>",
    "meetings.silent_units_more": "<i>No answer yet: {units} and {more} other units</i>",
    "meetings.card_cancelled": "❌ <b>CANCELLED</b>",
    "meetings.card_title": "📅 <b>Meeting #{number}</b>: {title}",
    "meetings.card_when": "🕘 {when}",
    "meetings.card_place": "📍 {place}",
    "meetings.card_chair": "👤 Chair: {chair}",
    "meetings.card_counts": "<b>Attendance:</b> {counts}",
    "meetings.card_footer": (
        "Please confirm your attendance with the buttons below. Propose an agenda item:"
        " <code>/agenda text</code>."
    ),
    "meetings.list_header": "<b>Upcoming meetings</b> ({count})",
    "meetings.list_item": "<b>#{number}</b> · {title}\n{when}\n📍 {place}\n{counts} · agenda: {agenda}",
    "meetings.list_empty": (
        "No meeting is scheduled. A coordinator can schedule one, for example:\n"
        "<code>/meeting Asset working group | Thursday (26/11) 09:00 | Meeting room 2F</code>"
    ),
    "meetings.move_usage": (
        "Give the meeting number, the new time and, if it changes, the new place. For example:\n"
        "<code>/meeting move 3 | Friday 13:30 | City Hall</code>"
    ),
    "meetings.move_example": "Example: <code>/meeting move 3 | Friday 13:30 | City Hall</code>",
    "meetings.cancel_usage": "Give the meeting number. For example: <code>/meeting cancel 3</code>",
    "meetings.moved": (
        "🔁 <b>Meeting #{number}</b> moved: {title}\n"
        "New time: <b>{when}</b>\n📍 {place}\n<i>Was: {before}</i>"
    ),
    "meetings.cancelled": "❌ <b>Meeting #{number}</b> cancelled: {title}\n<i>Was: {when}</i>",
    "meetings.settings": (
        "Meeting reminders in this group: the day before at <b>{day_before}</b>, and"
        " <b>{hour_before}</b> minutes before. They apply to meetings scheduled or moved from now on."
    ),
    "meetings.settings_off": "off",
    "meetings.settings_usage": (
        "Give the time of the day-before reminder and how many minutes before the meeting the"
        " second goes. For example: <code>/meeting reminders 16.00 60</code> or"
        " <code>/meeting reminders off 30</code>"
    ),
    "meetings.ics_caption": "Calendar invitation for meeting #{number} — open it to add it to your calendar.",
    "meetings.ics_file_name": "meeting-{number}.ics",
    "meetings.ics_cancel_caption": "Cancellation of meeting #{number} — open it to remove it from your calendar.",
    "meetings.ics_description": "Meeting #{number} · {group}\nChair: {chair}",
    "meetings.stale_button": "This button is no longer valid.",
    "meetings.rsvp_not_allowed": "Observers do not answer meeting invitations.",
    "meetings.rsvp_same": "Already recorded: {answer}.",
    "meetings.rsvp_saved": "Recorded: {answer}. Thank you.",
    "meetings.reminder_day_before": "🔔 <b>Tomorrow: meeting #{number}</b> — {title}",
    "meetings.reminder_soon": "🔔 <b>Starting soon: meeting #{number}</b> — {title}",
    "meetings.reminder_late": "<i>Late: it was due {when} (the bot was not running).</i>",
}
