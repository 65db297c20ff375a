"""Agenda items (/agenda, #agenda) and how an agenda reads."""

ID = {
    "help.agenda": "Usulan agenda untuk rapat berikutnya; tanpa isi: daftar agendanya",
    "help.agenda.usage": (
        "<code>/agenda Evaluasi PAD triwulan III</code> — ke rapat berikutnya\n"
        "<code>/agenda #2 Progres perbaikan jalan</code> — ke rapat #2\n"
        "<code>/agenda</code> — agenda rapat berikutnya; <code>/agenda #2</code> — agenda rapat #2\n"
        "Pesan dengan <code>#agenda</code> juga dicatat sebagai usulan agenda."
    ),
    "agenda.usage": "Tulis usulan agendanya. Contoh: <code>/agenda Evaluasi PAD triwulan III</code>",
    "agenda.too_long": (
        "Usulan agenda terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Tulis pokoknya saja."
        " Contoh: <code>/agenda Evaluasi PAD triwulan III</code>"
    ),
    "agenda.no_meeting": (
        "Belum ada rapat terjadwal. Koordinator dapat membuatnya, contoh:\n"
        "<code>/rapat Rakor Pokja Aset | Kamis (26/11) pukul 09.00 | Ruang Rapat Lt. 2</code>"
    ),
    "agenda.added": "📝 <b>Agenda #{number}</b>{edited} ditambahkan ke Rapat #{meeting} ({title}), dari {who}:\n{text}",
    "agenda.header": "📋 <b>Agenda Rapat #{number}</b>: {title}",
    "agenda.header_short": "<b>Agenda:</b>",
    "agenda.empty": "Belum ada usulan agenda. Contoh: <code>/agenda Evaluasi PAD triwulan III</code>",
    "agenda.none_yet": "<i>Belum ada usulan agenda.</i>",
    "agenda.waiting_header": "<b>Agenda lanjutan yang menunggu rapat berikutnya:</b>",
    "agenda.line": "{index}. {text} — <i>{who}</i> ({notes})",
    "agenda.item_number": "Agenda #{number}",
    "agenda.carried_from": "lanjutan dari Rapat #{meeting}",
    "agenda.carried_to": "dilanjutkan di Rapat #{meeting}",
    "agenda.carried_to_next": "dilanjutkan di rapat berikutnya",
}

EN = {
    "help.agenda": "Propose an agenda item for the next meeting; alone: its agenda",
    "help.agenda.usage": (
        "<code>/agenda Q3 local revenue review</code> — for the next meeting\n"
        "<code>/agenda #2 Road repair progress</code> — for meeting #2\n"
        "<code>/agenda</code> — the next meeting's agenda; <code>/agenda #2</code> — meeting #2's\n"
        "A message with <code>#agenda</code> is recorded as an agenda item too."
    ),
    "agenda.usage": "Write the agenda item. For example: <code>/agenda Q3 local revenue review</code>",
    "agenda.too_long": (
        "The agenda item is too long: {length} characters, at most {limit} (an emoji counts as 2). Give just its gist."
        " Example: <code>/agenda Q3 local revenue review</code>"
    ),
    "agenda.no_meeting": (
        "No meeting is scheduled. A coordinator can schedule one, for example:\n"
        "<code>/meeting Asset working group | Thursday (26/11) 09:00 | Meeting room 2F</code>"
    ),
    "agenda.added": "📝 <b>Agenda #{number}</b>{edited} added to meeting #{meeting} ({title}), from {who}:\n{text}",
    "agenda.header": "📋 <b>Agenda of meeting #{number}</b>: {title}",
    "agenda.header_short": "<b>Agenda:</b>",
    "agenda.empty": "No agenda item yet. For example: <code>/agenda Q3 local revenue review</code>",
    "agenda.none_yet": "<i>No agenda item yet.</i>",
    "agenda.waiting_header": "<b>Carried-over items waiting for the next meeting:</b>",
    "agenda.line": "{index}. {text} — <i>{who}</i> ({notes})",
    "agenda.item_number": "Agenda #{number}",
    "agenda.carried_from": "carried over from meeting #{meeting}",
    "agenda.carried_to": "continued in meeting #{meeting}",
    "agenda.carried_to_next": "continued in the next meeting",
}
