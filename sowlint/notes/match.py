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

from ..engine.context import LintContext, Sentence
from ..engine.coverage import (LANGUAGES, Passage, best_passage, content_lemmas, names_in, sentence_terms, term,
                        term_weights, terms)
from .extract import (_FORMAT, _FREQUENCY, _MONTHS, _TIME_UNITS, DAY_MONTH, Commitment, normalise_format,
                      normalise_frequency, quantities)

# Sections whose sentences never include a commitment: exclusions, and the sales narrative itself.
_NOT_INCLUSION = ("exclusions", "background", "approach")


def _contractual(s: Sentence) -> bool:
    """A sentence that can include a commitment: not an exclusion, background or approach."""
    return s.section.role not in _NOT_INCLUSION


def _same_cadence(ctx: LintContext, c: Commitment, words: set[str]) -> Passage | None:
    """For a commitment with a frequency, the contractual sentence stating a frequency that best shares its words."""
    if not c.frequency:
        return None
    return best_passage(ctx, words, (), accept=lambda s: _contractual(s) and bool(_FREQUENCY.search(s.text)))
_EXCLUSION = re.compile(r"\b(?:not\s+(?:be\s+)?(?:included|covered|provided|part\s+of|in\s+scope)|out\s+of\s+scope|"
                        r"out-of-scope|excluded|exclude[sd]?|does\s+not\s+include|do\s+not\s+include|"
                        r"outside\s+(?:the\s+)?scope|not\s+responsible\s+for|"
                        # the client pays for it or someone else does it: not ours either
                        r"paid\s+(?:by\s+\w+\s+)?directly|pay\s+(?:for\s+it\s+)?directly|billed\s+separately|"
                        r"at\s+(?:the\s+)?client(?:'|’)s\s+(?:own\s+)?(?:cost|expense)|remains?\s+with\s+(?:its|their|the)\s+\w+|"
                        r"remains?\s+in\s+(?:the\s+)?(?:legacy|existing|old|current|[A-Z]\w*)|"
                        r"(?:buys?|purchases?|procures?|pays?)\s+(?:\w+\s+){0,3}?directly|"
                        r"quoted\s+separately|separate\s+(?:sow|statement\s+of\s+work|quote|proposal))\b", re.IGNORECASE)
# Words of note-taking, not of the thing promised: "told them we'd send ..." is about "send ...".
_CUE_LEMMAS = {"tell", "told", "promise", "mention", "expect", "want", "need", "assume", "say", "said", "offer",
               "agree", "ask", "hope", "think", "like", "sure", "probably", "maybe", "later", "definitely",
               "happy", "problem", "cfo", "cto", "ceo", "coo", "boss", "guy", "really", "keen", "counting",
               "require", "insist", "look", "would", "could", "should", "can", "able"}


@dataclass
class Outcome:
    status: str  # included, excluded, contradicted, unaddressed
    passage: Sentence | None
    reason: str


def commitment_words(ctx: LintContext, c: Commitment) -> set[str]:
    from ..nlp.pipeline import parse

    names = names_in(c.text, ctx.doc.text) | people_named(c.text)
    doc = parse(c.text)
    all_lemmas = content_lemmas(doc)
    lemmas = {w for w in all_lemmas if w not in _CUE_LEMMAS and w not in names}
    words = {term(w) for w in lemmas} | (terms(doc) - {term(w) for w in all_lemmas})
    if all_lemmas & LANGUAGES:  # "Vietnamese" is not a person, whatever the SOW calls it
        words.add(term("language"))
    return words


_SPEECH_AFTER = re.compile(r"^(?:'s)?\s+(?:assumes|expects|wants|needs|asked|is|was|said|thinks|would|will|"
                           r"requires|insists|hopes|wanted|expected|assumed)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:told|promised|emailed|called|assured|said|with|to)\s+$", re.IGNORECASE)
_NOT_PEOPLE = {"they", "them", "client", "we", "our", "the", "their", "told", "promised", "said", "mentioned",
               "every", "someone", "each", "all", "offered", "agreed", "quoted", "emailed", "called", "assured",
               "customer", "cfo", "cto", "ceo"}


def people_named(text: str) -> set[str]:
    """The people note-takers name as who said or heard it ("Told Priya that ...", "Dana expects ...")."""
    out = set()
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        name = m.group(0)
        if name.lower() in _NOT_PEOPLE:
            continue
        if _SPEECH_BEFORE.search(text[: m.start()]) or _SPEECH_AFTER.match(text[m.end():]):
            out.add(name.lower())
    return out


