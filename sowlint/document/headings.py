"""Heading recognition shared by all readers: numbering, levels and heading-like lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = r"(?:(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_KEYWORD = r"(?:section|article|part|phase|chapter|appendix|attachment|annex|enclosure|exhibit|schedule|task|epic|stage|volume|tab)"

# "Section 4", "ARTICLE IV", "Phase 2:", "Appendix A -", "Task 3." -- a keyword then an ordinal.
_KEYWORD_RE = re.compile(
    rf"^(?P<kw>{_KEYWORD})\s+(?P<num>\d+(?:\.\d+)*|{_ROMAN}|[A-Z])\b\s*[:.\-–—)]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# "1.", "1.2", "1.2.3", "1.0", "3.)", "C.1.2", "2)" followed by a title.
# A number glued to its title ("3.0OBJECTIVE", spaceless PDF text) only counts when it has a
# dot, so that "18F Product Lead" or "3D Models" are not read as numbered headings.
_DOTTED_RE = re.compile(
    r"^(?P<num>(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){0,5})"
    r"(?:(?:\.\)|\.|\))?\s+|(?<=\d\.\d)(?=[A-Z])|\.(?=[A-Z][a-z]))(?P<title>\S.*)$"
)
# "A. Scope", "IV. Pricing", "b) Travel" -- letters and roman numerals need a dot or bracket.
_LETTER_RE = re.compile(rf"^(?P<num>{_ROMAN}|[A-Z])[.)]\s+(?P<title>\S.*)$")

_SENTENCE_END = re.compile(r"[.;,:]\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&/-]*")


@dataclass(frozen=True)
class Numbering:
    number: str | None
    title: str
    depth: int  # 1 for "3", "Section 3", "3.0"; 2 for "3.2"; 0 when unnumbered
    keyword: str | None = None

    @property
    def chapter(self) -> int | None:
        """The chapter a plain numbering belongs to ("3" for "3.2"); None with a keyword or letters."""
        if self.keyword or not self.number:
            return None
        first = self.number.split(".")[0]
        return int(first) if first.isdigit() else None


def split_numbering(heading: str) -> Numbering:
    """Split "3.2 Deliverables" into number "3.2", title "Deliverables", depth 2."""
    text = heading.strip()
    m = _KEYWORD_RE.match(text)
    if m and m.group("num"):
        kw = m.group("kw").lower()
        num = m.group("num")
        depth = num.count(".") + 1 if num[0].isdigit() else 1
        title = m.group("title").strip() or text
        return Numbering(num, title, depth, kw)
    m = _DOTTED_RE.match(text)
    if m:
        num = m.group("num")
        parts = num.split(".")
        # "1.0" and "2.0" are top-level in the federal style; trailing zeros add no depth.
        while len(parts) > 1 and parts[-1] == "0":
            parts.pop()
        return Numbering(num, m.group("title").strip(), len(parts))
    m = _LETTER_RE.match(text)
    if m and m.group("num"):
        return Numbering(m.group("num"), m.group("title").strip(), 1)
    return Numbering(None, text, 0)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def is_title_like(text: str) -> bool:
    """Most significant words capitalised, as in "Scope of Work" or "Roles and Responsibilities"."""
    ws = [w for w in words(text) if len(w) > 3]
    if not ws:
        return bool(words(text)) and words(text)[0][0].isupper()
    return sum(w[0].isupper() for w in ws) / len(ws) >= 0.6


def looks_like_heading_line(line: str, *, max_words: int = 12) -> Numbering | None:
    """Recognise a heading in plain text (txt, PDF lines): numbered, keyword or ALL CAPS.

    Returns the numbering when the line reads as a heading, else None.  A numbered line that
    reads as a sentence ("1. The Contractor shall provide ...") is a list item, not a heading.
    """
    text = line.strip()
    if not text or len(text) > 120:
        return None
    n = split_numbering(text)
    title_words = words(n.title)
    if not title_words or len(title_words) > max_words:
        return None
    caps = is_all_caps(n.title)
    if n.keyword:
        return n
    if n.number is not None:
        if n.title[0].islower():
            return None
        # A trailing full stop is common in federal headings ("1.0 SCOPE."), but then the
        # line must be short or shouted; a long line ending in a full stop is a sentence.
        if _SENTENCE_END.search(n.title) and not caps and len(title_words) > 6:
            return None
        if caps or is_title_like(n.title) or len(title_words) <= 4:
            return n
        return None
    if caps and not text.endswith((",", ";")):
        return n
    return None
