"""Writes a parsed sample SOW as .docx: Word styles and numbering, tables, tracked changes, comments."""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from copy import deepcopy
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from render import Block, Source

_STYLES = {"bullet": "List Bullet", "number": "List Number"}


def render_docx(source: Source, path: Path) -> Path:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    _core_properties(doc, source)
    restart = _NumberingRestarts(doc)
    revision_ids = itertools.count(1)
    for block in source.blocks:
        if block.kind == "table":
            _table(doc, block)
            continue
        if block.kind == "title":
            paragraph = doc.add_paragraph(style="Title")
        elif block.kind == "heading":
            paragraph = doc.add_heading(level=block.level)
        elif block.kind in _STYLES:
            paragraph = doc.add_paragraph(style=_STYLES[block.kind])
            if block.kind == "number":
                restart.apply(paragraph, block.list_id)
        else:
            paragraph = doc.add_paragraph()
        _runs(doc, paragraph, block, source, revision_ids)
    doc.save(str(path))
    _fix_zip_dates(path, source.created)
    return path


def _core_properties(doc, source: Source) -> None:
    props = doc.core_properties
    props.title = source.title
    props.author = source.author
    props.last_modified_by = source.author
    props.created = source.created
    props.modified = source.created
    props.revision = 1
    props.subject = "Statement of Work"
    props.category = "sowlint sample corpus (fictional)"
    props.comments = "A fictional sample Statement of Work written for sowlint's tests."


class _NumberingRestarts:
    """A new w:num per numbered list, so each list counts from 1 instead of continuing the last."""

    def __init__(self, doc) -> None:
        self._numbering = doc.part.numbering_part.element
        style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
        self._abstract = self._numbering.num_having_numId(style_num).abstractNumId.val
        self._ids: dict[int, int] = {}

    def apply(self, paragraph: Paragraph, list_id: int) -> None:
        if list_id not in self._ids:
            num = self._numbering.add_num(self._abstract)
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
            self._ids[list_id] = num.numId
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = self._ids[list_id]


def _table(doc, block: Block) -> None:
    width = max(len(row) for row in block.rows)
    table = doc.add_table(rows=0, cols=width, style="Table Grid")
    for r, cells in enumerate(block.rows):
        row = table.add_row()
        for c in range(width):
            run = row.cells[c].paragraphs[0].add_run(cells[c] if c < len(cells) else "")
            run.bold = r == 0
        if r == 0:  # repeat the header row on every page the table spans
            header = OxmlElement("w:tblHeader")
            row._tr.get_or_add_trPr().append(header)


def _runs(doc, paragraph: Paragraph, block: Block, source: Source, revision_ids) -> None:
    """Add the block's text as runs split where bold, tracked or commented text starts and ends."""
    text = block.text
    changes = [t for t in source.tracked if t.insert in text]
    comments = [c for c in source.comments if c.anchor in text]
    marks = [(text.index(t.insert), len(t.insert), t) for t in changes]
    marks += [(text.index(c.anchor), len(c.anchor), c) for c in comments]
    cuts = {0, len(text)}
    for start, end in block.bold:
        cuts |= {start, end}
    for start, length, _ in marks:
        cuts |= {start, start + length}
    bounds = sorted(cuts)
    runs = []
    for a, b in zip(bounds, bounds[1:]):
        run = paragraph.add_run(text[a:b])
        run.bold = any(s <= a and b <= e for s, e in block.bold) or None
        runs.append((a, b, run))
    for start, length, mark in marks:
        covered = [run for a, b, run in runs if start <= a and b <= start + length]
        if hasattr(mark, "insert"):
            _track(covered, mark, revision_ids)
        else:
            comment = doc.add_comment(covered, text=mark.text, author=mark.author, initials=_initials(mark.author))
            comment._comment_elm.date = mark.date.replace(tzinfo=dt.timezone.utc)


def _track(runs, change, revision_ids) -> None:
    """Wrap ``runs`` in a w:ins and put a w:del of the replaced text just before it."""
    stamp = change.date.strftime("%Y-%m-%dT%H:%M:%SZ")
    deleted = _revision("w:del", next(revision_ids), change.author, stamp)
    ins = _revision("w:ins", next(revision_ids), change.author, stamp)
    first = runs[0]._r
    first.addprevious(deleted)
    first.addprevious(ins)
    for run in runs:
        ins.append(run._r)
    del_run = OxmlElement("w:r")
    if first.rPr is not None:
        del_run.append(deepcopy(first.rPr))
    del_text = OxmlElement("w:delText")
    del_text.set(qn("xml:space"), "preserve")
    del_text.text = change.delete
    del_run.append(del_text)
    deleted.append(del_run)


def _revision(tag: str, revision_id: int, author: str, stamp: str):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(revision_id))
    element.set(qn("w:author"), author)
    element.set(qn("w:date"), stamp)
    return element


def _initials(author: str) -> str:
    return "".join(word[0] for word in author.split() if word[:1].isalpha()).upper()


def _fix_zip_dates(path: Path, when: dt.datetime) -> None:
    """Rewrite the package with one fixed timestamp, so a re-render changes no bytes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(path) as zin:
        members = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
