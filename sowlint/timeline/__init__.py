"""The timeline model: extract the schedule of a SOW and find what in it cannot hold.

    tl = build_timeline(doc)            # durations, anchors, dates, phases, period of performance
    issues = analyse(doc)               # TimelineIssue(kind, message, evidence, start, end)
    rows = timeline_rows(tl)            # a table view
"""

from __future__ import annotations

from .analysis import CHECKS, TimelineIssue, analyse
from .dates import DateValue, document_date, normalise
from .grammar import find_anchors, find_dates, find_durations, scan
from .model import Entry, Statement, Timeline, build_timeline
from .spans import Anchor, DateSpan, Duration
from .view import timeline_rows

__all__ = [
    "CHECKS", "Anchor", "DateSpan", "DateValue", "Duration", "Entry", "Statement", "Timeline", "TimelineIssue",
    "analyse", "build_timeline", "document_date", "find_anchors", "find_dates", "find_durations", "normalise", "scan",
    "timeline_rows",
]
