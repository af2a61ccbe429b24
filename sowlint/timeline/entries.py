"""Schedule entries: the phases, sprints and milestones of a SOW, from tables, timeline sections and lists."""

from __future__ import annotations

import re
from datetime import date

from ..document import Block, Document
from . import vocab
from .dates import DateValue
from .model import Entry, Statement
from .spans import START_EVENTS, Anchor

_REF_KINDS = ("week", "sprint", "phase", "month", "day", "milestone", "release")
_POSITION_DAYS = {"week": 7.0, "month": 30.4375, "day": 1.0}
_LETTERS = re.compile(r"[A-Za-z]{3}")
# "Date: 12/01/2026" on every page is the document's date, not a milestone.
_DATE_LINE = re.compile(r"^[\W_]*(?:document |issue |revision |version )?dated?[*_]*\s*:", re.I)


def schedule_entries(doc: Document, statements: list[Statement], sprint_days: float | None,
                     doc_date: DateValue | None) -> list[Entry]:
    """Every timed entry, grouped: one group per schedule table, timeline section tree or list."""
    by_block: dict[int, list[Statement]] = {}
    headings: dict[int, Statement] = {}
    table_rows: dict[int, Statement] = {}
    for st in statements:
        if st.block is None:
            headings[st.section_start] = st
        elif st.kind == "table":
            table_rows[st.start] = st
        else:
            by_block.setdefault(st.block, []).append(st)
    skip = doc_date.start if doc_date is not None else -2
    entries: list[Entry] = []
    group = 0
    for block in doc.blocks():
        if block.kind == "table":
            rows = _table_entries(doc, block, group, table_rows)
            if rows:
                entries.extend(rows)
                group += 1
    for section in doc.walk():
        # A timeline section is read with its subsections as one sequence; elsewhere only its own lines.
        if section.role == "timeline" and _parent_role(doc, section) == "timeline":
            continue
        tree = list(section.walk()) if section.role == "timeline" else [section]
        found: list[Entry] = []
        used: set[int] = set()
        for sub in tree:
            head = headings.get(sub.start) if sub.level else None
            ref = _leading_ref(head) if head else None
            if head is not None and (ref is not None or (section.role == "timeline" and head.has_time)):
                detail = next((st for b in sub.blocks[:3] for st in by_block.get(b.index, [])
                               if vocab.DURATION_LABEL.match(st.text) or (st.durations and st.topic not in ("admin", "sla"))),
                              None)
                if detail is not None:
                    used.add(id(detail))
                entry = _entry(head, ref, detail, group, "heading", sprint_days)
                if entry.timed or entry.end_day is not None:
                    found.append(entry)
            for block in sub.blocks:
                if block.kind == "table":
                    continue
                for st in by_block.get(block.index, []):
                    if id(st) in used or st.topic in ("period", "history", "citation") or any(v.start == skip for v in st.dates) \
                            or _DATE_LINE.match(st.text):
                        continue
                    entry = _statement_entry(st, section.role == "timeline", group, block, sprint_days)
                    if entry is not None:
                        found.append(entry)
        if len(found) >= (1 if section.role == "timeline" else 2) or any(e.kind in ("phase", "sprint") for e in found):
            entries.extend(found)
            group += 1
    entries.sort(key=lambda e: (e.group, e.start))
    return entries


def _parent_role(doc: Document, section) -> str | None:
    if len(section.path) < 2:
        return None
    for candidate in doc.walk():
        if candidate.path == section.path[:-1]:
            return candidate.role
    return None


def _statement_entry(st: Statement, in_timeline: bool, group: int, block: Block, sprint_days: float | None) -> Entry | None:
    """An entry when the line opens with a phase/week reference or a date, or reads "Label: <time>"."""
    lead = _leading_ref(st)
    if lead is not None and lead.kind == "milestone" and len(_LETTERS.findall(_label(st.text, [v.text for v in st.dates]))) < 1:
        return None  # a date on a line of its own ("September 8, 2000" atop every page) names nothing
    if lead is not None and (st.durations or [v for v in st.dates if v.first] or lead.kind in ("week", "month", "day")
                             or (lead.kind == "sprint" and sprint_days)):
        if st.topic in ("sla", "admin", "recurring") and not in_timeline:
            return None
        return _entry(st, lead, None, group, block.kind, sprint_days)
    if st.topic in ("principal", "other") and _labelled(st, in_timeline or block.kind == "list_item"):
        # Outside a timeline section, "Default view: last 30 days" is a feature; "Design: 3 weeks" is a phase.
        if in_timeline or vocab.PHASE_WORD.search(st.text[:40].lower()):
            return _entry(st, None, None, group, block.kind, sprint_days)
    return None


def _leading_ref(st: Statement) -> Anchor | None:
    """A week, sprint or phase reference that opens the line: "Week 1: planning", "Phase 2 (4 weeks)"."""
    for a in st.anchors:
        if a.kind in _REF_KINDS and a.start - st.start <= 8:
            return a
    for v in st.dates:
        if v.start - st.start <= 14 and v.first is not None:
            return Anchor("milestone", v.text, v.start, v.end)
    return None


def _labelled(st: Statement, loose: bool) -> bool:
    """ "Design: 3 weeks", "Go-live – 15 March 2027": a short label, then the time right after it."""
    m = vocab.ENTRY_LABEL.match(st.text)
    if not m or len(m.group("label").split()) > 8:
        return False
    times = [d.start for d in st.durations if not (d.recurring or d.effort)] + [v.start for v in st.dates if v.first]
    times += [a.start for a in st.anchors if a.kind == "offset"]
    if not times:
        return False
    gap = min(times) - (st.start + m.end())
    return gap <= 12 or (loose and len(st.text) <= 90)


