"""Runs rules' own examples: every `fail` example must be flagged, every `pass` example must not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExampleResult:
    rule: str
    kind: str  # "fail" or "pass"
    index: int
    ok: bool
    found: int
    text: str


def run_example(rule, kind: str, index: int, text: str) -> ExampleResult:
    from ..readers.text import read_markdown_string
    from .runner import run_rules

    doc = read_markdown_string(text, f"{rule.id}[{kind}-{index}]")
    found = [f for f in run_rules(doc, [rule]) if f.rule == rule.id]
    ok = bool(found) if kind == "fail" else not found
    return ExampleResult(rule.id, kind, index, ok, len(found), text)


def examples_of(rule):
    for i, text in enumerate(rule.examples.fail):
        yield "fail", i, text
    for i, text in enumerate(rule.examples.pass_):
        yield "pass", i, text
