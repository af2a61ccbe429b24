"""Where the SOW says something else about the same thing: another number, period, frequency, format,
date, price model, owner of the rights, or the client doing what the notes give us."""

from __future__ import annotations

import re

from ..engine.context import LintContext, Sentence
from ..engine.coverage import Passage, sentence_terms, term
from .dates import COMPLETION, late, longer_schedule
from .extract import _FORMAT, _FREQUENCY, Commitment, normalise_format, normalise_frequency, quantities
from .passages import contractual, covering_passages, covers, excludes_text
from .words import WE


def find_contradiction(ctx: LintContext, c: Commitment, words: set[str], inclusion: Passage | None,
                        timed: Passage | None):
    """(passage, reason) where the SOW says something else about the same thing, or None; ``timed`` is
    the commitment's same_cadence() passage."""
    if timed is not None and timed.score >= 0.25 and (reason := _other_frequency(c.frequency, timed.sentence.text)):
        return timed.sentence, reason
    if not c.deadline and words & COMPLETION and not _AFTER_THE_END.search(c.text) and (found := longer_schedule(ctx, c)):
        return found
    if covers(inclusion, words) and WE.search(c.text) and ctx.owner(inclusion.sentence) == "client":
        # "assumes we write all the copy" against "Fernleaf will provide all written content".
        return inclusion.sentence, "the notes have us doing it; the SOW makes it the client's responsibility"
    if covers(inclusion, words):
        # Any covering passage may state the other figure ("unlimited revisions" two lines below the
        # row that best matches the words), so look at all of them, best first.
        for passage in covering_passages(ctx, c, words, inclusion):
            if reason := passage_disagrees(ctx, c, passage):
                return passage, reason
            if _agrees(c, passage):
                break  # the passage that counts the same thing with the same number settles it
    return None


# "the first two months after launch": a period after the end, not the time it takes to get there
_AFTER_THE_END = re.compile(r"\b(?:after|following|post)[- ](?:the\s+)?(?:launch|go[- ]?live|handover|cut[- ]?over|delivery)\b|"
                            r"\bfirst\s+(?:\d+|two|three|four|six|twelve)\s+(?:days|weeks|months)\b", re.IGNORECASE)


_AFTER_VERB = re.compile(r"(?:\w+ed|\w+ing|is|are|be|held|sent|run|meet)\s+$", re.IGNORECASE)


def _other_frequency(promised: str, text: str) -> str | None:
    """How often the passage says it happens, when that is not what the notes say.  A frequency after
    a verb ("invoiced quarterly") describes the act; one before a noun ("monthly retainer") may not."""
    found = list(_FREQUENCY.finditer(text))
    acts = [m for m in found if m.group(1).lower().startswith(("every", "each")) or _AFTER_VERB.search(text[: m.start()])]
    said = [normalise_frequency(m.group(1)) for m in (acts or found)]
    if not said or promised in said:
        return None
    return f"the notes say {promised}; the SOW says {said[0]}"


def engagement_outcome(ctx: LintContext, c: Commitment) -> tuple[str, Sentence | None, str]:
    """(status, passage, reason) for a price model in the notes against the SOW's engagement type."""
    pricing = next((s for s in ctx.sentences if s.section.role == "pricing"), None)
    sow = ctx.engagement
    if sow == "unknown":
        return "unaddressed", pricing, "the SOW does not say whether the price is fixed or time-and-materials"
    if sow != c.engagement:
        return "contradicted", pricing, f"the notes say {c.engagement}; the SOW prices the work as {sow}"
    return "included", pricing, f"the SOW is {sow}"


def passage_disagrees(ctx: LintContext, c: Commitment, passage: Sentence) -> str | None:
    """Why the passage says something else about the same subject, or None."""
    text = passage.text
    sow_quantities: dict[str, set[float]] = {}
    for value, unit in quantities(text):
        sow_quantities.setdefault(unit, set()).add(value)
    caps = {unit: value for value, unit in _capped(text)}
    for value, unit in c.quantities:
        if unit in caps and value <= caps[unit]:
            continue  # "all twelve managers" within "up to 15 users"
        if unit in sow_quantities and value not in sow_quantities[unit]:
            said = ", ".join(_fmt_number(v) for v in sorted(sow_quantities[unit]))
            return f"the notes say {_fmt_number(value)} {unit}(s); the SOW says {said}"
        if unit in _DAYS and unit not in sow_quantities and (reason := _other_period(value, unit, sow_quantities)):
            return reason
    if c.frequency and _FREQUENCY.search(text) and (reason := _other_frequency(c.frequency, text)):
        return reason
    if c.fmt:
        formats = {normalise_format(m.group(1)) for m in _FORMAT.finditer(text)}
        if formats and c.fmt not in formats:
            return f"the notes say {c.fmt}; the SOW says {', '.join(sorted(formats))}"
    if c.deadline:
        return late(ctx, c.deadline, text)
    for phrase in _ruled_out(c.text):
        shared = phrase & sentence_terms(ctx)[passage.start]
        if shared and not excludes_text(text):
            return f"the notes rule out {', '.join(sorted(shared))}; the SOW includes it"
    return None


