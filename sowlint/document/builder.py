"""Builds a Document from a reader's stream of headings and blocks.

Readers only say what they saw, in reading order (``heading``, ``paragraph``,
``list_item``, ``table``); the builder owns the canonical text rendition, the
character spans, the section tree and the section paths, so every format gets
the same locations.
"""

from __future__ import annotations

import re

from .headings import split_numbering, words
from .levels import settle_levels, title_page
from .model import CELL_SEPARATOR, Annotation, Block, Cell, Document, Metadata, Section

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """One line of text: control and bidi-override characters dropped, runs of spaces folded."""
    text = _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " "))
    return _SPACE.sub(" ", text).strip()


class DocumentBuilder:
    def __init__(self, path: str, fmt: str) -> None:
        self.path = path
        self.format = fmt
        self._parts: list[str] = []
        self._offset = 0
        self._line = 1
        self.preamble = Section("", "", None, 0, 0, 0, 1, role_source="none")
        self._flat: list[Section] = []  # headings in reading order; the tree is built at the end
        self._explicit: list[int | None] = []
        # A reader that already decided every level (the .docx reader, from Word styles and its own
        # analysis) sets this, and its levels are kept as given.
        self.levels_settled = False
        self.meta = Metadata(format=fmt)
        self.warnings: list[str] = []
        self.annotations: list[Annotation] = []

    # -- rendition -------------------------------------------------------------------------
    def _emit(self, text: str) -> tuple[int, int, int]:
        """Append one line to the rendition; return its start, end and line number."""
        if self._parts:
            self._parts.append("\n")
            self._offset += 1
            self._line += 1
        start = self._offset
        self._parts.append(text)
        self._offset += len(text)
        return start, self._offset, self._line

    @property
    def current(self) -> Section:
        return self._flat[-1] if self._flat else self.preamble

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- events ------------------------------------------------------------------------------
    def heading(self, text: str, level: int | None = None, page: int | None = None) -> Section | None:
        """Open a section.  ``level`` is what the reader's markup says (style, Markdown #s), if anything."""
        text = clean(text)
        if not text:
            return None
        numbering = split_numbering(text)
        start, end, line = self._emit(text)
        section = Section(text, numbering.title, numbering.number, level or 0, start, end, line, page)
        self._flat.append(section)
        self._explicit.append(level)
        return section

    def _block(self, kind: str, text: str, page: int | None, **extra) -> Block:
        start, end, line = self._emit(text)
        block = Block(kind, text, 0, start, end, line, page, **extra)  # type: ignore[arg-type]  # numbered in build()
        self.current.blocks.append(block)
        return block

    def paragraph(self, text: str, page: int | None = None, style: str | None = None) -> Block | None:
        text = clean(text)
        return self._block("paragraph", text, page, style=style) if text else None

    def list_item(self, text: str, level: int = 0, page: int | None = None, style: str | None = None) -> Block | None:
        text = clean(text)
        return self._block("list_item", text, page, level=level, style=style) if text else None

    def table(self, rows: list[list[str]], page: int | None = None) -> Block | None:
        """A table, one rendition line per row; empty rows are dropped, columns kept."""
        cleaned = [[clean(c) for c in row] for row in rows]
        cleaned = [row for row in cleaned if any(row)]
        if not cleaned:
            return None
        cell_rows: list[list[Cell]] = []
        lines: list[str] = []
        for r, row in enumerate(cleaned):
            lines.append(CELL_SEPARATOR.join(row))
            start, _end, line = self._emit(lines[-1])
            if r == 0:
                first_start, first_line = start, line
            cells, pos = [], start
            for c, cell_text in enumerate(row):
                cells.append(Cell(cell_text, r, c, pos, pos + len(cell_text)))
                pos += len(cell_text) + len(CELL_SEPARATOR)
            cell_rows.append(cells)
        block = Block("table", "\n".join(lines), 0, first_start, self._offset, first_line, page, rows=cell_rows)
        self.current.blocks.append(block)  # numbered in build()
        return block

    def annotate(self, text: str, author: str | None, anchor: str, occurrence: int = 0) -> None:
        """A reviewer comment on ``anchor``, the ``occurrence``-th (0-based) passage with its words."""
        self.annotations.append(Annotation(clean(text), author, clean(anchor), occurrence=occurrence))

    # -- result ------------------------------------------------------------------------------
    def build(self) -> Document:
        text = "".join(self._parts)
        sections = self._tree()
        # A lone top-level heading that holds every other heading is the document's title
        # ("# Statement of Work" over "## 1. Scope", ...): its children are the top level.
        explicit = {id(s): level for s, level in zip(self._flat, self._explicit)}
        # Only a heading the markup puts at the top ("# Title", a Title-like first line) can be the
        # title: "## Out of Scope" over "### Travel" in a snippet is a section, not a title.
        while len(sections) == 1 and sections[0].children and explicit.get(id(sections[0]), 1) in (None, 1):
            title = sections[0]
            self.meta.title = self.meta.title or title.heading
            self.preamble.blocks.extend(title.blocks)
            sections = title.children
            _relevel(sections, 1)
        if any(a.anchor for a in self.annotations):
            from .anchors import Skeleton

            rendition = Skeleton(text)
            for anno in self.annotations:
                span = rendition.locate(anno.anchor, anno.occurrence) if anno.anchor else None
                if span:
                    anno.start, anno.end = span
        self.meta.words = len(words(text))
        doc = Document(self.path, self.format, text, self.preamble, sections, self.meta,
                       self.warnings, self.annotations)
        for i, block in enumerate(doc.blocks()):
            block.index = i
        from .roles import assign_roles  # the vocabulary is loaded once, on first use

        assign_roles(doc)
        return doc

    def _tree(self) -> list[Section]:
        """Settle levels, fold demoted headings and the cover page into text, and nest sections."""
        if self.levels_settled:
            for section, level in zip(self._flat, self._explicit):
                section.level = max(1, level or 1)
            kept, demoted = list(self._flat), []
        else:
            kept, demoted = settle_levels(self._flat, self._explicit)
        owner = self.preamble
        demoted_ids = {id(s) for s in demoted}
        for section in self._flat:  # a demoted heading becomes a list item of the section before it
            if id(section) in demoted_ids:
                item = Block("list_item", section.heading, 0, section.start, section.end, section.line, section.page)
                owner.blocks.extend([item, *section.blocks])
            else:
                owner = section
        for section in ([] if self.levels_settled else title_page(kept)):
            self.meta.title = self.meta.title or section.heading
            self.preamble.blocks.extend(
                [Block("paragraph", section.heading, 0, section.start, section.end, section.line, section.page),
                 *section.blocks])
            kept.remove(section)
        self.preamble.blocks.sort(key=lambda b: b.start)
        roots: list[Section] = []
        stack: list[Section] = []
        for section in kept:
            while stack and stack[-1].level >= section.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        _relevel(roots, 1)
        return roots


def _relevel(sections: list[Section], level: int, parent_path: tuple[str, ...] = ()) -> None:
    """Set depth-first levels and section paths on the tree (and on every block in it)."""
    for section in sections:
        section.level = level
        section.path = parent_path + (section.heading,)
        for block in section.blocks:
            block.section_path = section.path
        _relevel(section.children, level + 1, section.path)
