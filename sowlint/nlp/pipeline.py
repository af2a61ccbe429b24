"""The spaCy pipeline, loaded once per process and only when a rule needs it.

Sentences never cross a line of the text rendition: a heading, list item or table row ends
its sentence even without a full stop, so a match always sits in one block.  Lemmas come from
spaCy's lookup table applied to the *lower-case* form, because the table is case-sensitive
("Revisions" would otherwise stay "Revisions" while "revisions" becomes "revision").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "model"


@lru_cache(maxsize=1)
def load():
    import spacy

    nlp = spacy.load(MODEL_DIR)
    return nlp, nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def parse(text: str):
    """Tokenise, split sentences at line ends and punctuation, and lemmatise ``text``."""
    import numpy
    from spacy.attrs import SENT_START

    nlp, table = load()
    doc = nlp.make_doc(text)
    # 1 = a sentence starts here, -1 = it cannot, 0 = let the sentencizer decide.  Setting
    # Token.is_sent_start one token at a time is quadratic in spaCy 3, so build the column.
    starts = numpy.zeros((len(doc), 1), dtype="uint64")
    after_newline = True
    prev_numeral_start = False
    for token in doc:
        i = token.i
        if not token.is_space:
            if after_newline:
                starts[i, 0] = 1
                after_newline = False
                prev_numeral_start = token.like_num
            elif prev_numeral_start and i >= 2 and doc[i - 1].text == ".":
                starts[i, 0] = numpy.uint64(2**64 - 1)  # "1. Scope": the numbering's full stop ends no sentence
                prev_numeral_start = False
            else:
                prev_numeral_start = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_newline = True
    doc.from_array([SENT_START], starts)
    doc = nlp.get_pipe("sentencizer")(doc)
    for token in doc:
        low = token.lower_
        token.lemma_ = table.get(low, low)
    return doc


def lemma_text(text: str) -> str:
    """The lemmas of ``text`` joined by spaces (for comparing phrases regardless of inflection)."""
    return " ".join(t.lemma_ for t in parse(text) if not t.is_space)
