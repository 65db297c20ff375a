"""Tasks (/tugas, /progres, /selesai), evidence, follow-ups and the weekly digest."""

ID = {
    "tasks.already_posted": "Tugas #{number} sudah tercatat dan diumumkan (lihat pesan di atas).",
    "help.tugas": "Rencana aksi: memberi tugas ke instansi (koordinator), daftar tugas terbuka, rincian tugas",
    "help.tugas.usage": (
        "<code>/tugas DISHUB | Perbaiki lampu lalu lintas Jl. Sudirman | Jumat 27/11 | ASET</code>\n"
        "<code>/tugas DISHUB,SATPOL-PP | Penertiban parkir liar | 4/12</code> — tugas bersama:"
        " tiap instansi melapor dan menyelesaikan bagiannya\n"
        "<code>/tugas</code> — tugas terbuka per instansi\n"
        "<code>/tugas 3</code> — rincian dan riwayat tugas #3\n"
        "<code>/tugas 3 tenggat Jumat 4/12</code> · <code>/tugas 3 pindah BAPPERIDA</code> ·"
        " <code>/tugas 3 buka</code> — perpanjang tenggat, pindahkan, buka kembali (koordinator)\n"
        "<code>/tugas ringkasan Senin 08.00</code> — jadwal ringkasan mingguan (koordinator)\n"
        "Tenggat tanpa jam berarti sampai akhir hari itu (23.59). Pokja boleh kode atau nama."
    ),
    "help.progres": "Melaporkan kemajuan tugas atau kendalanya (instansi pemilik, koordinator)",
    "help.progres.usage": (
        "<code>/progres 3 Survei lokasi selesai, pengadaan berjalan</code>\n"
        "<code>/progres 3 terkendala: anggaran belum cair</code>\n"
        "Bukti: balas pesan tugas dengan dokumen atau foto. Pada tugas bersama, tiap instansi"
        " melapor untuk bagiannya."
    ),
    "help.selesai": "Menutup tugas (instansi pemilik, koordinator)",
    "help.selesai.usage": (
        "<code>/selesai 3</code> atau <code>/selesai #3</code>. Tugas bersama selesai bila semua"
        " instansinya selesai; koordinator dapat menutup bagian satu instansi:"
        " <code>/selesai 3 DISHUB</code>"
    ),
    "tasks.usage": (
        "Tulis kode instansi, uraian dan tenggat, dipisah <code>|</code>. Contoh:\n"
        "<code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11 | ASET</code>\n"
        "Tugas bersama: <code>/tugas DISHUB,BAPPERIDA | Kajian parkir | Jumat 27/11</code>\n"
        "Mengubah tugas: <code>/tugas 3 tenggat Jumat 4/12</code>,"
        " <code>/tugas 3 pindah BAPPERIDA</code>, <code>/tugas 3 buka</code>"
    ),
    "tasks.change_usage": (
        "Perubahan tugas (koordinator): <code>/tugas 3 tenggat Jumat 4/12</code>,"
        " <code>/tugas 3 pindah BAPPERIDA</code> atau <code>/tugas 3 buka</code>"
    ),
    "tasks.due_change_usage": (
        "Tulis nomor tugas lalu tenggat barunya. Contoh: <code>/tugas 3 tenggat Jumat 4/12</code>"
    ),
    "tasks.move_usage": (
        "Tulis nomor tugas lalu kode instansinya yang baru. Contoh:"
        " <code>/tugas 3 pindah BAPPERIDA</code> atau <code>/tugas 3 pindah DISHUB,BAPPERIDA</code>"
    ),
    "tasks.reopen_usage": (
        "Tulis nomor tugas yang dibuka kembali. Contoh: <code>/tugas 3 buka</code>"
        " (satu instansi dari tugas bersama: <code>/tugas 3 buka DISHUB</code>)"
    ),
    "tasks.due_same": "Tenggatnya memang sudah itu. Contoh: <code>/tugas 3 tenggat Jumat 4/12</code>",
    "tasks.move_same": "Tugas itu sudah untuk instansi tersebut. Contoh: <code>/tugas 3 pindah BAPPERIDA</code>",
    "tasks.move_unknown_unit": (
        "Instansi dengan kode <b>{code}</b> tidak ada di grup ini. Kode yang ada: {codes}\n"
        "Contoh: <code>/tugas 3 pindah BAPPERIDA</code>"
    ),
    "tasks.change_closed": (
        "Tugas #{number} sudah selesai; buka dulu dengan <code>/tugas {number} buka</code>."
    ),
    "tasks.nothing_closed": "Belum ada bagian Tugas #{number} yang selesai; tidak ada yang dibuka.",
    "tasks.part_not_closed": "Bagian {unit} dari Tugas #{number} belum selesai; tidak ada yang dibuka.",
    "tasks.not_a_part": "Tugas #{number} bukan untuk {code}; instansinya: {units}.",
    "tasks.due_change_example": "Contoh: <code>/tugas 3 tenggat Jumat 4/12</code>",
    "tasks.due_changed": (
        "📅 Tenggat <b>Tugas #{number}</b> ({units}) diubah oleh {name}:\n{previous} → <b>{due}</b>"
    ),
    "tasks.moved": "🔀 <b>Tugas #{number}</b> dipindahkan oleh {name}: {previous} → <b>{units}</b>",
    "tasks.reopened": "🔓 <b>Tugas #{number}</b>{part} dibuka kembali oleh {name}. Tenggat: {due}",
    "tasks.reopened_part": " (bagian {unit})",
    "tasks.missing_field": (
        "Ada bagian yang kosong. Contoh:\n"
        "<code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11 | ASET</code>"
    ),
    "tasks.too_long": (
        "Uraian tugas terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Tulis pokoknya saja."
        " Contoh: <code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11</code>"
    ),
    "tasks.unknown_unit": (
        "Instansi dengan kode <b>{code}</b> tidak ada di grup ini. Kode yang ada: {codes}\n"
        "Contoh: <code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11</code>"
    ),
    "tasks.unknown_pokja": (
        "Pokja <b>{given}</b> tidak dikenal. Pilih salah satu (kode atau nama):\n{pokja}\n"
        "Contoh: <code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11 | ASET</code>"
    ),
    "tasks.due_example": "Contoh tenggat: <code>Jumat 27/11</code>, <code>besok jam 15.00</code>, <code>5/12</code>",
    "tasks.due_recurring": (
        "Tenggat harus satu waktu, bukan berulang. Contoh: <code>Jumat 27/11</code> atau "
        "<code>5/12 jam 15.00</code>"
    ),
    "tasks.due_unclear": (
        "Bagian tenggat hanya berisi waktu. Contoh:\n"
        "<code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11</code>"
    ),
    "tasks.assigned": "📋 <b>Tugas #{number}</b>{edited} untuk {units}\n{text}\n<b>Tenggat:</b> {due}",
    "tasks.unit_named": "<b>{code}</b> — {name}",
    "tasks.shared_note": "<i>Tugas bersama: tiap instansi melaporkan dan menyelesaikan bagiannya.</i>",
    "tasks.assigned_pokja": "<b>Pokja:</b> {pokja}",
    "tasks.assigned_meeting": "<i>Dari rapat #{meeting}</i>",
    "tasks.for": "Untuk: {mentions}",
    "tasks.followup_for": "→ {unit}: {mentions}",
    "tasks.no_members": "<i>Belum ada anggota {unit} di grup ini; bergabung dengan <code>/gabung {unit}</code>.</i>",
    "tasks.how_to_report": (
        "Laporkan: <code>/progres {number} teks</code> · <code>/selesai {number}</code> · "
        "balas pesan ini dengan dokumen/foto sebagai bukti."
    ),
    "tasks.list_header": "📋 <b>Tugas terbuka</b> ({count})",
    "tasks.list_unit": "<b>{unit}</b>",
    "tasks.list_item": "#{number} · {text}\n   tenggat {due} · <i>{status}</i>{overdue}{shared}",
    "tasks.list_shared": " · bersama {units}",
    "tasks.overdue_mark": " · ⚠️ lewat tenggat",
    "tasks.list_empty": (
        "Tidak ada tugas terbuka. Koordinator memberi tugas dengan, misalnya:\n"
        "<code>/tugas DISHUB | Perbaiki lampu lalu lintas | Jumat 27/11</code>"
    ),
    "tasks.detail": (
        "📋 <b>Tugas #{number}</b>{edited} · {units}\n{text}\n"
        "<b>Tenggat:</b> {due}\n<b>Status:</b> {status}{overdue}"
    ),
    "tasks.part_line": "• <b>{unit}</b>: {status}{closed}",
    "tasks.part_closed": " — {when}",
    "tasks.history_header": "<b>Riwayat</b>",
    "tasks.event.created": "{when} — {name}: tugas dibuat",
    "tasks.event.progress": "{when} — {name}{unit}: {text}",
    "tasks.event.blocked": "{when} — {name}{unit}: terkendala: {text}",
    "tasks.event.closed": "{when} — {name}{unit}: ditutup (selesai)",
    "tasks.event.evidence": "{when} — {name}{unit}: bukti {file}",
    "tasks.event.edited": "{when} — {name}: uraian diubah (sebelumnya: {text})",
    "tasks.event.due_changed": "{when} — {name}: tenggat diubah ke {due} (sebelumnya {previous})",
    "tasks.event.moved": "{when} — {name}: dipindahkan ke {units} (sebelumnya {previous})",
    "tasks.event.reopened": "{when} — {name}{unit}: dibuka kembali",
    "tasks.event_unit": " ({unit})",
    "tasks.file.document": "dokumen {name}",
    "tasks.file.photo": "foto",
    "tasks.status.baru": "baru",
    "tasks.status.proses": "proses",
    "tasks.status.terkendala": "terkendala",
    "tasks.status.selesai": "selesai",
    "tasks.not_found": "Tugas #{number} tidak ada di grup ini. Daftarnya: /tugas",
    "tasks.not_your_unit": (
        "Tugas #{number} milik <b>{unit}</b>: hanya anggota {unit} atau koordinator yang dapat "
        "mengubahnya. Bergabung dengan <code>/gabung {unit}</code> bila Anda dari {unit}."
    ),
    "tasks.closed_already": "Tugas #{number} sudah selesai; tidak bisa diubah lagi.",
    "tasks.part_closed_already": "Bagian {unit} dari Tugas #{number} sudah selesai.",
    "tasks.progress_usage": (
        "Tulis nomor tugas lalu kemajuannya. Contoh:\n"
        "<code>/progres 3 Survei lokasi selesai</code>\n"
        "<code>/progres 3 terkendala: anggaran belum cair</code>"
    ),
    "tasks.progress_too_long": (
        "Catatan kemajuan terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Tulis pokoknya saja."
        " Contoh: <code>/progres 3 Survei lokasi selesai</code>"
    ),
    "tasks.progress_saved": "📝 Kemajuan <b>Tugas #{number}</b> ({unit}) dicatat. Status: <b>{status}</b>.",
    "tasks.blocked_saved": (
        "🚧 <b>Tugas #{number}</b> ({unit}) ditandai <b>terkendala</b>: {reason}\n"
        "Koordinator dapat membantu menindaklanjuti."
    ),
    "tasks.done_usage": (
        "Tulis nomor tugasnya. Contoh: <code>/selesai 3</code> (bagian satu instansi dari tugas"
        " bersama: <code>/selesai 3 DISHUB</code>)"
    ),
    "tasks.done": "✅ <b>Tugas #{number}</b> ({unit}) selesai, ditutup oleh {name}. {timing}",
    "tasks.part_done": (
        "✅ Bagian <b>{unit}</b> dari <b>Tugas #{number}</b> selesai, ditutup oleh {name}."
        " {timing}\nMasih berjalan: {remaining}."
    ),
    "tasks.done_all": (
        "✅ <b>Tugas #{number}</b> selesai: semua instansinya ({units}) sudah menyelesaikan"
        " bagiannya; yang terakhir {unit}, ditutup oleh {name}. {timing}"
    ),
    "tasks.done_on_time": "Tepat waktu.",
    "tasks.done_late": "Lewat tenggat {due}.",
    "tasks.evidence_saved": "📎 Bukti untuk <b>Tugas #{number}</b> dicatat ({file}) — {name}.",
    "tasks.evidence_not_allowed": (
        "Bukti Tugas #{number} hanya dapat dilampirkan oleh anggota {unit} atau koordinator."
    ),
    "tasks.followup_header": "🔔 <b>Tindak lanjut rencana aksi</b>",
    "tasks.followup_late": "<i>Terlambat: seharusnya terkirim {when} (bot sempat tidak aktif).</i>",
    "tasks.section.soon": "⏳ <b>Tenggat 2 hari kerja lagi</b>",
    "tasks.section.today": "📌 <b>Tenggat hari ini</b>",
    "tasks.section.overdue": "⚠️ <b>Lewat tenggat</b>",
    "tasks.followup_item": "<b>#{number}</b> · {unit} · {text}\n   tenggat {due} · <i>{status}</i>",
    "tasks.followup_footer": "Laporkan dengan <code>/progres N teks</code> atau <code>/selesai N</code>.",
    "tasks.digest_header": "🗓 <b>Ringkasan mingguan rencana aksi</b> — {count} tugas terbuka",
    "tasks.digest_by_pokja": "<b>Per pokja</b>",
    "tasks.digest_by_unit": "<b>Per instansi</b>",
    "tasks.digest_line": "{name}: {count} tugas ({numbers}){overdue}",
    "tasks.digest_overdue": ", {count} lewat tenggat",
    "tasks.digest_no_pokja": "Tanpa pokja",
    "tasks.digest_set": "Ringkasan mingguan tugas terbuka dikirim setiap <b>{day} pukul {time}</b>. Berikutnya: {next}.",
    "tasks.digest_off": "Ringkasan mingguan tugas dimatikan. Nyalakan lagi: <code>/tugas ringkasan Senin 08.00</code>",
    "tasks.digest_usage": (
        "Tulis hari dan jamnya, atau <code>mati</code>. Contoh: <code>/tugas ringkasan Senin 08.00</code>"
    ),
}

