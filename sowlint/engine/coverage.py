"""Is a statement addressed elsewhere in the SOW?  Finds the passage that shares most of its content.

Used by the `unaddressed-promise` kind (a promise in the narrative but not in scope or exclusions)
and by the handoff-notes check.  Words are compared as *terms*: the lemma of an alphabetic,
non-stop-word token, mapped through a small table of SOW synonyms ("tweak" and "round" count as
"revision", "invoice" as "bill") and cut to a crude stem ("disposal" and "dispose", "training" and
"train" meet).  Terms are weighted by how rare they are among the document's sentences, so that
"data" in a data-migration SOW counts less than "Vietnamese"; a term the SOW never uses gets the
highest weight, because it is the part of the statement nothing addresses.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .context import LintContext, Sentence

# Words every SOW sentence has: they say who and how, not what.
_GENERIC = {
    "client", "customer", "contractor", "vendor", "provider", "supplier", "consultant", "government",
    "agency", "team", "project", "will", "shall", "must", "provide", "include", "ensure", "work",
    "service", "offeror", "also", "need", "make", "use", "able", "new", "well", "help", "support",
}
# SOW vocabulary that means the same thing for matching purposes (keys and values are lemmas).
SYNONYMS = {
    "tweak": "revision", "round": "revision", "change": "revision", "iteration": "revision", "amend": "revision",
    "invoice": "bill", "invoicing": "bill", "billing": "bill", "charge": "bill", "fee": "price", "cost": "price",
    "call": "meeting", "meet": "meeting", "catch-up": "meeting", "standup": "meeting", "check-in": "meeting",
    "site": "website", "web": "website", "webpage": "page", "launch": "live", "golive": "live", "cutover": "live",
    "trainee": "train", "coach": "train", "workshop": "session", "manager": "staff", "employee": "staff",
    "people": "staff", "personnel": "staff", "user": "staff", "onsite": "site", "premise": "site",
    "phone": "telephone", "24/7": "anytime", "overnight": "night", "copy": "content", "copywriting": "content",
    "text": "content", "wording": "content", "questionnaire": "survey", "dispose": "disposal",
    "decommission": "disposal", "decommissioning": "disposal", "history": "historical",
    "voucher": "gift", "incentive": "gift", "translate": "language", "translation": "language",
    "multilingual": "language", "bilingual": "language", "pager": "page", "article": "post", "update": "status",
    "laptop": "hardware", "computer": "hardware", "desktop": "hardware", "pc": "hardware", "printer": "hardware",
    "direction": "concept", "dupe": "duplicate", "dedupe": "duplicate", "spreadsheet": "excel", "tidy": "clean",
    "bring": "migrate", "import": "migrate", "transfer": "migrate", "migration": "migrate",
}
# Phrases that carry one meaning their words do not ("24/7", "day or night").
PHRASE_TERMS = {"24/7": "anytime", "24 x 7": "anytime", "24x7": "anytime", "day or night": "anytime",
                "round the clock": "anytime", "around the clock": "anytime", "24 hours a day": "anytime",
                "one-pager": "page", "photo book": "album", "photobook": "album"}
# spaCy's stop list holds words that name work in a SOW ("call", "move", "show"); keep those.
_KEEP = {"call", "move", "show", "full", "part", "name", "front", "back", "side", "top", "bottom", "empty",
         "fire", "amount", "first", "last", "done", "whole", "put", "give", "see", "serious", "bill"}
# Naming a language in a request is asking for work in it ("run the survey in Vietnamese"); callers
# that read requests add the term "language" for these (a SOW saying "in English" asks for nothing).
LANGUAGES = {
    "arabic", "bengali", "cantonese", "chinese", "dutch", "english", "farsi", "french", "german", "greek",
    "gujarati", "hindi", "indonesian", "italian", "japanese", "korean", "malay", "mandarin", "polish",
    "portuguese", "punjabi", "russian", "somali", "spanish", "swahili", "tagalog", "tamil", "thai", "turkish",
    "ukrainian", "urdu", "vietnamese", "welsh",
}

_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ness",
             "ities", "ity", "ives", "ive", "ally", "als", "al", "ers", "er", "ed", "es", "ly", "s", "e")


@dataclass
class Passage:
    sentence: Sentence
    score: float  # weighted share of the statement's terms found in this passage
    shared: tuple[str, ...]


def stem(word: str) -> str:
    """A crude stem, for matching only ("disposal", "dispose" -> "dispos")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def term(lemma: str) -> str:
    return stem(SYNONYMS.get(lemma, lemma))


def content_lemmas(tokens) -> set[str]:
    return {t.lemma_ for t in tokens if t.is_alpha and (not t.is_stop or t.lower_ in _KEEP) and len(t.text) > 2
            and t.lemma_ not in _GENERIC}


def terms(tokens) -> set[str]:
    out = {term(lemma) for lemma in content_lemmas(tokens)}
    text = tokens.text.lower() if hasattr(tokens, "text") else ""
    out.update(t for phrase, t in PHRASE_TERMS.items() if phrase in text)
    return out


def sentence_terms(ctx: LintContext) -> dict[int, set[str]]:
    """Terms per sentence (keyed by sentence start), computed once per document."""
    cache = ctx.__dict__.setdefault("_sentence_terms", {})
    if not cache:
        doc = ctx.nlp
        for s in ctx.sentences:
            cache[s.start] = terms(doc[s.tok_start : s.tok_end])
    return cache


def term_weights(ctx: LintContext) -> tuple[dict[str, float], float]:
    """Inverse sentence frequency of each term, and the weight of a term the SOW never uses."""
    cached = ctx.__dict__.get("_term_weights")
    if cached is None:
        per_sentence = sentence_terms(ctx)
        n = len(per_sentence) + 1
        df: dict[str, int] = {}
        for ts in per_sentence.values():
            for t in ts:
                df[t] = df.get(t, 0) + 1
        weights = {t: math.log(n / (d + 1)) + 1.0 for t, d in df.items()}
        cached = ctx.__dict__["_term_weights"] = (weights, math.log(n) + 1.0)
    return cached


def best_passage(ctx: LintContext, words: set[str], roles: tuple[str, ...] | list[str] | None,
                 exclude: Sentence | None = None, accept=None) -> Passage | None:
    """The sentence sharing the largest weighted share of ``words`` (terms; None if nothing shared),
    among sentences in a section of ``roles`` (None: any role) or, when given, those for which
    ``accept(sentence)`` is true."""
    if not words:
        return None
    per_sentence = sentence_terms(ctx)
    weights, unseen = term_weights(ctx)
    total = sum(weights.get(w, unseen) for w in words)
    best: Passage | None = None
    for s in ctx.sentences:
        if exclude is not None and s.start == exclude.start:
            continue
        in_roles = roles is None or s.section.role in roles
        if not (in_roles or (accept is not None and accept(s))):
            continue
        shared = words & per_sentence[s.start]
        if not shared:
            continue
        score = sum(weights[w] for w in shared) / total
        if best is None or score > best.score:
            best = Passage(s, score, tuple(sorted(shared)))
    return best


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b")


def names_in(text: str, doc_text: str) -> set[str]:
    """Capitalised words inside a sentence that the SOW never uses: people named in notes ("Priya")."""
    low = doc_text.lower()
    return {m.group(0).lower() for m in _NAME.finditer(text) if m.group(0).lower() not in low}
