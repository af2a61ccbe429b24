"""The timeline checks: what in a SOW's schedule cannot hold, each a function with its thresholds.

Structural checks live here (no schedule, sums, order, overlaps, past dates); the realism checks
(buffer, density, UAT, stabilisation, client waits, fixed dates, ASAP) live in ``realism``.  Every
check takes ``(doc, tl, **thresholds)`` and returns a list of ``TimelineIssue``.
"""

from __future__ import annotations

import inspect
import re
from typing import Callable

from ..document.model import Document
from ..errors import ConfigError
from . import vocab
from .describe import entry_name, group_name, when
from .issues import TimelineIssue, groups, lowered_text, make_issue, principal_deadlines
from .model import build_timeline
from .realism import (asap, client_wait, density, fixed_dates, late_inputs, no_buffer, no_stabilisation, short_uat,
                      too_short)
from .records import Entry, Statement, Timeline
from .spans import START_EVENTS, describe_days

__all__ = ["CHECKS", "TimelineIssue", "analyse", "asap", "client_wait", "density", "end_before_start", "fixed_dates",
           "late_inputs", "needs_inputs", "no_buffer", "no_stabilisation", "no_timeline", "out_of_order", "over_total",
           "overlap", "past_date", "principal_deadlines", "schedule_evidence", "short_uat", "too_short"]


# -- is there a schedule at all ---------------------------------------------------------------------------
def schedule_evidence(tl: Timeline, min_entries: int = 2, doc: Document | None = None) -> str | None:
    """Why the document has a schedule (the first reason found), or None when it has none."""
    if tl.total is not None:
        return f"stated total: {tl.total.text}"
    if tl.period_end is not None or tl.placeholder_period:
        return "period of performance dates"
    # A period needs a length or two dates: "made effective as of 8 January 2024" starts an agreement,
    # it does not schedule the work.
    period = next((st for st in tl.statements_about("period") if _lasts(st) or len(tl.work_dates(st.dates)) >= 2),
                  None)
    if period is not None:
        return f"period statement: {period.text[:80]}"
    if len(tl.entries) >= min_entries:
        return f"{len(tl.entries)} schedule entries: {tl.entries[0].text[:60]}"
    weeks = next((e for e in tl.entries if e.kind in ("week", "month")), None)
    if weeks is not None:
        return f"schedule entry: {weeks.text[:80]}"
    # The Timeline section itself states a length or a date ("Estimated timeline: 6-8 weeks").
    stated = next((st for st in tl.statements if st.role == "timeline" and st.topic in ("principal", "other")
                   and (_lasts(st) or _dated(st, tl))), None)
    if stated is not None:
        return f"timeline section: {stated.text[:80]}"
    deadline = next(iter(principal_deadlines(tl, doc)), None)
    if deadline is not None:
        return f"deadline for the work: {deadline.text[:80]}"
    # An effort estimate for the whole work ("about 30 man-days", "64 hours of work") sizes it in time.
    effort = next((d for st in tl.statements if st.topic in ("principal", "other") for d in st.durations
                   if d.effort and not d.recurring), None)
    if effort is not None:
        return f"effort estimate: {effort.text}"
    if doc is not None and _calendar(doc):
        return "a calendar in the schedule section"
    return None


_WEEKDAYS = re.compile(r"\b(?:s\s+m\s+t\s+w\s+t\s+f\s+s|mon\s+tue\s+wed\s+thu\s+fri|sun\s+mon\s+tue)\b", re.I)
_MONTH_WORD = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                         r"december)\b", re.I)


def _calendar(doc: Document) -> bool:
    """A calendar pasted under a Schedule heading: weekday initials over rows of day numbers, month names
    (a reader may take the month lines for headings, so the text after the heading is read as is)."""
    for section in doc.sections_with_role("timeline"):
        body = doc.text[section.start:section.start + 1500]
        if _WEEKDAYS.search(body) and _MONTH_WORD.search(body):
            return True
    return False


