"""The HTML risk report as markup: structure, two-way links, highlights, escaping, CSP, accessibility."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import report_fixtures as rf
from sowlint.findings import Finding, Location
from sowlint.readers.text import read_markdown_string
from sowlint.findings.report import DocumentResult, Report
from sowlint.reporters import html

GENERATED = "2026-11-24"


class Tree(HTMLParser):
    """A flat record of the page: elements with attributes and the text inside each id'd element."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag not in ("input", "meta", "br", "link"):
            self._open.append((tag, attributes.get("id")))
            if attributes.get("id"):
                self.text_by_id[attributes["id"]] = ""

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _tag, ident in self._open:
            if ident:
                self.text_by_id[ident] += data

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.elements if a.get("id")]


@pytest.fixture(scope="module")
def page() -> str:
    return html.render(rf.sample_report(), generated=GENERATED)


@pytest.fixture(scope="module")
def tree(page: str) -> Tree:
    return Tree(page)


def test_environment_autoescapes():
    assert html._env.autoescape is True


def test_csp_meta_is_the_first_thing_in_head(page: str):
    head = page.split("<head>", 1)[1]
    assert head.lstrip().startswith(f'<meta http-equiv="Content-Security-Policy" content="{html.CSP}">')
    assert "default-src 'none'" in html.CSP and "script-src" not in html.CSP  # no script may run at all


def test_page_is_self_contained_and_script_free(page: str):
    lowered = page.lower()
    assert "<script" not in lowered
    assert " src=" not in lowered and "url(" not in lowered and "@import" not in lowered
    assert not re.search(r'href="(?!#|index\.html)', page), "only in-page links"


def test_header_shows_document_engagement_risk_and_counts(tree: Tree, page: str):
    assert tree.text_by_id["title"] == "Data Platform Migration"
    assert "migration" in page and "Northwind Consulting" in page and "24 November 2026" in page  # a date, not ISO
    risk = re.search(r'<div class="risk risk-(\w+)"', page)
    assert risk and risk.group(1) == "high"
    assert "3 errors · 3 warnings · 2 info · 1 suppressed" in page


def test_findings_grouped_by_category_with_all_parts(tree: Tree, page: str):
    groups = [a["id"] for a in tree.all("h3") if a.get("id", "").startswith("cat-")]
    assert groups[0] == "cat-soft-promise"  # the worst and biggest group first
    assert set(groups) == {"cat-soft-promise", "cat-exclusions", "cat-day-one-dependency", "cat-client-inputs",
                           "cat-timeline", "cat-placeholder"}
    card = tree.text_by_id["f1"]
    for part in ("Unbounded commitment", "unlimited support", "1. Scope", "line 4",
                 "An uncapped promise becomes unpaid work", "What cap (hours", "limited to 40 hours"):
        assert part in card


def test_every_spanned_finding_is_highlighted_once_and_linked_both_ways(tree: Tree):
    ids = tree.ids()
    assert len(ids) == len(set(ids)), "ids are unique"
    marks = {a["id"] for a in tree.all("mark") if a.get("id")}
    assert marks == {f"m{n}" for n in (1, 2, 3, 5, 6, 7, 8)}  # 4 is the whole-document finding
    hrefs = {a["href"][1:] for a in tree.all("a") if a.get("href", "").startswith("#")}
    assert hrefs <= set(ids), "every in-page link resolves"
    for n in (1, 2, 3, 5, 6, 7, 8):
        assert f"m{n}" in hrefs  # card -> highlight
    for n in (1, 2, 5, 6, 7, 8):
        assert f"f{n}" in hrefs  # highlight tag -> card
    # Finding 3 is the same rule in the same sentence as finding 1: one card holds both, its tag leads there.
    assert "f3" not in ids and "Finding 1, 3" in tree.text_by_id["f1"]


def test_highlight_covers_exactly_the_evidence(tree: Tree):
    report = rf.sample_report()
    by_evidence = {f.evidence: f for f in report.documents[0].findings}
    view_numbers = {"timely feedback": "m6", "2 weeks": "m7", "TBD": "m8",
                    "Production access must be available on day one": "m5"}
    for evidence, mark in view_numbers.items():
        assert evidence in by_evidence
        assert tree.text_by_id[mark] == evidence


