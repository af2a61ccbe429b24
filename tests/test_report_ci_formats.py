"""GitHub workflow-command annotations and the Markdown job summary: escaping, capping, shape."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

import report_fixtures as rf
from sowlint.findings import Finding, Location
from sowlint.readers.text import read_markdown_string
from sowlint.findings.report import DocumentResult, Report
from sowlint.reporters import github, markdown

COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the runner does: properties at ',' and the first '='."""
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(",")) if m.group(2) else {}
    return m.group(1), props, m.group(3)


def unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


# -- github -------------------------------------------------------------------------------------
def test_escaping_matches_actions_toolkit():
    assert github.escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert github.escape_property("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext%3A a%2Cb"
    assert github.escape_data("%0A") == "%250A"  # an already-escaped sequence cannot smuggle a newline


def test_annotations_carry_location_and_title():
    out = github.render(rf.sample_report(), cwd=".")
    lines = out.splitlines()
    level, props, message = parse(next(line for line in lines if "unlimited support" in line))
    assert level == "error"
    assert list(props) == ["file", "line", "col", "endLine", "endColumn", "title"]
    assert props["file"] == "proposals/acme-migration.md"
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("4", "64", "4", "81")
    assert unescape(props["title"]) == "sowlint soft-promise-unbounded: Unbounded commitment"
    assert unescape(message).startswith("[error] Unbounded commitment\nEvidence: “unlimited support”")
    levels = [parse(line)[0] for line in lines]
    assert levels == sorted(levels, key=["error", "warning", "notice"].index), "worst level first"
    assert levels.count("notice") == 2  # the two info findings; suppressed ones are not annotated
    whole = next(parse(line) for line in lines if "missing-exclusions" in line)
    assert "line" not in whole[1] and whole[1]["file"]  # a file-level annotation


def test_columns_are_dropped_on_multi_line_annotations():
    ann = github.Annotation("warning", "m", "f.md", line=3, col=5, end_line=4, end_column=2, title="t")
    assert ann.command() == "::warning file=f.md,line=3,endLine=4,title=t::m"


def test_document_text_cannot_inject_workflow_commands():
    doc = read_markdown_string("# Scope\n\nWe provide support.\n", "x.md")
    evil = "x\n::set-output name=pwned::1\r\n::add-mask::secret%0A::error::fake"
    finding = Finding("r", "soft-promise", "error", f"message {evil}", evil,
                      Location(section=(f"Scope {evil}",), start=3, end=9, line=2, column=4))
    report = Report([DocumentResult(f"dir/{evil}.md", "md", findings=[finding], warnings=[evil], document=doc),
                     DocumentResult("bad,file:name.docx", "docx", error=f"broken {evil}")])
    lines = github.render(report).splitlines()
    assert len(lines) == 3  # one finding, one reader warning, one unreadable document
    for line in lines:
        level, props, message = parse(line)
        assert "\n" not in line and "\r" not in line
        assert not line.startswith(("::set-output", "::add-mask"))
        assert "::" not in "".join(props.values())  # properties can never close the command early
    _, props, message = parse(next(line for line in lines if "bad%2Cfile" in line))
    assert unescape(props["file"]) == "bad,file:name.docx"
    assert "%250A" in message  # the literal "%0A" in the text stays literal


def test_at_most_ten_per_level_worst_first_then_a_notice():
    doc = read_markdown_string("# Scope\n\n" + "\n\n".join(f"Item {i} text." for i in range(40)) + "\n", "x.md")

    def at(i: int, severity: str) -> Finding:
        start = doc.text.index(f"Item {i} text")
        return Finding(f"r-{severity}", "timeline", severity, f"{severity} {i}", f"Item {i}",
                       Location(start=start, end=start + len(f"Item {i}"), line=doc.line_of(start), column=1))

    findings = [at(i, "error") for i in range(25)] + [at(i, "warning") for i in range(25, 37)]
    findings += [at(i, "info") for i in range(37, 40)] + [at(i, "info") for i in range(0, 12)]
    report = Report([DocumentResult("x.md", "md", findings=findings, document=doc),
                     rf.unreadable_result()])
    lines = github.render(report).splitlines()
    parsed = [parse(line) for line in lines]
    counts = {lv: sum(1 for p in parsed if p[0] == lv) for lv in ("error", "warning", "notice")}
    assert counts == {"error": 10, "warning": 10, "notice": 10}
    assert "unreadable" in unescape(parsed[0][1]["title"])  # an unreadable document outranks findings
    assert [unescape(p[2]).split("\n")[0] for p in parsed[1:10]] == [f"[error] error {i}" for i in range(9)]
    last = parsed[-1]
    assert last[0] == "notice" and "more findings" in unescape(last[1]["title"])
    # 26 errors (one document error) + 12 warnings + 15 infos = 53 items; 29 shown; 24 left out.
    assert unescape(last[2]).startswith("24 more sowlint annotations not shown")


def test_no_findings_no_output():
    doc = read_markdown_string("# Scope\n\nFine.\n", "x.md")
    assert github.render(Report([DocumentResult("x.md", "md", document=doc)])) == ""


# -- markdown -----------------------------------------------------------------------------------
def table_rows(md: str) -> list[list[str]]:
    """Rows of the first table as a CommonMark + GFM-table renderer sees them (text of each cell)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    rows, row, inside = [], None, False
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            inside = True
        elif tok.type == "inline" and inside:
            row.append(tok.content)
        elif tok.type in ("th_close", "td_close"):
            inside = False
        elif tok.type == "tr_close":
            rows.append(row)
        elif tok.type == "table_close":
            break
    return rows


def rendered(md: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(md)


def test_summary_has_counts_table_and_checklist():
    md = markdown.render(rf.sample_report(), cwd=".")
    assert md.startswith("## sowlint risk summary\n")
    assert "1 document checked: **3 errors**, 3 warnings, 2 info, 1 suppressed." in md
    assert "### proposals/acme-migration.md — risk: High" in md
    rows = table_rows(md)
    assert rows[0] == ["Severity", "Rule", "Section", "Finding"]
    assert len(rows) == 1 + 8 and all(len(r) == 4 for r in rows)
    assert rows[1][0].endswith("Error") and rows[-1][0].endswith("Info")  # worst first
    assert md.count("- [ ] ") == 4
    assert "- [ ] What is explicitly out of scope?" in md
    assert "Reader warning: 2 images were skipped" in md


def test_document_text_stays_text_in_markdown():
    doc = read_markdown_string("# Scope\n\nWe provide support.\n", "x.md")
    evil = "a | b | <script>alert(1)</script> **bold** [link](http://x) @octocat #12\n- [ ] sneaky"
    finding = Finding("r", "soft-promise", "error", evil, evil, Location(section=("1. Scope | <b>x</b>",),
                                                                         start=3, end=9, line=2, column=4),
                      question=evil)
    md = markdown.render(Report([DocumentResult("x.md", "md", findings=[finding], document=doc)]))
    rows = table_rows(md)
    assert len(rows) == 2 and len(rows[1]) == 4, "pipes in the text did not add columns"
    html = rendered(md)
    assert "<script>" not in html and "<b>" not in html and "<strong>bold" not in html and "<a href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "@octocat" not in md and "#12" not in md  # no mention, no issue link
    assert md.count("- [ ] ") == 1  # the newline in the question did not start a second checklist item


@pytest.mark.parametrize("text, expected", [("1. Scope", "1\\. Scope"), ("- item", "\\- item"),
                                            ("a_b*c", "a\\_b\\*c"), ("x\ny", "x y"),
                                            ("<b>&amp;", "&lt;b&gt;&amp;amp;"), ("@ann #3", "&#64;ann &#35;3")])
def test_markdown_escape(text, expected):
    assert markdown.escape(text) == expected


def test_unreadable_and_row_cap():
    report = rf.multi_report()
    md = markdown.render(report, max_rows=3)
    assert "**Could not be read:** proposals/broken.docx" in md
    assert "…and 5 more findings" in md
    assert "> ⚠️ waiver W-7 expired on 2026-10-01" in md
    assert "**1 unreadable**" in md
