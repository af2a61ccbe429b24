"""Helpers shared by the reporters: paths, severity names, ordering, safe text, span positions."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from ..document.model import Document
from ..findings.finding import CATEGORIES, SEVERITY_RANK, Finding, Location

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Info"}
RISK_LABEL = {"high": "High", "medium": "Medium", "low": "Low", "unknown": "Unknown", "unassessed": "Not assessed"}
DEFAULT_INFORMATION_URI = "https://example.invalid/sowlint"

# Bidi overrides/isolates and C0/C1 controls (tab and newline kept): document text must never
# reorder what a reviewer sees or smuggle terminal escapes into an output.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def safe_text(text: object) -> str:
    """``text`` as a string with bidi controls and control characters removed."""
    return _UNSAFE.sub("", "" if text is None else str(text))


def by_question(items: Iterable, question_of) -> dict[str, list]:
    """Each distinct reviewer question (one line, first seen first) with the items that raise it."""
    out: dict[str, list] = {}
    for item in items:
        question = one_line(question_of(item))
        if question:
            out.setdefault(question, []).append(item)
    return out


def one_line(text: object, limit: int | None = None) -> str:
    """Safe text folded onto one line, cut to ``limit`` characters with an ellipsis."""
    folded = " ".join(safe_text(text).split())
    if limit and len(folded) > limit:
        folded = folded[: limit - 1].rstrip() + "…"
    return folded


def relative_path(path: str, cwd: str | os.PathLike | None = None) -> str:
    """``path`` relative to ``cwd`` in forward-slash form when it lies under it, else as given."""
    base = Path(cwd or os.getcwd()).resolve()
    try:
        resolved = Path(path).resolve()
        return resolved.relative_to(base).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(path).as_posix()


def worst_first(findings: Iterable[Finding]) -> list[Finding]:
    """Highest severity first, then document order."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), f.sort_key))


def category_order(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by category; the group with the worst, then most, findings first."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.category, []).append(f)
    known = {c: i for i, c in enumerate(CATEGORIES)}

    def rank(item: tuple[str, list[Finding]]) -> tuple:
        name, items = item
        worst = max(SEVERITY_RANK.get(f.severity, 0) for f in items)
        return (-worst, -len(items), known.get(name, len(known)), name)

    return [(name, worst_first(items)) for name, items in sorted(groups.items(), key=rank)]


def category_title(category: str) -> str:
    """A heading for a category: "day-one-dependency" -> "Day-one dependencies", "timeline" -> "Timeline"."""
    special = {"day-one-dependency": "Day-one dependencies", "client-inputs": "Client inputs",
               "soft-promise": "Soft promises", "change-control": "Change control",
               "success-criteria": "Success criteria"}
    if category in special:
        return special[category]
    text = category.replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else "Other"


def section_label(location: Location, joiner: str = " › ") -> str:
    return joiner.join(safe_text(s) for s in location.section) if location.section else ""


def engagement_label(value: object) -> str:
    """The engagement type from ``meta["engagement"]``, which may be a name or a small dict."""
    if isinstance(value, dict):
        for key in ("label", "type", "name", "kind"):
            if value.get(key):
                return one_line(value[key])
        return ""
    return _ENGAGEMENTS.get(str(value), one_line(value)) if value else ""


_ENGAGEMENTS = {"fixed-fee": "Fixed fee", "time-and-materials": "Time and materials", "retainer": "Retainer"}


_PLACEHOLDER_TAIL = re.compile(r"\s*[:;,]?\s*\(?'?\{\w+\}'?\)?\s*$")
_PLACEHOLDER = re.compile(r"\s*\('?\{\w+\}'?\)|'?\{\w+\}'?")
_FIRES_WHEN = re.compile(r"^\s*fires\s+(?:on|when)\s+", re.I)


def rule_summary(rule) -> str:
    """A rule's message template as a sentence, without its {placeholders} (SARIF shortDescription):
    "Travel is in scope ...: {match}" -> "Travel is in scope ..."; a message that is only a placeholder
    gives the description's first sentence instead."""
    text = _PLACEHOLDER_TAIL.sub("", rule.message or "")
    text = " ".join(_PLACEHOLDER.sub("", text).split()).rstrip(" :;,")
    if not text:
        first = re.split(r"(?<=[.!?])\s", " ".join((rule.description or "").split()), maxsplit=1)[0]
        first = _FIRES_WHEN.sub("", first).rstrip(".")
        if len(first) > 120:  # a short description is short: the clause before a colon, no asides
            first = first.split(":")[0]
        if len(first) > 120:
            first = " ".join(re.sub(r"\([^()]*\)", "", first).split())
        text = first[:1].upper() + first[1:]
    return text or rule.id


def page_label(location: Location) -> str:
    """ "3", or "~3" when the page is an estimate (a .docx counted from its page breaks); "" if unknown."""
    if not location.page:
        return ""
    return f"~{location.page}" if location.page_estimated else str(location.page)


def plural(count: int | float, word: str, many: str | None = None) -> str:
    """ "1 page", "3 pages", "1 entry" / "2 entries" (``many`` for irregular plurals)."""
    return f"{count:g} {word if count == 1 else (many or word + 's')}"


def has_span(location: Location) -> bool:
    return location.start is not None and location.end is not None and location.end > location.start


def region(location: Location, document: Document | None, evidence: str = "") -> dict[str, int]:
    """Start and end of a finding in the file's own coordinates: 1-based lines, columns, end exclusive.

    Whole-document findings (no line, no span) sit at line 1.  Without the Document the end is
    estimated from the evidence when it is one line.
    """
    if document is not None and has_span(location):
        start, end = location.start, location.end
        last = end - 1  # the span's last character decides the end line, even when it is "\n"
        first_line, first_column = document.position(start)  # the file's own lines for .md and .txt
        last_line, last_column = document.position(last)
        return {
            "startLine": location.line or first_line,
            "startColumn": location.column or first_column,
            "endLine": last_line,
            "endColumn": last_column + 1,
        }
    if location.line is None:
        return {"startLine": 1}
    out = {"startLine": location.line}
    if location.column is not None:
        out["startColumn"] = location.column
        if evidence and "\n" not in evidence:
            out["endLine"] = location.line
            out["endColumn"] = location.column + len(evidence)
    return out


def project_uri(default: str = DEFAULT_INFORMATION_URI) -> str:
    """The project's homepage from the installed package metadata, so it follows pyproject.toml."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        for entry in metadata("sowlint").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("homepage", "home", "documentation") and url.strip():
                return url.strip()
    except (PackageNotFoundError, ImportError):  # running from a source tree without metadata
        pass
    return default
