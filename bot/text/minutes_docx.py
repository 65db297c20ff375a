"""The minutes as a Word document (python-docx), laid out the way Indonesian offices write a
notulen: heading, a block of day/date, time, place and chair, then numbered sections for
attendance per unit, agenda, decisions and follow-up, a closing line and two signatures.
"""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from bot.services.meetings import plain
from bot.services.minutes import (
    Minutes,
    attendees,
    schedule,
    tally_text,
    task_due,
    time_text,
)
from bot.text.meeting_text import local_time

FONT = "Arial"


def document(minutes: Minutes, *, notetaker: str, tz: str, lang: str, now: datetime) -> bytes:
    """The .docx file of the minutes, as bytes; ``notetaker`` signs beside the chair."""
    meeting = minutes.meeting
    when = schedule(meeting, tz, lang)
    doc = Document()
    _page(doc)
    if minutes.group_title:
        _centered(doc, minutes.group_title.upper(), size=12, bold=True)
    _centered(doc, plain(lang, "minutes.doc_title"), size=14, bold=True, space_after=0)
    _centered(doc, plain(lang, "minutes.doc_number", number=meeting.number), size=11)
    _rule(doc)

    info = [
        (plain(lang, "minutes.doc_subject"), meeting.title),
        (plain(lang, "minutes.doc_day"), when.day),
        (plain(lang, "minutes.doc_time"), time_text(when, lang)),
        (plain(lang, "minutes.doc_place"), meeting.place),
        (plain(lang, "minutes.doc_chair"), meeting.chair_name),
        (plain(lang, "minutes.doc_notetaker"), notetaker),
    ]
    table = doc.add_table(rows=0, cols=3)
    for label, value in info:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    _widths(table, (Cm(4), Cm(0.5), Cm(11.5)))

    _section(doc, plain(lang, "minutes.doc_section_attendance"))
    headers = [plain(lang, f"minutes.doc_col_{key}") for key in ("no", "unit", "status", "name")]
    grid = doc.add_table(rows=1, cols=4)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    for index, unit in enumerate(minutes.attendance, 1):
        cells = grid.add_row().cells
        cells[0].text = str(index)
        cells[1].text = f"{unit.code} — {unit.name}" if unit.name != unit.code else unit.code
        cells[2].text = plain(lang, f"minutes.status.{unit.status}")
        cells[3].text = attendees(unit, lang)
    _widths(grid, (Cm(1.3), Cm(6.5), Cm(3.4), Cm(4.8)))
    note = doc.add_paragraph(
        plain(lang, "minutes.doc_tally", counts=tally_text(minutes.attendance, lang))
    )
    note.paragraph_format.space_before = Pt(6)

    _section(doc, plain(lang, "minutes.doc_section_agenda"))
    for index, item in enumerate(minutes.items, 1):
        text = f"{item.text} ({item.unit_code or item.author_name})"
        if item.carried_from_meeting is not None:
            text += " — " + plain(lang, "agenda.carried_from", meeting=item.carried_from_meeting)
        if item.status == "carried":
            text += " — " + (
                plain(lang, "agenda.carried_to", meeting=item.carried_to_meeting)
                if item.carried_to_meeting is not None
                else plain(lang, "agenda.carried_to_next")
            )
        _numbered(doc, index, text)
    if not minutes.items:
        doc.add_paragraph(plain(lang, "minutes.none"))

    _section(doc, plain(lang, "minutes.doc_section_decisions"))
    for index, decision in enumerate(minutes.decisions, 1):
        paragraph = _numbered(doc, index, "")
        paragraph.add_run(plain(lang, "minutes.doc_decision", number=decision.number)).bold = True
        paragraph.add_run(decision.text)
    if not minutes.decisions:
        doc.add_paragraph(plain(lang, "minutes.none"))

    _section(doc, plain(lang, "minutes.doc_section_tasks"))
    for index, task in enumerate(minutes.tasks, 1):
        _numbered(
            doc,
            index,
            plain(
                lang,
                "minutes.doc_task",
                number=task.number,
                unit=task.codes,
                text=task.text,
                due=task_due(task, tz, lang),
                status=plain(lang, f"tasks.status.{task.status}"),
            ),
        )
    if not minutes.tasks:
        doc.add_paragraph(plain(lang, "minutes.none"))

    _section(doc, plain(lang, "minutes.doc_section_closing"))
    closing = doc.add_paragraph(
        plain(lang, "minutes.doc_closing", end=when.end, zone=when.zone)
        if when.end is not None
        else plain(
            lang,
            "minutes.doc_closing_open",
            now=local_time(int(now.timestamp()), tz, lang)["time"],
            zone=when.zone,
        )
    )
    closing.paragraph_format.keep_with_next = True  # with the signatures on one page
    _signatures(doc, lang, meeting.chair_name, notetaker, when.day)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(4)


def _centered(
    doc: DocxDocument, text: str, *, size: int, bold: bool = False, space_after: int = 2
) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _rule(doc: DocxDocument) -> None:
    """A double line under the heading, as on an office letterhead."""
    paragraph = doc.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "double"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _section(doc: DocxDocument, title: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(title)
    run.bold = True


def _numbered(doc: DocxDocument, index: int, text: str) -> Paragraph:
    """``1.``, a tab, then the text, with a hanging indent (no list numbering to restart)."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(0.75)
    paragraph.paragraph_format.first_line_indent = Cm(-0.75)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))
    paragraph.add_run(f"{index}.\t{text}")
    return paragraph


def _widths(table: Table, widths: tuple[Cm, ...]) -> None:
    """Column widths both in the grid (LibreOffice reads it) and per cell (Word reads those)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _signatures(doc: DocxDocument, lang: str, chair: str, notetaker: str, day: str) -> None:
    """The notulis signs on the left, beside the chair."""
    doc.add_paragraph().paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # one page
    left, right = table.rows[0].cells
    _signature(left, ["", plain(lang, "minutes.doc_minute_taker")], notetaker)
    _signature(right, [day, plain(lang, "minutes.doc_chair_sign")], chair)


def _signature(cell: _Cell, heading: list[str], name: str) -> None:
    """Heading lines, room to sign, then the name in bold; centred in the cell."""
    cell.paragraphs[0].text = heading[0]
    for line in [*heading[1:], "", "", ""]:
        cell.add_paragraph(line)
    cell.add_paragraph().add_run(name).bold = True
    for paragraph in cell.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
