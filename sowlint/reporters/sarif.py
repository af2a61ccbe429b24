"""SARIF 2.1.0 output: one run, rules from the rule metadata, results located in the file.

Regions of a .md or .txt are lines and columns of the file itself.  Those of a .docx or .pdf use
sowlint's text rendition v1 (``sowlint extract``): the file is binary, which SARIF says should carry
no text region, but GitHub code scanning needs ``startLine``; the rendition version is recorded in
``run.properties`` so consumers know what the lines mean.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings.finding import Finding
from ..findings.report import DocumentResult, Report, RuleInfo, Suppressed
from .common import SARIF_LEVEL, has_span, project_uri, region, relative_path, rule_summary, safe_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown",
    "txt": "text/plain",
}
_CODE_LIKE = re.compile(r"^[A-Z0-9_.-]+$")


def render(report: Report, cwd: str | os.PathLike | None = None, indent: int | None = 2, **_options: Any) -> str:
    return json.dumps(build_log(report, cwd), indent=indent, ensure_ascii=False) + "\n"


def build_log(report: Report, cwd: str | os.PathLike | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (tests validate it against the official schema)."""
    rules = _rules_in_use(report)
    rule_index = {r.id: i for i, r in enumerate(rules)}
    base = Path(cwd or os.getcwd()).resolve()
    artifacts, results, notifications = [], [], []
    for index, doc in enumerate(report.documents):
        uri, relative = _uri(doc.path, base)
        artifact: dict[str, Any] = {"location": _artifact_location(uri, relative)}
        if MIME_TYPES.get(doc.format or ""):
            artifact["mimeType"] = MIME_TYPES[doc.format or ""]
        artifacts.append(artifact)
        if doc.error:
            notifications.append(_notification("error", doc.error, uri, relative, index, "unreadable-document"))
        for warning in doc.warnings:
            notifications.append(_notification("warning", warning, uri, relative, index, "reader-warning"))
        for finding in doc.findings:
            results.append(_result(finding, doc, rule_index, uri, relative, index))
        for suppressed in doc.suppressed:
            results.append(_result(suppressed.finding, doc, rule_index, uri, relative, index, suppressed))
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(d.error for d in report.documents),
        "workingDirectory": {"uri": base.as_uri() + "/"},
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    if report.notices:
        invocation["toolConfigurationNotifications"] = [
            {"level": "warning", "message": {"text": safe_text(n)}} for n in report.notices
        ]
    run: dict[str, Any] = {
        "tool": {"driver": _driver(rules)},
        "invocations": [invocation],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri() + "/"}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"sowlint.textRendition": "v1"},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


# -- rules ------------------------------------------------------------------------------------
def _rules_in_use(report: Report) -> list[RuleInfo]:
    """Report.rules plus any rule a finding names that the report did not describe."""
    rules = list(report.rules)
    known = {r.id for r in rules}
    for doc in report.documents:
        for finding in doc.findings + [s.finding for s in doc.suppressed]:
            if finding.rule not in known:
                known.add(finding.rule)
                rules.append(RuleInfo(finding.rule, finding.category, finding.severity, finding.message,
                                      rationale=finding.rationale, question=finding.question,
                                      suggestion=finding.suggestion, tags=finding.tags))
    return rules


def _driver(rules: list[RuleInfo]) -> dict[str, Any]:
    return {
        "name": "sowlint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": project_uri(),
        "rules": [_rule(r) for r in rules],
    }


def _rule(rule: RuleInfo) -> dict[str, Any]:
    short = safe_text(rule_summary(rule))  # the message template without its {placeholders}
    entry: dict[str, Any] = {
        "id": rule.id,
        "name": _rule_name(rule),
        "shortDescription": {"text": short},
        "fullDescription": {"text": safe_text(rule.description) or short},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(rule.severity, "warning")},
        "properties": {"tags": sorted({rule.category, *rule.tags}), "category": rule.category,
                       "problem.severity": rule.severity},
    }
    urls = [r for r in rule.references if r.startswith(("https://", "http://"))]
    if urls:
        entry["helpUri"] = urls[0]
    return entry


def _rule_name(rule: RuleInfo) -> str:
    """A readable name: the id when it already is one ("missing-exclusions"), else from the message."""
    if not _CODE_LIKE.match(rule.id):
        return rule.id
    words = re.findall(r"[A-Za-z0-9]+", rule_summary(rule))[:8]
    return "".join(w[:1].upper() + w[1:] for w in words) or rule.id


