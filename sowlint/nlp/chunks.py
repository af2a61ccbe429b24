"""Tokenises a text longer than spaCy's max_length in pieces cut at paragraph or line boundaries.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088) because its parser and
NER need ~1 GB per 100,000 characters; sowlint runs neither, only the rule tokenizer, whose cost and
memory are linear.  The tokenizer splits at every change between white space and other characters
and looks no further, so a piece that ends in white space right before a non-space character gives
exactly the tokens the whole text gives there; the pieces are then joined into one Doc, and the
sentencizer and lemmas run over it as for a short text.
"""

from __future__ import annotations

import re

_CUTS = (re.compile(r"\n[ \t]*\n(?=\S)"), re.compile(r"\n(?=\S)"), re.compile(r"\s(?=\S)"))


def cut_points(text: str, limit: int) -> list[int]:
    """Offsets that cut ``text`` into pieces of at most ``limit`` characters: each at the last paragraph
    break of its window, else the last line break, else the last white space before a word (a piece
    with none, a word of ``limit`` characters, is cut where the limit falls)."""
    cuts, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        cut = None
        for pattern in _CUTS:
            last = None  # the last break in the window keeps the pieces as large as allowed
            for m in pattern.finditer(text, start + 1, end + 1):
                last = m
            if last is not None and last.end() <= end:
                cut = last.end()
                break
        cut = cut or end
        cuts.append(cut)
        start = cut
    return cuts


def tokenize(nlp, text: str):
    """``nlp.make_doc(text)`` for a text of any length: pieces of at most ``nlp.max_length`` joined."""
    if len(text) <= nlp.max_length:
        return nlp.make_doc(text)
    bounds = [0, *cut_points(text, nlp.max_length), len(text)]
    return _join(nlp.vocab, [nlp.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:])])


def _join(vocab, pieces):
    """The pieces as one Doc: what the tokenizer sets (the words, the space after each and a special
    case's norm) copied as arrays.  Doc.from_docs does the same through a Token object per word,
    ~10 us each, 4 s on a 2M-character text."""
    import numpy
    from spacy.attrs import NORM, ORTH, SPACY
    from spacy.tokens import Doc

    cols = numpy.concatenate([piece.to_array([ORTH, SPACY, NORM]) for piece in pieces])
    strings = vocab.strings
    words = [strings[key] for key in cols[:, 0].tolist()]
    doc = Doc(vocab, words=words, spaces=(cols[:, 1] == 1).tolist())
    doc.from_array([NORM], cols[:, 2:3])
    return doc
