"""Exports (/ekspor): the reply, and the spreadsheet's sheet names, headers and words (plain
text: they go into the .xlsx, never through HTML)."""

ID = {
    "help.ekspor": "Tugas, keputusan, pengumuman atau rapat sebagai berkas Excel (koordinator)",
    "help.ekspor.usage": (
        "<code>/ekspor tugas</code> — semua tugas\n"
        "<code>/ekspor tugas November</code> — tugas bertenggat November\n"
        "<code>/ekspor keputusan</code>, <code>/ekspor pengumuman Oktober</code>,"
        " <code>/ekspor rapat 2026-10</code>\n"
        "Satu baris per catatan, dengan tanggal (zona grup), instansi, status, isi dan tautan ke"
        " pesannya. Pengumuman: satu kolom per instansi dengan waktu diterimanya. Rapat: satu"
        " lembar per rapat dengan kehadiran, agenda dan keputusan."
    ),
    "exports.usage": (
        "Pilih yang diekspor: <code>tugas</code>, <code>keputusan</code>, <code>pengumuman</code>"
        " atau <code>rapat</code>, boleh dengan bulan. Contoh: <code>/ekspor tugas</code> atau"
        " <code>/ekspor rapat November</code>"
    ),
    "exports.bad_month": (
        "Bulannya tidak terbaca. Contoh: <code>/ekspor tugas Oktober</code> atau"
        " <code>/ekspor keputusan 2026-10</code>"
    ),
    "exports.future_month": (
        "Bulan itu belum berjalan. Contoh: <code>/ekspor tugas</code> (semua) atau"
        " <code>/ekspor tugas Oktober</code>"
    ),
    "exports.empty_all": "Belum ada {what} di grup ini untuk diekspor.",
    "exports.empty_month": "Tidak ada {what} pada {month} {year} untuk diekspor.",
    "exports.too_large": (
        "Berkasnya {size} MB, melebihi batas Telegram. Ekspor per bulan, misalnya:"
        " <code>/ekspor tugas Oktober</code>"
    ),
    "exports.caption": "📎 Ekspor {what} {period}: {count} baris",
    "exports.period_all": "sampai {date}",
    "exports.period_month": "{month} {year}",
    "exports.file_name": "{what}-{period}.xlsx",
    "exports.file_until": "sampai-{date}",
    "exports.kind.tasks": "tugas",
    "exports.kind.decisions": "keputusan",
    "exports.kind.announcements": "pengumuman",
    "exports.kind.meetings": "rapat",
    "exports.sheet.tasks": "Tugas",
    "exports.sheet.decisions": "Keputusan",
    "exports.sheet.announcements": "Pengumuman",
    "exports.sheet.meetings": "Rapat",
    "exports.sheet.meeting": "Rapat {number}",
    "exports.meeting_heading": "Rapat #{number}",
    "exports.col.number": "No.",
    "exports.col.created": "Dibuat ({zone})",
    "exports.col.due": "Tenggat ({zone})",
    "exports.col.unit": "Instansi",
    "exports.col.unit_name": "Nama instansi",
    "exports.col.pokja": "Pokja",
    "exports.col.status": "Status",
    "exports.col.task": "Uraian tugas",
    "exports.col.closed": "Selesai ({zone})",
    "exports.col.late": "Terlambat",
    "exports.col.meeting": "Rapat",
    "exports.col.assigned_by": "Pemberi tugas",
    "exports.col.link": "Tautan",
    "exports.col.date": "Tanggal ({zone})",
    "exports.col.meeting_title": "Judul rapat",
    "exports.col.recorded_by": "Dicatat oleh",
    "exports.col.decision": "Keputusan",
    "exports.col.author": "Oleh",
    "exports.col.announcement": "Pengumuman",
    "exports.col.acked": "Diterima (instansi)",
    "exports.col.addressed": "Untuk (instansi)",
    "exports.col.title": "Judul",
    "exports.col.starts": "Mulai ({zone})",
    "exports.col.ends": "Berakhir ({zone})",
    "exports.col.place": "Tempat",
    "exports.col.chair": "Pimpinan",
    "exports.col.present": "Hadir (instansi)",
    "exports.col.agenda": "Agenda",
    "exports.col.decisions": "Keputusan",
    "exports.col.section": "Bagian",
    "exports.col.content": "Isi",
    "exports.col.by": "Oleh",
    "exports.col.time": "Waktu ({zone})",
    "exports.col.note": "Keterangan",
    "exports.yes": "ya",
    "exports.no": "tidak",
    "exports.not_acked": "belum",
    "exports.acked_earlier": "versi sebelumnya",
    "exports.meeting_status.scheduled": "terjadwal",
    "exports.meeting_status.cancelled": "dibatalkan",
    "exports.section.attendance": "Kehadiran",
    "exports.section.agenda": "Agenda",
    "exports.section.decisions": "Keputusan",
    "exports.section.tasks": "Tindak lanjut",
    "exports.carried_to": "dibawa ke Rapat #{meeting}",
    "exports.carried_next": "dibawa ke rapat berikutnya",
    "exports.carried_from": "lanjutan dari Rapat #{meeting}",
}

