"""How a one-document run grows with the document: .pdf, .docx and .md at 1x, 4x and 16x.

Usage:
    python benchmarks/bench_scaling.py [--repeat 3] [--kinds pdf,docx,md] [--keep DIR] [--against CHECKOUT]

The documents are generated from the real SOW text in ../shared/corpora/real (scaling_docs.py):
- pdf: 19, 75 and 300 pages of ordinary text (about 400 words a page), rendered with reportlab;
- docx: a short SOW around one table of 625, 2,500 and 10,000 rows, written with python-docx;
- md: whole real .md/.txt documents one after another, 5,000, 20,000 and 80,000 words.

Each run is `sowlint --format json FILE` in a fresh process; its wall time and peak RSS (ru_maxrss of
that child, from os.wait4) are taken, and the runs alternate so machine noise falls on all sizes.
Figures are medians.  The growth exponent is the least-squares slope of log(time) on log(size):
`whole` fits whole-process times, `work` fits them less a process that only starts spaCy (the fixed
start-up every run pays), which shows the growth of sowlint's own work; the CPU-time fit (the process
and its helper, less spaCy alone's) is the one least disturbed by other load on the machine.  Targets (issue 19): exponent
<= 1.15 per kind; the 300-page PDF within 4x of the 46-page GSA PDF as whole processes side by side;
its peak RSS <= 300 MB.  `--against` runs another checkout (PYTHONPATH) on the same files alternately.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scaling_docs  # noqa: E402 - this folder, beside this script

REAL_46_PAGES = scaling_docs.REAL / "gsa-it-services-sow-pws-template.pdf"
FACTORS = (1, 4, 16)
BASE = {"pdf": 300 / 16, "docx": 10_000 / 16, "md": 80_000 / 16}  # pages, table rows, words at 1x
UNITS = {"pdf": "pages", "docx": "rows", "md": "words"}
SPACY_ALONE = "from sowlint.nlp.pipeline import load; load(); import os; os._exit(0)"


def run(cmd: list[str], env: dict | None = None, may_fail: bool = False, cwd: Path | None = None
        ) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one process and the helper it waits for; a failed
    run (exit not 0 or 1) stops the benchmark, or gives NaN when ``may_fail`` (an older checkout that
    cannot lint a 2M-character table)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        if may_fail:
            return math.nan, math.nan, math.nan
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.strip()[:300]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KB on Linux


def slope(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) on log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-3)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def generate(folder: Path, kinds: list[str]) -> dict[tuple[str, int], Path]:
    files = {}
    for kind in kinds:
        for factor in FACTORS:
            path = folder / f"scale-{factor}x.{kind}"
            if not path.exists():
                # In a child process: ru_maxrss of a later child counts the memory its parent had when
                # it forked, so this process stays small (no reportlab, no python-docx).
                subprocess.run([sys.executable, str(HERE / "scaling_docs.py"), kind, str(round(BASE[kind] * factor)),
                                str(path)], check=True)
            files[kind, factor] = path
    return files


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kinds", default="pdf,docx,md")
    ap.add_argument("--keep", type=Path, help="write (and reuse) the generated documents here")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT", help="another sowlint checkout, run alternately")
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sowlint-scaling-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    files = generate(folder, kinds)
    print(f"documents in {folder} (generated in {time.perf_counter() - started:.1f} s)")

    script = Path(sys.executable).parent / "sowlint"
    sowlint = [str(script)] if script.exists() else [sys.executable, "-m", "sowlint"]
    env = {k: v for k, v in os.environ.items() if k not in ("SOWLINT_NO_FORK", "SOWLINT_NO_CACHE")}
    runs: dict[str, tuple[list[str], dict]] = {"spaCy alone": ([sys.executable, "-c", SPACY_ALONE], env)}
    if REAL_46_PAGES.exists() and "pdf" in kinds:
        runs["46-page GSA PDF"] = (sowlint + ["--format", "json", str(REAL_46_PAGES)], env)
    for (kind, factor), path in files.items():
        runs[f"{kind} {factor}x"] = (sowlint + ["--format", "json", str(path)], env)
    if args.against:
        other = {**env, "PYTHONPATH": str(args.against.resolve())}
        for name, (cmd, _env) in list(runs.items()):
            if name != "spaCy alone":
                runs[f"{name} (against)"] = ([sys.executable, "-m", "sowlint", *cmd[len(sowlint):]], other)
    # `python -m` puts the working folder first on sys.path: the other checkout runs from its own folder.
    cwd = {name: args.against.resolve() if name.endswith("(against)") else None for name in runs}
    for name, (cmd, e) in runs.items():  # a first round fills the rule cache and the page cache
        run(cmd, e, may_fail=name.endswith("(against)"), cwd=cwd[name])
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    rss: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, (cmd, e) in runs.items():
            t, c, m = run(cmd, e, may_fail=name.endswith("(against)"), cwd=cwd[name])
            times[name].append(t)
            cpus[name].append(c)
            rss[name].append(m)
    med = {name: statistics.median(t) for name, t in times.items()}
    cpu = {name: statistics.median(t) for name, t in cpus.items()}
    peak = {name: max(m) for name, m in rss.items()}
    floor = med["spaCy alone"]
    print(f"\nwhole-process runs, median of {args.repeat}; spaCy alone {floor:.2f} s, {peak['spaCy alone']:.0f} MB")
    for suffix in ("",) + ((" (against)",) if args.against else ()):
        label = "this checkout" if not suffix else str(args.against)
        print(f"\n{label}:")
        print(f"  {'kind':5} {'size':>14} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
        for kind in kinds:
            for factor in FACTORS:
                name = f"{kind} {factor}x{suffix}"
                size = f"{round(BASE[kind] * factor):,} {UNITS[kind]}"
                print(f"  {kind:5} {size:>14} {med[name]:8.2f} {cpu[name]:8.2f} {peak[name]:8.0f}")
            whole = slope(list(FACTORS), [med[f"{kind} {f}x{suffix}"] for f in FACTORS])
            work = slope(list(FACTORS), [med[f"{kind} {f}x{suffix}"] - floor for f in FACTORS])
            cpu_work = slope(list(FACTORS), [cpu[f"{kind} {f}x{suffix}"] - cpu["spaCy alone"] for f in FACTORS])
            verdict = "met" if whole <= 1.15 else "NOT met"
            print(f"  {kind}: growth exponent {whole:.2f} whole process (target <= 1.15 {verdict}), "
                  f"{work:.2f} less spaCy's start-up, {cpu_work:.2f} in CPU time less spaCy's start-up")
        if "46-page GSA PDF" in runs and "pdf" in kinds:
            big, small = med[f"pdf 16x{suffix}"], med[f"46-page GSA PDF{suffix}"]
            ratio = big / small
            print(f"  300-page PDF {big:.2f} s / 46-page GSA PDF {small:.2f} s = x{ratio:.2f} "
                  f"(target <= 4 {'met' if ratio <= 4 else 'NOT met'}); 300-page peak RSS "
                  f"{peak[f'pdf 16x{suffix}']:.0f} MB (target <= 300 {'met' if peak[f'pdf 16x{suffix}'] <= 300 else 'NOT met'})")


if __name__ == "__main__":
    main()
