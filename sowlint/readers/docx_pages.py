"""Page numbers of a .docx: counted from page breaks (an estimate), or Word's saved count, or unknown."""

from __future__ import annotations

import re

from ..document.model import Document

_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,6})\s*<")
_WORDS = re.compile(rb"<(?:\w+:)?Words>\s*(\d{1,9})\s*<")


def set_pages(doc: Document, app_properties: bytes | None, counted: int | None) -> None:
    """The page count: from page breaks, an estimate (Word lays pages out again on every open), raised to
    Word's own saved count; without breaks, Word's saved count alone, when it is about this document."""
    saved = _saved_pages(app_properties, doc.meta.words)
    if counted is not None:
        doc.meta.pages, doc.meta.pages_estimated = max(counted, saved or 0), True
        return
    doc.meta.pages = saved
    if saved == 1:  # one page: every block is on it
        for section in doc.walk():
            section.page = 1
            for block in section.blocks:
                block.page = 1


def _saved_pages(app_properties: bytes | None, words: int) -> int | None:
    """Word's saved page count (docProps/app.xml), unless its saved word count shows it is a template's
    (python-docx and others ship "1 page, 0 words" whatever the document holds)."""
    found = _PAGES.search(app_properties) if app_properties else None
    said = _WORDS.search(app_properties) if app_properties else None
    if not found or not said or not words / 2 <= int(said.group(1)) <= words * 2:
        return None
    return int(found.group(1))
