"""The Markdown / plain-text reader: headings of every shape, lists, tables, spans into doc.text."""

from __future__ import annotations

import pytest

from sowlint.document import Document
from sowlint.errors import ReadError
from sowlint.readers import read_document
from sowlint.readers.limits import ReadLimits


def outline(doc: Document) -> list[tuple[int, str, str | None, str]]:
    """(level, heading, number, title) of every section, in reading order."""
    return [(s.level, s.heading, s.number, s.title) for s in doc.walk() if s.level]


def blocks(doc: Document, section: int | None = None) -> list[tuple[str, int, str]]:
    """(kind, level, text) of the blocks of one top-level section, or of the whole document."""
    where = doc.sections[section].all_blocks() if section is not None else doc.blocks()
    return [(b.kind, b.level, b.text) for b in where]


def assert_spans_exact(doc: Document) -> None:
    """Every heading, block and cell points at its own text in the rendition, on the right line."""
    for s in doc.walk():
        if s.level:
            assert doc.text[s.start:s.end] == s.heading
            assert s.line == doc.line_of(s.start)
    for b in doc.blocks():
        assert doc.text[b.start:b.end] == b.text, b
        assert b.line == doc.line_of(b.start)
        for cell in b.cells():
            assert doc.text[cell.start:cell.end] == cell.text
    indexes = [b.index for b in doc.blocks()]
    assert indexes == list(range(len(indexes)))


# -- headings -------------------------------------------------------------------------------------


def test_markdown_atx_headings_nest_by_level(md):
    doc = md("""
        ## Scope
        We build it.
        ### Design
        Design work.
        ## Fees
        Money.
    """)
    assert outline(doc) == [(1, "Scope", None, "Scope"), (2, "Design", None, "Design"), (1, "Fees", None, "Fees")]
    design = doc.sections[0].children[0]
    assert design.path == ("Scope", "Design")
    assert [b.section_path for b in design.blocks] == [("Scope", "Design")]
    assert_spans_exact(doc)


def test_setext_headings(md):
    doc = md("""
        Scope
        =====

        We build it.

        Details
        -------

        Design work.

        Fees
        ====

        Money.
    """)
    assert outline(doc) == [(1, "Scope", None, "Scope"), (2, "Details", None, "Details"), (1, "Fees", None, "Fees")]
    assert "=====" not in doc.text and "-----" not in doc.text
    assert_spans_exact(doc)


def test_numbered_headings_take_their_level_from_the_numbering(md):
    doc = md("""
        1. BACKGROUND

        The agency needs help.

        2. SCOPE OF WORK

        2.1 Design

        We design.

        2.2 Build

        We build.

        3. DELIVERABLES

        A report.
    """)
    assert outline(doc) == [
        (1, "1. BACKGROUND", "1", "BACKGROUND"),
        (1, "2. SCOPE OF WORK", "2", "SCOPE OF WORK"),
        (2, "2.1 Design", "2.1", "Design"),
        (2, "2.2 Build", "2.2", "Build"),
        (1, "3. DELIVERABLES", "3", "DELIVERABLES"),
    ]
    assert_spans_exact(doc)


def test_keyword_and_letter_numbering(md):
    doc = md("""
        Section 1: Background

        The agency needs help.

        ARTICLE III - PRICING

        Money.

        B. Fees

        More money.
    """)
    assert [(s.number, s.title) for s in doc.walk() if s.level] == [
        ("1", "Background"), ("III", "PRICING"), ("B", "Fees")]


def test_all_caps_lines_are_headings(md):
    doc = md("""
        SCOPE OF WORK

        We will build the website for the client.

        EXCLUSIONS

        Hosting is excluded from this work.
    """)
    assert outline(doc) == [(1, "SCOPE OF WORK", None, "SCOPE OF WORK"), (1, "EXCLUSIONS", None, "EXCLUSIONS")]
    assert [s.role for s in doc.sections] == ["scope", "exclusions"]


def test_label_lines_with_a_colon_are_headings(md):
    doc = md("""
        Project Scope:
        We build the website.
        Deliverables:
        - Site
        - Docs
    """)
    assert outline(doc) == [(1, "Project Scope:", None, "Project Scope:"), (1, "Deliverables:", None, "Deliverables:")]
    assert blocks(doc, 1) == [("list_item", 0, "Site"), ("list_item", 0, "Docs")]


def test_run_in_bold_numbered_headings(md):
    doc = md("""
        **1. General.** Please submit the quote by Friday.

        **2. Scope.** The vendor shall build the site.
    """)
    assert [(s.number, s.heading) for s in doc.sections] == [("1", "1. General."), ("2", "2. Scope.")]
    assert blocks(doc, 1) == [("paragraph", 0, "The vendor shall build the site.")]
    assert "**" not in doc.text
    assert_spans_exact(doc)


