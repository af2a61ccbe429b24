"""The Python API gives the records the JSON output gives; a parallel batch gives what a serial one gives."""

from __future__ import annotations

import json

import pytest

import sowlint
from conftest import write_rule
from sowlint.api import discover, lint_file
from sowlint.errors import ConfigError, ReadError

DOCS = {
    "a.md": "## Scope\n\nWe offer unlimited revisions. We give support as needed.\n\n## Fees\n\nThe fixed fee is $10,000.\n",
    "b.txt": "SCOPE\n\nSupport as needed for all users.\n\nOUT OF SCOPE\n\nHosting is not included.\n",
    "c.md": "## Scope\n\nWe build the website.\n\n## Out of Scope\n\n- Hosting\n- Travel\n",
    "sub/d.md": "## Services\n\n| Item | Terms |\n|---|---|\n| Training | as needed |\n| Revisions | unlimited revisions |\n",
}


@pytest.fixture
def corpus(tmp_path):
    for name, text in DOCS.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_rule(tmp_path / "pack", "unbounded", "phrase", {"phrases": ["unlimited revisions", "as needed"]},
               severity="warning")
    return tmp_path


def test_lint_returns_the_json_records(cli, corpus):
    report = sowlint.lint(corpus / "docs", rules=[str(corpus / "pack")])
    result = cli("lint", corpus / "docs", "--rules", corpus / "pack", "--format", "json")
    assert json.loads(json.dumps(report.to_dict())) == json.loads(result.stdout)
    assert {"unbounded", "no-exclusions"} <= {f.rule for f in report.findings}  # the pack's and the default pack's


def test_lint_records_are_findings(corpus):
    report = sowlint.lint(corpus / "docs" / "a.md", rules=[str(corpus / "pack")], default_rules=False)
    assert [(f.rule, f.evidence, f.location.section) for f in report.findings] == [
        ("unbounded", "unlimited revisions", ("Scope",)), ("unbounded", "as needed", ("Scope",))]
    assert report.documents[0].meta["engagement"] == "fixed-fee"
    assert [r.id for r in report.rules] == ["unbounded"]


def test_lint_options_are_settings(corpus):
    report = sowlint.lint(corpus / "docs", rules=[str(corpus / "pack")], select=["no-exclusions"],
                          severity={"no-exclusions": "info"})
    assert {(f.rule, f.severity) for f in report.findings} == {("no-exclusions", "info")}
    assert [d.path.rsplit("/", 1)[-1] for d in report.documents if d.findings] == ["a.md", "d.md"]


def test_lint_raises_for_bad_options_but_not_for_bad_documents(corpus):
    with pytest.raises(ConfigError, match="--select 'nothing'"):
        sowlint.lint(corpus / "docs", select=["nothing"])
    with pytest.raises(ConfigError, match="option fail_on"):
        sowlint.lint(corpus / "docs", fail_on="sometimes")
    report = sowlint.lint([corpus / "docs" / "a.md", corpus / "docs" / "missing.md"])
    assert [d.error for d in report.documents] == [None, f"{corpus / 'docs' / 'missing.md'}: no such file"]


def test_lint_file_keeps_the_document_on_request(corpus):
    result = lint_file(corpus / "docs" / "a.md", keep_document=True)
    assert result.document is not None and result.document.sections[0].heading == "Scope"
    assert lint_file(corpus / "docs" / "a.md").document is None
    assert "document" not in result.to_dict()


def test_discover(corpus, tmp_path):
    docs = corpus / "docs"
    assert [p.relative_to(docs).as_posix() for p in discover([docs])] == ["a.md", "b.txt", "c.md", "sub/d.md"]
    assert discover([docs / "c.md", docs / "c.md", docs / "a.md"]) == [docs / "c.md", docs / "a.md"]
    assert [p.name for p in discover([str(docs / "*.md")])] == ["a.md", "c.md"]
    with pytest.raises(ReadError, match="no file matches this pattern"):
        discover([str(docs / "*.pdf")])


def test_on_done_is_called_per_document(corpus):
    seen = []
    sowlint.lint(corpus / "docs", on_done=lambda result: seen.append(result.path))
    assert len(seen) == len(DOCS)


def test_jobs_2_gives_the_same_report_as_jobs_1(corpus):
    options = dict(rules=[str(corpus / "pack")])
    serial = sowlint.lint(corpus / "docs", jobs=1, **options).to_dict()
    parallel = sowlint.lint(corpus / "docs", jobs=2, **options).to_dict()
    assert parallel == serial
    assert serial["summary"]["findings"] >= 6
    assert [d["path"] for d in parallel["documents"]] == [str(p) for p in discover([corpus / "docs"])]


def test_cli_jobs_2_matches_jobs_1(cli, corpus):
    args = ("lint", corpus / "docs", "--rules", corpus / "pack", "--format", "json")
    assert cli(*args, "--jobs", "2").stdout == cli(*args, "--jobs", "1").stdout