def _help_text(rule: RuleInfo) -> str:
    parts = [safe_text(rule.description or rule_summary(rule))]
    if rule.rationale:
        parts.append("Why it matters: " + safe_text(rule.rationale))
    if rule.question:
        parts.append("Ask: " + safe_text(rule.question))
    if rule.suggestion:
        parts.append("Suggested clause: " + safe_text(rule.suggestion))
    return "\n\n".join(parts)


def _help_markdown(rule: RuleInfo) -> str:
    parts = [safe_text(rule.description or rule_summary(rule))]
    if rule.rationale:
        parts.append("**Why it matters.** " + safe_text(rule.rationale))
    if rule.question:
        parts.append("**Ask.** " + safe_text(rule.question))
    if rule.suggestion:
        quoted = "\n".join("> " + line for line in safe_text(rule.suggestion).splitlines())
        parts.append("**Suggested clause.**\n\n" + quoted)
    links = [r for r in rule.references if r.startswith(("https://", "http://"))]
    if links:
        parts.append("References: " + ", ".join(f"<{url}>" for url in links))
    return "\n\n".join(parts)


# -- results ----------------------------------------------------------------------------------
def _result(finding: Finding, doc: DocumentResult, rule_index: dict[str, int], uri: str, relative: bool,
            artifact_index: int, suppressed: Suppressed | None = None) -> dict[str, Any]:
    loc = finding.location
    reg: dict[str, Any] = region(loc, doc.document, finding.evidence)
    if finding.evidence and (has_span(loc) or loc.line is not None):
        reg["snippet"] = {"text": safe_text(finding.evidence)}
    physical: dict[str, Any] = {"artifactLocation": {**_artifact_location(uri, relative), "index": artifact_index},
                                "region": reg}
    location: dict[str, Any] = {"physicalLocation": physical}
    if loc.section:
        location["logicalLocations"] = [{
            "name": safe_text(loc.section[-1]),
            "fullyQualifiedName": " / ".join(safe_text(s) for s in loc.section),
            "kind": "section",
        }]
    properties: dict[str, Any] = {"category": finding.category, "severity": finding.severity}
    for key, value in (("page", loc.page), ("section", " › ".join(loc.section) if loc.section else None),
                       ("role", loc.role), ("question", finding.question), ("suggestion", finding.suggestion)):
        if value:
            properties[key] = safe_text(value) if isinstance(value, str) else value
    if loc.page_estimated:
        properties["pageEstimated"] = True  # counted from a .docx's page breaks
    if finding.tags:
        properties["tags"] = list(finding.tags)
    if finding.span:  # the matched words inside the quoted clause (the snippet)
        properties["matchedText"] = safe_text(finding.evidence[finding.span[0]:finding.span[1]])
        properties["matchedSpan"] = list(finding.span)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": SARIF_LEVEL.get(finding.severity, "warning"),
        "message": {"text": _message(finding)},
        "locations": [location],
        "partialFingerprints": {"sowlint/v1": finding.fingerprint},
        "properties": properties,
        # SARIF wants suppressions on every result of a run or on none; [] means "not suppressed".
        "suppressions": [_suppression(suppressed)] if suppressed else [],
    }
    return result


def _message(finding: Finding) -> str:
    text = safe_text(finding.message)
    evidence = " ".join(safe_text(finding.evidence).split())
    if evidence and evidence not in text:
        text += f': "{evidence if len(evidence) <= 160 else evidence[:159] + "…"}"'
    return text


def _suppression(suppressed: Suppressed) -> dict[str, Any]:
    why = safe_text(suppressed.reason) or f"accepted in the {suppressed.kind}"
    entry: dict[str, Any] = {"kind": "external", "status": "accepted", "justification": why,
                             "properties": {"sowlint.kind": suppressed.kind}}
    if suppressed.owner:
        entry["properties"]["owner"] = safe_text(suppressed.owner)
    return entry


def _notification(level: str, text: str, uri: str, relative: bool, index: int, descriptor: str) -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": safe_text(text)},
        "descriptor": {"id": descriptor},
        "locations": [{"physicalLocation": {"artifactLocation": {**_artifact_location(uri, relative),
                                                                 "index": index}}}],
    }


def _uri(path: str, base: Path) -> tuple[str, bool]:
    """A URI for ``path``: relative to the working directory when it is under it, else file://."""
    rel = relative_path(path, base)
    if not Path(rel).is_absolute() and not rel.startswith("../"):
        return quote(rel, safe="/"), True
    try:
        return Path(path).resolve().as_uri(), False
    except ValueError:
        return quote(Path(path).as_posix(), safe="/"), False


def _artifact_location(uri: str, relative: bool) -> dict[str, Any]:
    return {"uri": uri, "uriBaseId": "%SRCROOT%"} if relative else {"uri": uri}
