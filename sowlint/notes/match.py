"""Decides what the SOW does with a commitment: included, excluded, contradicted or unaddressed.

1. A price model in the notes ("CFO wants a fixed price") is compared with the engagement type the
   SOW's pricing language gives (fixed-fee or time-and-materials).
2. The commitment's content words (lemmas, minus the cue words of note-taking) are looked up in the
   SOW.  A sentence *covers* it when it holds at least half of them (and two, when there are two or
   more).  Exclusion passages are sentences of exclusion sections or sentences that say "not
   included", "out of scope", "excluded"; inclusion passages are sentences of the other contractual
   sections (scope, deliverables, timeline, acceptance, pricing, governance, staffing, terms, ...).
3. A covering inclusion passage that names the same unit with a different number ("two rounds" vs
   "three rounds"), another frequency or file format, or a date after the promised deadline, is a
   contradiction; otherwise the commitment is included.  An exclusion naming a third of its words
   (exclusions are terse lists) at least as well as the inclusion makes it excluded.  Nothing
   covering it: unaddressed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..context import LintContext, Sentence
from ..coverage import Passage, best_passage, content_lemmas
from .extract import (_FORMAT, _FREQUENCY, _QUANTITY, _NUMBER_WORDS, Commitment, normalise_format,
                      normalise_frequency, unit_name)

# Sections whose sentences never include a commitment: exclusions, and the sales narrative itself.
_NOT_INCLUSION = ("exclusions", "background", "approach")
_EXCLUSION = re.compile(r"\b(?:not\s+(?:be\s+)?(?:included|covered|provided|part\s+of|in\s+scope)|out\s+of\s+scope|"
                        r"out-of-scope|excluded|exclude[sd]?|does\s+not\s+include|do\s+not\s+include|"
                        r"outside\s+(?:the\s+)?scope|not\s+responsible\s+for)\b", re.IGNORECASE)
# Words of note-taking, not of the thing promised: "told them we'd send ..." is about "send ...".
_CUE_LEMMAS = {"tell", "told", "promise", "mention", "expect", "want", "need", "assume", "say", "said", "offer",
               "agree", "ask", "hope", "think", "like", "sure", "probably", "maybe", "later", "definitely",
               "happy", "problem", "cfo", "cto", "ceo", "coo", "boss", "guy", "call", "really", "keen", "counting",
               "require", "insist", "look", "would", "could", "should", "can", "able", "said"}


@dataclass
class Outcome:
    status: str  # included, excluded, contradicted, unaddressed
    passage: Sentence | None
    reason: str


def commitment_words(ctx: LintContext, c: Commitment) -> set[str]:
    from ..nlp.pipeline import parse

    return {w for w in content_lemmas(parse(c.text)) if w not in _CUE_LEMMAS}


def _covers(p: Passage | None, words: set[str]) -> bool:
    return p is not None and p.score >= 0.5 and len(p.shared) >= min(2, len(words))


def _excludes(p: Passage | None) -> bool:
    """Exclusions are terse lists ("Copywriting and photography are not included"): naming a third
    of the commitment's words, its subject, is enough."""
    return p is not None and p.score >= 0.3


def classify(ctx: LintContext, c: Commitment) -> Outcome:
    if c.engagement:
        return _engagement_outcome(ctx, c)
    words = commitment_words(ctx, c)
    exclusion = best_passage(ctx, words, ("exclusions",), accept=lambda s: bool(_EXCLUSION.search(s.text)))
    inclusion = best_passage(ctx, words, tuple(r for r in _all_roles(ctx) if r not in _NOT_INCLUSION))
    if inclusion is not None and _EXCLUSION.search(inclusion.sentence.text):
        inclusion = None  # a sentence that excludes is not an inclusion, wherever it stands
    if _covers(inclusion, words) and not (_excludes(exclusion) and exclusion.score > inclusion.score):
        # Any covering passage may state the other figure ("unlimited revisions" two lines below the
        # row that best matches the words), so look at all of them, best first.
        for passage in covering_passages(ctx, c, words, inclusion):
            reason = contradiction(ctx, c, passage)
            if reason:
                return Outcome("contradicted", passage, reason)
    if _excludes(exclusion) and (not _covers(inclusion, words) or exclusion.score >= inclusion.score):
        return Outcome("excluded", exclusion.sentence, "an exclusion covers it")
    if _covers(inclusion, words):
        return Outcome("included", inclusion.sentence, "the SOW covers it")
    nearest = max((p for p in (inclusion, exclusion) if p is not None), key=lambda p: p.score, default=None)
    return Outcome("unaddressed", nearest.sentence if nearest else None, "the SOW neither includes nor excludes it")