def _covers(p: Passage | None, words: set[str]) -> bool:
    # A third of the weighted terms: SOWs paraphrase, and the rare terms carry most of the weight.
    return p is not None and p.score >= 0.23 and len(p.shared) >= min(2, len(words))


def _excludes(p: Passage | None) -> bool:
    """Exclusions are terse lists ("Copywriting and photography are not included"): naming a third
    of the commitment's words, its subject, is enough."""
    return p is not None and p.score >= 0.2


def classify(ctx: LintContext, c: Commitment) -> Outcome:
    if c.engagement:
        return _engagement_outcome(ctx, c)
    words = commitment_words(ctx, c)
    exclusion = best_passage(ctx, words, ("exclusions",), accept=lambda s: bool(_EXCLUSION.search(s.text)))
    inclusion = best_passage(ctx, words, (), accept=_contractual)
    if inclusion is not None and _EXCLUSION.search(inclusion.sentence.text):
        inclusion = None  # a sentence that excludes is not an inclusion, wherever it stands
    if c.deadline and (found := _missed_deadline(ctx, c, words)):
        return Outcome("contradicted", *found)  # a date is specific: it decides before word overlap does
    if _excludes(exclusion) and (not _covers(inclusion, words) or exclusion.score >= inclusion.score):
        return Outcome("excluded", exclusion.sentence, "an exclusion covers it")
    timed = _same_cadence(ctx, c, words)
    found = _find_contradiction(ctx, c, words, inclusion, timed)
    if found is not None:
        return Outcome("contradicted", *found)
    if not _covers(inclusion, words):
        # The same thing at the same cadence ("every Friday" and "sends a short update every Friday").
        if timed is not None and timed.score >= 0.2:
            return Outcome("included", timed.sentence, "the SOW states it at the same frequency")
    if _covers(inclusion, words):
        if _MEASURE.search(c.text) and not re.search(r"\d", inclusion.sentence.text):
            # "an engineer on site within 4 hours" against "an engineer will visit as needed": the
            # subject is there, the promised measure is not.
            return Outcome("unaddressed", inclusion.sentence, "the SOW covers the subject but not the promised measure")
        return Outcome("included", inclusion.sentence, "the SOW covers it")
    nearest = max((p for p in (inclusion, exclusion) if p is not None), key=lambda p: p.score, default=None)
    return Outcome("unaddressed", nearest.sentence if nearest else None, "the SOW neither includes nor excludes it")


# A promised measure: a percentage, or a response time ("within 4 hours").
_MEASURE = re.compile(r"\d+(?:\.\d+)?\s?%|\bpercent\b|\bwithin\s+(?:\d+|an?|one|two|three|four|few)\s+"
                      r"(?:business\s+|working\s+)?(?:minutes?|hours?|days?)\b", re.IGNORECASE)


def _find_contradiction(ctx: LintContext, c: Commitment, words: set[str], inclusion: Passage | None,
                        timed: Passage | None):
    """(passage, reason) where the SOW says something else about the same thing, or None; ``timed`` is
    the commitment's _same_cadence() passage."""
    if timed is not None and (reason := _other_frequency(c.frequency, timed.sentence.text)):
        return timed.sentence, reason
    if not c.deadline and words & _COMPLETION and (found := _longer_schedule(ctx, c)):
        return found
    if _covers(inclusion, words) and _WE.search(c.text) and ctx.owner(inclusion.sentence) == "client":
        # "assumes we write all the copy" against "Fernleaf will provide all written content".
        return inclusion.sentence, "the notes have us doing it; the SOW makes it the client's responsibility"
    if _covers(inclusion, words):
        # Any covering passage may state the other figure ("unlimited revisions" two lines below the
        # row that best matches the words), so look at all of them, best first.
        for passage in covering_passages(ctx, c, words, inclusion):
            if reason := passage_disagrees(ctx, c, passage):
                return passage, reason
            if _agrees(c, passage):
                break  # the passage that counts the same thing with the same number settles it
    return None


def _missed_deadline(ctx: LintContext, c: Commitment, words: set[str]):
    """The SOW dates the same thing after the promised deadline.  The date that decides is wherever the
    SOW dates it, often a schedule row; a promise about the end ("live", "cut over", "done") is held
    against dates of the end."""
    ending = words & _COMPLETION
    if ending:
        dated = _latest_dated(ctx, near_end=True) or _latest_dated(ctx, near_end=False)
    else:
        dates = _dated_sentences(ctx)
        dated = best_passage(ctx, words, (), accept=lambda s: s.start in dates)
    if dated is not None and (reason := _late(ctx, c.deadline, dated.sentence.text)):
        return dated.sentence, reason
    return None


