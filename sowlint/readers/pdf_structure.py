"""Turns PDF lines into headings, paragraphs, list items and tables for the DocumentBuilder."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..document.builder import DocumentBuilder
from .pdf_headings import SENTENCE_END, Heading, Levels, Style, classify, prune_outline, run_in
from .pdf_layout import Line
from .pdf_tables import PageTable

# Bullets, including the Symbol/Wingdings glyphs that land in the Private Use Area.
_BULLET = re.compile(
    r"^(?:[•●○◦▪■□‣⁃∙·➢➤►▶✓✔❖*o\-–—]|[\ue000-\uf8ff])\s+(?=\S)"  # a bullet and a space
    r"|^[\ue000-\uf8ff•●▪■➢]\s*(?=\S)"  # a symbol bullet set tight against its text
)
# "(a)", "(iv)", "(3)", "a.", "b)", "3.", "iv." opening a list item
_ENUMERATOR = re.compile(
    r"^(?:\(\s?(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,5})\s?\)|(?:[a-zA-Z]|\d{1,2}|[ivx]{1,5})[.)])\s+(?=\S)"
)
_LEADING_NUMBER = re.compile(r"^(\d{1,3})[.)]?\s")
_TOC_TITLE = re.compile(r"^(?:table\s+of\s+)?contents?$", re.IGNORECASE)
# "Scope ........ 4", "3.0 Objectives 8": an entry, dot leaders or a space, a page number
_TOC_ENTRY = re.compile(
    r"^(?P<entry>.*?[^\s.])\s*(?:(?P<leader>(?:\.\s?){4,}|…{2,}|_{4,})\s*(?P<page>\d{1,3}|[ivx]{1,5})?"
    r"|\s(?P<page2>\d{1,3}|[ivx]{1,5}))$"
)
# "IV.REQUIREMENTS", "3.0OBJECTIVE": a heading number run into its title
_GLUED_HEADING_NUMBER = re.compile(
    r"^((?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5})\.|\d{1,2}(?:\.\d{1,2})+)(?=[A-Z][A-Za-z])"
)
# PDFium marks a hyphen that ended a printed line with U+FFFE (or \x02); U+00AD is a soft hyphen.
_LINE_END_HYPHENS = ("\ufffe", "\x02", "\u00ad", "-")
_STRAY_HYPHEN = re.compile("[\ufffe\x02]")
_WORD = re.compile(r"[a-z]+")
_LAST_WORD = re.compile(r"[A-Za-z]+$")


@dataclass
class _Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])


def join_lines(texts: list[str], vocabulary: frozenset[str] = frozenset()) -> str:
    """Join wrapped lines with spaces; a word broken at a line-end hyphen is rejoined.

    PDFium marks every line-end hyphen alike, so the hyphen is dropped only when the document
    uses the joined word elsewhere ("respon-" "sibility"); otherwise it is kept ("cross-" "border"):
    Word, which made most of these PDFs, does not hyphenate words by itself.
    """
    out = ""
    for text in texts:
        text = text.strip()
        if text and (out.endswith(_LINE_END_HYPHENS[:3])
                     or (out.endswith("-") and out[-2:-1].isalpha() and text[:1].islower())):
            head = out.rstrip("".join(_LINE_END_HYPHENS))
            word = _LAST_WORD.search(head)
            tail = _WORD.match(text)
            joined = (word.group(0) + tail.group(0)).lower() if word and tail else ""
            out = head + ("" if joined in vocabulary or out.endswith("\u00ad") else "-") + text
        else:
            out = f"{out} {text}" if out else text
    return _STRAY_HYPHEN.sub("-", out).replace("\u00ad", "")


def vocabulary_of(lines: list[Line]) -> frozenset[str]:
    """Every lower-cased word of the document, to tell hyphenation from compound words."""
    return frozenset(_WORD.findall(" ".join(line.text for line in lines).lower()))


def emit(pages: list[list[Line | PageTable]], builder: DocumentBuilder) -> None:
    """Send every page's lines and tables to the builder as headings, paragraphs, list items, tables."""
    lines = [item for page in pages for item in page if isinstance(item, Line)]
    if not lines:
        return
    repair_number_spacing(lines)
    vocabulary = vocabulary_of(lines)
    style = _measure(lines)
    toc = _contents_lines(lines)
    items = _blocks(pages, style, toc)
    found: list[tuple[Heading | None, list[Line]] | PageTable] = []
    for item in items:
        if isinstance(item, PageTable):
            found.append(item)
        elif id(item.first) in toc:
            found.append((None, item.lines))
        else:
            found.append(_split_heading(item, style))
    _drop_sentence_fragments(found)
    _drop_list_runs(found)
    positions = [i for i, entry in enumerate(found) if not isinstance(entry, PageTable) and entry[0] is not None]
    for index in prune_outline([found[i][0] for i in positions]):  # type: ignore[index]
        heading, rest = found[positions[index]]  # type: ignore[misc]
        found[positions[index]] = (None, [heading.line, *rest])
    levels = Levels([entry[0] for entry in found if not isinstance(entry, PageTable) and entry[0] is not None])
    for entry in found:
        if isinstance(entry, PageTable):
            builder.table(entry.rows, page=entry.page)
            continue
        heading, rest = entry
        if heading is not None:
            builder.heading(heading.line.text, level=levels.level(heading), page=heading.line.page)
        if rest:
            _emit_text(rest, builder, style, vocabulary, "toc" if id(rest[0]) in toc else None)


