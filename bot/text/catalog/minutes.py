"""Minutes (/notulen): the message, the .docx texts (plain), and the carry-over step."""

ID = {
    "help.notulen": "Notulen rapat sebagai dokumen Word dan pesan (koordinator)",
    "help.notulen.usage": (
        "<code>/notulen 3</code> — notulen rapat #3: daftar hadir per instansi (sebagaimana"
        " tercatat di ruang rapat), agenda, keputusan, tindak lanjut. Notulis: yang ditunjuk"
        " dengan <code>/rapat notulis 3 @username</code>, atau koordinator yang meminta notulen."
        " Agenda yang belum dibahas dapat dibawa ke rapat berikutnya dengan tombol di bawah"
        " notulen."
    ),
    "minutes.usage": "Tulis nomor rapatnya. Contoh: <code>/notulen 3</code>",
    "minutes.not_started": "Rapat #{number} belum berlangsung; notulennya dibuat setelah rapat dimulai.",
    "minutes.caption": "Notulen Rapat #{number}: {title}",
    "minutes.file_name": "notulen-rapat-{number}.docx",
    "minutes.carry_button": "↪ Agenda #{number} belum dibahas: bawa ke rapat berikutnya",
    "minutes.carry_not_allowed": "Hanya koordinator yang dapat memindahkan agenda.",
    "minutes.already_carried": "Agenda #{number} sudah dibawa ke rapat berikutnya.",
    "minutes.carried": "Agenda #{number} menjadi Agenda #{new} dan menunggu rapat berikutnya.",
    "minutes.carried_to": "Agenda #{number} menjadi Agenda #{new} di Rapat #{meeting}.",
    "minutes.carried_post": (
        "↪ <b>Agenda #{number}</b> ({text}) dibawa ke <b>Rapat #{meeting}, {day}</b>"
        " sebagai Agenda #{new}."
    ),
    "minutes.carried_post_waiting": (
        "↪ <b>Agenda #{number}</b> ({text}) dibawa ke rapat berikutnya sebagai Agenda #{new};"
        " belum ada rapat terjadwal, agenda ini ikut rapat yang dibuat berikutnya."
    ),
    "minutes.carry_hint": "<i>Agenda yang belum dibahas? Koordinator dapat membawanya ke rapat berikutnya dengan tombol di bawah.</i>",
    "minutes.msg_title": "🗒 <b>NOTULEN RAPAT #{number}</b>",
    "minutes.msg_subject": "<b>{title}</b>",
    "minutes.msg_day": "Hari/tanggal: {day}",
    "minutes.msg_time": "Waktu: {time}",
    "minutes.msg_place": "Tempat: {place}",
    "minutes.msg_chair": "Pimpinan rapat: {chair}",
    "minutes.msg_notetaker": "Notulis: {name}",
    "minutes.section_attendance": "<b>I. Daftar hadir</b>",
    "minutes.msg_unit": "• {unit}: {status}{names}",
    "minutes.msg_tally": "<i>Jumlah instansi: {counts}</i>",
    "minutes.status.hadir": "Hadir",
    "minutes.status.wakil": "Diwakilkan",
    "minutes.status.tidak": "Tidak hadir (konfirmasi)",
    "minutes.status.silent": "Tidak ada keterangan",
    "minutes.section_agenda": "<b>II. Agenda</b>",
    "minutes.section_decisions": "<b>III. Keputusan</b>",
    "minutes.msg_decision": "{index}. Keputusan #{number}: {text}",
    "minutes.section_tasks": "<b>IV. Tindak lanjut</b>",
    "minutes.msg_task": "{index}. Tugas #{number} · {unit} · {text}\n   tenggat {due} · <i>{status}</i>",
    "minutes.section_closing": "<b>V. Penutup</b>",
    "minutes.closing": "Rapat ditutup pukul {end} {zone}.",
    "minutes.closing_open": (
        "Rapat sedang berlangsung; notulen ini dibuat pukul {now} {zone}. Koordinator menutup"
        " rapat dengan <code>/rapat selesai {number}</code>."
    ),
    "minutes.none": "—",
    "minutes.doc_title": "NOTULEN RAPAT",
    "minutes.doc_number": "Rapat #{number}",
    "minutes.doc_subject": "Acara",
    "minutes.doc_day": "Hari/Tanggal",
    "minutes.doc_time": "Waktu",
    "minutes.time_range": "{start} – {end} {zone}",
    "minutes.time_open": "{start} {zone} – sedang berlangsung",
    "minutes.doc_place": "Tempat",
    "minutes.doc_chair": "Pimpinan Rapat",
    "minutes.doc_notetaker": "Notulis",
    "minutes.doc_section_attendance": "I. DAFTAR HADIR",
    "minutes.doc_col_no": "No.",
    "minutes.doc_col_unit": "Instansi",
    "minutes.doc_col_status": "Kehadiran",
    "minutes.doc_col_name": "Nama",
    "minutes.doc_tally": "Jumlah instansi: {counts}",
    "minutes.doc_section_agenda": "II. AGENDA",
    "minutes.doc_section_decisions": "III. KEPUTUSAN",
    "minutes.doc_decision": "Keputusan #{number}: ",
    "minutes.doc_section_tasks": "IV. TINDAK LANJUT",
    "minutes.doc_task": "Tugas #{number} ({unit}): {text} — tenggat {due}, status {status}",
    "minutes.doc_section_closing": "V. PENUTUP",
    "minutes.doc_closing": (
        "Rapat ditutup pukul {end} {zone}. Demikian notulen ini dibuat untuk dipergunakan"
        " sebagaimana mestinya."
    ),
    "minutes.doc_closing_open": (
        "Rapat masih berlangsung; notulen ini dibuat pukul {now} {zone}, sebelum rapat ditutup."
    ),
    "minutes.doc_minute_taker": "Notulis,",
    "minutes.doc_chair_sign": "Pimpinan Rapat,",
}

