"""Compiles a rule's match spec (phrases, spaCy token patterns, regexes) and finds it in a document."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

from ..nlp.describes import describes
from ..nlp.negation import is_negated
from .context import LintContext, Sentence
from .rulepack.model import MatchSpec, ObligationSpec, Scope

_compiled: dict[int, "CompiledSpec"] = {}


@dataclass
class Match:
    start: int  # character span in Document.text (the clause, when the spec widens to it)
    end: int
    sentence: Sentence
    mark: tuple[int, int] | None = None  # the words that matched, when the span was widened around them


class CompiledSpec:
    def __init__(self, spec: MatchSpec) -> None:
        from ..nlp.pipeline import load, parse

        vocab = load()[0].vocab  # first: it imports spaCy the fast way
        from spacy.matcher import Matcher, PhraseMatcher

        self.spec = spec
        self.phrases = None
        if spec.phrases:
            self.phrases = PhraseMatcher(vocab, attr=spec.attr)
            self.phrases.add("p", [parse(p) for p in spec.phrases])
        self.patterns = None
        if spec.patterns:
            self.patterns = Matcher(vocab, validate=True)
            self.patterns.add("t", spec.patterns)

    def spans(self, ctx: LintContext, ranges: list[tuple[int, int]] | None = None) -> list[tuple]:
        """(start_char, end_char, start_tok, end_tok, mark) of every raw match, longest first where they
        overlap; ``mark`` is the trigger's own span when the match was widened to its clause.

        ``ranges`` limits the regex search to those character ranges (the sections a rule looks at),
        and within them to the lines holding one of the literals the regex needs (see prefilter.py):
        regexes are most of a rule's cost, the spaCy matchers are cheap on the whole document."""
        doc = ctx.nlp
        found: list[tuple[int, int, int, int]] = []
        for matcher in (self.phrases, self.patterns):
            if matcher is not None:
                for _id, s, e in matcher(doc):
                    found.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), s, e, None))
        ranges = ranges or [(0, len(ctx.doc.text))]
        for pattern in self.spec.regex:
            for start, end in ctx.line_index.search(pattern, ranges):
                if end > start:
                    span = doc.char_span(start, end, alignment_mode="expand")
                    s, e = (span.start, span.end) if span is not None else (0, 0)
                    found.append((start, end, s, e, None))
        if self.spec.clause:
            found = self._clauses(ctx, found)
        return _drop_overlaps(found)

    @staticmethod
    def _clauses(ctx: LintContext, found: list[tuple]) -> list[tuple]:
        """Each trigger widened to its clause, keeping the trigger as the mark; several triggers in one
        clause give one match (marked at the first)."""
        from ..document.clauses import clause_span

        text, doc = ctx.doc.text, ctx.nlp
        out = []
        for start, end, _s, _e, _mark in sorted(found, key=lambda f: f[0]):
            span = clause_span(text, start, end)
            if span is None:
                continue
            tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
            out.append((span[0], span[1], *((tokens.start, tokens.end) if tokens is not None else (0, 0)),
                        (start, end)))
        return out


def _drop_overlaps(spans: list[tuple]) -> list[tuple]:
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def compiled(spec: MatchSpec) -> CompiledSpec:
    key = id(spec)
    if key not in _compiled:
        _compiled[key] = CompiledSpec(spec)
    return _compiled[key]


def selected_obligations(ctx: LintContext, spec: ObligationSpec) -> list:
    """The document's obligation records that ``spec`` selects, in reading order."""
    out = []
    for o in ctx.obligations:
        if spec.side != "any" and o.side != spec.side:
            continue
        if spec.actions and o.action not in spec.actions:
            continue
        if o.negated != spec.negated:
            continue
        if spec.units and o.unit not in spec.units:
            continue
        if spec.not_bases and o.basis in spec.not_bases:
            continue
        if spec.inputs_only and not o.input:
            continue
        if spec.objects and not any(re.search(rx, o.object or o.text, re.IGNORECASE) for rx in spec.objects):
            continue
        if spec.conditional != "any" and bool(o.condition) != (spec.conditional == "yes"):
            continue
        if spec.deadline and _deadline_kind(o, spec.start_window_days) not in spec.deadline:
            continue
        out.append(o)
    return out


