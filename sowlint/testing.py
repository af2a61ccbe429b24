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
    from .engine import run_rules
    from .readers.text import read_markdown_string

    doc = read_markdown_string(text, f"{rule.id}[{kind}-{index}]")
    found = [f for f in run_rules(doc, [rule]) if f.rule == rule.id]
    ok = bool(found) if kind == "fail" else not found
    return ExampleResult(rule.id, kind, index, ok, len(found), text)


def examples_of(rule):
    for i, text in enumerate(rule.examples.fail):
        yield "fail", i, text
    for i, text in enumerate(rule.examples.pass_):
        yield "pass", i, text


def check_pack(folder: str) -> tuple[str, list[ExampleResult]]:
    """Validate a pack (ConfigError if invalid) and run all its examples."""
    from .rulepack import load_pack

    rules = load_pack(folder)
    results = [run_example(rule, kind, i, text) for rule in rules for kind, i, text in examples_of(rule)]
    failures = [r for r in results if not r.ok]
    lines = []
    for r in failures:
        want = "a finding" if r.kind == "fail" else "no finding"
        lines.append(f"FAILED {r.rule}[{r.kind}-{r.index}]: expected {want}, got {r.found}")
        lines.extend("    | " + line for line in r.text.strip().splitlines()[:8])
    lines.append(f"{len(rules)} rule(s), {len(results)} example(s): {len(results) - len(failures)} passed, "
                 f"{len(failures)} failed")
    return "\n".join(lines) + "\n", failures
