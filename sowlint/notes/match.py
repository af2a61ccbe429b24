"""Decides what the SOW does with a commitment: included, excluded, contradicted or unaddressed.

The commitment's terms (words.py) are looked up in the SOW's sentences (passages.py): a sentence
*covers* it when it holds a third of their weight, an *exclusion* covers it with a fifth (exclusions are
terse lists).  The checks run from the most specific to the least:

1. a price model ("CFO wants a fixed price") against the SOW's engagement type;
2. a deadline against the date the SOW gives the same thing;
3. all of something against a SOW that includes part and excludes the rest (contradicted), or a
   product only an exclusion names (excluded);
4. work the notes give us that the SOW gives the client (contradicted);
5. free work: against a cost the client pays directly (excluded) or work the SOW charges for
   (contradicted);
6. the thing the notes count named in an exclusion; who owns the rights;
7. an exclusion that covers it better than any inclusion (excluded);
8. a covering passage with another number, period, frequency or format (contradicted);
9. a covering passage (included), unless the SOW never names the specific thing promised or the
   promised measure (unaddressed); nothing covering it: unaddressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.context import LintContext, Sentence
from ..engine.coverage import Passage
from .contradictions import MEASURE, engagement_outcome, find_contradiction, ownership_flip, states_measure
from .dates import missed_deadline
from .extract import Commitment
from .passages import best_exclusion, best_inclusion, covers, excludes, same_cadence
from .scope import client_does_it, counted_thing_excluded, exclusion_naming, partly_included, priced, specific_gap
from .specifics import is_payment_exclusion, promises_free
from .words import commitment_words


@dataclass
class Outcome:
    status: str  # included, excluded, contradicted, unaddressed
    passage: Sentence | None
    reason: str


def classify(ctx: LintContext, c: Commitment) -> Outcome:
    if c.engagement:
        return Outcome(*engagement_outcome(ctx, c))
    words = commitment_words(ctx, c)
    exclusion = best_exclusion(ctx, words)
    inclusion = best_inclusion(ctx, words)
    if c.deadline and (found := missed_deadline(ctx, c, words)):
        return Outcome("contradicted", *found)  # a date is specific: it decides before word overlap does
    named = exclusion_naming(ctx, c)
    if named is not None or exclusion is not None:
        excluded = Passage(named, 1.0, ()) if named is not None else exclusion
        if (part := partly_included(ctx, c, words, excluded)) is not None:
            # "all their old orders" against "orders before 2023 are not migrated": the SOW includes part
            return Outcome("contradicted", excluded.sentence,
                           f"the notes promise all of it; the SOW includes part ({_quote(part)}) and leaves out part")
    if named is not None:
        return Outcome("excluded", named, "an exclusion names it")
    if (flip := client_does_it(ctx, c, words, inclusion, exclusion)) is not None:
        return Outcome("contradicted", flip, "the notes have us doing it; the SOW makes it the client's responsibility")
    free = promises_free(c.text)
    if free and excludes(exclusion) and is_payment_exclusion(exclusion.sentence.text):
        return Outcome("excluded", exclusion.sentence, "the SOW leaves the cost with the client")
    if free and (found := priced(ctx, c, words, inclusion)):
        return Outcome("contradicted", found, "the notes promise it free; the SOW charges for it")
    if exclusion is not None and counted_thing_excluded(ctx, c, inclusion, exclusion):
        return Outcome("excluded", exclusion.sentence, "an exclusion names what the notes count")
    if (owner := ownership_flip(ctx, c)) is not None:
        return Outcome("contradicted", *owner)
    timed = same_cadence(ctx, c, words)
    if excludes(exclusion) and not (timed is not None and timed.score >= exclusion.score):
        if not covers(inclusion, words) or exclusion.score >= inclusion.score:
            return Outcome("excluded", exclusion.sentence, "an exclusion covers it")
    found = find_contradiction(ctx, c, words, inclusion, timed)
    if found is not None:
        return Outcome("contradicted", *found)
    if not covers(inclusion, words):
        # The same thing at the same cadence ("every Friday" and "sends a short update every Friday").
        if timed is not None and timed.score >= 0.2:
            return Outcome("included", timed.sentence, "the SOW states it at the same frequency")
    if covers(inclusion, words):
        if (gap := specific_gap(ctx, c, words, inclusion)) is not None:
            return Outcome(*gap)
        if MEASURE.search(c.text) and not states_measure(inclusion.sentence.text):
            # "an engineer on site within 4 hours" against "an engineer will visit as needed": the
            # subject is there, the promised measure is not.
            return Outcome("unaddressed", inclusion.sentence, "the SOW covers the subject but not the promised measure")
        return Outcome("included", inclusion.sentence, "the SOW covers it")
    nearest = max((p for p in (inclusion, exclusion) if p is not None), key=lambda p: p.score, default=None)
    return Outcome("unaddressed", nearest.sentence if nearest else None, "the SOW neither includes nor excludes it")


def _quote(s: Sentence) -> str:
    return '"' + (s.text if len(s.text) <= 80 else s.text[:77] + "...") + '"'


