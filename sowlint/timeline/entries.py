"""Schedule entries: the phases, sprints and milestones of a SOW, from tables, timeline sections and lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..document.model import Block, Cell, Document, Section
from . import vocab
from .dates import DateValue
from .records import Entry, Statement
from .spans import START_EVENTS, UNIT_DAYS, Anchor

_REF_KINDS = ("week", "sprint", "phase", "month", "day", "milestone", "release")
_POSITION_DAYS = {unit: UNIT_DAYS[unit] for unit in ("week", "month", "day")}
_LETTERS = re.compile(r"[A-Za-z]{3}")
# "Date: 12/01/2026" on every page is the document's date, not a milestone.
_DATE_LINE = re.compile(r"^[\W_]*(?:document |issue |revision |version )?dated?[*_]*\s*:", re.I)
# Tables under these headings hold people, prices, duties or risks: their weeks are no schedule.
_NOT_SCHEDULE_ROLES = frozenset({"staffing", "pricing", "governance", "client-responsibilities", "assumptions",
                                 "acceptance", "terms", "risks", "exclusions", "procurement"})


@dataclass
class _Index:
    """The document's time statements, looked up by where they sit."""

    by_block: dict[int, list[Statement]] = field(default_factory=dict)
    headings: dict[int, Statement] = field(default_factory=dict)  # by section start
    table_rows: dict[int, Statement] = field(default_factory=dict)  # by row start
    sprint_days: float | None = None
    skip: int = -2  # the document date's offset: that line is no milestone


def schedule_entries(doc: Document, statements: list[Statement], sprint_days: float | None,
                     doc_date: DateValue | None) -> list[Entry]:
    """Every timed entry, grouped: one group per schedule table, timeline section (with its subsections) or list."""
    index = _Index(sprint_days=sprint_days, skip=doc_date.start if doc_date is not None else -2)
    for st in statements:
        if st.block is None:
            index.headings[st.section_start] = st
        elif st.kind == "table":
            index.table_rows[st.start] = st
        else:
            index.by_block.setdefault(st.block, []).append(st)
    found: list[list[Entry]] = []
    for block in doc.blocks():
        if block.kind == "table" and doc.section_at(block.start).role not in _NOT_SCHEDULE_ROLES:
            found.append(_table_entries(doc, block, index))
    parents = {s.path: s.role for s in doc.walk()}
    for section in doc.walk():
        if section.role == "timeline" and parents.get(section.path[:-1]) == "timeline":
            continue  # read with its parent: a timeline section and its subsections are one sequence
        if section.role == "procurement":
            continue  # the buyer's process (questions due, award), not the work's schedule
        found.append(_section_entries(section, index))
    entries = []
    for group, items in enumerate(g for g in found if g):
        for e in items:
            e.group = group
            entries.append(e)
    return sorted(entries, key=lambda e: (e.group, e.start))


def _section_entries(section: Section, index: _Index) -> list[Entry]:
    """Entries of a timeline section tree, or the numbered phase lines of any other section."""
    timeline = section.role == "timeline"
    found: list[Entry] = []
    used: set[int] = set()
    for sub in section.walk() if timeline else [section]:
        head = index.headings.get(sub.start) if sub.level else None
        ref = _leading_ref(head) if head is not None else None
        if head is not None and (ref is not None or (timeline and head.has_time)):
            # "Sprint 2 — Auth" with "Duration: 2 weeks" on its first line: one entry from both.
            detail = next((st for b in sub.blocks[:3] for st in index.by_block.get(b.index, [])
                           if vocab.DURATION_LABEL.match(st.text)
                           or (st.durations and st.topic not in ("admin", "sla"))), None)
            if detail is not None:
                used.add(id(detail))
            entry = _entry(head, ref, detail, "heading", index.sprint_days)
            if entry.timed:
                found.append(entry)
        for block in sub.blocks:
            for st in index.by_block.get(block.index, []) if block.kind != "table" else []:
                if id(st) in used or not _may_be_entry(st, index.skip):
                    continue
                entry = _statement_entry(st, timeline, block, index.sprint_days)
                if entry is not None:
                    found.append(entry)
    # Outside a timeline section one dated line is a mention; two or a named phase make a schedule.
    if timeline or len(found) >= 2 or any(e.kind in ("phase", "sprint") for e in found):
        return found
    return []


