"""Finds commitments in handoff notes: what the seller promised, offered or hinted, or what the
client said it expects or assumes, with the quantity, date, format or price model it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document.engagement import price_model
from .read import NoteLine

# The seller promised, offered or hinted ("told them we'd ...", "mentioned we could add ...").
_PROMISE = re.compile(
    r"\b(?:told\s+(?:them|him|her|us|the\s+\w+|[A-Z]\w+)|promised|promise[sd]?\s+(?:them|to)|quoted|"
    r"said\s+(?:that\s+)?(?:we|our|it(?:'|’)?d|they|[A-Z]\w+\s+(?:will|would|can))|"
    r"we(?:'|’)?(?:d|ll)\b|we\s+(?:would|will|can|could|should\s+be\s+able\s+to)\b|"
    r"offered|agreed|committed|commit(?:s|ted)?\s+to|mentioned\s+(?:that\s+)?(?:we|it)|said\s+(?:that\s+)?we|"
    r"assured|guarantee[sd]?|no\s+problem|threw\s+in|throw(?:ing)?\s+in|happy\s+to|on\s+us|for\s+free|"
    r"at\s+no\s+(?:extra|additional)\s+cost|included\s+(?:it|that|this)?\s*in\s+the\s+price|sold\s+(?:them|it)\s+as|"
    r"waive[sd]?|on\s+the\s+house)\b"
    # a freelancer's own voice: "I'll write", "mentioned I'd sort out"
    r"|\bI(?:'|’)(?:d|ll)\b|\bI\s+(?:would|will|can|could)\b",
    re.IGNORECASE,
)
# Reported speech that opens a note is the seller's ("Said all 1,800 products come across", "Mentioned that
# paid orders go straight to ShipStation", "Confirmed it's a fixed fee").
_REPORTED = re.compile(r"^(?:(?:i|we)\s+)?(?:said|mentioned|told|promised|confirmed|explained|assured|offered)\b",
                       re.IGNORECASE)
# The client expects, assumes or requires something ("they expect SSO at launch", "CFO wants ...").
_EXPECT = re.compile(
    r"\b(?:expects?|expected|expecting|assumes?|assumed|assuming|wants?|wanted|needs?|requires?|required|"
    r"insists?|insisted|asked\s+(?:for|us\s+to)|counting\s+on|must\s+have|has\s+to\s+have|would\s+like|"
    r"requested|is\s+(?:keen|set)\s+on|hoping\s+for|looking\s+for|(?:'|’)d\s+like)\b",
    re.IGNORECASE,
)
# Talk about the call itself is not a commitment, even with a cue word in it.
_NOT_COMMITMENT = re.compile(
    r"^(?:we\s+)?(?:discussed|talked\s+about|walked\s+(?:them\s+)?through|call\s+went|meeting\s+went|next\s+(?:call|meeting|step)|"
    r"follow[- ]up|they\s+liked|they\s+loved|good\s+(?:call|meeting)|met\s+with|spoke\s+(?:to|with))\b|"
    r"\b(?:went\s+well|is\s+the\s+(?:main\s+)?(?:contact|decision[- ]maker)|org\s+chart)\b|"
    r"^(?:shout|ping\s+me|let\s+me\s+know|any\s+questions|thanks|cheers)\b|"
    # logistics and narrative: "happy to jump on a call", "here's the handover", "busier than I expected"
    r"\b(?:jump|hop)\s+on\s+a\s+call\b|^here(?:'|’)?s\b|^here\s+is\b|^(?:we\s+)?(?:toured|visited)\b|"
    r"\bthan\s+(?:i|we)\s+(?:expected|thought)\b|"
    # the client's own situation: funding, size, history ("they've raised a 400k pre-seed round")
    r"\b(?:raised|closed)\s+(?:a|an|their)\s+(?:[\w$£€.,-]+\s+){0,3}(?:round|funding|investment)\b",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# A full stop after these ends a title or an abbreviation, not the sentence ("told Dr. Lin that ...").
_ABBREVIATION = re.compile(r"(?:^|\s)(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|vs|etc|approx|incl|No|e\.g|i\.e)\.$", re.IGNORECASE)

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                 "a couple of": 2, "a dozen": 12, "unlimited": float("inf"), "a full": 1, "a whole": 1}
_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "<number> [up to two modifiers] <noun>": the noun is the last word before a function word or the
# end ("three rounds of changes" -> rounds, "500 completed surveys" -> surveys); "12-month" too.
_QUANTITY = re.compile(
    r"\b(?P<n>" + _NUMBER + r")(?:\s*\(\d+\))?(?:\s*-\s*|\s+)"
    # "40 finance and warehouse staff": two modifiers joined by "and" before the noun
    r"(?!(?:to|or|and)\s)(?P<np>[a-z][\w-]*(?:\s+(?:and|or)\s+[a-z][\w-]*(?=\s+[a-z]))?"
    r"(?:,?\s+(?!(?:of|per|a|an|the|on|in|for|and|or|to|at|by|with|from|each|every|across|ourselves|themselves|"
    r"yourselves|itself)\b)[a-z][\w-]*){0,3})",
    re.IGNORECASE,
)
_FUNCTION = re.compile(r"\s+(?:of|per|a|an|the|on|in|for|and|or|to|at|by|with|from|each|every|across)\b.*$", re.I)
FREQUENCIES = ("daily", "weekly", "fortnightly", "bi-weekly", "biweekly", "monthly", "quarterly", "annually", "yearly")
_FREQUENCY = re.compile(r"\b(" + "|".join(FREQUENCIES) + r"|(?:every|each)\s+(?:other\s+)?(?:day|week|month|quarter|year|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|every\s+(?:two|2)\s+weeks|"
                        r"(?:two|2)[- ]week(?:ly)?(?=\s+(?:sprints?|cycles?|iterations?))|"
                        # "two episodes a month", "twice a month"
                        r"(?:twice|two|2)\s+(?!(?:days?|hours?|half[- ]days?)\b)(?:[a-z]+\s+){0,2}(?:a|per|each)\s+(?:week|month))\b",
                        re.IGNORECASE)
FORMATS = ("excel", "xlsx", "csv", "pdf", "word", "docx", "powerpoint", "pptx", "google sheets", "google docs",
           "power bi", "tableau", "spss", "stata", "sas", "json", "xml", "html", "markdown", "keynote", "sql",
           "indesign", "illustrator", "photoshop", "figma", "sketch files", "eps", "svg", "png", "jpeg", "jpg",
           "their template", "their format", "their own template", "their own format")
_FORMAT = re.compile(r"\b(" + "|".join(re.escape(f) for f in FORMATS) + r")\b", re.IGNORECASE)
# Calendar events sales promise against; the date each falls on is worked out per year.
EVENTS = ("black friday", "cyber monday", "thanksgiving", "christmas", "new year", "year end", "end of the year",
          "end of year", "end of q1", "end of q2", "end of q3", "end of q4", "good friday", "easter monday", "easter",
          "valentine's day", "valentines day", "halloween", "boxing day")
_EVENT = re.compile(r"\b(" + "|".join(EVENTS) + r")\b", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A day and month with no year ("25 September", "March 3rd"): the year comes from the SOW's dates.
DAY_MONTH = re.compile(r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
                       r"(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\b(?!\s*,?\s*\d{4})",
                       re.IGNORECASE)
_DEADLINE_CUE = re.compile(r"\b(?:before|by|ahead\s+of|in\s+time\s+for|no\s+later\s+than|until|deadline)\b", re.IGNORECASE)


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
        for sentence in split_sentences(note.text):
            commitment = as_commitment(sentence.strip(), note.source, note.line)
            if commitment is not None:
                out.append(commitment)
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of a note line; a title or abbreviation before a full stop does not end one."""
    out: list[str] = []
    for piece in _SENTENCE_SPLIT.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def as_commitment(sentence: str, source: str = "", line: int = 0) -> Commitment | None:
    """The commitment a note sentence makes, or None when it makes none ("call went well")."""
    if len(sentence.split()) < 3 or _NOT_COMMITMENT.search(sentence):
        return None
    engagement = price_model(sentence)
    if _PROMISE.search(sentence) or _REPORTED.match(sentence):
        kind = "promise"
    elif _EXPECT.search(sentence) or engagement:
        kind = "expectation"
    else:
        return None
    c = Commitment(sentence, source, line, kind, engagement=engagement)
    c.quantities = quantities(sentence)
    if m := _FREQUENCY.search(sentence):
        c.frequency = normalise_frequency(m.group(1))
    if m := _FORMAT.search(sentence):
        c.fmt = normalise_format(m.group(1))
    c.deadline = _deadline(sentence)
    return c


