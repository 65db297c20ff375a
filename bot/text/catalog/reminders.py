"""Reminders (/ingatkan, /pengingat, /batal) and the group's time zone (/zona)."""

ID = {
    "help.ingatkan": "Pengingat di obrolan ini, sekali atau berulang",
    "help.ingatkan.usage": (
        "<code>/ingatkan besok jam 9 Rapat Pokja Aset</code>\n"
        "<code>/ingatkan tiap Senin jam 7.30 Apel pagi</code>\n"
        "<code>/ingatkan 2 jam lagi Kirim laporan</code>\n"
        "Pengingat anggota menyebut pembuatnya; pengingat koordinator untuk seluruh grup."
    ),
    "help.pengingat": "Daftar pengingat yang belum terkirim di obrolan ini",
    "help.pengingat.usage": "<code>/pengingat</code>",
    "help.batal": "Membatalkan pengingat (pembuatnya atau koordinator)",
    "help.batal.usage": "<code>/batal 3</code> atau <code>/batal #3</code> — nomornya lihat di /pengingat",
    "help.zona": "Zona waktu grup: WIB, WITA, WIT (koordinator)",
    "help.zona.usage": "<code>/zona WITA</code> atau nama IANA, mis. <code>/zona Asia/Makassar</code>",
    "reminders.usage": (
        "Tulis waktu lalu isi pengingatnya. Contoh:\n"
        "<code>/ingatkan besok jam 9 Rapat Pokja Aset</code>\n"
        "<code>/ingatkan tiap Senin jam 7.30 Apel pagi</code>"
    ),
    "reminders.missing_text": (
        "Waktunya sudah jelas, tapi isi pengingatnya belum ada. Contoh:\n"
        "<code>/ingatkan {phrase} Rapat Pokja Aset</code>"
    ),
    "reminders.too_long": (
        "Isi pengingat terlalu panjang: {length} karakter, paling banyak {limit} (emoji dihitung 2). Tulis pokoknya saja."
        " Contoh: <code>/ingatkan besok jam 9 Rapat Pokja Aset</code>"
    ),
    "reminders.confirmed": "✅ <b>Pengingat #{number}</b> dicatat untuk <b>{when}</b>:\n{text}",
    "reminders.recurring": "Berulang: {phrase}. Berikutnya: {upcoming}.",
    "reminders.cancel_button": "Batalkan",
    "reminders.list_header": "<b>Pengingat di obrolan ini</b> ({count})",
    "reminders.list_item": "<b>#{number}</b> · {when}{recurring}\n{text} <i>— {creator}</i>",
    "reminders.list_recurring": " · berulang ({phrase})",
    "reminders.list_empty": (
        "Belum ada pengingat di obrolan ini. Contoh: <code>/ingatkan besok jam 9 Rapat Pokja Aset</code>"
    ),
    "reminders.cancelled": "Pengingat #{number} dibatalkan.",
    "reminders.cancelled_by": "❌ Pengingat #{number} dibatalkan oleh {name}.",
    "reminders.not_found": "Pengingat #{number} tidak ada di obrolan ini. Daftarnya: /pengingat",
    "reminders.not_pending": "Pengingat #{number} sudah tidak aktif (terkirim atau dibatalkan).",
    "reminders.cancel_usage": "Tulis nomor pengingatnya. Contoh: <code>/batal 3</code> — nomornya lihat di /pengingat",
    "reminders.not_allowed": "Hanya pembuat pengingat #{number} atau koordinator yang dapat membatalkan atau menundanya.",
    "reminders.fired": "🔔 <b>Pengingat #{number}</b>\n{text}",
    "reminders.fired_for": "Untuk: {mention}",
    "reminders.fired_late": "<i>Terlambat: seharusnya terkirim {when} (bot sempat tidak aktif).</i>",
    "reminders.fired_missed": "<i>Terlewat {count} kali selama bot tidak aktif; jadwal berikutnya tetap berjalan.</i>",
    "reminders.snooze_hour": "Tunda 1 jam",
    "reminders.snooze_day": "Tunda besok",
    "reminders.snoozed": "⏰ Ditunda oleh {name} sampai {when} (pengingat #{number}).",
    "reminders.snoozed_alert": "Ditunda sampai {when}.",
    "reminders.stale_button": "Tombol ini sudah tidak berlaku.",
    "reminders.already_snoozed": "Pengingat ini sudah ditunda; lihat /pengingat.",
    "zone.set": "Zona waktu grup sekarang <b>{zone}</b>. Saat ini: {now}.",
    "zone.usage": (
        "Tulis zona waktunya: <code>/zona WIB</code>, <code>/zona WITA</code>, <code>/zona WIT</code>"
        " atau nama IANA seperti <code>/zona Asia/Makassar</code>."
    ),
}

