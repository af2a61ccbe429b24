"""The records a Timeline is made of: time statements, schedule entries, and the Timeline itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dates import DateValue
from .spans import Anchor, Duration


@dataclass
class Statement:
    """One sentence, table row or heading holding at least one time expression, and what it is about."""

    text: str
    start: int
    end: int
    topic: str  # period, citation, history, sla, admin, recurring, principal, other
    role: str  # the role of its section
    kind: str  # paragraph, list_item, table, heading
    section_start: int  # identifies the section (its heading's offset)
    block: int | None  # the block index; None for a heading
    durations: list[Duration] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)

    @property
    def has_time(self) -> bool:
        return bool(self.durations or [d for d in self.dates if d.first] or
                    [a for a in self.anchors if a.kind != "dependency"])


@dataclass
class Entry:
    """A phase, sprint or milestone of the schedule, placed in days from the start point when possible."""

    label: str
    kind: str  # phase, sprint, week, month, day, milestone, release
    text: str
    start: int
    end: int
    group: int  # entries of one table, list or section form one sequence
    source: str  # table, list_item, paragraph, heading
    duration: Duration | None = None
    anchor: Anchor | None = None
    date: DateValue | None = None
    end_date: DateValue | None = None
    start_day: float | None = None
    end_day: float | None = None
    implied: bool = False  # placed back to back after the previous entry, not stated

    @property
    def timed(self) -> bool:
        return self.end_day is not None or self.duration is not None or self.date is not None

    @property
    def stated_start(self) -> float | None:
        """The start day when the document states it (weeks 3-8, a date range), not when inferred from a length."""
        stated = self.end_date is not None or (self.anchor is not None and self.anchor.kind in ("week", "month", "day"))
        return self.start_day if stated else None


@dataclass
class Timeline:
    """Everything known about a document's schedule; ``build_timeline`` makes one."""

    statements: list[Statement]
    entries: list[Entry]
    total: Duration | None  # the stated length of the whole work (period of performance, "4 weeks")
    total_statement: Statement | None
    period_start: DateValue | None
    period_end: DateValue | None  # the last day of the stated periods, options included
    start_event: str | None  # what day 0 is: signature, award, kickoff, start, or None
    origin: date | None  # the calendar date of day 0, when the document gives one
    document_date: DateValue | None
    date_order: str
    sprint_days: float | None
    placeholder_period: bool  # "[Start Date] to [End Date]": a period slot left to fill
    warnings: list[str] = field(default_factory=list)
    date_order_note: str = ""  # how 03/04/2027 was read, and why ("DMY (inferred: '21/05/2027' ...)")

    def work_dates(self, values) -> list[DateValue]:
        """The calendar dates among ``values``, less the document's own date (no milestone, that)."""
        own = self.document_date.start if self.document_date is not None else None
        return [v for v in values if v.first is not None and v.start != own]

    def statements_about(self, *topics: str) -> list[Statement]:
        return [s for s in self.statements if s.topic in topics]
