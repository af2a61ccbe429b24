"""Kind ``phrase``: flags listed phrases (spaCy PhraseMatcher on LOWER or LEMMA) and regexes.

Example::

    kind: phrase
    phrases: [unlimited revisions, as needed]
    attr: LOWER
    unless: {regex: ['up to \\d+']}
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import field_validator, model_validator

from ..rulepack.model import MatchSpec, ObligationSpec, validate_regexes
from ._matching import MatchOptions, hits_for


class Options(MatchOptions):
    phrases: list[str] = []
    attr: Literal["LOWER", "LEMMA"] = "LOWER"
    regex: list[str] = []
    clause: bool = False  # quote the whole clause around each match
    obligation: Optional[ObligationSpec] = None  # who must do what (see rulepack/model.py)
    not_obligation: Optional[ObligationSpec] = None  # ... and whose duties to leave alone
    not_about: Optional[Literal["client", "provider"]] = None  # ... and whose own business

    @field_validator("regex")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return validate_regexes(value)

    @model_validator(mode="after")
    def _something(self) -> "Options":
        if not self.phrases and not self.regex and self.obligation is None:
            raise ValueError("a phrase rule needs 'phrases', 'regex' or 'obligation'")
        return self


def check(rule, ctx):
    if rule._compiled is None:
        o = rule.options
        # model_construct: these options were validated when the rule loaded (maybe in another process)
        rule._compiled = MatchSpec.model_construct(phrases=o.phrases, attr=o.attr, regex=o.regex, owner=o.owner,
                                                   clause=o.clause, obligation=o.obligation,
                                                   not_obligation=o.not_obligation, not_about=o.not_about,
                                                   patterns=[], roles=[])
    return hits_for(rule, ctx, rule._compiled)
