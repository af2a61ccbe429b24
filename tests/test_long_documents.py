"""Long documents: cost that grows with the text (growth tests, no wall-clock budgets), and texts
longer than spaCy's max_length linted in chunks with the findings of one pass."""

from __future__ import annotations

import gc

from growth import growth as _growth

from sowlint.readers.text import read_markdown_string


def growth(make, size: int, repeat: int = 5) -> float:
    """tests/growth.py's ratio, timed with the cyclic garbage collector off: its pauses grow with every
    object alive in the test process, not with the step measured, and made a linear step look 1.5x
    worse at some sizes."""
    gc.collect()
    gc.disable()
    try:
        return _growth(make, size, repeat=repeat)
    finally:
        gc.enable()


def test_text_reader_grows_linearly_on_many_candidate_headings():
    # 'Section Alpha' lines each look like a heading; the reader used to copy the rest of the lines
    # for every one of them (issue 14: 0.6, 2.8, 7.4, 29.8 s for 5k-40k lines).
    def make(n: int):
        text = "Section Alpha\n\n" * n
        return lambda: read_markdown_string(text)

    assert growth(make, 20000, repeat=2) < 3.0


# -- spaCy's max_length: the text tokenised in pieces ---------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402

from sowlint.nlp import pipeline  # noqa: E402
from sowlint.nlp.chunks import cut_points  # noqa: E402

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "real"
SAMPLES = Path(__file__).resolve().parents[1] / "corpora"


@pytest.fixture
def small_max_length():
    """spaCy's limit lowered to a few thousand characters, so ordinary documents are cut in pieces."""
    nlp = pipeline.load()[0]
    saved = nlp.max_length
    nlp.max_length = 3000
    yield nlp
    nlp.max_length = saved


def test_cut_points_prefer_paragraph_breaks_and_keep_words_whole():
    text = "one two three\nfour five\n\nsix seven eight nine\nten eleven twelve\n\nthirteen"
    cuts = cut_points(text, 30)
    bounds = [0, *cuts, len(text)]
    assert all(b - a <= 30 for a, b in zip(bounds, bounds[1:]))
    assert text[cuts[0]:].startswith("six")  # the paragraph break, not the later line break
    for c in cuts:
        assert text[c - 1].isspace() and not text[c].isspace()
    assert cut_points("x" * 50, 20) == [20, 40]  # no white space at all: cut where the limit falls


def _tokens(doc):
    from spacy.tokens import Doc

    return doc.text, doc.to_array(list(Doc._get_array_attrs())).tolist(), [(s.start, s.end) for s in doc.sents]


def test_pieces_give_the_tokens_sentences_and_lemmas_of_one_pass(small_max_length):
    text = (SAMPLES / "website-build-fernleaf.md").read_text(encoding="utf-8") if (SAMPLES / "website-build-fernleaf.md").exists() \
        else "\n\n".join(f"## {n}. Scope\n\nThe Contractor's team won't deliver item {n}.\nThe client will review it." for n in range(200))
    text = text + "\n\n" + "A paragraph with no break at all " * 300 + "\n  indented line\n\n\ttabbed"
    pieces = pipeline.parse(text)
    small_max_length.max_length = 10**7
    whole = pipeline.parse(text)
    assert len(text) > 3000
    assert _tokens(pieces) == _tokens(whole)


@pytest.mark.corpus
@pytest.mark.skipif(not REAL.exists(), reason="needs ../shared/corpora/real")
@pytest.mark.parametrize("name", ["gsa-it-services-sow-pws-template.pdf", "18f-opm-eqip-pws.md",
                                  "techuz-servesense-brd-sow-v2.docx"])
def test_findings_in_pieces_are_the_findings_of_one_pass(name, small_max_length):
    from sowlint.api import lint_file

    small_max_length.max_length = 10**7
    whole = [f.to_dict() for f in lint_file(REAL / name).findings]
    small_max_length.max_length = 3000
    pieces = [f.to_dict() for f in lint_file(REAL / name).findings]
    assert whole and pieces == whole


