"""Builds the pipeline shipped in ``sowlint/nlp/model`` (development only; needs spacy-lookups-data).

Run ``python -m sowlint.nlp.build_model`` after changing spaCy's major version.  The result is a
blank English pipeline with a rule sentencizer and spaCy's lookup lemmatizer, saved to disk so that
users need neither ``spacy download`` nor the 99 MB spacy-lookups-data package at run time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "model"


def build(target: Path = MODEL_DIR) -> Path:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


if __name__ == "__main__":
    print(build())
