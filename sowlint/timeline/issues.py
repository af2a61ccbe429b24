"""The issue record and the helpers every timeline check shares."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from . import vocab
from .model import Entry, Statement, Timeline
from .spans import START_EVENTS


@dataclass(frozen=True)
class TimelineIssue:
    """One problem with the schedule; ``start``/``end`` span the evidence in ``Document.text``."""

    kind: str
    message: str
    evidence: str
    start: int
    end: int


def make_issue(doc: Document, kind: str, message: str, start: int, end: int) -> TimelineIssue:
    return TimelineIssue(kind, message, doc.text[start:end], start, end)


def groups(tl: Timeline) -> list[list[Entry]]:
    groups: dict[int, list[Entry]] = {}
    for e in tl.entries:
        groups.setdefault(e.group, []).append(e)
    return list(groups.values())


def lowered_text(doc: Document) -> str:
    low = getattr(doc, "_timeline_lower", None)
    if low is None or len(low) != len(doc.text):
        low = doc.text.lower()
        try:
            object.__setattr__(doc, "_timeline_lower", low)
        except AttributeError:
            pass
    return low


# -- is there a schedule at all --------------------------------------------------------------------------
def principal_deadlines(tl: Timeline, doc: Document | None = None) -> list[Statement]:
    """Statements that put a date or an offset from the start on the work itself (not reports, not SLAs)."""
    found = []
    for st in tl.statements_about("principal", "other"):
        low = sentence_of(doc, st) if doc is not None else st.text.lower()
        # "30 days prior to the start" is a prerequisite, not a date for the work.
        offsets = [a for a in st.anchors if a.kind == "offset" and a.event_key in START_EVENTS
                   and a.offset is not None and a.offset.unit != "hour" and a.relation not in ("before", "prior to")]
        dated = [v for v in st.dates if v.first is not None and (tl.document_date is None or v.start != tl.document_date.start)]
        if (offsets and vocab.PRINCIPAL.search(low)) or (dated and vocab.DEADLINE.search(low)):
            found.append(st)
    return found


def sentence_of(doc: Document, st: Statement, max_lines: int = 4) -> str:
    """The statement with the lines it continues: a PDF line that starts in lower case is mid-sentence."""
    low = lowered_text(doc)
    start = st.start
    for _ in range(max_lines):
        if start == 0 or not doc.text[start : start + 1].islower():
            break
        start = low.rfind("\n", 0, start - 1) + 1
    return low[start : st.end]