# "no delivery slots" rules delivery out; "no more phone tag" and "no longer" say less of it, not none
_NEGATED = re.compile(r"\b(?:no|not|without|never|excluding)\s+(?!more\b|longer\b|problem\b)((?:[\w-]+\s+){0,2}[\w-]+)",
                      re.IGNORECASE)


def _ruled_out(text: str) -> list[set[str]]:
    """Terms the notes say are not part of it ("pickup only, no delivery slots" -> {delivery, slot})."""
    out = []
    for m in _NEGATED.finditer(text):
        words = {term(w.lower().rstrip("s")) for w in re.findall(r"[a-zA-Z]{3,}", m.group(1))}
        if words:
            out.append(words)
    return out


_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}


_CAP = re.compile(r"\b(?:up\s+to|a\s+maximum\s+of|maximum\s+of|at\s+most|no\s+more\s+than|not\s+to\s+exceed)\s+", re.I)


def _capped(text: str) -> list[tuple[float, str]]:
    """The quantities a text states as caps ("up to 15 users")."""
    return [q for m in _CAP.finditer(text) for q in quantities(text[m.end(): m.end() + 40])[:1]]


def _other_period(value: float, unit: str, sow: dict[str, set[float]]) -> str | None:
    """A period the passage states in other units and that is not the same length ("a full year" against
    "for 90 days"; "two months" and "60 days" are the same)."""
    theirs = [(v, u) for u, vs in sow.items() if u in _DAYS for v in vs if v != float("inf")]
    mine = value * _DAYS[unit]
    if theirs and all(abs(v * _DAYS[u] - mine) > 0.15 * max(v * _DAYS[u], mine) for v, u in theirs):
        v, u = theirs[0]
        return f"the notes say {_fmt_number(value)} {unit}(s); the SOW says {_fmt_number(v)} {u}(s)"
    return None


def _agrees(c: Commitment, passage: Sentence) -> bool:
    said = set(quantities(passage.text))
    return any(q in said for q in c.quantities)


def _fmt_number(v: float) -> str:
    return "unlimited" if v == float("inf") else (str(int(v)) if v == int(v) else str(v))


_OWNS = re.compile(r"\b(?:own|owns|ownership|copyright|intellectual\s+property|\bIP\b)", re.IGNORECASE)


_KEEPS = re.compile(r"\b(?:keeps?|retains?|owns?|remains?\s+(?:with|the\s+(?:sole\s+)?property\s+of))\b", re.IGNORECASE)


_GIVES = re.compile(r"\b(?:assign(?:s|ed)?|transfer(?:s|red)?|pass(?:es)?\s+to|vests?\s+in)\b", re.IGNORECASE)


def ownership_flip(ctx: LintContext, c: Commitment):
    """(sentence, reason) when the notes give the client the rights ("they'd own the copyright outright") and
    the SOW keeps them with the provider ("Hollow Pine Studio keeps the copyright"), or the other way round."""
    if not _OWNS.search(c.text):
        return None
    ours = bool(re.search(r"\b(?:we|we(?:'|’)(?:d|ll)|I|I(?:'|’)(?:d|ll))\s+(?:would\s+|will\s+)?(?:keep|retain|own)\b", c.text))
    for s in ctx.sentences:
        if not contractual(s) or not re.search(r"\b(?:copyright|intellectual\s+property|ownership)\b", s.text, re.I):
            continue
        mention = ctx.parties.first_mention(s.text)
        keeps = _KEEPS.search(s.text) and not _GIVES.search(s.text)
        # who keeps it: a party the SOW names as provider, or any named subject that is not the client
        # ("Hollow Pine Studio keeps the copyright" in a quote that defines no parties)
        if keeps and (mention is None or mention.side == "provider") and not ours:
            return s, "the notes give the client ownership; the SOW keeps it with the provider"
        if _GIVES.search(s.text) and ours:
            return s, "the notes keep ownership with us; the SOW gives it to the client"
    return None


# A promised measure: a percentage, or a response time ("within 4 hours").
MEASURE = re.compile(r"\d+(?:\.\d+)?\s?%|\bpercent\b|\bwithin\s+(?:\d+|an?|one|two|three|four|few)\s+"
                      r"(?:business\s+|working\s+)?(?:minutes?|hours?|days?)\b|"
                      # a time commitment: "two days a week", "10 hours per month"
                      r"\b(?:\d+|one|two|three|four|five|half\s+a)\s+(?:days?|hours?)\s+(?:a|per|each|every)\s+(?:week|month)\b",
                      re.IGNORECASE)


_A_MEASURE = re.compile(r"\d\s?%|\bpercent\b|\b(?:\d+|one|two|three|four|five|six|eight|ten|twelve)\s+(?:business\s+|working\s+)?"
                        r"(?:minutes?|hours?|days?|weeks?)\b", re.IGNORECASE)


def states_measure(text: str) -> bool:
    """A percentage or a number of time units ("4 hours", "two days"), not just any figure (a rate card row)."""
    return _A_MEASURE.search(text) is not None
