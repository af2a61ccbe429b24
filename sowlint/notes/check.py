"""Turns handoff-note commitments into findings: unaddressed (warning), contradicted (error), and
included or excluded ones as resolved (info), so the reviewer sees the whole list."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..engine.context import LintContext
from ..findings.finding import Finding, Location
from .extract import Commitment, extract_commitments
from .match import Outcome, classify
from .read import read_notes
from .rules import NOTE_RULES, QUESTION, RATIONALE, RULE_OF, SEVERITY, SUGGESTION, TAGS


def check_notes(ctx: LintContext, notes_paths: list[str], select: list[str] = (), ignore: list[str] = ()) -> list[Finding]:
    from ..engine.selection import is_selected

    wanted = {r.id for r in NOTE_RULES if is_selected(r, list(select), list(ignore))}
    findings = []
    for path in notes_paths:
        for c in commitments_in(path):
            finding = to_finding(ctx, c, classify(ctx, c))
            if finding.rule in wanted:
                findings.append(finding)
    return findings


def commitments_in(path: str) -> list[Commitment]:
    """The commitments of a notes file, read once per process however many documents a batch holds."""
    p = Path(path)
    stat = p.stat() if p.is_file() else None
    return _commitments(str(p), stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@lru_cache(maxsize=32)
def _commitments(path: str, _mtime_ns: int, _size: int) -> list[Commitment]:
    return extract_commitments(read_notes(path))  # a ReadError is not cached: it is raised every time


def to_finding(ctx: LintContext, c: Commitment, outcome: Outcome) -> Finding:
    rule = RULE_OF[outcome.status]
    where = f"{Path(c.source).name}:{c.line}"
    passage = outcome.passage
    sow = f'"{passage.text[:160]}"' if passage is not None else "nothing close"
    if outcome.status == "unaddressed":
        message = f'Unaddressed verbal commitment ({where}): the SOW neither includes nor excludes it; nearest: {sow}'
    elif outcome.status == "contradicted":
        message = f"Verbal commitment contradicted by the SOW ({where}): {outcome.reason}"
    else:
        message = f"Verbal commitment {outcome.status} by the SOW ({where}): {sow}"
    if passage is not None and outcome.status != "unaddressed":
        location = ctx.locate(passage.start, passage.end)
    else:
        location = Location()
    return Finding(
        rule=rule, category="soft-promise", severity=SEVERITY[rule], message=message, evidence=c.text,
        location=location, rationale=RATIONALE, question=QUESTION[outcome.status],
        suggestion=SUGGESTION[outcome.status], tags=TAGS,
        related=(passage.text,) if passage is not None else (),
        extra=(("status", outcome.status), ("note", where), ("kind", c.kind)),
    )
