"""`sowlint rules` and `sowlint explain`: the rule pack, readable by a delivery lead."""

from __future__ import annotations

import json
import textwrap

from ..errors import ConfigError


def _rules(extra: list[str], config: str | None = None):
    """The packs a lint run here would load: the config's (found from the working folder, or
    --config), then --rules; the default pack unless the config turns it off."""
    from pathlib import Path

    from ..run.rules import all_rules, settings_for

    return all_rules(settings_for(Path.cwd(), config, rules=list(extra)))


def _listed(extra: list[str], config: str | None = None) -> list:
    """The packs' rules, then the rules of the --notes check (kind "notes")."""
    from types import SimpleNamespace

    from ..notes.rules import NOTE_RULES

    return list(_rules(extra, config)) + [SimpleNamespace(**vars(r), kind="notes") for r in NOTE_RULES]


def list_rules(extra: list[str], fmt: str = "text", config: str | None = None) -> str:
    rules = _listed(extra, config)
    if fmt == "json":
        return json.dumps([{"id": r.id, "kind": r.kind, "category": r.category, "severity": r.severity,
                            "message": r.message, "tags": list(r.tags)} for r in rules], indent=2) + "\n"
    if fmt == "markdown":
        rows = ["| id | category | severity | message |", "|---|---|---|---|"]
        # Python 3.11 allows no backslash inside an f-string expression, so escape the pipes first.
        rows += [f"| `{r.id}` | {r.category} | {r.severity} | {_cell(r.message)} |" for r in rules]
        return "\n".join(rows) + "\n"
    width = max(len(r.id) for r in rules)
    return "\n".join(f"{r.id:<{width}}  {r.category:<18} {r.severity:<8} {r.message}" for r in rules) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def explain_rule(rule_id: str, extra: list[str], config: str | None = None) -> str:
    rules = {r.id: r for r in _listed(extra, config)}
    if rule_id not in rules:
        close = [i for i in rules if rule_id in i or i in rule_id][:5]
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise ConfigError(f"no rule '{rule_id}'{hint}")
    r = rules[rule_id]

    def para(title: str, text: str) -> list[str]:
        body = textwrap.fill(" ".join(text.split()), 92, initial_indent="  ", subsequent_indent="  ")
        return [f"{title}:", body, ""]

    out = [f"{r.id}  ({r.kind}, {r.category}, {r.severity})", f"  {r.message}", ""]
    out += para("What it checks", r.description) + para("Why it matters", r.rationale)
    out += para("Ask sales", r.question) + para("Suggested clause", r.suggestion)
    if r.kind == "notes":
        out.append("Runs with --notes FILE (the sales handoff notes); defined in sowlint/notes/rules.py")
        return "\n".join(out) + "\n"
    for label, examples in (("Flags", r.examples.fail), ("Does not flag", r.examples.pass_)):
        out.append(f"{label}:")
        for ex in examples:
            out.extend("  | " + line for line in ex.strip().splitlines())
            out.append("")
    out.append(f"Defined in {r.path}")
    return "\n".join(out) + "\n"
