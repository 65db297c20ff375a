"""The recap as a PNG bar chart proportioned for a phone: portrait, 1080 px wide.

One row per standing, best first: its rank and code above a bar of its score, the percentage
at the right end of the row, and a note (tasks overdue) next to the code. Telegram shows a
photo in the chat at most about 360 px wide and 420 px high, so the chart stays within 4:5
(1080 × 1350 for ten rows) and every text is drawn at least 34 px high, which reads at 11 px
or more at a third of its size.

Drawn with matplotlib's Agg canvas (no display, no global pyplot state), so it can run in a
worker thread; matplotlib is imported only when a chart is drawn, so the bot starts without
loading it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from textwrap import wrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.patches import FancyBboxPatch

WIDTH = 1080
MIN_HEIGHT = 1120
"""Taller than wide even with one row: a phone shows it portrait, at full width."""
DPI = 100
MARGIN = 50
ROW = 102
"""Height of one row: the label line, the bar under it and the gap to the next."""
BAR = 36
TITLE_PX = 54
TEXT_PX = 40
NOTE_PX = 34
SUBTITLE_PX = 34
SUBTITLE_WIDTH = 52
"""Characters per subtitle line at ``SUBTITLE_PX``."""
BAR_COLOUR = "#2b6ea6"
TRACK_COLOUR = "#e4ebf2"
NOTE_COLOUR = "#c0392b"
INK = "#1d2733"
MUTED = "#5b6775"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    """``1. DISHUB``: the rank and the code."""
    percent: int
    note: str = ""
    """Shown after the label (``2 lewat tenggat``); empty for none."""


@dataclass(frozen=True, slots=True)
class ChartLabels:
    title: str
    subtitle: str
    """What the score is, wrapped to the width."""


def _points(px: float) -> float:
    return px * 72 / DPI


def render(bars: Sequence[Bar], labels: ChartLabels) -> bytes:
    """The chart as PNG bytes: ``WIDTH`` wide, taller than wide, rows in the order given."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    subtitle = wrap(labels.subtitle, SUBTITLE_WIDTH)
    top = MARGIN + TITLE_PX + 20 + len(subtitle) * (SUBTITLE_PX + 10) + 24
    height = max(MIN_HEIGHT, top + len(bars) * ROW + MARGIN)
    figure = Figure(figsize=(WIDTH / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(height, 0)
    axes.set_axis_off()
    axes.text(
        MARGIN,
        MARGIN,
        labels.title,
        fontsize=_points(TITLE_PX),
        fontweight="bold",
        color=INK,
        va="top",
    )
    axes.text(
        MARGIN,
        MARGIN + TITLE_PX + 20,
        "\n".join(subtitle),
        fontsize=_points(SUBTITLE_PX),
        color=MUTED,
        va="top",
        linespacing=1.3,
    )
    span = WIDTH - 2 * MARGIN
    for index, bar in enumerate(bars):
        y = top + index * ROW
        label = axes.text(
            MARGIN,
            y + TEXT_PX,
            bar.label,
            fontsize=_points(TEXT_PX),
            fontweight="bold",
            color=INK,
            va="baseline",
        )
        axes.text(
            WIDTH - MARGIN,
            y + TEXT_PX,
            f"{bar.percent}%",
            fontsize=_points(TEXT_PX),
            fontweight="bold",
            color=INK,
            va="baseline",
            ha="right",
        )
        if bar.note:
            axes.annotate(
                bar.note,
                xy=(1, 0),
                xycoords=label,
                xytext=(_points(16), 0),
                textcoords="offset points",
                fontsize=_points(NOTE_PX),
                color=NOTE_COLOUR,
                va="bottom",
            )
        bar_top = y + TEXT_PX + 12
        axes.add_patch(_box(MARGIN, bar_top, span, TRACK_COLOUR))
        if bar.percent > 0:
            axes.add_patch(_box(MARGIN, bar_top, span * min(bar.percent, 100) / 100, BAR_COLOUR))
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _box(x: float, y: float, width: float, colour: str) -> FancyBboxPatch:
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch(
        (x, y),
        width,
        BAR,
        boxstyle="round,pad=0,rounding_size=10",
        facecolor=colour,
        edgecolor="none",
        mutation_aspect=1,
    )
