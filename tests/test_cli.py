"""The command line: exit codes, the JSON shape, selection, severity, colour, and the helper commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sowlint
from conftest import write_rule
from sowlint.readers import read_document

SOW = """\
## Scope

We offer unlimited revisions and support as needed.

Delivery ASAP.

## Client Responsibilities

The Client will provide access to the servers.

| Item | Terms |
|---|---|
| Training | as needed |

## Out of Scope

- Hosting
- Travel
"""

CLEAN = """\
## Scope

We build the website in six weeks.

## Out of Scope

- Hosting
- Travel
"""

# (id, category, severity, tags, phrase)
PACK = [
    ("soft-promise-unlimited", "soft-promise", "warning", ["scope"], "unlimited revisions"),
    ("soft-promise-as-needed", "soft-promise", "info", [], "as needed"),
    ("timeline-asap", "timeline", "error", ["scope"], "asap"),
    ("client-access", "client-inputs", "warning", ["handoff"], "provide access"),
]
ALL = sorted(rule_id for rule_id, *_ in PACK)


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    for rule_id, category, severity, tags, phrase in PACK:
        write_rule(folder, rule_id, "phrase", {"phrases": [phrase]}, category=category, severity=severity,
                   tags=tags, message=f"{rule_id}: '{{match}}'")
    return folder


@pytest.fixture
def lint(cli, pack):
    """``lint(*args)`` -> click Result of ``sowlint lint --no-default-rules --rules PACK *args``."""
    return lambda *args, env=None: cli("lint", "--no-default-rules", "--rules", pack, *args, env=env)


@pytest.fixture
def sow(write):
    return write("sow.md", SOW)


@pytest.fixture
def clean(write):
    return write("clean.md", CLEAN)


def rule_ids(result) -> list[str]:
    data = json.loads(result.stdout)
    return sorted({f["rule"] for d in data["documents"] for f in d["findings"]})


# -- exit codes -------------------------------------------------------------------------------------


def test_exit_0_when_clean(lint, clean):
    result = lint(clean)
    assert result.exit_code == 0, result.output
    assert "0 findings in 1 document" in result.stdout


def test_exit_1_for_findings_at_or_above_fail_on(lint, sow):
    assert lint(sow).exit_code == 1  # timeline-asap is an error
    assert lint(sow, "--ignore", "timeline-asap").exit_code == 0  # warnings and info only
    assert lint(sow, "--ignore", "timeline-asap", "--fail-on", "warning").exit_code == 1
    assert lint(sow, "--select", "soft-promise-as-needed", "--fail-on", "warning").exit_code == 0
    assert lint(sow, "--select", "soft-promise-as-needed", "--fail-on", "info").exit_code == 1
    assert lint(sow, "--fail-on", "never").exit_code == 0


def test_exit_zero(lint, sow):
    result = lint(sow, "--exit-zero")
    assert result.exit_code == 0
    assert "timeline-asap" in result.stdout  # the findings are still reported


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.md", None, "missing.md: no such file"),
    ("notes.xyz", b"hello", "unsupported file type '.xyz'"),
    ("legacy.doc", b"\xd0\xcf\x11\xe0 old word", "legacy Word .doc is not supported: save it as .docx"),
    ("empty.md", b"", "the file is empty"),
    ("broken.docx", b"not a zip", "not a .docx"),
    ("broken.pdf", b"not a pdf", "not a PDF"),
])
def test_exit_2_for_an_unreadable_document(lint, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = lint(path, "--exit-zero")  # --exit-zero does not hide an unreadable file
    assert result.exit_code == 2
    assert f"sowlint: error: {path}: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


def test_exit_2_for_a_folder_without_documents(lint, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.xyz").write_text("x")
    result = lint(tmp_path / "empty")
    assert result.exit_code == 2
    assert "no documents (.docx, .pdf, .md, .markdown, .txt) in this folder" in result.stderr


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_exit_2_for_a_reference_that_names_nothing(lint, sow, option):
    result = lint(sow, option, "soft-promise-unlimitd")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"sowlint: error: {option} 'soft-promise-unlimitd': no rule, category or tag of that name"


@pytest.mark.parametrize(("value", "message"), [
    ("nosuch=info", "severity override for unknown rule 'nosuch'"),
    ("timeline-asap=fatal", "severity.timeline-asap"),
    ("timeline-asap", "should be RULE=error|warning|info"),
])
def test_exit_2_for_a_bad_severity_override(lint, sow, value, message):
    result = lint(sow, "--severity", value)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_a_batch_goes_on_past_a_bad_file(lint, sow, clean, tmp_path):
    result = lint(sow, tmp_path / "missing.md", clean, "--format", "json")
    assert result.exit_code == 2
    docs = json.loads(result.stdout)["documents"]
    assert [d["path"] for d in docs] == [str(sow), str(tmp_path / "missing.md"), str(clean)]
    assert [d["error"] is None for d in docs] == [True, False, True]
    assert docs[0]["findings"] and docs[2]["findings"] == []
    assert docs[1]["error"] == f"{tmp_path / 'missing.md'}: no such file"
    assert json.loads(result.stdout)["summary"]["unreadable"] == 1


def test_a_folder_is_searched_recursively(lint, write):
    write("docs/a.md", SOW)
    write("docs/sub/b.txt", CLEAN)
    write("docs/~$lock.md", SOW)  # Word lock files are skipped
    result = lint(write("docs/sub/c.md", CLEAN).parent.parent, "--format", "json")
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a.md", "b.txt", "c.md"]


# -- the JSON shape ---------------------------------------------------------------------------------

TOP = {"tool", "documents", "summary", "notices"}
DOCUMENT = {"path", "format", "error", "warnings", "meta", "risk", "findings"}
FINDING = {"rule", "category", "severity", "message", "evidence", "location", "rationale", "question",
           "suggestion", "tags", "fingerprint"}
FINDING_OPTIONAL = {"related", "extra", "span"}
LOCATION = {"section", "section_path", "role", "block", "page", "page_estimated", "start", "end", "line", "column",
            "row", "col"}
SUMMARY = {"documents", "unreadable", "findings", "by_severity", "by_category", "suppressed"}


def test_json_shape(lint, sow):
    result = lint(sow, "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == TOP
    assert data["tool"] == {"name": "sowlint", "version": sowlint.__version__}
    [doc] = data["documents"]
    assert set(doc) == DOCUMENT
    assert (doc["path"], doc["format"], doc["error"], doc["warnings"]) == (str(sow), "md", None, [])
    assert doc["risk"] == "high"
    assert doc["meta"]["sections"] == 3 and doc["meta"]["words"] > 20
    assert len(doc["findings"]) == 5
    for f in doc["findings"]:
        assert FINDING <= set(f) <= FINDING | FINDING_OPTIONAL
        assert set(f["location"]) == LOCATION
        assert f["severity"] in ("error", "warning", "info")
        assert isinstance(f["tags"], list) and len(f["fingerprint"]) == 32
        assert f["question"] and f["suggestion"] and f["rationale"]
    first = doc["findings"][0]
    assert first["rule"] == "soft-promise-unlimited" and first["category"] == "soft-promise"
    assert first["message"] == "soft-promise-unlimited: 'unlimited revisions'"
    assert first["location"]["section"] == "Scope" and first["location"]["section_path"] == ["Scope"]
    assert (first["location"]["role"], first["location"]["line"], first["location"]["block"]) == ("scope", 3, 0)  # the file's line 3
    assert set(data["summary"]) == SUMMARY
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 2, "info": 2}
    assert data["summary"]["by_category"] == {"client-inputs": 1, "soft-promise": 3, "timeline": 1}
    assert (data["summary"]["documents"], data["summary"]["findings"]) == (1, 5)


def test_json_table_cell_location(lint, sow):
    data = json.loads(lint(sow, "--format", "json", "--select", "soft-promise-as-needed").stdout)
    in_table = [f for f in data["documents"][0]["findings"] if f["location"]["row"] is not None]
    assert [(f["location"]["row"], f["location"]["col"], f["location"]["role"]) for f in in_table] == [
        (1, 1, "client-responsibilities")]


def test_evidence_spans_index_the_document_text(lint, sow):
    data = json.loads(lint(sow, "--format", "json").stdout)
    doc = read_document(sow)
    for f in data["documents"][0]["findings"]:
        loc = f["location"]
        assert doc.text[loc["start"]:loc["end"]] == f["evidence"]
        assert (loc["line"], loc["column"]) == doc.position(loc["start"])  # the file's own line and column


def test_fingerprints_are_stable_across_runs(lint, sow):
    first = json.loads(lint(sow, "--format", "json").stdout)
    second = json.loads(lint(sow, "--format", "json").stdout)
    prints = [f["fingerprint"] for f in first["documents"][0]["findings"]]
    assert prints == [f["fingerprint"] for f in second["documents"][0]["findings"]]
    assert len(set(prints)) == len(prints)  # different findings, different fingerprints


def test_fingerprints_survive_moving_text_around(lint, write):
    before = write("a.md", "## Scope\n\nWe offer unlimited revisions.\n")
    after = write("b.md", "## Scope\n\nIntro paragraph.\n\nWe now offer Unlimited   revisions.\n")
    prints = [json.loads(lint(p, "--format", "json").stdout)["documents"][0]["findings"][0]["fingerprint"]
              for p in (before, after)]
    assert prints[0] == prints[1]


def test_output_file(lint, sow, tmp_path):
    target = tmp_path / "report.json"
    result = lint(sow, "--format", "json", "-o", target)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 5


# -- selection --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "expected"), [
    ([], ALL),
    (["--select", "timeline-asap"], ["timeline-asap"]),  # id
    (["--select", "soft-promise"], ["soft-promise-as-needed", "soft-promise-unlimited"]),  # category
    (["--select", "scope"], ["soft-promise-unlimited", "timeline-asap"]),  # tag
    (["--select", "soft-promise-*"], ["soft-promise-as-needed", "soft-promise-unlimited"]),  # glob
    (["--select", "timeline-asap,client-access"], ["client-access", "timeline-asap"]),  # comma-separated
    (["--select", "timeline-asap", "--select", "client-access"], ["client-access", "timeline-asap"]),
    (["--ignore", "soft-promise"], ["client-access", "timeline-asap"]),
    (["--ignore", "*-as-needed", "--ignore", "handoff"], ["soft-promise-unlimited", "timeline-asap"]),
    # most specific wins: an id beats a category or tag, which beats a glob
    (["--select", "soft-promise", "--ignore", "soft-promise-as-needed"], ["soft-promise-unlimited"]),
    (["--ignore", "soft-promise", "--select", "soft-promise-as-needed"], ["soft-promise-as-needed"]),
    (["--select", "scope", "--ignore", "timeline-*"], ["soft-promise-unlimited", "timeline-asap"]),
    (["--select", "timeline-*", "--ignore", "timeline"], []),
    # at equal specificity, ignore wins
    (["--select", "soft-promise", "--ignore", "soft-promise"], []),
])
def test_select_and_ignore(lint, sow, args, expected):
    result = lint(sow, "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    assert rule_ids(result) == expected


def test_default_pack_runs_unless_switched_off(cli, pack, write):
    doc = write("no-exclusions.md", "## Scope\n\nWe build it.\n\n## Fees\n\nMoney.\n")
    on = cli("--rules", pack, doc, "--format", "json", "--select", "no-exclusions")
    assert rule_ids(on) == ["no-exclusions"]
    off = cli("--no-default-rules", "--rules", pack, doc, "--format", "json", "--fail-on", "never")
    assert off.exit_code == 0 and "no-exclusions" not in rule_ids(off)
    nothing = cli("--no-default-rules", doc)
    assert nothing.exit_code == 2 and "no rule packs" in nothing.stderr


def test_severity_override(lint, sow):
    result = lint(sow, "--format", "json", "--severity", "timeline-asap=info")
    assert result.exit_code == 0  # the only error became info
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert {f["severity"] for f in findings if f["rule"] == "timeline-asap"} == {"info"}
    up = lint(sow, "--format", "json", "--severity", "soft-promise-as-needed=error", "--ignore", "timeline-asap")
    assert up.exit_code == 1


# -- colour -----------------------------------------------------------------------------------------

ANSI = "\x1b["


def test_colour_never_and_always(lint, sow):
    assert ANSI not in lint(sow, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    coloured = lint(sow, "--color", "always", env={"NO_COLOR": None}).stdout
    assert ANSI in coloured
    assert "\x1b[31m" in coloured  # errors in red


def test_colour_auto_honours_no_color_and_force_color(lint, sow):
    assert ANSI not in lint(sow, env={"NO_COLOR": None, "FORCE_COLOR": None}).stdout  # not a terminal
    assert ANSI in lint(sow, env={"NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    assert ANSI not in lint(sow, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout


def test_no_colour_in_json_or_in_a_file(lint, sow, tmp_path):
    assert ANSI not in lint(sow, "--format", "json", "--color", "always").stdout
    lint(sow, "--color", "always", "-o", tmp_path / "out.txt")
    assert ANSI not in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_document_text_cannot_inject_escape_sequences(lint, write):
    doc = write("evil.md", "## Scope\n\nWe offer unlimited revisions \x1b[2J now.\n")
    result = lint(doc, "--color", "never")
    assert "\x1b" not in result.stdout


# -- text output ------------------------------------------------------------------------------------


def test_text_output_lines(lint, sow):
    out = lint(sow, "--color", "never").stdout
    assert f"{sow}:Scope › line 3: warning soft-promise-unlimited soft-promise-unlimited: 'unlimited revisions'" in out
    assert f"{sow}:Client Responsibilities › table row 2 col 2: info soft-promise-as-needed" in out
    assert '    "unlimited revisions"' in out
    assert out.rstrip().endswith("5 findings in 1 document: 1 error, 2 warnings, 2 info")


# -- other commands ---------------------------------------------------------------------------------


def test_help(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("lint", "outline", "rules", "explain", "check-pack", "baseline"):
        assert command in result.stdout
    assert cli("lint", "--help").exit_code == 0
    assert cli("--version").stdout.strip() == f"sowlint, version {sowlint.__version__}"


def test_rules_command(cli, pack):
    text = cli("rules", "--rules", pack)
    assert text.exit_code == 0
    line = next(ln for ln in text.stdout.splitlines() if ln.startswith("timeline-asap"))
    assert line.split()[:3] == ["timeline-asap", "timeline", "error"]
    listed = json.loads(cli("rules", "--rules", pack, "--format", "json").stdout)
    assert {"timeline-asap", "no-exclusions"} <= {r["id"] for r in listed}
    assert set(listed[0]) == {"id", "kind", "category", "severity", "message", "tags"}
    markdown = cli("rules", "--rules", pack, "--format", "markdown").stdout
    assert markdown.startswith("| id | category | severity | message |")
    assert "| `timeline-asap` | timeline | error |" in markdown


def test_explain(cli, pack):
    result = cli("explain", "timeline-asap", "--rules", pack)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("timeline-asap  (phrase, timeline, error)")
    for part in ("What it checks:", "Why it matters:", "Ask sales:", "Suggested clause:", "Flags:", "Does not flag:",
                 "Is the test right?", "Defined in "):
        assert part in out


def test_the_notes_rules_are_listed_and_explained(cli):
    listed = {r["id"]: r for r in json.loads(cli("rules", "--format", "json").stdout)}
    assert listed["contradicted-verbal-commitment"]["kind"] == "notes"
    assert listed["unaddressed-verbal-commitment"]["severity"] == "warning"
    result = cli("explain", "unaddressed-verbal-commitment")
    assert result.exit_code == 0
    assert result.stdout.startswith("unaddressed-verbal-commitment  (notes, soft-promise, warning)")
    assert "Ask sales:" in result.stdout and "Runs with --notes FILE" in result.stdout


def test_explain_unknown_rule(cli):
    result = cli("explain", "no-exclusion")
    assert result.exit_code == 2
    assert result.stderr.startswith("sowlint: error: no rule 'no-exclusion' (did you mean: ")
    assert "no-exclusions" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_outline(cli, sow):
    result = cli("outline", sow)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{sow}  (md, ")
    assert any(ln.split()[:2] == ["Client", "Responsibilities"] and "client-responsibilities" in ln for ln in lines)


def test_outline_json(cli, sow):
    data = json.loads(cli("outline", sow, "--format", "json").stdout)
    assert [(s["heading"], s["role"], s["level"]) for s in data["sections"]] == [
        ("Scope", "scope", 1), ("Client Responsibilities", "client-responsibilities", 1),
        ("Out of Scope", "exclusions", 1)]
    assert data["sections"][1]["block_kinds"] == {"paragraph": 1, "list_item": 0, "table": 1}


def test_outline_of_an_unreadable_file(cli, tmp_path):
    result = cli("outline", tmp_path / "missing.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"sowlint: error: {tmp_path / 'missing.md'}: no such file"


def test_extract_prints_the_numbered_rendition(cli, sow):
    result = cli("extract", sow)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "    1  Scope"
    assert lines[1] == "    2  We offer unlimited revisions and support as needed."
    assert "Training | as needed" in result.stdout  # a table row, cells joined by " | "
    assert len(lines) == len(read_document(sow).text.split("\n"))


# -- a real process ---------------------------------------------------------------------------------


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "sowlint", *map(str, args)], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


def test_real_process_exit_codes_and_no_traceback(tmp_path, sow, pack):
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    proc = _run("--no-default-rules", "--rules", pack, sow, tmp_path / "missing.md", legacy, "--format", "json")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        f"sowlint: error: {tmp_path / 'missing.md'}: no such file",
        f"sowlint: error: {legacy}: legacy Word .doc is not supported: save it as .docx",
    ]
    assert len(json.loads(proc.stdout)["documents"]) == 3


def test_real_process_clean_run(clean, pack):
    proc = _run("--no-default-rules", "--rules", pack, clean)
    assert (proc.returncode, proc.stderr) == (0, "")
    bad = _run("--no-default-rules", "--rules", pack, clean, "--select", "nothing-like-this")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and len(bad.stderr.splitlines()) == 1
