"""Timeline realism checks: no buffer, too short or dense, short UAT, no stabilisation, waiting on the client, ASAP."""

from __future__ import annotations

import re

from ..document.model import Block, Cell, Document
from . import vocab
from .describe import entry_name, group_name
from .issues import TimelineIssue, groups, lowered_text, make_issue, principal_deadlines, sentence_of
from .records import Entry, Statement, Timeline
from .scope import measure, plan_weeks
from .spans import describe_days

MAX_CLIENT_WAITS = 5  # one finding per waiting step, up to this many: past it the pattern is clear


def no_buffer(doc: Document, tl: Timeline, min_phases: int = 3, min_days: float = 10.0) -> list[TimelineIssue]:
    """Three or more phases back to back and no contingency anywhere in the SOW, for work of two weeks or
    more: no buffer, float or slack, no range in the stated total that the plan leaves unused, and no
    word that the plan is indicative or moves with changes.  A job of a few days is not at risk."""
    low = lowered_text(doc)
    if vocab.BUFFER.search(low) or vocab.FLEX.search(low):
        return []
    issues = []
    for group in groups(tl):
        chain = [e for e in group if e.start_day is not None and e.end_day is not None and e.end_day > e.start_day]
        # "Days 1-3" then "Days 4-10" touch: day numbers are inclusive, week spans are not.
        touching = all(abs(b.start_day - a.end_day) < (1.01 if b.kind == "day" else 1.0)  # type: ignore[operator]
                       for a, b in zip(chain, chain[1:]))
        if len(chain) < min_phases or not touching:
            continue
        span = chain[-1].end_day - chain[0].start_day  # type: ignore[operator]
        if span < min_days or (tl.total is not None and tl.total.high_days > span + 2):
            continue  # a few days' job, or "7-9 weeks" for a plan of 7: the range is the slack
        message = (f"{group_name(chain)} run back to back for {describe_days(span)} with no contingency, "
                   f"buffer or float anywhere in the SOW")
        issues.append(make_issue(doc, "no_buffer", message, chain[0].start, chain[-1].end))
    return issues


def too_short(doc: Document, tl: Timeline, max_weeks_for_consolidation: float = 4.0,
              max_weeks_for_long_lead: float = 13.0, max_items_per_week: float = 3.0) -> list[TimelineIssue]:
    """The time cannot hold the scope: the document says its own plan is optimistic; an approval that takes
    months (an Authority to Operate) sits in a schedule of a few; data from many sources or years is moved in
    a few weeks; or a stated count of modules, stories or pages comes faster than the weeks allow.  The
    message gives the figures (scope items by kind, team, weeks)."""
    low = lowered_text(doc)
    admitted = vocab.OPTIMISTIC.search(low)
    if admitted is not None:
        return [make_issue(doc, "too_short", f"The SOW itself calls the plan optimistic: "
                           f"'{doc.text[admitted.start():admitted.end()]}'", admitted.start(), admitted.end())]
    weeks = plan_weeks(tl, doc)
    if weeks is None or vocab.FLEX.search(low):
        return []
    size = measure(doc, tl)
    lead = vocab.LONG_LEAD.search(low)
    if lead is not None and weeks <= max_weeks_for_long_lead and _in_scope(doc, lead.start()):
        what = doc.text[lead.start():lead.end()]
        return [make_issue(doc, "too_short", f"'{what}' usually takes months, and the whole plan is "
                           f"{_weeks(weeks)} ({size.describe()})", lead.start(), lead.end())]
    if size.migrations and weeks <= max_weeks_for_consolidation and (size.integrations >= 3 or _MANY_SOURCES.search(low)):
        return [make_issue(doc, "too_short", f"Data migration or consolidation in {_weeks(weeks)}: "
                           f"{size.describe()}", *_first_scope(doc))]
    counted = size.stated_counts
    if counted and counted / weeks > max_items_per_week:
        return [make_issue(doc, "too_short", f"{counted} stated modules, stories or pages in {_weeks(weeks)} is "
                           f"{counted / weeks:.1f} a week ({size.describe()})", *_first_scope(doc))]
    return []


def _weeks(weeks: float) -> str:
    return f"{weeks:g} week" + ("" if weeks == 1 else "s")


def late_inputs(doc: Document, tl: Timeline, inputs: tuple = ()) -> list[TimelineIssue]:
    """A client input due after the work that needs it is over: "content by week 6" in a 4-week plan.
    ``inputs`` are the client inputs (start, end, deadline words) the obligations layer read."""
    weeks = plan_weeks(tl, doc)
    if weeks is None or not inputs:
        return []
    end_day = weeks * 7
    issues = []
    for start, end, when in inputs:
        day = _day_of(when, tl)
        if day is not None and day > end_day + 1:
            message = (f"The client's input is due {when} (day {day:g}), after the whole plan ends "
                       f"({_weeks(weeks)}): the work that needs it cannot wait that long")
            issues.append(make_issue(doc, "late_inputs", message, start, end))
    return issues[:MAX_CLIENT_WAITS]


