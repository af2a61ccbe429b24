"""Kind ``token-pattern``: spaCy Matcher patterns, embedded verbatim and validated by spaCy.

Example::

    kind: token-pattern
    patterns:
      - [{LOWER: {IN: [weekly, monthly]}}, {LEMMA: {IN: [report, update]}}]
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ..rulepack.model import MatchSpec, validate_spacy_patterns
from ._matching import MatchOptions, hits_for


class Options(MatchOptions):
    patterns: list[list[dict[str, Any]]] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _valid(cls, value):
        return validate_spacy_patterns(value)


def check(rule, ctx):
    if rule._compiled is None:
        # model_construct: the patterns were validated when the rule loaded (maybe in another process)
        rule._compiled = MatchSpec.model_construct(patterns=rule.options.patterns, owner=rule.options.owner)
    return hits_for(rule, ctx, rule._compiled)
