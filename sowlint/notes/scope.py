"""What the SOW includes of a commitment's scope: part of it ("all" against a partial exclusion), none of
the specific thing (the area only), a thing an exclusion names or counts, work the client does, work
that is charged for."""

from __future__ import annotations

import re

from ..engine.context import LintContext, Sentence
from ..engine.coverage import Passage, best_passage, sentence_terms, term
from .contradictions import passage_disagrees
from .extract import _TIME_UNITS, Commitment, quantities
from .passages import best_non_excluding, contractual, covers, excludes, excludes_text
from .specifics import is_catch_all, missing, prices_it, promises_all, qualifiers
from .words import WE, known_word, people_named, sow_terms


def partly_included(ctx: LintContext, c: Commitment, words: set[str], exclusion: Passage) -> Sentence | None:
    """The sentence that includes part of what the notes promise in full, when an exclusion leaves the rest
    out: the notes say all of it ("every pantry", "the full history") or more of it ("train all 40 staff"
    against "train-the-trainer for up to 8 key users"), and a contractual sentence covers the same thing."""
    if exclusion.score < 1.0 and (not excludes(exclusion) or len(exclusion.shared) < min(2, max(1, len(words) // 2))):
        return None
    subject = set(exclusion.shared) or sentence_terms(ctx)[exclusion.sentence.start] & words
    # the included part usually stands beside the excluded one ("orders since 2023 ..." / "orders before
    # 2023 are not migrated"); otherwise the contractual sentence that covers the commitment best
    beside = [s for s in ctx.sentences
              if s.section is exclusion.sentence.section and s.start != exclusion.sentence.start
              and contractual(s) and not excludes_text(s.text) and subject & sentence_terms(ctx)[s.start]]
    best = best_non_excluding(ctx, words)
    if any(_same_count(c, s) for s in beside + ([best.sentence] if best is not None else [])):
        return None  # "all 1,800 products" against "all active products (about 1,800 SKUs)": what was counted is included
    if promises_all(c.text):
        # the exclusion takes away part of what "all"/"every" covers ("every app, ... the Android beta")
        if beside:
            return beside[0]
        if best is not None and best.score >= 0.15 and subject & set(best.shared):
            return best.sentence
        return None
    if best is not None and covers(best, words) and passage_disagrees(ctx, c, best.sentence):
        return best.sentence  # "train all 40 staff" against "train-the-trainer for up to 8 key users"
    return None


def _same_count(c: Commitment, s: Sentence) -> bool:
    """The passage states the commitment's own count (a number of 10 or more, whatever it counts)."""
    said = {v for v, _u in quantities(s.text)}
    return any(v >= 10 and v in said for v, _u in c.quantities)


def counted_thing_excluded(ctx: LintContext, c: Commitment, inclusion: Passage | None, exclusion: Passage) -> bool:
    """The thing the notes count ("a couple of models for the porch shots") is in an exclusion ("Models,
    hair and makeup") and not in the sentence that covers the rest (the porch shots)."""
    units = {u for _v, u in c.quantities if u not in _TIME_UNITS}
    if not units or not units & sentence_terms(ctx)[exclusion.sentence.start]:
        return False
    if _MORE.search(exclusion.sentence.text):
        return False  # "additional modules are quoted separately" bounds the count; it does not exclude modules
    return inclusion is None or not units & sentence_terms(ctx)[inclusion.sentence.start]


def client_does_it(ctx: LintContext, c: Commitment, words: set[str], inclusion: Passage | None,
                    exclusion: Passage | None) -> Sentence | None:
    """The SOW sentence that gives the client what the notes say we do ("assumes we write all the copy"
    against "Fernleaf provides all written content"), when it covers the commitment at least as well as
    any exclusion does."""
    if not WE.search(c.text):
        return None
    # (the client paying for it directly is an exclusion, not a duty)
    duty = best_passage(ctx, words, (), accept=lambda s: not excludes_text(s.text) and (
        s.section.role == "client-responsibilities" or ctx.owner(s) == "client" or _client_duty_heading(ctx, s)))
    if duty is None or not covers(duty, words):
        return None
    if inclusion is not None and inclusion.score > duty.score:
        return None
    if exclusion is not None and exclusion.score > duty.score and exclusion.sentence.section is not duty.sentence.section:
        return None  # ("you provide the procedures; we do not write them" is one statement of the client's duty)
    return duty.sentence


_DUTY_HEADING = re.compile(r"\b(?:responsibilit\w*|obligations?|dependenc\w*|inputs?|to\s+provide)\b", re.IGNORECASE)


def _client_duty_heading(ctx: LintContext, s: Sentence) -> bool:
    """Under a heading that names the client's duties by name ("10. Karoo Fresh's Responsibilities")."""
    heading = s.section.title
    mention = ctx.parties.first_mention(heading)
    return bool(_DUTY_HEADING.search(heading)) and mention is not None and mention.side == "client"


def exclusion_naming(ctx: LintContext, c: Commitment) -> Sentence | None:
    """An exclusion that names the specific product or platform promised, named nowhere else in the
    contract ("Integration with TaxCalc or any other practice management software")."""
    quals = [q for q in qualifiers(c.text, lambda w: known_word(w, sow_terms(ctx)), people_named(c.text, strict=True),
                                   single_names=True)
             if q.text[:1].isupper()]  # a named product or platform, not a channel or a compound
    if not quals:
        return None
    excluding = [s for s in ctx.sentences if s.section.role == "exclusions" or excludes_text(s.text)]
    for q in quals:
        if any(q.pattern.search(s.text) for s in ctx.sentences if contractual(s) and not excludes_text(s.text)):
            continue  # the SOW includes it somewhere: an exclusion naming it excludes only part
        if (named := next((s for s in excluding if q.pattern.search(s.text)), None)) is not None:
            return named
    return None


def priced(ctx: LintContext, c: Commitment, words: set[str], inclusion: Passage | None) -> Sentence | None:
    """For a promise of free work: the SOW sentence that charges for the same work, if any: the covering
    sentence itself, or one that covers it about as well ("Further training sessions are GBP 650 per half
    day" beside the workshop sentence)."""
    if covers(inclusion, words) and prices_it(inclusion.sentence.text):
        return inclusion.sentence
    priced = best_passage(ctx, words, (), accept=lambda s: contractual(s) and prices_it(s.text))
    if priced is None:
        return None
    if _MORE.search(c.text) and _MORE.search(priced.sentence.text) and priced.score >= 0.15:
        return priced.sentence  # "two extra pages for free" against "extra pages are billed at NZD 95 an hour"
    if priced.score < 0.2 or len(priced.shared) < min(2, len(words)) or not set(priced.shared) - _PRICE_TERMS:
        return None  # a fee sentence that shares only "fee" and "monthly" does not price this work
    if inclusion is not None and priced.score < 0.8 * inclusion.score:
        return None
    return priced.sentence


_PRICE_TERMS = {term(w) for w in ("price", "fee", "cost", "bill", "month", "monthly", "year", "annual", "week", "day",
                                    "hour", "rate", "total", "fix")}


_MORE = re.compile(r"\b(?:extra|additional|more|another|further)\b", re.IGNORECASE)


def specific_gap(ctx: LintContext, c: Commitment, words: set[str], inclusion: Passage) -> tuple | None:
    """Unaddressed when the SOW names the area but never the specific thing promised ("Spanish versions
    of the location pages" against "each location gets its own page"); excluded when a catch-all
    exclusion covers the area ("dashboards for audiences other than those listed"); None when the SOW
    names the thing."""
    known = sow_terms(ctx)
    quals = qualifiers(c.text, lambda w: known_word(w, known), people_named(c.text))
    gaps = missing(quals, ctx.doc.text)
    if not gaps:
        return None
    names = ", ".join(q.text for q in gaps)
    catch_all = best_passage(ctx, words, (), accept=lambda s: (s.section.role == "exclusions" or excludes_text(s.text))
                             and is_catch_all(s.text))
    if catch_all is not None and catch_all.score >= 0.1:
        return "excluded", catch_all.sentence, f"the SOW leaves out anything it does not list, and does not list {names}"
    return "unaddressed", inclusion.sentence, f"the SOW covers the area but never names {names}"
