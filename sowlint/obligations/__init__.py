"""Who must do what: one obligation record per duty a document states, computed once per document.

``extract_obligations(doc, parties)`` reads headings, sentences, list items and table rows (see
``units.py``) into ``Obligation`` records (``model.py``): the actor's side and words, the action class
(``actions.py``), its object, condition and deadline anchor (``anchors.py``), negation and voice.
Rules select them with a match spec's ``obligation:`` filter instead of carrying their own
verb-by-object regexes.  Imports ``document`` and ``nlp`` only; needs no spaCy, so a one-document run
reads the obligations in its helper process.
"""

from .extract import extract_obligations
from .model import Obligation

__all__ = ["Obligation", "extract_obligations"]
