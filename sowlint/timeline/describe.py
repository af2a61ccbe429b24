"""Names for entries and groups in messages: "Sprints 1-7", "Phase 2 (Weeks 3-8)", "day 45"."""

from __future__ import annotations

from .records import Entry
from .spans import fmt

_PLURAL = {"phase": "Phases", "sprint": "Sprints", "week": "Weeks", "month": "Months", "day": "Days",
           "milestone": "Milestones", "release": "Releases"}


def entry_name(e: Entry) -> str:
    """The entry as a reader would name it: its reference and label, shortened."""
    label = e.label if len(e.label) <= 50 else e.label[:47].rstrip() + "..."
    named = e.anchor is not None and e.anchor.kind in ("phase", "sprint", "release")
    ref = e.anchor.text if named and e.anchor is not None else ""
    if ref and ref.lower() not in label.lower():
        return f"{ref} ({label})" if label else ref
    return f"'{label}'" if label else (e.anchor.text if e.anchor is not None else "an entry")


def group_name(entries: list[Entry]) -> str:
    """ "Sprints 1-7" when the entries are numbered alike, else "The 4 phases ('Discovery' to 'Go-live')"."""
    refs = [e.anchor for e in entries if e.anchor is not None and e.anchor.kind in _PLURAL]
    if len(refs) == len(entries) and len({a.kind for a in refs}) == 1 and refs[0].low is not None:
        lows = [a.low for a in refs]
        highs = [a.high or a.low for a in refs]
        return f"{_PLURAL[refs[0].kind]} {min(lows)}-{max(highs)}"  # type: ignore[type-var]
    return f"The {len(entries)} phases ({entry_name(entries[0])} to {entry_name(entries[-1])})"


def when(e: Entry, end: bool = False) -> str:
    """Where an entry sits: its date, or day N, or weeks N-M."""
    if e.date is not None and not end:
        return e.date.text
    if e.end_date is not None and end:
        return e.end_date.text
    day = e.end_day if end or e.start_day is None else e.start_day
    if day is None:
        return "undated"
    if e.kind == "week" and e.start_day is not None and e.end_day is not None and not end:
        return f"weeks {fmt(e.start_day / 7 + 1)}-{fmt(e.end_day / 7)}"
    return f"day {fmt(day)}"
