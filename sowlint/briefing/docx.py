"""The brief as a Word document (python-docx), for teams whose handoff pack lives in Word."""

from __future__ import annotations

import io

from ..reporters.common import one_line
from .model import Brief


def render_docx(brief: Brief) -> bytes:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    style = d.styles["Normal"]
    style.font.size = Pt(9.5)
    d.add_heading(f"Handoff brief: {one_line(brief.title)}", level=1)
    d.add_paragraph().add_run(f"Status: {brief.status} ({brief.warnings} warning{'' if brief.warnings == 1 else 's'})").bold = True
    for n, s in enumerate(brief.sections, 1):
        d.add_heading(f"{n}. {s.title}", level=2)
        if s.facts:
            p = d.add_paragraph()
            for k, v in s.facts:
                p.add_run(f"{k}: ").bold = True
                p.add_run(f"{one_line(v)}   ")
        for g in s.groups:
            d.add_paragraph().add_run(g.title).bold = True
            for i in g.items:
                p = d.add_paragraph(style="List Bullet")
                if g.checklist:
                    p.add_run("☐ ")
                if i.label:
                    p.add_run(f"[{i.label}] ").bold = True
                p.add_run(one_line(i.text))
                if i.detail:
                    p.add_run(f" — {one_line(i.detail)}")
                if i.where:
                    p.add_run(f" ({one_line(i.where)})").italic = True
        for q in s.questions:
            p = d.add_paragraph()
            p.add_run("Open question: ").bold = True
            p.add_run(one_line(q))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
