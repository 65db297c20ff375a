"""The monthly recap (/rekap): chart labels, the table and bad months."""

ID = {
    "help.rekap": "Rekap bulanan per instansi: pengumuman diterima tepat waktu, tugas selesai tepat waktu dan yang lewat tenggat",
    "help.rekap.usage": (
        "<code>/rekap</code> — bulan ini\n"
        "<code>/rekap Oktober</code>, <code>/rekap 10</code>, <code>/rekap 10/2026</code> atau"
        " <code>/rekap 2026-10</code>\n"
        "Tepat waktu: pengumuman diterima sebelum tindak lanjut pertama; tugas ditutup sebelum "
        "tenggat (tugas yang tenggatnya di bulan itu dan sudah selesai atau lewat tenggat)."
    ),
    "recap.bad_month": (
        "Bulannya tidak terbaca. Contoh: <code>/rekap</code>, <code>/rekap Oktober</code>, "
        "<code>/rekap 10/2026</code> atau <code>/rekap 2026-10</code>"
    ),
    "recap.future_month": (
        "Bulan itu belum berjalan. Contoh: <code>/rekap</code> untuk bulan ini atau "
        "<code>/rekap Oktober</code>"
    ),
    "recap.no_units": (
        "Belum ada instansi di grup ini. Koordinator menambahkannya, misalnya: "
        "<code>/instansi tambah DISHUB Dinas Perhubungan</code>"
    ),
    "recap.chart_title": "Rekap {month} {year}",
    "recap.chart_ack": "Pengumuman diterima sebelum tindak lanjut",
    "recap.chart_task": "Tugas selesai sebelum tenggat",
    "recap.chart_overdue": "Tugas lewat tenggat",
    "recap.chart_no_data": "–",
    "recap.caption": "📊 Rekap {month} {year} per instansi",
    "recap.header": "📊 <b>Rekap {month} {year}</b>",
    "recap.leaders": "🏆 Terdepan: {leaders}",
    "recap.no_leaders": "Belum ada pengumuman atau tugas yang dapat dinilai bulan ini.",
    "recap.columns": "Inst.|Terima|Tepat|Tugas|Tepat|Lewat",
    "recap.legend": (
        "<i>Terima: pengumuman diterima/jumlah; Tugas: selesai/jumlah (tenggat bulan ini); "
        "Tepat: sebelum tindak lanjut pertama / tenggat; Lewat: tugas lewat tenggat saat ini.</i>"
    ),
}

EN = {
    "help.rekap": "Monthly recap per unit: announcements acknowledged on time, tasks closed on time and overdue",
    "help.rekap.usage": (
        "<code>/recap</code> — this month\n"
        "<code>/recap October</code>, <code>/recap 10</code>, <code>/recap 10/2026</code> or"
        " <code>/recap 2026-10</code>\n"
        "On time: an announcement acknowledged before its first follow-up; a task closed by its "
        "due date (tasks due that month that are closed or past due)."
    ),
    "recap.bad_month": (
        "I could not read the month. For example: <code>/recap</code>, "
        "<code>/recap October</code>, <code>/recap 10/2026</code> or <code>/recap 2026-10</code>"
    ),
    "recap.future_month": (
        "That month has not started yet. For example: <code>/recap</code> for this month or "
        "<code>/recap October</code>"
    ),
    "recap.no_units": (
        "This group has no units yet. A coordinator adds them, for example: "
        "<code>/units tambah DISHUB Dinas Perhubungan</code>"
    ),
    "recap.chart_title": "Recap {month} {year}",
    "recap.chart_ack": "Announcements acknowledged before the follow-up",
    "recap.chart_task": "Tasks closed by the due date",
    "recap.chart_overdue": "Tasks overdue",
    "recap.chart_no_data": "–",
    "recap.caption": "📊 Recap {month} {year} per unit",
    "recap.header": "📊 <b>Recap {month} {year}</b>",
    "recap.leaders": "🏆 Leading: {leaders}",
    "recap.no_leaders": "No announcement or task to assess this month yet.",
    "recap.columns": "Unit|Ack|OnTime|Tasks|OnTime|Late",
    "recap.legend": (
        "<i>Ack: announcements acknowledged/total; Tasks: closed/total (due this month); "
        "OnTime: before the first follow-up / by the due date; Late: tasks overdue now.</i>"
    ),
}
