"""`sowlint check-pack`: validate a rule pack and run every rule's own pass/fail examples."""

from __future__ import annotations

from ..engine.examples import ExampleResult, examples_of, run_example


def check_pack(folder: str) -> tuple[str, list[ExampleResult]]:
    """Validate a pack (ConfigError if invalid) and run all its examples."""
    from ..engine.rulepack import load_pack

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
