"""The document model, and how a reader's stream of headings and blocks becomes one.

Owns ``Document``, ``Section``, ``Block`` (``model.py``), the one record every later stage reads;
the builder that assembles it, heading numbering and levels, section roles (from
``rules/roles.yaml``), the clause around a match and the engagement type read from pricing
language.  Imports nothing of sowlint's but ``errors`` and ``resources``.
"""

from .model import CELL_SEPARATOR, Annotation, Block, Cell, Document, Metadata, Section

__all__ = ["CELL_SEPARATOR", "Annotation", "Block", "Cell", "Document", "Metadata", "Section"]
