"""Absolute dates: a found span made into a calendar date, with an explicit day/month order."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ..errors import ConfigError
from .grammar import find_dates
from .spans import DateSpan

DATE_ORDERS = ("MDY", "DMY")


@dataclass(frozen=True)
class DateValue:
    """A normalised date: ``first`` and ``last`` day it covers ("March 2027" covers the whole month)."""

    span: DateSpan
    first: date | None  # None for placeholders and impossible dates ("31/02/2027")
    last: date | None
    precision: str  # day, month, quarter, placeholder
    ambiguous: bool = False  # 04/05/2027: both orders give a valid date and nothing told them apart

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


def order_evidence(spans: list[DateSpan]) -> DateSpan | None:
    """A numeric date that can be read one way only ("21/05/2027": there is no month 21)."""
    return next((s for s in spans if s.form == "numeric" and ((s.first or 0) > 12) != ((s.second or 0) > 12)), None)


def infer_order(spans: list[DateSpan], default: str = "MDY") -> str:
    """The day/month order the document itself shows: a first number above 12 can only be a day."""
    dmy = sum(1 for s in spans if s.form == "numeric" and s.first and s.first > 12 and (s.second or 0) <= 12)
    mdy = sum(1 for s in spans if s.form == "numeric" and s.second and s.second > 12 and (s.first or 0) <= 12)
    if dmy == mdy:
        # No numeric date settles it: how the document writes its other dates does ("6 July 2026" is day first).
        dmy = sum(1 for s in spans if s.form == "dmy")
        mdy = sum(1 for s in spans if s.form == "mdy")
    if dmy > mdy:
        return "DMY"
    if mdy > dmy:
        return "MDY"
    return default


def normalise(span: DateSpan, order: str = "MDY") -> DateValue:
    """The calendar date(s) a span names; the numeric form is read in ``order`` (MDY or DMY)."""
    if order not in DATE_ORDERS:
        raise ConfigError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    if span.form == "placeholder" or span.year is None:
        return DateValue(span, None, None, "placeholder")
    if span.form == "quarter":
        q = span.quarter or 1
        first = date(span.year, 3 * q - 2, 1)
        last = date(span.year, 3 * q, calendar.monthrange(span.year, 3 * q)[1])
        return DateValue(span, first, last, "quarter")
    if span.form == "my":
        month = span.month or 1
        return DateValue(span, date(span.year, month, 1),
                         date(span.year, month, calendar.monthrange(span.year, month)[1]), "month")
    ambiguous = False
    if span.form == "numeric":
        a, b = span.first or 0, span.second or 0
        month, day = (a, b) if order == "MDY" else (b, a)
        if not 1 <= month <= 12 and 1 <= day <= 12:
            month, day = day, month  # the only reading that is a date
        ambiguous = a != b and a <= 12 and b <= 12
    elif span.form in ("iso", "dmy", "mdy"):
        month, day = span.month or 0, span.day or 0
    else:
        parsed = parse_with_dateparser(span.text, order)
        return DateValue(span, parsed, parsed, "day")
    try:
        value = date(span.year, month, day)
    except ValueError:
        return DateValue(span, None, None, "day")
    return DateValue(span, value, value, "day", ambiguous)


@lru_cache(maxsize=512)
def parse_with_dateparser(text: str, order: str = "MDY") -> date | None:
    """Normalise a date span that the grammar's own forms do not cover (never free text)."""
    import dateparser  # 60 ms to import, so only when a span needs it

    settings = {"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
    result = dateparser.parse(text, settings=settings, languages=["en"])  # type: ignore[arg-type]
    return result.date() if result else None


_DATE_LABEL = re.compile(
    r"(?:(?P<word>[a-z]+)\s+)?(?:date|dated|date of issue|date issued|issued(?: on)?|prepared on|sent)[*_]*\s*:[*_\s]*",
    re.I)
# "Due date:", "Start date:" name a date of the schedule, not the date the document was written.
_NOT_DOCUMENT = {"due", "start", "end", "delivery", "completion", "award", "target", "expiry", "expiration", "closing",
                 "submission", "response", "effective", "launch", "release", "finish", "begin", "go-live", "live"}


def document_date(text: str, created: str | None = None, order: str = "MDY", values: list[DateValue] | None = None,
                  head_chars: int = 1500) -> DateValue | None:
    """The date the document speaks from: a "Date:" label, a date line near the top, else the metadata.

    A date the author wrote beats the file's creation stamp, which is often the template's.  ``values``
    are the document's dates when already found (saves a second scan).
    """
    if values is None:
        values = [normalise(span, order) for span in find_dates(text)]
    head_chars = min(head_chars, max(300, len(text) // 5))  # in a one-page text, "the top" is its first lines
    head: DateValue | None = None
    starts = [v.start for v in values]
    for value in values:
        if value.first is None or (value.start > head_chars and not _maybe_label(text, value.start)):
            continue
        line_start = text.rfind("\n", 0, value.start) + 1
        line_end = text.find("\n", value.end)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start > 240:
            continue  # a date inside a paragraph is not the date the document was written
        line = text[line_start:line_end]
        if _label_before(line, value.start - line_start):
            return value
        # Near the top, a line that is little more than the date ("June 13, 2020", "Washington, 11 July 2018")
        # is the document's; "Kick-off: 1 March 2027" is a milestone.
        if head is not None or value.start > head_chars:
            continue
        rest = line.replace(value.text, " ")
        # "9/28/2019-9/27/2020" on its own line is a period, not the day of writing.
        single = bisect_left(starts, line_end) - bisect_left(starts, line_start) == 1
        if ":" not in rest and len(rest.split()) <= 3 and single:
            head = value
    if head is not None:
        return head
    if created:
        try:
            stamp = datetime.fromisoformat(created.replace("Z", "+00:00")).date()
        except ValueError:
            return None
        # Not in the text: offsets -1 say so, and the text names it as the file's date.
        span = DateSpan(f"{stamp.isoformat()} (file metadata)", -1, -1, "iso", stamp.year, stamp.month, stamp.day)
        return DateValue(span, stamp, stamp, "day")
    return None


def _maybe_label(text: str, at: int) -> bool:
    """A cheap test before the label pattern: a colon and a label word just before ``at``."""
    window = text[max(0, at - 22) : at].lower()
    return ":" in window and ("date" in window or "issued" in window or "prepared" in window or "sent" in window)


def _label_before(line: str, at: int) -> bool:
    """A "Date:" label (not "Due date:") right before ``at``, a weekday at most between them."""
    for m in _DATE_LABEL.finditer(line, 0, at):
        gap = line[m.end() : at].strip(" ,").lower()
        if (m.group("word") or "").lower() not in _NOT_DOCUMENT and (not gap or gap in _WEEKDAYS):
            return True
    return False


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"}
