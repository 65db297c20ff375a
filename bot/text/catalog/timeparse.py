"""Refusals of the time parser (``bot.domain.timeparse``): what was wrong. Each command that reads a
time adds an example of its own form (``TimeParseError.render``); ``timeparse.example`` is
the reminder's."""

ID = {
    "timeparse.example": "Contoh: <code>/ingatkan besok jam 9 Rapat Pokja Aset</code>",
    "timeparse.no_time": (
        "Saya tidak menemukan waktu di awal pesan. Tulis hari dan jamnya paling depan, "
        "misalnya <b>besok jam 9</b> atau <b>Senin depan pukul 07.30</b>."
    ),
    "timeparse.time_later": (
        "Jamnya harus ditulis tepat setelah harinya (saya melihat <b>{found}</b> di tengah pesan)."
    ),
    "timeparse.unread": (
        "Saya tidak bisa membaca <b>{words}</b> sebagai bagian dari waktunya, jadi jamnya "
        "tidak saya tebak. Maksud Anda <code>{example}</code>? Jika angka itu bagian dari "
        "pesan, tulis jamnya lebih dulu."
    ),
    "timeparse.unread_time": (
        "Saya tidak bisa membaca <b>{words}</b> sebagai waktu, jadi jamnya tidak saya tebak. "
        "Tulis jamnya dengan angka, misalnya <code>{example}</code>."
    ),
    "timeparse.vague": (
        "<b>{words}</b> belum menyebut satu hari tertentu. Tanggal atau hari apa? Tulis "
        "misalnya <b>tanggal 1 bulan depan jam 9</b> atau <b>Senin pekan depan jam 9</b>."
    ),
    "timeparse.two_zones": (
        "<b>{words}</b> menyebut dua zona waktu. Pakai satu zona untuk jam mulai dan jam selesai."
    ),
    "timeparse.end_before_start": "Jam selesai <b>{words}</b> tidak setelah jam mulai.",
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
        "<b>{words}</b> bisa berarti sebuah pekan atau hari Minggu. Tulis harinya, "
        "misalnya <b>Senin pekan depan jam 8</b> atau <b>hari Minggu depan jam 8</b>."
    ),
}

EN = {
    "timeparse.example": "Example: <code>/remind tomorrow 9am Asset working group meeting</code>",
    "timeparse.no_time": (
        "I could not find a time at the start of your message. Put the day and the time "
        "first, for example <b>tomorrow 9am</b> or <b>next Monday 7:30</b>."
    ),
    "timeparse.time_later": (
        "Put the time right after the day (I found <b>{found}</b> in the middle of the message)."
    ),
    "timeparse.unread": (
        "I could not read <b>{words}</b> as part of the time, so I did not guess it. "
        "Did you mean <code>{example}</code>? If the number belongs to the message, write "
        "the time first."
    ),
    "timeparse.unread_time": (
        "I could not read <b>{words}</b> as a time, so I did not guess it. Write the time "
        "in digits, for example <code>{example}</code>."
    ),
    "timeparse.vague": (
        "<b>{words}</b> does not name one day. Which date or day? Write for example "
        "<b>1 December 9am</b> or <b>next Monday 9am</b>."
    ),
    "timeparse.two_zones": (
        "<b>{words}</b> names two time zones. Use one zone for the start and the end."
    ),
    "timeparse.end_before_start": "The end time <b>{words}</b> is not after the start.",
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
        "<b>{words}</b> can mean a week or a Sunday. Name the day, for example "
        "<b>next Monday 8:00</b> or <b>Sunday 6/12</b>."
    ),
}
