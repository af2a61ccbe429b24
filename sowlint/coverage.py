"""Is a statement addressed elsewhere in the SOW?  Finds the passage that shares most of its content words.

Used by the `unaddressed-promise` kind (a promise in the narrative but not in scope or exclusions)
and by the handoff-notes check.  Content words are lemmas of alphabetic, non-stop-word tokens, so
"migrating ten years of orders" meets "migration of historical order data" on "order".
"""

from __future__ import annotations

from dataclasses import dataclass

from .context import LintContext, Sentence

# Words every SOW sentence has: they say who and how, not what.
_GENERIC = {
    "client", "customer", "contractor", "vendor", "provider", "supplier", "consultant", "government",
    "agency", "team", "project", "will", "shall", "must", "provide", "include", "ensure", "work",
    "service", "offeror", "also", "need", "make", "use", "able", "new", "well", "help", "support",
}


@dataclass
class Passage:
    sentence: Sentence
    score: float  # share of the statement's content words found in this passage
    shared: tuple[str, ...]


def content_lemmas(tokens) -> set[str]:
    return {t.lemma_ for t in tokens if t.is_alpha and not t.is_stop and len(t.text) > 2
            and t.lemma_ not in _GENERIC}


def sentence_lemmas(ctx: LintContext) -> dict[int, set[str]]:
    """Content lemmas per sentence (keyed by sentence start), computed once per document."""
    cache = ctx.__dict__.setdefault("_sentence_lemmas", {})
    if not cache:
        doc = ctx.nlp
        for s in ctx.sentences:
            cache[s.start] = content_lemmas(doc[s.tok_start : s.tok_end])
    return cache


def best_passage(ctx: LintContext, words: set[str], roles: tuple[str, ...] | list[str] | None,
                 exclude: Sentence | None = None, accept=None) -> Passage | None:
    """The sentence sharing the largest share of ``words`` (None if nothing shared), among sentences in
    a section of ``roles`` (None: any role) or, when given, those ``accept(sentence)`` is true for."""
    if not words:
        return None
    lemmas = sentence_lemmas(ctx)
    best: Passage | None = None
    for s in ctx.sentences:
        if exclude is not None and s.start == exclude.start:
            continue
        in_roles = roles is None or s.section.role in roles
        if not (in_roles or (accept is not None and accept(s))):
            continue
        shared = words & lemmas[s.start]
        if shared and (best is None or len(shared) > len(best.shared)):
            best = Passage(s, len(shared) / len(words), tuple(sorted(shared)))
    return best
