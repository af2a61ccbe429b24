"""Runs rules over a document and turns each hit into a finding record."""

from __future__ import annotations

from typing import Iterable

from ..document.model import Document
from ..findings.finding import Finding
from .checks import KINDS
from .context import Hit, LintContext
from .rulepack.model import Rule

_MAX_EVIDENCE = 300


class _SafeValues(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def applies(rule: Rule, ctx: LintContext) -> bool:
    when = rule.when
    if when.engagement and ctx.engagement not in when.engagement:
        return False
    if when.doc_words_at_least and ctx.doc.meta.words < when.doc_words_at_least:
        return False
    return True


def run_rules(doc: Document, rules: Iterable[Rule], options: dict | None = None,
              ctx: LintContext | None = None) -> list[Finding]:
    ctx = ctx or LintContext(doc, options)
    findings: list[Finding] = []
    for rule in rules:
        if not applies(rule, ctx):
            continue
        for hit in KINDS[rule.kind].check(rule, ctx):
            findings.append(make_finding(rule, hit, ctx))
    return sorted(set(findings), key=lambda f: f.sort_key)


def make_finding(rule: Rule, hit: Hit, ctx: LintContext) -> Finding:
    text = ctx.doc.text
    if hit.evidence is not None:
        evidence = hit.evidence
    elif hit.start is not None:
        evidence = text[hit.start : hit.end]
    else:
        evidence = ""
    evidence = " ".join(evidence.split())[:_MAX_EVIDENCE]
    values = _SafeValues(match=evidence, **(hit.values or {}))
    try:
        message = rule.message.format_map(values)
    except (ValueError, IndexError):
        message = rule.message
    location = ctx.locate(hit.start, hit.end, hit.section)
    return Finding(
        rule=rule.id, category=rule.category, severity=rule.severity, message=message, evidence=evidence,
        location=location, rationale=rule.rationale.strip(), question=rule.question.strip(),
        suggestion=rule.suggestion.strip(), tags=tuple(rule.tags), related=hit.related,
    )
