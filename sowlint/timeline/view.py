"""Rows for a table view of a Timeline (``sowlint outline --timeline``)."""

from __future__ import annotations

from datetime import timedelta

from .records import Entry, Timeline
from .spans import describe_days, fmt

COLUMNS = ("phase", "start", "end", "duration", "anchor", "source")


def timeline_rows(tl: Timeline) -> list[dict]:
    """One row for the stated period, then one per schedule entry, each with the columns in COLUMNS."""
    rows: list[dict] = []
    if tl.total is not None or tl.period_end is not None or tl.placeholder_period:
        rows.append({
            "phase": "Period of performance",
            "start": tl.period_start.text if tl.period_start else "",
            "end": tl.period_end.text if tl.period_end else "",
            "duration": tl.total.describe() if tl.total is not None else "",
            "anchor": tl.start_event or "",
            "source": _source(tl.total_statement.text if tl.total_statement else ""),
        })
    for e in tl.entries:
        rows.append({
            "phase": e.label,
            "start": _point(tl, e.start_day, e),
            "end": _point(tl, e.end_day, e),
            "duration": e.duration.describe() if e.duration is not None else _span(e),
            "anchor": _anchor(e),
            "source": _source(e.text),
        })
    return rows


def _point(tl: Timeline, day: float | None, e: Entry) -> str:
    """A start or end as the reader would want it: the date written, a calendar date, "week 3" or "day 45"."""
    if day is None:
        return ""
    if e.date is not None and day == e.end_day and e.end_date is None:
        return e.date.text
    if tl.origin is not None:
        # Weeks and lengths end where the next period starts; a table shows the last day inside.
        last_day = day == e.end_day and e.date is None and e.end_day != e.start_day
        try:
            return (tl.origin + timedelta(days=day - (1 if last_day else 0))).isoformat()
        except OverflowError:  # "Phase 2: 9,999 years" is past any calendar
            return f"day {fmt(day)}"
    if e.kind == "week" or (e.implied and day % 7 == 0):
        return f"week {fmt(day / 7 + (0 if day == e.end_day else 1))}"
    return f"day {fmt(day)}"


def _span(e: Entry) -> str:
    """The length between a stated start and end, when there is no stated duration."""
    if e.start_day is None or e.end_day is None or e.end_day <= e.start_day:
        return ""
    return describe_days(e.end_day - e.start_day)


def _anchor(e: Entry) -> str:
    """What the entry is placed by: an offset from an event, a week or sprint number, a date."""
    a = e.anchor
    if a is None:
        return "after the previous phase" if e.implied else ""
    if a.kind == "offset":
        parts = [a.relation or "", a.offset.describe() if a.offset else "", f"of {a.event}" if a.event else ""]
        return " ".join(p for p in parts if p)
    if a.kind == "milestone":
        return "date"
    return a.text


def _source(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
