"""Recognises headings among PDF lines from type (size, weight, capitals) and numbering."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document.headings import Numbering, is_all_caps, is_title_like, looks_like_heading_line, split_numbering, words
from .pdf_layout import Line

HEADING_MAX_WORDS = 14
_OPEN_END = re.compile(r"\b(?:the|a|an|to|of|and|or|in|on|for|with|by|that|which|is|are|be)$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.:;!?]['\"”’)]?$")
_MONTH = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.IGNORECASE)
_GLUED_NUMBER = re.compile(r"^\d+[A-Za-z]")  # "03FAC Facilities": a code, not "3 Facilities"
# "5. Investigative Activities: The investigative ..." / "3. Scope - The ..." / "1. Background. The park ..."
_RUN_IN = re.compile(
    r"^(?P<head>(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.)\s+"  # the number: "5.", "1.2", "A."
    r"(?:\([A-Z/]{1,6}\)\s+)?"  # a classification marking: "(U)"
    r"[A-Z][^:;.(]{1,70}?(?::|\.|(?=\s[-–—]\s)))"  # the title, up to ":", "." or " - "
    r"(?:\s[-–—])?\s+(?P<rest>[A-Z(\"“].*)$"
)
# "3.0 General (Note: This section applies to ...", "PERSONNEL [IN A TRUE PWS, ...": a template's
# instructions after the title
_NOTE = re.compile(
    r"^(?P<head>\S.{1,80}?)\s+(?P<rest>(?:\((?:note|instructions?|insert|enter|tailor|optional|if|see)\b|\[).*)$",
    re.IGNORECASE,
)
# "SITE LOCATION AND DESCRIPTION: The Old Burning Ground ..."
_CAPS_RUN_IN = re.compile(r"^(?P<head>[A-Z][A-Z0-9&/,'’()\- ]{2,70}[A-Z)]:)\s+(?P<rest>\S.*)$")


@dataclass
class Style:
    """What an ordinary line of this document looks like."""

    body_size: float
    pitch: float  # baseline-to-baseline distance within a paragraph, as a multiple of the font size
    left: float  # usual left margin
    right: float  # where a full line usually ends

    def prominent(self, line: Line) -> bool:
        return line.bold or line.size >= self.body_size + 1

    def full_width(self, line: Line, slack: float = 0.15) -> bool:
        return line.x1 >= self.right - slack * (self.right - self.left)


@dataclass
class Heading:
    line: Line  # the heading's text, as printed
    numbering: Numbering
    strong: bool  # set apart by type; a weak heading has only its numbering and wording


def classify(line: Line, style: Style) -> Heading | None:
    """A heading when the line reads as one on its own, else None."""
    text = line.text
    if len(text) > 120:
        return None
    numbering = split_numbering(text)
    title = numbering.title
    caps = is_all_caps(title)
    strong = style.prominent(line) or caps
    if numbering.number is None:
        # Unnumbered: must stand out by size, weight or capitals and read as a title.
        if not strong or not (caps or is_title_like(title)) or text.endswith((",", ";")):
            return None
        if not 1 <= len(words(title)) <= HEADING_MAX_WORDS or title[:1].islower() or title[:1].isdigit():
            return None  # "52.217-8 Option to Extend Services" cites a clause
        if _OPEN_END.search(title):
            return None  # "... AFTER DISCOVERY to protect the": a bold stretch of a sentence
        if sum(c.isdigit() for c in title) > sum(c.isalpha() for c in title):
            return None  # "NAICS: 561210" is a field, not a heading
        return Heading(line, numbering, True)
    if not _plausible_number(text, numbering) or not 1 <= len(words(title)) <= HEADING_MAX_WORDS:
        return None
    if title[:1].islower() or (SENTENCE_END.search(title) and not caps and len(words(title)) > 8):
        return None  # "1. the Contractor shall ..." reads as a sentence
    if strong or numbering.keyword:
        return Heading(line, numbering, True)
    if not numbering.number[:1].isalnum() or numbering.number[:1].islower():
        return None  # "a. Scope" in body type is a list item
    # A plain numbered line is a heading only when short, title-like and at the margin.
    if (looks_like_heading_line(text) is not None and len(words(title)) <= 6 and is_title_like(title)
            and not SENTENCE_END.search(title.rstrip(".:")) and line.x0 <= style.left + style.body_size):
        return Heading(line, numbering, False)
    return None


def run_in(line: Line, style: Style) -> tuple[Heading, str] | None:
    """A heading that opens a paragraph, and the paragraph's text after it."""
    m = _NOTE.match(line.text)
    if m:
        heading = classify(_part(line, m.group("head"), line.bold), style)
        if heading is not None:
            return heading, m.group("rest")
    if not line.bold and 3 <= line.bold_prefix < len(line.text):
        head = line.text[: line.bold_prefix].strip()
        numbering = split_numbering(head)
        if numbering.keyword or (numbering.number is not None and looks_like_heading_line(head) is not None
                                 and _plausible_number(head, numbering)):
            return Heading(_part(line, head, True), numbering, True), line.text[line.bold_prefix:].strip()
    m = _RUN_IN.match(line.text)
    if m and line.x0 <= style.left + style.body_size:
        head = m.group("head").strip()
        numbering = split_numbering(head)
        title_words = words(numbering.title)
        if (numbering.number is not None and 1 <= len(title_words) <= 8 and is_title_like(numbering.title)
                and _plausible_number(head, numbering)):
            return Heading(_part(line, head, line.bold), numbering, False), m.group("rest")
    m = _CAPS_RUN_IN.match(line.text)
    if m and len(words(m.group("head"))) >= 2 and is_all_caps(m.group("head")):
        head = m.group("head")
        return Heading(_part(line, head, line.bold), split_numbering(head), True), m.group("rest")
    return None


