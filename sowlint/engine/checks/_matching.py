"""Shared by the match kinds (phrase, token-pattern): owner filter, negation, ``unless`` and ``requires``."""

from __future__ import annotations

from typing import Iterable, Literal, Optional

from ..context import Hit, LintContext
from ..match import Match, find
from ..rulepack.model import MatchSpec, Strict


class MatchOptions(Strict):
    """Options every match kind takes besides what it matches."""

    owner: Literal["client", "provider", "any"] = "any"
    negation: Literal["skip", "only", "ignore"] = "skip"
    unless: Optional[MatchSpec] = None
    unless_scope: Literal["sentence", "section", "document"] = "sentence"
    requires: Optional[MatchSpec] = None  # the rule applies only when this also appears in the document
    max_findings: int = 0  # 0 = every occurrence


def hits_for(rule, ctx: LintContext, spec: MatchSpec) -> Iterable[Hit]:
    opts = rule.options
    matches = find(ctx, spec, rule.scope, negation=opts.negation)
    if opts.requires is not None and matches and not find(ctx, opts.requires, None, negation="ignore"):
        return
    if opts.unless is not None and matches:
        matches = _drop_cleared(ctx, matches, opts.unless, opts.unless_scope)
    if opts.max_findings:
        matches = matches[: opts.max_findings]
    for m in matches:
        yield Hit(m.start, m.end)


def _drop_cleared(ctx: LintContext, matches: list[Match], unless: MatchSpec, where: str) -> list[Match]:
    clears = find(ctx, unless, None, negation="ignore")
    if not clears:
        return matches
    if where == "document":
        return []
    if where == "section":
        cleared = {id(c.sentence.section) for c in clears}
        return [m for m in matches if id(m.sentence.section) not in cleared]
    cleared = {c.sentence.start for c in clears}
    return [m for m in matches if m.sentence.start not in cleared]
