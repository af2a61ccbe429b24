"""Measures the default rule pack against the labelled real corpus: precision, recall, F1, specificity.

Run from the repository root::

    .venv/bin/python benchmarks/accuracy.py                 # ../shared/corpora/real
    .venv/bin/python benchmarks/accuracy.py --corpus DIR --details

A document is *positive* when the risk is present according to ``labels.yaml``:

* ``exclusions``: ``has_exclusions.value`` is false; predicted by an ``exclusions`` finding of severity error;
* ``client-inputs``: ``has_client_inputs.value`` is false; predicted by a ``client-inputs`` error;
* ``day-one-dependency``: ``day_one_dependency.value`` is true; predicted by a ``day-one-dependency`` error
  (the info-level rule, a dependency that states its consequence, is not the labelled risk);
* ``timeline``: ``timeline_risk.at_risk`` is true; predicted by a ``timeline`` finding tagged schedule-risk,
  see ``TIMELINE`` below.

Soft promises are labelled as verbatim phrases.  A phrase is *found* when a ``soft-promise`` finding's
evidence covers most of its words (after collapsing whitespace); a finding is *on a label* when it covers
one of the document's labelled phrases.  Documents without a text layer (``text_layer: false``) are skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "real"

# The floors tests/test_accuracy_floor.py holds the pack to on this development set.
FLOORS = {
    "exclusions": {"f1": 0.85, "specificity": 0.70},
    "client-inputs": {"f1": 0.85, "specificity": 0.70},
    "soft-promise": {"recall": 0.70, "on_label": 0.50},
}
COVER_SHARE = 0.6  # "most of its words": at least this share of a labelled phrase's words


def _false(label: dict, key: str) -> bool | None:
    value = (label.get(key) or {}).get("value")
    return None if not isinstance(value, bool) else not value


def _true(label: dict, key: str) -> bool | None:
    value = (label.get(key) or {}).get("value")
    return value if isinstance(value, bool) else None


def _at_risk(label: dict) -> bool | None:
    value = (label.get("timeline_risk") or {}).get("at_risk")
    return value if isinstance(value, bool) else None


# category -> (is the risk present per the label (None = unlabelled), severities that predict it)
CATEGORIES = {
    "exclusions": (lambda label: _false(label, "has_exclusions"), ("error",)),
    "client-inputs": (lambda label: _false(label, "has_client_inputs"), ("error",)),
    "day-one-dependency": (lambda label: _true(label, "day_one_dependency"), ("error",)),
}
# TIMELINE: a document is predicted at risk by a timeline finding whose rule is tagged "schedule-risk"
# (the schedule cannot hold: no timeline, phases over the total, too short, fixed dates that depend on
# others).  Drafting warnings such as a missing buffer or an unstated review turnaround are reported to
# users but are not what `timeline_risk.at_risk` labels.
TIMELINE = ("timeline", _at_risk, ("error", "warning"))
SCHEDULE_RISK_TAG = "schedule-risk"


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)  # "FP name" / "FN name", for --details

    def add(self, actual: bool, predicted: bool, name: str) -> None:
        if actual and predicted:
            self.tp += 1
        elif actual:
            self.fn += 1
            self.misses.append(f"FN {name}")
        elif predicted:
            self.fp += 1
            self.misses.append(f"FP {name}")
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def specificity(self) -> float:
        return _ratio(self.tn, self.tn + self.fp)

    @property
    def baseline_f1(self) -> float:
        """F1 of flagging every document: precision = prevalence, recall = 1."""
        positives = self.tp + self.fn
        return _ratio(2 * positives, 2 * positives + self.fp + self.tn)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "specificity": round(self.specificity, 3),
                "baseline_f1": round(self.baseline_f1, 3)}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass
class SoftPromiseScore:
    phrases: int = 0
    found: int = 0
    findings: int = 0
    on_label: int = 0
    missed: list[str] = field(default_factory=list)  # "doc: phrase"
    stray: list[str] = field(default_factory=list)  # "doc: evidence" of findings on no label

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.phrases)

    @property
    def on_label_share(self) -> float:
        return _ratio(self.on_label, self.findings)

    def as_dict(self) -> dict:
        return {"phrases": self.phrases, "found": self.found, "recall": round(self.recall, 3),
                "findings": self.findings, "on_label": self.on_label,
                "on_label_share": round(self.on_label_share, 3)}


@dataclass
class Evaluation:
    documents: int
    skipped: list[str]  # no text layer, unlabelled
    unreadable: list[str]  # reader errors: "name: message"
    categories: dict[str, Confusion]
    soft_promise: SoftPromiseScore
    timeline: Confusion | None
    seconds: float

    def as_dict(self) -> dict:
        return {
            "documents": self.documents, "skipped": self.skipped, "unreadable": self.unreadable,
            "categories": {k: v.as_dict() for k, v in self.categories.items()},
            "timeline": self.timeline.as_dict() if self.timeline else None,
            "soft_promise": self.soft_promise.as_dict(), "seconds": round(self.seconds, 2),
        }


# -- soft-promise phrase matching -------------------------------------------------------------
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(" ".join(text.split()).lower().replace("’", "'"))


def covers(evidence: str, phrase: str) -> bool:
    """Does ``evidence`` cover most of ``phrase``'s words?  Also true when, spaces removed, one holds the other.

    The spaceless comparison is for text extracted without inter-word spaces (the labels quote some
    PDFs exactly as extracted, "Thecontractorshall...").
    """
    squeeze_e = "".join(_words(evidence))
    squeeze_p = "".join(_words(phrase))
    if squeeze_p and squeeze_e and (squeeze_p in squeeze_e or (len(squeeze_e) > 20 and squeeze_e in squeeze_p)):
        return True
    wanted = Counter(_words(phrase))
    if not wanted:
        return False
    have = Counter(_words(evidence))
    hit = sum(min(n, have[w]) for w, n in wanted.items())
    return hit / sum(wanted.values()) >= COVER_SHARE


def score_soft_promises(score: SoftPromiseScore, name: str, phrases: list[str], evidences: list[str]) -> None:
    score.phrases += len(phrases)
    score.findings += len(evidences)
    for phrase in phrases:
        if any(covers(e, phrase) for e in evidences):
            score.found += 1
        else:
            score.missed.append(f"{name}: {phrase}")
    for evidence in evidences:
        if any(covers(evidence, p) for p in phrases):
            score.on_label += 1
        else:
            score.stray.append(f"{name}: {evidence}")


# -- the run ----------------------------------------------------------------------------------
def load_labels(corpus: Path) -> dict[str, dict]:
    import yaml

    path = corpus / "labels.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no labels file")
    return yaml.safe_load(path.read_text(encoding="utf-8"))["labels"]


def evaluate(corpus: Path = DEFAULT_CORPUS, jobs: int = 1) -> Evaluation:
    """Lint every labelled document of ``corpus`` with the default pack and score the findings."""
    from sowlint.api import lint

    corpus = Path(corpus)
    labels = load_labels(corpus)
    skipped, files = [], []
    for name, label in sorted(labels.items()):
        path = corpus / name
        if label.get("text_layer") is False or not path.is_file():
            skipped.append(name)
        else:
            files.append(path)
    started = time.perf_counter()
    report = lint(files, jobs=jobs)
    seconds = time.perf_counter() - started
    has_timeline_rules = any(r.category == "timeline" for r in report.rules)
    confusions = {c: Confusion() for c in CATEGORIES}
    timeline = Confusion() if has_timeline_rules else None
    soft = SoftPromiseScore()
    unreadable = []
    for result in report.documents:
        name = Path(result.path).name
        if result.error:
            unreadable.append(f"{name}: {result.error}")
            continue
        label = labels[name]
        measured = [(c, *CATEGORIES[c]) for c in CATEGORIES]
        if timeline is not None:
            measured.append(TIMELINE)
        for category, actual_of, severities in measured:
            actual = actual_of(label)
            if actual is None:
                continue
            predicted = any(f.category == category and f.severity in severities
                            and (category != "timeline" or SCHEDULE_RISK_TAG in f.tags) for f in result.findings)
            (timeline if category == "timeline" else confusions[category]).add(actual, predicted, name)
        evidences = [f.evidence for f in result.findings if f.category == "soft-promise"]
        score_soft_promises(soft, name, list(label.get("soft_promises") or []), evidences)
    return Evaluation(len(files), skipped, unreadable, confusions, soft, timeline, seconds)


def floor_failures(ev: Evaluation) -> list[str]:
    """Every floor the evaluation misses, as one line each ("exclusions f1 0.81 < 0.85")."""
    out = []
    for category in ("exclusions", "client-inputs"):
        c = ev.categories[category]
        for metric, floor in FLOORS[category].items():
            value = getattr(c, metric)
            if value < floor:
                out.append(f"{category} {metric} {value:.2f} < {floor:.2f}")
    sp = ev.soft_promise
    if sp.recall < FLOORS["soft-promise"]["recall"]:
        out.append(f"soft-promise recall {sp.recall:.2f} < {FLOORS['soft-promise']['recall']:.2f}")
    if sp.on_label_share < FLOORS["soft-promise"]["on_label"]:
        out.append(f"soft-promise on-label share {sp.on_label_share:.2f} < {FLOORS['soft-promise']['on_label']:.2f}")
    return out


def render(ev: Evaluation, details: bool = False) -> str:
    lines = [f"{ev.documents} documents linted in {ev.seconds:.1f} s; skipped (no text layer or file): "
             f"{', '.join(ev.skipped) or 'none'}"]
    if ev.unreadable:
        lines.append("unreadable: " + "; ".join(ev.unreadable))
    lines.append("")
    lines.append(f"{'category':20} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3}  {'prec':>5} {'recall':>6} "
                 f"{'F1':>5} {'spec':>5}  {'flag-all F1':>11}")
    rows = list(ev.categories.items()) + [("timeline", ev.timeline)]
    for name, c in rows:
        if c is None:
            lines.append(f"{name:20} (no timeline rules in the pack yet)")
            continue
        lines.append(f"{name:20} {c.tp:3} {c.fp:3} {c.fn:3} {c.tn:3}  {c.precision:5.2f} {c.recall:6.2f} "
                     f"{c.f1:5.2f} {c.specificity:5.2f}  {c.baseline_f1:11.2f}")
    sp = ev.soft_promise
    lines.append("")
    lines.append(f"soft-promise: {sp.found}/{sp.phrases} labelled phrases found (recall {sp.recall:.2f}); "
                 f"{sp.on_label}/{sp.findings} findings on labelled phrases ({sp.on_label_share:.2f})")
    failures = floor_failures(ev)
    lines.append("floors: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    if details:
        for name, c in rows:
            if c is not None and c.misses:
                lines.append(f"\n{name}: " + ", ".join(c.misses))
        lines.append("\nsoft-promise phrases missed:")
        lines.extend("  " + m for m in sp.missed)
        lines.append("\nsoft-promise findings on no labelled phrase:")
        lines.extend("  " + s for s in sp.stray)
    return "\n".join(lines)


def planted_report(folder: Path = REPO / "corpora") -> list[str]:
    """The project's own samples (corpora/planted.yaml): planted categories missed, must_not_fire broken."""
    import yaml

    from sowlint.api import lint

    docs = yaml.safe_load((folder / "planted.yaml").read_text(encoding="utf-8"))["documents"]
    lines = []
    for name, doc in docs.items():
        result = lint(folder / f"{name}.docx").documents[0]
        found = {f.category for f in result.findings}
        missed = sorted({p["category"] for p in doc["planted"]} - found)
        broken = sorted(set(doc.get("must_not_fire") or []) & found)
        lines.append(f"{name:32} missed: {', '.join(missed) or '-':40} must_not_fire broken: {', '.join(broken) or '-'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with labels.yaml")
    parser.add_argument("--jobs", type=int, default=1, help="documents linted in parallel")
    parser.add_argument("--details", action="store_true", help="list misses and stray findings")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--planted", action="store_true", help="also check corpora/planted.yaml (the .docx samples)")
    args = parser.parse_args(argv)
    if not (args.corpus / "labels.yaml").is_file():
        print(f"{args.corpus}: no labels.yaml here", file=sys.stderr)
        return 2
    ev = evaluate(args.corpus, args.jobs)
    print(json.dumps(ev.as_dict(), indent=2) if args.json else render(ev, args.details))
    if args.planted:
        print("\nplanted samples (corpora/planted.yaml):")
        print("\n".join(planted_report()))
    return 1 if floor_failures(ev) else 0


if __name__ == "__main__":
    sys.exit(main())
