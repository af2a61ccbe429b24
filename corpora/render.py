"""Renders the sample SOWs in corpora/src/*.md to .docx and .pdf: the same text on every run.

Usage: python corpora/render.py [--out DIR] [NAME ...]

The sources use a small Markdown subset: one "# Title", "##"-"####" headings (Heading 1-3),
paragraphs, "- " bullets, "1. " numbered items, pipe tables and **bold**.  HTML comments carry
what Markdown cannot say, as YAML:

    <!-- render: {author: ..., created: 2026-10-15T09:00:00, title: ...} -->
    <!-- tracked: {insert: "new text", delete: "old text", author: ..., date: ...} -->
    <!-- comment: {anchor: "commented text", text: "the comment", author: ..., date: ...} -->

The Markdown holds the text as it reads with tracked changes accepted: in the .docx the
``insert`` text becomes a ``w:ins`` and ``delete`` a ``w:del`` just before it; the .pdf shows the
accepted text only.  Word comments exist only in the .docx.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(-|\d+\.)\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class SourceError(Exception):
    """A source file uses Markdown or a directive the renderer does not support."""


@dataclass
class Block:
    """One title, heading, paragraph, list item or table of a source, inline markup removed."""

    kind: str  # title | heading | paragraph | bullet | number | table
    text: str = ""
    bold: list[tuple[int, int]] = field(default_factory=list)  # spans of **bold** in text
    level: int = 0  # headings: 1-3
    rows: list[list[str]] = field(default_factory=list)  # tables: header row first
    list_id: int = 0  # list items: one id per list, so that numbering restarts per list


@dataclass
class Tracked:
    insert: str
    delete: str
    author: str
    date: dt.datetime


@dataclass
class Comment:
    anchor: str
    text: str
    author: str
    date: dt.datetime


@dataclass
class Source:
    name: str
    title: str
    author: str
    created: dt.datetime
    blocks: list[Block]
    tracked: list[Tracked] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)

    def block_containing(self, text: str) -> Block:
        """The one paragraph or list item whose text contains ``text``."""
        found = [b for b in self.blocks if b.kind in ("paragraph", "bullet", "number") and text in b.text]
        if len(found) != 1:
            raise SourceError(f"{self.name}: {text!r} must occur in exactly one paragraph, found {len(found)}")
        return found[0]


def inline(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without **markers**, and the spans that were bold."""
    out, spans, pos = [], [], 0
    for m in _BOLD.finditer(text):
        out.append(text[pos : m.start()])
        start = sum(map(len, out))
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def _when(value: object, where: str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    raise SourceError(f"{where}: a date like 2026-10-15T09:00:00 is required")


def parse_source(path: Path) -> Source:
    raw = path.read_text(encoding="utf-8")
    meta: dict = {}
    tracked, comments = [], []
    for m in _COMMENT.finditer(raw):
        try:
            directive = yaml.safe_load(m.group(1)) or {}
            if not isinstance(directive, dict) or len(directive) != 1:
                raise SourceError("a directive comment holds one 'render', 'tracked' or 'comment' mapping")
            (kind, body), = directive.items()
            if kind == "render":
                meta = dict(body)
            elif kind == "tracked":
                tracked.append(Tracked(body["insert"], body["delete"], body["author"], _when(body["date"], kind)))
            elif kind == "comment":
                comments.append(Comment(body["anchor"], body["text"], body["author"], _when(body["date"], kind)))
            else:
                raise SourceError(f"unknown directive {kind!r}")
        except (yaml.YAMLError, KeyError, TypeError, ValueError, SourceError) as exc:
            line = raw.count("\n", 0, m.start()) + 1
            reason = f"missing {exc}" if isinstance(exc, KeyError) else str(exc).splitlines()[0]
            raise SourceError(f"{path.name}:{line}: bad directive: {reason}") from None
    blocks = parse_blocks(_COMMENT.sub("", raw), path.name)
    titles = [b.text for b in blocks if b.kind == "title"]
    source = Source(
        name=path.stem,
        title=meta.get("title") or (titles[0] if titles else path.stem),
        author=meta.get("author", ""),
        created=_when(meta.get("created"), path.name),
        blocks=blocks,
        tracked=tracked,
        comments=comments,
    )
    for change in tracked:
        source.block_containing(change.insert)
    for comment in comments:
        source.block_containing(comment.anchor)
    return source


def parse_blocks(text: str, name: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    table: list[list[str]] = []
    lists = 0

    def flush() -> None:
        if paragraph:
            plain, bold = inline(" ".join(paragraph))
            blocks.append(Block("paragraph", plain, bold))
            paragraph.clear()
        if table:
            blocks.append(Block("table", rows=[[inline(c.strip())[0] for c in row] for row in table]))
            table.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("|"):
            if paragraph:
                flush()
            if not _TABLE_RULE.match(stripped):
                table.append(stripped.strip("|").split("|"))
            continue
        if table:
            flush()
        heading = _HEADING.match(stripped)
        if heading:
            flush()
            plain, bold = inline(heading.group(2))
            depth = len(heading.group(1))
            blocks.append(Block("title", plain, bold) if depth == 1 else Block("heading", plain, bold, level=depth - 1))
            continue
        item = _LIST_ITEM.match(line)
        if item:
            if item.group(1):
                raise SourceError(f"{name}: nested list items are not supported: {stripped[:40]!r}")
            flush()
            kind = "bullet" if item.group(2) == "-" else "number"
            if not blocks or blocks[-1].kind != kind:
                lists += 1
            plain, bold = inline(item.group(3))
            blocks.append(Block(kind, plain, bold, list_id=lists))
            continue
        paragraph.append(stripped)
    flush()
    return blocks


def sources(names: list[str] | None = None) -> list[Path]:
    paths = sorted(SOURCES.glob("*.md"))
    if names:
        wanted = {n.removesuffix(".md") for n in names}
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            raise SourceError(f"no source named {', '.join(sorted(missing))} in {SOURCES}")
    return paths


def render_all(out: Path, names: list[str] | None = None) -> list[Path]:
    """Render each source to ``out/<name>.docx`` and ``out/<name>.pdf``; return the files written."""
    if str(HERE) not in sys.path:  # the writers sit next to this script
        sys.path.insert(0, str(HERE))
    from render_docx import render_docx
    from render_pdf import render_pdf

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sources(names):
        source = parse_source(path)
        written.append(render_docx(source, out / f"{source.name}.docx"))
        written.append(render_pdf(source, out / f"{source.name}.pdf"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: corpora/)")
    parser.add_argument("names", nargs="*", help="source names to render (default: all)")
    args = parser.parse_args(argv)
    try:
        written = render_all(args.out, args.names)
    except SourceError as exc:
        print(f"render: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
