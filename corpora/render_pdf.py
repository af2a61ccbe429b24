"""Writes a parsed sample SOW as .pdf with reportlab: sized headings, lists, grid tables, page numbers."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (CondPageBreak, ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from render import Block, Source

MARGIN = 20 * mm
HEADING_ROOM = 35 * mm
CELL_PADDING = 12  # left and right padding plus the grid line, in points
BODY = ParagraphStyle("Body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=5)
CELL = ParagraphStyle("Cell", parent=BODY, fontSize=9, leading=11.5, spaceAfter=0)
HEADER_CELL = ParagraphStyle("HeaderCell", parent=CELL, fontName="Helvetica-Bold")
STYLES = {
    "title": ParagraphStyle("Title", parent=BODY, fontName="Helvetica-Bold", fontSize=20, leading=25, spaceAfter=14),
    1: ParagraphStyle("Heading1", parent=BODY, fontName="Helvetica-Bold", fontSize=15, leading=19,
                      spaceBefore=14, spaceAfter=6),
    2: ParagraphStyle("Heading2", parent=BODY, fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                      spaceBefore=10, spaceAfter=4),
    3: ParagraphStyle("Heading3", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14,
                      spaceBefore=8, spaceAfter=3),
}


def render_pdf(source: Source, path: Path) -> Path:
    story = []
    pending: list[Block] = []  # list items of the list being collected
    for block in source.blocks:
        if pending and (block.kind != pending[-1].kind or block.list_id != pending[-1].list_id):
            story.append(_list(pending))
            pending = []
        if block.kind in ("bullet", "number"):
            pending.append(block)
        elif block.kind == "table":
            story += [_table(block), Spacer(1, 8)]
        else:
            if block.kind == "heading":
                # A heading near the page foot starts the next page instead; keepWithNext would
                # move a heading and its whole table, leaving half a page empty.
                story.append(CondPageBreak(HEADING_ROOM))
            style = STYLES["title"] if block.kind == "title" else STYLES.get(block.level, BODY)
            story.append(Paragraph(_markup(block), style))
    if pending:
        story.append(_list(pending))
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=source.title, author=source.author, subject="Statement of Work",
        creator="sowlint corpora/render.py", invariant=1,
    )
    stamp = source.created.strftime("D:%Y%m%d%H%M%S+00'00'")
    doc.build(story, canvasmaker=partial(_FooterCanvas, footer=source.title, stamp=stamp))
    return path


def _markup(block: Block) -> str:
    """Escaped text with <b> around the bold spans (reportlab's paragraph markup)."""
    text, out, pos = block.text, [], 0
    for start, end in block.bold:
        out += [escape(text[pos:start]), "<b>", escape(text[start:end]), "</b>"]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _list(items: list[Block]) -> ListFlowable:
    numbered = items[0].kind == "number"
    return ListFlowable(
        [ListItem(Paragraph(_markup(item), BODY)) for item in items],
        bulletType="1" if numbered else "bullet",
        bulletFormat="%s." if numbered else None,
        start=1 if numbered else "•",
        # Symbol's bullet extracts as "•" in pdfminer too; Helvetica's comes out as "(cid:127)".
        bulletFontName="Helvetica" if numbered else "Symbol",
        bulletFontSize=10,
        leftIndent=16,
        spaceAfter=6,
    )


def _table(block: Block) -> Table:
    width = max(len(row) for row in block.rows)
    rows = [row + [""] * (width - len(row)) for row in block.rows]
    data = [[Paragraph(escape(cell), HEADER_CELL if r == 0 else CELL) for cell in row] for r, row in enumerate(rows)]
    table = Table(data, colWidths=_column_widths(rows), repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8ECF2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _column_widths(rows: list[list[str]]) -> list[float]:
    """Every column at least as wide as its longest word; spare width goes to the wordier columns."""
    usable = A4[0] - 2 * MARGIN

    def width(text: str, r: int) -> float:
        font = HEADER_CELL.fontName if r == 0 else CELL.fontName
        return stringWidth(text, font, CELL.fontSize) + CELL_PADDING

    columns = range(len(rows[0]))
    floor = [max(width(w, r) for r, row in enumerate(rows) for w in row[c].split() or [""]) for c in columns]
    natural = [max(width(row[c], r) for r, row in enumerate(rows)) for c in columns]
    if sum(natural) <= usable:
        return [usable * n / sum(natural) for n in natural]
    spare = max(usable - sum(floor), 0)
    extra = [n - f for n, f in zip(natural, floor)]
    return [f + spare * e / (sum(extra) or 1) for f, e in zip(floor, extra)]


class _FooterCanvas(canvas.Canvas):
    """Holds pages until the end so each footer can say "Page N of M"."""

    def __init__(self, *args, footer: str = "", stamp: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []
        if stamp:  # the document's own date instead of the render time
            self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.grey)
            self.drawString(MARGIN, 10 * mm, self._footer)
            self.drawRightString(A4[0] - MARGIN, 10 * mm, f"Page {number} of {total}")
            super().showPage()
        super().save()
