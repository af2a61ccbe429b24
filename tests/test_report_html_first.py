"""The HTML report puts first things first: errors to fix on top, whole sentences, honest labels, no noise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sowlint.findings import Finding, Location
from sowlint.findings.report import DocumentResult, Report
from sowlint.readers.text import read_markdown_string
from sowlint.reporters import html
from sowlint.reporters.html_view import as_date, sentence_span, suggestion

REPO = Path(__file__).resolve().parent.parent
FERNLEAF = REPO / "corpora" / "website-build-fernleaf.docx"


@pytest.fixture(scope="module")
def fernleaf():
    from sowlint.run.lint import lint

    return lint(str(FERNLEAF), keep_documents=True)


@pytest.fixture(scope="module")
def page(fernleaf) -> str:
    return html.render(fernleaf, generated="2026-12-01")


def _card(page: str, rule: str) -> str:
    cards = re.findall(r'<article class="finding[^"]*" id="f\d+">.*?</article>', page, re.S)
    return next(c for c in cards if f'<span class="rule">{rule}</span>' in c)


def test_fix_before_sending_lists_the_errors_with_evidence_above_everything(fernleaf, page):
    main = page[page.index('<div class="wrap">', page.index("</nav>")):]
    first = main.index('id="fix"')
    assert first < main.index('id="summary"') < main.index("Findings by risk category")
    fixes = re.search(r'<ol class="fixes">(.*?)</ol>', page, re.S).group(1)
    errors = [f for f in fernleaf.findings if f.severity == "error"]
    assert len(errors) >= 2 and fixes.count("<li>") == len(errors)
    assert "Fernleaf will provide all written content" in fixes  # the evidence, quoted
    assert re.search(r'<q class="fix-evidence">.*<mark class="match">', fixes)
    assert "Whole document: nothing in it addresses this." in fixes  # no exclusions: an absence
    for f in errors:
        assert f.message.split(":")[0] in fixes
    assert not any(w.message in fixes for w in fernleaf.findings if w.severity == "warning")


def test_a_clean_document_says_nothing_blocks_sending():
    doc = read_markdown_string("# Scope\n\nAll good.\n", "clean.md")
    out = html.render(Report([DocumentResult("clean.md", "md", document=doc, meta={"words": 3})]))
    assert "No errors: nothing blocks sending." in out


def test_card_quotes_the_whole_sentence_with_the_match_marked(page):
    card = _card(page, "acceptance-by-satisfaction")
    quote = re.search(r'<blockquote class="evidence">(.*?)</blockquote>', card, re.S).group(1)
    assert quote == ('We keep refining <mark class="match">until the whole team is happy</mark> '
                     'with how it looks.')
    card = _card(page, "soft-promise-unbounded-quantity")
    assert '<mark class="match">unlimited</mark>' in card and "We want you to love your new website" in card


def test_sentence_span_stops_at_sentence_and_cell_edges():
    text = "First one. We offer unlimited revisions, e.g. logos. Last.\nA | B unlimited C. D | E"
    a, b = sentence_span(text, text.index("unlimited"), text.index("unlimited") + 9)
    assert text[a:b] == "We offer unlimited revisions, e.g. logos."
    start = text.index("unlimited", 60)
    a, b = sentence_span(text, start, start + 9)
    assert text[a:b] == "B unlimited C."


def test_untailored_clauses_are_labelled_example_wording(page):
    assert "<dt>Example wording</dt>" in _card(page, "no-exclusions")  # a generic clause
    tailored = _card(page, "soft-promise-unbounded-quantity")
    assert "<dt>Suggested clause</dt>" in tailored and "Pixel &amp; Pine Studio" in tailored
    f = Finding("r", "soft-promise", "warning", "m", "", Location(), suggestion="Example wording: X does Y.")
    assert suggestion(f, "{provider} does Y.") == ("Example wording", "X does Y.")
    f = Finding("r", "soft-promise", "warning", "m", "", Location(), suggestion="Acme does Y.")
    assert suggestion(f, "{provider} does Y.") == ("Suggested clause", "Acme does Y.")
    assert suggestion(f, "Acme does Y.") == ("Example wording", "Acme does Y.")


def test_zero_word_document_is_not_assessed_never_rated():
    absent = Finding("no-exclusions", "exclusions", "error", "No exclusions", "", Location())
    scan = DocumentResult("scan.pdf", "pdf", findings=[absent], meta={"words": 0, "pages": 3})
    out = html.render(Report([scan]))
    assert '<div class="risk risk-unassessed"' in out and "Not assessed" in out
    body = out[out.index("</style>"):]
    assert not re.search(r'risk-(high|medium|low)\b', body) and ">High<" not in body
    readable = DocumentResult("ok.md", "md", meta={"words": 10})
    index = html.render_index([("a.html", scan), ("b.html", readable)])
    assert 'risk-badge-unassessed">Not assessed' in index and "0 words: not checked" in index
    assert '<div class="risk risk-low"' in index  # the overall risk is the assessed documents'


def test_dates_are_dates_and_unknown_fields_are_hidden(page, fernleaf):
    assert fernleaf.documents[0].meta["engagement"] == "fixed-fee"  # a stated total fee (issue 16)
    header = page[page.index("<body"):page.index("</header>", page.index('class="doc-title"'))]
    assert "<dt>Engagement</dt><dd>Fixed fee</dd>" in header and "unknown" not in header.lower()
    assert "<dt>Pages</dt>" not in header  # the .docx holds no page breaks: no page count, not "1"
    assert "28 September 2026" in header and "T14:30" not in page and "2026-09-28" not in page
    assert "1 December 2026" in header
    assert as_date("2026-09-28T14:30:00+00:00") == "28 September 2026" and as_date("next spring") == "next spring"


def _result(path: str, severities: list[str], words: int = 100) -> DocumentResult:
    findings = [Finding(f"r{i}", "soft-promise", s, f"m{i}", "", Location()) for i, s in enumerate(severities)]
    return DocumentResult(path, "md", findings=findings, meta={"words": words, "engagement": "unknown"})


def test_index_sorted_by_risk_then_errors():
    results = [("low.html", _result("low.md", ["info"])), ("one.html", _result("one.md", ["error"])),
               ("none.html", _result("scan.pdf", [], words=0)), ("mid.html", _result("mid.md", ["warning"])),
               ("three.html", _result("three.md", ["error", "error", "error"]))]
    index = html.render_index(results)
    order = re.findall(r'<th scope="row" class="doc-cell"><a href="([^"]+)"', index)
    assert order == ["three.html", "one.html", "mid.html", "low.html", "none.html"]
    assert "<th scope=\"col\">Engagement</th>" not in index  # nobody's engagement is known: no column
    page = html.render(Report([r for _h, r in results]))
    rows = re.findall(r'<th scope="row" class="doc-cell"><a href="#(d\d-)doc"', page)
    assert [r for r in rows] == ["d5-", "d2-", "d4-", "d1-", "d3-"]


def test_print_stylesheet_is_compact_and_the_document_text_optional(page):
    css = page[page.index("@media print"):]
    assert "size: A4" in css and "section.document-view { display: none; }" in css
    assert "article.doc:has(.print-doc:checked) section.document-view" in css
    assert 'class="print-doc"' in page


def test_one_card_per_rule_per_sentence():
    doc = read_markdown_string("# Scope\n\nWe provide support as needed and training as needed. Other text.\n", "s.md")
    text = doc.text
    first, second = (text.index("as needed"), text.index("as needed", text.index("as needed") + 1))
    findings = [Finding("soft-promise-unbounded-quantity", "soft-promise", "warning", "Unbounded", "as needed",
                        Location(start=at, end=at + 9, line=3, column=1)) for at in (first, second)]
    out = html.render(Report([DocumentResult("s.md", "md", findings=findings, document=doc, meta={"words": 12})]))
    cards = re.findall(r'<article class="finding[^"]*" id="(f\d+)">', out)
    assert cards == ["f1"]
    card = _card(out, "soft-promise-unbounded-quantity")
    assert "Finding 1, 2" in card and "2 in this sentence" in card
    quote_html = re.search(r'<blockquote class="evidence">(.*?)</blockquote>', card, re.S).group(1)
    assert quote_html == ('We provide support <mark class="match">as needed</mark> and training '
                          '<mark class="match">as needed</mark>.')
    assert re.search(r'id="m2"', out) and out.count('href="#f1"') >= 2  # both highlights lead to the one card
    assert 'id="f2"' not in out


def test_a_handoff_note_card_quotes_the_note_not_the_sow():
    from sowlint.run.lint import lint

    report = lint(str(FERNLEAF), keep_documents=True,
                  notes=[str(REPO / "corpora" / "handoff" / "website-build-fernleaf.notes.md")])
    out = html.render(report)
    card = _card(out, "contradicted-verbal-commitment")
    quote_html = re.search(r'<blockquote class="evidence">(.*?)</blockquote>', card, re.S).group(1)
    assert quote_html.startswith("Alan assumes we write all the service page copy")
