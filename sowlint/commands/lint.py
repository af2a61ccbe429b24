"""One lint run from the command line: discover, lint (with progress), render, decide the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

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


MACHINE_FORMATS = ("json", "sarif", "github")  # read by programs: a display on stderr would only be noise


def _stage_display(total: int, enabled: bool, fmt: str):
    """The pages-and-rules display of one document (commands/progress.py), on a terminal only."""
    if not enabled or total != 1 or fmt in MACHINE_FORMATS or not sys.stderr.isatty():
        return None
    from .progress import StageDisplay

    return StageDisplay()


def run_lint(paths, *, fmt: str, output: str | None, config: str | None, jobs: int, exit_zero: bool,
             colour: bool, progress: bool, statistics: bool = False, stdin_filename: str | None = None,
             **overrides) -> int:
    from ..run.discover import discover, excludes_for

    paths = list(paths)
    excludes = excludes_for(paths, config, **overrides)
    files = discover(paths, excludes)  # once: lint() gets the file list, not the folders again
    if excludes.skipped:
        _say_skipped(excludes.skipped, progress)
    if fmt == "docx":
        check_docx_output(files, output)
    if output:
        from .output import check_output

        check_output(output, [*files, *overrides.get("notes", [])], folder=_is_folder_output(fmt, output))
    stdin = None
    if any(str(f) == "-" for f in files):
        stdin, config = _stdin(files, config, stdin_filename, overrides)
        files = [stdin[1] if str(f) == "-" else f for f in files]
    try:
        report = _lint(files, config, jobs, fmt, progress, overrides)
    finally:
        if stdin:
            from .stdin import remove

            remove(stdin[0])
    if stdin:
        _rename(report, stdin[1], stdin_filename or "-")
    for doc in report.documents:
        if doc.error:
            click.echo(f"sowlint: error: {doc.error}", err=True)
    _emit(report, "statistics" if statistics else fmt, output, colour)
    return exit_code(report, exit_zero)


def _lint(files, config, jobs, fmt, progress, overrides) -> Report:
    from ..progress import listening
    from ..run.lint import lint

    bar = _progress(len(files), progress)
    tick = None
    if bar:
        task = bar.add_task("lint", total=len(files))
        tick = lambda _result: bar.advance(task)  # noqa: E731
        bar.start()
    stages = _stage_display(len(files), progress, fmt)
    try:
        with listening(stages):
            return lint(files, config=config, jobs=jobs, keep_documents=fmt in ("html", "docx"), on_done=tick,
                        overlap=True, discovered=True, **overrides)
    finally:
        if bar:
            bar.stop()
        if stages:
            stages.close()


def _say_skipped(skipped: list[Path], enabled: bool) -> None:
    """One info line on stderr: what discovery left out, so a README skipped is never a surprise."""
    if not enabled:
        return
    names = ", ".join(str(p) for p in skipped[:3]) + (f" and {len(skipped) - 3} more" if len(skipped) > 3 else "")
    click.echo(f"sowlint: info: skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} that are not SOWs "
               f"or are excluded ({names}); name a file to lint it anyway", err=True)


def _stdin(files, config, name, overrides):
    """Save stdin to a temporary file; its settings come from the config nearest to --stdin-filename."""
    from ..run.rules import settings_for
    from .stdin import save_stdin

    if sum(1 for f in files if str(f) == "-") > 1:
        from ..errors import ConfigError

        raise ConfigError("'-' (standard input) can be given once")
    settings = settings_for(Path(name or "stdin.md").absolute(), config, **overrides)
    saved = save_stdin(name, settings.max_file_mb * 2**20)
    return saved, config or settings.source  # the temporary folder has no config of its own


def _rename(report: Report, temp: Path, shown: str) -> None:
    for doc in report.documents:
        if doc.path == str(temp):
            doc.path = shown
            if doc.error:
                doc.error = doc.error.replace(str(temp), shown)


def _is_folder_output(fmt: str, output: str) -> bool:
    return fmt == "html" and (output.endswith(("/", os.sep)) or Path(output).is_dir())


def _emit(report: Report, fmt: str, output: str | None, colour: bool) -> None:
    from .output import write_report

    if fmt == "statistics":
        from ..reporters import statistics as reporter
    else:
        from ..reporters import get_reporter

        reporter = get_reporter(fmt)
    if output and _is_folder_output(fmt, output):
        # A folder: one page per document plus index.html linking them.
        pages = reporter.write_pages(report, Path(output), cwd=os.getcwd())
        click.echo(f"wrote {len(pages)} page(s) to {output}", err=True)
        return
    if fmt == "docx" and any(d.error for d in report.documents):
        return  # the read error is the one line said; there is no copy to write
    text = reporter.render(report, color=colour, cwd=os.getcwd())  # each reporter takes what it uses
    if output:
        write_report(Path(output), text)
        if isinstance(text, bytes):  # the reviewed .docx copy: nothing else says it was written
            click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False, color=colour or None)  # colour=True keeps ANSI even when piped


def check_docx_output(files: list, output: str | None) -> None:
    """--format docx writes a reviewed copy of one .docx, never to a terminal (check_output, run next,
    refuses an output that is the input or a folder).

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


def exit_code(report: Report, exit_zero: bool) -> int:
    """The report's own exit code (2 unreadable, 1 at or above fail_on, 0), with --exit-zero on top."""
    if exit_zero and report.exit_code == 1:
        return 0
    return report.exit_code
