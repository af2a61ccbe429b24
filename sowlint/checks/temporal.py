"""Kind ``temporal``: schedule checks over the document's timeline model (sowlint/timeline).

``check`` names one analysis of ``sowlint.timeline.analysis``; ``thresholds`` sets that analysis's
numeric parameters, validated against its signature so a misspelt threshold is an error.

Example::

    kind: temporal
    check: short_uat
    thresholds: {min_days: 5}
"""

from __future__ import annotations

import inspect
from typing import Literal

from pydantic import model_validator

from ..context import Hit, LintContext
from ..rulepack.model import Strict

CHECKS = ("no_timeline", "over_total", "out_of_order", "end_before_start", "overlap", "past_date",
          "no_buffer", "density", "short_uat", "no_stabilisation", "client_wait", "fixed_dates", "asap")


def _analysis(name: str):
    from ..timeline import analysis

    return getattr(analysis, name)


class Options(Strict):
    check: Literal[CHECKS]  # type: ignore[valid-type]
    thresholds: dict[str, int | float] = {}

    @model_validator(mode="after")
    def _known_thresholds(self) -> "Options":
        params = [p for p in inspect.signature(_analysis(self.check)).parameters if p not in ("doc", "tl")]
        for key in self.thresholds:
            if key not in params:
                raise ValueError(f"unknown threshold '{key}' for check '{self.check}' (takes: {', '.join(params) or 'none'})")
        return self


def check(rule, ctx: LintContext):
    o = rule.options
    for issue in _analysis(o.check)(ctx.doc, ctx.timeline, **o.thresholds):
        yield Hit(issue.start, issue.end, evidence=issue.evidence, values={"detail": issue.message})
