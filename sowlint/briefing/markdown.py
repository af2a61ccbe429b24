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
           f"**Status: {md(brief.status)}** ({brief.warnings} warnings) · `{relative_path(brief.document)}`"
           + "".join(f" · notes: `{relative_path(n)}`" for n in brief.notes), ""]
    for n, s in enumerate(brief.sections, 1):
        out += [f"## {n}. {md(s.title)}", ""]
        if s.facts:
            out += [" · ".join(f"**{md(k)}:** {md(v)}" for k, v in s.facts), ""]
        for g in s.groups:
            out += [f"**{md(g.title)}**", ""]
            for i in g.items:
                box = "[ ] " if g.checklist else ""
                tag = f"`{i.label}` " if i.label else ""
                detail = f" — {md(i.detail)}" if i.detail else ""
                where = f" _({md(i.where)})_" if i.where else ""
                out.append(f"- {box}{tag}{md(i.text)}{detail}{where}")
            out.append("")
        for q in s.questions:
            out.append(f"> **Open question:** {md(q)}")
        if s.questions:
            out.append("")
    out.append(f"_sowlint {brief.version}_")
    return "\n".join(out) + "\n"
