"""The HTML report in a real browser (headless Chromium): it renders, highlights, prints, and runs no payload."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

import report_fixtures as rf
from sowlint.reporters import html

CHROMIUM = shutil.which("chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--hide-scrollbars"]

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


def chromium(page: Path, *args: str) -> str:
    """Run Chromium on a local file with a throwaway profile; return its stdout."""
    with tempfile.TemporaryDirectory(prefix="sowlint-chromium-") as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=90)
    # stderr carries harmless dbus noise on this machine; only the exit code matters.
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def dump_dom(page: Path) -> str:
    return chromium(page, "--virtual-time-budget=2000", "--dump-dom")


def test_report_renders_with_highlights_and_screenshot(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(rf.sample_report(), generated="2026-11-24"), encoding="utf-8")
    dom = dump_dom(page)
    assert "<title>Risk report: Data Platform Migration — sowlint</title>" in dom
    assert re.search(r'<h1 class="doc-title" id="title">Data Platform Migration</h1>', dom)
    assert re.search(r'<div class="risk risk-high"[^>]*>', dom)
    marks = re.findall(r'<mark class="hl sev-(\w+)" id="(m\d+)"', dom)
    assert sorted(m for _, m in marks) == sorted(f"m{n}" for n in (1, 2, 3, 5, 6, 7, 8))
    assert re.search(r'<td><mark class="hl sev-warning" id="m7"[^>]*>2 weeks</mark>', dom)
    assert len(re.findall(r'<input type="checkbox" id="q\d+"', dom)) == 4
    assert 'id="suppressed"' in dom and "Training scope agreed in the MSA" in dom

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    chromium(page, "--screenshot=" + str(shot.resolve()), "--window-size=1200,1600")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000  # a real page, not a blank one
    (ARTIFACTS / "report.html").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")


def test_several_documents_render_on_one_page(tmp_path):
    page = tmp_path / "many.html"
    page.write_text(html.render(rf.multi_report(), generated="2026-11-24"), encoding="utf-8")
    dom = dump_dom(page)
    assert len(re.findall(r'<article class="doc" id="d\d-doc"', dom)) == 3
    assert 'id="d1-m1"' in dom and 'id="d2-m' in dom and "Could not be read" in dom


def test_print_stylesheet_produces_a_paged_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    page = tmp_path / "report.html"
    page.write_text(html.render(rf.sample_report(), generated="2026-11-24"), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    chromium(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) >= 2  # the document view starts on its own page
    text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages)).split())
    assert "Questions for the handoff meeting" in text and "unlimited support" in text
    assert "Handoff questions (4)" not in text  # the navigation bar is hidden in print


def test_hostile_document_runs_nothing(tmp_path):
    page = tmp_path / "hostile.html"
    source = html.render(rf.hostile_report(), generated="2026-11-24")
    page.write_text(source, encoding="utf-8")
    # The source holds every payload escaped and none of them as markup.
    assert "<script" not in source.lower() and "<img" not in source.lower()
    assert source.count("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;") >= 5
    assert source.count("&lt;img src=x onerror=") >= 5
    dom = dump_dom(page)
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert "PWNED" not in title.replace("&lt;script&gt;document.title='PWNED'&lt;/script&gt;", "")
    assert 'data-pwned="1"' not in dom  # what the onerror handler would have set on <body>
    assert not re.search(r"<(script|img)\b", dom), "no element was created from document text"


def test_the_xss_check_can_see_a_payload_run(tmp_path):
    """Control: the same payload as raw markup without a CSP does run, so the test above would notice."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!DOCTYPE html><html><head><title>safe</title></head><body>{rf.SCRIPT}{rf.IMG}</body></html>")
    dom = dump_dom(raw)
    assert "<title>PWNED</title>" in dom and 'data-pwned="1"' in dom
    # And the report's CSP alone blocks it, even if escaping ever failed.
    guarded = tmp_path / "guarded.html"
    guarded.write_text(f'<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="{html.CSP}">'
                       f"<title>safe</title></head><body>{rf.SCRIPT}{rf.IMG}</body></html>")
    dom = dump_dom(guarded)
    assert "<title>safe</title>" in dom and 'data-pwned="1"' not in dom