EN = {
    "tasks.already_posted": "Task #{number} is recorded and posted already (see the message above).",
    "help.tugas": "Action plans: assign a task to a unit (coordinator), list open tasks, show a task",
    "help.tugas.usage": (
        "<code>/task DISHUB | Fix the traffic lights on Jl. Sudirman | Friday 27/11 | ASET</code>\n"
        "<code>/task DISHUB,SATPOL-PP | Clear illegal parking | 4/12</code> — a shared task: each"
        " unit reports on and completes its own part\n"
        "<code>/task</code> — open tasks per unit\n"
        "<code>/task 3</code> — task #3 with its history\n"
        "<code>/task 3 due Friday 4/12</code> · <code>/task 3 move BAPPERIDA</code> ·"
        " <code>/task 3 reopen</code> — extend the due date, reassign, reopen (coordinator)\n"
        "<code>/task ringkasan Monday 08:00</code> — the weekly digest's schedule (coordinator)\n"
        "A due date without a time means the end of that day (23:59). Pokja by code or name."
    ),
    "help.progres": "Report a task's progress or what blocks it (owning unit, coordinator)",
    "help.progres.usage": (
        "<code>/progress 3 Site survey done, procurement under way</code>\n"
        "<code>/progress 3 terkendala: budget not released yet</code>\n"
        "Evidence: reply to the task's post with a document or photo. In a shared task each unit"
        " reports on its own part."
    ),
    "help.selesai": "Close a task (owning unit, coordinator)",
    "help.selesai.usage": (
        "<code>/done 3</code> or <code>/done #3</code>. A shared task is done when all its units"
        " are; a coordinator can close one unit's part: <code>/done 3 DISHUB</code>"
    ),
    "tasks.usage": (
        "Give the unit code, the description and the due date, separated by <code>|</code>. "
        "For example:\n<code>/task DISHUB | Fix the traffic lights | Friday 27/11 | ASET</code>\n"
        "A shared task: <code>/task DISHUB,BAPPERIDA | Parking study | Friday 27/11</code>\n"
        "Changing a task: <code>/task 3 due Friday 4/12</code>,"
        " <code>/task 3 move BAPPERIDA</code>, <code>/task 3 reopen</code>"
    ),
    "tasks.change_usage": (
        "Changing a task (coordinator): <code>/task 3 due Friday 4/12</code>,"
        " <code>/task 3 move BAPPERIDA</code> or <code>/task 3 reopen</code>"
    ),
    "tasks.due_change_usage": (
        "Give the task number and then its new due date. For example:"
        " <code>/task 3 due Friday 4/12</code>"
    ),
    "tasks.move_usage": (
        "Give the task number and then the new unit code. For example:"
        " <code>/task 3 move BAPPERIDA</code> or <code>/task 3 move DISHUB,BAPPERIDA</code>"
    ),
    "tasks.reopen_usage": (
        "Give the number of the task to reopen. For example: <code>/task 3 reopen</code>"
        " (one unit of a shared task: <code>/task 3 reopen DISHUB</code>)"
    ),
    "tasks.due_same": "That is its due date already. For example: <code>/task 3 due Friday 4/12</code>",
    "tasks.move_same": "The task is for those units already. For example: <code>/task 3 move BAPPERIDA</code>",
    "tasks.move_unknown_unit": (
        "There is no unit with the code <b>{code}</b> in this group. Codes: {codes}\n"
        "For example: <code>/task 3 move BAPPERIDA</code>"
    ),
    "tasks.change_closed": (
        "Task #{number} is done; reopen it first with <code>/task {number} reopen</code>."
    ),
    "tasks.nothing_closed": "No part of Task #{number} is done yet; nothing was reopened.",
    "tasks.part_not_closed": "{unit}'s part of Task #{number} is not done; nothing was reopened.",
    "tasks.not_a_part": "Task #{number} is not for {code}; its units: {units}.",
    "tasks.due_change_example": "For example: <code>/task 3 due Friday 4/12</code>",
    "tasks.due_changed": (
        "📅 The due date of <b>Task #{number}</b> ({units}) was changed by {name}:\n"
        "{previous} → <b>{due}</b>"
    ),
    "tasks.moved": "🔀 <b>Task #{number}</b> was reassigned by {name}: {previous} → <b>{units}</b>",
    "tasks.reopened": "🔓 <b>Task #{number}</b>{part} was reopened by {name}. Due: {due}",
    "tasks.reopened_part": " ({unit}'s part)",
    "tasks.missing_field": (
        "A field is empty. For example:\n"
        "<code>/task DISHUB | Fix the traffic lights | Friday 27/11 | ASET</code>"
    ),
    "tasks.too_long": (
        "The task description is too long: {length} characters, at most {limit} (an emoji counts as 2). Give just its gist."
        " Example: <code>/task DISHUB | Fix the traffic lights | Friday 27/11</code>"
    ),
    "tasks.unknown_unit": (
        "There is no unit with the code <b>{code}</b> in this group. Codes: {codes}\n"
        "For example: <code>/task DISHUB | Fix the traffic lights | Friday 27/11</code>"
    ),
    "tasks.unknown_pokja": (
        "Unknown pokja <b>{given}</b>. Choose one (code or name):\n{pokja}\n"
        "For example: <code>/task DISHUB | Fix the traffic lights | Friday 27/11 | ASET</code>"
    ),
    "tasks.due_example": "Due dates look like: <code>Friday 27/11</code>, <code>tomorrow 3pm</code>, <code>5/12</code>",
    "tasks.due_recurring": (
        "A due date is one moment, not a recurring one. For example: <code>Friday 27/11</code> "
        "or <code>5/12 15:00</code>"
    ),
    "tasks.due_unclear": (
        "The due date field holds only the date. For example:\n"
        "<code>/task DISHUB | Fix the traffic lights | Friday 27/11</code>"
    ),
    "tasks.assigned": "📋 <b>Task #{number}</b>{edited} for {units}\n{text}\n<b>Due:</b> {due}",
    "tasks.unit_named": "<b>{code}</b> — {name}",
    "tasks.shared_note": "<i>A shared task: each unit reports on and completes its own part.</i>",
    "tasks.assigned_pokja": "<b>Pokja:</b> {pokja}",
    "tasks.assigned_meeting": "<i>From meeting #{meeting}</i>",
    "tasks.for": "For: {mentions}",
    "tasks.followup_for": "→ {unit}: {mentions}",
    "tasks.no_members": "<i>No member of {unit} in this group yet; join with <code>/join {unit}</code>.</i>",
    "tasks.how_to_report": (
        "Report: <code>/progress {number} text</code> · <code>/done {number}</code> · "
        "reply to this message with a document/photo as evidence."
    ),
    "tasks.list_header": "📋 <b>Open tasks</b> ({count})",
    "tasks.list_unit": "<b>{unit}</b>",
    "tasks.list_item": "#{number} · {text}\n   due {due} · <i>{status}</i>{overdue}{shared}",
    "tasks.list_shared": " · shared with {units}",
    "tasks.overdue_mark": " · ⚠️ overdue",
    "tasks.list_empty": (
        "No open tasks. A coordinator assigns one with, for example:\n"
        "<code>/task DISHUB | Fix the traffic lights | Friday 27/11</code>"
    ),
    "tasks.detail": (
        "📋 <b>Task #{number}</b>{edited} · {units}\n{text}\n"
        "<b>Due:</b> {due}\n<b>Status:</b> {status}{overdue}"
    ),
    "tasks.part_line": "• <b>{unit}</b>: {status}{closed}",
    "tasks.part_closed": " — {when}",
    "tasks.history_header": "<b>History</b>",
    "tasks.event.created": "{when} — {name}: task created",
    "tasks.event.progress": "{when} — {name}{unit}: {text}",
    "tasks.event.blocked": "{when} — {name}{unit}: blocked: {text}",
    "tasks.event.closed": "{when} — {name}{unit}: closed (done)",
    "tasks.event.evidence": "{when} — {name}{unit}: evidence {file}",
    "tasks.event.edited": "{when} — {name}: description edited (before: {text})",
    "tasks.event.due_changed": "{when} — {name}: due date changed to {due} (before: {previous})",
    "tasks.event.moved": "{when} — {name}: reassigned to {units} (before: {previous})",
    "tasks.event.reopened": "{when} — {name}{unit}: reopened",
    "tasks.event_unit": " ({unit})",
    "tasks.file.document": "document {name}",
    "tasks.file.photo": "photo",
    "tasks.status.baru": "new",
    "tasks.status.proses": "in progress",
    "tasks.status.terkendala": "blocked",
    "tasks.status.selesai": "done",
    "tasks.not_found": "There is no task #{number} in this group. The list: /task",
    "tasks.not_your_unit": (
        "Task #{number} belongs to <b>{unit}</b>: only members of {unit} or a coordinator may "
        "change it. Join with <code>/join {unit}</code> if you are from {unit}."
    ),
    "tasks.closed_already": "Task #{number} is done already; it cannot change any more.",
    "tasks.part_closed_already": "{unit}'s part of Task #{number} is done already.",
    "tasks.progress_usage": (
        "Give the task number, then the progress. For example:\n"
        "<code>/progress 3 Site survey done</code>\n"
        "<code>/progress 3 terkendala: budget not released yet</code>"
    ),
    "tasks.progress_too_long": (
        "The progress note is too long: {length} characters, at most {limit} (an emoji counts as 2). Give just its gist."
        " Example: <code>/progress 3 Site survey done</code>"
    ),
    "tasks.progress_saved": "📝 Progress of <b>Task #{number}</b> ({unit}) recorded. Status: <b>{status}</b>.",
    "tasks.blocked_saved": (
        "🚧 <b>Task #{number}</b> ({unit}) marked <b>blocked</b>: {reason}\n"
        "A coordinator can help follow it up."
    ),
    "tasks.done_usage": (
        "Give the task number. For example: <code>/done 3</code> (one unit's part of a shared"
        " task: <code>/done 3 DISHUB</code>)"
    ),
    "tasks.done": "✅ <b>Task #{number}</b> ({unit}) done, closed by {name}. {timing}",
    "tasks.part_done": (
        "✅ <b>{unit}</b>'s part of <b>Task #{number}</b> is done, closed by {name}. {timing}\n"
        "Still under way: {remaining}."
    ),
    "tasks.done_all": (
        "✅ <b>Task #{number}</b> is done: all its units ({units}) completed their parts; the last"
        " was {unit}, closed by {name}. {timing}"
    ),
    "tasks.done_on_time": "On time.",
    "tasks.done_late": "After its due date {due}.",
    "tasks.evidence_saved": "📎 Evidence for <b>Task #{number}</b> recorded ({file}) — {name}.",
    "tasks.evidence_not_allowed": (
        "Only members of {unit} or a coordinator may attach evidence to Task #{number}."
    ),
    "tasks.followup_header": "🔔 <b>Action plan follow-up</b>",
    "tasks.followup_late": "<i>Late: it was due {when} (the bot was down).</i>",
    "tasks.section.soon": "⏳ <b>Due in 2 working days</b>",
    "tasks.section.today": "📌 <b>Due today</b>",
    "tasks.section.overdue": "⚠️ <b>Overdue</b>",
    "tasks.followup_item": "<b>#{number}</b> · {unit} · {text}\n   due {due} · <i>{status}</i>",
    "tasks.followup_footer": "Report with <code>/progress N text</code> or <code>/done N</code>.",
    "tasks.digest_header": "🗓 <b>Weekly action plan digest</b> — {count} open tasks",
    "tasks.digest_by_pokja": "<b>Per pokja</b>",
    "tasks.digest_by_unit": "<b>Per unit</b>",
    "tasks.digest_line": "{name}: {count} tasks ({numbers}){overdue}",
    "tasks.digest_overdue": ", {count} overdue",
    "tasks.digest_no_pokja": "No pokja",
    "tasks.digest_set": "The weekly digest of open tasks goes out every <b>{day} at {time}</b>. Next: {next}.",
    "tasks.digest_off": "The weekly task digest is off. Turn it on again: <code>/task ringkasan Monday 08:00</code>",
    "tasks.digest_usage": (
        "Give the day and time, or <code>mati</code> (off). For example: "
        "<code>/task ringkasan Monday 08:00</code>"
    ),
}