def _drop_sentence_fragments(found: list) -> None:
    """An unnumbered "heading" whose next block starts in lower case was a bold stretch of a sentence."""
    for i, entry in enumerate(found[:-1]):
        nxt = found[i + 1]
        if isinstance(entry, PageTable) or isinstance(nxt, PageTable) or entry[0] is None or entry[1]:
            continue
        heading = entry[0]
        if heading.numbering.number is None and nxt[1] and nxt[1][0].text[:1].islower():
            found[i] = (None, [heading.line])


def _drop_list_runs(found: list) -> None:
    """A weak numbered "heading" next to its numbered sibling ("4. Repair Time", "5. Obsolescence
    Tracking", "6. Security Bulletins") is an item of a short numbered list."""
    def number_of(entry) -> int | None:
        if isinstance(entry, PageTable):
            return None
        heading, rest = entry
        m = _LEADING_NUMBER.match(heading.line.text if heading is not None else rest[0].text if rest else "")
        return int(m.group(1)) if m else None

    numbers = [number_of(entry) for entry in found]
    for i, entry in enumerate(found):
        if isinstance(entry, PageTable) or entry[0] is None or entry[0].strong or numbers[i] is None:
            continue
        before = numbers[i - 1] if i else None
        after = numbers[i + 1] if i + 1 < len(found) else None
        if before == numbers[i] - 1 or after == numbers[i] + 1:
            heading, rest = entry
            found[i] = (None, [heading.line, *rest])


def repair_number_spacing(lines: list[Line]) -> None:
    """Put back the space PDFium drops after a heading number set with a tab ("IV.REQUIREMENTS")."""
    for line in lines:
        m = _GLUED_HEADING_NUMBER.match(line.text)
        if m:
            line.text = f"{m.group(1)} {line.text[m.end(1):]}"
            if line.bold_prefix > m.end(1):
                line.bold_prefix += 1


