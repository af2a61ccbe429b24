"""Times reading: every real document, a generated 50-page .docx and the 46-page GSA PDF, per stage.

Usage: python benchmarks/bench_read.py [--corpus ../shared/corpora/real] [--repeat 5]
Prints medians; the targets (issue 2) are < 0.15 s for the 50-page .docx and < 0.6 s for the PDF.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "real"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    corpus = Path(args.corpus)

    from sowlint.engine.context import LintContext
    from sowlint.readers import read_document

    read_document(ROOT / "corpora" / "src" / next(p.name for p in (ROOT / "corpora" / "src").glob("*.md")))  # warm imports
    print("== reading (median of", args.repeat, "runs, imports excluded) ==")
    rows = []
    if corpus.is_dir():
        for path in sorted(corpus.iterdir()):
            if path.suffix.lower() in (".docx", ".pdf", ".md", ".txt"):
                rows.append((path.name, median_time(lambda p=path: read_document(p), args.repeat)))
        total = sum(t for _n, t in rows)
        for name, t in sorted(rows, key=lambda r: -r[1])[:10]:
            print(f"  {t * 1000:8.1f} ms  {name}")
        print(f"  {total * 1000:8.1f} ms  all {len(rows)} real documents")
        gsa = corpus / "gsa-it-services-sow-pws-template.pdf"
        if gsa.exists():
            t = dict(rows)[gsa.name]
            print(f"  gsa-it-services-sow-pws-template.pdf (46 pages): {t:.3f} s  target < 0.6 s  "
                  f"ratio {t / 0.6:.2f}")
    from fixtures_docx import make_large_docx

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "fifty-pages.docx"
        make_large_docx(big)
        t = median_time(lambda: read_document(big), args.repeat)
        doc = read_document(big)
        print(f"  generated 50-page .docx ({doc.meta.words} words): {t:.3f} s  target < 0.15 s  ratio {t / 0.15:.2f}")
        t_nlp = median_time(lambda: LintContext(doc).sentences, args.repeat)
        print(f"  spaCy pass on it (tokens, sentences, lemmas): {t_nlp:.3f} s "
              f"({doc.meta.words / t_nlp / 1000:.0f}k words/s)")
        from sowlint.nlp.owner import find_obligation
        from sowlint.nlp.parties import default_parties
        from sowlint.timeline import build_timeline

        t_timeline = median_time(lambda: build_timeline(doc), args.repeat)
        print(f"  timeline extraction on it: {t_timeline * 1000:.1f} ms  (was a 100 ms test budget for 20k words)")
        sentences = [s.text for s in LintContext(doc).sentences]
        parties = default_parties()
        t_owner = median_time(lambda: [find_obligation(s, parties) for s in sentences], args.repeat)
        print(f"  obligation owner: {t_owner / len(sentences) * 1e6:.0f} us per sentence over {len(sentences)}"
              f"  (was a 2 ms test budget)")
        from sowlint.api import lint_file

        t_lint = median_time(lambda: lint_file(big), args.repeat)
        print(f"  full lint of it (read + nlp + all rules): {t_lint:.3f} s")

    print("== whole process ==")
    for label, cmd in (("sowlint --help", [sys.executable, "-m", "sowlint", "--help"]),):
        t = median_time(lambda c=cmd: subprocess.run(c, capture_output=True, check=True), args.repeat)
        print(f"  {label}: {t:.3f} s  target < 0.15 s  ratio {t / 0.15:.2f}")
    for name in ("techuz-servesense-brd-sow-v2.docx", "gsa-it-services-sow-pws-template.pdf"):
        if (corpus / name).exists():
            cmd = [sys.executable, "-m", "sowlint", "--format", "json", str(corpus / name)]
            t = median_time(lambda c=cmd: subprocess.run(c, capture_output=True), args.repeat)
            print(f"  sowlint --format json {name}: {t:.3f} s  target < 1.0 s  ratio {t / 1.0:.2f}")


if __name__ == "__main__":
    main()
