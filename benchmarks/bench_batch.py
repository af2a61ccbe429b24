"""Times whole-process batch runs over the real corpus: `--jobs 2` against `--jobs 1`, and sowlint
against redline-buddy (the nearest peer: regular expressions over flat text, with a batch mode).

Usage:
    python benchmarks/bench_batch.py [--corpus ../shared/corpora/real] [--repeat 3]
                                     [--redline /path/to/redline]

redline-buddy is not a dependency: install it in a venv of its own (`pip install redline-buddy`)
and pass its `redline` executable, or have it on PATH.  Runs alternate between the tools so that
machine noise falls on both; the figures are medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict | None = None, cwd: str | Path | None = None) -> float:
    """Wall time of one run; a run that fails (exit code other than 0 or 1) stops the benchmark."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "real"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--redline", default=shutil.which("redline"), help="redline-buddy's executable")
    args = ap.parse_args()
    corpus = args.corpus
    sowlint = [sys.executable, "-m", "sowlint", "--format", "json", "-q", "--exit-zero"]
    runs = {
        "sowlint --jobs 1": sowlint + [corpus],
        "sowlint --jobs 2": sowlint + ["--jobs", "2", corpus],
    }
    if args.redline:
        runs["redline review (consulting-vendor)"] = [args.redline, "review", "--playbook", "consulting-vendor",
                                                      "--format", "json", corpus]
    else:
        print("redline-buddy not found: pass --redline PATH to compare with it")
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, cmd in runs.items():  # alternate: each round runs every tool once
            times[name].append(timed(cmd))
    med = {name: statistics.median(t) for name, t in times.items()}
    print(f"whole-process batch over {corpus} (median of {args.repeat}):")
    for name, t in med.items():
        print(f"  {t:7.2f} s  {name}   runs: {', '.join(f'{x:.2f}' for x in times[name])}")
    speedup = med["sowlint --jobs 1"] / med["sowlint --jobs 2"]
    print(f"  --jobs 2 speed-up: {speedup:.2f}x (target >= 1.7x)")
    if args.redline:
        ratio = med["sowlint --jobs 1"] / med["redline review (consulting-vendor)"]
        print(f"  sowlint / redline-buddy time ratio: {ratio:.2f} (target <= 1.0)")


if __name__ == "__main__":
    main()