def test_bold_line_standing_alone_is_a_heading(md):
    doc = md("""
        **Project Scope**

        We will build the website.

        **Fees**

        The fee is fixed.
    """)
    assert [s.heading for s in doc.sections] == ["Project Scope", "Fees"]


# -- lists ----------------------------------------------------------------------------------------


def test_nested_list_levels(md):
    doc = md("""
        ## Deliverables
        - Report
          - Appendix
            - Annex
        - Code
        * Star bullet
        + Plus bullet
    """)
    assert blocks(doc) == [
        ("list_item", 0, "Report"), ("list_item", 1, "Appendix"), ("list_item", 2, "Annex"),
        ("list_item", 0, "Code"), ("list_item", 0, "Star bullet"), ("list_item", 0, "Plus bullet"),
    ]
    assert_spans_exact(doc)


def test_wrapped_list_items_keep_their_continuation_lines(md):
    # Pandoc-style Markdown wraps a long item under a hanging indent; CommonMark also reads an
    # unindented line right after an item as part of it.  Both used to split off as a paragraph,
    # cutting "shall ... to ensure that" from "the system is compliant".
    doc = md("""
        ## Tasks
        -   Contractor shall work with OPM and DOD project teams to ensure that
            the system is compliant with interagency requirements.
        -   Contractor shall incorporate analytics, monitoring, continuous
        integration, and measurement tools.

        A paragraph after the list.
    """)
    assert blocks(doc) == [
        ("list_item", 0, "Contractor shall work with OPM and DOD project teams to ensure that "
                         "the system is compliant with interagency requirements."),
        ("list_item", 0, "Contractor shall incorporate analytics, monitoring, continuous integration, "
                         "and measurement tools."),
        ("paragraph", 0, "A paragraph after the list."),
    ]
    assert_spans_exact(doc)


def test_four_space_nesting_is_deeper_than_its_parent(md):
    doc = md("""
        ## Deliverables
        * first
            * nested
    """)
    first, nested = doc.blocks()
    assert nested.level > first.level


def test_a_numbered_list_of_sentences_is_not_a_heading(md):
    doc = md("""
        ## Steps

        1. The Contractor shall design the site.
        2. The Contractor shall build the site.
        3. The Contractor shall test the site.
    """)
    assert outline(doc) == [(1, "Steps", None, "Steps")]
    assert [kind for kind, _level, _text in blocks(doc)] == ["list_item"] * 3
    assert blocks(doc)[0][2] == "The Contractor shall design the site."


def test_a_single_numbered_sentence_is_a_list_item(md):
    doc = md("""
        ## Scope
        We build the thing.
        1. The Contractor shall provide all labor, materials and equipment necessary.
    """)
    assert outline(doc) == [(1, "Scope", None, "Scope")]
    assert blocks(doc)[-1] == (
        "list_item", 0, "The Contractor shall provide all labor, materials and equipment necessary.")


def test_restarted_numbering_is_demoted_to_list_items(md):
    doc = md("""
        ## 1. Scope
        We build.
        ## 2. Timeline
        Six weeks.
        ## 3. Fees
        Money.
        ## 1. Kickoff meeting
        Then.
        ## 2. Weekly calls
        Then.
    """)
    assert [s.heading for s in doc.walk() if s.level] == ["1. Scope", "2. Timeline", "3. Fees"]
    assert blocks(doc, 2) == [("paragraph", 0, "Money."), ("list_item", 0, "1. Kickoff meeting"),
                              ("paragraph", 0, "Then."), ("list_item", 0, "2. Weekly calls"),
                              ("paragraph", 0, "Then.")]
    assert_spans_exact(doc)


# -- tables ---------------------------------------------------------------------------------------


def test_pipe_table_cells_have_rows_columns_and_spans(md):
    doc = md("""
        ## Fees

        | Item | Cost |
        |------|-----:|
        | Design | $10 |
        | Build | $20 |
    """)
    [table] = doc.blocks()
    assert table.kind == "table"
    assert table.text == "Item | Cost\nDesign | $10\nBuild | $20"
    assert [[(c.row, c.col, c.text) for c in row] for row in table.rows] == [
        [(0, 0, "Item"), (0, 1, "Cost")], [(1, 0, "Design"), (1, 1, "$10")], [(2, 0, "Build"), (2, 1, "$20")]]
    build_cost = table.rows[2][1]
    assert doc.line_of(build_cost.start) == table.line + 2
    assert doc.column_of(build_cost.start) == len("Build | ") + 1
    assert_spans_exact(doc)


