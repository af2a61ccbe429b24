"""When an obligation is due: its deadline anchor, read from the words of the obligation itself.

Kinds, from the most to the least binding for the schedule:

* ``start``: at the very start: "at kickoff", "on day one", "at time of award", "before work begins",
  "before development starts", "in M0", "by W1", "for Sprint 1", "in the first week", "upfront";
* ``after_start``: a window counted from the start: "within 3 business days of contract signing",
  "within 1 business day of project start" (``days`` holds the number);
* ``turnaround``: a window counted from a request or a delivery: "within 5 business days",
  "within 48 hours of receipt";
* ``date``: a calendar date ("by 30 April 2027", "no later than 15/04/2027");
* ``milestone``: before or by a later point of the plan: "before the design phase", "by week 3",
  "prior to UAT", "before launch";
* ``vague``: "promptly", "in a timely manner", "as soon as possible", "when requested".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

DeadlineKind = Literal["start", "after_start", "turnaround", "date", "milestone", "vague"]

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "a": 1, "an": 1}
_N = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|fifteen|twenty|thirty|an?)(?:\s*\(\d{1,3}\))?"
_UNIT = r"(?:business\s+|working\s+|calendar\s+)?(?P<unit>hours?|days?|weeks?)"
_START_EVENT = (
    r"(?:(?:the\s+)?(?:time\s+of\s+)?(?:(?:project|contract|engagement|sow|order|work|agreement|purchase\s+order)\s+)?"
    r"(?:kick-?\s?off(?:\s+meeting)?|start(?:\s+date)?|commencement|initiation|inception|outset|award|signing|"
    r"signature|execution|mobili[sz]ation|effective\s+date|notice\s+to\s+proceed|onboarding)|"
    r"(?:the\s+)?start\s+of\s+(?:the\s+)?(?:project|engagement|work|contract|development|sprint\s*1)|"
    r"day\s+(?:one|1)(?:\s+kick-?\s?off)?)"
)
_START = re.compile(
    rf"\b(?:(?:at|by|before|prior\s+to|upon|on|from|no\s+later\s+than|in\s+time\s+for|ahead\s+of|for)\s+{_START_EVENT}\b"
    r"|before\s+(?:any\s+)?(?:work|development|design|the\s+project|the\s+engagement|we|the\s+team|the\s+\w+)\s+"
    r"(?:can\s+|could\s+)?(?:begins?|starts?|commences?|kicks?\s+off|begin|start)"
    r"|(?:in|by|during|before|for)\s+(?:the\s+)?(?:first\s+(?:sprint|week|day|iteration)|(?:sprint|iteration)\s*(?:1|one|0|zero)|"
    r"week\s*(?:1|one|0)|w[01]|m0|day\s*(?:1|one|0))\b"
    r"|\b(?:up-?\s?front|immediately\s+(?:upon|after|on)\s+(?:award|signing|signature|kick-?\s?off))\b"
    r"|\bimmediate\s+(?:actions?|next\s+steps|requirements)\b|\bto\s+get\s+started\b|\bpre-?kick-?off\b)",
    re.IGNORECASE,
)
_AFTER_START = re.compile(rf"\bwithin\s+{_N}\s+{_UNIT}\s+(?:of|after|from|following)\s+{_START_EVENT}\b", re.IGNORECASE)
_TURNAROUND = re.compile(
    rf"\b(?:within|no\s+(?:later|more)\s+than|not\s+to\s+exceed|in\s+no\s+more\s+than)\s+{_N}\s+{_UNIT}\b"
    r"|\b\d{1,3}[- ](?:business[- ]|working[- ])?(?:hours?|days?)\s+(?:turnaround|review\s+(?:period|window|cycle))\b"
    r"|\bturnaround\s+(?:time\s+)?of\s+\d",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|on\s+or\s+before|prior\s+to|due)\s+(?:the\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})",
    re.IGNORECASE,
)
_MILESTONE = re.compile(
    r"\b(?:by|before|prior\s+to|ahead\s+of|in\s+time\s+for|no\s+later\s+than)\s+(?:the\s+)?"
    r"(?:(?:start|end|close|beginning)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:week|sprint|phase|day|month|milestone|stage|iteration)\s*\d{1,3}|(?:design|development|build|testing|uat|"
    r"launch|go-?\s?live|deployment|migration|training|submission|content|production|integration)\b)",
    re.IGNORECASE,
)
# "before fieldwork starts in week 3", "in week 4", "during weeks 5-6": a later point of the plan.
_LATER = re.compile(r"\b(?:in|by|before|during|prior\s+to|from)\b[^.;\n]{0,40}?\bweeks?\s*\d{1,3}\b|"
                    r"\bduring\s+(?:the\s+)?(?:onboarding|mobili[sz]ation|transition|kick-?\s?off|discovery|set-?up)\b|"
                    r"\bbefore\s+(?:the\s+)?\w+\s+(?:phase\s+)?(?:starts?|begins?|commences?)\b", re.IGNORECASE)
_VAGUE = re.compile(
    r"\b(?:promptly|in\s+a\s+timely\s+(?:manner|fashion)|timely|as\s+soon\s+as\s+(?:possible|practicable)|asap|"
    r"when\s+(?:requested|needed|required|possible|convenient|ready)|as\s+(?:needed|required|requested)|upon\s+request|"
    r"on\s+request|quickly|whenever\s+(?:you|they|the\s+client)\s+(?:get\s+a\s+chance|can|have\s+(?:the\s+)?time)|"
    r"at\s+(?:your|their|the\s+client['’]s)\s+(?:earliest\s+)?convenience|in\s+due\s+course|as\s+and\s+when)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    text: str  # the words that state it
    days: int | None = None  # for after_start and turnaround: the window in days (business days as days)


@lru_cache(maxsize=4096)  # the same lead-in or heading is asked for every item under it
def find_deadline(text: str) -> Deadline | None:
    """The deadline ``text`` states for its obligation, or None.  A window after the start wins over
    the start itself ("within 3 days of signing" is not "at signing")."""
    m = _AFTER_START.search(text)
    if m:
        return Deadline("after_start", m.group(0), _days(m))
    m = _START.search(text)
    if m:
        return Deadline("start", m.group(0))
    m = _TURNAROUND.search(text)
    if m:
        return Deadline("turnaround", m.group(0), _days(m) if m.group("n") else None)
    for kind, pattern in (("date", _DATE), ("milestone", _MILESTONE), ("milestone", _LATER), ("vague", _VAGUE)):
        m = pattern.search(text)
        if m:
            return Deadline(kind, m.group(0))  # type: ignore[arg-type]
    return None


def _days(m: re.Match) -> int | None:
    n = m.group("n").lower()
    value = int(n) if n.isdigit() else _NUMBER_WORDS.get(n)
    if value is None:
        return None
    unit = m.group("unit").lower()
    if unit.startswith("hour"):
        return max(1, round(value / 24))
    return value * 7 if unit.startswith("week") else value
