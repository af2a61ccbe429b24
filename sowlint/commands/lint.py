"""One lint run from the command line: discover, lint (with progress), render, decide the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..findings.finding import SEVERITY_RANK
from ..findings.report import Report


def _progress(total: int, enabled: bool):
    """A rich progress bar on stderr, only when stderr is a terminal and there is more than one file."""
    if not enabled or total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    return progress


MACHINE_FORMATS = ("json", "sarif", "github")  # read by programs: a display on stderr would only be noise


def _stage_display(total: int, enabled: bool, fmt: str):
    """The pages-and-rules display of one document (commands/progress.py), on a terminal only."""
    if not enabled or total != 1 or fmt in MACHINE_FORMATS or not sys.stderr.isatty():
        return None
    from .progress import StageDisplay

    return StageDisplay()


def run_lint(paths, *, fmt: str, output: str | None, config: str | None, jobs: int, exit_zero: bool,
             colour: bool, progress: bool, **overrides) -> int:
    from ..progress import listening
    from ..run.discover import discover
    from ..run.lint import lint

    files = discover(paths)  # once: lint() gets the file list, not the folders again
    total = len(files)
    bar = _progress(total, progress)
    tick = None
    if bar:
        task = bar.add_task("lint", total=total)
        tick = lambda _result: bar.advance(task)  # noqa: E731
        bar.start()
    stages = _stage_display(total, progress, fmt)
    try:
        with listening(stages):
            report = lint(files, config=config, jobs=jobs, keep_documents=fmt == "html", on_done=tick,
                          overlap=True, **overrides)
    finally:
        if bar:
            bar.stop()
        if stages:
            stages.close()
    for doc in report.documents:
        if doc.error:
            click.echo(f"sowlint: error: {doc.error}", err=True)
    _emit(report, fmt, output, colour)
    return exit_code(report, report.settings.fail_on, exit_zero)


def _emit(report: Report, fmt: str, output: str | None, colour: bool) -> None:
    import os

    from ..reporters import get_reporter

    reporter = get_reporter(fmt)
    if fmt == "html" and output and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
        # A folder: one page per document plus index.html linking them.
        pages = reporter.write_pages(report, Path(output), cwd=os.getcwd())
        click.echo(f"wrote {len(pages)} page(s) to {output}", err=True)
        return
    text = reporter.render(report, color=colour, cwd=os.getcwd())  # each reporter takes what it uses
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False, color=colour or None)  # colour=True keeps ANSI even when piped


def exit_code(report: Report, fail_on: str, exit_zero: bool) -> int:
    if any(d.error for d in report.documents):
        return 2
    if exit_zero or fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else 0

