"""JSON output: the documented shape, straight from Report.to_dict()."""

from __future__ import annotations

import json

from ..findings.report import Report


def render(report: Report, **_options) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
