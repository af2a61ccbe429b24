"""The Timeline of a Document: its time statements, the period of performance and the start point."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from ..document.model import Document
from ..errors import ConfigError
from . import vocab
from .dates import DATE_ORDERS, document_date, infer_order, normalise, order_evidence
from .entries import place_entries, schedule_entries
from .grammar import find_dependencies, parse_number, scan
from .issues import lowered_text
from .period import announced_periods, stated_period
from .records import Entry, Statement, Timeline
from .spans import START_EVENTS
from .topics import period_like, topic_of

__all__ = ["Entry", "Statement", "Timeline", "build_timeline", "topic_of"]

_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[\"“])")
_START_DATE = re.compile(r"\b(?:start|commenc|kick[\s-]?off|begin|effective)", re.I)


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
    found = scan(doc.text, dependencies=False)
    order = date_order or infer_order(found.dates)
    evidence = order_evidence(found.dates)
    if date_order:
        order_note = f"{order} (set in the configuration)"
    elif evidence is not None:
        order_note = f"{order} (inferred: '{evidence.text}' can only be read one way)"
    else:
        order_note = f"{order} (no date settles it: the default)"
    values = [normalise(s, order) for s in found.dates]
    statements = _statements(doc, found.durations, found.anchors, values)
    warnings = [f"'{v.text}' could be day/month or month/day; read as {order} (set the date order to be sure)"
                for v in values if v.ambiguous and not date_order]
    doc_date = document_date(doc.text, doc.meta.created, order, values)
    period = stated_period(statements, doc_date)
    sprint_days = _sprint_days(doc)
    entries = schedule_entries(doc, statements, sprint_days, doc_date)
    origin = period.first.first if period.first else _stated_start(statements)
    place_entries(entries, origin)
    return Timeline(statements, entries, period.total, period.statement, period.first, period.last,
                    _start_event(statements), origin, doc_date, order, sprint_days, period.placeholder,
                    list(dict.fromkeys(warnings)), order_note)


def _statements(doc: Document, durations: list, anchors: list, values: list) -> list[Statement]:
    """The units (sentences, table rows, headings) that hold a time expression, each with its topic."""
    units = list(_units(doc))
    starts = [u[1] for u in units]
    buckets: dict[int, tuple[list, list, list]] = {}
    for items, slot in ((durations, 0), (anchors, 1), (values, 2)):
        for item in items:
            i = bisect_right(starts, item.start) - 1
            if i >= 0 and item.end <= units[i][1] + len(units[i][0]):
                buckets.setdefault(i, ([], [], []))[slot].append(item)
    announced = announced_periods(units, buckets)
    statements = []
    for i in sorted(buckets):
        text, start, section, kind, block = units[i]
        found_durations, found_anchors, dated = buckets[i]
        topic = topic_of(text, section.role, section.title)
        if i in announced and topic not in ("citation", "history", "period"):
            low = text.lower()
            topic = "period" if period_like(low, vocab.topics(low)) else topic
        # Dependencies ("after receipt of client content") matter only where a time is: found here, not in the scan.
        relative = sorted(found_anchors + find_dependencies(text, offset=start), key=lambda a: a.start)
        statements.append(Statement(text, start, start + len(text), topic, section.role, kind, section.start, block,
                                    found_durations, relative, dated))
    return statements


def _sprint_days(doc: Document) -> float | None:
    """The sprint length the SOW states ("two-week sprints"), in days."""
    text, low = doc.text, lowered_text(doc)  # the lower-case text the checks use too
    at = min((i for i in (low.find("sprint"), low.find("iteration")) if i >= 0), default=-1)
    if at < 0:
        return None
    m = vocab.SPRINT_LENGTH.search(text, max(0, at - 30))
    if not m:
        return None
    n = parse_number(m.group("n") or m.group("m"))
    return n * 7 if n else None


def _start_event(statements: list[Statement]) -> str | None:
    """What the schedule counts from: the first start event a period or work statement names."""
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
