"""The recap as the chat shows it: one line when there is nothing to assess, else the podium,
the top ten as a narrow table (it must fit a phone's width), the rest in one line, and the
chart's bars and labels."""

from __future__ import annotations

from bot.domain.timewords import month_name
from bot.services.recap import Recap, Standing
from bot.text.i18n import escape, t
from bot.text.recap_chart import Bar, ChartLabels

PODIUM_NAMES = 5
"""Codes named for one podium place; more sharing it are counted instead."""


def _suffix(found: Recap) -> str:
    return "_pokja" if found.by_pokja else ""


def _period(found: Recap, lang: str) -> dict[str, object]:
    return {"month": month_name(found.month, lang), "year": found.year}


def empty(found: Recap, lang: str) -> str:
    """One line: nothing was due in the month (no table, no chart)."""
    return t(lang, "recap.empty" + _suffix(found), **_period(found, lang))


def caption(found: Recap, lang: str) -> str:
    return t(lang, "recap.caption" + _suffix(found), **_period(found, lang))


def file_name(found: Recap, lang: str) -> str:
    return t(lang, "recap.file_name" + _suffix(found), year=found.year, month=f"{found.month:02d}")


def chart(found: Recap, lang: str) -> tuple[list[Bar], ChartLabels]:
    """The bars of the top ten, best first, and the chart's title and subtitle."""
    bars = [
        Bar(
            label=f"{s.rank}. {s.row.code}",
            percent=s.percent,
            note=t(lang, "recap.chart_overdue", count=s.row.overdue_now)
            if s.row.overdue_now
            else "",
        )
        for s in found.shown
    ]
    labels = ChartLabels(
        title=t(lang, "recap.chart_title" + _suffix(found), **_period(found, lang)),
        subtitle=t(lang, "recap.chart_subtitle" + _suffix(found)),
    )
    return bars, labels


def _place(place: list[Standing], lang: str) -> str:
    codes = [s.row.code for s in place[:PODIUM_NAMES]]
    if len(place) > PODIUM_NAMES:
        codes.append(t(lang, "recap.podium_more", count=len(place) - PODIUM_NAMES))
    return f"{place[0].rank}. {', '.join(codes)} {place[0].percent}%"


def _share(on_time: int, total: int) -> str:
    return f"{on_time}/{total}" if total else "–"


def table(found: Recap, lang: str) -> str:
    """A fixed-width table of the top ten for a ``<pre>`` block: rank, code, score, then
    (units only) announcements acknowledged on time, and tasks closed on time, overdue now."""
    headers = tuple(t(lang, "recap.columns" + _suffix(found)).split("|"))
    lines = []
    for s in found.shown:
        row = s.row
        cells = [str(s.rank), row.code, f"{s.percent}%"]
        if not found.by_pokja:
            cells.append(_share(row.acked_on_time, row.announcements))
        cells += [_share(row.closed_on_time, row.tasks), str(row.overdue_now)]
        lines.append(tuple(cells))
    widths = [max(len(cell) for cell in column) for column in zip(headers, *lines, strict=True)]
    out = []
    for line in (headers, *lines):
        rank = line[0].rjust(widths[0])
        code = line[1].ljust(widths[1])
        rest = (cell.rjust(width) for cell, width in zip(line[2:], widths[2:], strict=True))
        out.append(" ".join((rank, code, *rest)).rstrip())
    return "\n".join(out)


def message(found: Recap, lang: str) -> str:
    """Header, podium, the table of the top ten, the rest in one line, what the columns mean."""
    suffix = _suffix(found)
    lines = [t(lang, "recap.header" + suffix, **_period(found, lang))]
    podium = found.podium
    if podium:
        places = " · ".join(_place(place, lang) for place in podium)
        lines.append(t(lang, "recap.podium", places=places))
    else:
        lines.append(t(lang, "recap.no_podium" + suffix))
    lines.append(f"<pre>{escape(table(found, lang))}</pre>")
    rest = found.rest
    if rest:
        low, high = rest[-1].percent, rest[0].percent
        lines.append(
            t(
                lang,
                "recap.rest" + suffix,
                count=len(rest),
                scores=f"{low}%" if low == high else f"{low}–{high}%",
            )
        )
    lines.append(t(lang, "recap.legend" + suffix))
    return "\n".join(lines)
