"""Decides which .docx paragraphs are headings, titles, list items or text, and at which heading level."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.headings import looks_like_heading_line, split_numbering, words

_STRONG_KEYWORDS = frozenset(("part", "volume", "article", "section", "chapter"))
_TOC_ENTRY = re.compile(r"(?:[.·…_]{3,}|…|\t)\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$", re.IGNORECASE)
_TOC_TITLES = frozenset(("table of contents", "contents", "toc"))
_ATX = re.compile(r"^#{1,6}\s+\S")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_SUBSTANTIAL_WORDS = 12  # a paragraph this long is body text: the cover page has ended
_MAX_HEADING_WORDS = 12
_MAX_STYLED_WORDS = 15  # a Heading-styled "heading" longer than this is a sentence someone styled


@dataclass
class Item:
    """One body paragraph or table as the walker saw it; ``role`` and ``level`` are decided by plan_items."""

    kind: str  # "para" or "table"
    text: str = ""
    page: int = 1  # counted from explicit page breaks
    rendered_page: int = 1  # counted from Word's rendered page breaks
    style: str | None = None
    styled: float | None = None  # heading level given by the style or outline level
    title: str = ""  # "title" or "subtitle" style
    list_level: int | None = None  # set for numbered or List-styled paragraphs
    bold: bool = False  # every run with text is bold
    toc: bool = False  # a table-of-contents entry
    rows: list[list[str]] | None = None
    role: str = ""  # heading | styled | candidate | paragraph | list_item | table | title | skip
    level: float | None = None


def plan_items(items: list[Item]) -> tuple[str | None, str | None]:
    """Give every item its role and every heading its level; return the Title-styled title and the first
    heading that was lifted out as a title (either may be None)."""
    if _is_markdown_source(items):
        items[:] = _markdown_items(items)
    for item in items:
        if not item.role:
            _classify(item)
    styled_found = any(item.role == "styled" for item in items)
    titles: list[str] = []
    if styled_found:
        titles += _lift_titles(items, ("styled",))
        first = next((i for i, item in enumerate(items) if item.role == "styled"), len(items))
        for item in items[:first]:  # bold or numbered lines above the first real heading: a cover page
            if item.role == "candidate":
                item.role = "paragraph"
    else:
        _drop_cover_candidates(items)
    _assign_levels(items)
    titles += _lift_titles(items, ("styled", "candidate"))
    styled_titles = [item.text.strip() for item in items if item.role == "title" and item.title == "title"]
    headings = [item for item in items if item.role in ("styled", "candidate")]
    if not headings:
        lone = next((item for item in items if item.role == "title"), None)
        if lone is not None:  # a title with nothing else to head the document is its only heading
            lone.role, lone.level = "candidate", 1.0
            headings = [lone]
    levels = sorted({item.level or 1.0 for item in headings})
    rank = {level: i + 1 for i, level in enumerate(levels)}
    for item in headings:
        item.role, item.level = "heading", float(rank[item.level or 1.0])
    for item in items:
        if item.role == "title":
            item.role = "paragraph"
    return (styled_titles or [None])[0], (titles or [None])[0]


def _classify(item: Item) -> None:
    text = item.text.strip()
    if item.kind == "table":
        item.role = "table"
    elif not text:
        item.role = "skip"
    elif item.toc or _TOC_ENTRY.search(text) or _norm(text) in _TOC_TITLES:
        item.role = "paragraph"
    elif item.title == "title":
        item.role = "title"
    elif item.title == "subtitle":
        item.role = "paragraph"
    elif item.styled:
        item.role = "paragraph" if _sentence_like(text) else "styled"
    elif item.list_level is not None:
        item.role = "candidate" if item.bold and _bold_heading(text, max_words=8) else "list_item"
    elif (item.bold and _bold_heading(text)) or looks_like_heading_line(text, max_words=_MAX_HEADING_WORDS):
        item.role = "candidate"
    else:
        item.role = "paragraph"


def _sentence_like(text: str) -> bool:
    """A heading style on a sentence: more than 15 words, or a full stop after more than eight."""
    count = len(words(text))
    return count > _MAX_STYLED_WORDS or (count > 8 and text.endswith((".", ";", ",")))


def _bold_heading(text: str, max_words: int = _MAX_HEADING_WORDS) -> bool:
    count = len(words(text))
    if not 1 <= count <= max_words or len(text) > 120 or text.endswith((",", ";")):
        return False
    return not text.endswith(".") or split_numbering(text).number is not None


def _lift_titles(items: list[Item], roles: tuple[str, ...]) -> list[str]:
    """Turn leading title headings into titles: a lone top heading over the rest, or one heading nothing but
    empty headings.  Numbered headings ("1. Scope", "Section A") are never titles."""
    lifted: list[str] = []
    while True:
        indexes = [i for i, item in enumerate(items) if item.role in roles]
        if len(indexes) < 2:
            return lifted
        first = items[indexes[0]]
        if split_numbering(first.text.strip()).number is not None:
            return lifted
        key = _level_key(first)
        lone_top = all(_level_key(items[i]) > key for i in indexes[1:])
        empty = True
        for item in items[indexes[0] + 1:]:
            if item.role in roles and _level_key(item) <= key:
                break
            if item.role in ("paragraph", "list_item", "table", "candidate") and item.role not in roles:
                empty = False
                break
        if not (lone_top or empty) or (lifted and not empty and _has_body(items, indexes[0], roles)):
            return lifted
        first.role = "title"
        lifted.append(first.text.strip())


def _has_body(items: list[Item], index: int, roles: tuple[str, ...]) -> bool:
    """Body text right under the heading at ``index``: a subtitle has none, a real section has some."""
    for item in items[index + 1:]:
        if item.role in roles:
            return False
        if item.role in ("list_item", "table") or (item.role == "paragraph" and _substantial(item)):
            return True
    return False


def _substantial(item: Item) -> bool:
    return not item.toc and len(words(item.text)) >= _SUBSTANTIAL_WORDS


def _level_key(item: Item) -> float:
    return item.level if item.level is not None else (item.styled or 1.0)


def _drop_cover_candidates(items: list[Item]) -> None:
    """Without styled headings, unnumbered bold lines before the first body text are a cover page, except the
    last one, which heads that text."""
    anchor = next((i for i, item in enumerate(items)
                   if item.role == "list_item" or (item.role == "paragraph" and _substantial(item))), None)
    if anchor is None:
        return
    candidates = [i for i in range(anchor) if items[i].role == "candidate"]
    for i in candidates[:-1]:
        if split_numbering(items[i].text.strip()).number is None:
            items[i].role = "paragraph"


def _strong_keyword(text: str) -> tuple[str, str] | None:
    """("section", "letter") for "Section B": the keyword and how it counts ("Section II" counts in roman)."""
    numbering = split_numbering(text.strip())
    if numbering.keyword not in _STRONG_KEYWORDS or not numbering.number:
        return None
    number = numbering.number.upper()
    if number[0].isdigit():
        counting = "digits"
    elif len(number) == 1 and number != "I":
        counting = "letter"
    else:
        counting = "roman"
    return numbering.keyword, counting


def _assign_levels(items: list[Item]) -> None:
    """Styled headings keep their level; "Section"/"Article" headings sit half a level above their style so
    that list-numbered headings of the same style nest under them; other bold or numbered lines nest under
    the heading before them, each kind one level deeper in order of first appearance."""
    keyword_level: dict[tuple[str, str], float] = {}
    for item in items:
        if item.role == "styled":
            keyword = _strong_keyword(item.text)
            item.level = float(item.styled or 1) - (0.5 if keyword else 0.0)
            if keyword:
                keyword_level.setdefault(keyword, item.level)
    families: dict[tuple, list[int]] = {}  # family -> [min depth, max depth], in order of first appearance
    for item in items:
        if item.role == "candidate" and _strong_keyword(item.text) not in keyword_level:
            family, depth = _family(item)
            span = families.setdefault(family, [depth, depth])
            span[0], span[1] = min(span[0], depth), max(span[1], depth)
    offsets: dict[tuple, int] = {}
    next_offset = 1
    for family, (low, high) in families.items():
        offsets[family] = next_offset
        next_offset += high - low + 1
    base = 0.0
    for item in items:
        if item.role == "styled":
            base = item.level or 1.0
        elif item.role == "candidate":
            keyword = _strong_keyword(item.text)
            if keyword in keyword_level:
                item.level = base = keyword_level[keyword]
            else:
                family, depth = _family(item)
                item.level = base + offsets[family] + depth - families[family][0]


def _family(item: Item) -> tuple[tuple, int]:
    """How a pseudo-heading looks (bold or not; numbering kind) and its numbering depth."""
    numbering = split_numbering(item.text.strip())
    if numbering.keyword:
        kind = numbering.keyword
    elif numbering.number is None:
        kind = "plain"
    elif numbering.number[0].isdigit() or "." in numbering.number:
        kind = "dotted"
    else:
        kind = "letter"
    return (item.bold, kind, item.list_level is not None), max(numbering.depth, 1)


def _norm(text: str) -> str:
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


# -- Markdown pasted into Word -------------------------------------------------------------------
def _is_markdown_source(items: list[Item]) -> bool:
    """A .docx whose paragraphs are Markdown source ("## Scope") and that has no styled headings."""
    if any(item.styled for item in items):
        return False
    return sum(1 for item in items if item.kind == "para" and _ATX.match(item.text)) >= 3


def _markdown_items(items: list[Item]) -> list[Item]:
    """Re-read runs of paragraphs as Markdown lines with the text reader's parser; tables pass through."""
    from .text import parse_markdown

    result: list[Item] = []
    lines: list[str] = []
    page = rendered = 1

    def flush() -> None:
        if lines:
            recorder = _Recorder(page, rendered)
            parse_markdown("\n".join(lines), recorder)  # type: ignore[arg-type]
            result.extend(recorder.items)
            lines.clear()

    for item in items:
        if item.kind == "table":
            flush()
            result.append(item)
            continue
        if not lines:
            page, rendered = item.page, item.rendered_page
        lines.append(item.text)
    flush()
    return result


class _Recorder:
    """Stands in for DocumentBuilder so parse_markdown's events become Items."""

    def __init__(self, page: int, rendered_page: int) -> None:
        self.items: list[Item] = []
        self._pages = {"page": page, "rendered_page": rendered_page}

    def heading(self, text: str, level: int | None = None, page: int | None = None) -> None:
        if level is None:
            self.items.append(Item("para", text=text, role="candidate", **self._pages))
        else:
            self.items.append(Item("para", text=text, styled=float(level), role="styled", **self._pages))

    def paragraph(self, text: str, page: int | None = None, style: str | None = None) -> None:
        self.items.append(Item("para", text=text, role="paragraph" if text.strip() else "skip", **self._pages))

    def list_item(self, text: str, level: int = 0, page: int | None = None, style: str | None = None) -> None:
        self.items.append(Item("para", text=text, list_level=level, role="list_item", **self._pages))

    def table(self, rows: list[list[str]], page: int | None = None) -> None:
        self.items.append(Item("table", rows=rows, role="table", **self._pages))
