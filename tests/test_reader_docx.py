"""The .docx reader: text in document order, headings and levels, lists, tables, notes, comments, metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from fixtures_docx import build_docx, make_large_docx, members_of, para, run, table, write_members
from growth import growth
from sowlint.readers import read_document

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "real"
_real_docx = sorted(REAL.glob("*.docx")) if REAL.is_dir() else []
corpus = pytest.mark.skipif(not _real_docx, reason="../shared/corpora/real absent")


def _read(tmp_path: Path, body: str, **kwargs):
    return read_document(build_docx(tmp_path / "t.docx", body, **kwargs))


def _outline(doc) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in doc.walk() if s.level]


# -- text coverage -------------------------------------------------------------------------------
def test_tracked_insertions_are_read_and_deletions_are_not(tmp_path):
    body = para(run("The Vendor "),
                '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">shall deliver </w:t></w:r></w:ins>',
                '<w:del w:id="2" w:author="A"><w:r><w:delText>may consider delivering </w:delText></w:r></w:del>',
                '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>MOVEDAWAY </w:t></w:r></w:moveFrom>',
                run("the report."))
    doc = _read(tmp_path, body)
    assert "The Vendor shall deliver the report." in doc.text
    assert "consider" not in doc.text and "MOVEDAWAY" not in doc.text


def test_heading_inside_a_content_control_is_found(tmp_path):
    body = ('<w:sdt><w:sdtPr><w:alias w:val="Block"/></w:sdtPr><w:sdtContent>'
            + para("Out of Scope", style="Heading1") + para("Hardware is excluded.")
            + "</w:sdtContent></w:sdt>"
            + para("Assumptions", style="Heading1")
            + para("The client provides ",
                   '<w:sdt><w:sdtContent><w:r><w:t>VPN access</w:t></w:r></w:sdtContent></w:sdt>', "."))
    doc = _read(tmp_path, body)
    assert [s.heading for s in doc.sections] == ["Out of Scope", "Assumptions"]
    assert doc.sections[0].text(doc.text) == "Hardware is excluded."
    assert "The client provides VPN access." in doc.text


def test_fields_give_their_result_not_their_code(tmp_path):
    complex_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                     '<w:r><w:instrText xml:space="preserve"> REF Budget \\h </w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>$45,000</w:t></w:r>'
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    simple_field = '<w:fldSimple w:instr=" DOCPROPERTY Client "><w:r><w:t>Acme Corp</w:t></w:r></w:fldSimple>'
    doc = _read(tmp_path, para("Fee: ", complex_field, " for ", simple_field, "."))
    assert "Fee: $45,000 for Acme Corp." in doc.text
    assert "REF" not in doc.text and "DOCPROPERTY" not in doc.text


def test_smart_tags_hyperlinks_and_special_characters(tmp_path):
    body = para(run("Start"), "<w:r><w:tab/></w:r>", run("on"), "<w:r><w:br/></w:r>",
                '<w:smartTag w:uri="urn:x" w:element="date"><w:r><w:t>March 3</w:t></w:r></w:smartTag>',
                run(" at "), '<w:hyperlink w:anchor="x"><w:r><w:t>the portal</w:t></w:r></w:hyperlink>',
                run(" for e"), "<w:r><w:noBreakHyphen/></w:r>", run("mail "),
                '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>', run(" done"))
    doc = _read(tmp_path, body)
    assert "Start on March 3 at the portal for e-mail • done" in doc.text


def test_headers_and_footers_stay_out_of_the_body(tmp_path):
    doc = _read(tmp_path, para("Scope", style="Heading1") + para("Body text here."),
                header="CONFIDENTIAL HEADER", footer="Page footer text")
    assert "Body text here." in doc.text
    assert "CONFIDENTIAL" not in doc.text and "footer" not in doc.text


# -- tables ------------------------------------------------------------------------------------------
def test_table_cells_know_their_row_column_and_span(tmp_path):
    body = para("Milestones", style="Heading1") + table([["Milestone", "Owner"], ["Kickoff", "Client PM"]])
    doc = _read(tmp_path, body)
    block = next(b for b in doc.blocks() if b.kind == "table")
    cell = block.rows[1][1]
    assert (cell.row, cell.col, cell.text) == (1, 1, "Client PM")
    assert doc.text[cell.start:cell.end] == "Client PM"
    assert block.section_path == ("Milestones",)


def test_merged_and_nested_cells(tmp_path):
    spanned = '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para("Phase 1") + "</w:tc>"
    merge_start = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para("Vendor") + "</w:tc>"
    merge_cont = '<w:tc><w:tcPr><w:vMerge/></w:tcPr>' + para("") + "</w:tc>"
    inner = table([["inner a", "inner b"]])
    body = ("<w:tbl>"
            f"<w:tr>{spanned}<w:tc>{para('Due')}</w:tc></w:tr>"
            f"<w:tr>{merge_start}<w:tc>{para('Design')}</w:tc><w:tc>{para('May')}</w:tc></w:tr>"
            f"<w:tr>{merge_cont}<w:tc>{para('Build')}{inner}</w:tc><w:tc>{para('June')}</w:tc></w:tr>"
            "</w:tbl>")
    block = next(b for b in _read(tmp_path, body).blocks() if b.kind == "table")
    rows = [[c.text for c in row] for row in block.rows]
    assert rows == [["Phase 1", "", "Due"], ["Vendor", "Design", "May"], ["", "Build inner a inner b", "June"]]


# -- headings ----------------------------------------------------------------------------------------
def test_title_style_is_the_document_title_not_a_section(tmp_path):
    body = (para("Statement of Work for Acme", style="Title") + para("Scope", style="Heading1") + para("Text.")
            + para("Fees", style="Heading1") + para("More."))
    doc = _read(tmp_path, body)
    assert doc.meta.title == "Statement of Work for Acme"
    assert [s.heading for s in doc.sections] == ["Scope", "Fees"]


def test_a_lone_title_is_the_only_heading(tmp_path):
    doc = _read(tmp_path, para("Pentest Scope Letter", style="Title") + para("We will test two web apps."))
    assert [s.heading for s in doc.sections] == ["Pentest Scope Letter"]


def test_outline_levels_come_through_based_on(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="ClauseBase"><w:name w:val="Clause Base"/>'
              '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/>'
              '<w:basedOn w:val="ClauseBase"/></w:style>')
    body = (para("Services", style="Heading1") + para("Scope details", style="Clause") + para("Text one.")
            + para("Fees", style="Heading1") + para("Direct outline", outline=1) + para("Text two."))
    doc = _read(tmp_path, body, styles_xml=styles)
    assert _outline(doc) == [(1, "Services"), (2, "Scope details"), (1, "Fees"), (2, "Direct outline")]


def test_bold_and_numbered_lines_nest_under_styled_headings(tmp_path):
    body = (para("Scope", style="Heading1") + para(run("Included services", bold=True))
            + para("The Vendor shall migrate the data.") + para("Pricing", style="Heading1")
            + para(run("Rates", bold=True)) + para("Rates are fixed for the term of the agreement."))
    assert _outline(_read(tmp_path, body)) == [(1, "Scope"), (2, "Included services"), (1, "Pricing"),
                                               (2, "Rates")]


def test_numbered_and_bold_pseudo_headings_without_styles(tmp_path):
    sentence = "The Contractor shall deliver the assessment report within ten business days of kickoff."
    body = (para(run("Proposal for Acme", bold=True)) + para(run("Prepared by Vendor Ltd", bold=True))
            + para(run("Introduction", bold=True)) + para(sentence)
            + para("Phase 2: Build") + para(sentence) + para(run("Pricing", bold=True)) + para(sentence)
            + para(run("Long bold sentence that ends with a full stop is not a heading.", bold=True)))
    doc = _read(tmp_path, body)
    assert _outline(doc) == [(1, "Introduction"), (2, "Phase 2: Build"), (1, "Pricing")]
    assert "Proposal for Acme" in doc.text  # the cover page stays text


def test_heading_style_on_a_sentence_is_body_text(tmp_path):
    body = (para("Scope", style="Heading1")
            + para("This task order shall be firm fixed price with two award term options.", style="Heading2")
            + para("Fees", style="Heading1") + para("Text."))
    doc = _read(tmp_path, body)
    assert [h for _, h in _outline(doc)] == ["Scope", "Fees"]


# -- lists, notes, comments, metadata ----------------------------------------------------------------
def test_list_items_and_levels(tmp_path):
    body = (para("Deliverables", style="Heading1") + para("Design document", num=(1, 0))
            + para("Architecture section", num=(1, 1)) + para("Styled bullet", style="ListBullet")
            + para("After the list."))
    doc = _read(tmp_path, body)
    items = [(b.text, b.level) for b in doc.blocks() if b.kind == "list_item"]
    assert items == [("Design document", 0), ("Architecture section", 1), ("Styled bullet", 0)]


def test_footnotes_come_last_as_footnote_paragraphs(tmp_path):
    ref = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    body = para("Scope", style="Heading1") + para("Travel is billed at cost.", ref) + para("Fees", style="Heading1")
    doc = _read(tmp_path, body, footnotes=[(1, "Capped at 10% of the fee.")])
    last = list(doc.blocks())[-1]
    assert (last.text, last.style) == ("Capped at 10% of the fee.", "footnote")
    assert all(s.heading != last.text for s in doc.walk())


def test_comments_become_annotations_with_their_anchor(tmp_path):
    body = para("Scope", style="Heading1") + para(
        run("We will deliver "), '<w:commentRangeStart w:id="5"/>', run("best-in-class"),
        '<w:commentRangeEnd w:id="5"/>', run(" results."), '<w:r><w:commentReference w:id="5"/></w:r>')
    doc = _read(tmp_path, body, comments=[(5, "Dana Reviewer", "Vague: define it.")])
    [note] = doc.annotations
    assert (note.text, note.author, note.anchor) == ("Vague: define it.", "Dana Reviewer", "best-in-class")
    assert doc.text[note.start:note.end] == "best-in-class"


def test_metadata_and_page_count(tmp_path):
    page_break = '<w:r><w:br w:type="page"/></w:r>'
    body = para("Scope", style="Heading1") + para("One.", page_break) + para("Two.", page_break) + para("Three.")
    doc = _read(tmp_path, body, core={"title": "Acme SOW", "author": "Pat"})
    assert (doc.meta.title, doc.meta.author, doc.meta.pages) == ("Acme SOW", "Pat", 3)
    assert doc.meta.created and doc.meta.created[:4].isdigit()
    assert [b.page for b in doc.blocks()] == [1, 2, 3]


def test_page_count_from_app_properties(tmp_path):
    parts = members_of(build_docx(tmp_path / "a.docx", para("Scope", style="Heading1") + para("Text.")))
    parts["docProps/app.xml"] = (parts["docProps/app.xml"].replace(b"<Pages>1</Pages>", b"<Pages>12</Pages>")
                                 .replace(b"<Words>0</Words>", b"<Words>2</Words>"))
    doc = read_document(write_members(tmp_path / "b.docx", parts))
    assert doc.meta.pages == 12 and not doc.meta.pages_estimated
    assert {b.page for b in doc.blocks()} == {None}  # twelve pages, but which one a block is on is unknown


def test_no_page_breaks_means_pages_unknown_not_page_one(tmp_path):
    # python-docx's template says "1 page, 0 words" whatever the document holds: not this document's count.
    body = para("Scope", style="Heading1") + "".join(para("We build the site and test it. " * 20) for _ in range(60))
    doc = read_document(build_docx(tmp_path / "long.docx", body))
    assert doc.meta.words > 5000
    assert doc.meta.pages is None and {b.page for b in doc.blocks()} == {None}
    from sowlint.api import lint_file

    result = lint_file(tmp_path / "long.docx")
    assert result.meta["pages"] is None and all(f.location.page is None for f in result.findings)


def test_a_one_page_document_is_on_page_one(tmp_path):
    parts = members_of(build_docx(tmp_path / "a.docx", para("Scope", style="Heading1") + para("Text.")))
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(b"<Words>0</Words>", b"<Words>2</Words>")
    doc = read_document(write_members(tmp_path / "b.docx", parts))
    assert doc.meta.pages == 1 and {b.page for b in doc.blocks()} == {1}


def test_pages_from_page_breaks_are_labelled_estimates(tmp_path):
    brk = '<w:r><w:br w:type="page"/></w:r>'
    body = (para("Scope", style="Heading1") + para("We offer unlimited revisions.") + para(brk)
            + para("Fees", style="Heading1") + para("Support is provided as needed."))
    path = build_docx(tmp_path / "breaks.docx", body)
    doc = read_document(path)
    assert doc.meta.pages == 2 and doc.meta.pages_estimated
    from sowlint.api import lint_file
    from sowlint.findings.report import Report
    from sowlint.reporters import github, text

    result = lint_file(path)
    assert result.meta["pages_estimated"] is True
    paged = [f for f in result.findings if f.location.page]
    assert paged and all(f.location.page_estimated for f in paged)
    assert {f.location.page for f in paged if "as needed" in f.evidence} == {2}
    report = Report([result])
    assert "p.~2" in text.render(report) and "p.1" not in text.render(report)
    assert "page ~2 (estimated)" in github.render(report).replace("%2C", ",")


def test_markdown_pasted_into_word_keeps_its_headings(tmp_path):
    overview = "This statement of work describes the services, deliverables and responsibilities of both parties " * 2
    lines = ["# Statement of Work", "## Project X", "### Overview", overview, "### 1. Scope", "- item one",
             "### 2. Fees", "Rates."]
    doc = _read(tmp_path, "".join(para(line) for line in lines))
    assert [s.heading for s in doc.sections] == ["Overview", "1. Scope", "2. Fees"]
    assert any(b.kind == "list_item" and b.text == "item one" for b in doc.blocks())


# -- speed and the real corpus -------------------------------------------------------------------------
def test_fifty_page_docx_reads(tmp_path):
    doc = read_document(make_large_docx(tmp_path / "large.docx"))
    assert doc.meta.pages == 50 and doc.meta.pages_estimated and sum(b.kind == "table" for b in doc.blocks()) == 28


def test_docx_reading_time_grows_linearly(tmp_path):
    # Speed itself is measured by benchmarks/bench_read.py; here only its growth (2x pages, < 3x time).
    def make(pages):
        path = make_large_docx(tmp_path / f"pages-{pages}.docx", pages=pages)
        return lambda: read_document(path)

    assert growth(make, 25) < 3.0


@corpus
@pytest.mark.parametrize("path", _real_docx, ids=lambda p: p.name)
def test_every_real_docx_reads(path):
    doc = read_document(path)
    assert doc.meta.words > 200 and doc.sections
    for block in doc.blocks():
        assert doc.text[block.start:block.end] == block.text


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


@corpus
def test_top_level_headings_match_labels():
    labels = yaml.safe_load((REAL / "labels.yaml").read_text(encoding="utf-8"))["labels"]
    expected = found = 0
    for path in _real_docx:
        want = [_norm(h) for h in labels[path.name]["sections_expected"]]
        got = {_norm(s.heading) for s in read_document(path).sections}
        expected += len(want)
        found += sum(h in got for h in want)
    assert found / expected >= 0.85, f"{found}/{expected} labelled top-level headings found"
