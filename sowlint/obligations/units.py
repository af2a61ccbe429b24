"""The units an obligation is read from: headings, sentences of paragraphs, list items, table rows.

A list item carries the line that introduces it ("CJCJ will provide:", "The Client agrees to provide
the following within 3 business days of signing:") or, without one, its section's heading; a table
row carries its table's header and the cell of its owner column ("Owner", "Responsibility",
"Provided by"), so that the actor of "Brand assets | Client" is known.

Sentences are split here with a small abbreviation-aware splitter, not spaCy, so that obligations
can be read in the helper process before spaCy is loaded ("etc." and "e.g." end no sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

from ..document.model import Block, Document, Section

UnitKind = Literal["heading", "sentence", "list_item", "table_row"]

# Words after which a full stop ends no sentence ("etc.", "e.g.", "Inc.", "No. 3", "approx. 20").
_ABBREVIATIONS = {
    "etc", "e.g", "eg", "i.e", "ie", "inc", "ltd", "co", "corp", "llc", "no", "nos", "vs", "v", "approx", "dr", "mr",
    "mrs", "ms", "st", "jr", "sr", "fig", "sec", "para", "incl", "excl", "est", "dept", "govt", "min", "max", "ref",
    "u.s", "u.k", "p", "pp", "vol", "ch", "art", "cf", "al", "viz", "resp", "mt", "hrs", "wk", "wks", "mo", "mos",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_OWNER_HEADER = re.compile(
    r"^(?:owner|responsib\w*|accountab\w*|provided\s+by|supplied\s+by|who|party|raci|by\s+whom|owned\s+by|"
    r"responsible\s+party|action\s+owner|task\s+owner)$",
    re.IGNORECASE,
)
MAX_UNIT_CHARS = 2000  # an obligation is read in a sentence's first clauses; run-on text is cut


@dataclass(frozen=True)
class Unit:
    """One heading, sentence, list item or table row, with the context its actor may come from."""

    start: int  # span in Document.text
    end: int
    text: str
    kind: UnitKind
    section: Section
    block: Block | None
    lead: str = ""  # the line introducing a list (or the heading above it); "" for other units
    owner_cell: str | None = None  # a table row's owner-column cell
    header: tuple[str, ...] = ()  # a table row's header cells


def units_of(doc: Document) -> Iterator[Unit]:
    """Every unit of ``doc`` in reading order."""
    text = doc.text
    for section in doc.walk():
        if section.level:
            yield Unit(section.start, section.end, section.heading, "heading", section, None)
        lead = ""  # the last paragraph that ends with a colon introduces the list items after it
        for block in section.blocks:
            if block.kind == "table":
                yield from _rows(block, section)
                lead = ""
            elif block.kind == "list_item":
                yield Unit(block.start, block.end, text[block.start:block.end][:MAX_UNIT_CHARS], "list_item",
                           section, block, lead=lead or section.heading)
            else:
                body = text[block.start:block.end]
                for start, end in split_sentences(body):
                    yield Unit(block.start + start, block.start + end, body[start:end][:MAX_UNIT_CHARS], "sentence",
                               section, block)
                stripped = body.rstrip(" *_")
                lead = stripped if stripped.endswith(":") else ""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph; abbreviations and initials end none."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = _WORD_BEFORE.search(text, 0, m.start() + 1) if text[m.start()] == "." else None
        if before is not None:
            word = before.group(1).lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        end = m.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        out.append((start, end))
    return out


def _rows(block: Block, section: Section) -> Iterator[Unit]:
    if not block.rows:
        return
    header = tuple(c.text.strip() for c in block.rows[0])
    owner_col = next((i for i, h in enumerate(header) if h and len(h) <= 40 and _OWNER_HEADER.search(h)), None)
    for r, row in enumerate(block.rows):
        if not row:
            continue
        start, end = row[0].start, row[-1].end
        text = " | ".join(c.text for c in row)
        if r == 0 and owner_col is not None:
            continue  # the header row itself states nothing
        owner = row[owner_col].text.strip() if owner_col is not None and owner_col < len(row) else None
        yield Unit(start, end, text[:MAX_UNIT_CHARS], "table_row", section, block, lead=section.heading,
                   owner_cell=owner, header=header if owner_col is not None else ())
