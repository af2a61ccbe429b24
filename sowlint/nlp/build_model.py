"""Copies spaCy's English lookup-lemma table into the package (development only).

Run ``python -m sowlint.nlp.build_model`` with the dev extra installed (spacy-lookups-data, MIT,
Explosion AI).  The 200 KB table ships inside sowlint so users need neither ``spacy download`` nor
the 99 MB spacy-lookups-data package at run time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "en_lemma_lookup.json.gz"


def build(target: Path = TABLE) -> Path:
    import spacy_lookups_data

    source = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    shutil.copyfile(source, target)
    return target


if __name__ == "__main__":
    print(build())