def test_a_two_million_character_document_lints(tmp_path):
    # Over spaCy's max_length (1,000,000): this used to be "internal error: ValueError: [E088]".
    words = "the team will meet on monday to review the plan and agree the next steps for the work".split()
    parts = [f"Part {n}\n\n" + " ".join(words[(n + i) % len(words)] for i in range(150)) + ".\n\n"
             for n in range(2800)]
    path = tmp_path / "long.md"
    path.write_text("".join(parts), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > 2_000_000
    proc = subprocess.run([sys.executable, "-m", "sowlint", "-q", str(path)], capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    assert "E088" not in proc.stderr and "internal error" not in proc.stderr


# -- steps that were quadratic in the length of the document ---------------------------------------

def test_line_of_grows_linearly():
    from sowlint.document.model import Document, Metadata, Section

    def make(n: int):
        text = "a line of the rendition\n" * n
        doc = Document("x.md", "md", text, Section("", "", None, 0, 0, 0, 1), [], Metadata())
        offsets = range(0, len(text), 24)
        return lambda: [doc.line_of(o) for o in offsets]

    assert growth(make, 20000) < 3.0


def test_clause_start_grows_linearly():
    from sowlint.document.clauses import clause_span

    def make(n: int):
        text = "The client will supply the content promptly\n" * n  # no "|", "?" or ";" to find
        starts = range(11, len(text), 44)
        return lambda: [clause_span(text, s, s + 6) for s in starts]

    assert growth(make, 16000, repeat=2) < 3.0


def test_one_hit_per_group_and_span_grows_linearly():
    from sowlint.engine.context import Hit
    from sowlint.engine.runner import _one_per_group_and_span

    rule = SimpleNamespace(severity="warning", id="r", base=SimpleNamespace(group="g"))

    def hits(n: int):
        return [(rule, [Hit(10 * i, 10 * i + 5) for i in range(n)] + [Hit(10 * i + 2, 10 * i + 4) for i in range(n)])]

    def make(n: int):
        found = hits(n)
        return lambda: _one_per_group_and_span(found)

    kept = _one_per_group_and_span(hits(50))[0][1]
    assert [(h.start, h.end) for h in kept] == [(10 * i + 2, 10 * i + 4) for i in range(50)]  # the shorter spans win
    assert growth(make, 8000) < 3.0


def test_span_inside_a_duty_grows_linearly():
    from sowlint.engine.match import _Containing

    def make(n: int):
        duties = [SimpleNamespace(start=10 * i, end=10 * i + 8) for i in range(n)]
        inside = _Containing(duties)
        return lambda: [inside(10 * i + 1, 10 * i + 9) for i in range(n)] + [inside(10 * i + 1, 10 * i + 7) for i in range(n)]

    assert make(3)() == [False] * 3 + [True] * 3
    assert growth(make, 20000) < 3.0


def test_a_table_cell_is_located_in_time_that_grows_linearly():
    from sowlint.engine.context import LintContext

    def make(n: int):
        table = "| ID | Requirement |\n|---|---|\n" + "".join(f"| R-{i} | The contractor shall report |\n" for i in range(n))
        ctx = LintContext(read_markdown_string("## Requirements\n\n" + table))
        block = next(b for b in ctx.doc.blocks() if b.kind == "table")
        offsets = [c.start + 1 for c in block.cells()]
        return lambda: [ctx.locate(o, o + 1) for o in offsets]

    ctx = LintContext(read_markdown_string("## R\n\n| a | b |\n|---|---|\n| c | dd |\n"))
    cell = [c for b in ctx.doc.blocks() for c in b.cells()][-1]
    where = ctx.locate(cell.start + 1, cell.end)
    assert (where.row, where.col) == (cell.row, cell.col) == (1, 1)
    assert growth(make, 1000) < 3.0


def test_conditional_answers_are_looked_up_in_time_that_grows_linearly():
    from sowlint.engine.checks.conditional import _OwnAnswers, _place, _places

    def match(start: int, end: int, sentence_start: int):
        section = block = object()
        return SimpleNamespace(start=start, end=end, sentence=SimpleNamespace(start=sentence_start, block=block,
                                                                              section=section))

    own = _OwnAnswers([match(10, 20, 0), match(40, 50, 30)])
    assert [own.answer(match(t, t + 2, 100)) for t in (5, 10, 19, 20, 45)] == [False, True, True, False, True]
    assert own.answer(match(200, 202, 30))  # in an answer's sentence
    answers = [match(10, 20, 0)]
    assert _place("sentence", match(12, 13, 0)) in _places("sentence", answers)
    assert _place("section", match(12, 13, 0)) not in _places("section", answers)  # another section object

    def make(n: int):
        answers = [match(10 * i, 10 * i + 5, 10 * i) for i in range(n)]
        triggers = [match(10 * i + 7, 10 * i + 8, 10 * i + 6) for i in range(n)]

        def work():
            own, near = _OwnAnswers(answers), _places("sentence", answers)
            return [own.answer(t) or _place("sentence", t) in near for t in triggers]
        return work

    assert growth(make, 20000) < 3.0


# -- a long document is handed over by the helper before its obligations are worked out ------------

def _lint_json(path: Path, prepare_in_helper_chars: int | None, fork: bool = True) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    env.pop("SOWLINT_NO_FORK", None)
    if not fork:
        env["SOWLINT_NO_FORK"] = "1"
    setup = f"single.PREPARE_IN_HELPER_CHARS = {prepare_in_helper_chars}; " if prepare_in_helper_chars is not None else ""
    script = f"import sys; from sowlint.run import single; {setup}from sowlint.cli import run; sys.argv[0] = 'sowlint'; run()"
    return subprocess.run([sys.executable, "-c", script, "--format", "json", str(path)], capture_output=True,
                          text=True, timeout=120)


def test_where_obligations_are_worked_out_changes_nothing():
    from sowlint.run import helper

    if not helper.available():
        pytest.skip("forking is not available here")
    sample = SAMPLES / "website-build-fernleaf.docx"
    handed_early = _lint_json(sample, 0)  # as for a document over the threshold
    as_usual = _lint_json(sample, None, fork=False)
    assert handed_early.returncode == as_usual.returncode == 1
    assert handed_early.stdout == as_usual.stdout and handed_early.stdout