def _lasts(st: Statement) -> bool:
    """A length of the work: not a rate, not hours, not a window after some other event ("within 10
    business days of delivery", "UAT within ten business days" are review periods, not the schedule)."""
    if _REVIEW_WINDOW.search(st.text):
        return False
    windows = {id(a.offset) for a in st.anchors if a.offset is not None and a.event_key
               and a.event_key not in START_EVENTS}
    return any(not d.recurring and d.unit != "hour" and id(d) not in windows for d in st.durations)


_REVIEW_WINDOW = re.compile(
    r"\b(?:upon|after|following|on)\s+(?:the\s+)?(?:[\w’']+\s+){0,3}?(?:delivery|receipt|submission|completion|"
    r"notice|notification|request|acceptance)\b|\b(?:uat|user\s+acceptance|acceptance\s+test\w*|review\s+period|"
    r"remediat\w*|warranty|response\s+times?)\b", re.I)


def _dated(st: Statement, tl: Timeline) -> bool:
    return bool(tl.work_dates(st.dates))


def no_timeline(doc: Document, tl: Timeline, min_entries: int = 2) -> list[TimelineIssue]:
    """No period of performance, dates, durations or milestones for the principal work.

    Service-level response times, report due dates and payment terms do not make a schedule.
    """
    if schedule_evidence(tl, min_entries, doc) is not None:
        return []
    phases = _untimed_phases(doc)
    detail = f"; {phases} are named without dates or durations" if phases else ""
    # The rule's message says "No timeline for the principal work: "; this says what is missing.
    message = f"the SOW gives no period of performance, dates, durations or milestones{detail}"
    return [TimelineIssue("no_timeline", message, "", 0, 0)]


_PHASE_HEAD = re.compile(r"^\s*(?:phase|stage|sprint|milestone|step)\s+(?:\d+|[ivx]+|one|two|three|four|five|six)\b",
                         re.I)


def _untimed_phases(doc: Document) -> str:
    """ "5 phases (Phase One to Phase 5)" when the document names phases but gives them no time."""
    names = list(dict.fromkeys(line.split(":")[0].strip() for line in doc.text.split("\n") if _PHASE_HEAD.match(line)))
    return f"{len(names)} phases ({names[0]} to {names[-1]})" if len(names) >= 2 else ""


# -- sums and order ---------------------------------------------------------------------------------------
def over_total(doc: Document, tl: Timeline, tolerance_days: float = 1.0) -> list[TimelineIssue]:
    """Phases that add up to more than the stated total, and dated work after the period of performance ends."""
    issues: list[TimelineIssue] = []
    if tl.total is not None:
        stated = tl.total.high_days
        for group in groups(tl):
            placed = [e for e in group if e.end_day is not None and e.kind != "milestone"]
            if len(placed) < 2:
                continue
            first = min(e.start_day if e.start_day is not None else 0.0 for e in placed)
            span = max(e.end_day for e in placed if e.end_day is not None) - first
            if span > stated + max(tolerance_days, 0.02 * stated):
                message = f"{group_name(placed)} add up to {describe_days(span)}; the SOW states {tl.total.describe()}"
                issues.append(make_issue(doc, "over_total", message, placed[0].start, placed[-1].end))
    end = tl.period_end
    if end is None or end.last is None or _undated_options(tl):
        return issues
    for st in tl.statements:
        if st.topic in ("history", "citation", "admin", "sla", "period") or _holds_document_date(st, tl):
            continue
        late = next((v for v in st.dates if v.first is not None and (v.first - end.last).days > tolerance_days), None)
        if late is not None:
            message = f"'{late.text}' falls after the period of performance ends ({end.text})"
            issues.append(make_issue(doc, "over_total", message, st.start, st.end))
    return issues


def _holds_document_date(st: Statement, tl: Timeline) -> bool:
    return tl.document_date is not None and st.start <= tl.document_date.start < st.end


