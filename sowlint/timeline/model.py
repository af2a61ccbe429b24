"""The Timeline of a Document: its time statements, the period of performance and the start point."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from ..document import Document
from . import vocab
from ..errors import ConfigError
from .dates import DATE_ORDERS, DateValue, document_date, infer_order, normalise
from .grammar import find_dependencies, parse_number, scan
from .spans import Anchor, Duration, START_EVENTS

_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[\"“])")
_START_DATE = re.compile(r"\b(?:start|commenc|kick[\s-]?off|begin|effective)", re.I)


@dataclass
class Statement:
    """One sentence, table row or heading holding at least one time expression, and what it is about."""

    text: str
    start: int
    end: int
    topic: str  # period, history, sla, admin, recurring, principal, other
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


@dataclass
class Timeline:
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

    def statements_about(self, *topics: str) -> list[Statement]:
        return [s for s in self.statements if s.topic in topics]


# "52.212-4 Contract Terms and Conditions (FEB 2012)": a clause and its edition date, not a schedule.
_CITATION = re.compile(r"\b\d{2,4}\.\d{3}-\d{1,4}\b|\(?\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC) (?:19|20)\d\d\b\)?")


def topic_of(text: str, role: str, section_title: str = "") -> str:
    """What a time statement is about; the first matching reading wins, in order of how telling it is."""
    if _CITATION.search(text):
        return "citation"
    found = vocab.topics(text.lower())
    if "history" in found:
        return "history"
    if "period" in found and "billing" not in found:
        return "period"
    # Under a "Period of Performance" heading, a bare "9/28/2019-9/27/2020" is the period.
    if section_title and not found & {"sla", "admin"} and vocab.PERIOD.search(section_title.lower()):
        return "period"
    if "sla" in found:
        return "sla"
    if "admin" in found and not (role == "timeline" and "principal" in found):
        return "admin"
    if "recurring" in found:
        return "recurring"
    if "principal" in found or role in ("timeline", "deliverables", "scope"):
        return "principal"
    return "other"


def _units(doc: Document):
    """(text, start, section, kind, block index) for each heading, sentence and table row, in order."""
    for section in doc.walk():
        if section.level:
            yield section.heading, section.start, section, "heading", None
        for block in section.blocks:
            if block.kind == "table":
                for row in block.rows:
                    if row:
                        yield doc.text[row[0].start : row[-1].end], row[0].start, section, "table", block.index
                continue
            offset = 0
            for part in _SENTENCE.split(block.text):
                offset = block.text.find(part, offset)
                yield part, block.start + offset, section, block.kind, block.index
                offset += len(part)


def build_timeline(doc: Document, date_order: str | None = None) -> Timeline:
    """Extract the schedule of ``doc``; ``date_order`` (MDY/DMY) reads 04/05/2027, else the document decides."""
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ConfigError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
    found = scan(doc.text, dependencies=False)  # dependencies matter only where a time is: found per statement
    order = date_order or infer_order(found.dates)
    values = [normalise(s, order) for s in found.dates]
    units = list(_units(doc))
    starts = [u[1] for u in units]
    buckets: dict[int, tuple[list, list, list]] = {}
    for items, slot in ((found.durations, 0), (found.anchors, 1), (values, 2)):
        for item in items:
            i = bisect_right(starts, item.start) - 1
            if i >= 0 and item.end <= units[i][1] + len(units[i][0]):
                buckets.setdefault(i, ([], [], []))[slot].append(item)
    announced = _announced_periods(units, buckets)
    statements = []
    for i in sorted(buckets):
        text, start, section, kind, block = units[i]
        durations, anchors, dated = buckets[i]
        topic = topic_of(text, section.role, section.title)
        if i in announced and topic not in ("sla", "admin", "citation", "history"):
            topic = "period"
        anchors = sorted(anchors + find_dependencies(text, offset=start), key=lambda a: a.start)
        statements.append(Statement(text, start, start + len(text), topic, section.role, kind, section.start, block,
                                    durations, anchors, dated))
    warnings = [f"'{v.text}' could be day/month or month/day; read as {order} (set the date order to be sure)"
                for v in values if v.ambiguous and not date_order]
    doc_date = document_date(doc.text, doc.meta.created, order, values)
    total, total_st, period_start, period_end, placeholder = _period(statements, doc_date)
    sprint_days = _sprint_days(doc.text)
    from .entries import place_entries, schedule_entries

    entries = schedule_entries(doc, statements, sprint_days, doc_date)
    origin = period_start.first if period_start else _stated_start(statements)
    place_entries(entries, origin)
    return Timeline(statements, entries, total, total_st, period_start, period_end, _start_event(statements), origin,
                    doc_date, order, sprint_days, placeholder, list(dict.fromkeys(warnings)))


_PERIOD_STRONG = re.compile(r"period of performance|performance period|\bpop\b|base (?:period|year|term)|term of|contract (?:term|period)")
_STARTS_WITHIN = re.compile(r"(?:begin|start|commence)\w*\s+(?:\w+\s+){0,2}$")


_ANNOUNCE = re.compile(r"(?::|as follows\.?|below\.?)\s*$")


def _announced_periods(units: list, buckets: dict) -> set[int]:
    """Lines right after "The period of performance is as follows:" belong to the period."""
    marked: set[int] = set()
    for i, unit in enumerate(units):
        text = unit[0]
        if i in buckets or not _ANNOUNCE.search(text) or len(text) > 200:
            continue
        low = text.lower()
        if ("period" in low or "term" in low or "pop" in low) and vocab.PERIOD.search(low):
            for j in range(i + 1, min(len(units), i + 12)):
                if units[j][3] == "heading" and units[j][2].number:
                    break  # the next numbered section ends the list
                marked.add(j)
    return marked


def _period(statements: list[Statement], doc_date: DateValue | None):
    """The stated total and the period's first and last days, from the period-of-performance statements."""
    candidates: list[tuple[int, int, Duration, Statement]] = []
    firsts: list[DateValue] = []
    lasts: list[DateValue] = []
    placeholder = False
    for order, st in enumerate(statements):
        if st.topic != "period":
            continue
        low = st.text.lower()
        placeholder = placeholder or any(v.precision == "placeholder" for v in st.dates)
        real = [v for v in st.dates if v.first is not None and not (doc_date and v.start == doc_date.start)]
        if len(real) >= 2:
            firsts.append(min(real, key=lambda v: v.first))  # type: ignore[arg-type,return-value]
            lasts.append(max(real, key=lambda v: v.last))  # type: ignore[arg-type,return-value]
        # The period's own section first, then sentences naming the period outright, then the rest.
        rank = 0 if st.role == "timeline" and not _PERIOD_STRONG.search(low) and not vocab.PERIOD.search(low) else (
            1 if _PERIOD_STRONG.search(low) else 2)
        for d in st.durations:
            before = low[max(0, d.start - st.start - 30) : d.start - st.start]
            # "within 14 days of the COR's request" is a deadline inside the period, not its length.
            offset = next((a for a in st.anchors if a.offset == d), None)
            foreign = offset is not None and offset.event is not None and offset.event_key not in START_EVENTS
            if d.recurring or d.effort or d.unit == "hour" or foreign or vocab.OPTION.search(before) or _STARTS_WITHIN.search(before):
                continue
            candidates.append((rank, order, d, st))
            break
    best = min(candidates, key=lambda c: (c[0], c[1])) if candidates else None
    total, total_st = (best[2], best[3]) if best else (None, None)
    period_start = min(firsts, key=lambda v: v.first) if firsts else None  # type: ignore[arg-type,return-value]
    period_end = max(lasts, key=lambda v: v.last) if lasts else None  # type: ignore[arg-type,return-value]
    if period_start and period_end and period_start.first and period_end.last and (total is None or best[0] > 1):  # type: ignore[index]
        days = (period_end.last - period_start.first).days + 1
        total = Duration(days, days, "day", f"{period_start.text} to {period_end.text}", period_start.start, period_end.end)
        total_st = next((s for s in statements if period_end in s.dates), None)
    return total, total_st, period_start, period_end, placeholder


def _sprint_days(text: str) -> float | None:
    low = text.lower()
    at = min((i for i in (low.find("sprint"), low.find("iteration")) if i >= 0), default=-1)
    if at < 0:
        return None
    m = vocab.SPRINT_LENGTH.search(text, max(0, at - 30))
    if not m:
        return None
    n = parse_number(m.group("n") or m.group("m"))
    return n * 7 if n else None


def _start_event(statements: list[Statement]) -> str | None:
    for st in statements:
        if st.topic in ("period", "principal"):
            for a in st.anchors:
                if a.kind == "offset" and a.event_key in START_EVENTS:
                    return a.event_key
    return None


def _stated_start(statements: list[Statement]) -> date | None:
    """ "Work will commence on 1 March 2027", "Kick-off: 2027-03-01": the calendar day 0."""
    for st in statements:
        if st.topic in ("period", "principal", "other") and st.dates and _START_DATE.search(st.text):
            first = next((v.first for v in st.dates if v.first), None)
            if first:
                return first
    return None