def _label(text: str, remove: list[str]) -> str:
    for piece in remove:
        text = text.replace(piece, " ")
    text = re.sub(r"\(\s*\)|\s{2,}", " ", text)
    label = text.strip(" :-–—|,;.()").strip()
    return (label or text)[:80]


def _entry(st: Statement, ref: Anchor | None, detail: Statement | None, group: int, source: str,
           sprint_days: float | None) -> Entry:
    timing = [st] + ([detail] if detail else [])
    duration = next((d for s in timing for d in s.durations if not (d.recurring or d.effort)), None)
    offset = next((a for s in timing for a in s.anchors if a.kind == "offset"), None)
    dated = [v for s in timing for v in s.dates if v.first is not None]
    removed = [d.text for d in st.durations] + [v.text for v in st.dates]
    if ref is not None and ref.kind in _POSITION_DAYS:
        removed.append(ref.text)
    kind = ref.kind if ref is not None else ("milestone" if dated or offset else "phase")
    entry = Entry(_label(st.text, removed), kind, st.text, st.start, st.end, group, source, duration, offset or ref,
                  dated[0] if dated else None, dated[1] if len(dated) > 1 else None)
    # "Phase 2 (Weeks 3-8)": the phase is named by one reference and placed by another.
    position = ref if ref is not None and ref.kind in _POSITION_DAYS else \
        next((a for s in timing for a in s.anchors if a.kind in _POSITION_DAYS), ref)
    unit = _POSITION_DAYS.get(position.kind) if position is not None else None
    if position is not None and position.kind == "sprint" and sprint_days:
        unit = sprint_days
    if position is not None and position.low is not None and unit:
        if position.kind == "day":
            entry.start_day, entry.end_day = float(position.low), float(position.high or position.low)
        else:
            entry.start_day, entry.end_day = (position.low - 1) * unit, (position.high or position.low) * unit
    elif offset is not None and offset.offset is not None and offset.event_key in START_EVENTS:
        entry.end_day = offset.offset.high_days
    return entry


def _table_entries(doc: Document, block: Block, group: int, rows_found: dict[int, Statement]) -> list[Entry]:
    """Rows of a schedule table (milestone | date or duration | ...) as entries."""
    if len(block.rows) < 2:
        return []
    header = [c.text for c in block.rows[0]]
    if vocab.NOT_SCHEDULE_HEADER.search(" | ".join(header).lower()):
        return []
    time_cols = [i for i, h in enumerate(header) if vocab.TIME_HEADER.search(h.lower())]
    label_cols = [i for i, h in enumerate(header) if vocab.LABEL_HEADER.search(h.lower()) and i not in time_cols]
    entries: list[Entry] = []
    for row in block.rows[1:]:
        row_st = rows_found.get(row[0].start) if row else None
        if row_st is None:
            continue
        cells = [c for c in row if c.col in time_cols] if time_cols else list(row)
        durations, anchors, values = [], [], []
        for c in cells:
            inside = lambda x: c.start <= x.start and x.end <= c.end  # noqa: E731
            ds = [d for d in row_st.durations if inside(d) and not (d.recurring or d.effort)]
            an = [a for a in row_st.anchors if inside(a) and a.kind != "dependency"]
            vs = [v for v in row_st.dates if inside(v)]
            # Without a time column, a cell counts only when the time is most of it ("2 weeks", "15-Apr-19").
            if not time_cols and not _dominant(c.text, ds + vs + an):
                continue
            durations += ds
            anchors += an
            values += vs
        if not (durations or [v for v in values if v.first] or [a for a in anchors if a.kind in ("offset", "week", "month", "day")]):
            continue
        label_cell = next((c for c in row if c.col in label_cols and _LETTERS.search(c.text)), None) or \
            next((c for c in row if c.col not in time_cols and _LETTERS.search(c.text)), row[0])
        st = Statement(row_st.text, row_st.start, row_st.end, row_st.topic, "timeline", "table", -1, block.index,
                       durations, anchors, values)
        ref = next((a for a in anchors if a.kind in _REF_KINDS), None)
        entry = _entry(st, ref, None, group, "table", None)
        entry.label = label_cell.text[:80]
        entries.append(entry)
    # A table is a schedule when it has a time column or most rows carry a time of their own.
    return entries if time_cols or len(entries) >= max(2, (len(block.rows) - 1) // 2) else []


def _dominant(text: str, spans: list) -> bool:
    covered = sum(x.end - x.start for x in spans)
    return bool(spans) and (covered >= 0.4 * len(text.strip()) or len(text) <= 24)


def place_entries(entries: list[Entry], origin: date | None) -> None:
    """Give dated entries day numbers and chain duration-only phases of a group back to back."""
    dated = [e.date.first for e in entries if e.date is not None and e.date.first is not None]
    base = origin or (min(dated) if dated else None)
    previous: Entry | None = None
    for e in entries:
        if previous is not None and previous.group != e.group:
            previous = None
        if e.date is not None and e.date.first is not None and base is not None and e.end_day is None:
            e.end_day = float((e.date.first - base).days)
            if e.end_date is not None and e.end_date.last is not None:
                e.start_day, e.end_day = e.end_day, float((e.end_date.last - base).days)
        elif e.end_day is None and e.duration is not None and e.kind in ("phase", "sprint", "release"):
            if previous is None:
                start: float | None = 0.0
            else:
                start = previous.end_day
            if start is not None:
                e.start_day, e.end_day, e.implied = start, start + e.duration.low_days, True
        if e.start_day is None and e.end_day is not None and e.duration is not None:
            e.start_day = e.end_day - e.duration.low_days
        previous = e
