"""What checks see of one document: sentences tied to sections and blocks, computed once, lazily."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from ..document.model import Block, Document, Section
from ..findings.finding import Location


@dataclass
class Sentence:
    start: int  # character span in Document.text
    end: int
    text: str
    section: Section
    block: Block | None
    tok_start: int  # token span in the spaCy Doc
    tok_end: int


@dataclass
class Hit:
    """What a check returns: a span (or none, for an absence) and values for the message."""

    start: int | None = None
    end: int | None = None
    evidence: str | None = None  # defaults to the text of the span
    section: Section | None = None  # for absences: the section the finding belongs to
    values: dict | None = None  # extra {placeholders} for the message
    related: tuple[str, ...] = ()
    mark: tuple[int, int] | None = None  # the matched words inside a wider span (the clause quoted)


class LintContext:
    def __init__(self, doc: Document, options: dict | None = None) -> None:
        self.doc = doc
        self.options = options or {}
        blocks = list(doc.blocks())
        self._blocks = sorted(blocks, key=lambda b: b.start)
        self._block_starts = [b.start for b in self._blocks]
        self._section_of_block = {b.index: s for s in doc.walk() for b in s.blocks}
        heads = sorted((s for s in doc.walk() if s.level), key=lambda s: s.start)
        self._heads = heads
        self._head_starts = [s.start for s in heads]

    # -- structure --------------------------------------------------------------------------
    def block_at(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i >= 0 and self._blocks[i].start <= offset <= self._blocks[i].end:
            return self._blocks[i]
        return None

    def section_at(self, offset: int) -> Section:
        block = self.block_at(offset)
        if block is not None:
            return self._section_of_block[block.index]
        i = bisect.bisect_right(self._head_starts, offset) - 1
        return self._heads[i] if i >= 0 else self.doc.preamble

    def is_heading(self, offset: int) -> bool:
        i = bisect.bisect_right(self._head_starts, offset) - 1
        return i >= 0 and self._heads[i].start <= offset < self._heads[i].end

    def role_ranges(self, roles: frozenset[str], not_roles: frozenset[str]) -> list[tuple[int, int]]:
        """Character ranges of the sections (heading and own blocks) whose role is in ``roles`` (any
        role when empty) and not in ``not_roles``, merged where they touch."""
        cache = self.__dict__.setdefault("_role_ranges", {})
        key = (roles, not_roles)
        if key not in cache:
            out: list[tuple[int, int]] = []
            for section in self.doc.walk():
                role = section.role
                if (roles and role not in roles) or role in not_roles:
                    continue
                start = section.start if section.level else min((b.start for b in section.blocks), default=0)
                end = max([section.end] + [b.end for b in section.blocks]) if section.level else \
                    max((b.end for b in section.blocks), default=0)
                if end <= start:
                    continue
                if out and start <= out[-1][1] + 1:
                    out[-1] = (out[-1][0], max(out[-1][1], end))
                else:
                    out.append((start, end))
            cache[key] = sorted(out)
        return cache[key]

    @cached_property
    def line_index(self):
        from .prefilter import LineIndex

        return LineIndex(self.doc.text)

    def prepare(self) -> None:
        """Work out now what needs neither spaCy nor the rules: a one-document run does it in its
        helper process (see run/helper.py), and the results travel back with this object."""
        self.parties, self.engagement, self.timeline, self.obligations  # noqa: B018 - cached, computed here

    # -- language ---------------------------------------------------------------------------
    @cached_property
    def nlp(self):
        from ..nlp.pipeline import parse

        return parse(self.doc.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        text = self.doc.text
        for sent in self.nlp.sents:
            start, end = sent.start_char, sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            out.append(Sentence(start, end, text[start:end], self.section_at(start), self.block_at(start),
                                sent.start, sent.end))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    @cached_property
    def parties(self):
        from ..nlp.parties import find_parties

        return find_parties(self.doc.text)

    @cached_property
    def obligations(self) -> list:
        """What the client must do, one record per duty (sowlint/obligations), in reading order.  The
        provider's own duties are left out: no rule selects them, and they are most of a PWS."""
        from ..obligations import extract_obligations

        return extract_obligations(self.doc, self.parties, client_only=True)

    def owner(self, sentence: Sentence) -> str | None:
        from ..nlp.owner import obligation_owner

        return obligation_owner(sentence.text, self.parties)

    @cached_property
    def engagement(self) -> str:
        from ..document.engagement import detect_engagement

        return detect_engagement(self.doc)

    @cached_property
    def timeline(self):
        from ..timeline.model import build_timeline

        return build_timeline(self.doc, **self.options.get("timeline", {}))

    # -- locations --------------------------------------------------------------------------
    def _cell_at(self, block: Block, offset: int):
        """The first cell of a table (in reading order) whose span holds ``offset``.  By bisection over
        the cell starts when they rise in reading order, as a reader lays them out: a scan of all cells
        per finding was quadratic in a 10,000-row table."""
        index = self.__dict__.setdefault("_cell_index", {})
        if block.index not in index:
            cells = list(block.cells())
            ordered = all(a.end < b.start for a, b in zip(cells, cells[1:]))
            index[block.index] = (cells, [c.start for c in cells]) if ordered else (cells, None)
        cells, starts = index[block.index]
        if starts is None:
            return next((c for c in cells if c.start <= offset <= c.end), None)
        i = bisect.bisect_right(starts, offset) - 1
        return cells[i] if i >= 0 and offset <= cells[i].end else None

    def locate(self, start: int | None, end: int | None, section: Section | None = None) -> Location:
        doc = self.doc
        if start is None:
            sec = section
            if sec is None or not sec.level:
                return Location(section=(), role=None)
            line, column = doc.position(sec.start)
            return Location(section=sec.path, role=sec.role, page=sec.page, start=sec.start, end=sec.end,
                            line=line, column=column,
                            page_estimated=doc.meta.pages_estimated and sec.page is not None)
        end = start if end is None else end
        block = self.block_at(start)
        sec = self.section_at(start)
        row = col = None
        if block is not None and block.kind == "table":
            cell = self._cell_at(block, start)
            if cell is not None:
                row, col = cell.row, cell.col
        line, column = doc.position(start)  # the file's own line for .md and .txt
        page = block.page if block else sec.page
        return Location(
            section=sec.path, role=sec.role if sec.level else None, block=block.index if block else None,
            page=page, start=start, end=end, line=line, column=column, row=row, col=col,
            page_estimated=doc.meta.pages_estimated and page is not None,
        )
