"""Messages read as English: agreement, plurals, no repeated phrases, no {placeholders}, one line each."""

from __future__ import annotations

import re

import pytest

from sowlint.document.engagement import detect_engagement
from sowlint.findings.report import Report
from sowlint.readers.text import read_markdown_string
from sowlint.reporters import sarif, text
from sowlint.run.config import Settings
from sowlint.run.lint import lint
from sowlint.run.rules import rules_for

_IN_SCOPE = re.compile(r"^(?P<subject>[\w -]+?) (?P<verb>is|are) in scope\b.*? and (?P<verb2>is|are) not excluded")


def _rules():
    return [r.info() for r in rules_for(Settings())]


def test_plural_subjects_take_are():
    checked = 0
    for rule in _rules():
        m = _IN_SCOPE.match(rule.message)
        if not m:
            continue
        last = m.group("subject").split()[-1]
        plural = last.endswith("s") and not last.endswith("ss")
        assert m.group("verb") == m.group("verb2") == ("are" if plural else "is"), rule.message
        checked += 1
    assert checked >= 10
    ids = {r.id: r.message for r in _rules()}
    assert ids["unbounded-performance-targets"].startswith("Performance and load targets are in scope")


def test_sarif_short_descriptions_carry_no_placeholders():
    rules = _rules()
    assert any("{" in r.message for r in rules)  # the templates do
    log = sarif.build_log(Report([], rules=rules))
    for entry in log["runs"][0]["tool"]["driver"]["rules"]:
        for key in ("shortDescription", "fullDescription"):
            assert not re.search(r"\{\w+\}", entry[key]["text"]), (entry["id"], entry[key]["text"])
        assert entry["shortDescription"]["text"].strip()
        assert len(entry["shortDescription"]["text"]) <= 140, entry["id"]
    short = {e["id"]: e["shortDescription"]["text"] for e in log["runs"][0]["tool"]["driver"]["rules"]}
    assert short["unbounded-travel"] == "Travel is in scope with no bound and is not excluded"
    assert short["timeline-short-uat"] == "User acceptance testing gets less than a week"


def test_no_timeline_message_says_it_once(write):
    sow = write("sow.md", "## Scope\n\nWe build the booking portal and train the staff.\n\n## Fees\n\nUSD 9,000.\n")
    [finding] = [f for f in lint(sow).findings if f.rule == "timeline-missing"]
    assert finding.message.startswith("No timeline for the principal work: ")
    assert "No timeline" not in finding.message[3:] and "No period" not in finding.message
    assert finding.message.count("for the work") <= 1


def test_table_text_in_a_message_stays_on_one_line(write):
    sow = write("sow.md", "## Scope\n\nWe build the portal.\n\n## Out of Scope\n\n| Item | Note |\n|---|---|\n| TBD | x |\n")
    found = [f for f in lint(sow).findings if f.rule == "thin-exclusions"]
    assert found and "Item | Note" in found[0].message
    assert all("\n" not in f.message for f in lint(sow).findings)


def test_counts_are_pluralised(write):
    sow = write("sow.md", "## Scope\n\nWe offer unlimited revisions.\n\n## Out of Scope\n\n- Hosting\n- Content writing\n")
    out = text.render(lint(sow, select=["soft-promise-unbounded-revisions"]))
    assert re.search(r"\b1 finding in 1 document: 0 errors, 1 warning, 0 info\b", out), out
    assert "(s)" not in out


def test_outline_says_one_page_and_one_block(cli, tmp_path):
    from fixtures_docx import build_docx, members_of, para, write_members

    parts = members_of(build_docx(tmp_path / "a.docx", para("Intro.") + para("Scope", style="Heading1") + para("Text.")))
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(b"<Words>0</Words>", b"<Words>3</Words>")
    out = cli("outline", write_members(tmp_path / "b.docx", parts)).stdout
    assert "1 page)" in out and "1 pages" not in out
    assert "1 block" in out and "1 blocks" not in out


@pytest.mark.parametrize(("sentence", "engagement"), [
    ("The total project fee is USD 38,500.", "fixed-fee"),
    ("Total fee: $12,000, invoiced in two parts.", "fixed-fee"),
    ("The total investment is 20,000 EUR.", "fixed-fee"),
    ("The total fee is USD 9,500 per month.", "unknown"),  # a retainer's rate, not a project price
    ("The total estimated cost is $50,000 at our day rates.", "time-and-materials"),
])
def test_a_stated_total_project_fee_is_a_fixed_fee(sentence, engagement):
    doc = read_markdown_string(f"# SOW\n\n## Scope\n\nWe build the site.\n\n## Investment\n\n{sentence}\n")
    assert detect_engagement(doc) == engagement


def test_brief_status_says_one_warning(tmp_path):
    from dataclasses import replace

    from sowlint.briefing.assemble import build_brief
    from sowlint.briefing.render import render

    sow = tmp_path / "sow.md"
    sow.write_text("## Scope\n\nWe build the booking portal.\n", encoding="utf-8")
    one = replace(build_brief(str(sow), []), warnings=1)
    assert "(1 warning)" in render(one, "markdown") and "1 warnings" not in render(one, "markdown")
    docx = render(one, "docx")
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert "(1 warning)" in xml and "1 warnings" not in xml
