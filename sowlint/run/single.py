"""Lints one document: read it, run the rules (and the handoff notes), and keep the result record.

A one-document run from the command line may read the document in a forked helper while this
process imports spaCy (see helper.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReadError
from ..findings.report import DocumentResult
from ..readers.limits import ReadLimits
from .rules import remember_rules, rules_for, settings_for

if TYPE_CHECKING:  # config imports pydantic: a one-document run imports it in its helper process
    from .config import Settings


def _context(path: Path, settings: Settings):
    """The document read into a LintContext, or the ReadError that explains why it cannot be read."""
    from ..engine.context import LintContext
    from ..readers import read_document

    limits = ReadLimits(max_file_bytes=settings.max_file_mb * 1024 * 1024, max_pages=settings.max_pages)
    try:
        doc = read_document(path, limits)
    except ReadError as exc:
        return exc
    return LintContext(doc, {"timeline": {"date_order": settings.date_order}})


# Up to this many characters, the helper works out parties, timeline and obligations before it hands
# the document over, while this process is still importing spaCy (~0.5 s); a longer document is handed
# over as soon as it is read, and this process works them out during the helper's regex search, which
# grows with the document too.  Where they are worked out changes nothing but the time.
PREPARE_IN_HELPER_CHARS = 200_000


def _prepare(path: Path, config: str | None, options: dict):
    """All of a one-document run that needs no spaCy, in two answers: the settings, the rules (a bad
    config or pack raises first) and the document read (or its ReadError); then the regex matches."""
    from ..engine.rulepack.model import regexes_in

    settings = settings_for(path, config, **options)
    rules = rules_for(settings)
    context = _context(path, settings)
    if not isinstance(context, ReadError) and len(context.doc.text) <= PREPARE_IN_HELPER_CHARS:
        context.prepare()
    yield settings, rules, context
    if not isinstance(context, ReadError):
        yield context.line_index.prepare(sorted(set().union(*(regexes_in(r.options) for r in rules))))


def prepare_beside_spacy(path: Path, config: str | None, options: dict) -> tuple | None:
    """_prepare() in a forked helper while this process imports spaCy; None where forking is off."""
    from . import helper

    if not helper.available():
        return None
    answers = helper.start(_prepare, path, config, options)
    from ..nlp.pipeline import load

    load()
    settings, rules, context = next(answers)  # raises what _prepare raised
    remember_rules(settings, rules)
    if not isinstance(context, ReadError):
        context.sentences  # noqa: B018 - spaCy's pass over the text, while the helper runs the regexes
        context.prepare()  # done already, unless the document is long (see PREPARE_IN_HELPER_CHARS)
        context.line_index.adopt(next(answers))
    for _ in answers:  # the helper's last word; it has exited once this loop ends
        pass
    return settings, context


def lint_file(path: str | os.PathLike, settings: Settings | None = None, keep_document: bool = False,
              context=None) -> DocumentResult:
    """Lint one document.  Never raises for a bad document: the result carries the error instead.
    ``context`` is the document's LintContext (or its ReadError) when it was read already."""
    from ..engine.runner import run_rules

    path = Path(path)
    settings = settings or settings_for(path)
    result = DocumentResult(path=str(path), format=path.suffix.lower().lstrip(".") or None)
    ctx = context if context is not None else _context(path, settings)
    if isinstance(ctx, ReadError):
        result.error = str(ctx)
        return result
    doc = ctx.doc
    result.format = doc.format
    result.warnings = list(doc.warnings)
    result.findings = run_rules(doc, rules_for(settings), ctx=ctx)
    result.meta = {
        "title": doc.meta.title, "author": doc.meta.author, "created": doc.meta.created,
        "modified": doc.meta.modified, "pages": doc.meta.pages, "words": doc.meta.words,
        "engagement": ctx.engagement, "sections": sum(1 for s in doc.walk() if s.level),
    }
    if settings.notes:
        from ..notes.check import check_notes

        notes = check_notes(ctx, settings.notes, settings.select, settings.ignore)
        result.findings = sorted(result.findings + notes, key=lambda f: f.sort_key)
    if keep_document:
        result.document = doc
    return result
