"""The timeline checks: what in a SOW's schedule cannot hold, each a function with its thresholds.

Structural checks live here (no schedule, sums, order, overlaps, past dates); the realism checks
(buffer, density, UAT, stabilisation, client waits, fixed dates, ASAP) live in ``realism``.
"""

from __future__ import annotations

import inspect
import re
from typing import Callable

from ..document import Document
from ..errors import ConfigError
from . import vocab
from .describe import entry_name, group_name, when
from .issues import TimelineIssue, groups, lowered_text, make_issue, principal_deadlines
from .model import Entry, Timeline, build_timeline
from .realism import asap, client_wait, density, fixed_dates, no_buffer, no_stabilisation, short_uat
from .spans import START_EVENTS, describe_days

__all__ = ["CHECKS", "TimelineIssue", "analyse", "asap", "client_wait", "density", "end_before_start", "fixed_dates",
           "no_buffer", "no_stabilisation", "no_timeline", "out_of_order", "over_total", "overlap", "past_date",
           "principal_deadlines", "schedule_evidence", "short_uat"]


def schedule_evidence(tl: Timeline, min_entries: int = 2, doc: Document | None = None) -> str | None:
    """Why the document has a schedule (the first reason found), or None when it has none."""
    if tl.total is not None:
        return f"stated total: {tl.total.text}"
    if tl.period_end is not None or tl.placeholder_period:
        return "period of performance dates"
    period = next((st for st in tl.statements_about("period") if st.has_time), None)
    if period is not None:
        return f"period statement: {period.text[:80]}"
    if len(tl.entries) >= min_entries:
        return f"{len(tl.entries)} schedule entries: {tl.entries[0].text[:60]}"
    strong = next((e for e in tl.entries if e.source == "table" or e.kind in ("week", "month")), None)
    if strong is not None:
        return f"schedule entry: {strong.text[:80]}"
    deadline = next(iter(principal_deadlines(tl, doc)), None)
    return f"deadline for the work: {deadline.text[:80]}" if deadline is not None else None


def no_timeline(doc: Document, tl: Timeline, min_entries: int = 2) -> list[TimelineIssue]:
    """No period of performance, dates, durations or milestones for the principal work.

    Service-level response times, report due dates and payment terms do not make a schedule.
    """
    if schedule_evidence(tl, min_entries, doc) is not None:
        return []
    phases = _untimed_phases(doc)
    detail = f"; {phases} are named without dates or durations" if phases else ""
    return [TimelineIssue("no_timeline", f"No period of performance, dates, durations or milestones for the work{detail}",
                          "", 0, 0)]


_PHASE_HEAD = re.compile(r"^\s*(?:phase|stage|sprint|milestone|step)\s+(?:\d+|[ivx]+|one|two|three|four|five|six)\b", re.I)


def _untimed_phases(doc: Document) -> str:
    names = [line.split(":")[0].strip() for line in doc.text.split("\n") if _PHASE_HEAD.match(line)]
    names = list(dict.fromkeys(names))
    if len(names) >= 2:
        return f"{len(names)} phases ({names[0]} to {names[-1]})"
    return ""


# -- sums and order ---------------------------------------------------------------------------------------
def over_total(doc: Document, tl: Timeline, tolerance_days: float = 1.0) -> list[TimelineIssue]:
    """Phases that add up to more than the stated total, and dated work after the period ends."""
    issues: list[TimelineIssue] = []
    if tl.total is not None:
        stated = tl.total.high_days
        for group in groups(tl):
            placed = [e for e in group if e.end_day is not None and e.kind not in ("milestone",)]
            if len(placed) < 2:
                continue
            span = max(e.end_day for e in placed) - min(e.start_day if e.start_day is not None else 0.0 for e in placed)  # type: ignore[type-var]
            if span > stated + max(tolerance_days, 0.02 * stated):
                issues.append(make_issue(doc, "over_total", f"{group_name(placed)} add up to {describe_days(span)}; "
                                         f"the SOW states {tl.total.describe()}", placed[0].start, placed[-1].end))
    end = tl.period_end
    if end is not None and end.last is not None and not _undated_options(tl):
        for st in tl.statements:
            if st.topic in ("history", "admin", "sla", "period") or (tl.document_date and st.start <= tl.document_date.start < st.end):
                continue
            for v in st.dates:
                if v.first is not None and (v.first - end.last).days > tolerance_days:
                    issues.append(make_issue(doc, "over_total", f"'{v.text}' falls after the period of performance ends "
                                             f"({end.text})", st.start, st.end))
                    break
    return issues


def _undated_options(tl: Timeline) -> bool:
    """Option periods stated as lengths only: the last day of the whole period is then unknown."""
    return any(vocab.OPTION.search(st.text.lower()) for st in tl.statements_about("period"))