def _may_be_entry(st: Statement, skip: int) -> bool:
    if st.topic in ("period", "history", "citation") or _DATE_LINE.match(st.text):
        return False
    return all(v.start != skip for v in st.dates)


def _statement_entry(st: Statement, in_timeline: bool, block: Block, sprint_days: float | None) -> Entry | None:
    """An entry when the line opens with a phase/week reference or a date, or reads "Label: <time>"."""
    lead = _leading_ref(st)
    unnamed = not _LETTERS.search(_label(st.text, [v.text for v in st.dates]))
    if lead is not None and lead.kind == "milestone" and unnamed:
        return None  # a date on a line of its own ("September 8, 2000" atop every page) names nothing
    timed = st.durations or [v for v in st.dates if v.first] or (lead is not None and lead.kind in _POSITION_DAYS)
    if lead is not None and (timed or (lead.kind == "sprint" and sprint_days)):
        if st.topic in ("sla", "admin", "recurring") and not in_timeline:
            return None
        return _entry(st, lead, None, block.kind, sprint_days)
    if st.topic in ("principal", "other") and _labelled(st, in_timeline or block.kind == "list_item"):
        # Outside a timeline section, "Default view: last 30 days" is a feature; "Design: 3 weeks" is a phase.
        if in_timeline or vocab.PHASE_WORD.search(st.text[:40].lower()):
            return _entry(st, None, None, block.kind, sprint_days)
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
    return min(times) - (st.start + m.end()) <= 12 or (loose and len(st.text) <= 90)


def _label(text: str, remove: list[str]) -> str:
    """The line without its times and punctuation: "Week 1: Project planning" -> "Project planning"."""
    text = text[:240]  # a label is short; a runaway line must not cost a pass per time in it
    for piece in remove:
        if piece in text:
            text = text.replace(piece, " ")
    text = re.sub(r"\(\s*\)|\s{2,}", " ", text)
    label = text.strip(" :-–—|,;.()").strip()
    return (label or text)[:80]


def _entry(st: Statement, ref: Anchor | None, detail: Statement | None, source: str,
           sprint_days: float | None) -> Entry:
    """The entry a statement (and the detail line under its heading) describes, placed when it says where."""
    timing = [st] + ([detail] if detail else [])
    duration = next((d for s in timing for d in s.durations if not (d.recurring or d.effort)), None)
    offset = next((a for s in timing for a in s.anchors if a.kind == "offset"), None)
    dated = [v for s in timing for v in s.dates if v.first is not None]
    removed = [d.text for d in st.durations] + [v.text for v in st.dates]
    if ref is not None and ref.kind in _POSITION_DAYS:
        removed.append(ref.text)
    kind = ref.kind if ref is not None else ("milestone" if dated or offset else "phase")
    entry = Entry(_label(st.text, removed), kind, st.text, st.start, st.end, 0, source, duration, offset or ref,
                  dated[0] if dated else None, dated[1] if len(dated) > 1 else None)
    # "Phase 2 (Weeks 3-8)": the phase is named by one reference and placed by another.
    position = ref if ref is not None and ref.kind in _POSITION_DAYS else \
        next((a for s in timing for a in s.anchors if a.kind in _POSITION_DAYS), ref)
    unit = _POSITION_DAYS.get(position.kind) if position is not None else None
    if position is not None and position.kind == "sprint" and sprint_days:
        unit = sprint_days
    if position is not None and position.low is not None and unit:
        low, high = position.low, position.high or position.low
        entry.start_day, entry.end_day = (float(low), float(high)) if position.kind == "day" else \
            ((low - 1) * unit, high * unit)
    elif offset is not None and offset.offset is not None and offset.event_key in START_EVENTS:
        entry.end_day = offset.offset.high_days
    return entry


