"""The words of a commitment, as the SOW is searched for them: its terms without the cue words of
note-taking ("told them", "they expect") or the people named, and whether the SOW knows a word."""

from __future__ import annotations

import re

from ..engine.context import LintContext
from ..engine.coverage import LANGUAGES, content_lemmas, names_in, sentence_terms, term, terms
from .extract import Commitment


# Words of note-taking, not of the thing promised: "told them we'd send ..." is about "send ...".
_CUE_LEMMAS = {"tell", "told", "promise", "mention", "expect", "want", "need", "assume", "say", "said", "offer",
               "free", "extra", "come", "see", "whole", "entire",
               "agree", "ask", "hope", "think", "like", "sure", "probably", "maybe", "later", "definitely",
               "happy", "problem", "cfo", "cto", "ceo", "coo", "boss", "guy", "really", "keen", "counting",
               "require", "insist", "look", "would", "could", "should", "can", "able"}


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


_SPEECH_BEFORE_STRICT = re.compile(r"\b(?:told|promised|emailed|called|assured|said)\s+$", re.IGNORECASE)


_NOT_PEOPLE = {"they", "them", "client", "we", "our", "the", "their", "told", "promised", "said", "mentioned",
               "every", "someone", "each", "all", "offered", "agreed", "quoted", "emailed", "called", "assured",
               "customer", "cfo", "cto", "ceo"}


def people_named(text: str, strict: bool = False) -> set[str]:
    """The people note-takers name as who said or heard it ("Told Priya that ...", "Dana expects ...").
    ``strict`` leaves out names after "with" and "to", which may be products ("link it to Fresha")."""
    before = _SPEECH_BEFORE_STRICT if strict else _SPEECH_BEFORE
    out = set()
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        name = m.group(0)
        if name.lower() in _NOT_PEOPLE:
            continue
        if before.search(text[: m.start()]) or _SPEECH_AFTER.match(text[m.end():]):
            out.add(name.lower())
    return out


WE = re.compile(r"\b(?:we|we(?:'|’)(?:ll|d)|us|our\s+team|ourselves)\b|\bI(?:'|’)(?:ll|d)\b|\bI\s+(?:will|would)\b",
                 re.IGNORECASE)


def terms_of(text: str) -> set[str]:
    from ..nlp.pipeline import parse

    return terms(parse(text))


_GENERIC_WORDS = {"client", "clients", "customer", "customers", "team", "project", "work", "service", "services"}


def known_word(word: str, sow_terms: set[str]) -> bool:
    """A function word, or one the SOW uses (in any of its plural forms)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if word in STOP_WORDS or word in _GENERIC_WORDS:
        return True
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    return any(term(f) in sow_terms for f in forms)


def sow_terms(ctx: LintContext) -> set[str]:
    cached = ctx.__dict__.get("_notes_sow_terms")
    if cached is None:
        cached = ctx.__dict__["_notes_sow_terms"] = set().union(*sentence_terms(ctx).values())
    return cached
