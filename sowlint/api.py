"""The Python API: lint files or folders and get the same records as the JSON output.

    >>> import sowlint
    >>> report = sowlint.lint("proposal.docx")
    >>> [f.rule for f in report.findings if f.severity == "error"]
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .errors import ConfigError, ReadError, SowlintError
from .limits import ReadLimits
from .readers import SUPPORTED
from .report import DocumentResult, Report
from .resources import default_pack_dir

if TYPE_CHECKING:  # config imports pydantic: a one-document run imports it in its helper process
    from .config import Settings

_RULES_CACHE: dict[tuple, list] = {}


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files to lint: files as given, folders searched recursively, globs expanded, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        raw = str(raw)
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                           and not f.name.startswith(("~$", ".")))
            if not found:
                raise ReadError(f"{p}: no documents ({', '.join(SUPPORTED)}) in this folder")
            out.extend(found)
        elif any(ch in raw for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                raise ReadError(f"{raw}: no file matches this pattern")
            out.extend(matches)
        else:
            out.append(p)  # missing files are reported per document, so a batch goes on
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _rules_key(settings: Settings) -> tuple:
    """(rule packs, select, ignore, severity overrides): what decides the rules a run gets."""
    packs = ([str(default_pack_dir())] if settings.default_rules else []) + list(settings.rules)
    return (tuple(packs), tuple(settings.select), tuple(settings.ignore), tuple(sorted(settings.severity.items())))


def rules_for(settings: Settings) -> list:
    """The selected rules with severity overrides applied (loaded once per distinct setting)."""
    from .config import apply_severity, check_references, is_selected
    from .rulepack import load_packs

    key = _rules_key(settings)
    packs = key[0]
    if key not in _RULES_CACHE:
        if not packs:
            raise ConfigError("no rule packs: default rules are off and no --rules folder was given")
        rules = load_packs(packs)
        check_references(settings.select, rules, "--select")
        check_references(settings.ignore, rules, "--ignore")
        apply_severity(rules, settings.severity)
        _RULES_CACHE[key] = [r for r in rules if is_selected(r, settings.select, settings.ignore)]
    return _RULES_CACHE[key]


def settings_for(path: Path, config: str | None = None, **overrides) -> Settings:
    from .config import find_config, load_config

    base = load_config(Path(config) if config else find_config(path))
    return base.merged(**overrides)


def _context(path: Path, settings: Settings):
    """The document read into a LintContext, or the ReadError that explains why it cannot be read."""
    from .context import LintContext
    from .readers import read_document

    limits = ReadLimits(max_file_bytes=settings.max_file_mb * 1024 * 1024, max_pages=settings.max_pages)
    try:
        doc = read_document(path, limits)
    except ReadError as exc:
        return exc
    return LintContext(doc, {"timeline": {"date_order": settings.date_order}})


def _prepare(path: Path, config: str | None, options: dict):
    """All of a one-document run that needs no spaCy, in two answers: the settings, the rules (a bad
    config or pack raises first) and the document read (or its ReadError); then the regex matches."""
    from .rulepack.model import regexes_in

    settings = settings_for(path, config, **options)
    rules = rules_for(settings)
    context = _context(path, settings)
    if not isinstance(context, ReadError):
        context.prepare()
    yield settings, rules, context
    if not isinstance(context, ReadError):
        yield context.line_index.prepare(sorted(set().union(*(regexes_in(r.options) for r in rules))))


def _prepare_beside_spacy(path: Path, config: str | None, options: dict) -> tuple | None:
    """_prepare() in a forked helper while this process imports spaCy; None where forking is off."""
    from . import prefetch

    if not prefetch.available():
        return None
    answers = prefetch.start(_prepare, path, config, options)
    from .nlp.pipeline import load

    load()
    settings, rules, context = next(answers)  # raises what _prepare raised
    _RULES_CACHE[_rules_key(settings)] = rules
    if not isinstance(context, ReadError):
        context.sentences  # noqa: B018 - spaCy's pass over the text, while the helper runs the regexes
        context.line_index.adopt(next(answers))
    for _ in answers:  # the helper's last word; it has exited once this loop ends
        pass
    return settings, context


def lint_file(path: str | os.PathLike, settings: Settings | None = None, keep_document: bool = False,
              context=None) -> DocumentResult:
    """Lint one document.  Never raises for a bad document: the result carries the error instead.
    ``context`` is the document's LintContext (or its ReadError) when it was read already."""
    from .engine import run_rules

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
        from .notes.check import check_notes

        notes = check_notes(ctx, settings.notes, settings.select, settings.ignore)
        result.findings = sorted(result.findings + notes, key=lambda f: f.sort_key)
    if keep_document:
        result.document = doc
    return result


def _check_notes_readable(paths: set[str]) -> None:
    """Unreadable handoff notes are a usage error (exit 2), found before any document is linted."""
    if paths:
        from .notes.check import commitments_in

        for path in sorted(paths):
            commitments_in(path)


def lint(paths: str | os.PathLike | Iterable[str | os.PathLike], *, config: str | None = None,
         jobs: int = 1, keep_documents: bool = False, on_done=None, overlap: bool = False, **options) -> Report:
    """Lint files and folders; ``options`` are Settings fields (select, ignore, rules, severity, ...).

    Raises SowlintError for a bad option, config or rule pack; an unreadable document does not
    raise but comes back with its ``error`` set, so a batch goes on past it.  ``overlap`` (the
    command line's choice) lets a one-document run read it in a forked helper (see prefetch.py).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = discover(paths)
    prepared = _prepare_beside_spacy(files[0], config, options) if overlap and len(files) == 1 else None
    if prepared:
        per_file, context = [(files[0], prepared[0])], prepared[1]
    else:
        per_file, context = [(f, settings_for(f, config, **options)) for f in files], None
    for _f, settings in per_file:
        rules_for(settings)  # a bad pack or config fails here, once, before any document is read
    _check_notes_readable({n for _f, settings in per_file for n in settings.notes})
    if jobs > 1 and len(per_file) > 1:
        from .batch import run_parallel

        results = run_parallel(per_file, jobs, keep_documents, on_done)
    else:
        results = []
        for f, s in per_file:
            results.append(lint_file(f, s, keep_documents, context))
            if on_done:
                on_done(results[-1])
    rules = {r.id: r.info() for _f, s in per_file for r in rules_for(s)}
    if any(s.notes for _f, s in per_file):
        from .config import is_selected
        from .notes.rules import NOTE_RULES

        rules.update((r.id, r) for r in NOTE_RULES if any(is_selected(r, s.select, s.ignore) for _f, s in per_file))
    report = Report(results, sorted(rules.values(), key=lambda r: r.id))
    if per_file:
        report.settings = per_file[0][1]
    else:
        from .config import Settings

        report.settings = Settings(**{k: v for k, v in options.items() if v})
    from .suppress import apply_suppressions

    apply_suppressions(report, report.settings)
    return report


__all__ = ["lint", "lint_file", "discover", "SowlintError"]
