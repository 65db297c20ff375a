"""Decisions (/putuskan, #keputusan, /keputusan)."""

ID = {
    "help.putuskan": "Mencatat keputusan rapat #N, atau rapat yang sedang/baru berlangsung (koordinator)",
    "help.putuskan.usage": (
        "<code>/putuskan #3 Pendataan aset selesai 15 Desember</code> — keputusan rapat #3\n"
        "<code>/putuskan Pendataan aset selesai 15 Desember</code> — keputusan rapat yang sedang"
        " berlangsung (atau dimulai dalam 30 menit, atau selesai hari ini)\n"
        "Atau balas pesan yang berisi keputusan dengan <code>/putuskan</code>.\n"
        "Pesan koordinator dengan <code>#keputusan</code> juga dicatat."
    ),
    "help.keputusan": "Keputusan terbaru; dengan nomor: satu keputusan lengkap",
    "help.keputusan.usage": "<code>/keputusan</code> atau <code>/keputusan 3</code>",
    "decisions.usage": (
        "Tulis isi keputusannya, atau balas pesan yang berisi keputusan. Contoh:\n"
        "<code>/putuskan Pendataan aset selesai 15 Desember</code> atau, untuk rapat #3,"
        " <code>/putuskan #3 Pendataan aset selesai 15 Desember</code>"
    ),
    "decisions.too_long": (
        "Keputusan terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Tulis pokoknya saja."
        " Contoh: <code>/putuskan Pendataan aset selesai 15 Desember</code>"
    ),
    "decisions.recorded": (
        "⚖️ <b>Keputusan #{number}</b>{edited} dicatat (tidak terkait rapat):\n{text}\n"
        "<i>Keputusan rapat tertentu: <code>/putuskan #3 teks</code></i>"
    ),
    "decisions.recorded_in_meeting": "⚖️ <b>Keputusan #{number}</b>{edited} dicatat untuk Rapat #{meeting} ({title}){how}:\n{text}",
    "decisions.link.open": ", yang sedang berlangsung",
    "decisions.link.soon": ", yang dimulai pukul {time} {zone}",
    "decisions.link.ended": ", yang selesai hari ini pukul {time} {zone}",
    "decisions.meeting_ahead": (
        "Rapat #{number} belum berlangsung; keputusannya dicatat saat rapat atau sesudahnya."
        " Contoh: <code>/putuskan #{number} Pendataan aset selesai 15 Desember</code>"
    ),
    "decisions.show_usage": "Tulis nomor keputusannya. Contoh: <code>/keputusan 3</code>",
    "decisions.list_empty": (
        "Belum ada keputusan tercatat. Koordinator dapat mencatatnya, contoh:"
        " <code>/putuskan Pendataan aset selesai 15 Desember</code>"
    ),
    "decisions.list_header": "<b>Keputusan terbaru</b> ({count})",
    "decisions.list_item": "<b>#{number}</b> · {date}{meeting}\n{text}",
    "decisions.meeting_ref": " · Rapat #{meeting}",
    "decisions.not_found": "Keputusan #{number} tidak ada di grup ini. Daftarnya: /keputusan",
    "decisions.detail_title": "⚖️ <b>Keputusan #{number}</b>{edited}",
    "decisions.detail_edit": "<i>Sebelum diubah oleh {name} ({when}):</i> {text}",
    "decisions.body": "{text}",
    "decisions.detail_by": "Dicatat oleh {name}{unit}, {when}.",
    "decisions.detail_no_meeting": "Tidak terkait rapat.",
    "decisions.detail_meeting": "Rapat #{meeting}: {title}\n🕘 {when}\n📍 {place}",
}

EN = {
    "help.putuskan": "Record a decision of meeting #N, or of the meeting under way or just ended (coordinator)",
    "help.putuskan.usage": (
        "<code>/decide #3 Asset inventory done by 15 December</code> — a decision of meeting #3\n"
        "<code>/decide Asset inventory done by 15 December</code> — of the meeting under way (or"
        " starting within 30 minutes, or ended today)\n"
        "Or reply to the message holding the decision with <code>/decide</code>.\n"
        "A coordinator's message with <code>#keputusan</code> is recorded too."
    ),
    "help.keputusan": "Recent decisions; with a number: one decision in full",
    "help.keputusan.usage": "<code>/decisions</code> or <code>/decisions 3</code>",
    "decisions.usage": (
        "Write the decision, or reply to the message holding it. For example:\n"
        "<code>/decide Asset inventory done by 15 December</code> or, for meeting #3,"
        " <code>/decide #3 Asset inventory done by 15 December</code>"
    ),
    "decisions.too_long": (
        "The decision is too long: {length} characters, at most {limit} (an emoji counts as 2). Give just its gist."
        " Example: <code>/decide Asset inventory done by 15 December</code>"
    ),
    "decisions.recorded": (
        "⚖️ <b>Decision #{number}</b>{edited} recorded (no meeting):\n{text}\n"
        "<i>A decision of a given meeting: <code>/decide #3 text</code></i>"
    ),
    "decisions.recorded_in_meeting": "⚖️ <b>Decision #{number}</b>{edited} recorded for meeting #{meeting} ({title}){how}:\n{text}",
    "decisions.link.open": ", which is under way",
    "decisions.link.soon": ", which starts at {time} {zone}",
    "decisions.link.ended": ", which ended today at {time} {zone}",
    "decisions.meeting_ahead": (
        "Meeting #{number} has not taken place yet; its decisions are recorded during or after"
        " it. For example: <code>/decide #{number} Asset inventory done by 15 December</code>"
    ),
    "decisions.show_usage": "Give the decision number. For example: <code>/decisions 3</code>",
    "decisions.list_empty": (
        "No decision recorded yet. A coordinator can record one, for example:"
        " <code>/decide Asset inventory done by 15 December</code>"
    ),
    "decisions.list_header": "<b>Recent decisions</b> ({count})",
    "decisions.list_item": "<b>#{number}</b> · {date}{meeting}\n{text}",
    "decisions.meeting_ref": " · meeting #{meeting}",
    "decisions.not_found": "There is no decision #{number} in this group. See /decisions",
    "decisions.detail_title": "⚖️ <b>Decision #{number}</b>{edited}",
    "decisions.detail_edit": "<i>Before {name} edited it ({when}):</i> {text}",
    "decisions.body": "{text}",
    "decisions.detail_by": "Recorded by {name}{unit}, {when}.",
    "decisions.detail_no_meeting": "Not linked to a meeting.",
    "decisions.detail_meeting": "Meeting #{meeting}: {title}\n🕘 {when}\n📍 {place}",
}
