"""One entry point for the brief's formats: html, markdown and json are text, docx is bytes."""

from __future__ import annotations

import json

from .model import Brief

FORMATS = ("html", "markdown", "json", "docx")


def render(brief: Brief, fmt: str) -> str | bytes:
    if fmt == "html":
        from .html import render_html

        return render_html(brief)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(brief)
    if fmt == "json":
        return json.dumps(brief.as_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(brief)
    raise ValueError(f"unknown brief format {fmt!r}")
