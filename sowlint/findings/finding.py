"""The finding record: one per problem found, and the only thing reporters read."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
CATEGORIES = (
    "exclusions",
    "client-inputs",
    "day-one-dependency",
    "timeline",
    "soft-promise",
    "acceptance",
    "change-control",
    "success-criteria",
    "staffing",
    "pricing",
    "governance",
    "placeholder",
    "structure",
)

_NORM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Location:
    """Where a finding is: section path and role, block, page, and a span of the text rendition."""

    section: tuple[str, ...] = ()
    role: str | None = None
    block: int | None = None  # block index in reading order; None for whole-document findings
    page: int | None = None
    start: int | None = None  # character span in Document.text
    end: int | None = None
    line: int | None = None  # 1-based line in the file's own terms (SARIF startLine): Document.position
    column: int | None = None  # 1-based column of ``start`` in that line
    row: int | None = None  # table cell, when the evidence sits in one
    col: int | None = None
    page_estimated: bool = False  # the page of a .docx, counted from its page breaks

    @property
    def section_path(self) -> tuple[str, ...]:
        """The headings from the top down to the finding's section (JSON ``section_path``)."""
        return self.section

    @property
    def section_label(self) -> str:
        """The section path as one string, "3. Scope › 3.2 Design" (JSON ``section``); "" for the
        document as a whole."""
        return " › ".join(self.section)

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section_label or None,
            "section_path": list(self.section),
            "role": self.role,
            "block": self.block,
            "page": self.page,
            "page_estimated": self.page_estimated,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "row": self.row,
            "col": self.col,
        }


@dataclass(frozen=True)
class Finding:
    """One problem in one document, with everything every output format needs."""

    rule: str
    category: str
    severity: str
    message: str
    evidence: str  # the quoted text ("" for an absence, such as a missing section)
    location: Location
    rationale: str = ""
    question: str = ""
    suggestion: str = ""
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # other quoted passages (e.g. the SOW text nearest to a note)
    extra: tuple[tuple[str, Any], ...] = ()  # kind-specific data, e.g. ("status", "resolved")
    span: tuple[int, int] | None = None  # the matched words inside ``evidence`` (offsets in characters)
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", make_fingerprint(self.rule, self.evidence, self.location.section))

    @property
    def sort_key(self) -> tuple:
        start = self.location.start if self.location.start is not None else -1
        return (start, -SEVERITY_RANK.get(self.severity, 0), self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "evidence": self.evidence,
            "span": list(self.span) if self.span else None,
            "location": self.location.to_dict(),
            "rationale": self.rationale,
            "question": self.question,
            "suggestion": self.suggestion,
            "tags": list(self.tags),
            "fingerprint": self.fingerprint,
        }
        if self.related:
            data["related"] = list(self.related)
        if self.extra:
            data["extra"] = dict(self.extra)
        return data


def evidence_parts(finding: Finding) -> tuple[str, str, str]:
    """(before, matched, after) of the evidence, for outputs that mark the matched words."""
    if not finding.span:
        return finding.evidence, "", ""
    a, b = finding.span
    return finding.evidence[:a], finding.evidence[a:b], finding.evidence[b:]


def normalise_evidence(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def make_fingerprint(rule: str, evidence: str, section: tuple[str, ...]) -> str:
    """Stable across runs and re-saves: rule + normalised evidence + normalised section path."""
    key = "\x1f".join([rule, normalise_evidence(evidence), normalise_evidence(" / ".join(section))])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
