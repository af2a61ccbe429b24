"""A lint run over files and folders: settings and rules per file, one or many documents, suppressions."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..findings.report import Report
from .discover import discover, excludes_for
from .rules import known_rule_ids, rules_for, settings_for
from .single import lint_bounded, lint_guarded, prepare_beside_spacy


def _check_notes_readable(paths: set[str]) -> None:
    """Unreadable handoff notes are a usage error (exit 2), found before any document is linted."""
    if paths:
        from ..notes.check import commitments_in

        for path in sorted(paths):
            commitments_in(path)


def lint(paths: str | os.PathLike | Iterable[str | os.PathLike], *, config: str | None = None,
         jobs: int = 1, keep_documents: bool = False, on_done=None, overlap: bool = False, discovered: bool = False,
         **options) -> Report:
    """Lint files and folders; ``options`` are Settings fields (select, ignore, rules, severity, ...).

    Raises SowlintError for a bad option, config or rule pack; a document that cannot be read or
    checked does not raise but comes back with its ``error`` set, so a batch goes on past it.
    ``overlap`` (the command line's choice) reads each document in a forked helper, its resource
    boundary (see helper.py and bounds.py), the first one while spaCy loads.  ``discovered``: the
    paths are the files discover() already found (the command line's run), not to be walked again.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    files = [Path(p) for p in paths] if discovered else discover(paths, excludes_for(paths, config, **options))
    prepared = prepare_beside_spacy(files[0], config, options) if overlap and len(files) == 1 else None
    if prepared:
        per_file = [(files[0], prepared[0])]
    else:
        per_file = [(f, settings_for(f, config, **options)) for f in files]
    for _f, settings in per_file:
        rules_for(settings)  # a bad pack or config fails here, once, before any document is read
    _check_notes_readable({n for _f, settings in per_file for n in settings.notes})
    if jobs > 1 and len(per_file) > 1:
        from .batch import run_parallel

        results = run_parallel(per_file, jobs, keep_documents, on_done)
    else:
        results = []
        for f, s in per_file:
            if overlap:
                results.append(lint_bounded(f, s, keep_documents, prepared))
            else:
                results.append(lint_guarded(f, s, keep_documents))
            if on_done:
                on_done(results[-1])
    rules = {r.id: r.info() for _f, s in per_file for r in rules_for(s)}
    if any(s.notes for _f, s in per_file):
        from ..engine.selection import is_selected
        from ..notes.rules import NOTE_RULES

        rules.update((r.id, r) for r in NOTE_RULES if any(is_selected(r, s.select, s.ignore) for _f, s in per_file))
    report = Report(results, sorted(rules.values(), key=lambda r: r.id))
    if per_file:
        report.settings = per_file[0][1]
    else:
        from .config import Settings

        report.settings = Settings(**{k: v for k, v in options.items() if v})
    from .suppress import apply_suppressions

    known = known_rule_ids(report.settings) if report.settings.waivers else None
    apply_suppressions(report, report.settings, known_rules=known)
    return report
