"""Pydantic models of a rule file: the common fields, and the match specs kinds share."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ...findings.finding import CATEGORIES, SEVERITIES
from ...obligations.actions import ACTIONS

BLOCK_KINDS = ("paragraph", "list_item", "table", "heading")
ENGAGEMENTS = ("fixed-fee", "time-and-materials", "unknown")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Caps on one rule's lists (the whole pack's are in load.py): the default pack's longest list holds
# under 100 items; 400k regexes in one file took 87 s and 648 MB to load.
MAX_LIST = 2000
MAX_PATTERN_CHARS = 5000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_roles(roles: list[str]) -> list[str]:
    from ...document.roles import known_roles

    unknown = [r for r in roles if r not in known_roles()]
    if unknown:
        raise ValueError(f"unknown role '{unknown[0]}' (known roles: {', '.join(known_roles())})")
    return roles


def validate_regexes(value: list[str]) -> list[str]:
    """Every regex compiles, with the flags the matcher uses (and its prefilter literals are noted),
    and none can backtrack exponentially (regexguard.py)."""
    from ..prefilter import _FLAGS, validate
    from .regexguard import nested_quantifier

    if len(value) > MAX_LIST:
        raise ValueError(f"{len(value):,} regexes is over the {MAX_LIST:,}-item limit for one list")
    for pattern in value:
        if not isinstance(pattern, str) or len(pattern) > MAX_PATTERN_CHARS:
            raise ValueError(f"a regex over {MAX_PATTERN_CHARS:,} characters is refused")
        try:
            validate(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
        if nested_quantifier(pattern, _FLAGS):
            raise ValueError(f"{pattern[:80]!r} can backtrack exponentially: a repeated group holds an unbounded "
                             "repeat or alternatives that start alike; make the inner part unambiguous or bound "
                             "the outer repeat")
    return value


def validate_spacy_patterns(value: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Let spaCy's Matcher validate the patterns, so rule authors get spaCy's own message."""
    if value:
        from ...nlp.pipeline import load

        vocab = load()[0].vocab  # first: it imports spaCy the fast way
        from spacy.matcher import Matcher

        matcher = Matcher(vocab, validate=True)
        for i, pattern in enumerate(value):
            try:
                matcher.add(f"p{i}", [pattern])
            except Exception as exc:  # spaCy raises MatchPatternError or ValueError
                first = " ".join(str(exc).split())[:200]
                raise ValueError(f"invalid spaCy pattern #{i + 1}: {first}") from None
    return value


class ObligationSpec(Strict):
    """Which obligation records a match spec selects (sowlint/obligations): who must do what, by when.

    With phrases, patterns or regexes in the same spec, their matches count only inside a selected
    obligation; alone, each selected obligation is a match."""

    side: Literal["client", "provider", "any"] = "any"
    actions: list[Literal[ACTIONS]] = []  # type: ignore[valid-type]  # empty = any action
    # Deadline kinds the obligation must have ("none" = it states no deadline); empty = any or none.
    deadline: list[Literal["start", "after_start", "turnaround", "date", "milestone", "vague", "none"]] = []
    start_window_days: int = 0  # an "after_start" window of at most this many days counts as "start"
    negated: bool = False  # False: affirmative duties only; True: negated ones only
    conditional: Literal["any", "yes", "no"] = "any"
    units: list[Literal["sentence", "list_item", "table_row", "heading"]] = []  # empty = any
    not_bases: list[str] = []  # e.g. [inferred]: leave out actors sowlint only guessed
    inputs_only: bool = False  # only client duties the provider's work waits on (obligations/inputs.py)
    objects: list[str] = []  # regexes: what is provided, approved ... must match one (empty = anything)

    @field_validator("objects")
    @classmethod
    def _objects_compile(cls, value: list[str]) -> list[str]:
        return validate_regexes(value)


