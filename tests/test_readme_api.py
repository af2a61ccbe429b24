"""The README's Python API example runs and prints what the README says; the API it shows exists."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from pathlib import Path

import pytest

import sowlint
from sowlint.findings.finding import Location

ROOT = Path(__file__).resolve().parents[1]


def _readme_blocks(language: str, after: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(after):]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)


def test_readme_python_example_prints_what_the_readme_shows():
    code = _readme_blocks("python", "### Python API")[0]
    shown = _readme_blocks("text", "### Python API")[0].strip().splitlines()
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)  # the example names the bundled sample relative to the repository
    try:
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as stop:
            exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    finally:
        os.chdir(cwd)
    assert str(stop.value) == "proposal not ready to send"
    printed = out.getvalue().strip().splitlines()
    assert "()" not in out.getvalue() and "None" not in out.getvalue()
    assert printed[0] == shown[0]
    for want in shown[1:]:  # "..." at the end of a README line stands for the rest of it
        prefix = want[:-3] if want.endswith("...") else None
        assert any(line.startswith(prefix) if prefix else line == want for line in printed), want
    assert len(printed) == 1 + sowlint.lint(ROOT / "corpora" / "website-build-fernleaf.docx").summary["by_severity"]["error"]


def test_fail_on_decides_exit_code_passed_and_blocking(write):
    sow = write("sow.md", "## Scope\n\nWe offer unlimited revisions and support as needed.\n\n## Out of Scope\n\nHosting.\n")
    strict = sowlint.lint(sow, fail_on="info")
    lenient = sowlint.lint(sow, fail_on="never")
    assert strict.findings and strict.findings == lenient.findings
    assert (strict.fail_on, strict.exit_code, strict.passed) == ("info", 1, False)
    assert strict.blocking == strict.findings
    assert (lenient.fail_on, lenient.exit_code, lenient.passed, lenient.blocking) == ("never", 0, True, [])
    default = sowlint.lint(sow)
    errors = [f for f in default.findings if f.severity == "error"]
    assert default.fail_on == "error" and default.blocking == errors
    assert default.passed == (not errors)


def test_an_unreadable_document_fails_the_report(write):
    bad = write("broken.docx", "not a zip")
    report = sowlint.lint(bad, fail_on="never")
    assert report.documents[0].error and report.exit_code == 2 and not report.passed


def test_summary_is_a_property_and_still_callable(write):
    report = sowlint.lint(write("sow.md", "## Scope\n\nWe offer unlimited revisions.\n"))
    assert report.summary["findings"] == len(report.findings)
    assert report.summary() == report.summary  # code written against the old method keeps working
    assert json.loads(json.dumps(report.to_dict()))["summary"] == report.summary


def test_section_label_agrees_with_the_json():
    loc = Location(section=("3. Scope", "3.2 Design"))
    data = loc.to_dict()
    assert loc.section_label == data["section"] == "3. Scope › 3.2 Design"
    assert list(loc.section_path) == data["section_path"] == ["3. Scope", "3.2 Design"]
    whole = Location()
    assert whole.section_label == "" and whole.to_dict()["section"] is None
