"""The monthly recap as a PNG bar chart, sized to be read on a phone.

One row per unit (its code on the axis): on the left, the share of announcements acknowledged
before the first follow-up and the share of tasks closed by their due date; on the right, the
tasks overdue now. Drawn with matplotlib's Agg canvas (no display, no global pyplot state), so
it can run in a worker thread. matplotlib is imported on the first chart, in that thread: it
would take a third of the bot's memory at start-up for a command used once a month.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from textwrap import wrap

from storage.recap import RecapRow

ACK_COLOUR = "#1f77b4"
TASK_COLOUR = "#2ca02c"
OVERDUE_COLOUR = "#d62728"
BAR = 0.38


@dataclass(frozen=True, slots=True)
class ChartLabels:
    title: str
    ack_share: str
    task_share: str
    overdue: str
    no_data: str


def render(rows: list[RecapRow], labels: ChartLabels) -> bytes:
    """The chart as PNG bytes (units top to bottom in the order given)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    count = max(len(rows), 1)
    figure = Figure(figsize=(7, 2.1 + 0.7 * count), dpi=150, layout="constrained")
    FigureCanvasAgg(figure)
    shares, overdue = figure.subplots(1, 2, sharey=True, width_ratios=(3, 1))
    positions = [count - 1 - i for i in range(len(rows))]
    codes = [row.unit_code for row in rows]
    ack = [row.ack_share or 0.0 for row in rows]
    done = [row.task_share or 0.0 for row in rows]
    shares.barh(
        [p + BAR / 2 for p in positions], ack, BAR, color=ACK_COLOUR, label=labels.ack_share
    )
    shares.barh(
        [p - BAR / 2 for p in positions], done, BAR, color=TASK_COLOUR, label=labels.task_share
    )
    for p, row in zip(positions, rows, strict=True):
        for offset, share in ((BAR / 2, row.ack_share), (-BAR / 2, row.task_share)):
            text = labels.no_data if share is None else f"{share:.0f}%"
            shares.text(min(share or 0, 100) + 1.5, p + offset, text, va="center", fontsize=12)
    shares.set_xlim(0, 118)
    shares.set_xticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", "100%"], fontsize=12)
    shares.set_yticks(positions, codes, fontsize=14, fontweight="bold")
    shares.set_ylim(-0.7, count - 0.3)
    shares.legend(
        loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=1, fontsize=12, frameon=False
    )
    shares.grid(axis="x", alpha=0.3)
    late = [row.overdue_now for row in rows]
    overdue.barh(positions, late, 0.6, color=OVERDUE_COLOUR)
    for p, value in zip(positions, late, strict=True):
        overdue.text(value + 0.1, p, str(value), va="center", fontsize=13)
    overdue.set_xlim(0, max([*late, 1]) * 1.35 + 0.5)
    overdue.set_title("\n".join(wrap(labels.overdue, 12)), fontsize=12)
    overdue.tick_params(axis="x", labelsize=12)
    overdue.xaxis.get_major_locator().set_params(integer=True)
    for axes in (shares, overdue):
        axes.spines[["top", "right"]].set_visible(False)
    figure.suptitle(labels.title, fontsize=16, fontweight="bold")
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
