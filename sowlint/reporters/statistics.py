"""`--statistics`: the number of findings per rule, most frequent first (ruff's --statistics)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..findings.report import Report


def render(report: Report, **_options: Any) -> str:
    counts = Counter((f.rule, f.severity) for f in report.findings)
    if not counts:
        return ""
    width = max(len(str(n)) for n in counts.values())
    rule_width = max(len(rule) for rule, _sev in counts)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return "".join(f"{n:>{width}}  {rule:<{rule_width}}  {sev}\n" for (rule, sev), n in rows)
