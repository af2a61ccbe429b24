"""`sowlint outline`: what the reader saw, as a section tree (text) or JSON."""

from __future__ import annotations

import json

from ..document.model import Document, Section
from ..readers import read_document


def outline_data(doc: Document) -> dict:
    def section(s: Section) -> dict:
        pages = sorted({b.page for b in s.blocks if b.page} | ({s.page} if s.page else set()))
        return {
            "heading": s.heading, "number": s.number, "title": s.title, "level": s.level, "role": s.role,
            "role_source": s.role_source, "line": s.line, "blocks": len(s.blocks),
            "block_kinds": {k: sum(1 for b in s.blocks if b.kind == k) for k in ("paragraph", "list_item", "table")},
            "pages": pages, "children": [section(c) for c in s.children],
        }

    m = doc.meta
    return {
        "path": doc.path, "format": doc.format, "warnings": doc.warnings,
        "meta": {"title": m.title, "author": m.author, "created": m.created, "modified": m.modified,
                 "pages": m.pages, "words": m.words},
        "preamble_blocks": len(doc.preamble.blocks),
        "sections": [section(s) for s in doc.sections],
        "annotations": [{"text": a.text, "author": a.author, "anchor": a.anchor} for a in doc.annotations],
    }


def render_outline(path: str, fmt: str = "text", timeline: bool = False) -> str:
    doc = read_document(path)
    data = outline_data(doc)
    if timeline:
        from ..timeline.model import build_timeline
        from ..timeline.view import timeline_rows

        data["timeline"] = timeline_rows(build_timeline(doc))
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    m = data["meta"]
    lines = [f"{doc.path}  ({doc.format}, {m['words']} words" + (f", {m['pages']} pages" if m["pages"] else "") + ")"]
    if m["title"]:
        lines.append(f"title: {m['title']}")
    for w in doc.warnings:
        lines.append(f"warning: {w}")
    if data["preamble_blocks"]:
        lines.append(f"  (before the first heading: {data['preamble_blocks']} blocks)")

    def walk(sections: list[dict], depth: int) -> None:
        for s in sections:
            pages = s["pages"]
            where = f" p.{pages[0]}" + (f"-{pages[-1]}" if len(pages) > 1 else "") if pages else ""
            role = s["role"] + ("*" if s["role_source"] == "parent" else "")
            lines.append(f"{'  ' * depth}{s['heading'][:70]:<{72 - 2 * depth}} {role:<24} {s['blocks']:>3} blocks{where}")
            walk(s["children"], depth + 1)

    walk(data["sections"], 1)
    lines.append("(role* = inherited from the parent section)")
    if timeline:
        lines.append("")
        lines.append(_timeline_table(data["timeline"]))
    return "\n".join(lines) + "\n"


def _timeline_table(rows: list[dict]) -> str:
    if not rows:
        return "timeline: nothing extracted"
    cols = list(rows[0].keys())
    widths = {c: min(40, max(len(c), *(len(str(r.get(c, "") or "")) for r in rows))) for c in cols}
    head = "  ".join(c.ljust(widths[c]) for c in cols)
    body = ["  ".join(str(r.get(c, "") or "")[: widths[c]].ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(["timeline:", head, "  ".join("-" * widths[c] for c in cols), *body])
