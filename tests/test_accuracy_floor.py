"""The default rule pack holds its accuracy floors on the labelled real corpus (../shared/corpora/real).

The floors live in benchmarks/accuracy.py (FLOORS, CEILINGS), per set of documents, so that the
benchmark and this test can never disagree about them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "real"


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("sowlint_accuracy", REPO / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


accuracy = _load_benchmark()

needs_corpus = pytest.mark.skipif(not (CORPUS / "labels.yaml").is_file(),
                                  reason="../shared/corpora/real is not here")


@pytest.fixture(scope="module")
def evaluation():
    return accuracy.evaluate(CORPUS)


def _scopes(ev):
    return {"all": ev.total, **{f"batch {b}": sc for b, sc in ev.batches.items()}}


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("scope", sorted(set(accuracy.FLOORS) | set(accuracy.CEILINGS)))
def test_floors_hold(evaluation, scope):
    failures = [f for f in accuracy.floor_failures(evaluation) if f.startswith(f"{scope}:")]
    scores = _scopes(evaluation)[scope]
    misses = {c: v.misses for c, v in scores.categories.items()}
    kinds = {k: v.as_dict() for k, v in scores.timeline_kinds.items()}
    assert not failures, f"{failures}\nmisses: {misses}\ntimeline: {scores.timeline.misses}\nkinds: {kinds}"


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("category", ["exclusions", "client-inputs", "timeline"])
def test_better_than_flagging_every_document(evaluation, category):
    c = evaluation.timeline if category == "timeline" else evaluation.categories[category]
    assert c.f1 > c.baseline_f1, f"{category}: F1 {c.f1:.2f} <= flag-all {c.baseline_f1:.2f}"


@needs_corpus
@pytest.mark.corpus
def test_both_batches_are_measured(evaluation):
    labels = accuracy.load_labels(CORPUS)
    assert set(evaluation.batches) == {accuracy.batch_of(label) for label in labels.values()}
    assert sum(sc.documents for sc in evaluation.batches.values()) == evaluation.total.documents


@needs_corpus
@pytest.mark.corpus
def test_scanned_pdf_without_text_layer_is_skipped(evaluation):
    labels = accuracy.load_labels(CORPUS)
    no_text = [name for name, label in labels.items() if label.get("text_layer") is False]
    assert no_text and set(no_text) <= set(evaluation.skipped)
    assert evaluation.documents == len(labels) - len(evaluation.skipped)


def test_covers_needs_most_of_the_phrase():
    phrase = "the Contractor shall perform all necessary transition activities"
    assert accuracy.covers("The Contractor shall perform all necessary transition activities.", phrase)
    assert accuracy.covers("Also,   the contractor shall perform all\nnecessary transition activities for you", phrase)
    assert not accuracy.covers("all necessary", phrase)
    assert not accuracy.covers("", phrase)


def test_covers_compares_spaceless_extraction():
    assert accuracy.covers("The contractor shall use open source technologies wherever possible",
                           "Thecontractorshalluseopensourcetechnologies whereverpossible")


def test_confusion_figures():
    c = accuracy.Confusion()
    for actual, predicted in [(True, True), (True, True), (True, False), (False, True), (False, False)]:
        c.add(actual, predicted, "doc")
    assert (c.tp, c.fp, c.fn, c.tn) == (2, 1, 1, 1)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 3)
    assert c.f1 == pytest.approx(2 / 3)
    assert c.specificity == pytest.approx(1 / 2)
    assert c.baseline_f1 == pytest.approx(2 * 3 / (2 * 3 + 2))  # 3 positives of 5, flag all: P=0.6, R=1


def test_soft_promise_score_counts_found_and_stray():
    score = accuracy.SoftPromiseScore()
    accuracy.score_soft_promises(score, "d", ["unlimited design revisions", "we can easily add a blog"],
                                 ["Every design comes with unlimited design revisions", "as needed"])
    assert (score.found, score.phrases, score.on_label, score.findings) == (1, 2, 1, 2)
    assert score.missed == ["d: we can easily add a blog"]


def test_floor_failures_name_the_scope_and_figure():
    scores = accuracy.Scores(timeline=accuracy.Confusion())
    for actual, predicted in [(True, False), (False, True)]:
        scores.categories["exclusions"].add(actual, predicted, "doc")
    ev = accuracy.Evaluation(2, [], [], scores, {2: scores}, 0.0)
    failures = accuracy.floor_failures(ev)
    assert f"batch 2: exclusions.f1 0.00 < {accuracy.FLOORS['batch 2']['exclusions.f1']:.2f}" in failures
    assert "all: day-one-dependency.tp 0.00 < 4.00" in failures
    assert not any(f.startswith("batch 1:") for f in failures)  # no batch-1 documents in this run


def test_ceilings_catch_false_alarms():
    scores = accuracy.Scores(timeline=accuracy.Confusion())
    for _ in range(3):
        scores.categories["day-one-dependency"].add(False, True, "doc")
    ev = accuracy.Evaluation(3, [], [], scores, {}, 0.0)
    assert "all: day-one-dependency.fp 3.00 > 2.00" in accuracy.floor_failures(ev)