EN = {
    "help.ekspor": "Tasks, decisions, announcements or meetings as an Excel file (coordinator)",
    "help.ekspor.usage": (
        "<code>/export tasks</code> — every task\n"
        "<code>/export tasks November</code> — tasks due in November\n"
        "<code>/export decisions</code>, <code>/export announcements October</code>,"
        " <code>/export meetings 2026-10</code>\n"
        "One row per record, with dates (the group's zone), unit, status, text and a link to its"
        " post. Announcements: one column per unit with when it acknowledged. Meetings: one sheet"
        " per meeting with attendance, agenda and decisions. The Indonesian words work too"
        " (tugas, keputusan, pengumuman, rapat)."
    ),
    "exports.usage": (
        "Choose what to export: <code>tasks</code>, <code>decisions</code>,"
        " <code>announcements</code> or <code>meetings</code>, optionally with a month. For"
        " example: <code>/export tasks</code> or <code>/export meetings November</code>"
    ),
    "exports.bad_month": (
        "I could not read the month. For example: <code>/export tasks October</code> or"
        " <code>/export decisions 2026-10</code>"
    ),
    "exports.future_month": (
        "That month has not started yet. For example: <code>/export tasks</code> (all) or"
        " <code>/export tasks October</code>"
    ),
    "exports.empty_all": "This group has no {what} to export yet.",
    "exports.empty_month": "There are no {what} in {month} {year} to export.",
    "exports.too_large": (
        "The file is {size} MB, more than Telegram allows. Export one month at a time, for"
        " example: <code>/export tasks October</code>"
    ),
    "exports.caption": "📎 Export of {what} {period}: {count} rows",
    "exports.period_all": "up to {date}",
    "exports.period_month": "{month} {year}",
    "exports.file_name": "{what}-{period}.xlsx",
    "exports.file_until": "to-{date}",
    "exports.kind.tasks": "tasks",
    "exports.kind.decisions": "decisions",
    "exports.kind.announcements": "announcements",
    "exports.kind.meetings": "meetings",
    "exports.sheet.tasks": "Tasks",
    "exports.sheet.decisions": "Decisions",
    "exports.sheet.announcements": "Announcements",
    "exports.sheet.meetings": "Meetings",
    "exports.sheet.meeting": "Meeting {number}",
    "exports.meeting_heading": "Meeting #{number}",
    "exports.col.number": "No.",
    "exports.col.created": "Created ({zone})",
    "exports.col.due": "Due ({zone})",
    "exports.col.unit": "Unit",
    "exports.col.unit_name": "Unit name",
    "exports.col.pokja": "Pokja",
    "exports.col.status": "Status",
    "exports.col.task": "Task",
    "exports.col.closed": "Closed ({zone})",
    "exports.col.late": "Late",
    "exports.col.meeting": "Meeting",
    "exports.col.assigned_by": "Assigned by",
    "exports.col.link": "Link",
    "exports.col.date": "Date ({zone})",
    "exports.col.meeting_title": "Meeting title",
    "exports.col.recorded_by": "Recorded by",
    "exports.col.decision": "Decision",
    "exports.col.author": "By",
    "exports.col.announcement": "Announcement",
    "exports.col.acked": "Acknowledged (units)",
    "exports.col.addressed": "For (units)",
    "exports.col.title": "Title",
    "exports.col.starts": "Starts ({zone})",
    "exports.col.ends": "Ends ({zone})",
    "exports.col.place": "Place",
    "exports.col.chair": "Chair",
    "exports.col.present": "Present (units)",
    "exports.col.agenda": "Agenda items",
    "exports.col.decisions": "Decisions",
    "exports.col.section": "Section",
    "exports.col.content": "Content",
    "exports.col.by": "By",
    "exports.col.time": "Time ({zone})",
    "exports.col.note": "Note",
    "exports.yes": "yes",
    "exports.no": "no",
    "exports.not_acked": "not yet",
    "exports.acked_earlier": "earlier version",
    "exports.meeting_status.scheduled": "scheduled",
    "exports.meeting_status.cancelled": "cancelled",
    "exports.section.attendance": "Attendance",
    "exports.section.agenda": "Agenda",
    "exports.section.decisions": "Decision",
    "exports.section.tasks": "Follow-up",
    "exports.carried_to": "carried to meeting #{meeting}",
    "exports.carried_next": "carried to the next meeting",
    "exports.carried_from": "continued from meeting #{meeting}",
}
