"""The brief as one self-contained, script-free HTML page, with the report's safety: autoescape, a
finalize hook that strips bidi and control characters, and a CSP that allows no script or network."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..reporters.common import relative_path, safe_text
from ..reporters.html import CSP
from .model import Brief

_TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return safe_text(value)
    return value


_env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=True, finalize=_finalize,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(brief: Brief, generated: str | None = None) -> str:
    return _env.get_template("brief.html.j2").render(
        brief=brief, csp=Markup(CSP), document=relative_path(brief.document), notes=[relative_path(n) for n in brief.notes],
        generated=generated or date.today().isoformat())
