"""Kind ``unaddressed-promise``: a promise made in a narrative section that scope, deliverables or
exclusions never address.

A sentence in the rule's ``scope.roles`` (executive summary, approach, why us ...) that matches
``promise`` and is owned by the provider is a promise; it is addressed when one sentence in
``covered_by`` roles shares at least ``min_overlap`` of its content words.  The finding quotes the
promise and, as related text, the nearest passage found.

Example::

    kind: unaddressed-promise
    scope: {roles: [background, approach]}
    promise: {regex: ['\\bwe\\s+will\\b']}
    covered_by: [scope, deliverables, exclusions]
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field, field_validator

from ..context import Hit, LintContext
from ..coverage import best_passage, sentence_terms
from ..match import find
from ..rulepack.model import MatchSpec, Strict, _check_roles


class Options(Strict):
    promise: MatchSpec
    covered_by: list[str] = Field(min_length=1)
    min_overlap: float = Field(0.5, gt=0, le=1)
    min_words: int = 2  # promises with fewer content words are too thin to judge
    unless: Optional[MatchSpec] = None  # clears a promise in the same sentence (e.g. "This SOW sets out")

    @field_validator("covered_by")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        return _check_roles(value)


def check(rule, ctx: LintContext):
    o = rule.options
    seen: set[int] = set()
    if o.unless is not None:
        seen.update(c.sentence.start for c in find(ctx, o.unless, None, negation="ignore"))
    for m in find(ctx, o.promise, rule.scope):
        s = m.sentence
        if s.start in seen:
            continue
        seen.add(s.start)
        words = sentence_terms(ctx)[s.start]
        if len(words) < o.min_words:
            continue
        passage = best_passage(ctx, words, tuple(o.covered_by), exclude=s)
        if passage is not None and passage.score >= o.min_overlap:
            continue
        related = (passage.sentence.text,) if passage is not None else ()
        nearest = f'nearest: "{passage.sentence.text[:120]}"' if passage else "nothing similar in scope or exclusions"
        yield Hit(s.start, s.end, related=related, values={"nearest": nearest})