def _deadline_kind(o, start_window_days: int) -> str:
    d = o.deadline
    if d is None:
        return "none"
    if d.kind == "after_start" and d.days is not None and d.days <= start_window_days:
        return "start"
    return d.kind


class _Containing:
    """Whether some duty's span contains a given span, by bisection: a scan of every duty per match
    was quadratic on a long document (both grow with it)."""

    def __init__(self, duties: list) -> None:
        spans = sorted((o.start, o.end) for o in duties)
        self.starts = [s for s, _e in spans]
        self.reach = list(accumulate((e for _s, e in spans), max))  # furthest end among duties so far

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)  # the duties that start at or before ``start``
        return i > 0 and self.reach[i - 1] >= end


def _obligation_matches(ctx: LintContext, duties: list, roles: set, not_roles: set, scope: Scope | None) -> list[Match]:
    out, seen = [], set()
    for o in duties:
        if (roles and o.role not in roles) or o.role in not_roles or (o.start, o.end) in seen:
            continue
        sentence = ctx.sentence_at(o.start)
        if sentence is None:
            continue
        if scope is not None and scope.blocks and _block_kind(ctx, sentence, o.start) not in scope.blocks:
            continue
        seen.add((o.start, o.end))
        out.append(Match(o.start, o.end, sentence))
    return out


def _block_kind(ctx: LintContext, sentence: Sentence, start: int) -> str | None:
    return "heading" if ctx.is_heading(start) else (sentence.block.kind if sentence.block else None)


def find(ctx: LintContext, spec: MatchSpec, scope: Scope | None = None, negation: str = "skip") -> list[Match]:
    """Matches of ``spec`` in the document, filtered by the spec's roles/owner and the rule's scope.

    ``negation``: "skip" drops negated matches, "only" keeps only them, "ignore" keeps all.
    """
    out: list[Match] = []
    doc = ctx.nlp
    roles = set(spec.roles)
    if scope is not None and scope.roles:
        roles = roles & set(scope.roles) if roles else set(scope.roles)
    not_roles = set(scope.not_roles) if scope is not None else set()
    ranges = ctx.role_ranges(frozenset(roles), frozenset(not_roles)) if (roles or not_roles) else None
    duties = selected_obligations(ctx, spec.obligation) if spec.obligation is not None else None
    if duties is not None and not (spec.phrases or spec.patterns or spec.regex):
        return _obligation_matches(ctx, duties, roles, not_roles, scope)
    avoid = selected_obligations(ctx, spec.not_obligation) if getattr(spec, "not_obligation", None) else None
    inside_duty = _Containing(duties) if duties is not None else None
    inside_avoided = _Containing(avoid) if avoid else None
    for start, end, ts, te, mark in compiled(spec).spans(ctx, ranges):
        if inside_duty is not None and not inside_duty(start, end):
            continue
        if inside_avoided is not None and inside_avoided(mark[0] if mark else start, mark[1] if mark else end):
            continue
        sentence = ctx.sentence_at(start)
        if sentence is None:
            continue
        role = sentence.section.role  # the ranges narrowed the search; the match's own section decides
        if (roles and role not in roles) or role in not_roles:
            continue
        if scope is not None and scope.blocks and _block_kind(ctx, sentence, start) not in scope.blocks:
            continue
        if spec.owner != "any" and ctx.owner(sentence) != spec.owner:
            continue
        if spec.not_about and describes(ctx.doc.text[start:end] if mark else sentence.text, ctx.parties,
                                        spec.not_about):
            continue
        if negation != "ignore":
            neg = te > ts and is_negated(doc, ts, te, sentence.tok_start, sentence.tok_end)
            if neg != (negation == "only"):
                continue
        out.append(Match(start, end, sentence, mark))
    return out
