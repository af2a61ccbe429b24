"""Timeline realism checks: no buffer, too dense, short UAT, no stabilisation, waiting on the client, ASAP."""

from __future__ import annotations

import re

from ..document import Document
from . import vocab
from .describe import entry_name, group_name
from .issues import TimelineIssue, groups, lowered_text, make_issue, principal_deadlines, sentence_of
from .model import Entry, Statement, Timeline
from .spans import describe_days


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
            issues.append(make_issue(doc, "no_buffer", f"{group_name(chain)} run back to back for {describe_days(span)} "
                                     f"with no contingency, buffer or float anywhere in the SOW", chain[0].start, chain[-1].end))
    return issues


def density(doc: Document, tl: Timeline, max_per_week: float = 2.0, min_deliverables: int = 6) -> list[TimelineIssue]:
    """More deliverables per week of the stated duration than a team can produce and the client can review."""
    weeks = _length_weeks(tl)
    if weeks is None or weeks <= 0:
        return []
    items = deliverable_items(doc)
    per_week = len(items) / weeks
    if len(items) >= min_deliverables and per_week > max_per_week:
        first, last = items[0], items[-1]
        return [make_issue(doc, "density", f"{len(items)} deliverables in {describe_days(weeks * 7)} is {per_week:.1f} "
                           f"a week (more than {max_per_week:g})", first.start, last.end)]
    return []


def _length_weeks(tl: Timeline) -> float | None:
    if tl.total is not None:
        return tl.total.high_days / 7
    ends = [e.end_day for e in tl.entries if e.end_day is not None]
    return max(ends) / 7 if ends else None


def deliverable_items(doc: Document) -> list:
    """List items and table rows of the Deliverables sections: one deliverable each."""
    items = []
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
        if vocab.UAT.search(e.label.lower()) and _entry_days(e) is not None and _entry_days(e) < min_days:  # type: ignore[operator]
            issues.append(make_issue(doc, "short_uat", f"UAT ({entry_name(e)}) gets {describe_days(_entry_days(e))}; "  # type: ignore[arg-type]
                                     f"less than {describe_days(min_days)}", e.start, e.end))
    if issues:
        return issues
    for st in tl.statements:
        low = st.text.lower()
        uat = vocab.UAT.search(low)
        if not uat or st.topic in ("sla", "admin"):
            continue
        for d in st.durations:
            anchored = any(a.offset == d and a.event for a in st.anchors)
            near = abs((d.start - st.start) - uat.start()) <= 40
            if near and not anchored and not d.recurring and d.high_days < min_days:
                issues.append(make_issue(doc, "short_uat", f"UAT gets {d.describe()}; less than {describe_days(min_days)}",
                                         st.start, st.end))
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
    low = lowered_text(doc)
    if vocab.STABILISE.search(low):
        return []
    scheduled = [(e.label.lower(), e.start, e.end) for e in tl.entries]
    scheduled += [(st.text.lower(), st.start, st.end) for st in tl.statements if st.role == "timeline"]
    uat = next((s for s in scheduled if vocab.UAT.search(s[0])), None)
    live = next((s for s in scheduled if vocab.GOLIVE.search(s[0]) and (uat is None or s[1] >= uat[1])), None)
    if uat is None or live is None:
        return []
    return [make_issue(doc, "no_stabilisation", "Go-live follows UAT with no hypercare, stabilisation or warranty period",
                       live[1], live[2])]


def client_wait(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """Schedule items that wait on the client (review, content, approvals, access) with no turnaround stated,
    in a SOW with no clause that moves the schedule when the client is late."""
    if vocab.RELIEF.search(lowered_text(doc)):
        return []
    issues = []
    for st in tl.statements:
        if not (st.role == "timeline" or st.topic == "principal") or not st.has_time:
            continue
        text = st.text.lower()
        wait = vocab.CLIENT_WAIT.search(text)
        if wait and not _turnaround(st, wait.start()):
            issues.append(make_issue(doc, "client_wait", f"'{st.text[wait.start():wait.end()]}' holds up the schedule with no "
                                     f"turnaround time, and nothing says the dates move if it is late", st.start, st.end))
    return issues[:5]


def _turnaround(st: Statement, at: int) -> bool:
    """A time limit on the client's step: "within 5 business days", "review cycles are 2 business days"."""
    return any(abs((d.start - st.start) - at) <= 60 and not d.recurring and d.unit in ("day", "business_day", "hour", "week")
               for d in st.durations) or bool(vocab.TURNAROUND.search(st.text))


def fixed_dates(doc: Document, tl: Timeline, min_dated: int = 3) -> list[TimelineIssue]:
    """The work pinned to fixed dates (a dated schedule, or completion a fixed time after award) while it depends
    on the client or a third party (access, approvals, furnished items), and no clause lets the dates move."""
    low = lowered_text(doc)
    if vocab.RELIEF.search(low):
        return []
    depends = vocab.CLIENT_WAIT.search(low)
    if depends is None:
        return []
    dated = [e for e in tl.entries if e.date is not None and e.date.first is not None and _work_item(doc, e.text)
             and (tl.document_date is None or e.date.start != tl.document_date.start)]
    from_award = [st for st in principal_deadlines(tl, doc) if _work_item(doc, sentence_of(doc, st)) and any(
        a.kind == "offset" and a.event_key in ("award", "signature") for a in st.anchors)]
    if len(dated) < min_dated and not from_award:
        return []
    first = dated[0] if len(dated) >= min_dated else from_award[0]
    what = f"{len(dated)} fixed dates" if len(dated) >= min_dated else f"'{from_award[0].text.strip()[:80]}'"
    return [make_issue(doc, "fixed_dates", f"The schedule is fixed ({what}) while the work depends on "
                       f"'{doc.text[depends.start():depends.end()]}', and nothing says the dates move if that is late",
                       first.start, first.end)]


def _work_item(doc: Document, text: str) -> bool:
    """A milestone of the work itself, not of the purchase (quotes due) or of paperwork about it (plans, staff)."""
    low = text.lower()
    return not (vocab.PROCUREMENT.search(low) or vocab.ABOUT_WORK.search(low) or vocab.ADMIN.search(low))


def asap(doc: Document, tl: Timeline) -> list[TimelineIssue]:
    """ "ASAP", "immediately" or "as soon as possible" used as a deadline."""
    issues = []
    low = lowered_text(doc)
    for m in vocab.ASAP.finditer(low):
        start, end = _sentence_around(low, m.start(), m.end())
        sentence = low[start:end]
        if vocab.ASAP_DEADLINE.search(sentence) and not (vocab.SLA.search(sentence) or vocab.ASAP_NOT_WORK.search(sentence)):
            issues.append(make_issue(doc, "asap", f"'{doc.text[m.start():m.end()]}' is used as a deadline; name a date "
                                     f"or a number of days", start, end))
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
