"""An ``.xlsx`` workbook written row by row, with openpyxl's write-only mode.

Each sheet streams its rows to a temporary file and the workbook is zipped from those files,
so memory stays flat however many rows there are. A sheet has a header row (frozen, with
filters), optionally a heading line above it, and column widths fitted to the header and the
first rows it is given (a streamed sheet must know its widths before its first row).

Every string is written as text, never as a formula (a record starting with ``=`` stays what
it says); links are ``HYPERLINK`` formulas, which keep nothing in memory per row (openpyxl's
cell hyperlinks do). Dates are Excel dates: naive datetimes in the group's zone.

openpyxl is imported when a workbook is made, not when the bot starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any, Literal, cast

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

ColumnKind = Literal["number", "text", "long", "date", "link"]
Value = int | float | str | datetime | None

DATE_FORMAT = "dd/mm/yyyy hh:mm"
DATE_WIDTH = 17
LINK_WIDTH = 38
TEXT_WIDTH = 40
LONG_WIDTH = 60
"""Widest a column grows; ``long`` texts wrap within it."""
FILTER_BUTTON = 3
"""Room for the filter's drop-down arrow next to a header."""
HEADER_FILL = "DCE6F0"
LINK_COLOUR = "0563C1"


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: ColumnKind = "text"


class Link(str):
    """A URL to show as a link."""

    __slots__ = ()


def _width(column: Column, values: Iterable[Value]) -> float:
    header = len(column.header) + FILTER_BUTTON
    if column.kind == "date":
        return max(header, DATE_WIDTH)
    if column.kind == "link":
        return max(header, LINK_WIDTH)
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    cap = LONG_WIDTH if column.kind == "long" else TEXT_WIDTH
    return max(header, min(longest + 2, cap))


class Sheet:
    """One sheet being written: :meth:`append` rows, then :meth:`close` it."""

    def __init__(
        self,
        worksheet: WriteOnlyWorksheet,
        columns: Sequence[Column],
        sample: Sequence[Sequence[Value]],
        heading: str | None,
    ) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        self._illegal = ILLEGAL_CHARACTERS_RE
        # Any: the write-only sheet forwards column_dimensions and auto_filter to the sheet it
        # writes, which the type stubs do not list.
        self._sheet: Any = cast(Any, worksheet)
        self._cell = WriteOnlyCell
        self._last_column = get_column_letter(len(columns))
        top = Alignment(vertical="top")
        styles: dict[str, dict[str, Any]] = {
            "number": {"alignment": top},
            "text": {"alignment": top},
            "long": {"alignment": Alignment(wrap_text=True, vertical="top")},
            "date": {"alignment": top, "number_format": DATE_FORMAT},
            "link": {"alignment": top, "font": Font(color=LINK_COLOUR, underline="single")},
        }
        # Each column's style, made once: giving every cell a copy of it is many times
        # faster than setting fonts and alignments cell by cell (openpyxl hashes each one).
        self._styles = [self._style(**styles[column.kind]) for column in columns]
        for index, column in enumerate(columns):
            width = _width(column, (row[index] for row in sample))
            self._sheet.column_dimensions[get_column_letter(index + 1)].width = width
        self.header_row = 2 if heading else 1
        worksheet.freeze_panes = f"A{self.header_row + 1}"
        if heading:
            title = WriteOnlyCell(worksheet, value=self._clean(heading))
            title.font = Font(bold=True, size=13)
            worksheet.append([title])
        header = self._style(
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            alignment=Alignment(wrap_text=True, vertical="top"),
        )
        worksheet.append([self._text(column.header, header) for column in columns])
        self.rows = 0

    def _style(self, **attributes: object) -> Any:
        cell: Any = self._cell(self._sheet)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style  # noqa: SLF001 - openpyxl's style array, copied to each cell

    def _text(self, text: str, style: Any) -> Any:
        cell: Any = self._cell(self._sheet, value=self._clean(text))
        cell.data_type = "s"  # text, even when it starts with "="
        cell._style = copy(style)  # noqa: SLF001
        return cell

    def append(self, rows: Iterable[Sequence[Value]]) -> None:
        for values in rows:
            self._sheet.append(
                [
                    self._cell_of(value, style)
                    for value, style in zip(values, self._styles, strict=True)
                ]
            )
            self.rows += 1

    def _cell_of(self, value: Value, style: Any) -> Any:
        if value is None:
            return None
        cell: Any
        if isinstance(value, Link):
            cell = self._cell(self._sheet, value=f'=HYPERLINK("{value}","{value}")')
        elif isinstance(value, str):
            return self._text(value, style)
        else:
            cell = self._cell(self._sheet, value=value)
        cell._style = copy(style)  # noqa: SLF001
        return cell

    def _clean(self, text: str) -> str:
        """Without the control characters a worksheet cannot hold."""
        return str(self._illegal.sub("", text))

    def close(self) -> None:
        """Turn the filters on over every row written and finish the sheet."""
        last_row = self.header_row + self.rows
        self._sheet.auto_filter.ref = f"A{self.header_row}:{self._last_column}{last_row}"
        self._sheet.close()


class Spreadsheet:
    """A workbook of streamed sheets; :meth:`save` writes the ``.xlsx``."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self._book = Workbook(write_only=True)

    def sheet(
        self,
        title: str,
        columns: Sequence[Column],
        sample: Sequence[Sequence[Value]],
        heading: str | None = None,
    ) -> Sheet:
        """A new sheet (after the others); ``sample``: the first rows, to fit the widths."""
        return Sheet(self._book.create_sheet(_sheet_title(title)), columns, sample, heading)

    def save(self, target: IO[bytes]) -> None:
        self._book.save(target)


_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_title(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    return title.translate(_TITLE_FORBIDDEN).strip()[:31]
