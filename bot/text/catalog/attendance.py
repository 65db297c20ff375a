"""Attendance taken in the room: the daftar hadir post, its button (answers are plain text:
Telegram shows them without markup) and /hadir."""

ID = {
    "help.hadir": "Mencatat instansi yang hadir di ruang rapat (koordinator)",
    "help.hadir.usage": (
        "<code>/hadir 3 DISHUB BAPPERIDA</code> — mencatat instansi hadir di rapat #3 (untuk"
        " pejabat yang tidak memegang ponsel)\n"
        "<code>/hadir 3 -DISHUB</code> — menghapus yang keliru dicatat\n"
        "Anggota yang hadir cukup menekan <b>Hadir di rapat</b> di daftar hadir, yang diposting"
        " saat rapat dimulai (atau dengan <code>/rapat mulai 3</code>)."
    ),
    "attendance.list_title": "📋 <b>Daftar hadir Rapat #{number}</b>: {title}",
    "attendance.count": "<b>Hadir: {present} dari {total} instansi</b>",
    "attendance.present_line": "• <b>{unit}</b>{represented}{who} ({time})",
    "attendance.represented": " (diwakilkan)",
    "attendance.who": " — {who}",
    "attendance.marked_by": "dicatat oleh {name}",
    "attendance.more_present": "<i>… dan {more} instansi lain yang hadir</i>",
    "attendance.missing": "<i>Belum tercatat hadir: {units}</i>",
    "attendance.missing_more": "<i>Belum tercatat hadir: {units} dan {more} instansi lain</i>",
    "attendance.missing_count": "<i>Belum tercatat hadir: {count} instansi</i>",
    "attendance.list_footer": (
        "Bapak/Ibu yang sudah di ruang rapat, mohon tekan <b>Hadir di rapat</b>. Koordinator"
        " mencatat instansi lain dengan <code>/hadir {number} KODE</code>."
    ),
    "attendance.list_closed": "🔒 Daftar hadir ditutup pukul {time} {zone}.",
    "attendance.button": "✋ Hadir di rapat",
    "attendance.pressed": "Tercatat hadir: {unit}, pukul {time}. Terima kasih.",
    "attendance.pressed_again": "Anda sudah tercatat hadir ({unit}, pukul {time}).",
    "attendance.closed": "Daftar hadir Rapat #{number} sudah ditutup.",
    "attendance.observer": "Pengamat tidak mengisi daftar hadir.",
    "attendance.no_unit": (
        "Anda belum terdaftar di instansi mana pun. Ketik /gabung KODE di grup dulu"
        " (mis. /gabung DISHUB), lalu tekan Hadir di rapat lagi."
    ),
    "attendance.usage": (
        "Tulis nomor rapat dan kode instansinya. Contoh: <code>/hadir 3 DISHUB BAPPERIDA</code>;"
        " menghapus yang keliru: <code>/hadir 3 -DISHUB</code>"
    ),
    "attendance.marked": "✅ Daftar hadir Rapat #{number}: {units} dicatat hadir.",
    "attendance.already": "Sudah tercatat hadir sebelumnya: {units}.",
    "attendance.removed": "Dihapus dari daftar hadir Rapat #{number}: {units}.",
    "attendance.not_listed": "Tidak ada di daftar hadir Rapat #{number}: {units}.",
    "attendance.unknown_units": (
        "Kode instansi tidak dikenal: <b>{codes}</b>. Kode yang ada: {known}\n"
        "Contoh: <code>/hadir {number} DISHUB</code>"
    ),
}

EN = {
    "help.hadir": "Record the units present in the meeting room (coordinator)",
    "help.hadir.usage": (
        "<code>/present 3 DISHUB BAPPERIDA</code> — records units present at meeting #3 (for"
        " officials without a phone)\n"
        "<code>/present 3 -DISHUB</code> — removes one recorded by mistake\n"
        "Members in the room just press <b>Present in the room</b> on the attendance list,"
        " posted when the meeting starts (or with <code>/meeting start 3</code>)."
    ),
    "attendance.list_title": "📋 <b>Attendance list of meeting #{number}</b>: {title}",
    "attendance.count": "<b>Present: {present} of {total} units</b>",
    "attendance.present_line": "• <b>{unit}</b>{represented}{who} ({time})",
    "attendance.represented": " (represented)",
    "attendance.who": " — {who}",
    "attendance.marked_by": "recorded by {name}",
    "attendance.more_present": "<i>… and {more} other units present</i>",
    "attendance.missing": "<i>Not recorded yet: {units}</i>",
    "attendance.missing_more": "<i>Not recorded yet: {units} and {more} other units</i>",
    "attendance.missing_count": "<i>Not recorded yet: {count} units</i>",
    "attendance.list_footer": (
        "If you are in the meeting room, please press <b>Present in the room</b>. A coordinator"
        " records other units with <code>/present {number} CODE</code>."
    ),
    "attendance.list_closed": "🔒 Attendance list closed at {time} {zone}.",
    "attendance.button": "✋ Present in the room",
    "attendance.pressed": "Recorded present: {unit}, at {time}. Thank you.",
    "attendance.pressed_again": "You are recorded present already ({unit}, at {time}).",
    "attendance.closed": "The attendance list of meeting #{number} is closed.",
    "attendance.observer": "Observers do not sign the attendance list.",
    "attendance.no_unit": (
        "You are not in any unit yet. Type /join CODE in the group first (e.g. /join DISHUB),"
        " then press Present in the room again."
    ),
    "attendance.usage": (
        "Give the meeting number and the unit codes. For example:"
        " <code>/present 3 DISHUB BAPPERIDA</code>; to remove a mistake:"
        " <code>/present 3 -DISHUB</code>"
    ),
    "attendance.marked": "✅ Attendance of meeting #{number}: {units} recorded present.",
    "attendance.already": "Recorded present before: {units}.",
    "attendance.removed": "Removed from the attendance of meeting #{number}: {units}.",
    "attendance.not_listed": "Not on the attendance list of meeting #{number}: {units}.",
    "attendance.unknown_units": (
        "Unknown unit codes: <b>{codes}</b>. Codes: {known}\n"
        "For example: <code>/present {number} DISHUB</code>"
    ),
}
