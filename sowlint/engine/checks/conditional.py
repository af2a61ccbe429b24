"""Kind ``conditional``: if A appears, B must appear too (near A, in given roles, or anywhere).

Example (data migration must come with an assumption about volume, quality or format)::

    kind: conditional
    if: {phrases: [data migration], roles: [scope, deliverables]}
    then: {regex: ['\\d[\\d,]*\\s*(records|GB|sources)'], phrases: [data volume]}
    near: section
    unless: {phrases: [data migration], roles: [exclusions]}
    answered_by: [{obligation: {side: client, actions: [pay, provide]}}]
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from typing import Literal, Optional

from pydantic import Field

from ..context import Hit, LintContext
from ..match import find
from ..rulepack.model import MatchSpec, Strict


class Options(Strict):
    if_: MatchSpec = Field(alias="if")
    then: MatchSpec
    near: Literal["sentence", "block", "section", "document"] = "section"
    unless: Optional[MatchSpec] = None  # anywhere in the document: e.g. the subject is excluded
    requires: Optional[MatchSpec] = None  # the rule applies only when this also appears (e.g. migration work)
    # A trigger is also answered by its own sentence when one of these matches it there: "plugin
    # licences are paid by the client directly", "hosting is not included" (any one spec is enough).
    answered_by: list[MatchSpec] = []
    once: bool = True  # one finding per document (at the first A) rather than one per A

    model_config = {"extra": "forbid", "frozen": True, "populate_by_name": True}


def check(rule, ctx: LintContext):
    o = rule.options
    triggers = find(ctx, o.if_, rule.scope)  # an empty scope is everywhere; not_roles must still count
    if not triggers:
        return
    if o.unless is not None and find(ctx, o.unless, None, negation="ignore"):
        return
    if o.requires is not None and not find(ctx, o.requires, None):
        return
    answers = find(ctx, o.then, None, negation="ignore")
    own = _OwnAnswers([a for spec in o.answered_by for a in find(ctx, spec, None, negation="ignore")])
    near = _places(o.near, answers)
    for trigger in triggers:
        if own.answer(trigger):
            continue
        if _place(o.near, trigger) not in near:
            yield Hit(trigger.start, trigger.end)
            if o.once:
                return


# Both checks look the trigger up in sets built once: a scan of every answer per trigger was
# quadratic on a long document, where triggers and answers both grow with the text.

class _OwnAnswers:
    """Whether an answer is in the trigger's own sentence, or is the obligation the trigger sits in."""

    def __init__(self, answers: list) -> None:
        self.sentences = {a.sentence.start for a in answers}
        spans = sorted((a.start, a.end) for a in answers)
        self.starts = [s for s, _e in spans]
        self.reach = list(accumulate((e for _s, e in spans), max))  # furthest end among answers so far

    def answer(self, trigger) -> bool:
        if trigger.sentence.start in self.sentences:
            return True
        i = bisect.bisect_right(self.starts, trigger.start)  # answers starting at or before the trigger
        return i > 0 and self.reach[i - 1] > trigger.start


def _place(near: str, match):
    """What two matches must share to be near: the sentence (its start), the block or the section."""
    if near == "document":
        return True
    if near == "sentence":
        return match.sentence.start
    if near == "block":
        return id(match.sentence.block) if match.sentence.block is not None else None
    return id(match.sentence.section)


def _places(near: str, answers: list) -> set:
    return {p for p in (_place(near, a) for a in answers) if p is not None}
