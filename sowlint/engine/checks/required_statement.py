"""Kind ``required-statement``: a statement matching a spec must appear (in given roles, or anywhere).

Example::

    kind: required-statement
    statement:
      owner: client
      phrases: [will provide, shall provide, will furnish]
    min_count: 1
"""

from __future__ import annotations

from typing import Literal

from ..context import Hit, LintContext
from ..match import find
from ..rulepack.model import MatchSpec, Strict


class Options(Strict):
    statement: MatchSpec
    min_count: int = 1
    negation: Literal["skip", "ignore"] = "skip"


def check(rule, ctx: LintContext):
    o = rule.options
    found = find(ctx, o.statement, rule.scope, negation=o.negation)  # an empty scope is everywhere
    if len(found) < o.min_count:
        yield Hit(None, None, evidence="", values={"count": len(found)})
