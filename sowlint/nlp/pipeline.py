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
    _import_spacy()
    from spacy.lang.en import English

    nlp = English()  # what spacy.blank("en") builds, without a trip through the config registry
    nlp.add_pipe("sentencizer")
    with gzip.open(LEMMA_TABLE, "rt", encoding="utf-8") as fh:
        table = json.load(fh)
    return nlp, table


def parse(text: str):
    """Tokenise, split sentences at line ends and punctuation, and lemmatise ``text``."""
    from .chunks import tokenize

    nlp, table = load()  # first: it imports spaCy the fast way
    doc = tokenize(nlp, text)  # in pieces when longer than spaCy's max_length
    if len(doc):
        _mark_line_starts(doc, text)
        doc = nlp.get_pipe("sentencizer")(doc)
        _lemmatise(doc, table)
    return doc


def _mark_line_starts(doc, text: str) -> None:
    """Preset sentence starts: 1 = the first word after a line break starts a sentence, -1 = the word
    after "1." at a line start does not (the numbering's full stop ends nothing), 0 = let the
    sentencizer decide.  Done on token arrays: Token objects cost ~2 us each, and setting
    ``Token.is_sent_start`` one token at a time is quadratic in spaCy 3."""
    import numpy
    from spacy.attrs import IDX, IS_SPACE, LIKE_NUM, ORTH, SENT_START

    cols = doc.to_array([IDX, IS_SPACE, LIKE_NUM, ORTH])
    idx, space, like_num, orth = cols[:, 0].astype(numpy.int64), cols[:, 1] == 1, cols[:, 2] == 1, cols[:, 3]
    words = numpy.flatnonzero(~space)
    starts = numpy.zeros((len(doc), 1), dtype="uint64")
    if len(words):
        newlines = numpy.flatnonzero(numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32) == 10)
        # A word starts a line when a newline lies between it and the previous word (the first word
        # always does): a token's text and trailing space run from its idx to the next token's idx.
        before = numpy.searchsorted(newlines, idx[words], side="left")
        line_start = numpy.empty(len(words), dtype=bool)
        line_start[0] = True
        line_start[1:] = before[1:] > before[:-1]
        starts[words[line_start], 0] = 1
        # The word after a line-start numeral, right after a "." token, may not start a sentence.
        follows_numeral = numpy.zeros(len(words), dtype=bool)
        follows_numeral[1:] = line_start[:-1] & like_num[words[:-1]] & ~line_start[1:]
        full_stop = doc.vocab.strings["."]
        for k in numpy.flatnonzero(follows_numeral):
            i = words[k]
            if i >= 2 and orth[i - 1] == full_stop:
                starts[i, 0] = numpy.uint64(2**64 - 1)
    doc.from_array([SENT_START], starts)


def _lemmatise(doc, table: dict[str, str]) -> None:
    """Lemma = the lookup table's entry for the lower-case form, or that form itself; set as one array."""
    import numpy
    from spacy.attrs import LEMMA, LOWER

    strings = doc.vocab.strings
    lower = doc.to_array([LOWER])
    lemma_of: dict[int, int] = {}
    for key in set(lower.tolist()):
        low = strings[key]
        lemma_of[key] = strings.add(table.get(low, low))
    doc.from_array([LEMMA], numpy.array([lemma_of[k] for k in lower.tolist()], dtype="uint64").reshape(-1, 1))