_WEEK_N = re.compile(r"\bweek\s*(?P<n>\d{1,3})\b", re.I)


def _day_of(when: str, tl: Timeline) -> float | None:
    """The plan day an input deadline names: "by week 6" is day 42; a calendar date counts from day 0."""
    m = _WEEK_N.search(when)
    if m:
        return float(int(m.group("n")) * 7)
    if tl.origin is not None:
        from .dates import normalise
        from .grammar import find_dates

        for span in find_dates(when):
            value = normalise(span, tl.date_order)
            if value.first is not None:
                return float((value.first - tl.origin).days)
    return None


_MANY_SOURCES = re.compile(r"\b(?:\d{1,3}\+?\s+(?:data\s+)?sources|\d{1,3}\+?\s+years\s+of\s+(?:historical\s+)?data)\b")


def _in_scope(doc: Document, at: int) -> bool:
    """The match sits in the work itself, not in a clause or a procurement instruction."""
    return doc.section_at(at).role not in ("terms", "procurement", "background")


def _first_scope(doc: Document) -> tuple[int, int]:
    for section in doc.walk():
        if section.role in ("scope", "deliverables") and section.level:
            return section.start, section.end
    return 0, 0


def density(doc: Document, tl: Timeline, max_per_week: float = 2.0, min_deliverables: int = 6) -> list[TimelineIssue]:
    """More deliverables per week of the stated duration than a team can produce and the client can review."""
    weeks = _length_weeks(tl)
    items = deliverable_items(doc)
    if weeks is None or weeks <= 0 or len(items) < min_deliverables:
        return []
    per_week = len(items) / weeks
    if per_week <= max_per_week:
        return []
    message = (f"{len(items)} deliverables in {describe_days(weeks * 7)} is {per_week:.1f} a week "
               f"(more than {max_per_week:g})")
    return [make_issue(doc, "density", message, items[0].start, items[-1].end)]


def _length_weeks(tl: Timeline) -> float | None:
    if tl.total is not None:
        return tl.total.high_days / 7
    ends = [e.end_day for e in tl.entries if e.end_day is not None]
    return max(ends) / 7 if ends else None


def deliverable_items(doc: Document) -> list[Block | Cell]:
    """Top-level list items and table rows of the Deliverables sections: one deliverable each."""
    items: list[Block | Cell] = []
    for section in doc.sections_with_role("deliverables"):
        for block in section.blocks:
            if block.kind == "list_item" and block.level == 0:
                items.append(block)
            elif block.kind == "table":
                items.extend(row[0] for row in block.rows[1:] if row)
    return items


def short_uat(doc: Document, tl: Timeline, min_days: float = 7.0) -> list[TimelineIssue]:
    """User acceptance testing given less than a week."""
    issues = []
    for e in tl.entries:
        days = _entry_days(e)
        if days is not None and days < min_days and vocab.UAT.search(e.label.lower()):
            message = f"UAT ({entry_name(e)}) gets {describe_days(days)}; less than {describe_days(min_days)}"
            issues.append(make_issue(doc, "short_uat", message, e.start, e.end))
    if issues:
        return issues
    # In prose: "UAT will last 2 days" (a length near the word), not "fixed within 2 days of UAT sign-off".
    for st in tl.statements:
        uat = vocab.UAT.search(st.text.lower())
        if uat is None or st.topic in ("sla", "admin"):
            continue
        for d in st.durations:
            anchored = any(a.offset == d and a.event for a in st.anchors)
            near = abs((d.start - st.start) - uat.start()) <= 40
            if near and not anchored and not d.recurring and d.high_days < min_days:
                message = f"UAT gets {d.describe()}; less than {describe_days(min_days)}"
                issues.append(make_issue(doc, "short_uat", message, st.start, st.end))
                break
    return issues


def _entry_days(e: Entry) -> float | None:
    if e.duration is not None:
        return e.duration.high_days
    if e.start_day is not None and e.end_day is not None and not e.implied:
        return e.end_day - e.start_day
    return None