class MatchSpec(Strict):
    """What to look for: phrases (spaCy PhraseMatcher), token patterns (spaCy Matcher), regexes and/or
    obligation records."""

    phrases: list[str] = []
    attr: Literal["LOWER", "LEMMA"] = "LOWER"
    patterns: list[list[dict[str, Any]]] = []
    regex: list[str] = []
    roles: list[str] = []  # where to look; empty = anywhere
    owner: Literal["client", "provider", "any"] = "any"
    clause: bool = False  # quote the whole clause around each match (see sowlint/document/clauses.py)
    obligation: ObligationSpec | None = None
    not_obligation: ObligationSpec | None = None  # drop matches inside these obligations (e.g. the client's duties)
    # drop matches in clauses that describe this party's own business (sowlint/nlp/describes.py)
    not_about: Literal["client", "provider"] | None = None

    @field_validator("regex")
    @classmethod
    def _regexes_compile(cls, value: list[str]) -> list[str]:
        return validate_regexes(value)

    @field_validator("patterns")
    @classmethod
    def _patterns_valid(cls, value: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        return validate_spacy_patterns(value)

    @field_validator("roles")
    @classmethod
    def _roles_known(cls, value: list[str]) -> list[str]:
        return _check_roles(value)

    @model_validator(mode="after")
    def _not_empty(self) -> "MatchSpec":
        if not (self.phrases or self.patterns or self.regex or self.obligation):
            raise ValueError("give at least one of 'phrases', 'patterns', 'regex' or 'obligation'")
        return self


class Scope(Strict):
    """Where a rule looks: section roles and block kinds (empty lists = everywhere)."""

    roles: list[str] = []
    not_roles: list[str] = []
    blocks: list[Literal["paragraph", "list_item", "table", "heading"]] = []

    @field_validator("roles", "not_roles")
    @classmethod
    def _roles_known(cls, value: list[str]) -> list[str]:
        return _check_roles(value)


class When(Strict):
    """Conditions on the document for the rule to run at all."""

    engagement: list[Literal["fixed-fee", "time-and-materials", "unknown"]] = []
    doc_words_at_least: int = 0


class Examples(Strict):
    fail: list[str] = Field(min_length=2)
    pass_: list[str] = Field(min_length=2, alias="pass")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


SUGGESTION_BLANKS = {"client", "provider", "item", "Item", "frequency"}


class RuleBase(Strict):
    """The fields every rule has, whatever its kind; the kind's own options are checked separately."""

    id: str
    kind: str
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    severity: Literal[SEVERITIES]  # type: ignore[valid-type]
    message: str
    description: str
    rationale: str
    question: str
    suggestion: str
    scope: Scope = Scope()
    when: When = When()
    tags: list[str] = []
    references: list[str] = []
    # Rules of one group speak once for a piece of text: where several flag overlapping clauses, the most
    # severe (then the one quoting the shortest clause, the most specific) is kept.  Soft-promise rules
    # share one.
    group: str | None = None
    examples: Examples

    @field_validator("id")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError(f"rule id '{value}' must be kebab-case (a-z, 0-9, hyphens)")
        return value

    @field_validator("message")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value.strip():
            raise ValueError("message must be one line")
        return value.strip()

    @field_validator("suggestion")
    @classmethod
    def _known_blanks(cls, value: str) -> str:
        # the blanks engine/tailor.py fills; anything else would reach the reader as "{typo}"
        unknown = set(re.findall(r"\{(\w*)\}", value)) - SUGGESTION_BLANKS
        if unknown:
            raise ValueError(f"suggestion has unknown placeholder(s) {sorted(unknown)}; "
                             f"known: {sorted(SUGGESTION_BLANKS)}")
        return value


def regexes_in(value: Any) -> set[str]:
    """Every regex held in a rule's options, however deep (match specs, ``unless``, ``if``/``then``)."""
    found: set[str] = set()
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name == "regex" and isinstance(item, list):
                found.update(r for r in item if isinstance(r, str))
            else:
                found |= regexes_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            found |= regexes_in(item)
    return found


class Rule:
    """A loaded rule: common fields, the kind's validated options, and where it came from."""

    __slots__ = ("base", "options", "path", "severity", "_compiled")

    def __init__(self, base: RuleBase, options: BaseModel, path: str) -> None:
        self.base = base
        self.options = options
        self.path = path
        self.severity = base.severity  # config may override
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if name in Rule.__slots__:  # not yet set (e.g. during unpickling)
            raise AttributeError(name)
        return getattr(self.base, name)

    def __repr__(self) -> str:
        return f"Rule({self.base.id!r}, kind={self.base.kind!r})"

    def info(self):
        from ...findings.report import RuleInfo

        b = self.base
        return RuleInfo(b.id, b.category, self.severity, b.message, b.description, b.rationale,
                        b.question, b.suggestion, tuple(b.tags), tuple(b.references))
