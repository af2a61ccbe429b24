"""Shared fixtures: write small rule packs to tmp folders, read Markdown, run the CLI in-process."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
REAL_CORPUS = REPO.parent / "shared" / "corpora" / "real"

# The rule-pack cache of this test session lives in a folder of its own (inherited by the CLI runs
# the tests start), never in the user's ~/.cache.
os.environ["SOWLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="sowlint-test-cache-")
# The processes the tests start import this checkout too, whatever their working directory and
# however sowlint is installed (the quick start installs a copy with `pip install '.[test]'`).
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))

# Two fail and two pass examples: the minimum a rule file must carry.  Tests that call the
# engine directly do not run them; `check-pack` tests pass their own.
_EXAMPLES = {
    "fail": ["## Scope\nplaceholder fail example one.", "## Scope\nplaceholder fail example two."],
    "pass": ["## Scope\nplaceholder pass example one.", "## Scope\nplaceholder pass example two."],
}


def rule_data(rule_id: str, kind: str, options: dict | None = None, **common) -> dict:
    """A valid rule as a dict: the common fields filled in, ``options`` (the kind's keys) merged."""
    data = {
        "id": rule_id,
        "kind": kind,
        "category": "soft-promise",
        "severity": "warning",
        "message": f"{rule_id} fired on '{{match}}'",
        "description": "A test rule.",
        "rationale": "Tests need a rule.",
        "question": "Is the test right?",
        "suggestion": "Write the test.",
        "examples": _EXAMPLES,
    }
    data.update(options or {})
    data.update(common)
    return data


def write_rule(folder: Path, rule_id: str, kind: str, options: dict | None = None, **common) -> Path:
    """Write ``folder/<rule_id>.yaml`` (block-style YAML, so line numbers are predictable)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rule_id}.yaml"
    path.write_text(yaml.safe_dump(rule_data(rule_id, kind, options, **common), sort_keys=False,
                                   default_flow_style=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def make_rule(tmp_path):
    """``make_rule(id, kind, {options}, **common)`` -> a loaded Rule from a file in a fresh pack folder."""
    from sowlint.engine.rulepack import load_rule

    def make(rule_id: str, kind: str, options: dict | None = None, **common):
        return load_rule(write_rule(tmp_path / "pack", rule_id, kind, options, **common))

    return make


def read_md(text: str):
    """Read a dedented Markdown snippet into a Document."""
    from sowlint.readers.text import read_markdown_string

    return read_markdown_string(textwrap.dedent(text).strip() + "\n")


@pytest.fixture
def md():
    """``md(text)`` -> the Document the text reader makes of a dedented Markdown snippet."""
    return read_md


@pytest.fixture
def findings():
    """``findings(rule, text)`` -> the findings of one rule on a Markdown snippet."""
    from sowlint.engine.runner import run_rules

    return lambda rule, text: run_rules(read_md(text), [rule])


@pytest.fixture
def cli():
    """Run ``sowlint ARGS`` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from click.testing import CliRunner

    from sowlint.cli import main

    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None):
        return runner.invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def write(tmp_path):
    """``write(name, text)`` -> a dedented text file under tmp_path (folders created)."""

    def make(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return make


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite corpora/expected/*.yaml from today's findings (review the diff!)")
