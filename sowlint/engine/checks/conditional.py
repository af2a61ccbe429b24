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
    own = [a for spec in o.answered_by for a in find(ctx, spec, None, negation="ignore")]
    for trigger in triggers:
        if any(_answers_itself(trigger, a) for a in own):
            continue
        if not any(_near(o.near, trigger, a) for a in answers):
            yield Hit(trigger.start, trigger.end)
            if o.once:
                return


def _answers_itself(trigger, answer) -> bool:
    """The answer is in the trigger's own sentence, or is the obligation the trigger sits in."""
    return answer.sentence.start == trigger.sentence.start or answer.start <= trigger.start < answer.end


def _near(near: str, a, b) -> bool:
    if near == "document":
        return True
    if near == "sentence":
        return a.sentence.start == b.sentence.start
    if near == "block":
        return a.sentence.block is not None and a.sentence.block is b.sentence.block
    return a.sentence.section is b.sentence.section
