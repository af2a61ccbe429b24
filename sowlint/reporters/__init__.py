"""Output formats.  Every reporter renders the same Report of finding records."""

from __future__ import annotations

import importlib

FORMATS = ("text", "concise", "json", "html", "sarif", "github", "markdown", "docx")


def get_reporter(name: str):
    """The reporter module for a format (imported on demand: jinja2 costs nothing for `text`)."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return importlib.import_module(f"{__name__}.{'json_' if name == 'json' else name}")
