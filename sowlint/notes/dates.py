"""Dates in the notes against the SOW's: a deadline promised before the SOW's date, a duration shorter
than its schedule.  Calendar events ("before Thanksgiving", "by Easter") become dates in the SOW's year."""

from __future__ import annotations

import datetime as dt
import re

from ..engine.context import LintContext
from ..engine.coverage import Passage, best_passage, term
from .extract import _MONTHS, DAY_MONTH, Commitment
from .passages import NOT_INCLUSION


def missed_deadline(ctx: LintContext, c: Commitment, words: set[str]):
    """The SOW dates the same thing after the promised deadline.  The date that decides is wherever the
    SOW dates it, often a schedule row; a promise about the end ("live", "cut over", "done") is held
    against dates of the end."""
    ending = words & COMPLETION
    if ending:
        dated = _latest_dated(ctx, near_end=True) or _latest_dated(ctx, near_end=False)
    else:
        dates = _dated_sentences(ctx)
        other = _OTHER_VERSION.get(m.group(0).lower()) if (m := _VERSION.search(c.text)) else None
        # "the final report by 22 February" is not met by "Draft report | 19 February"
        dated = best_passage(ctx, words, (), accept=lambda s: s.start in dates
                             and not (other and re.search(rf"\b{other}\b", s.text, re.IGNORECASE)))
    if dated is not None and (reason := late(ctx, c.deadline, dated.sentence.text)):
        return dated.sentence, reason
    return None


_VERSION = re.compile(r"\b(?:final|draft)\b", re.IGNORECASE)
_OTHER_VERSION = {"final": "draft", "draft": "final"}
_END_WORD = re.compile(r"\b(?:go[- ]?live|live|launch\w*|cut[- ]?over|complet\w*|finish\w*|done|final\s+delivery)\b",
                       re.IGNORECASE)


COMPLETION = {term(w) for w in ("live", "launch", "cutover", "cut", "complete", "completion", "finish", "done",
                                 "ready", "wrap")}


def longer_schedule(ctx: LintContext, c: Commitment):
    """A promised duration to finish ("live in 10 days") shorter than the SOW's own length."""
    from ..timeline.spans import UNIT_DAYS

    promised = [v * UNIT_DAYS[u] for v, u in c.quantities if u in UNIT_DAYS and v != float("inf")]
    if not promised:
        return None
    total = ctx.timeline.total or _longest_stated_duration(ctx)
    if total is None or total.low_days <= max(promised):
        return None
    sentence = ctx.sentence_at(total.start)
    return sentence, f"the notes promise it in {c.text[:60]!r}; the SOW's schedule is {total.text}"


def _longest_stated_duration(ctx: LintContext):
    """With no stated total, the longest elapsed duration in the contractual text ("two to three weeks of work")."""
    from ..timeline import find_durations

    best = None
    for s in ctx.sentences:
        if s.section.role in NOT_INCLUSION and s.section.role != "background":
            continue
        for d in find_durations(s.text):
            if d.recurring or d.effort:
                continue
            if best is None or d.low_days > best.low_days:
                best = d.shifted(s.start)
    return best


def late(ctx: LintContext, deadline: str, text: str) -> str | None:
    from ..timeline import find_dates, normalise

    order = ctx.timeline.date_order
    sow_dates = [normalise(d, order) for d in find_dates(text)]
    sow_dates = [d for d in sow_dates if d.last is not None]
    if not sow_dates:
        return None
    latest = max(sow_dates, key=lambda d: d.last)
    due = deadline_date(deadline, latest.last.year, order)
    if due is not None and latest.last > due:
        return f"the notes promise it by {deadline} ({due.isoformat()}); the SOW says {latest.text}"
    return None


def deadline_date(deadline: str, year: int, order: str = "MDY") -> dt.date | None:
    """The calendar date of a promised deadline: a date as written or an event in ``year``."""
    from ..timeline import find_dates, normalise

    key = deadline.lower()
    if key in ("black friday", "cyber monday", "thanksgiving"):
        first = dt.date(year, 11, 1)
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday
        return thursday + dt.timedelta(days={"thanksgiving": 0, "black friday": 1, "cyber monday": 4}[key])
    if key == "christmas":
        return dt.date(year, 12, 25)
    if key in ("good friday", "easter", "easter monday"):
        return easter_sunday(year) + dt.timedelta(days={"good friday": -2, "easter": 0, "easter monday": 1}[key])
    fixed = {"valentine's day": (2, 14), "valentines day": (2, 14), "halloween": (10, 31), "boxing day": (12, 26)}
    if key in fixed:
        return dt.date(year, *fixed[key])
    if key in ("new year", "year end", "end of the year", "end of year", "end of q4"):
        return dt.date(year, 12, 31)
    if key.startswith("end of q"):
        q = int(key[-1])
        return dt.date(year, 3 * q, 30 if q in (2, 3) else 31)
    spans = find_dates(deadline)
    if spans:
        return normalise(spans[0], order).last  # "by Feb 2027": the end of February
    m = DAY_MONTH.search(deadline)
    if m:
        month = _MONTHS.index((m.group("m1") or m.group("m2")).lower()[:3]) + 1
        day = int(m.group("d1") or m.group("d2"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def _dated_sentences(ctx: LintContext) -> dict[int, list[tuple[int, dt.date]]]:
    """Contractual sentences with dates, by sentence start: (offset in the sentence, last day) per date.
    Computed once per document; every deadline commitment looks through them."""
    cached = ctx.__dict__.get("_notes_dated")
    if cached is None:
        from ..timeline import find_dates, normalise

        order = ctx.timeline.date_order
        cached = {}
        for s in ctx.sentences:
            if s.section.role in NOT_INCLUSION:
                continue
            values = [(d.start, normalise(d, order).last) for d in find_dates(s.text)]
            values = [(at, last) for at, last in values if last is not None]
            if values:
                cached[s.start] = values
        ctx.__dict__["_notes_dated"] = cached
    return cached


def _latest_dated(ctx: LintContext, near_end: bool) -> Passage | None:
    """The contractual sentence with the SOW's latest date, as a passage.  With ``near_end``, only dates
    within a few words of "go-live", "launch", "cut-over" or "completion" count (not a start date in a
    sentence that mentions go-live later)."""
    by_start = {s.start: s for s in ctx.sentences}
    best = None
    for start, values in _dated_sentences(ctx).items():
        sentence = by_start[start]
        ends = [m.start() for m in _END_WORD.finditer(sentence.text)] if near_end else None
        for at, last in values:
            if ends is not None and (not ends or min(abs(at - e) for e in ends) > 40):
                continue
            if best is None or last > best[0]:
                best = (last, sentence)
    return Passage(best[1], 0.0, ()) if best else None


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)
