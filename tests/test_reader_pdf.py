"""The .pdf reader: structure from generated PDFs, and every real PDF of the corpus, fast."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures_pdf import (FOOTER, HEADER, write_numbered_lines, write_scanned, write_sow, write_table,
                          write_word_by_word)
from sowlint.readers.limits import ReadLimits
from sowlint.readers import read_document
from sowlint.readers.pdf import pdf_date_to_iso
from sowlint.readers.pdf_structure import join_lines

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "real"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []
needs_corpus = pytest.mark.skipif(not REAL_PDFS, reason="../shared/corpora/real absent")


@pytest.fixture(scope="module")
def sow_doc(tmp_path_factory):
    return read_document(write_sow(tmp_path_factory.mktemp("pdf") / "sow.pdf", pages=4))


# -- generated PDFs ------------------------------------------------------------------------------
def test_running_headers_footers_and_page_numbers_are_removed(sow_doc):
    assert HEADER not in sow_doc.text
    assert FOOTER not in sow_doc.text
    assert not re.search(r"Page \d of 4", sow_doc.text)
    assert "Project Overview" in sow_doc.text  # the body is still there


def test_headings_by_font_size_get_their_level(sow_doc):
    top = [(s.heading, s.level) for s in sow_doc.sections]
    assert top == [("Project Overview", 1), ("Scope of Services", 1), ("Client Responsibilities", 1),
                   ("Delivery Schedule", 1)]
    children = [(c.heading, c.level) for c in sow_doc.sections[1].children]
    assert children == [("Assumptions for Part 2", 2)]


def test_wrapped_lines_join_into_paragraphs_and_bullets_into_list_items(sow_doc):
    first = sow_doc.sections[0]
    paragraphs = [b for b in first.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 2  # five printed lines each, two paragraphs
    assert paragraphs[0].text.endswith("End of paragraph 1.0.")
    items = [b.text for b in first.children[0].blocks if b.kind == "list_item"]
    assert items == ["Access to the staging environment is granted.", "Content is supplied on time."]


def test_every_block_and_heading_knows_its_page(sow_doc):
    for number, section in enumerate(sow_doc.sections, start=1):
        assert section.page == number
        assert {b.page for b in section.all_blocks()} == {number}


def test_metadata_title_author_dates_pages(sow_doc):
    meta = sow_doc.meta
    assert (meta.title, meta.author, meta.pages, meta.format) == ("Example SOW", "Test Author", 4, "pdf")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?", meta.created)
    assert pdf_date_to_iso("D:20120817153823-04'00'") == "2012-08-17T15:38:23-04:00"
    assert pdf_date_to_iso("D:2014") == "2014-01-01"
    assert pdf_date_to_iso("garbage") is None


def test_a_ruled_table_is_a_table_block_with_cells(tmp_path):
    doc = read_document(write_table(tmp_path / "table.pdf"))
    tables = [b for b in doc.blocks() if b.kind == "table"]
    assert len(tables) == 1
    rows = [[cell.text for cell in row] for row in tables[0].rows]
    assert rows == [["Deliverable", "Due", "Owner"], ["Project plan", "Week 2", "Contractor"],
                    ["Test report", "Week 10", "Client"]]
    assert doc.text.count("Project plan") == 1  # the cells are not repeated as paragraphs
    cell = tables[0].rows[1][2]
    assert doc.text[cell.start:cell.end] == "Contractor"
    kinds = [b.kind for b in doc.blocks()]
    assert kinds == ["paragraph", "table", "paragraph"]  # in reading order


def test_line_numbers_in_the_margin_are_stripped(tmp_path):
    doc = read_document(write_numbered_lines(tmp_path / "numbered.pdf"))
    assert [s.heading for s in doc.sections] == ["1. Overview of Part 1", "2. Overview of Part 2"]
    assert doc.sections[0].blocks[0].text.startswith("The contractor shall deliver")
    assert not re.search(r"(^|\n)\d+ ", doc.text)


def test_words_set_one_by_one_still_have_spaces(tmp_path):
    doc = read_document(write_word_by_word(tmp_path / "words.pdf"))
    assert doc.text == "The contractor shall provide weekly status reports"


def test_scanned_pages_warn_instead_of_reading_empty(tmp_path):
    doc = read_document(write_scanned(tmp_path / "scan.pdf", pages=2))
    assert doc.warnings == ["page 1 has no text layer (scanned?)", "page 2 has no text layer (scanned?)"]
    assert doc.text == ""


def test_hyphenated_words_rejoin_and_compounds_keep_their_hyphen():
    vocabulary = frozenset({"responsibility"})
    assert join_lines(["our respon\ufffe", "sibility is clear"], vocabulary) == "our responsibility is clear"
    assert join_lines(["a cross\ufffe", "border team"], vocabulary) == "a cross-border team"
    assert join_lines(["Tasks -", "None"], vocabulary) == "Tasks - None"
    assert join_lines(["first line", "second line"]) == "first line second line"


def test_page_cap_reads_the_first_pages_and_warns(tmp_path):
    doc = read_document(write_sow(tmp_path / "sow.pdf", pages=4), ReadLimits(max_pages=2))
    assert [s.heading for s in doc.sections] == ["Project Overview", "Scope of Services"]
    assert "the PDF has 4 pages: only the first 2 were read" in doc.warnings


# -- the real corpus -----------------------------------------------------------------------------
@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_every_real_pdf_reads(path):
    doc = read_document(path)
    if "scanned" in path.name:
        assert any("no text layer (scanned?)" in w for w in doc.warnings)
    else:
        assert doc.meta.words > 100
        assert doc.sections, "no headings found"
        for block in doc.blocks():
            assert doc.text[block.start:block.end] == block.text


@needs_corpus
@pytest.mark.corpus
def test_the_46_page_template_reads():
    # Its reading time is a figure of benchmarks/bench_read.py, not a budget here.
    doc = read_document(REAL / "gsa-it-services-sow-pws-template.pdf")
    assert doc.meta.pages == 46 and doc.meta.words > 9000


@needs_corpus
@pytest.mark.corpus
def test_labelled_top_level_headings_of_real_pdfs_are_found():
    import yaml

    from sowlint.evaluation.headings import heading_matches

    labels = yaml.safe_load((REAL / "labels.yaml").read_text(encoding="utf-8"))["labels"]
    hits = total = 0
    misses = {}
    for path in REAL_PDFS:
        expected = labels.get(path.name, {}).get("sections_expected") or []
        marks = heading_matches(expected, [s.heading for s in read_document(path).sections])
        hits, total = hits + sum(marks), total + len(marks)
        misses[path.name] = [e for e, hit in zip(expected, marks) if not hit]
    assert hits / total >= 0.9, {name: miss for name, miss in misses.items() if miss}
