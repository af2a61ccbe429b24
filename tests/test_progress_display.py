"""The progress display of a single long document: pages read, patterns searched, rules run, on a
terminal only, never with --quiet or a machine format."""

from __future__ import annotations

import io
import sys

import pytest
from fixtures_pdf import write_sow
from rich.console import Console

from sowlint import progress
from sowlint.commands import lint as lint_command
from sowlint.commands.progress import StageDisplay


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=100), out


def test_the_display_draws_each_stage_and_erases_it_at_the_end():
    console, out = _console()
    display = StageDisplay(console, delay=0, min_interval=0)
    for n in range(4):
        display("pages", n, 4)
    assert display.bar is not None
    display("pages", 4, 4)
    assert display.bar is None  # the stage is over: the transient bar is gone
    for n in range(3):
        display("rules", n, 3)
    display.close()
    text = out.getvalue()
    assert "reading pages" in text and "3/4" in text
    assert "running rules" in text and "2/3" in text


def test_a_short_stage_shows_nothing():
    console, out = _console()
    display = StageDisplay(console, delay=60)
    for n in range(5):
        display("pages", n, 5)
    display("pages", 5, 5)
    assert out.getvalue() == ""


@pytest.mark.parametrize("fmt, files, tty, enabled, shown", [
    ("text", 1, True, True, True),
    ("html", 1, True, True, True),
    ("json", 1, True, True, False),
    ("sarif", 1, True, True, False),
    ("github", 1, True, True, False),
    ("text", 1, False, True, False),  # stderr is not a terminal
    ("text", 1, True, False, False),  # --quiet
    ("text", 2, True, True, False),  # a batch has its own bar, one tick per file
])
def test_the_display_is_on_only_for_one_document_on_a_terminal(monkeypatch, fmt, files, tty, enabled, shown):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    assert (lint_command._stage_display(files, enabled, fmt) is not None) == shown


def test_a_lint_run_reports_its_pages_and_rules_to_the_display(monkeypatch, tmp_path):
    heard: list[tuple[str, int, int]] = []

    class Recorder:
        def __call__(self, stage, done, total):
            heard.append((stage, done, total))

        def close(self):
            heard.append(("closed", 0, 0))

    monkeypatch.setenv("SOWLINT_NO_FORK", "1")  # the reports are made in this process
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr("sowlint.commands.progress.StageDisplay", Recorder)
    pdf = write_sow(tmp_path / "sow.pdf", pages=5)
    code = lint_command.run_lint([str(pdf)], fmt="text", output=str(tmp_path / "out.txt"), config=None, jobs=1,
                                 exit_zero=True, colour=False, progress=True)
    assert code == 0
    pages = [h for h in heard if h[0] == "pages"]
    assert pages == [("pages", n, 5) for n in range(6)]
    rules = [h for h in heard if h[0] == "rules"]
    assert rules[-1][1] == rules[-1][2] > 10 and len(rules) == rules[-1][2] + 1
    assert heard[-1] == ("closed", 0, 0)
    assert progress._listener is None  # the run leaves no listener behind


def test_quiet_runs_report_to_nobody(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr("sowlint.commands.progress.StageDisplay", lambda: pytest.fail("no display with --quiet"))
    pdf = write_sow(tmp_path / "sow.pdf", pages=2)
    lint_command.run_lint([str(pdf)], fmt="text", output=str(tmp_path / "out.txt"), config=None, jobs=1,
                          exit_zero=True, colour=False, progress=False)


def test_the_helper_search_reports_each_pattern():
    from sowlint.engine.prefilter import LineIndex

    heard = []
    with progress.listening(lambda *report: heard.append(report)):
        LineIndex("The client shall pay.\nThe contractor shall deliver.").prepare([r"\bpay\b", r"deliver", r"x+"])
    assert heard == [("patterns", n, 3) for n in range(4)]
