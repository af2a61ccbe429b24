"""Lints one document: read it, run the rules (and the handoff notes), and keep the result record.

A one-document run from the command line may read the document in a forked helper while this
process imports spaCy (see helper.py).  The command line and batch workers lint each document
inside its resource boundary (``lint_bounded``, bounds.py): a document over its limits, or one that
raises anything but a config error, becomes that document's error and the run goes on."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError, ReadError
from ..findings.report import DocumentResult
from ..readers.limits import ReadLimits
from .bounds import deadline
from .rules import remember_rules, rules_for, settings_for

if TYPE_CHECKING:  # config imports pydantic: a one-document run imports it in its helper process
    from .config import Settings


def read_limits(settings: Settings) -> ReadLimits:
    """The reader's size limits a config sets (max_file_mb, max_pages)."""
    return ReadLimits(max_file_bytes=settings.max_file_mb * 1024 * 1024, max_pages=settings.max_pages)


def _context(path: Path, settings: Settings):
    """The document read into a LintContext, or the ReadError that explains why it cannot be read."""
    from ..engine.context import LintContext
    from ..readers import read_document

    try:
        doc = read_document(path, read_limits(settings))
    except ReadError as exc:
        return exc
    return LintContext(doc, {"timeline": {"date_order": settings.date_order}})


STAGES = ("reading it", "searching it with the rules' regexes")

# Up to this many characters, the helper works out parties, timeline and obligations before it hands
# the document over, while this process is still importing spaCy (~0.5 s); a longer document is handed
# over as soon as it is read, and this process works them out during the helper's regex search, which
# grows with the document too.  Where they are worked out changes nothing but the time.
PREPARE_IN_HELPER_CHARS = 200_000


def _prepare(path: Path, config: str | None, options: dict):
    """All of a one-document run that needs no spaCy, in two answers: the settings, the rules (a bad
    config or pack raises first) and the document read (or its ReadError); then the regex matches."""
    from . import helper
    from .bounds import limits_of

    settings = settings_for(path, config, **options)
    helper.adjust(limits_of(settings, path, STAGES))  # the document's own config may tighten them
    rules = rules_for(settings)
    context = _context(path, settings)
    if not isinstance(context, ReadError) and len(context.doc.text) <= PREPARE_IN_HELPER_CHARS:
        context.prepare()
    yield settings, rules, context
    if not isinstance(context, ReadError):
        yield _regex_matches(context, rules)


def _regex_matches(context, rules):
    from ..engine.rulepack.model import regexes_in

    return context.line_index.prepare(sorted(set().union(*(regexes_in(r.options) for r in rules))))


def _read_stages(path: Path, settings: Settings):
    """In a batch's helper: the document read (or its ReadError), then its regex matches."""
    context = _context(path, settings)
    if not isinstance(context, ReadError):
        context.prepare()
    yield context
    if not isinstance(context, ReadError):
        yield _regex_matches(context, rules_for(settings))


def prepare_beside_spacy(path: Path, config: str | None, options: dict) -> tuple | None:
    """_prepare() in a forked helper while this process imports spaCy; None where forking is off.
    Returns (settings, context, limits, started); the context is a ReadError (LimitError included)
    when the document could not be read within its limits."""
    from . import helper
    from .bounds import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, LimitError, Limits, limits_of

    if not helper.available():
        return None
    started = time.monotonic()
    limits = Limits((options.get("max_memory_mb") or DEFAULT_MEMORY_MB) << 20,
                    float(options.get("timeout") or DEFAULT_TIMEOUT), str(path), STAGES)
    answers = helper.start(_prepare, path, config, options, limits=limits)
    from ..nlp.pipeline import load

    load()
    try:
        settings, rules, context = next(answers)  # raises what _prepare raised
    except LimitError as exc:
        answers.close()
        settings = settings_for(path, config, **options)
        return settings, exc, limits_of(settings, path), started
    remember_rules(settings, rules)
    limits = limits_of(settings, path, STAGES)
    if not isinstance(context, ReadError):
        try:
            with deadline(limits, started, "checking it"):
                context.sentences  # noqa: B018 - spaCy's pass over the text, while the helper runs the regexes
                context.prepare()  # done already, unless the document is long (see PREPARE_IN_HELPER_CHARS)
                context.line_index.adopt(next(answers))
        except LimitError as exc:
            answers.close()
            return settings, exc, limits, started
    for _ in answers:  # the helper's last word; it has exited once this loop ends
        pass
    return settings, context, limits, started


