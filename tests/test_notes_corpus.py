"""Per-commitment outcome accuracy of --notes on the team's handoff corpus (corpora/handoff/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import notes_accuracy  # noqa: E402


def test_outcome_accuracy_holds_its_floor():
    score = notes_accuracy.evaluate()
    assert score.total >= 140  # every labelled commitment is counted, extracted or not
    assert score.accuracy >= notes_accuracy.FLOOR, notes_accuracy.table(score) + "\n" + "\n".join(score.errors)


def test_every_outcome_is_represented_and_mostly_right():
    score = notes_accuracy.evaluate()
    for outcome in notes_accuracy.OUTCOMES:
        total = sum(n for (e, _p), n in score.confusion.items() if e == outcome)
        right = score.confusion[(outcome, outcome)]
        assert total >= 6 and right / total >= 0.75, (outcome, right, total)


def test_sentences_that_are_not_commitments_are_not_reported():
    assert notes_accuracy.evaluate().false_commitments == []
