"""Runs rules over a document and turns each hit into a finding record."""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Iterable

from .. import progress
from ..document.model import Document
from ..findings.finding import SEVERITY_RANK, Finding
from .checks import KINDS
from .context import Hit, LintContext
from .rulepack.model import Rule
from .tailor import tailor

_MAX_EVIDENCE = 300


class _SafeValues(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _one_line(value):
    """A message is one line: table rows quoted in it are joined with "; ", runs of spaces folded."""
    if not isinstance(value, str):
        return value
    return " ".join("; ".join(line.strip() for line in value.splitlines() if line.strip()).split())


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
    rules = list(rules)
    hits = []
    for n, rule in enumerate(rules):
        progress.report("rules", n, len(rules))
        if applies(rule, ctx):
            hits.append((rule, list(KINDS[rule.kind].check(rule, ctx))))
    progress.report("rules", len(rules), len(rules))
    hits = _one_per_group_and_span(hits)
    findings = [make_finding(rule, hit, ctx) for rule, found in hits for hit in _one_per_sentence(found, ctx)]
    return sorted(set(findings), key=lambda f: f.sort_key)


def _one_per_group_and_span(hits: list[tuple[Rule, list[Hit]]]) -> list[tuple[Rule, list[Hit]]]:
    """Where rules of one group flag overlapping text, one speaks: the most severe, then the most specific
    (the shortest span, then the longest trigger: "resolve issues quickly" says more than "friendly"),
    then the first by id.  Rules of a group flagging different clauses of a sentence each keep theirs."""
    ranked = sorted(
        ((-SEVERITY_RANK.get(rule.severity, 0), hit.end - hit.start, -_trigger_length(hit), rule.id, n, hit)
         for n, (rule, found) in enumerate(hits) if rule.base.group
         for hit in found if hit.start is not None and hit.end is not None),
        key=lambda r: r[:5])
    # A group's kept spans never overlap one another, so sorted by start their ends rise too: the one
    # kept span that starts last before a hit ends is the only one that can reach into it.  (A scan of
    # all kept spans per hit was quadratic on a long document.)
    kept_spans: dict[str, list[tuple[int, int]]] = {}
    dropped: set[int] = set()
    for *_rank, n, hit in ranked:
        spans = kept_spans.setdefault(hits[n][0].base.group, [])
        i = bisect.bisect_left(spans, (hit.end,))  # spans[:i] start before the hit ends
        if i and spans[i - 1][1] > hit.start:
            dropped.add(id(hit))
        else:
            bisect.insort(spans, (hit.start, hit.end))
    return [(rule, [h for h in found if id(h) not in dropped]) for rule, found in hits]


def _trigger_length(hit: Hit) -> int:
    return hit.mark[1] - hit.mark[0] if hit.mark else hit.end - hit.start


def _one_per_sentence(hits: Iterable[Hit], ctx: LintContext) -> list[Hit]:
    """At most one hit per sentence for a rule.  A later match in the sentence widens the first hit to
    cover it, so the evidence quotes every flagged clause; the mark stays on the first match."""
    held: dict[int, Hit] = {}
    out: list[Hit] = []
    for hit in hits:
        if hit.start is None or hit.end is None:
            out.append(hit)
            continue
        sentence = ctx.sentence_at(hit.start)
        key = sentence.start if sentence is not None and sentence.end > hit.start else -1 - hit.start
        first = held.get(key)
        if first is None:
            held[key] = hit
        elif first.evidence is None and hit.evidence is None:
            held[key] = replace(first, start=min(first.start, hit.start), end=max(first.end, hit.end),
                                mark=first.mark or (first.start, first.end))
    return out + list(held.values())


def make_finding(rule: Rule, hit: Hit, ctx: LintContext) -> Finding:
    text = ctx.doc.text
    if hit.evidence is not None:
        raw = hit.evidence
    elif hit.start is not None:
        raw = text[hit.start : hit.end]
    else:
        raw = ""
    evidence = " ".join(raw.split())[:_MAX_EVIDENCE]
    span = _span_in(raw, hit, evidence) if hit.evidence is None and hit.start is not None else None
    matched = evidence[span[0]:span[1]] if span else evidence
    values = _SafeValues(match=evidence, **{k: _one_line(v) for k, v in (hit.values or {}).items()})
    try:
        message = rule.message.format_map(values)
    except (ValueError, IndexError):
        message = rule.message
    location = ctx.locate(hit.start, hit.end, hit.section)
    return Finding(
        rule=rule.id, category=rule.category, severity=rule.severity, message=message, evidence=evidence,
        location=location, rationale=rule.rationale.strip(), question=rule.question.strip(),
        suggestion=tailor(rule.suggestion.strip(), ctx, matched, evidence), tags=tuple(rule.tags), related=hit.related,
        span=span,
    )


def _span_in(raw: str, hit: Hit, evidence: str) -> tuple[int, int] | None:
    """Where the marked words sit in the evidence once its white space is collapsed."""
    if hit.mark is None or hit.start is None:
        return None
    a, b = hit.mark[0] - hit.start, hit.mark[1] - hit.start
    if not 0 <= a < b <= len(raw):
        return None
    before = " ".join(raw[:a].split())
    start = len(before) + (1 if before and raw[a - 1].isspace() else 0)
    end = start + len(" ".join(raw[a:b].split()))
    return (start, min(end, len(evidence))) if start < len(evidence) else None
