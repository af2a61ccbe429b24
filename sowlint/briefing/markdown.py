"""The brief as Markdown, for a wiki page or a ticket: the same sections, items and open questions."""

from __future__ import annotations

import re

from ..reporters.common import relative_path, safe_text
from .model import Brief

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Document text as inert Markdown: no markup, links or HTML can come from a SOW or a note."""
    return _SPECIAL.sub(r"\\\1", " ".join(safe_text(text).split()))


def render_markdown(brief: Brief) -> str:
    out = [f"# Handoff brief: {md(brief.title)}", "",
           f"**Status: {md(brief.status)}** ({brief.warnings} warning{'' if brief.warnings == 1 else 's'}) · `{relative_path(brief.document)}`"
           + "".join(f" · notes: `{relative_path(n)}`" for n in brief.notes) + f" · sowlint {brief.version}", ""]
    for n, s in enumerate(brief.sections, 1):
        if s.key == "gate":  # its one fact, the status, goes in the heading
            out += [f"## {n}. {md(s.title)}: {md(brief.status)}", ""]
        else:
            out += [f"## {n}. {md(s.title)}", ""]
        if s.facts and s.key != "gate":
            out += [" · ".join(f"**{md(k)}:** {md(v)}" for k, v in s.facts), ""]
        if s.key == "questions":  # one line a question, its category in front: the longest section, kept dense
            for g in s.groups:
                out += [f"- **{md(g.title)}** `{i.label}` {md(i.text)}" + ("" if i.detail.startswith("1 ") else f" ({md(i.detail)})")
                        for i in g.items]
            out.append("")
        for g in s.groups if s.key != "questions" else ():
            if g.inline:  # "**People named:** Alan Whitcombe (client; Practice Director) · Deb (client) ..."
                parts = [md(i.text) + (f" ({'; '.join(md(x) for x in (i.label, i.detail) if x)})" if i.label or i.detail else "")
                         for i in g.items]
                out += [f"**{md(g.title)}:** " + " · ".join(parts), ""]
                continue
            out += [f"**{md(g.title)}**", ""]
            for i in g.items:
                box = "[ ] " if g.checklist else ""
                tag = f"`{i.label}` " if i.label else ""
                detail = f" — {md(i.detail)}" if i.detail else ""
                where = f" _({md(i.where)})_" if i.where else ""
                out.append(f"- {box}{tag}{md(i.text)}{detail}{where}")
            out.append("")
        for q in s.questions:  # a list item each: consecutive plain lines would run into one paragraph
            out.append(f"- **Open question:** {md(q)}")
        if s.questions:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
