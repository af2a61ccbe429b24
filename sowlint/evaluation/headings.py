"""How many of the labelled top-level headings (`sections_expected`) the readers found."""

from __future__ import annotations

import re
from pathlib import Path

_NON_WORD = re.compile(r"[\W_]+")


def norm(text: str) -> str:
    """Compare headings without case, spacing or punctuation ("5.0 PERIODOFPERFORMANCE" == "5.0 Period of Performance")."""
    return _NON_WORD.sub("", text.lower())


def heading_matches(expected: list[str], found: list[str]) -> list[bool]:
    """For each expected heading: was it found (in order-insensitive, normalised comparison)?"""
    pool = [norm(f) for f in found]
    out = []
    for e in expected:
        n = norm(e)
        hit = next((i for i, f in enumerate(pool) if f and (f == n or (len(n) >= 8 and (n in f or f in n)))), None)
        if hit is not None:
            pool[hit] = ""
        out.append(hit is not None)
    return out


def top_level_headings(doc) -> list[str]:
    return [s.heading for s in doc.sections]


def corpus_heading_recall(corpus: Path) -> tuple[float, dict[str, tuple[int, int, list[str]]]]:
    """Share of expected top-level headings found over the corpus, and per-file (found, expected, misses)."""
    import yaml

    from ..errors import ReadError
    from ..readers import read_document

    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))["labels"]
    per_file: dict[str, tuple[int, int, list[str]]] = {}
    hits = total = 0
    for name, label in sorted(labels.items()):
        expected = label.get("sections_expected") or []
        if not expected:
            continue
        try:
            doc = read_document(corpus / name)
            found = top_level_headings(doc)
        except ReadError:
            found = []
        marks = heading_matches(expected, found)
        per_file[name] = (sum(marks), len(expected), [e for e, m in zip(expected, marks) if not m])
        hits += sum(marks)
        total += len(expected)
    return (hits / total if total else 0.0), per_file