def test_overlapping_findings_nest(page: str):
    # "unlimited support" (error) sits inside "unlimited support during hypercare" (info).
    nested = re.search(r'<mark class="hl sev-info" id="m3"[^>]*><mark class="hl sev-error" id="m1"[^>]*>'
                       r"unlimited support</mark></mark>", page)
    assert nested, "the outer finding wraps the inner one"
    assert re.search(r'<mark class="hl sev-info"[^>]*> during hypercare</mark>', page)


def test_table_cells_are_highlighted_in_place(page: str):
    assert re.search(r'<td><mark class="hl sev-warning" id="m7"[^>]*>2 weeks</mark>', page)


def test_whole_document_finding_listed_not_highlighted(tree: Tree):
    assert "No exclusions section" in tree.text_by_id["f4"]
    assert "Applies to the whole document" in tree.text_by_id["f4"]
    assert "m4" not in tree.ids()


def test_handoff_questions_are_a_checklist(tree: Tree):
    boxes = [b for b in tree.all("input", type="checkbox") if "print-doc" not in b.get("class", "")]
    assert len(boxes) == 4  # four distinct questions among the findings
    labels = {a["for"] for a in tree.all("label")}
    assert {b["id"] for b in boxes} | {"print-doc"} == labels  # and the print-the-document choice
    assert "What is explicitly out of scope?" in tree.text_by_id["questions"]


def test_suppressed_and_warnings_are_shown(tree: Tree):
    suppressed = tree.text_by_id["suppressed"]
    assert "Training without a named audience size" in suppressed
    assert "Training scope agreed in the MSA" in suppressed and "j.doe" in suppressed
    assert "Suppressed" in suppressed
    assert "2 images were skipped" in tree.text_by_id["warnings"]


def test_document_view_keeps_structure(tree: Tree, page: str):
    doc = tree.text_by_id["document"]
    for text in ("1. Scope", "Migrate 40 source tables", "Fixed fee of $120,000"):
        assert text in doc
    assert "Statement of Work: Data Platform Migration" in doc  # the lifted title line stays visible
    assert page.count("<li class=\"indent-0\">") == 3
    assert '<th scope="col">Phase</th>' in page and "<caption>Table in 2. Timeline</caption>" in page


def test_accessible_markup(tree: Tree, page: str):
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert len(tree.all("main")) == 1 and tree.all("nav")
    assert all(table_has_caption for table_has_caption in [page.count("<table") == page.count("<caption>")])
    assert not tree.all("th", scope="") and all(a.get("scope") for a in tree.all("th"))
    levels = [int(t[1]) for t, _ in tree.elements if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), "no skipped heading level"
    # Severity is spelled out, not only coloured.
    assert '<span class="badge sev-error">Error</span>' in page


def test_hostile_text_is_escaped_and_bidi_stripped():
    report = rf.hostile_report()
    doc = report.documents[0]
    doc.findings.append(Finding("placeholder", "placeholder", "info", "flip \u202eevil\u202c here", "",
                                Location()))
    out = html.render(report, generated=GENERATED)
    lowered = out.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in out
    assert "onerror=&#34;document.body" in out or "onerror=&quot;document.body" in out
    assert "\u202e" not in out and "\u202c" not in out
    assert "flip evil here" in out


def test_spans_across_blocks_get_one_id(page: str):
    doc = read_markdown_string(rf.SOW, "x.md")
    start = doc.text.index("Prepared for")
    end = doc.text.index("Northwind will") + len("Northwind will")  # crosses the "1. Scope" heading
    finding = Finding("placeholder", "placeholder", "warning", "Crosses blocks", doc.text[start:end],
                      Location(start=start, end=end, line=doc.line_of(start), column=1))
    out = html.render(Report([DocumentResult("x.md", "md", findings=[finding], document=doc)]), generated=GENERATED)
    assert out.count('id="m1"') == 1
    assert out.count('class="hl sev-warning"') == 3  # paragraph, heading, next paragraph
    assert out.count('href="#f1"') == 1  # one numbered tag, after the span's end


