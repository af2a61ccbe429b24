"""Kind ``temporal``: schedule checks over the document's timeline model (see sowlint/timeline).

Example::

    kind: temporal
    check: over_total
"""

from __future__ import annotations

from typing import Literal

from ..context import Hit, LintContext
from ..rulepack.model import Strict

CHECKS = ("no_timeline", "over_total", "out_of_order", "end_before_start", "overlap", "past_date",
          "no_buffer", "density", "short_uat", "no_stabilisation", "client_wait", "asap")


class Options(Strict):
    check: Literal[CHECKS]  # type: ignore[valid-type]
    max_deliverables_per_week: float = 2.0
    min_uat_days: int = 5


def check(rule, ctx: LintContext):
    from ..timeline import analysis

    o = rule.options
    func = getattr(analysis, o.check)
    params = {k: v for k, v in o.model_dump().items() if k != "check"}
    for issue in func(ctx.doc, ctx.timeline, **_accepted(func, params)):
        yield Hit(issue.start, issue.end, evidence=issue.evidence, values={"detail": issue.message},
                  section=None)


def _accepted(func, params: dict) -> dict:
    import inspect

    names = inspect.signature(func).parameters
    return {k: v for k, v in params.items() if k in names}
