"""The records the schedule grammar yields: durations, relative anchors and absolute-date spans."""

from __future__ import annotations

from dataclasses import dataclass, replace

# Calendar days per unit; a business day is 7/5 of a calendar day on average.
UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "business_day": 1.4, "week": 7.0, "fortnight": 14.0,
             "month": 30.4375, "quarter": 91.3125, "year": 365.25}
# Events a whole schedule can count from.
START_EVENTS = frozenset({"signature", "award", "start", "kickoff"})


@dataclass(frozen=True)
class Duration:
    """A length of time: "six (6) weeks" is 6 weeks, "3-4 months" is 3 to 4 months."""

    low: float
    high: float
    unit: str  # a key of UNIT_DAYS
    text: str
    start: int
    end: int
    recurring: bool = False  # "twice a week", "24 hours a day": a rate, not a length
    effort: bool = False  # "40 person-days": effort, not elapsed time

    @property
    def low_days(self) -> float:
        return self.low * UNIT_DAYS[self.unit]

    @property
    def high_days(self) -> float:
        return self.high * UNIT_DAYS[self.unit]

    def describe(self) -> str:
        return describe(self.low, self.high, self.unit)

    def shifted(self, by: int) -> "Duration":
        return replace(self, start=self.start + by, end=self.end + by)


@dataclass(frozen=True)
class Anchor:
    """A point or span relative to something: an offset from an event, a week, sprint or phase number."""

    kind: str  # offset, week, sprint, phase, month, day, milestone, release, dependency
    text: str
    start: int
    end: int
    relation: str | None = None  # within, after, before, no later than, plus ...
    event: str | None = None  # the event as written ("contract signature")
    event_key: str | None = None  # signature, award, kickoff, start, golive, acceptance, completion, delivery, receipt
    offset: Duration | None = None
    low: int | None = None  # "Weeks 3-8" -> 3, 8
    high: int | None = None

    def shifted(self, by: int) -> "Anchor":
        offset = self.offset.shifted(by) if self.offset else None
        return replace(self, start=self.start + by, end=self.end + by, offset=offset)


@dataclass(frozen=True)
class DateSpan:
    """An absolute date as written, with its parts; dates.normalise turns it into a calendar date."""

    text: str
    start: int
    end: int
    form: str  # iso, numeric, dmy, mdy, my, quarter, placeholder
    year: int | None = None
    month: int | None = None
    day: int | None = None
    first: int | None = None  # numeric form: the two leading numbers as written (order is a setting)
    second: int | None = None
    quarter: int | None = None

    def shifted(self, by: int) -> "DateSpan":
        return replace(self, start=self.start + by, end=self.end + by)


def describe(low: float, high: float, unit: str) -> str:
    """ "6 weeks", "3-4 months", "10 business days"."""
    name = "business day" if unit == "business_day" else unit
    amount = fmt(low) if low == high else f"{fmt(low)}-{fmt(high)}"
    return f"{amount} {name}{'' if low == high == 1 else 's'}"


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def describe_days(days: float) -> str:
    """A day count in the unit a SOW would use: "14 weeks", "10 days", "6 months"."""
    month = UNIT_DAYS["month"]
    if days >= 60 and abs(days / month - round(days / month)) < 0.05:
        return describe(round(days / month), round(days / month), "month")
    if days >= 7 and abs(days / 7 - round(days / 7)) < 0.05:
        return describe(round(days / 7), round(days / 7), "week")
    return describe(round(days, 1), round(days, 1), "day")
