"""Coverage of a statement by the SOW (shared by unaddressed promises and handoff notes)."""

from __future__ import annotations

from sowlint.engine.context import LintContext
from sowlint.engine.coverage import best_passage, content_lemmas, term, terms
from sowlint.engine.rulepack import load_rule
from sowlint.engine.runner import run_rules
from sowlint.readers.text import read_markdown_string
from sowlint.resources import default_pack_dir

DOC = """## Executive Summary
We will train all of your store managers on the new ordering system.
## Scope of Work
We will build the ordering website.
Training covers two sessions for store managers on the ordering system.
## Out of Scope
Hardware for the stores is not included.
"""


def _ctx(text: str) -> LintContext:
    return LintContext(read_markdown_string(text))


def test_terms_fold_synonyms_and_stems():
    from sowlint.engine.coverage import term

    assert term("tweak") == term("revision") == term("round")
    assert term("disposal") == term("dispose") and term("training") == term("train")


def test_content_lemmas_drop_stop_words_parties_and_modals():
    ctx = _ctx("We will train all of your store managers.")
    assert content_lemmas(ctx.nlp) == {"train", "store", "manager"}


def test_best_passage_is_the_sentence_sharing_most_content_words_in_the_given_roles():
    ctx = _ctx(DOC)
    promise = ctx.sentences[1]
    words = terms(ctx.nlp[promise.tok_start : promise.tok_end])
    passage = best_passage(ctx, words, ("scope", "exclusions"), exclude=promise)
    assert passage.sentence.text.startswith("Training covers two sessions")
    assert passage.score >= 0.33 and "staff" in passage.shared  # "managers" counts as staff
    weak = best_passage(ctx, words, ("exclusions",))  # "Hardware for the stores": only "store" in common
    assert weak.shared == (term("store"),) and weak.score < 0.33
    assert best_passage(ctx, {"invoice"}, ("scope", "exclusions")) is None


def test_unaddressed_promise_quotes_the_promise_and_the_nearest_passage():
    rule = load_rule(default_pack_dir() / "soft-promise-unaddressed.yaml")
    addressed = run_rules(read_markdown_string(DOC), [rule])
    assert addressed == []
    text = DOC.replace("Training covers two sessions for store managers on the ordering system.\n", "")
    (finding,) = run_rules(read_markdown_string(text), [rule])
    assert finding.evidence.startswith("We will train all of your store managers")
    assert finding.location.role == "background"
    assert "nothing similar" in finding.message or finding.related


def test_a_sentence_describing_the_document_is_not_a_promise():
    rule = load_rule(default_pack_dir() / "soft-promise-unaddressed.yaml")
    text = ("## Overview\nThis SOW sets out the services Acme will provide to train store managers.\n"
            "## Scope\nWe build the website.\n")
    assert run_rules(read_markdown_string(text), [rule]) == []
