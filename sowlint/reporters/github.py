"""GitHub Actions workflow-command annotations (``::error file=…,line=…::message``).

GitHub shows at most 10 annotations of each level per step, so the worst 10 per level are emitted
(unreadable documents first, then findings in document order) and a final notice says how many were
left out.  Escaping follows actions/toolkit ``command.ts``; it is also what stops document text from
injecting workflow commands (a newline in the text can never start a new ``::command``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..findings.finding import SEVERITY_RANK, Finding
from ..findings.report import DocumentResult, Report
from .common import GITHUB_LEVEL, one_line, page_label, region, relative_path, safe_text, section_label

MAX_PER_LEVEL = 10
_LEVELS = ("error", "warning", "notice")


def escape_data(text: str) -> str:
    """The message part: ``%``, CR and LF percent-encoded (toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: as data, plus ``:`` and ``,`` (toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Annotation:
    level: str  # error, warning, notice
    message: str
    file: str | None = None
    line: int | None = None
    col: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    title: str | None = None
    rank: int = 0  # higher goes first within a level

    def command(self) -> str:
        props: list[tuple[str, Any]] = [("file", self.file), ("line", self.line)]
        # GitHub ignores columns on multi-line annotations (toolkit AnnotationProperties).
        same_line = self.end_line is None or self.end_line == self.line
        props += [("col", self.col if same_line else None), ("endLine", self.end_line),
                  ("endColumn", self.end_column if same_line else None), ("title", self.title)]
        parts = [f"{key}={escape_property(safe_text(value))}" for key, value in props if value not in (None, "")]
        head = f"::{self.level}" + (" " + ",".join(parts) if parts else "")
        return f"{head}::{escape_data(safe_text(self.message))}"


def render(report: Report, cwd: str | os.PathLike | None = None, max_per_level: int = MAX_PER_LEVEL,
           **_options: Any) -> str:
    annotations = collect(report, cwd)
    chosen, left_out = cap(annotations, max_per_level)
    lines = [a.command() for a in chosen]
    if left_out:
        lines.append(Annotation(
            "notice",
            f"{left_out} more sowlint annotation{'s' if left_out != 1 else ''} not shown: GitHub displays "
            f"at most {max_per_level} per level. See the job summary or the HTML report for all findings.",
            title="sowlint: more findings",
        ).command())
    return "\n".join(lines) + ("\n" if lines else "")


def collect(report: Report, cwd: str | os.PathLike | None = None) -> list[Annotation]:
    out: list[Annotation] = []
    for doc in report.documents:
        file = relative_path(doc.path, cwd)
        if doc.error:
            out.append(Annotation("error", doc.error, file, title="sowlint: unreadable document", rank=100))
        for warning in doc.warnings:
            out.append(Annotation("warning", f"Reader warning: {warning}", file, title="sowlint: reader warning",
                                  rank=-1))
        out.extend(_finding_annotation(f, doc, file) for f in sorted(doc.findings, key=lambda f: f.sort_key))
    return out


def cap(annotations: list[Annotation], limit: int) -> tuple[list[Annotation], int]:
    """At most ``limit`` per level, keeping the highest-ranked; one notice slot is kept for the
    "N more" line whenever anything is dropped, so that line is never itself dropped."""
    by_level = {level: [a for a in annotations if a.level == level] for level in _LEVELS}
    overflow = any(len(items) > limit for items in by_level.values())
    chosen: list[Annotation] = []
    for level in _LEVELS:
        items = sorted(by_level[level], key=lambda a: -a.rank)  # stable: document order within a rank
        room = limit - 1 if overflow and level == "notice" else limit
        chosen.extend(items[:room])
    return chosen, len(annotations) - len(chosen)


def _finding_annotation(finding: Finding, doc: DocumentResult, file: str) -> Annotation:
    loc = finding.location
    ann = Annotation(GITHUB_LEVEL.get(finding.severity, "warning"), _message(finding), file,
                     title=f"sowlint {finding.rule}: {one_line(finding.message, 80)}",
                     rank=SEVERITY_RANK.get(finding.severity, 0))
    if loc.line is not None or loc.start is not None:  # whole-document findings stay file-level
        reg = region(loc, doc.document, finding.evidence)
        ann.line, ann.col = reg["startLine"], reg.get("startColumn")
        ann.end_line, ann.end_column = reg.get("endLine"), reg.get("endColumn")
    return ann


def _message(finding: Finding) -> str:
    loc = finding.location
    where = section_label(loc)
    if loc.page:
        page = f"page {page_label(loc)}" + (" (estimated)" if loc.page_estimated else "")
        where = f"{where}, {page}" if where else page
    lines = [f"[{finding.severity}] {one_line(finding.message)}"]
    if finding.evidence:
        lines.append(f"Evidence: “{one_line(finding.evidence, 300)}”")
    lines.append(f"Where: {where or 'whole document'}")
    if finding.question:
        lines.append(f"Ask: {one_line(finding.question)}")
    return "\n".join(lines)
