"""Baselines (only new findings fail) and waivers (accepted with a reason, an owner and maybe an expiry)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import write_rule
from sowlint.api import lint as api_lint
from sowlint.errors import ConfigError
from sowlint.run.suppress import apply_suppressions

OLD = "## Scope\n\nWe offer unlimited revisions.\n"
NEW = OLD + "\n## Fees\n\nThe fee includes unlimited revisions too.\n"


@pytest.fixture
def project(tmp_path, write):
    """A folder whose `.sowlint.yaml` runs one error-level rule, so `sowlint baseline` (which takes
    no --rules) sees the same rules as `sowlint lint`."""
    write_rule(tmp_path / "proj" / "pack", "unlimited", "phrase", {"phrases": ["unlimited revisions"]},
               severity="error")
    write("proj/.sowlint.yaml", "default_rules: false\nrules: [pack]\n")
    return tmp_path / "proj"


def run_json(cli, *args):
    result = cli("lint", "--format", "json", *args)
    data = json.loads(result.stdout) if result.stdout.startswith("{") else None
    return result, data


# -- baseline ---------------------------------------------------------------------------------------


def test_baseline_accepts_old_findings_and_fails_on_new_ones(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    baseline = project / "baseline.json"
    made = cli("baseline", doc, "-o", baseline)
    assert made.exit_code == 0
    assert made.stdout.strip() == f"wrote 1 finding fingerprint(s) to {baseline}"
    stored = json.loads(baseline.read_text(encoding="utf-8"))
    assert stored["version"] == 2 and list(stored["findings"].values())[0]["rule"] == "unlimited"
    assert list(stored["findings"].values())[0]["path"] == "sow.md"  # relative to the baseline file

    assert cli("lint", doc).exit_code == 1  # without the baseline the finding fails the run
    result, data = run_json(cli, doc, "--baseline", baseline)
    assert result.exit_code == 0
    [document] = data["documents"]
    assert document["findings"] == []
    assert [s["suppression"]["kind"] for s in document["suppressed"]] == ["baseline"]
    assert data["summary"]["suppressed"] == 1

    doc.write_text(NEW, encoding="utf-8")  # a new finding in a new section
    result, data = run_json(cli, doc, "--baseline", baseline)
    assert result.exit_code == 1
    [new] = data["documents"][0]["findings"]
    assert new["location"]["section"] == "Fees"
    assert len(data["documents"][0]["suppressed"]) == 1


def test_baseline_survives_an_edit_above_the_finding(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    cli("baseline", doc, "-o", project / "b.json")
    doc.write_text("## Intro\n\nA new opening paragraph.\n\n" + OLD, encoding="utf-8")
    assert cli("lint", doc, "--baseline", project / "b.json").exit_code == 0


def test_baseline_text_summary_counts_suppressed(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    cli("baseline", doc, "-o", project / "b.json")
    out = cli("lint", doc, "--baseline", project / "b.json").stdout
    assert out.strip().endswith("0 findings in 1 document: 0 errors, 0 warnings, 0 info; 1 suppressed")


def test_baseline_command_reports_unreadable_files(cli, project):
    result = cli("baseline", project / "missing.md", "-o", project / "b.json")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


@pytest.mark.parametrize("content", ["{}", "not json", '{"findings": 3}'])
def test_a_bad_baseline_file(cli, project, content):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    (project / "b.json").write_text(content, encoding="utf-8")
    result = cli("lint", doc, "--baseline", project / "b.json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"sowlint: error: {project / 'b.json'}: not a sowlint baseline")


def test_a_missing_baseline_file(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    result = cli("lint", doc, "--baseline", project / "none.json")
    assert result.exit_code == 2 and "not a sowlint baseline" in result.stderr


# -- waivers ----------------------------------------------------------------------------------------


def _waivers(project, text: str):
    path = project / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_waiver_suppresses_with_its_reason_and_owner(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    waivers = _waivers(project, "waivers:\n  - rule: unlimited\n    reason: agreed cap in MSA\n    owner: jane\n"
                                "    expires: 2999-01-01\n")
    result, data = run_json(cli, doc, "--waivers", waivers)
    assert result.exit_code == 0
    [suppressed] = data["documents"][0]["suppressed"]
    assert suppressed["rule"] == "unlimited"
    assert suppressed["suppression"] == {"kind": "waiver", "reason": "agreed cap in MSA", "owner": "jane"}
    assert data["notices"] == []


def test_a_waiver_can_name_a_fingerprint_and_a_path(cli, project):
    doc = project / "sow.md"
    doc.write_text(NEW, encoding="utf-8")
    _result, data = run_json(cli, doc)
    fees = next(f for f in data["documents"][0]["findings"] if f["location"]["section"] == "Fees")
    waivers = _waivers(project, f"- rule: unlimited\n  reason: fees agreed\n  owner: ann\n"
                                f"  fingerprint: {fees['fingerprint']}\n  path: '*.md'\n")
    result, data = run_json(cli, doc, "--waivers", waivers)
    assert result.exit_code == 1  # the Scope finding is not waived
    assert [f["location"]["section"] for f in data["documents"][0]["findings"]] == ["Scope"]
    assert [s["location"]["section"] for s in data["documents"][0]["suppressed"]] == ["Fees"]

    other_path = _waivers(project, "- rule: unlimited\n  reason: r\n  owner: ann\n  path: '*.docx'\n")
    result, data = run_json(cli, doc, "--waivers", other_path)
    assert len(data["documents"][0]["findings"]) == 2
    assert data["notices"] == ["unused waiver for 'unlimited' on *.docx (owner ann): it matches no finding"]


def test_expired_and_unused_waivers_are_notices(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    waivers = _waivers(project, "waivers:\n"
                                "  - {rule: unlimited, reason: old deal, owner: jane, expires: 2000-01-01}\n"
                                "  - {rule: unlimited, path: other.md, reason: elsewhere, owner: bob}\n")
    result, data = run_json(cli, doc, "--waivers", waivers)
    assert result.exit_code == 1  # the expired waiver no longer suppresses
    assert data["documents"][0]["findings"][0]["rule"] == "unlimited"
    assert data["notices"] == [
        "expired waiver for 'unlimited' (owner jane): expired on 2000-01-01",
        "unused waiver for 'unlimited' on other.md (owner bob): it matches no finding",
    ]
    text = cli("lint", doc, "--waivers", waivers).stdout
    assert "notice: expired waiver for 'unlimited' (owner jane): expired on 2000-01-01" in text


@pytest.mark.parametrize(("text", "message"), [
    ("waivers:\n  - rule: unlimited\n    reason: agreed\n", ":2: waiver 1: owner: Field required"),
    ("waivers:\n  - rule: unlimited\n    owner: jane\n", ":2: waiver 1: reason: Field required"),
    ("- {rule: unlimited, reason: r, owner: o}\n- {rule: x, reason: r, owner: o, expires: someday}\n",
     ":2: waiver 2: expires: "),
    ("- {rule: unlimited, reason: r, owner: o, colour: red}\n", ":1: waiver 1: colour: Extra inputs"),
    ("waivers: nope\n", ":1: expected a list of waivers"),
    ("waivers: [\n", ": invalid YAML"),
])
def test_bad_waivers_are_refused(cli, project, text, message):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    waivers = _waivers(project, text)
    result = cli("lint", doc, "--waivers", waivers)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"sowlint: error: {waivers}")
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_waiver_expiry_is_relative_to_today(project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    waivers = _waivers(project, "- {rule: unlimited, reason: r, owner: o, expires: 2030-06-30}\n")
    for today, suppressed, notices in ((dt.date(2030, 6, 30), 1, 0), (dt.date(2030, 7, 1), 0, 1)):
        report = api_lint(doc)  # no waivers yet: apply them by hand with a fixed "today"
        apply_suppressions(report, report.settings.model_copy(update={"waivers": str(waivers)}), today=today)
        assert (len(report.documents[0].suppressed), len(report.notices)) == (suppressed, notices), today


def test_waivers_in_the_config_file(cli, project):
    _waivers(project, "- {rule: unlimited, reason: r, owner: o}\n")
    (project / ".sowlint.yaml").write_text("default_rules: false\nrules: [pack]\nwaivers: waivers.yaml\n",
                                           encoding="utf-8")
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    assert cli("lint", doc).exit_code == 0  # the waivers path is relative to the config file


def test_api_raises_for_bad_waivers(project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    with pytest.raises(ConfigError, match="waiver 1: owner: Field required"):
        api_lint(doc, waivers=str(_waivers(project, "- {rule: unlimited, reason: r}\n")))


def test_a_waiver_for_a_rule_that_does_not_exist_is_an_error(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    waivers = _waivers(project, "waivers:\n"
                                "  - {rule: unlimited, reason: agreed, owner: jane}\n"
                                "  - {rule: unlimted, reason: typo, owner: bob}\n")
    result = cli("lint", doc, "--waivers", waivers)
    assert result.exit_code == 2
    assert result.stderr == f"sowlint: error: {waivers}:3: waiver 2: no rule 'unlimted'; did you mean 'unlimited'?\n"


def test_a_waiver_for_a_rule_left_out_by_select_is_not_an_error(cli, project, write):
    write_rule(project / "pack", "other", "phrase", {"phrases": ["as needed"]})
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    waivers = _waivers(project, "waivers:\n  - {rule: other, reason: agreed, owner: jane}\n")
    assert cli("lint", doc, "--waivers", waivers, "--select", "unlimited").exit_code == 1


def test_a_baseline_holds_findings_per_document(cli, project):
    """Made from one SOW, it does not hide the same wording in another (it used to hide 20)."""
    first, second = project / "first.md", project / "drafts" / "second.md"
    second.parent.mkdir()
    first.write_text(OLD, encoding="utf-8")
    second.write_text(OLD, encoding="utf-8")
    baseline = project / "baselines" / "b.json"
    baseline.parent.mkdir()
    assert cli("baseline", first, "-o", baseline).exit_code == 0
    assert [e["path"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"].values()] == ["../first.md"]
    result, data = run_json(cli, first, second, "--baseline", baseline)
    assert result.exit_code == 1
    assert [len(d["findings"]) for d in data["documents"]] == [0, 1]
    assert [len(d.get("suppressed", [])) for d in data["documents"]] == [1, 0]


def test_a_version_1_baseline_still_works_with_a_notice(cli, project):
    doc = project / "sow.md"
    doc.write_text(OLD, encoding="utf-8")
    cli("baseline", doc, "-o", project / "b.json")
    v2 = json.loads((project / "b.json").read_text(encoding="utf-8"))
    v1 = {"version": 1, "tool": "sowlint",
          "findings": {e["fingerprint"]: {"rule": e["rule"]} for e in v2["findings"].values()}}
    (project / "b.json").write_text(json.dumps(v1), encoding="utf-8")
    result, data = run_json(cli, doc, "--baseline", project / "b.json")
    assert result.exit_code == 0 and data["documents"][0]["findings"] == []
    assert "is version 1" in data["notices"][0]
