"""Long documents: cost that grows with the text (growth tests, no wall-clock budgets), and texts
longer than spaCy's max_length linted in chunks with the findings of one pass."""

from __future__ import annotations

from growth import growth

from sowlint.readers.text import read_markdown_string


def test_text_reader_grows_linearly_on_many_candidate_headings():
    # 'Section Alpha' lines each look like a heading; the reader used to copy the rest of the lines
    # for every one of them (issue 14: 0.6, 2.8, 7.4, 29.8 s for 5k-40k lines).
    def make(n: int):
        text = "Section Alpha\n\n" * n
        return lambda: read_markdown_string(text)

    assert growth(make, 20000, repeat=2) < 3.0
