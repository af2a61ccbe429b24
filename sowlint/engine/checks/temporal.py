"""Kind ``temporal``: schedule checks over the document's timeline model (sowlint/timeline).

``check`` names one analysis of ``sowlint.timeline.analysis``; ``thresholds`` sets that analysis's
numeric parameters, validated against its signature so a misspelt threshold is an error.

Example::

    kind: temporal
    check: short_uat
    thresholds: {min_days: 5}
"""

from __future__ import annotations

from pydantic import field_validator, model_validator

from ..context import Hit, LintContext
from ..rulepack.model import Strict


def _checks():
    from ...timeline.analysis import CHECKS  # the timeline's own registry: name -> check function

    return CHECKS


class Options(Strict):
    check: str
    thresholds: dict[str, int | float] = {}

    @field_validator("check")
    @classmethod
    def _known_check(cls, value: str) -> str:
        if value not in _checks():
            raise ValueError(f"unknown check {value!r} (checks: {', '.join(_checks())})")
        return value

    @model_validator(mode="after")
    def _known_thresholds(self) -> "Options":
        from ...timeline.analysis import thresholds_of

        params = thresholds_of(self.check)
        for key in self.thresholds:
            if key not in params:
                raise ValueError(f"unknown threshold '{key}' for check '{self.check}' (takes: {', '.join(params) or 'none'})")
        return self


def check(rule, ctx: LintContext):
    from ...timeline.analysis import needs_inputs

    o = rule.options
    handed = {}
    if needs_inputs(o.check):  # the obligations layer's client inputs that carry a deadline
        handed["inputs"] = tuple((d.start, d.end, d.deadline.text) for d in ctx.obligations
                                 if d.input and d.deadline is not None and d.deadline.kind in ("date", "milestone"))
    for issue in _checks()[o.check](ctx.doc, ctx.timeline, **o.thresholds, **handed):
        yield Hit(issue.start, issue.end, evidence=issue.evidence, values={"detail": issue.message})
