"""The schedule grammar: finds durations, relative anchors and absolute-date spans in SOW prose.

Only spans that read as time are matched: a number must be followed by a time unit ("six (6)
weeks"), a date must have a month and a year in a recognised order.  Nothing here guesses a date
from free text, so "$45,000", "Section 4.2.1" or "Windows 10" yield nothing.

For speed the text is lower-cased once and scanned for a few literal tokens (time units, month
names, date-like digit groups); the full patterns run only in small windows around them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .datespans import DIGIT_DATE, MONTH_NUMBER, digit_date, month_date_at, placeholders, quarter_at
from .spans import Anchor, DateSpan, Duration

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBERS = {w: i for i, w in enumerate(_SMALL)} | _TENS | {"a": 1, "an": 1, "single": 1}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_S, _S1 = r"[ \t]*", r"[ \t]+"

_WORDNUM = (r"(?:(?:" + "|".join(_TENS) + r")(?:[ \t-](?:one|two|three|four|five|six|seven|eight|nine))?|"
            + "|".join(sorted(_SMALL[1:], key=len, reverse=True)) + ")")
# "six (6)", "1 (one)", "6", "1.5", "(6)"; a digit group must not run on into a larger number or a version.
_NUM = (rf"(?:{_WORDNUM}(?:{_S}\({_S}\d{{1,4}}{_S}\))?|\d{{1,4}}{_S}\({_S}{_WORDNUM}{_S}\)|"
        rf"\d{{1,4}}(?:\.\d)?(?![\d.,]\d)|\({_S}\d{{1,4}}{_S}\))")
_NUM_PART = re.compile(_NUM)
# The number (or range) and qualifier right before a unit word; it must not continue an amount,
# a version or a clause number ("$45", "4.2", "52.212-4").
_NUMBER_BEFORE = re.compile(
    rf"(?<![\w$€£.,/:+-])(?P<num>(?:between{_S1})?{_NUM}(?:{_S}(?:-|–|—|to|or|and){_S}{_NUM})?)[ \t-]+"
    rf"(?:(?P<qual>business|working|work|calendar|consecutive|full|man|person|staff|labou?r|base|option)[ \t-]+)?$")
_ONE_BEFORE = re.compile(
    rf"(?<!\w)(?:a|an|one){_S1}(?:single{_S1}|full{_S1})?(?:(?P<qual>business|working|calendar){_S1})?$")
# Time words right after a non-letter; leading with that class lets the scan skip inside words quickly.
_TOKEN = re.compile(
    r"[^a-z](?P<tok>hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|mos?|years?|yrs?|quarters?|sprints?|"
    r"iterations?|phases?|stages?|milestones?|releases?|waves?|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|q[1-4])")
_UNITS = {"hour": "hour", "hr": "hour", "day": "day", "week": "week", "wk": "week", "fortnight": "fortnight",
          "month": "month", "mo": "month", "year": "year", "yr": "year", "quarter": "quarter"}
_REF_KINDS = {"week": "week", "wk": "week", "sprint": "sprint", "iteration": "sprint", "phase": "phase",
              "stage": "phase", "wave": "phase", "month": "month", "day": "day", "milestone": "milestone",
              "release": "release"}
_STEMS = frozenset(_UNITS) | frozenset(_REF_KINDS)
_QUALIFIERS = frozenset({"business", "working", "work", "calendar", "consecutive", "full", "man", "person", "staff",
                         "labor", "labour", "base", "option"})
# Last words of the relations _REL_BEFORE knows ("no later than" ends in "than", "prior to" in "to").
_RELATION_ENDS = frozenset({"within", "in", "after", "following", "from", "before", "to", "than", "nlt", "exceed",
                            "exceeding", "up", "least", "by", "at", "over", "for", "during", "lasting", "of"})

# "Week 3", "Weeks 3-8", "Sprint 4", "Phase II", "Day 30", "Weeks 3 through Week 8"
_ORD = r"(?:\d{1,3}|(?:iii|ii|iv|i|viii|vii|vi|v|ix|x)\b|one|two|three|four|five|six|seven|eight|nine|ten)"
_KW = r"(?:weeks?|wks?\.?|sprints?|iterations?|phases?|stages?|months?|days?|milestones?|releases?|waves?)"
_REF = re.compile(rf"(?P<kw>{_KW}){_S}[-#:]?{_S}(?P<a>{_ORD})"
                  rf"(?:{_S}(?:-|–|—|to|through|thru|&|and){_S}(?:{_KW}{_S})?(?P<b>{_ORD}))?(?![\w.]*\d)")
# "NTP + 60 days", "award + 30", "T+30"
_PLUS = re.compile(
    r"\+[ \t]*(?P<n>\d{1,4})(?:[ \t]*(?P<unit>calendar days?|business days?|days?|weeks?|months?|d|w)\b)?")
_PLUS_EVENT = re.compile(
    r"(?<!\w)(?P<event>ntp|notice to proceed|contract award|award|kick-?off|ko|signature|start|t0?|d)[ \t]*$")

# The relation before a duration ("within", "no later than") and the event after it ("of contract signature").
_REL_BEFORE = re.compile(
    r"(?P<rel>within|in|after|following|from|before|prior to|no later than|not later than|nlt|no sooner than|"
    r"no earlier than|not to exceed|not exceeding|no longer than|up to|at least|by|at|over|for|during|lasting|of)"
    r"[ \t]*(?:the[ \t]+|a[ \t]+|an[ \t]+)?$")
_REL_AFTER = re.compile(
    r"[ \t]*(?:\([^)\n]{0,20}\)[ \t]*)?"
    r"(?P<rel>of|after|following|from|before|prior to|since|post|past|beyond|upon|aro|adc|dac|daa)"
    r"\b(?:[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|each[ \t]+|every[ \t]+)?(?P<event>[^,.;:()|\n]{1,80}))?")
_DEADLINE_RELATIONS = ("within", "no later than", "not later than", "nlt", "up to", "not to exceed", "by",
                       "no longer than")
_EVENT_STOP = re.compile(r" (?:and|or|but|the contractor|contractor|vendor|we|you|shall|will|must|to|for|in|with|"
                         r"which|that|unless|whichever|if|at|as|is|are|be|by|on|per|where|when)\b")
_RECURRING_BEFORE = re.compile(r"\b(?:every|each|per|once|twice|times)[ \t]*$")
_RECURRING_AFTER = re.compile(r"[ \t]*(?:a|an|per|each|every|/)[ \t]*(?:day|week|month|year|hour)\b")
# "after receipt of client content", "upon approval", "subject to the client's sign-off"
_DEPENDENCY = re.compile(
    r"(?P<rel>after|upon|following|once|pending|until|subject to|contingent (?:up)?on|dependent (?:up)?on|"
    r"conditional (?:up)?on)[ \t]+(?:the[ \t]+)?(?P<event>(?:(?:client|customer|government|agency|owner|buyer|"
    r"stakeholder|cor|cotr|product owner)(?:'s|’s|s)?[ \t]+)?(?:written[ \t]+|formal[ \t]+|final[ \t]+)?"
    r"(?:receipt|approval|acceptance|sign-?off|review|provision|availability|confirmation|feedback|access)"
    r"(?:[ \t]+of[ \t]+[^,.;:()|\n]{1,60})?)")

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass
class Found:
    """What a scan found, each list in order of position."""

    durations: list[Duration] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)


def lowered(text: str) -> str:
    """Lower case with every offset kept (a few Unicode letters grow when lower-cased); the Unicode
    hyphens PDFs carry ("man-\u2010days") read as "-"."""
    low = text.lower()
    low = low if len(low) == len(text) else text.translate(_ASCII_LOWER)
    return low.translate(_HYPHENS) if any(h in low for h in "\u2010\u2011\u2212") else low


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-"})


def parse_number(text: str) -> float | None:
    """ "six (6)" -> 6, "twenty-one" -> 21, "(30)" -> 30, "1.5" -> 1.5."""
    digits = re.search(r"\d+(?:\.\d)?", text)
    if digits:
        return float(digits.group())
    total = 0.0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in WORD_NUMBERS:
            total += WORD_NUMBERS[word]
        elif word not in ("", "between"):
            return None
    return total or None


def _ordinal(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else _ROMAN.get(text) or WORD_NUMBERS.get(text)  # type: ignore[return-value]


def _unit_name(token: str, qual: str | None) -> str:
    unit = _UNITS[token]
    return "business_day" if unit == "day" and qual in ("business", "working", "work") else unit


def scan(text: str, dependencies: bool = True) -> Found:
    """Every duration, anchor and date span in ``text``, in order of position."""
    low = lowered(text)
    padded = " " + low  # every token pattern starts with the character before the token
    found = Found()
    for m in _TOKEN.finditer(padded):
        s, e = m.start("tok") - 1, m.end("tok") - 1
        word = m.group("tok")
        stem = word[:-1] if word.endswith("s") and word[:-1] in _STEMS else word
        if e < len(low) and low[e].isalnum() and not (stem in _REF_KINDS and low[e].isdigit()):
            continue
        if stem in _UNITS:
            _duration_at(text, low, s, e, stem, found)
        if stem in _REF_KINDS:
            _ref_at(text, low, s, stem, found)
        if word in MONTH_NUMBER:
            month_date_at(text, low, s, e, word, found.dates)
        elif word[0] == "q" and word[1:].isdigit() or stem == "quarter":
            quarter_at(text, low, s, e, word, found.dates)
    for m in DIGIT_DATE.finditer(padded):
        digit_date(text, low, m, found.dates)
    found.dates += placeholders(text, low)
    found.durations = _dedupe_spans(sorted(found.durations, key=lambda d: d.start))
    _offsets(text, low, found)
    for m in _PLUS.finditer(low):
        _plus_at(text, low, m, found)
    if dependencies:
        found.anchors += find_dependencies(text, low)
    # A numbered reference inside a duration ("30 days" is no "Day 30") or inside a longer reference
    # ("Week 8" of "Weeks 3 through Week 8") is not one of its own.
    starts = [d.start for d in found.durations]
    relative = [a for a in found.anchors if a.kind in ("offset", "dependency")]
    refs = sorted((a for a in found.anchors if a.kind not in ("offset", "dependency")), key=lambda a: (a.start, -a.end))
    refs = [a for a in _dedupe_spans(refs) if not _inside_duration(a, starts, found.durations)]
    found.anchors = sorted(relative + refs, key=lambda a: a.start)
    found.dates = _dedupe_spans(sorted(found.dates, key=lambda d: (d.start, -d.end)))
    return found


def _inside_duration(a: Anchor, starts: list[int], durations: list[Duration]) -> bool:
    """Does ``a`` overlap one of the (sorted, non-overlapping) durations?"""
    i = bisect_right(starts, a.end) - 1
    while i >= 0 and durations[i].end > a.start:
        if durations[i].start < a.end:
            return True
        i -= 1
    return False


def find_dependencies(text: str, low: str | None = None, offset: int = 0) -> list[Anchor]:
    """ "after receipt of client content", "upon approval": the work waits for something."""
    low = lowered(text) if low is None else low
    anchors = []
    for m in _DEPENDENCY.finditer(low):
        if m.start() and low[m.start() - 1].isalnum():
            continue
        event = _trim_event(text[m.start("event") : m.end("event")])
        end = m.start("event") + len(event)
        anchors.append(Anchor("dependency", text[m.start() : end], m.start() + offset, end + offset, m.group("rel"),
                              event, "receipt"))
    return anchors


def _dedupe_spans(items: list) -> list:
    """Drop spans inside an earlier, longer one."""
    kept: list = []
    for item in items:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _prev_word(low: str, pos: int) -> tuple[str, int]:
    """The word ending right before ``pos`` (spaces and hyphens skipped) and where it starts."""
    i = pos
    while i > 0 and low[i - 1] in " \t-":
        i -= 1
    j = i
    while j > 0 and low[j - 1] not in " \t-\n":
        j -= 1
    return low[j:i], j


def _duration_at(text: str, low: str, s: int, e: int, stem: str, found: Found) -> None:
    """The duration ending in the unit word at ``low[s:e]``: "six (6) weeks", "3-4 months", "a week"."""
    if stem in ("mo", "hr", "wk", "yr") and e < len(low) and low[e] == ".":
        e += 1
    # Cheap test first: the unit must follow a number ("6", "(6)", "six"), maybe with a qualifier between.
    word, at = _prev_word(low, s)
    if word in _QUALIFIERS:
        word, at = _prev_word(low, at)
    if not (word[-1:].isdigit() or word.endswith(")") or word in WORD_NUMBERS):
        return
    m = _NUMBER_BEFORE.search(low, max(0, at - 32), s)  # a range ("six (6) to eight (8)") starts a little earlier
    if m:
        values = [v for v in (parse_number(p.group()) for p in _NUM_PART.finditer(m.group("num"))) if v is not None]
        if not values:
            return
        qual = m.group("qual")
        effort = qual in ("man", "person", "staff", "labor", "labour")
        unit = _unit_name(stem, qual)
        found.durations.append(_duration(text, low, min(values), max(values), unit, m.start(), e, effort))
        return
    if stem in ("mo", "hr", "wk", "yr"):
        return  # an abbreviation needs a number: "a mo" is not a month
    m = _ONE_BEFORE.search(low, max(0, s - 30), s)
    if m:
        found.durations.append(_duration(text, low, 1, 1, _unit_name(stem, m.group("qual")), m.start(), e, False))


def _duration(text: str, low: str, a: float, b: float, unit: str, start: int, end: int, effort: bool) -> Duration:
    """A Duration, marked recurring when it is a rate ("twice a week", "24 hours a day")."""
    window = low[max(0, start - 12) : start]
    recurring = bool(_RECURRING_BEFORE.search(window) or _RECURRING_AFTER.match(low, end))
    # "a day" right after a number and unit ("24 hours a day") is the second half of a rate.
    if low[start:end].startswith(("a ", "an ")) and re.search(r"\d[ \t]*\w+[ \t]*$", window):
        recurring = True
    return Duration(a, b, unit, text[start:end], start, end, recurring, effort)


def _ref_at(text: str, low: str, s: int, stem: str, found: Found) -> None:
    """A numbered reference at ``low[s:]``: "Week 3", "Weeks 3-8", "Sprint 4", "Phase II", "Day 30"."""
    m = _REF.match(low, s)
    if not m:
        return
    kind = _REF_KINDS[stem]
    a, b = _ordinal(m.group("a")), _ordinal(m.group("b"))
    if a is None or (kind == "day" and a > 400) or (kind in ("week", "month") and a > 260):
        return
    # "days two" is not a point in time; "Day 30" and "day 1" are.
    if kind == "day" and not m.group("a").isdigit() and not text[s].isupper():
        return
    found.anchors.append(Anchor(kind, text[m.start() : m.end()], m.start(), m.end(), low=a, high=b or a))


EVENT_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kickoff", re.compile(r"kick[\s-]?off|post[\s-]award (?:conference|meeting|orientation)|orientation", re.I)),
    ("signature", re.compile(r"sign(?:ature|ing|ed)?\b(?!-?off)|execution|executed|countersign", re.I)),
    ("award", re.compile(r"award|\baro\b|receipt of (?:the )?(?:purchase |task |delivery )?order|"
                         r"(?:purchase|task|delivery) order", re.I)),
    ("start", re.compile(r"\bstart|commence|beginning|initiation|effective date|notice to proceed|\bntp\b|"
                         r"project launch|contract date|onset|mobili[sz]ation|\bt0?\b|\bd\b", re.I)),
    ("golive", re.compile(r"go[\s-]?live|launch|cut[\s-]?over|production release|deployment to production", re.I)),
    ("acceptance", re.compile(r"accept|sign[\s-]?off", re.I)),
    ("completion", re.compile(r"complet|conclusion|close[\s-]?out|\bend\b|expir|terminat", re.I)),
    ("delivery", re.compile(r"deliver|submi", re.I)),
    ("receipt", re.compile(r"receipt|receiv|provision|availability|approv|review|feedback|access", re.I)),
)


@lru_cache(maxsize=2048)
def event_key(event: str | None) -> str | None:
    """The kind of event an anchor counts from: signature, award, kickoff, start, golive, ..."""
    if not event:
        return None
    # The event named first is the one counted from: "the end of the task order" is an end, not an award.
    best: tuple[int, int, str] | None = None
    for rank, (key, pattern) in enumerate(EVENT_KEYS):
        m = pattern.search(event)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, key)
    return best[2] if best else None


def _trim_event(event: str) -> str:
    """The event phrase without the clause after it: "signature and the vendor shall" -> "signature"."""
    stop = _EVENT_STOP.search(" " + event.lower())
    if stop:
        event = (" " + event)[: stop.start()]
    return event.strip(" -–—\"'")


def _offsets(text: str, low: str, found: Found) -> None:
    """ "within 30 days of signature", "two weeks after kickoff", "4 weeks ARO", "within 10 days"."""
    for d in found.durations:
        if d.recurring or d.effort:
            continue
        word, at = _prev_word(low, d.start)
        if word in ("the", "a", "an"):
            word, at = _prev_word(low, at)
        before = _REL_BEFORE.search(low, max(0, d.start - 24), d.start) if word in _RELATION_ENDS else None
        relation = before.group("rel") if before else None
        start = before.start() if before else d.start
        after = _REL_AFTER.match(low, d.end)
        if after:
            rel2 = after.group("rel")
            if rel2 in ("aro", "adc", "dac", "daa"):
                event = "receipt of order" if rel2 == "aro" else "contract award"
                found.anchors.append(Anchor("offset", text[start : after.end("rel")], start, after.end("rel"),
                                            relation or "after", event, "award", d))
                continue
            if after.group("event"):
                event = _trim_event(text[after.start("event") : after.end("event")])
                key = event_key(event)
                # "a period of six months of support": "of" names a content, not an anchor.
                if rel2 != "of" or key or relation in _DEADLINE_RELATIONS:
                    end = after.start("event") + len(event)
                    found.anchors.append(Anchor("offset", text[start:end], start, end, relation or rel2, event, key,
                                                d))
                    continue
        if relation in _DEADLINE_RELATIONS:
            found.anchors.append(Anchor("offset", text[start : d.end], start, d.end, relation, None, None, d))


def _plus_at(text: str, low: str, m: re.Match[str], found: Found) -> None:
    """ "NTP + 60 days", "award + 30", "T+30": an offset from the named event, in days unless stated."""
    ev = _PLUS_EVENT.search(low, max(0, m.start() - 30), m.start())
    if not ev:
        return
    unit_word = (m.group("unit") or "days").split()[-1]
    unit = {"d": "day", "w": "week"}.get(unit_word, unit_word.rstrip("s"))
    if unit == "day" and (m.group("unit") or "").startswith("business"):
        unit = "business_day"
    n = float(m.group("n"))
    d = Duration(n, n, unit, text[m.start("n") : m.end()], m.start("n"), m.end())
    event = text[ev.start("event") : ev.end("event")]
    found.anchors.append(Anchor("offset", text[ev.start() : m.end()], ev.start(), m.end(), "plus", event,
                                event_key(event) or "start", d))


def find_durations(text: str) -> list[Duration]:
    return scan(text).durations


def find_anchors(text: str) -> list[Anchor]:
    return scan(text).anchors


def find_dates(text: str) -> list[DateSpan]:
    return scan(text).dates
