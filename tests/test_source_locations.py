"""Locations of .md and .txt findings are in the file's own lines and columns, not the rendition's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sowlint.api import lint_file
from sowlint.readers import read_document
from sowlint.readers.limits import ReadLimits
from sowlint.run.lint import lint

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "corpora" / "src").glob("*.md"))

CRAFTED = """---
title: Website build
owner: sales
---

<!-- internal: check the
fee with finance before sending -->

# Statement of Work

## 1. Scope

We will build the **marketing site** with [WordPress](https://wordpress.org/x) and its theme.
We offer *unlimited revisions* until the client is happy.

- First item about hosting
-   Support is provided **as needed**, at no extra cost,
    for any reasonable request.

1. Training sessions will be scheduled as appropriate.

### Timeline

| Phase | Dates |
|-------|-------|
| Build | ASAP |

**Fees:**

The total fee is USD 12,000, payable on completion.
"""


def _source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")


def _plain(text: str) -> str:
    """Markdown markup and spaces removed, so rendition and source compare character by character."""
    text = re.sub(r"\]\([^()]*\)", "", text)
    return re.sub(r"[\s*_`\[\]|#>-]+", "", text)


def _assert_located_in_source(findings, path: Path) -> int:
    """Every located finding's start line and column in the file begin its evidence's first word."""
    lines = _source_lines(path)
    checked = 0
    for f in findings:
        loc = f.location
        if not f.evidence or loc.line is None:
            continue
        src = lines[loc.line - 1]
        first = _plain(f.evidence.split()[0])[:4]
        assert _plain(src[loc.column - 1:]).startswith(first), (f.rule, f.evidence, loc.line, loc.column, src)
        checked += 1
    return checked


def test_crafted_markdown_findings_point_at_the_source_line(tmp_path):
    path = tmp_path / "crafted.md"
    path.write_text(CRAFTED, encoding="utf-8")
    result = lint_file(path)
    assert result.error is None
    assert _assert_located_in_source(result.findings, path) >= 3
    lines = _source_lines(path)
    revisions = next(f for f in result.findings if "unlimited revisions" in f.evidence)
    assert "unlimited revisions" in lines[revisions.location.line - 1]  # line 14 of the file, not 4
    assert revisions.location.line == 14


def test_source_positions_of_each_construct(tmp_path):
    path = tmp_path / "crafted.md"
    path.write_text(CRAFTED, encoding="utf-8")
    doc = read_document(path, ReadLimits())
    lines = _source_lines(path)

    def where(phrase: str) -> tuple[int, int]:
        return doc.position(doc.text.index(phrase))

    def expected(phrase: str, raw: str | None = None) -> tuple[int, int]:
        raw = raw or phrase
        line = next(i for i, text in enumerate(lines) if raw in text)
        return line + 1, lines[line].index(raw) + 1

    assert where("Statement of Work") == expected("Statement of Work")  # "# " dropped
    assert where("1. Scope") == expected("1. Scope")
    assert where("marketing site") == expected("marketing site")  # inside **...**
    assert where("WordPress and its") == expected("WordPress")  # the link text, not its target
    assert where("We offer") == expected("We offer")  # the paragraph's next source line
    assert where("unlimited revisions") == expected("unlimited revisions")
    assert where("Support is provided") == expected("Support is provided")  # after "-   "
    assert where("for any reasonable") == expected("for any reasonable")  # a continuation line
    assert where("Training sessions") == expected("Training sessions")  # after "1. "
    assert where("ASAP") == expected("ASAP")  # a table cell
    assert where("Fees") == expected("Fees:")
    assert where("The total fee") == expected("The total fee")
    # The rendition itself is unchanged: front matter and the comment are still not lines of the file.
    assert doc.line_of(doc.text.index("unlimited revisions")) < 14


def test_crlf_and_plain_text(tmp_path):
    path = tmp_path / "sow.txt"
    path.write_bytes(b"SCOPE OF WORK\r\n\r\nWe build the site.\r\nWe provide unlimited revisions\r\nto the client.\r\n")
    doc = read_document(path, ReadLimits())
    assert doc.position(doc.text.index("unlimited")) == (4, 12)
    assert doc.position(doc.text.index("to the client")) == (5, 1)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_markdown_findings_point_at_the_source_line(path):
    result = lint_file(path)
    assert result.error is None
    _assert_located_in_source(result.findings, path)


def test_fernleaf_unlimited_revisions_on_line_40_in_every_format():
    path = ROOT / "corpora" / "src" / "website-build-fernleaf.md"
    assert "unlimited revisions" in _source_lines(path)[39]
    report = lint([str(path)])
    from sowlint.reporters import github, sarif
    from sowlint.reporters.json_ import render as render_json

    found = [f for f in report.findings if "unlimited revisions" in f.evidence]
    assert found and all(f.location.line == 40 for f in found)
    log = sarif.build_log(report)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]
               if "unlimited revisions" in r["locations"][0]["physicalLocation"]["region"].get("snippet", {})
               .get("text", "")]
    assert regions and all(r["startLine"] == 40 and r["endLine"] == 40 for r in regions)
    annotations = [line for line in github.render(report, cwd=str(ROOT)).splitlines() if "unlimited revisions" in line]
    assert annotations and all(",line=40," in a for a in annotations)
    data = json.loads(render_json(report))
    lines = [f["location"]["line"] for d in data["documents"] for f in d["findings"]
             if "unlimited revisions" in f["evidence"]]
    assert lines and set(lines) == {40}


def test_source_map_grows_linearly(tmp_path):
    from growth import growth

    def make(n: int):
        path = tmp_path / f"long-{n}.md"
        para = ("We will **build** the [site](https://example.com/a) and\n*test* it `daily` with\n"
                "unlimited revisions.\n\n")
        table = "| Phase | Weeks |\n|---|---|\n" + "| Build | 2 |\n" * 5 + "\n"
        path.write_text("# SOW\n\n" + "".join(f"## {i}. Part\n\n- item {i}\n- next\n\n{para}{table}" for i in range(n)),
                        encoding="utf-8")
        return lambda: read_document(path, ReadLimits())

    doc = make(50)()
    line = doc.position(doc.text.index("unlimited revisions", doc.text.index("49. Part")))[0]
    assert "unlimited revisions" in (tmp_path / "long-50.md").read_text(encoding="utf-8").split("\n")[line - 1]
    assert growth(make, 400) < 3.0
