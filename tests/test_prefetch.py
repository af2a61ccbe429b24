"""The forked helper of a one-document run: same answers, same errors, and a fallback when it dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sowlint.errors import ConfigError
from sowlint.run import helper as prefetch

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "website-build-fernleaf.docx"
needs_fork = pytest.mark.skipif(not prefetch.available(), reason="forking is not available here")


def _pid_and_squares(n: int):
    for k in range(1, n + 1):
        yield os.getpid(), k * k


def _refuse_after_one(message: str):
    yield "first"
    raise ConfigError(message)


def _die_in_a_child(parent: int):
    yield "sent by whoever ran it"
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would, between two answers
    yield "worked out here"


@needs_fork
def test_the_answers_come_from_another_process_in_order():
    answers = list(prefetch.start(_pid_and_squares, 3))
    assert [value for _pid, value in answers] == [1, 4, 9]
    assert {pid for pid, _value in answers} != {os.getpid()}


@needs_fork
def test_an_error_in_the_helper_is_raised_here_with_its_message():
    answers = prefetch.start(_refuse_after_one, "rules/x.yaml:3: unknown kind 'phrasse'")
    assert next(answers) == "first"
    with pytest.raises(ConfigError, match="unknown kind 'phrasse'"):
        next(answers)


@needs_fork
def test_a_helper_that_dies_leaves_the_rest_to_this_process():
    answers = prefetch.start(_die_in_a_child, os.getpid())
    assert list(answers) == ["sent by whoever ran it", "worked out here"]


def test_switched_off_the_generator_runs_here(monkeypatch):
    monkeypatch.setenv("SOWLINT_NO_FORK", "1")
    assert not prefetch.available()
    assert list(prefetch.start(_pid_and_squares, 2)) == [(os.getpid(), 1), (os.getpid(), 4)]


def _sowlint(*args: str, fork: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("SOWLINT_NO_FORK", None)
    if not fork:
        env["SOWLINT_NO_FORK"] = "1"
    script = "import sys; from sowlint.cli import run; sys.argv[0] = 'sowlint'; run()"
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


@needs_fork
@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_the_command_line_says_the_same_with_and_without_the_helper(fmt):
    forked, alone = _sowlint("--format", fmt, str(SAMPLE)), _sowlint("--format", fmt, str(SAMPLE), fork=False)
    assert forked.returncode == alone.returncode == 1
    assert forked.stdout == alone.stdout and forked.stdout
    assert forked.stderr == alone.stderr


@needs_fork
def test_a_bad_rule_pack_still_fails_with_one_line(tmp_path):
    (tmp_path / "broken.yaml").write_text("id: broken\nkind: phrasse\n", encoding="utf-8")
    out = _sowlint("--rules", str(tmp_path), str(SAMPLE))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "unknown kind 'phrasse'" in out.stderr
    assert "Traceback" not in out.stderr


@needs_fork
def test_an_unreadable_document_still_fails_with_one_line(tmp_path):
    bad = tmp_path / "not-really.docx"
    bad.write_bytes(b"this is no zip file")
    out = _sowlint("--format", "json", str(bad))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert [line for line in out.stderr.splitlines() if line.startswith("sowlint: error:")] == \
        [line for line in out.stderr.splitlines() if line.strip()]
