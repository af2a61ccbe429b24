"""Reports of real documents: SARIF of every sample SOW (and two third-party ones) validates against
the official schema, fingerprints are stable, and every sample's HTML report opens in Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sowlint.api import lint
from sowlint.reporters import sarif
from test_report_browser import CHROMIUM, dump_dom
from test_report_sarif import errors, validator  # noqa: F401 - the fixture is used by name

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "corpora").glob("*.docx")) + sorted((ROOT / "corpora").glob("*.pdf"))
REAL = ROOT.parent / "shared" / "corpora" / "real"
REAL_PICKS = [REAL / "techuz-servesense-brd-sow-v2.docx", REAL / "gsa-it-services-sow-pws-template.pdf"]


@pytest.mark.parametrize("path", SAMPLES + [p for p in REAL_PICKS if p.exists()], ids=lambda p: p.name)
def test_sarif_validates_and_fingerprints_are_stable(validator, path):  # noqa: F811
    first = json.loads(sarif.render(lint(path)))
    assert errors(validator, first) == []
    results = first["runs"][0]["results"]
    again = json.loads(sarif.render(lint(path)))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [r["partialFingerprints"] for r in again]


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_every_sample_report_opens_in_chromium(tmp_path):
    from sowlint.reporters import html

    report = lint(sorted((ROOT / "corpora").glob("*.docx")), keep_documents=True)
    pages = html.write_pages(report, tmp_path)
    documents = [p for p in pages if p.name != "index.html"]
    assert len(documents) == len(report.documents)
    for page, result in zip(sorted(documents), sorted(report.documents, key=lambda d: Path(d.path).name)):
        dom = dump_dom(page)
        marks = len(re.findall(r"<mark\b", dom))
        spans = sum(1 for f in result.findings if f.location.start is not None)
        assert "questions" in dom.lower() and Path(result.path).name in dom, page.name
        # every finding with a span is highlighted in the document view (a thorough SOW may have none)
        assert marks >= spans, (page.name, marks, spans)
