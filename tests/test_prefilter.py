"""The regex prefilter: the literals it derives, the IGNORECASE folding, and that it changes no match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sowlint.engine.prefilter import LineIndex, fold, required_literals

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpora" / "real"


@pytest.mark.parametrize("pattern, literals", [
    (r"\b(?:access|data|content)\b", {"access", "data", "content"}),
    (r"(?:foo)?\s*bar\w+", {"bar"}),
    (r"a+bcd", {"bcd"}),  # the longer of the two runs
    (r"\bStatement\s+of\s+work\b", {"statement"}),
    (r"\bprovid(?:e|es|ed)\b|\bfurnish", {"provide", "furnish"}),  # re's parser factors out the "e"
    (r"(?:weekly|monthly)\s+(?:reports?|calls?)", {"weekly", "monthly"}),
    (r"(?-i:WCAG)\s*2", {"wcag"}),
    (r"(?x) \b (?: as \s+ needed | on \s+ request )", {"needed", "request"}),
    (r"Stra\u00dfe", {"stra"}),  # a non-ASCII letter ends the literal
    (r"(?:abc|)def", {"def"}),  # "abc" may be absent, "def" may not
    (r"[a-z]+ing", {"ing"}),
])
def test_required_literals(pattern, literals):
    got = required_literals(pattern)
    assert (set(got) if got is not None else None) == literals


@pytest.mark.parametrize("pattern", [
    r"\bup\s+to\s+\d",  # "up" and "to" are too short to narrow anything
    r"x{2,}yz",  # "yz" is under 3 characters
    r"(?:report)?\d+",  # an optional part promises nothing
    r"(?:abc|de)\d",  # one alternative is under 3 characters
    r"(unclosed",  # invalid: no prefilter; validation reports it elsewhere
])
def test_patterns_searched_in_full(pattern):
    assert required_literals(pattern) is None


@pytest.mark.parametrize("text, literal", [
    ("the \u017fcope of work", "scope"),  # long s: re.IGNORECASE equates it with "s"
    ("5 \u212aelvin", "kelvin"),  # Kelvin sign
    ("\u0130stanbul office", "istanbul"),  # dotted capital I: one character, two in str.lower()
    ("MAXIMUM OF", "maximum of"),
])
def test_fold_agrees_with_ignorecase(text, literal):
    assert re.search(literal, text, re.IGNORECASE)
    folded = fold(text)
    assert len(folded) == len(text)
    assert literal in folded


def _sample_texts() -> list[tuple[str, str]]:
    from sowlint.readers import read_document

    paths = sorted((ROOT / "corpora" / "src").glob("*.md"))
    paths += [REAL / n for n in ("techuz-servesense-brd-sow-v2.docx", "gsa-it-services-sow-pws-template.pdf",
                                 "18f-opm-eqip-pws.md") if (REAL / n).exists()]
    return [(p.name, read_document(p).text) for p in paths]


def _rule_regexes() -> list[str]:
    from pydantic import BaseModel

    from sowlint.api import rules_for, settings_for

    found: set[str] = set()

    def walk(obj) -> None:
        if isinstance(obj, BaseModel):
            found.update(getattr(obj, "regex", None) or [])
            for name in type(obj).model_fields:
                walk(getattr(obj, name))
        elif isinstance(obj, (list, tuple)):
            for item in obj:
                walk(item)

    for rule in rules_for(settings_for(ROOT)):
        walk(rule.options)
    return sorted(found)


def _every_line(index: LineIndex, pattern: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The reference: the pattern searched on every line (each clipped to the ranges), no prefilter."""
    rx, text, out = re.compile(pattern, re.IGNORECASE | re.MULTILINE), index.text, []
    starts = index.line_starts + [len(text) + 1]
    for a, b in zip(starts, starts[1:]):
        for lo, hi in ranges:
            lo, hi = max(a, lo), min(b - 1, hi)
            if hi > lo:
                out.extend(m.span() for m in rx.finditer(text, lo, hi))
    return out


