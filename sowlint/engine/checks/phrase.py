"""Kind ``phrase``: flags listed phrases (spaCy PhraseMatcher on LOWER or LEMMA) and regexes.

Example::

    kind: phrase
    phrases: [unlimited revisions, as needed]
    attr: LOWER
    unless: {regex: ['up to \\d+']}
"""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator, model_validator

from ..rulepack.model import MatchSpec, validate_regexes
from ._matching import MatchOptions, hits_for


class Options(MatchOptions):
    phrases: list[str] = []
    attr: Literal["LOWER", "LEMMA"] = "LOWER"
    regex: list[str] = []
    clause: bool = False  # quote the whole clause around each match

    @field_validator("regex")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return validate_regexes(value)

    @model_validator(mode="after")
    def _something(self) -> "Options":
        if not self.phrases and not self.regex:
            raise ValueError("a phrase rule needs 'phrases' or 'regex'")
        return self


def check(rule, ctx):
    if rule._compiled is None:
        o = rule.options
        # model_construct: these options were validated when the rule loaded (maybe in another process)
        rule._compiled = MatchSpec.model_construct(phrases=o.phrases, attr=o.attr, regex=o.regex, owner=o.owner,
                                                   clause=o.clause)
    return hits_for(rule, ctx, rule._compiled)