_END_WORD = re.compile(r"\b(?:go[- ]?live|live|launch\w*|cut[- ]?over|complet\w*|finish\w*|done|final\s+delivery)\b",
                       re.IGNORECASE)


_WE = re.compile(r"\b(?:we|we(?:'|’)(?:ll|d)|us|our\s+team|ourselves)\b", re.IGNORECASE)
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


def _longer_schedule(ctx: LintContext, c: Commitment):
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
        if s.section.role in _NOT_INCLUSION and s.section.role != "background":
            continue
        for d in find_durations(s.text):
            if d.recurring or d.effort:
                continue
            if best is None or d.low_days > best.low_days:
                best = d.shifted(s.start)
    return best


def covering_passages(ctx: LintContext, c: Commitment, words: set[str], best: Passage) -> list[Sentence]:
    """The best passage, then every other contractual sentence that shares half the words or names one
    of the commitment's specific units."""
    lemmas = sentence_terms(ctx)
    need = max(2, (len(words) + 1) // 2) if len(words) >= 2 else 1
    # Units other than time are specific enough that a sentence counting one with another number is
    # about the same thing, even with few other words in common ("unlimited revisions").
    units = {unit for _v, unit in c.quantities if unit not in _TIME_UNITS}

    def related(s: Sentence) -> bool:
        if len(words & lemmas[s.start]) >= need:
            return True
        return bool(units) and any(unit in units for _v, unit in quantities(s.text))

    others = [s for s in ctx.sentences if _contractual(s) and s.start != best.sentence.start
              and not _EXCLUSION.search(s.text) and related(s)]
    weights, unseen = term_weights(ctx)
    others.sort(key=lambda s: -sum(weights.get(w, unseen) for w in words & lemmas[s.start]))
    return [best.sentence, *others]


def _engagement_outcome(ctx: LintContext, c: Commitment) -> Outcome:
    pricing = next((s for s in ctx.sentences if s.section.role == "pricing"), None)
    sow = ctx.engagement
    if sow == "unknown":
        return Outcome("unaddressed", pricing, "the SOW does not say whether the price is fixed or time-and-materials")
    if sow != c.engagement:
        return Outcome("contradicted", pricing, f"the notes say {c.engagement}; the SOW prices the work as {sow}")
    return Outcome("included", pricing, f"the SOW is {sow}")


def passage_disagrees(ctx: LintContext, c: Commitment, passage: Sentence) -> str | None:
    """Why the passage says something else about the same subject, or None."""
    text = passage.text
    sow_quantities: dict[str, set[float]] = {}
    for value, unit in quantities(text):
        sow_quantities.setdefault(unit, set()).add(value)
    for value, unit in c.quantities:
        if unit in sow_quantities and value not in sow_quantities[unit]:
            said = ", ".join(_fmt_number(v) for v in sorted(sow_quantities[unit]))
            return f"the notes say {_fmt_number(value)} {unit}(s); the SOW says {said}"
    if c.frequency and _FREQUENCY.search(text) and (reason := _other_frequency(c.frequency, text)):
        return reason
    if c.fmt:
        formats = {normalise_format(m.group(1)) for m in _FORMAT.finditer(text)}
        if formats and c.fmt not in formats:
            return f"the notes say {c.fmt}; the SOW says {', '.join(sorted(formats))}"
    if c.deadline:
        return _late(ctx, c.deadline, text)
    for phrase in _ruled_out(c.text):
        shared = phrase & sentence_terms(ctx)[passage.start]
        if shared and not _EXCLUSION.search(text):
            return f"the notes rule out {', '.join(sorted(shared))}; the SOW includes it"
    return None


_NEGATED = re.compile(r"\b(?:no|not|without|never|excluding)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)


def _ruled_out(text: str) -> list[set[str]]:
    """Terms the notes say are not part of it ("pickup only, no delivery slots" -> {delivery, slot})."""
    out = []
    for m in _NEGATED.finditer(text):
        words = {term(w.lower().rstrip("s")) for w in re.findall(r"[a-zA-Z]{3,}", m.group(1))}
        if words:
            out.append(words)
    return out


_COMPLETION = {term(w) for w in ("live", "launch", "cutover", "cut", "complete", "completion", "finish", "done",
                                 "ready", "wrap")}


def _agrees(c: Commitment, passage: Sentence) -> bool:
    said = set(quantities(passage.text))
    return any(q in said for q in c.quantities)


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
            if s.section.role in _NOT_INCLUSION:
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