def _table_entries(doc: Document, block: Block, index: _Index) -> list[Entry]:
    """Rows of a schedule table (milestone | date or duration | ...) as entries."""
    if len(block.rows) < 2:
        return []
    header = [c.text.lower() for c in block.rows[0]]
    if vocab.NOT_SCHEDULE_HEADER.search(" | ".join(header)):
        return []
    time_cols = [i for i, h in enumerate(header) if vocab.TIME_HEADER.search(h)]
    label_cols = [i for i, h in enumerate(header) if vocab.LABEL_HEADER.search(h) and i not in time_cols]
    phase_table = bool(vocab.PHASE_HEADER.search(" | ".join(header)))
    entries: list[Entry] = []
    for row in block.rows[1:]:
        row_st = index.table_rows.get(row[0].start) if row else None
        if row_st is None and row and time_cols:  # "2. API and auth | 4 to 7": no time word in the row itself
            row_st = Statement(" | ".join(c.text for c in row), row[0].start, row[-1].end, "principal", "timeline",
                               "table", -1, block.index)
        if row_st is None or row_st.topic in ("period", "history", "citation"):
            continue  # contract periods, past events and clause editions are not steps of the work
        st = _row_times(row_st, [c for c in row if c.col in time_cols] if time_cols else row, bool(time_cols))
        if not (st.durations or [v for v in st.dates if v.first] or
                [a for a in st.anchors if a.kind in ("offset", "week", "month", "day")]):
            st = _numbered_position(st, row, time_cols, header)
            if st is None:
                continue
        label = label_text(row, label_cols, time_cols)
        ref = next((a for a in st.anchors if a.kind in _REF_KINDS), None)
        # A bare length in a row ("60 Mo." of a lease, "1 year" of warranty) makes it a phase only in a phase table.
        bare = ref is None and not any(v.first for v in st.dates) and not any(a.kind == "offset" for a in st.anchors)
        if bare and not (phase_table or vocab.PHASE_WORD.search(label.lower())):
            continue
        entry = _entry(st, ref, None, "table", None)
        entry.label = label[:80]
        entries.append(entry)
    # A table is a schedule when it has a time column or most rows carry a time of their own.
    return entries if time_cols or len(entries) >= max(2, (len(block.rows) - 1) // 2) else []


_BARE_RANGE = re.compile(r"^\s*(?P<a>\d{1,3})\s*(?:(?:-|–|—|to|through)\s*(?P<b>\d{1,3}))?\s*$", re.I)
_HEADER_UNIT = re.compile(r"\b(?P<unit>days?|weeks?|months?)\b", re.I)


def _numbered_position(st: Statement, row: list[Cell], time_cols: list[int], header: list[str]) -> Statement | None:
    """ "Phase | Days | ..." over "1 to 3": the column names the unit, the cell the numbers."""
    for c in row:
        if c.col not in time_cols or c.col >= len(header):
            continue
        unit, cell = _HEADER_UNIT.search(header[c.col]), _BARE_RANGE.match(c.text)
        if unit and cell:
            kind = unit.group("unit").lower().rstrip("s")
            low = int(cell.group("a"))
            high = int(cell.group("b") or low)
            anchor = Anchor(kind, c.text, c.start, c.end, low=low, high=high)
            return Statement(st.text, st.start, st.end, st.topic, st.role, st.kind, st.section_start, st.block,
                             st.durations, [anchor], st.dates)
    return None


def _row_times(row_st: Statement, cells: list[Cell], time_column: bool) -> Statement:
    """The row's times from its time cells; without a time column, only cells that are mostly a time."""
    durations, anchors, dates = [], [], []
    for c in cells:
        def inside(x) -> bool:
            return c.start <= x.start and x.end <= c.end

        ds = [d for d in row_st.durations if inside(d) and not (d.recurring or d.effort)]
        an = [a for a in row_st.anchors if inside(a) and a.kind != "dependency"]
        vs = [v for v in row_st.dates if inside(v)]
        if time_column or _dominant(c.text, ds + vs + an):
            durations, anchors, dates = durations + ds, anchors + an, dates + vs
    return Statement(row_st.text, row_st.start, row_st.end, row_st.topic, "timeline", "table", -1, row_st.block,
                     durations, anchors, dates)


def label_text(row: list[Cell], label_cols: list[int], time_cols: list[int]) -> str:
    """The row's name: its label column, else the first cell with words that is not a time column."""
    cell = next((c for c in row if c.col in label_cols and _LETTERS.search(c.text)), None) or \
        next((c for c in row if c.col not in time_cols and _LETTERS.search(c.text)), row[0])
    return cell.text


def _dominant(text: str, spans: list) -> bool:
    """ "2 weeks", "15-Apr-19": the time is most of the cell (a sentence that mentions a time is not)."""
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
            start = 0.0 if previous is None else previous.end_day
            if start is not None:
                e.start_day, e.end_day, e.implied = start, start + e.duration.low_days, True
        if e.start_day is None and e.end_day is not None and e.duration is not None:
            e.start_day = e.end_day - e.duration.low_days
        previous = e
