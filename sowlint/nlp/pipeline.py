"""The spaCy pipeline, loaded once per process and only when a rule needs it.

It is blank English (spaCy's rule tokenizer) plus the rule sentencizer, with lemmas from spaCy's
lookup table shipped in this package.  Sentences never cross a line of the text rendition: a
heading, list item or table row ends its sentence even without a full stop, so a match always sits
in one block.  Lemmas are looked up on the *lower-case* form, because the table is case-sensitive
("Revisions" would otherwise stay "Revisions" while "revisions" becomes "revision").
"""

from __future__ import annotations

import gzip
import json
import sys
import types
from functools import lru_cache
from pathlib import Path

LEMMA_TABLE = Path(__file__).resolve().parent / "en_lemma_lookup.json.gz"


def _import_spacy():
    """Import spaCy without its command-line package.

    spaCy 3's ``__init__`` imports ``spacy.cli`` (requests, typer, weasel: ~0.3 s, over a third of
    sowlint's start-up on one document) only to re-export ``spacy.info``.  sowlint never uses the
    CLI, so the import runs with a placeholder that forwards ``spacy.info`` to the real function;
    the placeholder is removed afterwards, so a later ``import spacy.cli`` gets the real package.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    info_module = types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):
        from spacy.cli.info import info as real_info  # the real package, once the placeholder is gone

        return real_info(*args, **kwargs)

    info_module.info = info
    cli.info = info_module
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info_module
    try:
        import spacy
    finally:
        sys.modules.pop("spacy.cli", None)
        sys.modules.pop("spacy.cli.info", None)
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


@lru_cache(maxsize=1)
def load():
    """(nlp, lemma table): blank English with a sentencizer, and the lower-case lemma lookup."""
    spacy = _import_spacy()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    with gzip.open(LEMMA_TABLE, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    return nlp, table


def parse(text: str):
    """Tokenise, split sentences at line ends and punctuation, and lemmatise ``text``."""
    nlp, table = load()  # first: it imports spaCy the fast way
    import numpy
    from spacy.attrs import SENT_START

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