# Units specific enough that a sentence naming one with another number is about the same thing,
# even with few other words in common ("three rounds of revisions" vs "unlimited revisions").
_SPECIFIC_UNITS = {"revision", "user", "session", "report", "page", "language", "location", "site", "store",
                   "integration", "template", "dashboard", "environment", "sprint", "release", "people"}


def covering_passages(ctx: LintContext, c: Commitment, words: set[str], best: Passage) -> list[Sentence]:
    """The best passage, then every other contractual sentence that shares half the words or names one
    of the commitment's specific units."""
    from ..coverage import sentence_lemmas

    lemmas = sentence_lemmas(ctx)
    need = max(2, (len(words) + 1) // 2) if len(words) >= 2 else 1
    units = {unit for _v, unit in c.quantities if unit in _SPECIFIC_UNITS}

    def related(s: Sentence) -> bool:
        if len(words & lemmas[s.start]) >= need:
            return True
        return bool(units) and any(unit_name(m.group("unit")) in units for m in _QUANTITY.finditer(s.text))

    others = [s for s in ctx.sentences if s.section.role not in _NOT_INCLUSION and s.start != best.sentence.start
              and not _EXCLUSION.search(s.text) and related(s)]
    others.sort(key=lambda s: -len(words & lemmas[s.start]))
    return [best.sentence, *others]


def _all_roles(ctx: LintContext) -> set[str]:
    return {s.section.role for s in ctx.sentences}


def _engagement_outcome(ctx: LintContext, c: Commitment) -> Outcome:
    pricing = next((s for s in ctx.sentences if s.section.role == "pricing"), None)
    sow = ctx.engagement
    if sow == "unknown":
        return Outcome("unaddressed", pricing, "the SOW does not say whether the price is fixed or time-and-materials")
    if sow != c.engagement:
        return Outcome("contradicted", pricing, f"the notes say {c.engagement}; the SOW prices the work as {sow}")
    return Outcome("included", pricing, f"the SOW is {sow}")


def contradiction(ctx: LintContext, c: Commitment, passage: Sentence) -> str | None:
    """Why the passage says something else about the same subject, or None."""
    text = passage.text
    sow_quantities = {}
    for m in _QUANTITY.finditer(text):
        n = m.group("n").lower()
        value = _NUMBER_WORDS.get(n)
        sow_quantities.setdefault(unit_name(m.group("unit")), set()).add(
            value if value is not None else float(n.replace(",", "")))
    for value, unit in c.quantities:
        if unit in sow_quantities and value not in sow_quantities[unit]:
            said = ", ".join(_fmt_number(v) for v in sorted(sow_quantities[unit]))
            return f"the notes say {_fmt_number(value)} {unit}(s); the SOW says {said}"
    if c.frequency and (m := _FREQUENCY.search(text)) and normalise_frequency(m.group(1)) != c.frequency:
        return f"the notes say {c.frequency}; the SOW says {normalise_frequency(m.group(1))}"
    if c.fmt:
        formats = {normalise_format(m.group(1)) for m in _FORMAT.finditer(text)}
        if formats and c.fmt not in formats:
            return f"the notes say {c.fmt}; the SOW says {', '.join(sorted(formats))}"
    if c.deadline:
        return _late(ctx, c.deadline, text)
    return None


def _fmt_number(v: float) -> str:
    return "unlimited" if v == float("inf") else (str(int(v)) if v == int(v) else str(v))


def _late(ctx: LintContext, deadline: str, text: str) -> str | None:
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
    if key in ("new year", "year end", "end of the year", "end of year", "end of q4"):
        return dt.date(year, 12, 31)
    if key.startswith("end of q"):
        q = int(key[-1])
        return dt.date(year, 3 * q, 30 if q in (2, 3) else 31)
    spans = find_dates(deadline)
    if spans:
        value = normalise(spans[0], order)
        return value.first
    return None
