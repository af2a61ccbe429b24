"""Every example of every rule in the default pack: fail examples are flagged, pass examples are not.

Test ids are ``<rule>[fail-0]``, so ``pytest -k no-exclusions`` runs one rule's examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sowlint.engine.examples import examples_of, run_example
from sowlint.engine.rulepack import load_pack
from sowlint.resources import default_pack_dir

RULES = load_pack(default_pack_dir())
CASES = [(rule, kind, index, text) for rule in RULES for kind, index, text in examples_of(rule)]


@pytest.mark.parametrize(("rule", "kind", "index", "text"), CASES,
                         ids=[f"{rule.id}[{kind}-{index}]" for rule, kind, index, _text in CASES])
def test_example(rule, kind, index, text):
    result = run_example(rule, kind, index, text)
    want = "at least one finding" if kind == "fail" else "no finding"
    assert result.ok, f"{rule.id} {kind} example {index}: expected {want}, got {result.found}\n{text}"


def test_the_default_pack_is_not_empty():
    assert RULES, f"no rules in {default_pack_dir()}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_id_equals_file_name(rule):
    assert rule.id == Path(rule.path).stem


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_two_fail_and_two_pass_examples(rule):
    assert len(rule.examples.fail) >= 2
    assert len(rule.examples.pass_) >= 2
    # Examples must be distinct, or "two" examples are really one.
    assert len(set(rule.examples.fail)) == len(rule.examples.fail)
    assert len(set(rule.examples.pass_)) == len(rule.examples.pass_)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_explains_itself(rule):
    for field in ("message", "description", "rationale", "question", "suggestion"):
        assert getattr(rule, field).strip(), f"{rule.id}: empty {field}"
    assert "\n" not in rule.message.strip()


def test_run_example_reports_a_miss(make_rule):
    """The harness itself: a fail example that finds nothing, or a pass example that finds something, is not ok."""
    rule = make_rule("unbounded", "phrase", {"phrases": ["unlimited revisions"]})
    assert run_example(rule, "fail", 0, "## Scope\nWe offer unlimited revisions.\n").ok
    assert not run_example(rule, "fail", 0, "## Scope\nWe offer two revisions.\n").ok
    assert run_example(rule, "pass", 0, "## Scope\nWe offer two revisions.\n").ok
    assert not run_example(rule, "pass", 0, "## Scope\nWe offer unlimited revisions.\n").ok