_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute"}
_REFERENCE_BEFORE = re.compile(r"\b(?:section|clause|appendix|annex|version|v|page|item|table|figure|step|phase|"
                               r"week|sprint|release|milestone|d|no|number|level|tier|option)\.?\s*$", re.IGNORECASE)


def quantities(text: str) -> list[tuple[float, str]]:
    """(value, unit term) for each number with the noun it counts; units compare as coverage terms."""
    out = []
    for m in _QUANTITY.finditer(text):
        n = m.group("n").lower()
        if re.fullmatch(r"\d{4}", n) and 1900 < int(n) < 2100:
            continue  # a year, not a count
        if _REFERENCE_BEFORE.search(text[: m.start()]):
            continue  # "Section 4.2", "Phase 2", "Week 3": a label, not a count
        value = _NUMBER_WORDS.get(n)
        if value is None:
            value = float(n.replace(",", ""))
        np = re.sub(r"^[a-z][\w-]*\s+(?:and|or)\s+", "", m.group("np"), flags=re.IGNORECASE)  # "finance and warehouse staff"
        np = np.replace(",", " ")  # "100 finished, edited photos"
        out.append((value, unit_name(_head(_FUNCTION.sub("", np).split()))))
    return out


def _head(words: list[str]) -> str:
    """The counted noun of a short phrase, without a tagger: the first plural word ("custom reports
    defined" -> reports), else the last word before a participle ("12-month minimum term")."""
    words = [w.lower() for w in words]
    for w in words:
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return w
    head = words[0]
    for w in words[1:]:
        if w.endswith(("ed", "ing")):
            break
        head = w
    return head