def out_of_order(doc: Document, tl: Timeline, tolerance_days: float = 0.0) -> list[TimelineIssue]:
    """Milestones listed in an order their dates or week numbers contradict."""
    issues = []
    for group in groups(tl):
        points = [e for e in group if e.end_day is not None and not e.implied and _comparable(e)]
        for before, after in zip(points, points[1:]):
            a = before.start_day if before.start_day is not None else before.end_day
            b = after.start_day if after.start_day is not None else after.end_day
            if a is not None and b is not None and b < a - tolerance_days:
                issues.append(make_issue(doc, "out_of_order", f"{entry_name(after)} ({when(after)}) is listed after "
                                         f"{entry_name(before)} ({when(before)}) but comes before it", after.start, after.end))
    return issues


def _comparable(e: Entry) -> bool:
    """Dates, week numbers and offsets from the start share one clock; "5 days after each sprint" does not."""
    if e.date is not None or e.kind in ("week", "month", "day"):
        return True
    return e.anchor is not None and e.anchor.kind == "offset" and e.anchor.event_key in START_EVENTS


_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.I)


def end_before_start(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """A range whose end comes before its start: "1 March 2027 to 15 February 2027", "Weeks 8-3"."""
    issues = []
    for e in tl.entries:
        if e.start_day is not None and e.end_day is not None and e.end_day < e.start_day and not e.implied:
            issues.append(make_issue(doc, "end_before_start", f"{entry_name(e)} ends ({when(e, end=True)}) before it starts",
                                     e.start, e.end))
    for st in tl.statements:
        dated = [v for v in st.dates if v.first is not None]
        for a, b in zip(dated, dated[1:]):
            between = doc.text[a.end : b.start]
            if _RANGE_JOIN.match(between) and b.last < a.first and not re.search(r"\bbetween\b", between):  # type: ignore[operator]
                issues.append(make_issue(doc, "end_before_start", f"The range {a.text} to {b.text} ends before it starts",
                                         a.start, b.end))
    return issues


def overlap(doc: Document, tl: Timeline, min_overlap_days: float = 1.0) -> list[TimelineIssue]:
    """Phases presented one after another whose stated weeks or dates overlap, with no word of parallel work."""
    if vocab.PARALLEL.search(lowered_text(doc)):
        return []
    issues = []
    for group in groups(tl):
        spans = [e for e in group if e.start_day is not None and e.end_day is not None and not e.implied
                 and e.end_day > e.start_day and e.kind != "milestone"]
        for before, after in zip(spans, spans[1:]):
            shared = before.end_day - after.start_day  # type: ignore[operator]
            if shared >= min_overlap_days and after.start_day >= before.start_day:  # type: ignore[operator]
                issues.append(make_issue(doc, "overlap", f"{entry_name(after)} ({when(after)}) starts before "
                                         f"{entry_name(before)} ({when(before)}) ends", after.start, after.end))
    return issues


# -- dates against the document's own date ----------------------------------------------------------------
def past_date(doc: Document, tl: Timeline, grace_days: int = 0) -> list[TimelineIssue]:
    """Schedule dates already past on the day the document is dated."""
    if tl.document_date is None or tl.document_date.first is None:
        return []
    today = tl.document_date.first
    issues = []
    seen: set[int] = set()
    candidates = [(e.date, e.start, e.end, entry_name(e)) for e in tl.entries if e.date is not None]
    for st in tl.statements:
        if st.topic in ("period", "principal") and (st.topic == "period" or vocab.DEADLINE.search(st.text.lower())):
            candidates += [(v, st.start, st.end, None) for v in st.dates]
    for value, start, end, name in candidates:
        if value is None or value.last is None or value.start in seen or value.start == tl.document_date.start:
            continue
        if (today - value.last).days > grace_days:
            seen.add(value.start)
            what = f"{name} is dated" if name else "The schedule names"
            issues.append(make_issue(doc, "past_date", f"{what} {value.text}, before the document's own date "
                                     f"({tl.document_date.text})", start, end))
    return issues


CHECKS: dict[str, Callable[..., list[TimelineIssue]]] = {
    "no_timeline": no_timeline, "over_total": over_total, "out_of_order": out_of_order,
    "end_before_start": end_before_start, "overlap": overlap, "past_date": past_date, "no_buffer": no_buffer,
    "density": density, "short_uat": short_uat, "no_stabilisation": no_stabilisation, "client_wait": client_wait,
    "fixed_dates": fixed_dates, "asap": asap,
}


def analyse(doc: Document, timeline: Timeline | None = None, date_order: str | None = None,
            **thresholds: float) -> list[TimelineIssue]:
    """Run every check; a threshold goes to the check that names it (``max_per_week=3``)."""
    tl = timeline or build_timeline(doc, date_order)
    known = {name for check in CHECKS.values() for name in list(inspect.signature(check).parameters)[2:]}
    unknown = sorted(set(thresholds) - known)
    if unknown:
        raise ConfigError(f"unknown timeline threshold {unknown[0]!r} (known: {', '.join(sorted(known))})")
    issues: list[TimelineIssue] = []
    for check in CHECKS.values():
        params = list(inspect.signature(check).parameters)[2:]
        issues.extend(check(doc, tl, **{k: v for k, v in thresholds.items() if k in params}))
    return sorted(issues, key=lambda i: (i.start, i.kind))