EN = {
    "help.notulen": "The minutes of a meeting as a Word document and a message (coordinator)",
    "help.notulen.usage": (
        "<code>/minutes 3</code> — the minutes of meeting #3: attendance per unit (as recorded"
        " in the room), agenda, decisions, follow-up. Minute taker: the one named with"
        " <code>/meeting notetaker 3 @username</code>, else the coordinator asking. Agenda items"
        " not discussed can be carried over to the next meeting with the buttons under the"
        " minutes."
    ),
    "minutes.usage": "Give the meeting number. For example: <code>/minutes 3</code>",
    "minutes.not_started": "Meeting #{number} has not started; its minutes come once it has.",
    "minutes.caption": "Minutes of meeting #{number}: {title}",
    "minutes.file_name": "minutes-meeting-{number}.docx",
    "minutes.carry_button": "↪ Agenda #{number} not discussed: carry over to the next meeting",
    "minutes.carry_not_allowed": "Only a coordinator can carry agenda items over.",
    "minutes.already_carried": "Agenda #{number} was already carried over.",
    "minutes.carried": "Agenda #{number} became agenda #{new} and waits for the next meeting.",
    "minutes.carried_to": "Agenda #{number} became agenda #{new} of meeting #{meeting}.",
    "minutes.carried_post": (
        "↪ <b>Agenda #{number}</b> ({text}) carried over to <b>meeting #{meeting}, {day}</b>"
        " as agenda #{new}."
    ),
    "minutes.carried_post_waiting": (
        "↪ <b>Agenda #{number}</b> ({text}) carried over as agenda #{new}; no meeting is"
        " scheduled yet, so it joins the next one created."
    ),
    "minutes.carry_hint": "<i>Items not discussed? A coordinator can carry them over to the next meeting with the buttons below.</i>",
    "minutes.msg_title": "🗒 <b>MINUTES OF MEETING #{number}</b>",
    "minutes.msg_subject": "<b>{title}</b>",
    "minutes.msg_day": "Day/date: {day}",
    "minutes.msg_time": "Time: {time}",
    "minutes.msg_place": "Place: {place}",
    "minutes.msg_chair": "Chair: {chair}",
    "minutes.msg_notetaker": "Minute taker: {name}",
    "minutes.section_attendance": "<b>I. Attendance</b>",
    "minutes.msg_unit": "• {unit}: {status}{names}",
    "minutes.msg_tally": "<i>Units: {counts}</i>",
    "minutes.status.hadir": "Present",
    "minutes.status.wakil": "Represented",
    "minutes.status.tidak": "Absent (sent word)",
    "minutes.status.silent": "No word",
    "minutes.section_agenda": "<b>II. Agenda</b>",
    "minutes.section_decisions": "<b>III. Decisions</b>",
    "minutes.msg_decision": "{index}. Decision #{number}: {text}",
    "minutes.section_tasks": "<b>IV. Follow-up</b>",
    "minutes.msg_task": "{index}. Task #{number} · {unit} · {text}\n   due {due} · <i>{status}</i>",
    "minutes.section_closing": "<b>V. Closing</b>",
    "minutes.closing": "The meeting closed at {end} {zone}.",
    "minutes.closing_open": (
        "The meeting is still under way; these minutes were made at {now} {zone}. A coordinator"
        " closes it with <code>/meeting end {number}</code>."
    ),
    "minutes.none": "—",
    "minutes.doc_title": "MINUTES OF MEETING",
    "minutes.doc_number": "Meeting #{number}",
    "minutes.doc_subject": "Subject",
    "minutes.doc_day": "Day/Date",
    "minutes.doc_time": "Time",
    "minutes.time_range": "{start} – {end} {zone}",
    "minutes.time_open": "{start} {zone} – under way",
    "minutes.doc_place": "Place",
    "minutes.doc_chair": "Chair",
    "minutes.doc_notetaker": "Minute taker",
    "minutes.doc_section_attendance": "I. ATTENDANCE",
    "minutes.doc_col_no": "No.",
    "minutes.doc_col_unit": "Unit",
    "minutes.doc_col_status": "Attendance",
    "minutes.doc_col_name": "Name",
    "minutes.doc_tally": "Units: {counts}",
    "minutes.doc_section_agenda": "II. AGENDA",
    "minutes.doc_section_decisions": "III. DECISIONS",
    "minutes.doc_decision": "Decision #{number}: ",
    "minutes.doc_section_tasks": "IV. FOLLOW-UP",
    "minutes.doc_task": "Task #{number} ({unit}): {text} — due {due}, status {status}",
    "minutes.doc_section_closing": "V. CLOSING",
    "minutes.doc_closing": "The meeting closed at {end} {zone}. These minutes are made for proper use.",
    "minutes.doc_closing_open": (
        "The meeting is still under way; these minutes were made at {now} {zone}, before it closed."
    ),
    "minutes.doc_minute_taker": "Minute taker,",
    "minutes.doc_chair_sign": "Chair,",
}
