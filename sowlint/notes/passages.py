"""Which SOW sentences can include or exclude a commitment, and when one covers it.

A sentence *includes* when it stands in a contractual section (not the exclusions or the sales
narrative) and does not itself exclude; it *excludes* when it says so ("not included", "out of
scope", "will not be migrated", "we won't write ...") or leaves the item with the client ("paid by
the Client directly").  Coverage is a weighted share of the commitment's terms (engine/coverage.py).
"""

from __future__ import annotations

import re

from ..engine.context import LintContext, Sentence
from ..engine.coverage import Passage, best_passage, sentence_terms, term_weights
from .extract import _FREQUENCY, _TIME_UNITS, Commitment, quantities

# Sections whose sentences never include a commitment: exclusions, and the sales narrative itself.
NOT_INCLUSION = ("exclusions", "background", "approach")

EXCLUSION = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:included|covered|provided|part\s+of|in\s+scope)|out\s+of\s+scope|"
    r"out-of-scope|excluded|exclude[sd]?|does\s+not\s+include|do\s+not\s+include|"
    r"outside\s+(?:the\s+)?scope|not\s+responsible\s+for|"
    # a done thing the SOW says will not happen: "are not migrated", "will not be imported", "is not supported"
    r"(?:is|are|will|be|been)\s+not\s+(?:be\s+)?(?:supported|imported|migrated|moved|transferred|converted|"
    r"translated|built|delivered|designed|written|created|set\s+up|configured|integrated|maintained|hosted)|"
    # the provider declines: "I won't write the text from scratch", "we do not design logos"
    r"(?:won['’]t|will\s+not|do\s+not|don['’]t|does\s+not|doesn['’]t|cannot|can['’]t)\s+(?:be\s+)?"
    r"(?:write|build|design|create|migrate|import|translate|support|host|maintain|provide|supply|cover|offer|"
    r"handle|manage|do|set\s+up|integrate|train)|"
    # the client pays for it or someone else does it: not ours either
    r"paid\s+(?:by\s+(?:the\s+)?[\w&]+(?:\s+[A-Z][\w&]*)*\s+)?directly|pay\s+(?:for\s+it\s+)?directly|billed\s+separately|"
    r"at\s+(?:the\s+)?client(?:'|’)s\s+(?:own\s+)?(?:cost|expense)|remains?\s+with\s+(?:its|their|the)\s+\w+|"
    r"remains?\s+in\s+(?:the\s+)?(?:legacy|existing|old|current|[A-Z]\w*)|"
    r"(?:buys?|purchases?|procures?|pays?)\s+(?:\w+\s+){0,3}?directly|"
    r"quoted\s+separately|separate\s+(?:sow|statement\s+of\s+work|quote|proposal))\b",
    re.IGNORECASE,
)


def contractual(s: Sentence) -> bool:
    """A sentence that can include a commitment: not an exclusion, background or approach, and not a
    heading (a heading names the area, "Episodes"; the text under it says what is included)."""
    return s.section.role not in NOT_INCLUSION and not (s.block is None or s.block.kind == "heading")


def excludes_text(text: str) -> bool:
    return EXCLUSION.search(text) is not None


def best_inclusion(ctx: LintContext, words: set[str]) -> Passage | None:
    """The contractual sentence that best covers ``words``; None when the best one excludes instead."""
    found = best_passage(ctx, words, (), accept=contractual)
    if found is not None and excludes_text(found.sentence.text):
        return None  # a sentence that excludes is not an inclusion, wherever it stands
    return found


def best_non_excluding(ctx: LintContext, words: set[str]) -> Passage | None:
    """The contractual sentence, excluding ones left aside, that best covers ``words``."""
    return best_passage(ctx, words, (), accept=lambda s: contractual(s) and not excludes_text(s.text))


def best_exclusion(ctx: LintContext, words: set[str]) -> Passage | None:
    return best_passage(ctx, words, ("exclusions",), accept=lambda s: excludes_text(s.text))


def same_cadence(ctx: LintContext, c: Commitment, words: set[str]) -> Passage | None:
    """For a commitment with a frequency, the contractual sentence stating a frequency that best shares its words."""
    if not c.frequency:
        return None
    return best_passage(ctx, words, (), accept=lambda s: contractual(s) and bool(_FREQUENCY.search(s.text)))


def covers(p: Passage | None, words: set[str]) -> bool:
    # A third of the weighted terms: SOWs paraphrase, and the rare terms carry most of the weight.
    return p is not None and p.score >= 0.23 and len(p.shared) >= min(2, len(words))


def excludes(p: Passage | None) -> bool:
    """Exclusions are terse lists ("Copywriting and photography are not included"): naming a third
    of the commitment's words, its subject, is enough."""
    return p is not None and p.score >= 0.2


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

    others = [s for s in ctx.sentences if contractual(s) and s.start != best.sentence.start
              and not excludes_text(s.text) and related(s)]
    weights, unseen = term_weights(ctx)
    others.sort(key=lambda s: -sum(weights.get(w, unseen) for w in words & lemmas[s.start]))
    return [best.sentence, *others]