def _part(line: Line, text: str, bold: bool) -> Line:
    return Line(text, line.page, line.x0, line.x1, line.y, line.size, bold)


def _plausible_number(text: str, numbering: Numbering) -> bool:
    """Numbers that open dates ("13 July 2018") and codes ("03FAC") do not number headings."""
    number = numbering.number or ""
    if numbering.keyword:
        return True
    if _MONTH.match(numbering.title) or _GLUED_NUMBER.match(text):
        return False
    return not (len(number) > 1 and number.startswith("0") and number[1:2].isdigit())


_FORMAT = re.compile(r"^\d+(?P<zero>\.0)?(?P<mark>[.)])?")


def _chapter_format(text: str) -> str:
    """How a chapter number is written: "1.0", "1." / "1)" or a bare "1"."""
    m = _FORMAT.match(text)
    if not m:
        return ""
    return ".0" if m.group("zero") else (m.group("mark") or "")


def prune_outline(headings: list[Heading]) -> set[int]:
    """Indexes of candidate headings that are really numbered list items.

    Chapters follow one another ("4." after "3.") in one way of writing their numbers. A
    heading set apart only by its numbering must continue that outline: the next chapter or
    a part of the current one ("3.2" under "3."), so "9. CFR - Code of Federal Regulations" in
    a glossary numbered past the last chapter is a list item. A numbered line written unlike the
    chapters ("1. Task 1" among "1.0 Overview", "2.0 Period") is a list item too, unless it
    fills the one gap in the chapter sequence ("14.WARRANTY" between "13.0" and "15.0").
    """
    chapters = [(i, h.numbering.chapter, _chapter_format(h.line.text)) for i, h in enumerate(headings)
                if h.numbering.depth == 1 and h.numbering.chapter is not None]
    formats = Counter(fmt for i, _n, fmt in chapters if headings[i].strong) or Counter(f for *_x, f in chapters)
    main_format = formats.most_common(1)[0][0] if formats else ""
    in_format = [(i, n) for i, n, fmt in chapters if fmt == main_format]
    rejected: set[int] = set()
    current: int | None = None
    for i, heading in enumerate(headings):
        number = heading.numbering.chapter
        if number is None:
            continue
        if heading.numbering.depth > 1:
            if not heading.strong and current is not None and number != current:
                rejected.add(i)
            continue
        follows = number <= 2 if current is None else current < number <= current + 2
        if _chapter_format(heading.line.text) != main_format and len(in_format) >= 2:
            following = next((n for j, n in in_format if j > i), None)
            fills_gap = number == (current or 0) + 1 and following in (None, number + 1)
            if not fills_gap:
                rejected.add(i)
                continue
        elif not heading.strong and not follows:
            rejected.add(i)
            continue
        current = number
    return rejected


class Levels:
    """Level hints for the builder: numbering depth; else the heading's rank by prominence.

    With numbered chapters, an unnumbered heading as prominent as they are is level 1 and a
    lesser one sits under the current section; without them, the most prominent style is
    level 1, the next one level 2, and so on.
    """

    def __init__(self, headings: list[Heading]) -> None:
        chapters = sorted(self._prominence(h.line) for h in headings
                          if h.numbering.depth == 1 and h.numbering.number)
        self.chapter_prominence = chapters[len(chapters) // 2] if chapters else None
        self.ranks = sorted({self._prominence(h.line) for h in headings if not h.numbering.depth}, reverse=True)

    @staticmethod
    def _prominence(line: Line) -> float:
        return round(line.size * 2) / 2 + 0.5 * line.bold + 0.3 * is_all_caps(line.text)

    def level(self, heading: Heading) -> int | None:
        if heading.numbering.depth:
            return heading.numbering.depth
        prominence = self._prominence(heading.line)
        if self.chapter_prominence is None:
            return self.ranks.index(prominence) + 1 if prominence in self.ranks else None
        if prominence >= self.chapter_prominence - 0.01:
            return 1
        return None  # a lesser unnumbered heading sits under the current section
