"""Measures the timeline analysis against the labelled real corpus: precision, recall, F1, specificity.

Run from the repository root::

    .venv/bin/python benchmarks/timeline_accuracy.py                # ../shared/corpora/real
    .venv/bin/python benchmarks/timeline_accuracy.py --details      # every document, its issues and evidence
    .venv/bin/python benchmarks/timeline_accuracy.py --json         # the figures as JSON

A document is *at risk* when ``labels.yaml`` says ``timeline_risk.at_risk: true``.  It is *flagged* when
``sowlint.timeline.analyse`` returns an issue of a kind in ``RISK_KINDS``; each such kind stands for one
of the label kinds (too_short, no_buffer, fixed_dates_no_client_dependency, no_timeline).  The other issue
kinds are reported but do not make a document at risk (see ``NOT_AT_RISK`` for why).  Documents that do
not read (no text layer, a reader not installed) are listed and left out of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "real"
sys.path.insert(0, str(REPO))

from accuracy import Confusion, load_labels  # noqa: E402 - this folder, beside this script

# issue kind -> the label kind it stands for
RISK_KINDS = {
    "no_timeline": "no_timeline",
    "over_total": "too_short",  # the parts need more time than the whole, or work is dated after the period ends
    "end_before_start": "too_short",  # a range with no time in it at all
    "density": "too_short",  # more deliverables per week than can be produced and reviewed
    "short_uat": "too_short",  # acceptance testing squeezed under a week
    "fixed_dates": "fixed_dates_no_client_dependency",  # fixed dates, work waits on the client, no relief clause
}
NOT_AT_RISK = {
    "no_buffer": "the labels note back-to-back phases without calling them a risk on their own (ansible, techuz, "
                 "cbp-rvss, minitab are all not at risk)",
    "client_wait": "a client step without turnaround in a relative schedule (sprint 1, week 3) moves with the "
                   "schedule; fixed dates are what the label kind names, and fixed_dates covers them",
    "out_of_order": "an ordering slip in a list is an editing error, not a schedule too short to hold",
    "overlap": "overlapping phases are often intended parallel work",
    "past_date": "an old document date in a template or a re-issued file is common and says nothing of the plan",
    "no_stabilisation": "a missing hypercare period is a gap in scope rather than in time",
    "asap": "vague wording, reported as a finding; it does not by itself shorten the schedule",
}
FLOORS = {"f1": 0.85, "specificity": 0.70}


def evaluate(corpus: Path) -> dict:
    from sowlint.errors import SowlintError
    from sowlint.readers import read_document
    from sowlint.timeline import analyse, build_timeline

    rows, skipped = [], []
    for name, label in sorted(load_labels(corpus).items()):
        risk = label.get("timeline_risk") or {}
        if label.get("text_layer") is False or not isinstance(risk.get("at_risk"), bool):
            skipped.append((name, "no text layer or no timeline label"))
            continue
        path = corpus / name
        try:
            t0 = time.perf_counter()
            doc = read_document(path)
            t1 = time.perf_counter()
            tl = build_timeline(doc)
            issues = analyse(doc, tl)
            t2 = time.perf_counter()
        except (SowlintError, ImportError, OSError) as exc:
            skipped.append((name, f"unreadable: {exc}"))
            continue
        kinds = sorted({i.kind for i in issues})
        flagged = sorted(k for k in kinds if k in RISK_KINDS)
        rows.append({
            "document": name, "format": doc.format, "words": doc.meta.words,
            "at_risk": risk["at_risk"], "label_kinds": list(risk.get("kinds") or []),
            "confidence": risk.get("confidence", ""), "flagged": bool(flagged), "risk_issues": flagged,
            "issues": kinds, "read_ms": round((t1 - t0) * 1000, 1), "timeline_ms": round((t2 - t1) * 1000, 1),
            "evidence": [f"{i.kind}: {i.message}" for i in issues if i.kind in RISK_KINDS][:3],
        })
    return {"rows": rows, "skipped": skipped, "scores": scores(rows), "per_kind": per_kind(rows)}


def scores(rows: list[dict]) -> dict:
    confusion = Confusion()  # the same counts and ratios as benchmarks/accuracy.py's timeline row
    for r in rows:
        confusion.add(r["at_risk"], r["flagged"], r["document"])
    return {"documents": len(rows), **confusion.as_dict()}


def per_kind(rows: list[dict]) -> dict:
    """Recall per label kind (is a document with that kind flagged, and by the matching issue kind?), and for
    each issue kind how often it fires on at-risk and on not-at-risk documents."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for kind in r["label_kinds"]:
            labels[kind]["documents"] += 1
            labels[kind]["flagged"] += r["flagged"]
            labels[kind]["by_matching_issue"] += any(RISK_KINDS.get(i) == kind for i in r["risk_issues"])
    issues: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        for kind in r["issues"]:
            issues[kind]["on_at_risk" if r["at_risk"] else "on_not_at_risk"] += 1
    return {"labels": {k: dict(v) for k, v in sorted(labels.items())},
            "issues": {k: dict(v) | {"counts_as": RISK_KINDS.get(k, "-")} for k, v in sorted(issues.items())}}


def report(result: dict, details: bool) -> str:
    out = []
    for r in result["rows"]:
        mark = {(True, True): "TP", (False, True): "FP", (True, False): "FN", (False, False): "TN"}[(r["at_risk"], r["flagged"])]
        label = ",".join(r["label_kinds"]) or "-"
        low = " (low)" if r["confidence"] else ""
        out.append(f"{mark}  {r['document'][:46]:46} {r['format']:4} label={label}{low}  issues={','.join(r['issues']) or '-'}"
                   f"  [{r['timeline_ms']} ms]")
        if details:
            out.extend(f"      {e}" for e in r["evidence"])
    for name, why in result["skipped"]:
        out.append(f"--  {name[:46]:46} skipped: {why}")
    s = result["scores"]
    out.append("")
    out.append(f"documents {s['documents']}  TP {s['tp']}  FP {s['fp']}  FN {s['fn']}  TN {s['tn']}")
    out.append(f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  specificity {s['specificity']:.3f}"
               f"   (floors: F1 >= {FLOORS['f1']}, specificity >= {FLOORS['specificity']})")
    out.append("")
    out.append("label kind                          documents  flagged  by matching issue kind")
    for kind, c in result["per_kind"]["labels"].items():
        out.append(f"  {kind:34} {c.get('documents', 0):9}  {c.get('flagged', 0):7}  {c.get('by_matching_issue', 0):9}")
    out.append("issue kind          counts as                           on at-risk  on not-at-risk")
    for kind, c in result["per_kind"]["issues"].items():
        out.append(f"  {kind:17} {c['counts_as']:34} {c.get('on_at_risk', 0):10}  {c.get('on_not_at_risk', 0):14}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--details", action="store_true", help="show the issues that flagged each document")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "labels.yaml").is_file():
        print(f"no labels.yaml in {args.corpus}", file=sys.stderr)
        return 2
    result = evaluate(args.corpus)
    print(json.dumps(result, indent=2) if args.json else report(result, args.details))
    s = result["scores"]
    return 0 if s["f1"] >= FLOORS["f1"] and s["specificity"] >= FLOORS["specificity"] else 1


if __name__ == "__main__":
    sys.exit(main())