def no_stabilisation(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """Go-live straight after UAT, with no hypercare, stabilisation or warranty period anywhere."""
    if vocab.STABILISE.search(lowered_text(doc)):
        return []
    scheduled = [(e.label.lower(), e.start, e.end) for e in tl.entries]
    scheduled += [(st.text.lower(), st.start, st.end) for st in tl.statements if st.role == "timeline"]
    uat = next((s for s in scheduled if vocab.UAT.search(s[0])), None)
    if uat is None:
        return []
    live = next((s for s in scheduled if vocab.GOLIVE.search(s[0]) and s[1] >= uat[1]), None)
    if live is None:
        return []
    message = "Go-live follows UAT with no hypercare, stabilisation or warranty period"
    return [make_issue(doc, "no_stabilisation", message, live[1], live[2])]


def client_wait(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """Schedule items that wait on the client (review, content, approvals, access) with no turnaround stated,
    in a SOW with no clause that moves the schedule when the client is late."""
    if vocab.RELIEF.search(lowered_text(doc)):
        return []
    issues = []
    for st in tl.statements:
        if not (st.role == "timeline" or st.topic == "principal") or not st.has_time:
            continue
        wait = vocab.CLIENT_WAIT.search(st.text.lower())
        if wait is not None and not _turnaround(st, wait.start()):
            message = (f"'{st.text[wait.start():wait.end()]}' holds up the schedule with no turnaround time, "
                       f"and nothing says the dates move if it is late")
            issues.append(make_issue(doc, "client_wait", message, st.start, st.end))
    return issues[:MAX_CLIENT_WAITS]


def _turnaround(st: Statement, at: int) -> bool:
    """A time limit on the client's step: "within 5 business days", "review cycles are 2 business days"."""
    near = any(abs((d.start - st.start) - at) <= 60 and not d.recurring and d.unit in ("day", "business_day", "hour",
                                                                                      "week") for d in st.durations)
    return near or bool(vocab.TURNAROUND.search(st.text))


def fixed_dates(doc: Document, tl: Timeline, min_dated: int = 3) -> list[TimelineIssue]:
    """The work pinned to fixed dates (a dated schedule, or completion a fixed time after award) while it depends
    on the client or a third party (access, approvals, furnished items), and no clause lets the dates move."""
    low = lowered_text(doc)
    depends = vocab.CLIENT_WAIT.search(low)
    if depends is None or vocab.RELIEF.search(low):
        return []
    dated = [e for e in tl.entries if e.date is not None and tl.work_dates([e.date]) and _work_item(e.text)]
    # Completion a fixed time after award, whether said as a deadline or as the period of performance itself.
    stated = principal_deadlines(tl, doc) + [st for st in tl.statements_about("period")
                                             if vocab.COMPLETE.search(sentence_of(doc, st))]
    from_award = [st for st in stated if _work_item(sentence_of(doc, st)) and any(
        a.kind == "offset" and a.event_key in ("award", "signature") and a.relation not in ("before", "prior to")
        for a in st.anchors)]
    if len(dated) >= min_dated:
        what, where = f"{len(dated)} fixed dates", dated[0]
    elif from_award:
        what, where = f"'{from_award[0].text.strip()[:80]}'", from_award[0]
    else:
        return []
    message = (f"The schedule is fixed ({what}) while the work depends on '{doc.text[depends.start():depends.end()]}', "
               f"and nothing says the dates move if that is late")
    return [make_issue(doc, "fixed_dates", message, where.start, where.end)]


def _work_item(text: str) -> bool:
    """A milestone of the work itself, not of the purchase (quotes due) or of paperwork about it (plans, staff);
    a table row named after a contract period ("Option YR 1 | 12 MO's | ...") is the contract's term."""
    low = text.lower()
    first_cell = low.split("|")[0] if "|" in low else ""
    return not (vocab.PROCUREMENT.search(low) or vocab.ABOUT_WORK.search(low) or vocab.ADMIN.search(low)
                or vocab.CONTRACT_PERIOD.search(first_cell))


def asap(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """ "ASAP", "immediately" or "as soon as possible" used as a deadline for the work (not "notify immediately")."""
    issues = []
    low = lowered_text(doc)
    for m in vocab.ASAP.finditer(low):
        start, end = _sentence_around(low, m.start(), m.end())
        sentence = low[start:end]
        if vocab.ASAP_DEADLINE.search(sentence) and not (vocab.SLA.search(sentence) or
                                                         vocab.ASAP_NOT_WORK.search(sentence)):
            message = f"'{doc.text[m.start():m.end()]}' is used as a deadline; name a date or a number of days"
            issues.append(make_issue(doc, "asap", message, start, end))
    return issues


_STOP = re.compile(r"[.;!?\n]")


def _sentence_around(low: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding ``low[start:end]``, at most 300 characters each side."""
    before = [m.end() for m in _STOP.finditer(low, max(0, start - 300), start)]
    after = _STOP.search(low, end, end + 300)
    left = before[-1] if before else max(0, start - 300)
    while left < start and low[left] == " ":
        left += 1
    return left, (after.end() if after else min(len(low), end + 300))
