"""The issue record and the helpers every timeline check shares."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document.model import Document
from . import vocab
from .records import Entry, Statement, Timeline
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
    """An issue whose evidence is ``doc.text[start:end]``."""
    return TimelineIssue(kind, message, doc.text[start:end], start, end)


def groups(tl: Timeline) -> list[list[Entry]]:
    """The entries of each table, timeline section or list, in order."""
    found: dict[int, list[Entry]] = {}
    for e in tl.entries:
        found.setdefault(e.group, []).append(e)
    return list(found.values())


def lowered_text(doc: Document) -> str:
    """``doc.text`` in lower case, made once per text however many checks ask."""
    return _lower(doc.text)


@lru_cache(maxsize=2)  # the document being checked (and the one before): texts can be megabytes
def _lower(text: str) -> str:
    return text.lower()


def principal_deadlines(tl: Timeline, doc: Document | None = None) -> list[Statement]:
    """Statements that put a date or an offset from the start on the work itself (not reports, not SLAs)."""
    found = []
    for st in tl.statements_about("principal", "other"):
        if st.role == "client-responsibilities":
            continue  # "Deliver brand standards within ten days of the effective date" is the client's input
        low = sentence_of(doc, st) if doc is not None else st.text.lower()
        # "30 days prior to the start" is a prerequisite, not a date for the work.
        offsets = [a for a in st.anchors if a.kind == "offset" and a.event_key in START_EVENTS
                   and a.offset is not None and a.offset.unit != "hour" and a.relation not in ("before", "prior to")]
        dated = tl.work_dates(st.dates)
        if (offsets and vocab.PRINCIPAL.search(low)) or (dated and vocab.DEADLINE.search(low)):
            found.append(st)
    return found


def sentence_of(doc: Document, st: Statement, max_lines: int = 4) -> str:
    """The statement (lower case) with the lines it continues: a PDF line that starts in lower case is mid-sentence."""
    low = lowered_text(doc)
    start = st.start
    for _ in range(max_lines):
        if start == 0 or not doc.text[start : start + 1].islower():
            break
        start = low.rfind("\n", 0, start - 1) + 1
    return low[start : st.end]
