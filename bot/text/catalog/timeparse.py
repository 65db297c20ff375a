"""Refusals of the time parser (``bot.domain.timeparse``): what was wrong. Each command that reads a
time adds an example of its own form (``TimeParseError.render``); ``timeparse.example`` is
the reminder's."""

ID = {
    "timeparse.example": "Contoh: <code>/ingatkan besok jam 9 Rapat Pokja Aset</code>",
    "timeparse.no_time": (
        "Saya tidak menemukan waktu di awal pesan. Tulis harinya dan jamnya dulu, "
        "baru isi pengingatnya."
    ),
    "timeparse.time_later": (
        "Jam pengingat harus ditulis tepat setelah harinya, sebelum isi pengingat "
        "(saya melihat <b>{found}</b> di tengah pesan)."
    ),
    "timeparse.bad_hour": ("Jam <b>{value}</b> tidak ada: jam berjalan dari 00.00 sampai 23.59."),
    "timeparse.ambiguous_hour": (
        "Jam <b>{value}</b> pagi atau sore? Tulis misalnya <b>jam {value} pagi</b> atau "
        "<b>pukul {value_pm}</b>."
    ),
    "timeparse.bad_period": (
        "<b>Jam {value} {period}</b> tidak cocok. Pagi = jam 1–11, siang = jam 11–3, "
        "sore = jam 2–7, malam = jam 6–11."
    ),
    "timeparse.midnight": (
        "<b>Jam 12 malam</b> bisa berarti awal atau akhir hari. Tulis <b>pukul 00.00</b> "
        "dengan tanggal yang dimaksud, atau <b>pukul 23.59</b>."
    ),
    "timeparse.period_without_hour": (
        "<b>{period}</b> jam berapa? Tulis jamnya, misalnya <b>besok jam 4 sore</b>."
    ),
    "timeparse.bad_date": ("Tanggal <b>{value}</b> tidak ada di kalender."),
    "timeparse.bad_day_of_month": (
        "Tanggal <b>{value}</b> tidak ada: tanggal berjalan dari 1 sampai 31."
    ),
    "timeparse.weekday_mismatch": (
        "Tanggal <b>{date}</b> jatuh pada hari <b>{actual}</b>, bukan {given}. "
        "Periksa lagi hari atau tanggalnya."
    ),
    "timeparse.past": ("Waktu itu sudah lewat (<b>{when}</b>). Pilih waktu yang akan datang."),
    "timeparse.date_passed": (
        "Tanggal <b>{date}</b> tahun ini sudah lewat. Jika maksudnya tahun depan, "
        "tulis tahunnya, misalnya <b>{date}/{next_year}</b>."
    ),
    "timeparse.too_far": ("Waktu itu terlalu jauh (lebih dari 10 tahun lagi)."),
    "timeparse.ambiguous_week": (
        "<b>Minggu depan</b> bisa berarti pekan depan atau hari Minggu depan. Tulis harinya, "
        "misalnya <b>Senin depan jam 8</b> atau <b>hari Minggu tanggal 6/12</b>."
    ),
}

EN = {
    "timeparse.example": "Example: <code>/remind tomorrow 9am Asset working group meeting</code>",
    "timeparse.no_time": (
        "I could not find a time at the start of your message. Write the day and the time "
        "first, then the reminder."
    ),
    "timeparse.time_later": (
        "Put the time right after the day, before the reminder text "
        "(I found <b>{found}</b> in the middle of the message)."
    ),
    "timeparse.bad_hour": ("There is no hour <b>{value}</b>: the clock runs from 00:00 to 23:59."),
    "timeparse.ambiguous_hour": (
        "Is <b>{value}</b> in the morning or the afternoon? Write for example "
        "<b>{value}am</b> or <b>{value_pm}</b>."
    ),
    "timeparse.bad_period": (
        "<b>{value} {period}</b> does not fit. Pagi (morning) = 1–11, siang (midday) = 11–3, "
        "sore (afternoon) = 2–7, malam (evening) = 6–11."
    ),
    "timeparse.midnight": (
        "<b>12 at night</b> can mean the start or the end of a day. Write <b>00:00</b> "
        "with the date you mean, or <b>23:59</b>."
    ),
    "timeparse.period_without_hour": (
        "<b>{period}</b> at what time? Add the hour, for example <b>tomorrow 4pm</b>."
    ),
    "timeparse.bad_date": ("The date <b>{value}</b> does not exist."),
    "timeparse.bad_day_of_month": (
        "There is no day <b>{value}</b> of a month: days run from 1 to 31."
    ),
    "timeparse.weekday_mismatch": (
        "<b>{date}</b> is a <b>{actual}</b>, not {given}. Check the day or the date."
    ),
    "timeparse.past": ("That time has already passed (<b>{when}</b>). Pick a time ahead."),
    "timeparse.date_passed": (
        "<b>{date}</b> has already passed this year. If you mean next year, write the year, "
        "for example <b>{date}/{next_year}</b>."
    ),
    "timeparse.too_far": ("That time is too far ahead (more than 10 years)."),
    "timeparse.ambiguous_week": (
        "<b>Minggu depan</b> can mean next week or next Sunday. Name the day, for example "
        "<b>next Monday 8:00</b> or <b>Sunday 6/12</b>."
    ),
}