def _undated_options(tl: Timeline) -> bool:
    """Option periods stated as lengths only: the last day of the whole period is then unknown."""
    return any(vocab.OPTION.search(st.text.lower()) for st in tl.statements_about("period"))


def out_of_order(doc: Document, tl: Timeline, tolerance_days: float = 0.0) -> list[TimelineIssue]:
    """Milestones listed in an order their dates or week numbers contradict."""
    issues = []
    for group in groups(tl):
        if not _sequence(doc, group):
            continue
        points = [e for e in group if e.end_day is not None and not e.implied and _comparable(e)]
        for before, after in zip(points, points[1:]):
            a = before.stated_start if before.stated_start is not None else before.end_day
            b = after.stated_start if after.stated_start is not None else after.end_day
            if a is not None and b is not None and b < a - tolerance_days:
                message = (f"{entry_name(after)} ({when(after)}) is listed after {entry_name(before)} "
                           f"({when(before)}) but comes before it")
                issues.append(make_issue(doc, "out_of_order", message, after.start, after.end))
    return issues


def _sequence(doc: Document, group: list[Entry]) -> bool:
    """Entries the document presents as a sequence: a timeline section, or a table of phases or milestones
    (a list of deliverables with due weeks is not read in order)."""
    if doc.section_at(group[0].start).role == "timeline":
        return True
    if group[0].source != "table":
        return all(e.anchor is not None and e.anchor.kind in ("phase", "sprint", "milestone", "week", "month")
                   for e in group)
    header = doc.text[doc.text.rfind("\n", 0, group[0].start - 1) + 1 : group[0].start].lower()
    return bool(vocab.PHASE_HEADER.search(header))


def _comparable(e: Entry) -> bool:
    """Dates, week numbers and offsets from the start share one clock; "5 days after each sprint" does not."""
    if e.date is not None or e.kind in ("week", "month", "day"):
        return True
    return e.anchor is not None and e.anchor.kind == "offset" and e.anchor.event_key in START_EVENTS


_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till)\s*$", re.I)


