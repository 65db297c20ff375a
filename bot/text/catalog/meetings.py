"""Meetings (/rapat): the meeting card, RSVP, moving, cancelling, reminders, the .ics file."""

ID = {
    "help.rapat": "Jadwal rapat: buat, ubah, batalkan, mulai, tutup (koordinator); tanpa isi: rapat mendatang",
    "help.rapat.usage": (
        "<code>/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2</code>\n"
        "Jam selesai boleh ditambahkan: <code>besok jam 9 s.d. 11.30</code>.\n"
        "<code>/rapat ubah 3 | Jumat 13.30 | Aula Kantor Wali Kota</code> — memindah rapat #3\n"
        "<code>/rapat batal 3</code> — membatalkan rapat #3 (agendanya pindah ke rapat berikutnya)\n"
        "<code>/rapat mulai 3</code> — membuka rapat #3 dan memposting daftar hadir (otomatis"
        " pada jam mulai)\n"
        "<code>/rapat selesai 3</code> — menutup rapat #3 dan daftar hadirnya\n"
        "<code>/rapat notulis 3 @username</code> — menunjuk notulis rapat #3\n"
        "<code>/rapat 3</code> — rincian rapat #3 (semua anggota)\n"
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
    "meetings.title_too_long": (
        "Judul rapat terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2)."
    ),
    "meetings.place_too_long": (
        "Tempat rapat terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2)."
    ),
    "meetings.not_found": "Rapat #{number} tidak ada di grup ini. Daftarnya: /rapat",
    "meetings.is_cancelled": "Rapat #{number} sudah dibatalkan.",
    "meetings.is_over": "Rapat #{number} sudah selesai; jadwalnya tidak bisa diubah lagi.",
    "meetings.is_open": (
        "Rapat #{number} sudah dibuka (daftar hadir sudah diposting), jadi jadwalnya tidak bisa"
        " diubah lagi. Bila rapat diundur, batalkan dengan <code>/rapat batal {number}</code>"
        " lalu buat rapat baru."
    ),
    "meetings.is_closed": "Rapat #{number} sudah selesai.",
    "meetings.not_today": (
        "Rapat #{number} belum hari ini; daftar hadirnya dibuka pada hari rapat. Bila rapat"
        " dimajukan: <code>/rapat ubah {number} | hari ini jam 13.00</code>"
    ),
    "meetings.not_begun": (
        "Rapat #{number} belum dimulai. Koordinator membukanya dengan"
        " <code>/rapat mulai {number}</code>."
    ),
    "meetings.start_usage": "Tulis nomor rapatnya. Contoh: <code>/rapat mulai 3</code>",
    "meetings.end_usage": "Tulis nomor rapatnya. Contoh: <code>/rapat selesai 3</code>",
    "meetings.notetaker_usage": (
        "Tulis nomor rapat dan username notulisnya. Contoh: <code>/rapat notulis 3 @budi_dishub</code>"
        " (atau balas pesan notulisnya dengan <code>/rapat notulis 3</code>)"
    ),
    "meetings.notetaker_unknown": (
        "{username} belum dikenal di grup ini. Minta yang bersangkutan menulis satu pesan di grup,"
        " lalu ulangi. Contoh: <code>/rapat notulis 3 @budi_dishub</code>"
    ),
    "meetings.notetaker_set": (
        "📝 Notulis Rapat #{number}: <b>{name}</b>. Namanya tercantum di notulen dan menandatangani"
        " di samping pimpinan rapat."
    ),
    "meetings.opened": (
        "▶️ <b>Rapat #{number}</b> dimulai: {title}\nPimpinan rapat: {chair}\n"
        "Daftar hadir diposting; yang sudah di ruang rapat mohon tekan <b>Hadir di rapat</b>."
    ),
    "meetings.already_open": (
        "Rapat #{number} sudah dibuka; pimpinan rapat: {chair}. Daftar hadirnya ada di pesan"
        " yang dibalas ini."
    ),
    "meetings.opened_soon": (
        "Rapat #{number} sudah dibuka; pimpinan rapat: {chair}. Daftar hadirnya segera diposting."
    ),
    "meetings.closed": (
        "⏹ <b>Rapat #{number}</b> ditutup pukul {time} {zone}: {title}\n"
        "Hadir {present} dari {total} instansi. Notulen: <code>/notulen {number}</code>"
    ),
    "meetings.cancel_agenda_moved": "📝 Agenda {items} dipindahkan ke <b>Rapat #{meeting}</b> ({when}).",
    "meetings.cancel_agenda_waiting": (
        "📝 Agenda {items} menunggu rapat berikutnya: ikut rapat yang dijadwalkan berikutnya."
    ),
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
    "meetings.card_notetaker": "📝 Notulis: {name}",
    "meetings.card_under_way": "▶️ <b>Sedang berlangsung</b> sejak {time} {zone}",
    "meetings.card_closed": "⏹ <b>Selesai</b> pukul {time} {zone}",
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
    "meetings.reminder_silent": "<b>Belum menjawab undangan ({count} instansi)</b> — mohon konfirmasi di pesan Rapat #{number}:",
    "meetings.reminder_silent_unit": "• <b>{unit}</b>: {members}",
    "meetings.reminder_no_members": "<i>belum ada anggota</i>",
    "meetings.detail_rsvp": "<b>Konfirmasi kehadiran (undangan):</b> {counts}",
    "meetings.detail_room": "<b>Daftar hadir di ruang rapat</b>",
    "meetings.detail_room_later": "<i>Daftar hadir dibuka saat rapat dimulai (atau dengan <code>/rapat mulai {number}</code>).</i>",
    "meetings.detail_decisions": "<b>Keputusan:</b>",
    "meetings.detail_decision": "• Keputusan #{number}: {text}",
    "meetings.detail_none": "<i>Belum ada.</i>",
}

EN = {
    "help.rapat": "Meetings: schedule, move, cancel, start, end (coordinator); alone: upcoming meetings",
    "help.rapat.usage": (
        "<code>/meeting Asset working group | Thursday (26/11) 09:00 | Meeting room 2F</code>\n"
        "An end time may follow: <code>tomorrow 9am until 11:30</code>.\n"
        "<code>/meeting move 3 | Friday 13:30 | City Hall</code> — moves meeting #3\n"
        "<code>/meeting cancel 3</code> — cancels meeting #3 (its agenda moves to the next one)\n"
        "<code>/meeting start 3</code> — opens meeting #3 and posts the attendance list (done at"
        " the start time by itself)\n"
        "<code>/meeting end 3</code> — closes meeting #3 and its attendance list\n"
        "<code>/meeting notetaker 3 @username</code> — names the minute taker of meeting #3\n"
        "<code>/meeting 3</code> — meeting #3 in full (everyone)\n"
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
    "meetings.title_too_long": (
        "The meeting title is too long: {length} characters, at most {limit} (an emoji counts as 2)."
    ),
    "meetings.place_too_long": (
        "The meeting place is too long: {length} characters, at most {limit} (an emoji counts as 2)."
    ),
    "meetings.not_found": "There is no meeting #{number} in this group. See /meeting",
    "meetings.is_cancelled": "Meeting #{number} was cancelled.",
    "meetings.is_over": "Meeting #{number} is over; its schedule cannot be changed any more.",
    "meetings.is_open": (
        "Meeting #{number} has been opened (its attendance list is posted), so its time cannot"
        " change any more. If it is postponed, cancel it with <code>/meeting cancel {number}</code>"
        " and schedule a new one."
    ),
    "meetings.is_closed": "Meeting #{number} is over.",
    "meetings.not_today": (
        "Meeting #{number} is not today; its attendance list opens on the day. If it is brought"
        " forward: <code>/meeting move {number} | today 13:00</code>"
    ),
    "meetings.not_begun": (
        "Meeting #{number} has not started. A coordinator opens it with"
        " <code>/meeting start {number}</code>."
    ),
    "meetings.start_usage": "Give the meeting number. For example: <code>/meeting start 3</code>",
    "meetings.end_usage": "Give the meeting number. For example: <code>/meeting end 3</code>",
    "meetings.notetaker_usage": (
        "Give the meeting number and the minute taker's username. For example:"
        " <code>/meeting notetaker 3 @budi_dishub</code> (or reply to their message with"
        " <code>/meeting notetaker 3</code>)"
    ),
    "meetings.notetaker_unknown": (
        "{username} is not known in this group yet. Ask them to write one message in the group,"
        " then try again. For example: <code>/meeting notetaker 3 @budi_dishub</code>"
    ),
    "meetings.notetaker_set": (
        "📝 Minute taker of meeting #{number}: <b>{name}</b>. The name is in the minutes and signs"
        " beside the chair."
    ),
    "meetings.opened": (
        "▶️ <b>Meeting #{number}</b> has started: {title}\nChair: {chair}\n"
        "The attendance list is posted; if you are in the room, please press <b>Present in the"
        " room</b>."
    ),
    "meetings.already_open": (
        "Meeting #{number} is open already; chair: {chair}. Its attendance list is the message"
        " this replies to."
    ),
    "meetings.opened_soon": (
        "Meeting #{number} is open already; chair: {chair}. Its attendance list is posted shortly."
    ),
    "meetings.closed": (
        "⏹ <b>Meeting #{number}</b> closed at {time} {zone}: {title}\n"
        "Present: {present} of {total} units. Minutes: <code>/minutes {number}</code>"
    ),
    "meetings.cancel_agenda_moved": "📝 Agenda {items} moved to <b>meeting #{meeting}</b> ({when}).",
    "meetings.cancel_agenda_waiting": (
        "📝 Agenda {items} waits for the next meeting: it joins the next one scheduled."
    ),
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
    "meetings.card_notetaker": "📝 Minute taker: {name}",
    "meetings.card_under_way": "▶️ <b>Under way</b> since {time} {zone}",
    "meetings.card_closed": "⏹ <b>Ended</b> at {time} {zone}",
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
    "meetings.reminder_silent": "<b>No answer to the invitation yet ({count} units)</b> — please answer on the post of meeting #{number}:",
    "meetings.reminder_silent_unit": "• <b>{unit}</b>: {members}",
    "meetings.reminder_no_members": "<i>no members yet</i>",
    "meetings.detail_rsvp": "<b>Answers to the invitation:</b> {counts}",
    "meetings.detail_room": "<b>Attendance in the room</b>",
    "meetings.detail_room_later": "<i>The attendance list opens when the meeting starts (or with <code>/meeting start {number}</code>).</i>",
    "meetings.detail_decisions": "<b>Decisions:</b>",
    "meetings.detail_decision": "• Decision #{number}: {text}",
    "meetings.detail_none": "<i>None yet.</i>",
}
