"""Timeline realism checks: no buffer, too dense, short UAT, no stabilisation, waiting on the client, ASAP."""

from __future__ import annotations

import re

from ..document.model import Block, Cell, Document
from . import vocab
from .describe import entry_name, group_name
from .issues import TimelineIssue, groups, lowered_text, make_issue, principal_deadlines, sentence_of
from .records import Entry, Statement, Timeline
from .spans import describe_days

MAX_CLIENT_WAITS = 5  # one finding per waiting step, up to this many: past it the pattern is clear


def no_buffer(doc: Document, tl: Timeline, min_phases: int = 3) -> list[TimelineIssue]:
    """Three or more phases back to back and no contingency, buffer, float or slack anywhere in the SOW."""
    if vocab.BUFFER.search(lowered_text(doc)):
        return []
    issues = []
    for group in groups(tl):
        chain = [e for e in group if e.start_day is not None and e.end_day is not None and e.end_day > e.start_day]
        touching = all(abs(b.start_day - a.end_day) < 1.0 for a, b in zip(chain, chain[1:]))  # type: ignore[operator]
        if len(chain) >= min_phases and touching:
            span = chain[-1].end_day - chain[0].start_day  # type: ignore[operator]
            message = (f"{group_name(chain)} run back to back for {describe_days(span)} with no contingency, "
                       f"buffer or float anywhere in the SOW")
            issues.append(make_issue(doc, "no_buffer", message, chain[0].start, chain[-1].end))
    return issues


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