def _measure(lines: list[Line]) -> Style:
    """The body font size, line pitch and text margins, from the lines that carry most text."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    body = sizes.most_common(1)[0][0] or 10.0
    pitches: Counter[float] = Counter()
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6 and a.y > b.y:
            pitches[round((a.y - b.y) / body, 1)] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else 1.2
    pitch = min(max(pitch, 1.0), 2.5)
    # Long lines are wrapped paragraph lines: they show where the text column starts and ends.
    long_lines = [ln for ln in lines if len(ln.text) >= 50 and abs(ln.size - body) < 0.6] or lines
    lefts = sorted(ln.x0 for ln in long_lines)
    rights = sorted(ln.x1 for ln in long_lines)
    return Style(body, pitch, lefts[len(lefts) // 10], rights[len(rights) * 8 // 10])


def _is_list_start(text: str) -> bool:
    return bool(_BULLET.match(text) or _ENUMERATOR.match(text))


def _contents_lines(lines: list[Line]) -> set[int]:
    """ids of table-of-contents lines: a title "Contents", lines with dot leaders, and runs of
    three or more entries whose page numbers are right-aligned and never go down.

    A run may carry one entry without a page number ("A. Live AI Suggestions:") between two with.
    """
    toc: set[int] = set()
    run: list[tuple[Line, int | None]] = []
    pending: Line | None = None
    for line in [*lines, None]:
        if line is not None and _TOC_TITLE.match(line.text):
            toc.add(id(line))
            continue
        m = _TOC_ENTRY.match(line.text) if line is not None else None
        if m and (m.group("leader") or _entry_like(m.group("entry"))):
            if m.group("leader"):
                toc.add(id(line))
            if pending is not None and run:
                run.append((pending, None))
            pending = None
            run.append((line, _page_number(m.group("page") or m.group("page2"))))
            continue
        if line is not None and run and pending is None and _entry_like(line.text):
            pending = line
            continue
        if _is_contents_run(run):
            toc.update(id(entry) for entry, _n in run)
        run, pending = [], None
    return toc


def _page_number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def _is_contents_run(run: list[tuple[Line, int | None]]) -> bool:
    numbered = [(line, n) for line, n in run if n is not None]
    if len(numbered) < 3:
        return False
    numbers = [n for _line, n in numbered]
    rights = sorted(line.x1 for line, _n in numbered)
    aligned = rights[-1] - rights[0] <= 6 or rights[len(rights) // 2] - rights[0] <= 3
    return aligned and all(a <= b for a, b in zip(numbers, numbers[1:]))


def _entry_like(text: str) -> bool:
    return (text[:1].isupper() or text[:1].isdigit()) and len(text.split()) <= 16


def _blocks(pages: list[list[Line | PageTable]], style: Style, toc: set[int]) -> list[_Block | PageTable]:
    """Group consecutive lines into blocks: a gap, a list marker or a change of style starts a new one."""
    items: list[_Block | PageTable] = []
    block: _Block | None = None
    for page in pages:
        for item in page:
            if isinstance(item, PageTable):
                items.append(item)
                block = None
                continue
            if block is None or id(item) in toc or id(block.first) in toc or _starts_block(
                    block.lines[-1], item, block, style):
                block = _Block()
                items.append(block)
            block.lines.append(item)
    return items


def _starts_block(prev: Line, line: Line, block: _Block, style: Style) -> bool:
    if _is_list_start(line.text):
        return True
    if style.prominent(line) and line.text[:1].isdigit() and classify(line, style) is not None:
        return True  # "2.1 Signup & Login" right under "2. Restaurant Manager"
    if abs(prev.size - line.size) > 1 or prev.bold != line.bold:
        return True
    full_width = style.full_width(prev)
    if prev.page != line.page:
        # A paragraph runs on over a page break when its last line was full and unfinished.
        return not (full_width and not SENTENCE_END.search(prev.text))
    gap = prev.y - line.y
    if gap <= 0 or gap > style.pitch * max(prev.size, line.size) * 1.3 + 1:
        return True
    if not full_width and SENTENCE_END.search(prev.text):
        return True
    if len(block.lines) == 1 and not full_width and classify(prev, style) is not None:
        return True  # a short heading line followed closely by its text
    return False


def _split_heading(block: _Block, style: Style) -> tuple[Heading | None, list[Line]]:
    """(heading, remaining lines) for a block that opens with a heading, else (None, lines)."""
    first, lines = block.first, block.lines
    if len(lines) == 1 or (len(lines) <= 3 and style.prominent(first)
                           and all(ln.bold == first.bold and abs(ln.size - first.size) < 0.5 for ln in lines)):
        joined = Line(block.text, first.page, first.x0, max(ln.x1 for ln in lines), first.y, first.size, first.bold)
        heading = classify(joined, style)
        if heading is not None and not _BULLET.match(joined.text):
            return heading, []
    found = run_in(first, style)
    if found is not None:
        heading, rest = found
        return heading, [Line(rest, first.page, first.x0, first.x1, first.y, first.size, False), *lines[1:]]
    if len(lines) > 1 and (first.bold != lines[1].bold or not style.full_width(first, 0.3)):
        heading = classify(first, style)
        if heading is not None:
            return heading, lines[1:]
    return None, lines


def _emit_text(lines: list[Line], builder: DocumentBuilder, style: Style, vocabulary: frozenset[str],
               kind: str | None = None) -> None:
    text = join_lines([line.text for line in lines], vocabulary)
    first = lines[0]
    bullet = _BULLET.match(text)
    if bullet or _ENUMERATOR.match(text):
        body = text[bullet.end():] if bullet else text
        level = max(0, round((first.x0 - style.left) / 18))
        builder.list_item(body, level=min(level, 6), page=first.page)
    else:
        builder.paragraph(text, page=first.page, style=kind)