def unit_name(unit: str) -> str:
    """The unit as a coverage term ("Rounds" and "tweaks" -> revision; "managers" -> staff)."""
    from ..engine.coverage import term

    u = unit.lower().strip("-")
    u = u[:-3] + "y" if u.endswith("ies") else (u[:-1] if u.endswith("s") and not u.endswith("ss") else u)
    return u if u in _TIME_UNITS else term(u)


_EVERY = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "annually"}


def normalise_frequency(word: str) -> str:
    w = " ".join(word.lower().split())
    if re.match(r"(?:every\s+)?(?:two|2)[- ]weeks?", w) or w.startswith(("two-week", "2-week")):
        return "fortnightly"
    if m := re.match(r"(?:twice|two|2)\s+(?:[a-z]+\s+){0,2}(?:a|per|each)\s+(week|month)", w):
        return f"twice a {m.group(1)}"
    if w.startswith("every other"):
        return "fortnightly" if w.endswith("week") else w
    if w.startswith(("every ", "each ")):
        unit = w.split()[-1]
        return _EVERY.get(unit, "weekly")  # "every Friday" is weekly
    return {"biweekly": "fortnightly", "bi-weekly": "fortnightly", "yearly": "annually"}.get(w, w)


def normalise_format(word: str) -> str:
    w = word.lower()
    if w.startswith("their"):
        return "client template"
    return {"xlsx": "excel", "docx": "word", "pptx": "powerpoint", "google sheets": "excel"}.get(w, w)


def _deadline(sentence: str) -> str | None:
    """The date or event something is promised by: after "before", "by", "in time for" ... in the
    sentence ("go-live before their year end on 30 April", "cut over by end of Feb 2027")."""
    from ..timeline import find_dates

    cue = _DEADLINE_CUE.search(sentence)
    if cue is None:
        return None
    rest = sentence[cue.end():]
    dates = [(d.start, d.text) for d in find_dates(rest)] + [(m.start(), m.group(0)) for m in DAY_MONTH.finditer(rest)]
    if dates:  # a date as written beats an event named before it ("year end on 30 April")
        return min(dates)[1]
    events = [m.group(1) for m in _EVENT.finditer(rest)]
    return events[0] if events else None