def test_table_after_a_paragraph_without_a_blank_line(md):
    doc = md("""
        ## Fees
        The fees are set out below.
        | Item | Cost |
        |---|---|
        | Design | $10 |
    """)
    assert [b.kind for b in doc.blocks()] == ["paragraph", "table"]


# -- text clean-up ------------------------------------------------------------------------------


def test_inline_markup_is_removed_and_code_fences_are_text(md):
    doc = md("""
        ## Scope

        Some `code`, [a link](http://example.invalid), **bold** and __strong__ words.

        ```
        ## not a heading
        ```
    """)
    assert outline(doc) == [(1, "Scope", None, "Scope")]
    assert blocks(doc) == [("paragraph", 0, "Some code, a link, bold and strong words."),
                           ("paragraph", 0, "## not a heading")]


def test_paragraph_lines_are_joined(md):
    doc = md("""
        ## Scope
        We will build
        the website.
    """)
    assert blocks(doc) == [("paragraph", 0, "We will build the website.")]


def test_title_page_is_lifted_into_the_preamble(md):
    doc = md("""
        ACME CORPORATION

        Website Redesign

        March 2026

        1. BACKGROUND

        The agency needs help with the website and all of its content.

        2. SCOPE

        We build it.
    """)
    assert doc.meta.title == "ACME CORPORATION"
    assert [b.text for b in doc.preamble.blocks] == ["ACME CORPORATION", "Website Redesign", "March 2026"]
    assert [s.heading for s in doc.sections] == ["1. BACKGROUND", "2. SCOPE"]
    assert_spans_exact(doc)


def test_a_lone_top_heading_is_the_title(md):
    doc = md("""
        # Statement of Work
        Prepared for Acme.
        ## Scope
        We build it.
        ## Fees
        Money.
    """)
    assert doc.meta.title == "Statement of Work"
    assert [(s.level, s.heading) for s in doc.sections] == [(1, "Scope"), (1, "Fees")]
    assert [b.text for b in doc.preamble.blocks] == ["Prepared for Acme."]
    assert_spans_exact(doc)


def test_control_and_bidi_characters_are_dropped(md):
    doc = md("## Scope\nWe build\u202e the\x07 site.\n")
    assert blocks(doc) == [("paragraph", 0, "We build the site.")]


# -- line and column ------------------------------------------------------------------------------


def test_line_of_and_column_of(md):
    doc = md("""
        ## Scope
        We build it.
        - Design the site
    """)
    assert doc.text == "Scope\nWe build it.\nDesign the site"
    offset = doc.text.index("the site")
    assert (doc.line_of(offset), doc.column_of(offset)) == (3, len("Design ") + 1)
    assert (doc.line_of(0), doc.column_of(0)) == (1, 1)
    newline = doc.text.index("\n")
    assert (doc.line_of(newline + 1), doc.column_of(newline + 1)) == (2, 1)
    assert doc.section_at(offset).heading == "Scope"


# -- files ----------------------------------------------------------------------------------------


def test_read_document_md_and_txt(tmp_path):
    (tmp_path / "sow.md").write_text("## Scope\n\nWe build it.\n<!-- a hidden note -->\n", encoding="utf-8")
    doc = read_document(tmp_path / "sow.md")
    assert (doc.format, doc.path) == ("md", str(tmp_path / "sow.md"))
    assert "hidden" not in doc.text
    (tmp_path / "sow.txt").write_text("SCOPE\n\nWe build it.\n", encoding="utf-8")
    assert read_document(tmp_path / "sow.txt").format == "txt"


@pytest.mark.parametrize(("raw", "expected"), [
    ("## Scope\n\nCafé déjà vu.\n".encode("utf-8-sig"), "Café déjà vu."),
    ("## Scope\n\nCafé – “quoted”.\n".encode("cp1252"), "Café – “quoted”."),
    ("## Scope\n\nCafé.\n".encode("utf-16"), "Café."),
    (b"## Scope\r\n\r\nWindows lines.\r\n", "Windows lines."),
])
def test_encodings(tmp_path, raw, expected):
    path = tmp_path / "sow.md"
    path.write_bytes(raw)
    doc = read_document(path)
    assert [b.text for b in doc.blocks()] == [expected]


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01\x02binary\x00", "looks like a binary file"),
    (b"   \n\n\t\n", "the file has no text"),
    (b"", "the file is empty"),
])
def test_unreadable_text_files(tmp_path, content, message):
    path = tmp_path / "sow.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_document(path)


def test_character_limit(tmp_path):
    path = tmp_path / "sow.md"
    path.write_text("## Scope\n\n" + "word " * 100, encoding="utf-8")
    with pytest.raises(ReadError, match="characters is over the 50-character limit"):
        read_document(path, ReadLimits(max_chars=50))
