"""One lint run from the command line: discover, lint (with progress), render, decide the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..findings.finding import SEVERITY_RANK
from ..errors import SowlintError
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


def run_lint(paths, *, fmt: str, output: str | None, config: str | None, jobs: int, exit_zero: bool,
             colour: bool, progress: bool, **overrides) -> int:
    from ..run.discover import discover
    from ..run.lint import lint

    files = discover(paths)  # once: lint() gets the file list, not the folders again
    if fmt == "docx":
        check_docx_output(files, output)
    total = len(files)
    bar = _progress(total, progress)
    tick = None
    if bar:
        task = bar.add_task("lint", total=total)
        tick = lambda _result: bar.advance(task)  # noqa: E731
        bar.start()
    try:
        report = lint(files, config=config, jobs=jobs, keep_documents=fmt in ("html", "docx"), on_done=tick, overlap=True,
                      **overrides)
    finally:
        if bar:
            bar.stop()
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
    if fmt == "docx" and any(d.error for d in report.documents):
        return  # the read error is the one line said; there is no copy to write
    text = reporter.render(report, color=colour, cwd=os.getcwd())  # each reporter takes what it uses
    if isinstance(text, bytes):  # the reviewed .docx copy
        try:
            Path(output).write_bytes(text)
        except OSError as exc:
            raise SowlintError(f"{output}: cannot write the reviewed copy ({exc.strerror or exc})") from None
        click.echo(f"wrote {output}", err=True)
    elif output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False, color=colour or None)  # colour=True keeps ANSI even when piped


def check_docx_output(files: list, output: str | None) -> None:
    """--format docx writes a reviewed copy of one .docx: never to a terminal, never over an input.

    A .pdf, .md or .txt has no runs to anchor a Word comment on, and a .docx rendition of it would be
    a new document that nobody edits: the comments belong in the file sales works on, so it is refused.
    """
    if not output:
        raise SowlintError("--format docx needs -o FILE (the reviewed copy, e.g. proposal.reviewed.docx)")
    if len(files) != 1:
        raise SowlintError(f"--format docx reviews one .docx at a time ({len(files)} documents given)")
    source = Path(files[0])
    if source.suffix.lower() != ".docx":
        raise SowlintError(f"{source}: --format docx needs a .docx (Word comments go in the file sales edits; "
                           "use --format html for a .pdf, .md or .txt)")
    target = Path(output)
    if target.resolve() == source.resolve() or (target.exists() and target.samefile(source)):
        raise SowlintError(f"{output}: is the input document; sowlint never writes to what it reads")
    if target.is_dir():
        raise SowlintError(f"{output}: is a folder; give a file name")


def exit_code(report: Report, fail_on: str, exit_zero: bool) -> int:
    if any(d.error for d in report.documents):
        return 2
    if exit_zero or fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings) else 0

