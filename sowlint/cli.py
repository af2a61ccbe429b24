"""The command line: parses options and wires readers, rules and reporters together.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or rule-pack
error, or a document that could not be read.  Heavy modules are imported inside commands so that
`sowlint --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import SowlintError
from .reporters import FORMATS


class _DefaultToLint(click.Group):
    """`sowlint FILE ...` means `sowlint lint FILE ...`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)


def _fail(message: str, code: int = 2) -> None:
    for line in str(message).splitlines() or [""]:  # a rule file with three mistakes names all three
        click.echo(f"sowlint: error: {line}", err=True)
    sys.exit(code)


def _use_colour(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _parse_severity(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in _split(values):
        rule, sep, level = item.partition("=")
        if not sep:
            raise click.BadParameter(f"'{item}' should be RULE=error|warning|info", param_hint="--severity")
        out[rule.strip()] = level.strip()
    return out


def _megabytes(value: str | None) -> int | None:
    """'512M', '2G', '1.5g' or a plain number of MiB, as MiB."""
    if value is None:
        return None
    text = value.strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1 / 1024, "M": 1, "G": 1024}.get(text[-1:], None)
    try:
        number = float(text[:-1] if scale else text)
    except ValueError:
        raise click.BadParameter(f"'{value}' should be a size such as 512M or 2G", param_hint="--max-memory") from None
    return max(1, int(number * (scale or 1)))


@click.group(cls=_DefaultToLint, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sowlint")
def main() -> None:
    """sowlint: lint Statements of Work and proposals for delivery risk before they are sent.

    \b
    sowlint proposal.docx                 lint (the default command)
    sowlint proposal.docx --format html -o report.html
    sowlint outline proposal.docx         show the sections and roles sowlint read
    sowlint brief proposal.docx --notes call-notes.md -o brief.html   the handoff brief
    sowlint rules / sowlint explain ID    list rules / explain one
    sowlint check-pack DIR                run a rule pack's own examples
    """


@main.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Write the report to a file (html: a folder gets one page per document + index.html; docx: the reviewed copy of the .docx, with one Word comment per finding).")
@click.option("--select", multiple=True, help="Rule ids, categories, tags or globs to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule ids, categories, tags or globs to skip.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Add a rule pack folder.")
@click.option("--no-default-rules", is_flag=True, help="Run only the packs given with --rules.")
@click.option("--severity", multiple=True, help="Override a rule's severity: RULE=error|warning|info.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are found (not for unreadable files).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--notes", multiple=True, type=click.Path(), help="Sales handoff notes to hold against the SOW.")
@click.option("--baseline", type=click.Path(), help="Only findings not in this baseline file count.")
@click.option("--waivers", type=click.Path(), help="YAML file of accepted findings (reason, owner, expiry).")
@click.option("--date-order", type=click.Choice(["MDY", "DMY"]), default=None, help="How to read 03/04/2027.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Documents in parallel.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no info lines.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--exclude", multiple=True, help="Gitignore-style patterns to skip, replacing the defaults (.git, .venv, node_modules, ...).")
@click.option("--extend-exclude", multiple=True, help="Patterns to skip, in addition to the defaults.")
@click.option("--force-exclude", is_flag=True, default=None,
              help="Apply the excludes to files named on the command line too (for pre-commit).")
@click.option("--stdin-filename", help="With '-': the name (and so the type) of the document on stdin.")
@click.option("--max-memory", default=None, metavar="SIZE",
              help="Memory one document's reading may take, e.g. 512M or 2G [default: 1G].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="Wall clock for reading and checking one document [default: 60].")
def lint_cmd(paths, fmt, output, select, ignore, rule_dirs, no_default_rules, severity, fail_on, exit_zero,
             color, config, notes, baseline, waivers, date_order, jobs, quiet, statistics, exclude,
             extend_exclude, force_exclude, stdin_filename, max_memory, timeout) -> None:
    """Lint documents (.docx, .pdf, .md, .txt), folders of them, or '-' for standard input."""
    from .commands.lint import run_lint

    overrides = dict(select=_split(select), ignore=_split(ignore), rules=list(rule_dirs),
                     severity=_parse_severity(severity), fail_on=fail_on, notes=list(notes),
                     baseline=baseline, waivers=waivers, date_order=date_order,
                     exclude=_split(exclude) or None, extend_exclude=_split(extend_exclude),
                     force_exclude=force_exclude, max_memory_mb=_megabytes(max_memory), timeout=timeout)
    if no_default_rules:
        overrides["default_rules"] = False
    colour = False if output else _use_colour(color, sys.stdout)  # a report file never gets ANSI codes
    try:
        code = run_lint(paths, fmt=fmt, output=output, config=config, jobs=jobs, exit_zero=exit_zero,
                        colour=colour, progress=not quiet, statistics=statistics, stdin_filename=stdin_filename,
                        **overrides)
    except SowlintError as exc:
        _fail(str(exc))
    sys.exit(code)


@main.command("outline")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--timeline", is_flag=True, help="Also show the schedule sowlint extracted.")
@click.option("--obligations", is_flag=True, help="Also show who must do what, by when, and where it is stated.")
@click.option("--date-order", type=click.Choice(["MDY", "DMY"]), default=None,
              help="How to read 03/04/2027 (default: the config, else the document's own dates decide).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
def outline_cmd(path, fmt, timeline, obligations, date_order, config) -> None:
    """Show the section tree sowlint read: numbers, roles, block counts, pages."""
    from .commands.outline import render_outline

    try:
        click.echo(render_outline(path, fmt, timeline, obligations, date_order, config, bounded=True), nl=False)
    except SowlintError as exc:
        _fail(str(exc))


@main.command("brief")
@click.argument("path", type=click.Path())
@click.option("--notes", multiple=True, type=click.Path(), help="Sales handoff notes (call notes, CRM notes, .eml); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["html", "markdown", "json", "docx"]), default="html", show_default=True)
@click.option("-o", "--output", type=click.Path(), help="Write the brief to this file (needed for docx).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--date-order", type=click.Choice(["MDY", "DMY"]), default=None, help="How to read 03/04/2027.")
def brief_cmd(path, notes, fmt, output, config, date_order) -> None:
    """The handoff meeting's brief: engagement, why, people, verbal commitments, duties, exclusions,
    schedule, success criteria, open questions and the gate, from the SOW, the notes and the findings."""
    from .commands.brief import run_brief

    try:
        text = run_brief(path, list(notes), fmt, output, config, date_order)
    except SowlintError as exc:
        _fail(str(exc))
    if text is not None:
        click.echo(text, nl=False)


@main.command("extract")
@click.argument("path", type=click.Path())
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file (its read limits).")
def extract_cmd(path, config) -> None:
    """Print the numbered text rendition that finding lines and columns refer to."""
    from .commands.outline import read_with_settings

    try:
        doc, _settings = read_with_settings(path, config, bounded=True)
    except SowlintError as exc:
        _fail(str(exc))
    for n, line in enumerate(doc.text.split("\n"), 1):
        click.echo(f"{n:5d}  {line}")


@main.command("rules")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Add a rule pack folder.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file (its packs are listed).")
def rules_cmd(rule_dirs, fmt, config) -> None:
    """List the rules a lint here would run: id, category, severity, message."""
    from .commands.explain import list_rules

    try:
        click.echo(list_rules(list(rule_dirs), fmt, config), nl=False)
    except SowlintError as exc:
        _fail(str(exc))


@main.command("explain")
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Add a rule pack folder.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file (its packs count).")
def explain_cmd(rule_id, rule_dirs, config) -> None:
    """Explain one rule: what it checks, why, the question to ask, the clause to add, its examples."""
    from .commands.explain import explain_rule

    try:
        click.echo(explain_rule(rule_id, list(rule_dirs), config), nl=False)
    except SowlintError as exc:
        _fail(str(exc))


@main.command("check-pack")
@click.argument("folder", type=click.Path())
def check_pack_cmd(folder) -> None:
    """Validate a rule pack and run every rule's pass/fail examples (exit 1 if one fails, 2 if invalid)."""
    from .commands.check_pack import check_pack

    try:
        report, failures = check_pack(folder)
    except SowlintError as exc:
        _fail(str(exc))
    click.echo(report, nl=False)
    sys.exit(1 if failures else 0)


@main.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=".sowlint-baseline.json", show_default=True)
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
def baseline_cmd(paths, output, config) -> None:
    """Record today's findings so that later runs with --baseline fail only on new ones."""
    from .run.lint import lint
    from .run.suppress import write_baseline

    try:
        report = lint(paths, config=config)
    except SowlintError as exc:
        _fail(str(exc))
    for doc in report.documents:
        if doc.error:
            click.echo(f"sowlint: error: {doc.error}", err=True)
    count = write_baseline(report, Path(output))
    click.echo(f"wrote {count} finding fingerprint(s) to {output}")
    sys.exit(2 if any(d.error for d in report.documents) else 0)


@main.command("config")
@click.argument("path", type=click.Path(), default=".")
@click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Use this config file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def config_cmd(path, config, fmt) -> None:
    """Show the effective settings for PATH (default: here) and the config file each came from."""
    from .commands.config import render_settings

    try:
        click.echo(render_settings(path, config, fmt), nl=False)
    except SowlintError as exc:
        _fail(str(exc))


def run() -> None:
    """Entry point that turns anything unexpected into one line, never a traceback."""
    try:
        main()
    except SystemExit as exc:
        _exit(exc.code)
    except KeyboardInterrupt:
        click.echo("sowlint: interrupted", err=True)
        _exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("SOWLINT_DEBUG"):
            raise
        click.echo(f"sowlint: internal error: {exc.__class__.__name__}: {exc} (SOWLINT_DEBUG=1 shows more)", err=True)
        _exit(2)
    _exit(0)


def _exit(code) -> None:
    """Flush and leave without tearing the interpreter down.

    Freeing spaCy's and numpy's objects module by module takes ~0.15 s at exit, an eighth of a
    one-document run, and buys nothing: every file sowlint writes is closed by then.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message") prints the message and exits 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (sowlint ... | head): nothing left to say
            pass
    os._exit(code)
