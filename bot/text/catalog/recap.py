"""The monthly recap (/rekap): chart labels, the table and bad months."""

ID = {
    "help.rekap": "Rekap bulanan per instansi atau per pokja: pengumuman diterima dan tugas selesai tepat waktu, peringkatnya",
    "help.rekap.usage": (
        "<code>/rekap</code> — bulan ini\n"
        "<code>/rekap Oktober</code>, <code>/rekap 10</code>, <code>/rekap 10/2026</code> atau"
        " <code>/rekap 2026-10</code>\n"
        "<code>/rekap pokja</code>, <code>/rekap pokja Oktober</code> — per pokja\n"
        "Tepat waktu: pengumuman diterima sebelum tindak lanjut pertama; tugas ditutup sebelum "
        "tenggat (tugas yang tenggatnya di bulan itu dan sudah selesai atau lewat tenggat)."
    ),
    "recap.bad_month": (
        "Bulannya tidak terbaca. Contoh: <code>/rekap</code>, <code>/rekap Oktober</code>, "
        "<code>/rekap 10/2026</code>, <code>/rekap 2026-10</code> atau <code>/rekap pokja Oktober</code>"
    ),
    "recap.future_month": (
        "Bulan itu belum berjalan. Contoh: <code>/rekap</code> untuk bulan ini atau "
        "<code>/rekap Oktober</code>"
    ),
    "recap.no_units": (
        "Belum ada instansi di grup ini. Koordinator menambahkannya, misalnya: "
        "<code>/instansi tambah DISHUB Dinas Perhubungan</code>"
    ),
    "recap.empty": "📊 Rekap {month} {year}: belum ada pengumuman atau tugas yang dapat dinilai.",
    "recap.empty_pokja": "📊 Rekap pokja {month} {year}: belum ada tugas pokja yang dapat dinilai.",
    "recap.file_name": "rekap-{year}-{month}.png",
    "recap.file_name_pokja": "rekap-pokja-{year}-{month}.png",
    "recap.chart_title": "Rekap {month} {year}",
    "recap.chart_title_pokja": "Rekap pokja {month} {year}",
    "recap.chart_subtitle": "Skor: rata-rata pengumuman diterima sebelum tindak lanjut dan tugas selesai sebelum tenggat",
    "recap.chart_subtitle_pokja": "Skor: tugas pokja yang selesai sebelum tenggat",
    "recap.chart_overdue": "{count} lewat tenggat",
    "recap.caption": "📊 Rekap {month} {year} per instansi",
    "recap.caption_pokja": "📊 Rekap {month} {year} per pokja",
    "recap.header": "📊 <b>Rekap {month} {year}</b>",
    "recap.header_pokja": "📊 <b>Rekap pokja {month} {year}</b>",
    "recap.podium": "🏆 {places}",
    "recap.podium_more": "+{count} lainnya",
    "recap.no_podium": "🏆 Belum ada instansi di atas 0%.",
    "recap.no_podium_pokja": "🏆 Belum ada pokja di atas 0%.",
    "recap.columns": "#|Instansi|Skor|Terima|Tugas|Lewat",
    "recap.columns_pokja": "#|Pokja|Skor|Tugas|Lewat",
    "recap.rest": "… dan {count} instansi lain, skor {scores}",
    "recap.rest_pokja": "… dan {count} pokja lain, skor {scores}",
    "recap.legend": (
        "<i>Skor: rata-rata Terima dan Tugas. Terima: pengumuman diterima sebelum tindak lanjut "
        "pertama / jumlah; Tugas: tugas bertenggat pada bulan tersebut yang selesai tepat waktu / "
        "jumlah; Lewat: tugas lewat tenggat saat ini. Hanya instansi yang punya pengumuman atau "
        "tugas pada bulan tersebut yang dinilai.</i>"
    ),
    "recap.legend_pokja": (
        "<i>Skor: tugas pokja bertenggat pada bulan tersebut yang selesai tepat waktu / jumlah; Lewat: "
        "tugas lewat tenggat saat ini.</i>"
    ),
}

EN = {
    "help.rekap": "Monthly recap per unit or per pokja: announcements acknowledged and tasks closed on time, ranked",
    "help.rekap.usage": (
        "<code>/recap</code> — this month\n"
        "<code>/recap October</code>, <code>/recap 10</code>, <code>/recap 10/2026</code> or"
        " <code>/recap 2026-10</code>\n"
        "<code>/recap pokja</code>, <code>/recap pokja October</code> — per pokja\n"
        "On time: an announcement acknowledged before its first follow-up; a task closed by its "
        "due date (tasks due that month that are closed or past due)."
    ),
    "recap.bad_month": (
        "I could not read the month. For example: <code>/recap</code>, "
        "<code>/recap October</code>, <code>/recap 10/2026</code>, <code>/recap 2026-10</code> or "
        "<code>/recap pokja October</code>"
    ),
    "recap.future_month": (
        "That month has not started yet. For example: <code>/recap</code> for this month or "
        "<code>/recap October</code>"
    ),
    "recap.no_units": (
        "This group has no units yet. A coordinator adds them, for example: "
        "<code>/units tambah DISHUB Dinas Perhubungan</code>"
    ),
    "recap.empty": "📊 Recap {month} {year}: no announcement or task to assess.",
    "recap.empty_pokja": "📊 Pokja recap {month} {year}: no pokja task to assess.",
    "recap.file_name": "recap-{year}-{month}.png",
    "recap.file_name_pokja": "recap-pokja-{year}-{month}.png",
    "recap.chart_title": "Recap {month} {year}",
    "recap.chart_title_pokja": "Pokja recap {month} {year}",
    "recap.chart_subtitle": "Score: the mean of announcements acknowledged before the follow-up and tasks closed by the due date",
    "recap.chart_subtitle_pokja": "Score: the pokja's tasks closed by the due date",
    "recap.chart_overdue": "{count} overdue",
    "recap.caption": "📊 Recap {month} {year} per unit",
    "recap.caption_pokja": "📊 Recap {month} {year} per pokja",
    "recap.header": "📊 <b>Recap {month} {year}</b>",
    "recap.header_pokja": "📊 <b>Pokja recap {month} {year}</b>",
    "recap.podium": "🏆 {places}",
    "recap.podium_more": "+{count} more",
    "recap.no_podium": "🏆 No unit above 0% yet.",
    "recap.no_podium_pokja": "🏆 No pokja above 0% yet.",
    "recap.columns": "#|Unit|Score|Ack|Tasks|Late",
    "recap.columns_pokja": "#|Pokja|Score|Tasks|Late",
    "recap.rest": "… and {count} more units, score {scores}",
    "recap.rest_pokja": "… and {count} more pokja, score {scores}",
    "recap.legend": (
        "<i>Score: the mean of Ack and Tasks. Ack: announcements acknowledged before the first "
        "follow-up / total; Tasks: tasks due that month closed on time / total; Late: tasks "
        "overdue now. Only units with an announcement or a task that month are ranked.</i>"
    ),
    "recap.legend_pokja": (
        "<i>Score: the pokja's tasks due that month closed on time / total; Late: tasks overdue "
        "now.</i>"
    ),
}
