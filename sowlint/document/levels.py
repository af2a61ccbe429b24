"""Decides heading levels for the whole document at once, after every heading has been seen.

Readers report the level their markup gives (Markdown #s, Word styles) or none.  Real SOWs
mix numbered headings ("1.0 BACKGROUND", "Section B"), cover-page titles and styled or bold
pseudo-headings, so the levels are settled here, in one place, for every format:
- numbering that restarts ("6. Travel" then "1. QASP") is a list, not a new chapter;
- when the document numbers its chapters, numbering depth decides the level, unnumbered headings
  sit under the nearest numbered one, and unnumbered headings with little text before the first
  chapter are the title page;
- otherwise the markup's levels are used, shifted so the shallowest is level 1.
"""

from __future__ import annotations

from .headings import split_numbering
from .model import Section

_TITLE_PAGE_WORDS = 60
_COVER_LINE_WORDS = 25


def settle_levels(flat: list[Section], explicit: list[int | None]) -> tuple[list[Section], list[Section]]:
    """Set ``level`` on each section; return (sections kept as headings, restarts demoted to list items)."""
    info = [split_numbering(s.heading) for s in flat]
    demoted: list[Section] = []
    kept: list[int] = []
    last_top: int | None = None
    restart_next: int | None = None  # the next number of a restarted (list) sequence
    for i, n in enumerate(info):
        num = n.chapter if n.depth == 1 else None
        restarted = num is not None and last_top is not None and num <= 2 and last_top >= 3 and num < last_top
        if num is not None and (restarted or num == restart_next):
            demoted.append(flat[i])
            restart_next = num + 1
            continue
        if num is not None:
            last_top = num
        kept.append(i)
    chapters = [i for i in kept if info[i].depth == 1 and info[i].number]
    if len(chapters) >= 2:
        first = chapters[0]
        current = 0
        for i in kept:
            n, s = info[i], flat[i]
            if n.number and n.depth:
                s.level = current = n.depth
            elif i < first:
                s.level = 1
            else:
                s.level = current + 1 if current else 1
    else:
        levels = [explicit[i] for i in kept if explicit[i] is not None]
        shift = (min(levels) - 1) if levels else 0
        current = 0
        for i in kept:
            s = flat[i]
            if explicit[i] is not None:
                s.level = current = max(1, explicit[i] - shift)
            elif info[i].depth:
                s.level = current = info[i].depth
            else:
                s.level = current + 1 if current else 1
    return [flat[i] for i in kept], demoted


def title_page(sections: list[Section]) -> list[Section]:
    """Unnumbered, nearly empty headings before the first numbered chapter: the cover page."""
    cover: list[Section] = []
    numbered = [s for s in sections if s.number and s.level == 1]
    if len(numbered) < 2:
        return cover
    for s in sections:
        if s is numbered[0]:
            break
        words = sum(len(b.text.split()) for b in s.blocks)
        longest = max((len(b.text.split()) for b in s.blocks), default=0)
        # A cover page is short lines (title, client, date); a real section has a paragraph.
        if s.number or words > _TITLE_PAGE_WORDS or longest > _COVER_LINE_WORDS:
            break
        cover.append(s)
    return cover
