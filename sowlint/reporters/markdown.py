"""A Markdown summary for a GitHub job summary or pull-request comment: counts, findings, questions.

Everything that comes from a document is escaped so it renders as plain text: table pipes cannot
break the table, ``<script>`` stays text, and ``@name`` or ``#12`` cannot ping people or link issues.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..findings.report import DocumentResult, Report
from .common import (RISK_LABEL, SEVERITY_LABEL, by_question, category_title, engagement_label, one_line, relative_path,
                     page_label, section_label, worst_first)

MAX_ROWS = 200  # per document; a PR comment is capped at 65,536 characters
SEVERITY_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}

# Inline markup characters, escaped with a backslash anywhere (CommonMark §2.4).
_MD_SPECIAL = frozenset("\\`*_[]|~!")
# Block markup that only counts at the start of a line: "- x", "+ x", "1. x", "2) x", "=".
_LINE_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "&#64;", "#": "&#35;"}


def escape(text: object, limit: int | None = None) -> str:
    """Document text as inert Markdown on one line (safe inside a table cell)."""
    folded = one_line(text, limit)
    out = []
    for ch in folded:
        if ch in _ENTITIES:
            # Entities rather than backslashes: "<" must never reach GitHub's HTML sanitiser as a
            # tag, and "@name" / "#12" in a client's text must not ping people or link issues.
            out.append(_ENTITIES[ch])
        elif ch in _MD_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    start = _LINE_START.match(escaped)
    if start:  # "1. x" -> "1\. x"; "- x" -> "\- x"
        end = start.end()
        escaped = (escaped[:end] + "\\" + escaped[end:]) if escaped[:1].isdigit() else "\\" + escaped
    return escaped


def render(report: Report, cwd: str | os.PathLike | None = None, max_rows: int = MAX_ROWS,
           **_options: Any) -> str:
    summary = report.summary
    sev = summary["by_severity"]
    lines = ["## sowlint risk summary", ""]
    lines.append(
        f"{_plural(summary['documents'], 'document')} checked: **{sev['error']} error{_s(sev['error'])}**, "
        f"{sev['warning']} warning{_s(sev['warning'])}, {sev['info']} info"
        + (f", {summary['suppressed']} suppressed" if summary["suppressed"] else "")
        + (f", **{summary['unreadable']} unreadable**" if summary["unreadable"] else "") + "."
    )
    lines.append("")
    for notice in report.notices:
        lines.append(f"> ⚠️ {escape(notice)}")
    if report.notices:
        lines.append("")
    for doc in report.documents:
        lines.extend(_document(doc, cwd, max_rows))
    return "\n".join(lines).rstrip() + "\n"


def _document(doc: DocumentResult, cwd: str | os.PathLike | None, max_rows: int) -> list[str]:
    risk = doc.risk_level()
    lines = [f"### {escape(relative_path(doc.path, cwd))} — risk: {RISK_LABEL[risk]}", ""]
    if doc.error:
        return lines + [f"**Could not be read:** {escape(doc.error)}", ""]
    facts = []
    engagement = engagement_label(doc.meta.get("engagement"))
    if engagement:
        facts.append(f"Engagement: {escape(engagement)}")
    counts = doc.counts()
    facts.append(f"{SEVERITY_ICON['error']} {_plural(counts['error'], 'error')}, "
                 f"{SEVERITY_ICON['warning']} {_plural(counts['warning'], 'warning')}, "
                 f"{SEVERITY_ICON['info']} {counts['info']} info")
    if doc.suppressed:
        facts.append(f"{len(doc.suppressed)} suppressed")
    lines += [" · ".join(facts), ""]
    for warning in doc.warnings:
        lines.append(f"> Reader warning: {escape(warning)}")
    if doc.warnings:
        lines.append("")
    findings = worst_first(doc.findings)
    if not findings:
        lines += ["No findings.", ""]
    else:
        lines += ["| Severity | Rule | Section | Finding |", "|---|---|---|---|"]
        for f in findings[:max_rows]:
            where = escape(section_label(f.location), 80) or "_whole document_"
            if f.location.page:
                where += f", p. {page_label(f.location)}"
            message = escape(f.message, 200)
            if f.evidence:
                message += f" — “{escape(f.evidence, 120)}”"
            lines.append(f"| {SEVERITY_ICON.get(f.severity, '')} {SEVERITY_LABEL.get(f.severity, f.severity)} "
                         f"| `{_code(f.rule)}` | {where} | {message} |")
        if len(findings) > max_rows:
            lines.append(f"\n_…and {len(findings) - max_rows} more findings (see the HTML or SARIF report)._")
        lines.append("")
    for w in (w for w in doc.suppressed if w.kind == "waiver"):
        owner = f" ({escape(w.owner, 80)})" if w.owner else ""
        lines.append(f"- Waived: `{_code(w.finding.rule)}` {escape(w.finding.message, 160)} — {escape(w.reason, 200)}{owner}")
    if any(w.kind == "waiver" for w in doc.suppressed):
        lines.append("")
    questions = list(by_question(findings, lambda f: f.question))
    if questions:
        lines += ["<details open><summary>Questions for the handoff meeting</summary>", ""]
        lines += [f"- [ ] {escape(q, 300)}" for q in questions]
        lines += ["", "</details>", ""]
    return lines


def _code(rule: str) -> str:
    """A rule id inside a code span: backticks and pipes removed (they cannot be escaped there)."""
    return re.sub(r"[`|\s]", "", rule)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{_s(n)}"


def _s(n: int) -> str:
    return "" if n == 1 else "s"
