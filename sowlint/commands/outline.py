"""`sowlint outline`: what the reader saw, as a section tree (text) or JSON."""

from __future__ import annotations

import json

from ..document.model import Document, Section
from ..readers import read_document
from ..reporters.common import plural


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
                 "pages": m.pages, "pages_estimated": m.pages_estimated, "words": m.words},
        "preamble_blocks": len(doc.preamble.blocks),
        "sections": [section(s) for s in doc.sections],
        "annotations": [{"text": a.text, "author": a.author, "anchor": a.anchor} for a in doc.annotations],
    }


def read_with_settings(path: str, config: str | None = None, bounded: bool = False, **overrides):
    """(document, settings): read under the config a lint of ``path`` would use (its size limits, and
    when ``bounded`` its memory and time limits, in a forked helper)."""
    from pathlib import Path

    from ..run.rules import settings_for
    from ..run.single import read_bounded, read_limits

    settings = settings_for(Path(path), config, **overrides)
    if bounded:
        return read_bounded(path, settings), settings
    return read_document(path, read_limits(settings)), settings


def render_outline(path: str, fmt: str = "text", timeline: bool = False, obligations: bool = False,
                   date_order: str | None = None, config: str | None = None, bounded: bool = False) -> str:
    """``bounded`` (the command line's choice) reads the document in a forked helper under the
    run's memory and time limits (run/bounds.py)."""
    doc, settings = read_with_settings(path, config, bounded=bounded, date_order=date_order)
    date_order = settings.date_order
    data = outline_data(doc)
    if timeline:
        from ..timeline.model import build_timeline
        from ..timeline.view import timeline_rows

        from ..timeline import vocab
        from ..timeline.scope import measure

        tl = build_timeline(doc, date_order)
        data["timeline"] = timeline_rows(tl)
        data["date_order"] = tl.date_order_note
        low = doc.text.lower()
        data["scope"] = measure(doc, tl, buffer=bool(vocab.BUFFER.search(low) or vocab.FLEX.search(low))).as_dict()
    if obligations:
        from ..nlp.parties import find_parties
        from ..obligations import extract_obligations

        parties = find_parties(doc.text)
        data["parties"] = {"defined": parties.defined, "first_person": parties.first_person}
        data["obligations"] = [_with_line(doc, o.as_dict()) for o in extract_obligations(doc, parties)]
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    m = data["meta"]
    pages = f", {'~' if m.get('pages_estimated') else ''}{plural(m['pages'], 'page')}" if m["pages"] else ""
    lines = [f"{doc.path}  ({doc.format}, {plural(m['words'], 'word')}{pages})"]
    if m["title"]:
        lines.append(f"title: {m['title']}")
    for w in doc.warnings:
        lines.append(f"warning: {w}")
    if data["preamble_blocks"]:
        lines.append(f"  (before the first heading: {plural(data['preamble_blocks'], 'block')})")

    def walk(sections: list[dict], depth: int) -> None:
        for s in sections:
            pages = s["pages"]
            where = f" p.{pages[0]}" + (f"-{pages[-1]}" if len(pages) > 1 else "") if pages else ""
            role = s["role"] + ("*" if s["role_source"] == "parent" else "")
            lines.append(f"{'  ' * depth}{s['heading'][:70]:<{72 - 2 * depth}} {role:<24} {s['blocks']:>3} block{'' if s['blocks'] == 1 else 's'}{where}")
            walk(s["children"], depth + 1)

    walk(data["sections"], 1)
    lines.append("(role* = inherited from the parent section)")
    if timeline:
        lines.append("")
        lines.append(f"dates read as {data['date_order']}")
        lines.append(_scope_line(data["scope"]))
        lines.append(_timeline_table(data["timeline"]))
    if obligations:
        lines.append("")
        lines.append(_obligations_table(data))
    return "\n".join(lines) + "\n"


def _scope_line(scope: dict) -> str:
    """What the schedule carries, as the density check weighs it."""
    kinds = [f"platforms: {', '.join(scope['platforms']) or 'none'}"]
    kinds += [f"{k}: {scope[k]}" for k in ("integrations", "migrations", "assurance", "features")]
    team = f"team of {scope['headcount']}" if scope["headcount"] else (
        f"roles: {', '.join(scope['roles'][:5])}" if scope["roles"] else "team not stated")
    effort = f", {scope['effort_hours']:g} hours of effort" if scope["effort_hours"] else ""
    weeks = f"{scope['weeks']:g} weeks" if scope["weeks"] else "weeks unknown"
    buffer = "contingency or flexibility stated" if scope["buffer"] else "no contingency stated"
    return f"scope: {'; '.join(kinds)} ({scope['points']:g} points) in {weeks}; {team}{effort}; {buffer}"


def _with_line(doc: Document, row: dict) -> dict:
    row["line"] = doc.line_of(row["start"])
    return row


def _obligations_table(data: dict) -> str:
    """Who must do what, by when, and where it is said: the client's duties first."""
    rows = data["obligations"]
    named = ", ".join(f"{name} = {side}" for name, side in data["parties"]["defined"].items()) or "none defined"
    head = [f"parties: {named}; \"we\" is the {data['parties']['first_person']}"]
    if not rows:
        return "\n".join(head + ["obligations: none found"])
    order = {"client": 0, "provider": 1, None: 2}
    rows = sorted(rows, key=lambda r: (order[r["side"]], r["start"]))
    table = [("who", "must", "what", "by when", "where", "said as")]
    for r in rows:
        who = (r["side"] or "?") + (f" ({r['actor']})" if r["actor"] and r["actor"].lower() not in
                                    (r["side"] or "", f"the {r['side']}") else "")
        must = ("not " if r["negated"] else "") + r["action"] + (" if…" if r["condition"] else "")
        when = r["deadline"]["text"] if r["deadline"] else "-"
        where = f"line {r['line']}, {r['section'] or '(top)'}"
        table.append((who, must, " ".join(r["object"].split()), when, where, f"{r['unit']}/{r['basis']}"))
    widths = [min(w, max(len(row[i]) for row in table)) for i, w in enumerate((28, 16, 50, 24, 40, 22))]
    out = head + [f"obligations ({len(rows)}):"]
    for i, row in enumerate(table):
        out.append("  ".join(cell[: widths[j]].ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _timeline_table(rows: list[dict]) -> str:
    if not rows:
        return "timeline: nothing extracted"
    cols = list(rows[0].keys())
    widths = {c: min(40, max(len(c), *(len(str(r.get(c, "") or "")) for r in rows))) for c in cols}
    head = "  ".join(c.ljust(widths[c]) for c in cols)
    body = ["  ".join(str(r.get(c, "") or "")[: widths[c]].ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(["timeline:", head, "  ".join("-" * widths[c] for c in cols), *body])
