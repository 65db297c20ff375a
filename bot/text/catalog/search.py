"""Search (/cari): results, paging, and what to say when a query has nothing to search."""

ID = {
    "help.cari": "Mencari keputusan, pengumuman, agenda dan tugas; di obrolan pribadi: di semua grup Anda",
    "help.cari.usage": (
        "<code>/cari parkir Jalan Merdeka</code>\n"
        "<code>/cari penataan PKL</code> — juga menemukan <i>menata</i>, <i>ditata</i>\n"
        "Di grup: mencari catatan grup ini. Di obrolan pribadi dengan bot: mencari di semua grup"
        " tempat Anda menjadi anggota."
    ),
    "search.usage": (
        "Tulis kata kunci yang dicari. Contoh: <code>/cari parkir Jalan Merdeka</code>"
    ),
    "search.empty_query": (
        "Tidak ada kata yang bisa dicari di situ. Tulis kata kunci berupa huruf atau angka."
        " Contoh: <code>/cari parkir Jalan Merdeka</code>"
    ),
    "search.no_groups": (
        "Anda belum menjadi anggota grup koordinasi mana pun di Rakor, jadi belum ada yang bisa"
        " dicari. Bergabunglah lewat <code>/gabung KODE</code> di grupnya, atau cari langsung di"
        " grup: <code>/cari parkir Jalan Merdeka</code>"
    ),
    "search.not_member": (
        "Catatan grup hanya untuk anggotanya, dan menurut Telegram Anda tidak lagi berada di"
        " grup <b>{groups}</b>. Jika Anda seharusnya masih anggota, minta admin grup menambahkan"
        " Anda kembali, lalu coba lagi: <code>/cari parkir Jalan Merdeka</code>"
    ),
    "search.none": (
        "Tidak ada hasil untuk <b>{query}</b>. Coba kata lain atau lebih sedikit kata."
    ),
    "search.none_private": (
        "Tidak ada hasil untuk <b>{query}</b> di {groups} grup Anda."
        " Coba kata lain atau lebih sedikit kata."
    ),
    "search.header": "🔎 Hasil pencarian <b>{query}</b>: {first}–{last} dari {total}",
    "search.header_private": (
        "🔎 Hasil pencarian <b>{query}</b> di {groups} grup Anda: {first}–{last} dari {total}"
    ),
    "search.item": "<b>{kind} #{number}</b> · {date}{unit}",
    "search.item_group": "<i>{group}</i>",
    "search.kind.announcement": "Pengumuman",
    "search.kind.decision": "Keputusan",
    "search.kind.agenda_item": "Agenda",
    "search.kind.task": "Tugas",
    "search.kind.task_note": "Catatan progres tugas",
    "search.next": "Berikutnya ▶",
    "search.previous": "◀ Sebelumnya",
    "search.stale": "Pencarian ini sudah tidak berlaku. Silakan cari lagi dengan /cari.",
    "search.no_more": "Tidak ada hasil lagi.",
}

EN = {
    "help.cari": "Search decisions, announcements, agenda items and tasks; in a private chat: in all your groups",
    "help.cari.usage": (
        "<code>/search parking Jalan Merdeka</code>\n"
        "Indonesian words match their other forms: <code>/cari penataan PKL</code> also finds"
        " <i>menata</i>, <i>ditata</i>.\n"
        "In a group: searches this group's records. In a private chat with the bot: searches"
        " every group you are a member of."
    ),
    "search.usage": (
        "Give the words to search for. For example: <code>/search parkir Jalan Merdeka</code>"
    ),
    "search.empty_query": (
        "There is no word to search for in that. Use letters or digits."
        " For example: <code>/search parkir Jalan Merdeka</code>"
    ),
    "search.no_groups": (
        "You are not a member of any coordination group in Rakor yet, so there is nothing to"
        " search. Join your unit with <code>/join CODE</code> in the group, or search in the"
        " group itself: <code>/search parkir Jalan Merdeka</code>"
    ),
    "search.not_member": (
        "A group's records are for its members only, and Telegram says you are no longer in"
        " <b>{groups}</b>. If you should still be a member, ask a group admin to add you back,"
        " then try again: <code>/search parkir Jalan Merdeka</code>"
    ),
    "search.none": "No results for <b>{query}</b>. Try other or fewer words.",
    "search.none_private": (
        "No results for <b>{query}</b> in your {groups} group(s). Try other or fewer words."
    ),
    "search.header": "🔎 Results for <b>{query}</b>: {first}–{last} of {total}",
    "search.header_private": (
        "🔎 Results for <b>{query}</b> in your {groups} group(s): {first}–{last} of {total}"
    ),
    "search.item": "<b>{kind} #{number}</b> · {date}{unit}",
    "search.item_group": "<i>{group}</i>",
    "search.kind.announcement": "Announcement",
    "search.kind.decision": "Decision",
    "search.kind.agenda_item": "Agenda item",
    "search.kind.task": "Task",
    "search.kind.task_note": "Task progress note",
    "search.next": "Next ▶",
    "search.previous": "◀ Previous",
    "search.stale": "This search has expired. Please search again with /search.",
    "search.no_more": "No more results.",
}
