"""The document model: the only structure readers produce and checks read.

A Document holds one canonical text rendition (``Document.text``) and a tree of
Sections whose Blocks point into that text by character span.  Every heading,
paragraph and list item is one line of the rendition; a table row is one line
with its cells joined by `` | ``.  Findings give lines in the file's own terms
(``Document.position``): the source line of a text file, the rendition line otherwise.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterator, Literal

if TYPE_CHECKING:
    from .sourcemap import SourceMap

BlockKind = Literal["paragraph", "list_item", "table"]
CELL_SEPARATOR = " | "


@dataclass
class Cell:
    """One table cell: its text and where it sits in the rendition."""

    text: str
    row: int
    col: int
    start: int
    end: int


@dataclass
class Block:
    """A paragraph, list item or table inside a section."""

    kind: BlockKind
    text: str
    index: int  # position among all blocks of the document, in reading order
    start: int
    end: int
    line: int  # 1-based line of the rendition where the block starts
    page: int | None = None
    level: int = 0  # nesting depth for list items
    style: str | None = None  # the reader's style name, when it has one
    rows: list[list[Cell]] = field(default_factory=list)  # tables only
    section_path: tuple[str, ...] = ()

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row


@dataclass
class Section:
    """A heading and everything under it until the next heading of its level or above."""

    heading: str  # the heading as written, numbering included ("3.2 Deliverables")
    title: str  # the heading without its numbering ("Deliverables")
    number: str | None  # "3.2", "IV", "A", or None
    level: int  # 1 = top level; 0 only for the preamble before the first heading
    start: int  # span of the heading line in the rendition
    end: int
    line: int
    page: int | None = None
    role: str = "other"
    role_source: str = "none"  # "heading", "opening", "parent" or "none"
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    path: tuple[str, ...] = ()

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_blocks(self) -> Iterator[Block]:
        """Blocks of this section and of all its descendants, in document order."""
        for section in self.walk():
            yield from section.blocks

    def text(self, doc_text: str) -> str:
        """The text of all blocks under this section (headings of subsections excluded)."""
        return "\n".join(doc_text[b.start : b.end] for b in self.all_blocks())


@dataclass
class Annotation:
    """A reviewer comment in the source file, with the text it is anchored to."""

    text: str
    author: str | None
    anchor: str  # the commented text
    start: int | None = None  # span of the anchor in the rendition, when found
    end: int | None = None
    occurrence: int = 0  # which passage spelling the anchor's words it marks (0 = the first)


@dataclass
class Metadata:
    title: str | None = None
    author: str | None = None
    created: str | None = None  # ISO 8601 when known
    modified: str | None = None
    pages: int | None = None  # None: not known (a .docx with no page breaks Word rendered or saved)
    # True when pages (and block pages) are counted from a .docx's page breaks, not laid out: an estimate.
    pages_estimated: bool = False
    words: int = 0
    format: str = ""


@dataclass
class Document:
    """A read document: canonical text, section tree, metadata, reader warnings."""

    path: str
    format: str
    text: str
    preamble: Section  # blocks before the first heading (level 0, never a real heading)
    sections: list[Section]  # top-level sections
    meta: Metadata
    warnings: list[str] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    # Text files only: maps rendition offsets to the file's own lines (document/sourcemap.py).
    source: SourceMap | None = None

    def walk(self) -> Iterator[Section]:
        """Every section, preamble first, in document order."""
        yield self.preamble
        for section in self.sections:
            yield from section.walk()

    def blocks(self) -> Iterator[Block]:
        for section in self.walk():
            yield from section.blocks

    def sections_with_role(self, *roles: str) -> list[Section]:
        return [s for s in self.walk() if s.role in roles]

    def section_at(self, offset: int) -> Section:
        """The innermost section whose heading or blocks contain ``offset``."""
        found = self.preamble
        for section in self.walk():
            if section.level and section.start <= offset:
                found = section
        return found

    @cached_property
    def _newlines(self) -> list[int]:
        """Offsets of the rendition's newlines, found once (the text is never changed after building)."""
        return [m.start() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        """1-based line of the rendition that holds ``offset``."""
        # By bisection in the newline offsets: counting from 0 per finding was quadratic.
        return bisect.bisect_left(self._newlines, max(0, offset)) + 1

    def column_of(self, offset: int) -> int:
        """1-based column (Unicode code points) of ``offset`` within its line."""
        return offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` in the file's own terms: the source line of a
        .md or .txt file, the rendition line of a .docx or .pdf (which have no lines of their own)."""
        if self.source is not None:
            return self.source.position(offset)
        return self.line_of(offset), self.column_of(offset)
