"""One line per finding, `path:line:col: RULE severity message`, for editors and terminals to jump to (ruff's concise)."""

from __future__ import annotations

import os
from typing import Any

from ..findings.report import Report
from .common import one_line, relative_path, safe_text


def render(report: Report, cwd: str | os.PathLike | None = None, **_options: Any) -> str:
    lines = []
    for doc in report.documents:
        path = safe_text(relative_path(doc.path, cwd))
        if doc.error:
            continue  # said once, on stderr, by the command; the exit code is 2
        for f in doc.findings:
            loc = f.location  # whole-document findings point at the top of the file
            lines.append(f"{path}:{loc.line or 1}:{loc.column or 1}: {f.rule} {f.severity} "
                         f"{safe_text(one_line(f.message))}")
    return "\n".join(lines) + ("\n" if lines else "")