def test_prefiltered_search_finds_exactly_what_a_full_search_finds():
    regexes = _rule_regexes()
    assert len(regexes) > 150
    prefiltered = [r for r in regexes if required_literals(r) is not None]
    assert len(prefiltered) / len(regexes) > 0.8  # the point of it: most rule regexes narrow
    for name, text in _sample_texts():
        index = LineIndex(text)
        everything = [(0, len(text))]
        some = [(len(text) // 7, len(text) // 3), (len(text) // 2 + 5, len(text) - 11)]  # ends inside lines
        for pattern in regexes:
            for ranges in (everything, some):
                assert index.search(pattern, ranges) == _every_line(index, pattern, ranges), (name, pattern)


def test_matches_worked_out_ahead_are_the_ones_found_later():
    text = "Provide access to the CMS.\nNo access needed.\nThe client will provide data.\n"
    ahead, later = LineIndex(text), LineIndex(text)
    pattern = r"\bprovid\w*\s+(?:access|data)\b"
    ahead.prepare([pattern])
    assert ahead._found[pattern]  # searched already
    expected = [(0, 14), (text.index("provide data"), text.index("provide data") + 12)]
    assert ahead.search(pattern, [(0, len(text))]) == later.search(pattern, [(0, len(text))]) == expected


def test_search_is_line_by_line_and_clipped_to_ranges():
    text = "alpha one\nbeta two\nalpha three\nPoint of Contact:\nKaren Doe\n"
    index = LineIndex(text)
    spans = index.search(r"alpha\s+\w+", [(0, len(text))])
    assert [text[a:b] for a, b in spans] == ["alpha one", "alpha three"]
    assert [text[a:b] for a, b in index.search(r"\w*ha\s*\w*", [(3, 25)])] == ["ha one", "alpha "]
    # a line ending in a colon runs on into its value
    assert [text[a:b] for a, b in index.search(r"contact:\s*\w+", [(0, len(text))])] == \
        ["Contact:\nKaren"]


def test_a_match_never_runs_into_the_next_table_row(make_rule, findings):
    rule = make_rule("counted-integrations", "phrase", {"regex": [r"\b\d+\s+(?:\w+\s+){0,2}integrations\b"]})
    table = """
        ## Fees
        | Item | Fee |
        |---|---|
        | Design | 12,000 |
        | Development and integrations | 17,000 |
    """
    assert findings(rule, table) == []
    assert [f.evidence for f in findings(rule, "## Scope\nWe build 3 API integrations.")] == ["3 API integrations"]


def test_a_label_line_still_matches_with_its_value(make_rule, findings):
    rule = make_rule("named-contact", "phrase", {"regex": [r"\bpoint\s+of\s+contact:\s*(?-i:[A-Z][a-z]+)"]})
    found = findings(rule, "## Governance\nThe lead is named below.\nPoint of Contact:\nKaren Doe, Acme\n")
    assert [f.evidence for f in found] == ["Point of Contact: Karen"]  # evidence folds whitespace


def test_anchors_mark_line_starts_and_ends():
    # A rule regex runs line by line: ^ and $ are the line's, wherever the line sits in the document.
    text = "Scope\n- Storefront build\nNo payment-gateway integration.\nThere is no hosting here.\n"
    index = LineIndex(text)
    spans = index.search(r"^\W*No\s+[\w-]+\s+integration\.$", [(0, len(text))])
    assert [text[a:b] for a, b in spans] == ["No payment-gateway integration."]
    assert index.search(r"^no\s+hosting", [(0, len(text))]) == []  # not at a line start


def test_after_prepare_only_lines_with_a_match_are_kept_and_searches_are_unchanged():
    # prepare() searches every line, so it keeps only the lines that matched (no entry per line and
    # pattern); a later search, whole or in ranges that end inside lines, finds what a fresh index finds.
    text = "".join(f"Section {n}: the client shall provide access{'.' if n % 3 else ' $5'}\nfiller line {n}\n"
               for n in range(60))
    patterns = [r"\bprovid\w*\s+access\b", r"\$\s?\d", r"\w+$", r"^\w+", r"\bfiller\b"]
    ahead = LineIndex(text)
    shipped = ahead.prepare(patterns)
    assert all(spans for pattern in patterns for spans in ahead._found[pattern].values())
    assert len(ahead._found[r"\$\s?\d"]) == 20  # not one entry per line
    elsewhere = LineIndex(text)
    elsewhere.adopt(shipped)  # as the helper process's answer
    ranges_sets = [[(0, len(text))], [(5, 400), (len(text) // 2 + 3, len(text) - 7)], [(17, 17), (30, 31)]]
    for pattern in patterns:
        for ranges in ranges_sets:
            fresh = LineIndex(text).search(pattern, ranges)
            assert ahead.search(pattern, ranges) == elsewhere.search(pattern, ranges) == fresh, (pattern, ranges)


def test_rule_regexes_searched_ahead_find_exactly_what_a_full_search_finds():
    regexes = _rule_regexes()
    for name, text in _sample_texts():
        index = LineIndex(text)
        index.prepare(regexes)  # as the helper does: every line, then only the lines that matched
        some = [(len(text) // 7, len(text) // 3), (len(text) // 2 + 5, len(text) - 11)]  # ends inside lines
        for pattern in regexes:
            for ranges in ([(0, len(text))], some):
                assert index.search(pattern, ranges) == _every_line(index, pattern, ranges), (name, pattern)
