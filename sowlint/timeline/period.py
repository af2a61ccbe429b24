"""The period of performance: the stated length of the whole work, and its first and last days."""

from __future__ import annotations

import re
from typing import NamedTuple

from . import vocab
from .dates import DateValue
from .records import Statement
from .spans import START_EVENTS, Duration

# Wording that names the whole period outright, ranked above a bare "4 months" under a Schedule heading.
_PERIOD_STRONG = re.compile(
    r"period (?:of )?performance|performance period|\bpop\b|base (?:period|year|term)|term of|contract (?:term|period)|"
    r"\d+[- ](?:working[- ])?(?:week|month|year) (?:engagement|project|contract)|"
    r"(?:engagement|project|study|programme|program) (?:runs|lasts|will run|will last)")
_RESERVE = re.compile(r"contingency|buffer|float|reserve|slack")
_STARTS_WITHIN = re.compile(r"(?:begin|start|commence)\w*\s+(?:\w+\s+){0,2}$")
_ANNOUNCE = re.compile(r"(?::|as follows\.?|below\.?)\s*$")


class Period(NamedTuple):
    total: Duration | None  # the stated length of the whole work
    statement: Statement | None  # where it is stated
    first: DateValue | None  # the earliest day of the stated periods
    last: DateValue | None  # the latest day of the stated periods, options included
    placeholder: bool  # "[Start Date] to [End Date]": a slot left to fill


def announced_periods(units: list, buckets: dict) -> set[int]:
    """Units right after "The period of performance is as follows:" belong to the period (up to the next
    numbered heading): a PDF table of base and option years often arrives as loose lines."""
    marked: set[int] = set()
    for i, unit in enumerate(units):
        text = unit[0]
        if i in buckets or not _ANNOUNCE.search(text) or len(text) > 200:
            continue
        low = text.lower()
        if ("period" in low or "term" in low or "pop" in low) and vocab.PERIOD.search(low):
            for j in range(i + 1, min(len(units), i + 12)):
                if units[j][3] == "heading" and units[j][2].number:
                    break
                marked.add(j)
    return marked


def stated_period(statements: list[Statement], doc_date: DateValue | None) -> Period:
    """The stated total and the period's first and last days, from the period-of-performance statements."""
    candidates: list[tuple[int, int, Duration, Statement]] = []
    firsts: list[DateValue] = []
    lasts: list[DateValue] = []
    placeholder = False
    for order, st in enumerate(statements):
        if st.topic != "period":
            continue
        low = st.text.lower()
        placeholder = placeholder or any(v.precision == "placeholder" for v in st.dates)
        real = [v for v in st.dates if v.first is not None and v.last is not None
                and not (doc_date and v.start == doc_date.start)]
        if len(real) >= 2:
            firsts.append(min(real, key=lambda v: v.first))  # type: ignore[arg-type,return-value]
            lasts.append(max(real, key=lambda v: v.last))  # type: ignore[arg-type,return-value]
        rank = 0 if _PERIOD_STRONG.search(low) else (1 if vocab.PERIOD.search(low) else 2)
        total = next((d for d in st.durations if _is_total(d, st, low)), None)
        if total is not None:
            candidates.append((rank, order, total, st))
    best = min(candidates, key=lambda c: (c[0], c[1])) if candidates else None
    first = min(firsts, key=lambda v: v.first) if firsts else None  # type: ignore[arg-type,return-value]
    last = max(lasts, key=lambda v: v.last) if lasts else None  # type: ignore[arg-type,return-value]
    if first and last and first.first and last.last and (best is None or best[0] > 1):
        # The dates say it better than a length found only under the period's heading.
        days = (last.last - first.first).days + 1
        total = Duration(days, days, "day", f"{first.text} to {last.text}", first.start, last.end)
        return Period(total, next((s for s in statements if last in s.dates), None), first, last, placeholder)
    return Period(best[2] if best else None, best[3] if best else None, first, last, placeholder)


def _is_total(d: Duration, st: Statement, low: str) -> bool:
    """Is this duration the period's length, rather than something inside the period?"""
    if d.recurring or d.effort or d.unit == "hour":
        return False
    before = low[max(0, d.start - st.start - 30) : d.start - st.start]
    after = low[d.end - st.start : d.end - st.start + 20]
    if _RESERVE.search(after) or _RESERVE.search(before[-12:]):
        return False  # "includes a two-week contingency": a reserve inside the period
    if vocab.OPTION.search(before) or _STARTS_WITHIN.search(before):
        return False  # "four 12-month option years", "will begin within 10 days after award"
    offset = next((a for a in st.anchors if a.offset == d), None)
    if offset is None or offset.event is None or offset.event_key in START_EVENTS:
        return True
    # "18 weeks from Monday 6 July 2026" counts from a date: the start.  "within 14 days of the COR's
    # request" counts from some other event: a deadline inside the period.
    return any(offset.start <= v.start < offset.end for v in st.dates)
