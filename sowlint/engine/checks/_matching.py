"""Shared by the match kinds (phrase, token-pattern): owner filter, negation, ``unless`` and ``requires``."""

from __future__ import annotations

import re
from typing import Iterable, Literal, Optional

from ..context import Hit, LintContext
from ..match import Match, find
from ..rulepack.model import MatchSpec, Strict

_WORD = re.compile(r"[^\W\d_]+")


class MatchOptions(Strict):
    """Options every match kind takes besides what it matches."""

    owner: Literal["client", "provider", "any"] = "any"
    negation: Literal["skip", "only", "ignore"] = "skip"
    unless: Optional[MatchSpec] = None
    unless_scope: Literal["sentence", "section", "document"] = "sentence"
    requires: Optional[MatchSpec] = None  # the rule applies only when this also appears in the document
    max_findings: int = 0  # 0 = every occurrence
    # A weak cue is a finding only in company: at least this many different matches in one sentence,
    # or one in a sentence shorter than ``alone_under_words`` words (a benefit bullet: "Fast, clean design").
    min_matches: int = 1
    alone_under_words: int = 0
    # The quoted span must hold at least this many words: a short label ("Revisions & launch") names a
    # piece of work, and the promise, if any, is in the text under it.
    min_words: int = 0


def hits_for(rule, ctx: LintContext, spec: MatchSpec) -> Iterable[Hit]:
    opts = rule.options
    matches = find(ctx, spec, rule.scope, negation=opts.negation)
    if opts.requires is not None and matches and not find(ctx, opts.requires, None, negation="ignore"):
        return
    if opts.unless is not None and matches:
        matches = _drop_cleared(ctx, matches, opts.unless, opts.unless_scope)
    if opts.min_matches > 1 and matches:
        matches = [m for m in matches if _enough(ctx, spec, m, opts.min_matches, opts.alone_under_words)]
    if opts.min_words and matches:
        matches = [m for m in matches if len(_WORD.findall(ctx.doc.text, m.start, m.end)) >= opts.min_words]
    if opts.max_findings:
        matches = matches[: opts.max_findings]
    for m in matches:
        yield Hit(m.start, m.end, mark=m.mark)


def _enough(ctx: LintContext, spec: MatchSpec, m: Match, least: int, alone_under: int) -> bool:
    """Does the match's sentence hold ``least`` different matches of the spec's regexes (or is it short)?"""
    from ..prefilter import compiled

    sentence = m.sentence.text
    if alone_under and len(sentence.split()) < alone_under:
        return True
    found = {x.group(0).lower() for rx in spec.regex for x in compiled(rx).finditer(sentence)}
    return len(found) >= least


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
