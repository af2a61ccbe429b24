"""Times `--format docx`: writing the reviewed copy (comments anchored, runs split) of each .docx, lint excluded.

Usage: python benchmarks/bench_review_docx.py [--corpus ../shared/corpora/real] [--repeat 3]
Prints, per document, its words, findings and the median time to build the reviewed copy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "real"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from sowlint.reporters import docx as reviewer
    from sowlint.run.lint import lint

    paths = sorted((ROOT / "corpora").glob("*.docx")) + sorted(Path(args.corpus).glob("*.docx"))
    for path in paths:
        report = lint(str(path), keep_documents=True)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            reviewer.render(report)
            times.append(time.perf_counter() - start)
        doc = report.documents[0]
        print(f"{path.name:48s} {doc.meta.get('words', 0):6d} words {len(doc.findings):3d} findings "
              f"{statistics.median(times) * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
