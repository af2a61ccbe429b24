"""Removes print furniture from PDF pages: running headers and footers, page numbers, line numbers."""

from __future__ import annotations

import re
from collections import defaultdict

from .pdf_layout import Line

_EDGE_LINES = 4  # how many lines at the top and at the bottom of a page may be furniture
_EDGE_DEPTH = 160.0  # points: furniture sits within this distance of the page's first or last line
_DIGITS = re.compile(r"\d+")
_NOT_WORD = re.compile(r"[\W_]+")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(\[]?\s*(?:\d{1,4}|[ivxlc]{1,6}|[a-z]{1,2}[-–.]?\d{1,3})\s*[-–)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.|[IVX]{1,5}\.)\s+"
                       r"(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[A-Za-z]", re.IGNORECASE)
_LINE_NUMBER = re.compile(r"^(\d{1,4})(?:\s+(.*))?$")


def furniture_key(text: str) -> str:
    """Header/footer identity: case, digits and punctuation ignored ("Page 3 of 46" == "Page 4 of 46")."""
    return _NOT_WORD.sub(" ", _DIGITS.sub("#", text.lower())).strip()


def remove_running_lines(pages: list[list[Line]]) -> int:
    """Drop lines repeated at the top or bottom of several pages, and page numbers; return how many.

    ``pages`` holds each page's lines top to bottom; it is edited in place.
    """
    seen: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    for number, lines in enumerate(pages):
        for zone, line in _edge_lines(lines):
            if not _NUMBERED.match(line.text):  # "2. Scope" atop page 2 as "1. Overview" atop page 1
                seen[(zone, furniture_key(line.text))].setdefault(number, line.y)
    # Furniture is on most pages; a few exhibits that each open a page are not.
    minimum = max(2 if len(pages) <= 3 else 3, round(0.3 * len(pages)))
    running = {key for key, ys in seen.items() if key[1] and _same_place(list(ys.values())) >= minimum}
    removed = 0
    for lines in pages:
        drop = {id(line) for zone, line in _edge_lines(lines)
                if (zone, furniture_key(line.text)) in running or _is_page_number(line, zone, lines)}
        if drop:
            lines[:] = [line for line in lines if id(line) not in drop]
            removed += len(drop)
    return removed


def _same_place(ys: list[float], tolerance: float = 4.0) -> int:
    """How many pages print the line at the same height (furniture does not move)."""
    return max(sum(abs(y - other) <= tolerance for other in ys) for y in ys)


def _edge_lines(lines: list[Line]):
    """(zone, line) for the first and last few lines of a page, near its top or bottom edge."""
    if not lines:
        return
    edge = min(_EDGE_LINES, len(lines) // 2 or 1)
    top, bottom = lines[0].y, lines[-1].y
    for line in lines[:edge]:
        if top - line.y <= _EDGE_DEPTH:
            yield "top", line
    for line in lines[max(edge, len(lines) - edge):]:
        if line.y - bottom <= _EDGE_DEPTH:
            yield "bottom", line


def _is_page_number(line: Line, zone: str, lines: list[Line]) -> bool:
    """A bare page number ("3", "- 3 -", "Page 3 of 46", "iv", "B-1") as the first or last two lines."""
    if not _PAGE_NUMBER.match(line.text.strip()):
        return False
    position = lines.index(line)
    return position < 2 if zone == "top" else position >= len(lines) - 2


def strip_line_numbers(pages: list[list[Line]]) -> int:
    """Remove the line numbers of pages that number every line (pleading and proposal style).

    A page counts as line-numbered when most of its lines start with a number that is one
    more than the previous line's; those numbers are removed and number-only lines dropped.
    """
    stripped_pages = 0
    for lines in pages:
        numbers = [_LINE_NUMBER.match(line.text) for line in lines]
        in_sequence = 0
        previous = None
        for m in numbers:
            if m is None:
                continue
            value = int(m.group(1))
            if previous is not None and value == previous + 1:
                in_sequence += 1
            previous = value
        if in_sequence < 5 or in_sequence < 0.6 * len(lines):
            continue
        stripped_pages += 1
        kept = []
        for line, m in zip(lines, numbers):
            if m is None:
                kept.append(line)
            elif m.group(2):
                line.text = m.group(2)
                line.bold_prefix = max(0, line.bold_prefix - len(m.group(1)) - 1)
                kept.append(line)
        lines[:] = kept
    return stripped_pages
