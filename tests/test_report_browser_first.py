"""The Fernleaf report in headless Chromium: its top, a finding and its highlight, the index, 420 px, print."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from sowlint.reporters import html
from test_report_browser import ARTIFACTS, CHROMIUM, chromium, dump_dom

REPO = Path(__file__).resolve().parent.parent
FERNLEAF = REPO / "corpora" / "website-build-fernleaf.docx"
SHOTS = Path("/tmp/x/shots")  # where a reviewer looks at them; also kept in tests/artifacts

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


@pytest.fixture(scope="module")
def fernleaf():
    from sowlint.run.lint import lint

    return lint(str(FERNLEAF), keep_documents=True)


@pytest.fixture
def page(fernleaf, tmp_path) -> Path:
    out = tmp_path / "fernleaf.html"
    out.write_text(html.render(fernleaf, generated="2026-12-01"), encoding="utf-8")
    return out


def _keep(shot: Path, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(shot, ARTIFACTS / name)
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(shot, SHOTS / name)


def _screenshot(page: Path, name: str, size: str) -> bytes:
    shot = page.parent / name
    chromium(page, "--screenshot=" + str(shot.resolve()), f"--window-size={size}")
    data = shot.read_bytes()
    _keep(shot, name)
    return data


def _scroll_width(page: Path, width: int = 420) -> int:
    """The page's scrollWidth in a ``width``-px viewport: the report in an iframe, measured by a test-only script.

    The report's CSP forbids scripts, so the copy measured here drops it; headless windows are at least 500 px
    wide, hence the iframe."""
    probe = page.with_name("probe-" + page.name)
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    script = ('<script>parent.postMessage("W=" + document.documentElement.scrollWidth + "/" + innerWidth, "*")'
              "</script></body>")
    probe.write_text(text.replace("</body>", script), encoding="utf-8")
    frame = page.with_name("frame-" + page.name)
    frame.write_text(f'<!DOCTYPE html><html><body style="margin:0"><p id="out">none</p>'
                     f'<iframe src="{probe.name}" style="width:{width}px;height:900px;border:0"></iframe>'
                     '<script>addEventListener("message", e => { document.getElementById("out").textContent = e.data; });'
                     "</script></body></html>", encoding="utf-8")
    dom = chromium(frame, "--window-size=900,1000", "--virtual-time-budget=4000", "--dump-dom")
    found = re.search(r'<p id="out">W=(\d+)/(\d+)</p>', dom)
    assert found, "the probe did not report"
    assert int(found.group(2)) == width
    return int(found.group(1))


def test_top_of_the_report_is_fix_before_sending(page, fernleaf):
    dom = dump_dom(page)
    main = dom[dom.index('<main id="main">'):]
    order = [main.index(marker) for marker in ('id="fix"', 'id="summary"', "Findings by risk category",
                                              'id="findings"')]
    assert order == sorted(order)
    fixes = re.search(r'<ol class="fixes">(.*?)</ol>', dom, re.S).group(1)
    assert fixes.count("<li>") == sum(f.severity == "error" for f in fernleaf.findings) >= 2
    data = _screenshot(page, "report-top.png", "1100,1000")
    assert data.startswith(b"\x89PNG") and len(data) > 50_000


def test_a_finding_and_its_highlight(page, fernleaf):
    dom = dump_dom(page)
    card = re.search(r'<article class="finding sev-warning" id="(f\d+)">(?:(?!</article>).)*acceptance-by-satisfaction'
                     r'(?:(?!</article>).)*</article>', dom, re.S)
    assert card
    body = card.group(0)
    assert '<mark class="match">until the whole team is happy</mark> with how it looks.' in body
    mark = re.search(r'<a class="jump" href="#(m\d+)"', body).group(1)
    highlight = re.search(rf'<mark class="hl sev-warning" id="{mark}"[^>]*>(.*?)</mark>', dom, re.S)
    assert highlight and "until the whole team is happy" in re.sub(r"<[^>]+>", "", highlight.group(1))
    assert f'href="#{card.group(1)}"' in dom  # the highlight's numbered tag links back to the card
    # The card and the paragraph holding its highlight, side by side: a copy with a test-only style hiding the rest.
    card_id = card.group(1)
    focus = page.with_name("focus.html")
    style = (f"<style>header.masthead, nav.toc, footer, .callout, section.block:not(.findings-block):not(.document-view),"
             f" .group:not(:has(#{card_id})), .finding:not(#{card_id}), .document-view .lede, .print-choice,"
             f" .sow > div:not(:has(#{mark})) {{ display: none !important; }}</style></head>")
    focus.write_text(page.read_text(encoding="utf-8").replace("</head>", style, 1), encoding="utf-8")
    data = _screenshot(focus, "report-highlight.png", "1100,700")
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_the_index_lists_the_riskiest_first(tmp_path):
    from sowlint.run.lint import lint

    import docx

    names = ["erp-rollout-brightwater.docx", "website-build-fernleaf.docx", "field-research-estuary-water.docx",
             "quick-proposal-copperfield.docx"]
    blank = tmp_path / "scanned-blank.docx"  # no words at all, as a scan without a text layer reads
    docx.Document().save(str(blank))
    report = lint([str(REPO / "corpora" / n) for n in names] + [str(blank)])
    html.write_pages(report, tmp_path / "site", generated="2026-12-01")
    index = tmp_path / "site" / "index.html"
    dom = dump_dom(index)
    rows = re.findall(r'<th scope="row" class="doc-cell"><a href="\d+-([^"]+)\.html"', dom)
    by_name = {Path(d.path).stem: d for d in report.documents if Path(d.path) != blank}
    risk = {"high": 0, "medium": 1, "low": 2}
    expected = sorted(by_name, key=lambda n: (risk[by_name[n].risk_level()], -by_name[n].counts()["error"],
                                              -by_name[n].counts()["warning"], by_name[n].path))
    assert rows == expected + ["scanned-blank"] and rows[-2] == "erp-rollout-brightwater"
    blank_row = re.search(r'scanned-blank\.html".*?</tr>', dom, re.S).group(0)
    assert "Not assessed" in blank_row and "0 words: not checked" in blank_row
    assert not re.search(r"risk-badge-(high|medium|low)", blank_row)
    assert _scroll_width(index) <= 420
    data = _screenshot(index, "report-index.png", "1000,700")
    assert data.startswith(b"\x89PNG")


def test_narrow_layout_has_no_horizontal_overflow(page):
    assert _scroll_width(page) <= 420
    data = _screenshot(page.with_name("frame-" + page.name), "report-narrow.png", "440,950")  # the 420-px frame
    assert data.startswith(b"\x89PNG")


def test_print_preview_fits_four_a4_pages(page, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pdf = tmp_path / "fernleaf.pdf"
    chromium(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) <= 4
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4
    text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)).split())
    assert "Fix before sending" in text and "Questions for the handoff meeting" in text
    # The document text prints only when asked for: ticking the box adds its pages.
    asked = tmp_path / "asked.html"
    asked.write_text(page.read_text(encoding="utf-8").replace('class="print-doc"', 'class="print-doc" checked'),
                     encoding="utf-8")
    pdf2 = tmp_path / "asked.pdf"
    chromium(asked, "--no-pdf-header-footer", f"--print-to-pdf={pdf2}")
    assert len(pypdf.PdfReader(str(pdf2)).pages) > len(reader.pages)
