"""Finds commitments in handoff notes: what the seller promised, offered or hinted, or what the
client said it expects or assumes, with the quantity, date, format or price model it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .read import NoteLine

# The seller promised, offered or hinted ("told them we'd ...", "mentioned we could add ...").
_PROMISE = re.compile(
    r"\b(?:told\s+(?:them|him|her|the\s+client|the\s+customer|\w+)\s+(?:that\s+)?we|promised|promise[sd]?\s+(?:them|to)|"
    r"we(?:'|’)?(?:d|ll)\b|we\s+(?:would|will|can|could|should\s+be\s+able\s+to)\b|"
    r"offered|agreed|committed|commit(?:s|ted)?\s+to|mentioned\s+(?:that\s+)?(?:we|it)|said\s+(?:that\s+)?we|"
    r"assured|guarantee[sd]?|no\s+problem|threw\s+in|throw(?:ing)?\s+in|happy\s+to|on\s+us|for\s+free|"
    r"at\s+no\s+(?:extra|additional)\s+cost|included\s+(?:it|that|this)?\s*in\s+the\s+price|sold\s+(?:them|it)\s+as)\b",
    re.IGNORECASE,
)
# The client expects, assumes or requires something ("they expect SSO at launch", "CFO wants ...").
_EXPECT = re.compile(
    r"\b(?:expects?|expected|expecting|assumes?|assumed|assuming|wants?|wanted|needs?|requires?|required|"
    r"insists?|insisted|asked\s+(?:for|us\s+to)|counting\s+on|must\s+have|has\s+to\s+have|would\s+like|"
    r"requested|is\s+(?:keen|set)\s+on|hoping\s+for|looking\s+for)\b",
    re.IGNORECASE,
)
# Talk about the call itself is not a commitment, even with a cue word in it.
_NOT_COMMITMENT = re.compile(
    r"^(?:we\s+)?(?:discussed|talked\s+about|walked\s+(?:them\s+)?through|call\s+went|meeting\s+went|next\s+(?:call|meeting|step)|"
    r"follow[- ]up|they\s+liked|they\s+loved|good\s+(?:call|meeting)|met\s+with|spoke\s+(?:to|with))\b|"
    r"\b(?:went\s+well|is\s+the\s+(?:main\s+)?(?:contact|decision[- ]maker)|org\s+chart)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "a couple of": 2, "a dozen": 12, "unlimited": float("inf")}
_UNITS = (r"rounds?|revisions?|years?|months?|weeks?|days?|hours?|users?|seats?|licen[cs]es?|pages?|sessions?|"
          r"workshops?|reports?|languages?|locations?|sites?|stores?|integrations?|templates?|dashboards?|"
          r"environments?|visits?|trainings?|people|staff|consultants?|developers?|sprints?|releases?|%|percent")
_QUANTITY = re.compile(
    r"\b(?P<n>\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*\(\d+\))?\s*(?:-|\s)?\s*(?:\w+\s+){0,2}?(?P<unit>" + _UNITS + r")\b",
    re.IGNORECASE,
)
FREQUENCIES = ("daily", "weekly", "fortnightly", "bi-weekly", "biweekly", "monthly", "quarterly", "annually", "yearly")
_FREQUENCY = re.compile(r"\b(" + "|".join(FREQUENCIES) + r")\b", re.IGNORECASE)
FORMATS = ("excel", "xlsx", "csv", "pdf", "word", "docx", "powerpoint", "pptx", "google sheets", "power bi",
           "tableau", "their template", "their format", "their own template", "their own format")
_FORMAT = re.compile(r"\b(" + "|".join(re.escape(f) for f in FORMATS) + r")\b", re.IGNORECASE)
_ENGAGEMENT = re.compile(r"\b(fixed[- ](?:price|fee|cost|bid)|lump[- ]sum|time[- ](?:and|&)[- ]materials?|t\s?&\s?m|hourly)\b",
                         re.IGNORECASE)
# Calendar events sales promise against; the date each falls on is worked out per year.
EVENTS = ("black friday", "cyber monday", "thanksgiving", "christmas", "new year", "year end", "end of the year",
          "end of year", "end of q1", "end of q2", "end of q3", "end of q4")
_EVENT = re.compile(r"\b(" + "|".join(EVENTS) + r")\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|by|ahead\s+of|in\s+time\s+for|no\s+later\s+than|for)\s*$", re.IGNORECASE)


@dataclass
class Commitment:
    text: str
    source: str
    line: int
    kind: str  # "promise" (the seller said it) or "expectation" (the client expects or assumes it)
    quantities: list[tuple[float, str]] = field(default_factory=list)  # (value, unit), unit singular
    frequency: str | None = None
    fmt: str | None = None
    engagement: str | None = None  # fixed-fee or time-and-materials
    deadline: str | None = None  # a date or calendar event the work must be done by (text as written)


def extract_commitments(lines: list[NoteLine]) -> list[Commitment]:
    out = []
    for note in lines:
        for sentence in _SENTENCE_SPLIT.split(note.text):
            commitment = as_commitment(sentence.strip(), note.source, note.line)
            if commitment is not None:
                out.append(commitment)
    return out


def as_commitment(sentence: str, source: str = "", line: int = 0) -> Commitment | None:
    """The commitment a note sentence makes, or None when it makes none ("call went well")."""
    if len(sentence.split()) < 3 or _NOT_COMMITMENT.search(sentence):
        return None
    engagement = _engagement(sentence)
    if _PROMISE.search(sentence):
        kind = "promise"
    elif _EXPECT.search(sentence) or engagement:
        kind = "expectation"
    else:
        return None
    c = Commitment(sentence, source, line, kind, engagement=engagement)
    for m in _QUANTITY.finditer(sentence):
        n = m.group("n").lower()
        value = _NUMBER_WORDS.get(n)
        if value is None:
            value = float(n.replace(",", ""))
        c.quantities.append((value, unit_name(m.group("unit"))))
    if m := _FREQUENCY.search(sentence):
        c.frequency = normalise_frequency(m.group(1))
    if m := _FORMAT.search(sentence):
        c.fmt = normalise_format(m.group(1))
    c.deadline = _deadline(sentence)
    return c


# Units that count the same thing: "three rounds of revisions" and "two revision rounds".
_SAME_UNIT = {"round": "revision", "seat": "user", "licence": "user", "license": "user", "person": "people",
              "staff": "people", "training": "session", "workshop": "session", "visit": "session"}


def unit_name(unit: str) -> str:
    u = unit.lower()
    u = _singular(u)
    return _SAME_UNIT.get(u, u)


def _singular(u: str) -> str:
    if u in ("%", "percent"):
        return "percent"
    if u.endswith("ies"):
        return u[:-3] + "y"
    return u[:-1] if u.endswith("s") and u not in ("people",) else u


def normalise_frequency(word: str) -> str:
    w = word.lower()
    return {"biweekly": "fortnightly", "bi-weekly": "fortnightly", "yearly": "annually"}.get(w, w)


def normalise_format(word: str) -> str:
    w = word.lower()
    if w.startswith("their"):
        return "client template"
    return {"xlsx": "excel", "docx": "word", "pptx": "powerpoint", "google sheets": "excel"}.get(w, w)


def _engagement(text: str) -> str | None:
    m = _ENGAGEMENT.search(text)
    if not m:
        return None
    return "fixed-fee" if m.group(1).lower().startswith(("fixed", "lump")) else "time-and-materials"


def _deadline(sentence: str) -> str | None:
    from ..timeline import find_dates

    for m in _EVENT.finditer(sentence):
        if _BEFORE.search(sentence[: m.start()]):
            return m.group(1)
    for span in find_dates(sentence):
        if _BEFORE.search(sentence[: span.start]):
            return span.text
    return None