def lint_bounded(path: Path, settings: Settings, keep_document: bool = False, prepared: tuple | None = None
                 ) -> DocumentResult:
    """lint_file() inside the document's resource boundary: reading and the regexes in a forked
    helper under its memory and time limits, spaCy and the rules here under what is left of the
    time.  ``prepared`` is prepare_beside_spacy()'s answer when the helper already ran."""
    from . import helper
    from .bounds import LimitError, limits_of

    if prepared is not None:
        settings, context, limits, started = prepared
    elif not helper.available():
        return lint_guarded(path, settings, keep_document)
    else:
        started = time.monotonic()
        limits = limits_of(settings, path, STAGES)
        context = None
    try:
        if context is None:
            answers = helper.start(_read_stages, path, settings, limits=limits)
            try:
                context = next(answers)
                if not isinstance(context, ReadError):
                    with deadline(limits, started, "checking it"):
                        context.sentences  # noqa: B018 - spaCy's pass, while the helper runs the regexes
                        context.line_index.adopt(next(answers))
                for _ in answers:
                    pass
            finally:
                answers.close()
        with deadline(limits, started, "checking it"):
            return lint_file(path, settings, keep_document, context)
    except LimitError as exc:
        return _failed(path, str(exc))
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - one document's surprise is its error, not the batch's end
        return _failed(path, _internal(path, exc))


def lint_guarded(path: Path, settings: Settings, keep_document: bool = False, context=None) -> DocumentResult:
    """lint_file(), with any error but a config one turned into the document's error."""
    try:
        return lint_file(path, settings, keep_document, context)
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - see lint_bounded
        return _failed(path, _internal(path, exc))


def _read_only(path: Path, limits: ReadLimits | None = None):
    from ..readers import read_document

    yield read_document(path, limits)


def read_bounded(path: str | os.PathLike, settings: Settings):
    """read_document() in a forked helper under the settings' read, memory and time limits (``outline``,
    ``extract``): a ReadError, LimitError included, for a document that cannot be read within them."""
    from . import helper
    from .bounds import limits_of

    if not helper.available():
        from ..readers import read_document

        return read_document(path, read_limits(settings))
    answers = helper.start(_read_only, Path(path), read_limits(settings), limits=limits_of(settings, str(path)))
    try:
        return next(answers)
    finally:
        answers.close()


def _internal(path: Path, exc: BaseException) -> str:
    if isinstance(exc, ReadError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return f"{path}: out of memory while checking it"
    if isinstance(exc, RecursionError):
        return f"{path}: nested too deeply to check"
    return f"{path}: internal error while checking it ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})"


def _failed(path: Path, message: str) -> DocumentResult:
    result = DocumentResult(path=str(path), format=path.suffix.lower().lstrip(".") or None)
    result.error = message
    return result


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
    if not doc.meta.words:
        # Every rule reads the text: on none, "No exclusions" would be false and no finding a false
        # pass.  Not assessed is the document's error (exit 2), so a pre-send gate fails closed.
        scanned = doc.format == "pdf" and any("no text layer" in w for w in doc.warnings)
        why = "a scanned or image-only PDF: run OCR on it first" if scanned else "the document has no text"
        result.error = f"{path}: not assessed: 0 words to check ({why})"
        result.not_assessed = True
        return result
    result.findings = run_rules(doc, rules_for(settings), ctx=ctx)
    result.meta = {
        "title": doc.meta.title, "author": doc.meta.author, "created": doc.meta.created,
        "modified": doc.meta.modified, "pages": doc.meta.pages, "words": doc.meta.words,
        "pages_estimated": doc.meta.pages_estimated,
        "engagement": ctx.engagement, "sections": sum(1 for s in doc.walk() if s.level),
    }
    if settings.notes:
        from ..notes.check import check_notes

        notes = check_notes(ctx, settings.notes, settings.select, settings.ignore)
        result.findings = sorted(result.findings + notes, key=lambda f: f.sort_key)
    if doc.annotations:
        from .suppress import comment_waivers

        result.comment_waivers = comment_waivers(doc)
    if keep_document:
        result.document = doc
    return result
