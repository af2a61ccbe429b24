"""Reads Markdown and plain text: #-headings, numbered and ALL-CAPS heading lines, lists, pipe tables."""

from __future__ import annotations

import re
from pathlib import Path

from ..document.builder import DocumentBuilder, clean
from ..document.headings import is_title_like, looks_like_heading_line, words
from ..document.model import Document
from ..document.sourcemap import SourceMap
from ..errors import ReadError
from .limits import ReadLimits

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦‣]|\d{1,3}[.)]|[a-zA-Z][.)]|\([a-zA-Z0-9]{1,3}\))\s+(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)([^*_].{0,100}?)\1\s*:?\s*$")
_RUN_IN = re.compile(r"^(\*\*|__)((?:\d|section|article|part)[^*_]{0,80}?[.:])\1\s+(\S.*)$", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")  # no "[" inside: runs of "[" stay linear
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _inline(text: str) -> str:
    """Markdown inline markup removed: emphasis markers and link targets."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return text.replace("`", "")


def _decode(raw: bytes, path: Path) -> str:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{path}: looks like a binary file, not text")
    for encoding in ("utf-8-sig", "utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_text(path: Path, limits: ReadLimits) -> Document:
    raw = path.read_bytes()
    text = _decode(raw, path)
    if len(text) > limits.max_chars:
        raise ReadError(f"{path}: {len(text):,} characters is over the {limits.max_chars:,}-character limit")
    if not text.strip():
        raise ReadError(f"{path}: the file has no text")
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    builder = DocumentBuilder(str(path), fmt)
    original = text.replace("\r\n", "\n").replace("\r", "\n")
    removed = [m.span() for m in _HTML_COMMENT.finditer(original)]
    parsed = _HTML_COMMENT.sub("", original)
    source = SourceMap(parsed, original, removed)
    parse_markdown(parsed, builder, source)
    doc = builder.build()
    doc.source = source.done()  # locations in the file's own lines and columns
    return doc


def read_markdown_string(text: str, name: str = "<example>") -> Document:
    """Read a Markdown snippet (rule examples, tests) into a Document."""
    builder = DocumentBuilder(name, "md")
    parse_markdown(text, builder)
    return builder.build()


def parse_markdown(text: str, b: DocumentBuilder, source: SourceMap | None = None) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraph: list[str] = []
    table: list[list[str]] = []
    item: list[str] = []  # the open list item: its bullet line, then its continuation lines
    item_level = 0
    in_fence = False
    # Where each open block's lines are in the source, (line index, column), for the source map.
    para_at: list[tuple[int, int]] = []
    table_at: list[tuple[int, int]] = []
    item_at: list[tuple[int, int]] = []

    def mapped(made, at: list[tuple[int, int]]) -> None:
        if source is not None and made is not None:
            text = made.heading if hasattr(made, "heading") else made.text
            source.align(made.start, text, [source.line_span(i, c) for i, c in at])

    def flush() -> None:
        if item:
            mapped(b.list_item(_inline(" ".join(item)), level=item_level), item_at)
            item.clear()
        if paragraph:
            mapped(b.paragraph(_inline(" ".join(s.strip() for s in paragraph))), para_at)
            paragraph.clear()
        if table:
            kept = [at for row, at in zip(table, table_at) if any(clean(c) for c in row)]  # as the builder
            mapped(b.table(table), kept)
            table.clear()
        for at in (item_at, para_at, table_at):
            at.clear()

    for i, line in enumerate(lines):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            mapped(b.paragraph(line), [(i, 0)])
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if _TABLE_ROW.match(line):
            if paragraph:
                flush()
            if not _TABLE_RULE.match(line):
                table.append([_inline(c) for c in stripped.strip("|").split("|")])
                table_at.append((i, 0))
            continue
        if table:
            flush()
        if item and line[:1] in " \t" and not _BULLET.match(line):
            item.append(stripped)  # an indented line continues the list item ("-   Contractor shall\n    build")
            item_at.append((i, 0))
            continue
        m = _ATX.match(stripped)
        if m:
            flush()
            mapped(b.heading(_inline(m.group(2)), level=len(m.group(1))), [(i, 0)])
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _SETEXT.match(nxt.strip()) and len(paragraph) == 0 and len(stripped) < 100 and not _BULLET.match(line):
            # "Title\n=====" (level 1) or "Title\n-----" (level 2); the rule line is skipped below.
            mapped(b.heading(_inline(stripped), level=1 if nxt.strip()[0] == "=" else 2), [(i, 0)])
            lines[i + 1] = ""
            continue
        if _SETEXT.match(stripped) or set(stripped) <= set("-=_*") and len(stripped) >= 3:
            flush()  # a horizontal rule
            continue
        bold = _BOLD_LINE.match(line)
        if bold and not paragraph and _standalone(lines, i):
            mapped(b.heading(_inline(bold.group(2)).rstrip(":").strip() + (":" if stripped.endswith(":") else "")),
                   [(i, 0)])
            continue
        lead = _RUN_IN.match(stripped)
        if lead and not paragraph and looks_like_heading_line(_inline(lead.group(2))):
            # "**1. General.** Please submit ..." -- a run-in heading with its text on the same line.
            mapped(b.heading(_inline(lead.group(2))), [(i, 0)])
            paragraph.append(lead.group(3))
            para_at.append((i, len(line) - len(line.lstrip()) + lead.start(3)))
            continue
        colon_label = stripped.endswith(":") and paragraph and _label_heading(_inline(stripped), lines, i)
        if colon_label:
            flush()
        if (not paragraph or colon_label) and not _in_list(lines, i):
            plain = _inline(stripped)
            numbering = looks_like_heading_line(plain) if _standalone(lines, i) else None
            if numbering is not None or _label_heading(plain, lines, i):
                flush()
                mapped(b.heading(plain), [(i, 0)])
                continue
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            item.append(bullet.group(2))
            item_at.append((i, bullet.start(2)))
            item_level = len(bullet.group(1).replace("\t", "    ")) // 2
            continue
        if item:
            item.append(stripped)  # a lazy continuation line, as CommonMark reads it
            item_at.append((i, 0))
            continue
        paragraph.append(line)
        para_at.append((i, 0))
    flush()


def _standalone(lines: list[str], i: int) -> bool:
    """A heading line stands alone: the next line is blank, a heading, a list or a table."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if not nxt:
        return True
    return bool(_ATX.match(nxt) or _BULLET.match(lines[i + 1]) or _TABLE_ROW.match(nxt) or looks_like_heading_line(nxt))


def _in_list(lines: list[str], i: int) -> bool:
    """A bullet or numbered line with a list item right before or after it is a list item."""
    if not _BULLET.match(lines[i]):
        return False
    prev = lines[i - 1] if i > 0 else ""
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(_BULLET.match(prev) or _BULLET.match(nxt))


def _label_heading(text: str, lines: list[str], i: int) -> bool:
    """Plain-text headings without numbering: "Project Scope:" over its content, or a short
    title-case line standing alone after a blank line ("Rationale", "Features")."""
    ws = words(text)
    if not ws or len(ws) > 8 or _BULLET.match(lines[i]) or not any(c.isupper() for c in ws[0]):
        return False
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    prev = lines[i - 1].strip() if i > 0 else ""
    if text.endswith(":"):
        return nxt != "" and (len(ws) <= 4 or is_title_like(text))
    if text[-1] in ".,;!?)" or prev or ":" in text or any(ch.isdigit() for ch in text):
        return False  # "Sent: Tuesday 14 April 2026" is a header field, not a heading
    # Indexes, not a slice of the rest: a slice per candidate line made the reader quadratic.
    following = next((lines[j].strip() for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return is_title_like(text) and len(ws) <= 6 and len(following) > len(text)
