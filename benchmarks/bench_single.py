"""Times `sowlint --format json FILE` as a whole process, the way a pre-send hook runs it.

Usage:
    python benchmarks/bench_single.py [--repeat 9] [FILE ...]

Defaults to the two documents the target names (a .docx and the 46-page GSA PDF from
../shared/corpora/real; target: under 1.0 s each).  Baselines, run alternately with sowlint so that
machine noise falls on all of them (the figures are medians):
- `spaCy alone`: a process that only imports spaCy and builds the blank English pipeline, the floor
  any spaCy-based linter starts from;
- `no helper`: sowlint with SOWLINT_NO_FORK=1, reading the file and loading the rules after spaCy's
  import instead of beside it;
- `no rule cache`: sowlint with SOWLINT_NO_CACHE=1, loading and checking every rule file as a first
  run does (the main figure uses the cache, which the first round fills);
- `--against CHECKOUT`: the same document linted by another checkout of sowlint (`git worktree add
  /tmp/base REV`), with this interpreter, so a change is measured as a ratio on the same machine.
It also says whether sowlint's modules have bytecode: an editable install under
PYTHONDONTWRITEBYTECODE=1 compiles every module on every run (~0.1-0.2 s more).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpora" / "real"
DEFAULT = [REAL / "techuz-servesense-brd-sow-v2.docx", REAL / "gsa-it-services-sow-pws-template.pdf"]
SPACY_ALONE = "from sowlint.nlp.pipeline import load; load(); import os; os._exit(0)"

from bench_batch import timed  # noqa: E402 - this folder, beside this script


def bytecode_status() -> str:
    import sowlint

    package = Path(sowlint.__file__).parent
    modules = [p for p in package.rglob("*.py")]
    tag = sys.implementation.cache_tag
    compiled = sum(1 for p in modules if (p.parent / "__pycache__" / f"{p.stem}.{tag}.pyc").exists())
    return f"{compiled} of {len(modules)} sowlint modules have bytecode ({package})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--against", type=Path, metavar="CHECKOUT",
                    help="another sowlint checkout (e.g. `git worktree add /tmp/base main~3`), run side by side")
    args = ap.parse_args()
    script = Path(sys.executable).parent / "sowlint"
    sowlint = [str(script)] if script.exists() else [sys.executable, "-m", "sowlint"]
    plain = {k: v for k, v in os.environ.items() if k not in ("SOWLINT_NO_FORK", "SOWLINT_NO_CACHE")}
    runs = {"spaCy alone": ([sys.executable, "-c", SPACY_ALONE], plain)}
    for f in args.files:
        runs[f.name] = (sowlint + ["--format", "json", str(f)], plain)
        runs[f"{f.name} (no helper)"] = (sowlint + ["--format", "json", str(f)], {**plain, "SOWLINT_NO_FORK": "1"})
        runs[f"{f.name} (no rule cache)"] = (sowlint + ["--format", "json", str(f)], {**plain, "SOWLINT_NO_CACHE": "1"})
        if args.against:
            # Run from the other checkout's folder: `python -m` puts the working folder first on the
            # import path, so run from this checkout it would quietly time this checkout's own code.
            other = {**plain, "PYTHONPATH": str(args.against.resolve())}
            runs[f"{f.name} (against)"] = ([sys.executable, "-m", "sowlint", "--format", "json", str(f.resolve())],
                                           other)
    cwd = {name: args.against.resolve() if name.endswith("(against)") else None for name in runs}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, (cmd, env) in runs.items():  # alternate: each round runs everything once
            times[name].append(timed(cmd, env, cwd[name]))
    med = {name: statistics.median(t) for name, t in times.items()}
    print(f"whole-process runs, median of {args.repeat} (min-max); {bytecode_status()}:")
    for name, t in med.items():
        print(f"  {t:6.3f} s  ({min(times[name]):.3f}-{max(times[name]):.3f})  {name}")
    for f in args.files:
        t = med[f.name]
        verdict = "met" if t < 1.0 else "NOT met"
        cold = med[f"{f.name} (no rule cache)"]
        print(f"  {f.name}: {t:.3f} s ({cold:.3f} s without the rule cache), target < 1.0 s {verdict}; "
              f"x{t / med['spaCy alone']:.2f} of spaCy alone, x{t / med[f'{f.name} (no helper)']:.2f} of the run "
              f"without the helper")
        if args.against:
            print(f"  {f.name}: x{t / med[f'{f.name} (against)']:.3f} of {args.against} (same rounds, alternated)")


if __name__ == "__main__":
    main()