def end_before_start(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """A range whose end comes before its start: "1 March 2027 to 15 February 2027", "Weeks 8-3"."""
    issues = []
    for e in tl.entries:
        if e.start_day is not None and e.end_day is not None and e.end_day < e.start_day and not e.implied:
            message = f"{entry_name(e)} ends ({when(e, end=True)}) before it starts"
            issues.append(make_issue(doc, "end_before_start", message, e.start, e.end))
    for st in tl.statements:
        if st.role == "procurement":
            continue  # a typo in the buyer's own process dates is not the work's schedule
        dated = [v for v in st.dates if v.first is not None and v.last is not None]
        for a, b in zip(dated, dated[1:]):
            if _RANGE_JOIN.match(doc.text[a.end : b.start]) and b.last < a.first:  # type: ignore[operator]
                message = f"The range {a.text} to {b.text} ends before it starts"
                issues.append(make_issue(doc, "end_before_start", message, a.start, b.end))
    return issues


def overlap(doc: Document, tl: Timeline, min_overlap_days: float = 1.0) -> list[TimelineIssue]:
    """Phases presented one after another whose stated weeks or dates overlap, with no word of parallel work."""
    if vocab.PARALLEL.search(lowered_text(doc)):
        return []
    issues = []
    for group in groups(tl):
        if not _sequence(doc, group):
            continue
        spans = [e for e in group if e.start_day is not None and e.end_day is not None and not e.implied
                 and e.end_day > e.start_day and e.kind != "milestone"]
        for before, after in zip(spans, spans[1:]):
            shared = before.end_day - after.start_day  # type: ignore[operator]
            if shared >= min_overlap_days and after.start_day >= before.start_day:  # type: ignore[operator]
                message = (f"{entry_name(after)} ({when(after)}) starts before {entry_name(before)} "
                           f"({when(before)}) ends")
                issues.append(make_issue(doc, "overlap", message, after.start, after.end))
    return issues


# -- dates against the document's own date ----------------------------------------------------------------
# "by 1 March", "starts on 5 October", "Go-live: 9 December": a date the work is held to.
_DEADLINE_BEFORE = re.compile(
    r"(?:\bby|before|no later than|not later than|\bnlt|\bdue(?: on| by)?|until|till|through|deadline|"
    r"scheduled (?:for|on)|(?:start|begin|commence|end|complete|finish|deliver|launch|run)\w* (?:on|by|from)|"
    r"go-live(?: on)?|from|:)\s*(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?$")


def past_date(doc: Document, tl: Timeline, grace_days: int = 0) -> list[TimelineIssue]:
    """Schedule dates already past on the day the document is dated.

    Only a date the document states counts: a file's creation stamp is often years off (a template, a PDF
    printed later), so it does not date the schedule.
    """
    stated = tl.document_date
    if stated is None or stated.first is None or stated.start < 0:
        return []
    if stated.ambiguous:
        return []  # "08/06/2026" with no date order set: 8 June or 6 August; too unsure to call a date past
    candidates = [(e.date, e.start, e.end, f"{entry_name(e)} is dated") for e in tl.entries if e.date is not None]
    for st in tl.statements_about("period", "principal"):
        # "the inventory of 14 July" names a date; "complete by 14 July" holds the work to it.
        candidates += [(v, st.start, st.end, "The schedule names") for v in st.dates if st.topic == "period"
                       or _DEADLINE_BEFORE.search(doc.text[max(0, v.start - 30) : v.start].lower())]
    issues = []
    seen: set[int] = set()
    for value, start, end, what in candidates:
        if value.last is None or value.start in seen or value.start == stated.start:
            continue
        if (stated.first - value.last).days > grace_days:
            seen.add(value.start)
            message = f"{what} {value.text}, before the document's own date ({stated.text})"
            issues.append(make_issue(doc, "past_date", message, start, end))
    return issues


CHECKS: dict[str, Callable[..., list[TimelineIssue]]] = {
    "no_timeline": no_timeline, "over_total": over_total, "out_of_order": out_of_order,
    "end_before_start": end_before_start, "overlap": overlap, "past_date": past_date, "no_buffer": no_buffer,
    "density": density, "too_short": too_short, "short_uat": short_uat, "no_stabilisation": no_stabilisation,
    "client_wait": client_wait, "late_inputs": late_inputs,
    "fixed_dates": fixed_dates, "asap": asap,
}


# What a check may ask of the rest of the pipeline besides (doc, tl): not a threshold.
INPUTS = "inputs"  # the client inputs with a deadline, as (start, end, deadline words)


def thresholds_of(name: str) -> list[str]:
    """The thresholds check ``name`` takes: its parameters after (doc, tl), less what it is handed."""
    return [p for p in list(inspect.signature(CHECKS[name]).parameters)[2:] if p != INPUTS]


def needs_inputs(name: str) -> bool:
    return INPUTS in inspect.signature(CHECKS[name]).parameters


def analyse(doc: Document, timeline: Timeline | None = None, date_order: str | None = None,
            **thresholds: float) -> list[TimelineIssue]:
    """Run every check; a threshold goes to the check that names it (``max_per_week=3``)."""
    tl = timeline or build_timeline(doc, date_order)
    params = {name: thresholds_of(name) for name in CHECKS}
    known = {p for names in params.values() for p in names}
    unknown = sorted(set(thresholds) - known)
    if unknown:
        raise ConfigError(f"unknown timeline threshold {unknown[0]!r} (known: {', '.join(sorted(known))})")
    issues: list[TimelineIssue] = []
    for name, check in CHECKS.items():
        issues.extend(check(doc, tl, **{k: v for k, v in thresholds.items() if k in params[name]}))
    return sorted(issues, key=lambda i: (i.start, i.kind))
