"""The result of a run: per-document findings plus the metadata of the rules that ran."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..document.model import Document
from .finding import SEVERITIES, SEVERITY_RANK, Finding


@dataclass(frozen=True)
class RuleInfo:
    """What reporters need to know about a rule (SARIF driver.rules, HTML, `explain`)."""

    id: str
    category: str
    severity: str
    message: str
    description: str = ""
    rationale: str = ""
    question: str = ""
    suggestion: str = ""
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


@dataclass
class Suppressed:
    """A finding that a baseline or waiver accepted; kept so reports can show it as suppressed."""

    finding: Finding
    kind: str  # "baseline" or "waiver"
    reason: str = ""
    owner: str | None = None


@dataclass
class DocumentResult:
    path: str
    format: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # title, author, dates, pages, words, engagement
    document: Document | None = None  # kept for the HTML report; never serialised
    not_assessed: bool = False  # read, but no words to check (a scan): ``error`` says so, risk is not rated
    comment_waivers: list[Any] = field(default_factory=list)  # `sowlint: waive` comments in the file (run.suppress)

    def counts(self) -> dict[str, int]:
        c = Counter(f.severity for f in self.findings)
        return {s: c.get(s, 0) for s in SEVERITIES}

    def risk_level(self) -> str:
        """high: any error; medium: warnings only; low: info or nothing; unknown: unreadable."""
        if self.error:
            return "unknown"
        worst = max((SEVERITY_RANK[f.severity] for f in self.findings), default=0)
        return {3: "high", 2: "medium"}.get(worst, "low")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "format": self.format,
            "error": self.error,
            "warnings": list(self.warnings),
            "meta": self.meta,
            "risk": self.risk_level(),
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.not_assessed:
            data["not_assessed"] = True
        if self.suppressed:
            data["suppressed"] = [
                {**s.finding.to_dict(), "suppression": {"kind": s.kind, "reason": s.reason, "owner": s.owner}}
                for s in self.suppressed
            ]
        return data


class Summary(dict):
    """The run's counts (the JSON ``summary``).  ``report.summary`` is a property; calling it, as
    code written when it was a method does, returns the same dict."""

    def __call__(self) -> "Summary":
        return self


@dataclass
class Report:
    documents: list[DocumentResult]
    rules: list[RuleInfo] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # run-level notes: expired or unused waivers
    settings: Any = None  # the Settings of the run (fail_on etc.); not serialised

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    @property
    def fail_on(self) -> str:
        """The threshold of the run (``fail_on=`` / ``--fail-on``): error, warning, info or never."""
        return getattr(self.settings, "fail_on", None) or "error"

    @property
    def blocking(self) -> list[Finding]:
        """The findings at or above ``fail_on``: the ones that fail the run."""
        if self.fail_on == "never":
            return []
        threshold = SEVERITY_RANK[self.fail_on]
        return [f for f in self.findings if SEVERITY_RANK.get(f.severity, 0) >= threshold]

    @property
    def exit_code(self) -> int:
        """What the command line exits with: 2 a document could not be read, 1 findings at or
        above ``fail_on``, else 0 (``--exit-zero`` is the command line's own)."""
        if any(d.error for d in self.documents):
            return 2
        return 1 if self.blocking else 0

    @property
    def passed(self) -> bool:
        """Every document read and nothing at or above ``fail_on``."""
        return self.exit_code == 0

    @property
    def summary(self) -> Summary:
        sev = Counter(f.severity for f in self.findings)
        cat = Counter(f.category for f in self.findings)
        return Summary({
            "documents": len(self.documents),
            "unreadable": sum(1 for d in self.documents if d.error),
            "findings": len(self.findings),
            "by_severity": {s: sev.get(s, 0) for s in SEVERITIES},
            "by_category": dict(sorted(cat.items())),
            "suppressed": sum(len(d.suppressed) for d in self.documents),
        })

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool": {"name": "sowlint", "version": __version__},
            "documents": [d.to_dict() for d in self.documents],
            "summary": dict(self.summary),
            "notices": list(self.notices),
        }