EN = {
    "help.ingatkan": "A reminder in this chat, once or recurring",
    "help.ingatkan.usage": (
        "<code>/remind tomorrow 9am Asset working group meeting</code>\n"
        "<code>/remind every Monday 7:30 Morning assembly</code>\n"
        "<code>/remind in 2 hours Send the report</code>\n"
        "Indonesian works too: <code>/ingatkan besok jam 9 Rapat Pokja Aset</code>.\n"
        "A member's reminder mentions its creator; a coordinator's is for the whole group."
    ),
    "help.pengingat": "The reminders of this chat not sent yet",
    "help.pengingat.usage": "<code>/reminders</code>",
    "help.batal": "Cancel a reminder (its creator or a coordinator)",
    "help.batal.usage": "<code>/cancel 3</code> or <code>/cancel #3</code> — see the numbers with /reminders",
    "help.zona": "The group's time zone: WIB, WITA, WIT (coordinator)",
    "help.zona.usage": "<code>/timezone WITA</code> or an IANA name, e.g. <code>/timezone Asia/Makassar</code>",
    "reminders.usage": (
        "Give the time and then what to remind of. For example:\n"
        "<code>/remind tomorrow 9am Asset working group meeting</code>\n"
        "<code>/remind every Monday 7:30 Morning assembly</code>"
    ),
    "reminders.missing_text": (
        "The time is clear, but there is nothing to remind of yet. For example:\n"
        "<code>/remind {phrase} Asset working group meeting</code>"
    ),
    "reminders.too_long": (
        "The reminder is too long: {length} characters, at most {limit} (an emoji counts as 2). Give just its gist."
        " Example: <code>/remind tomorrow 9am Asset working group meeting</code>"
    ),
    "reminders.confirmed": "✅ <b>Reminder #{number}</b> set for <b>{when}</b>:\n{text}",
    "reminders.recurring": "Repeats: {phrase}. Next: {upcoming}.",
    "reminders.cancel_button": "Cancel",
    "reminders.list_header": "<b>Reminders in this chat</b> ({count})",
    "reminders.list_item": "<b>#{number}</b> · {when}{recurring}\n{text} <i>— {creator}</i>",
    "reminders.list_recurring": " · repeats ({phrase})",
    "reminders.list_empty": (
        "No reminders in this chat yet. For example: <code>/remind tomorrow 9am Asset meeting</code>"
    ),
    "reminders.cancelled": "Reminder #{number} cancelled.",
    "reminders.cancelled_by": "❌ Reminder #{number} cancelled by {name}.",
    "reminders.not_found": "There is no reminder #{number} in this chat. See /reminders",
    "reminders.not_pending": "Reminder #{number} is no longer active (sent or cancelled).",
    "reminders.cancel_usage": "Give the reminder's number. For example: <code>/cancel 3</code> — see /reminders",
    "reminders.not_allowed": "Only the creator of reminder #{number} or a coordinator can cancel or snooze it.",
    "reminders.fired": "🔔 <b>Reminder #{number}</b>\n{text}",
    "reminders.fired_for": "For: {mention}",
    "reminders.fired_late": "<i>Late: this was due {when} (the bot was down).</i>",
    "reminders.fired_missed": "<i>Missed {count} times while the bot was down; the schedule goes on.</i>",
    "reminders.snooze_hour": "Snooze 1 hour",
    "reminders.snooze_day": "Snooze to tomorrow",
    "reminders.snoozed": "⏰ Snoozed by {name} until {when} (reminder #{number}).",
    "reminders.snoozed_alert": "Snoozed until {when}.",
    "reminders.stale_button": "This button is no longer valid.",
    "reminders.already_snoozed": "This reminder was already snoozed; see /reminders.",
    "zone.set": "The group's time zone is now <b>{zone}</b>. It is now {now}.",
    "zone.usage": (
        "Give the time zone: <code>/timezone WIB</code>, <code>/timezone WITA</code>,"
        " <code>/timezone WIT</code> or an IANA name such as <code>/timezone Asia/Makassar</code>."
    ),
}