def test_title_line_lifted_into_metadata_is_still_shown_and_highlighted():
    doc = read_markdown_string("# Master Services SOW TBD\n\n## Scope\n\nWe build.\n\n## Fees\n\nFixed.\n", "t.md")
    assert not any(b.start == 0 for b in doc.blocks()), "the builder lifted the title line out of the tree"
    start = doc.text.index("TBD")
    finding = Finding("placeholder", "placeholder", "info", "Placeholder", "TBD",
                      Location(start=start, end=start + 3, line=1, column=start + 1))
    out = html.render(Report([DocumentResult("t.md", "md", findings=[finding], document=doc)]), generated=GENERATED)
    assert re.search(r'<h3 class="heading lvl-1">Master Services SOW <mark class="hl sev-info" id="m1"', out)


def test_clean_document_and_unreadable_document():
    doc = read_markdown_string("# Scope\n\nAll good.\n", "clean.md")
    clean = html.render(Report([DocumentResult("clean.md", "md", document=doc)]), generated=GENERATED)
    assert "risk-low" in clean and "No findings." in clean and "No open questions." in clean
    broken = html.render(Report([rf.unreadable_result()]), generated=GENERATED)
    assert "This document could not be read." in broken and "bad zip" in broken and "risk-unknown" in broken


def test_several_documents_on_one_page_keep_ids_apart():
    out = html.render(rf.multi_report(), generated=GENERATED)
    tree = Tree(out)
    ids = tree.ids()
    assert len(ids) == len(set(ids))
    assert {"d1-doc", "d2-doc", "d3-doc", "d1-m1", "d2-f1"} <= set(ids)
    hrefs = {a["href"][1:] for a in tree.all("a") if a.get("href", "").startswith("#")}
    assert hrefs <= set(ids)
    assert out.count("waiver W-7 expired") == 1  # run notices once, not per document
    assert "1 unreadable" in out and re.search(r'<div class="risk risk-high"', out)


def test_index_and_pages(tmp_path):
    written = html.write_pages(rf.multi_report(), tmp_path, generated=GENERATED)
    assert [p.name for p in written] == ["index.html", "001-acme-migration.html", "002-beta-rollout.html",
                                         "003-broken.html"]
    index = (tmp_path / "index.html").read_text()
    for page in written[1:]:
        assert f'href="{page.name}"' in index
        assert 'href="index.html"' in page.read_text()
    assert index.split("<head>", 1)[1].lstrip().startswith('<meta http-equiv="Content-Security-Policy"')
    assert "Could not be read" in index
    # The run's notices (an expired waiver) reach whichever page a reviewer opens.
    for page in written:
        assert page.read_text().count("waiver W-7 expired") == 1


# -- real documents ---------------------------------------------------------------------------
REAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "real"
REAL_FILES = ["18f-dol-whd-14c-pws.md", "usds-agile-task-order-example.docx", "gsa-it-services-sow-pws-template.pdf"]


@pytest.mark.corpus
@pytest.mark.parametrize("name", REAL_FILES)
def test_real_documents_highlight_every_span(name):
    """Findings on every 5th paragraph, list item and table cell of a real SOW land exactly on their text."""
    if not (REAL / name).is_file():
        pytest.skip("../shared/corpora/real absent")
    from sowlint.readers import read_document

    doc = read_document(REAL / name)
    pieces = []
    for block in doc.blocks():
        if block.kind == "table":
            pieces += [(c.start, c.end) for row in block.rows for c in row if c.end > c.start]
        else:
            pieces.append((block.start, block.end))
    findings = []
    for start, end in pieces[::5]:
        end = min(end, start + 40)
        findings.append(Finding("placeholder", "placeholder", "warning", "Probe", doc.text[start:end],
                                Location(section=doc.section_at(start).path, start=start, end=end,
                                         line=doc.line_of(start), column=doc.column_of(start))))
    assert len(findings) >= 10
    out = html.render(Report([DocumentResult(str(REAL / name), doc.format, findings=findings, document=doc)]),
                      generated=GENERATED)
    tree = Tree(out)
    numbers = {f"m{n}": None for n in range(1, len(findings) + 1)}
    marks = [a["id"] for a in tree.all("mark") if a.get("id")]
    assert sorted(marks) == sorted(numbers)
    texts = sorted(" ".join(tree.text_by_id[m].split()) for m in marks)
    assert texts == sorted(" ".join(f.evidence.split()) for f in findings)
