"""The handoff brief in a real browser (headless Chromium): the Fernleaf sample's HTML brief, and its Markdown
brief rendered to HTML, each print on at most two A4 pages; the HTML brief renders and runs no payload."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from sowlint.briefing.assemble import build_brief
from sowlint.briefing.render import render

CHROMIUM = shutil.which("chromium")
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--hide-scrollbars"]
# What a wiki's print view does to Markdown: a plain sans-serif page at 9 pt with A4 margins of 10 mm.
MARKDOWN_PRINT_CSS = ("@page{size:A4;margin:10mm} body{font:9pt/1.25 system-ui,sans-serif;margin:0} "
                      "h1{font-size:13pt;margin:0 0 3pt} h2{font-size:11pt;margin:5pt 0 1pt} p{margin:1pt 0} "
                      "ul{margin:1pt 0;padding-left:14pt} code{font-size:8pt}")

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


def chromium(page: Path, *args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="sowlint-chromium-") as profile:
        done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@lru_cache(maxsize=None)
def fernleaf(notes: str = "website-build-fernleaf.notes.md"):
    return build_brief(str(ROOT / "corpora" / "website-build-fernleaf.docx"), [str(ROOT / "corpora" / "handoff" / notes)])


def pages(pdf: Path) -> int:
    pypdf = pytest.importorskip("pypdf")
    return len(pypdf.PdfReader(str(pdf)).pages)


def test_html_brief_prints_on_two_a4_pages_and_screenshot(tmp_path):
    page = tmp_path / "brief.html"
    page.write_text(render(fernleaf(), "html"), encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    chromium(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert 1 <= pages(pdf) <= 2
    dom = chromium(page, "--virtual-time-budget=2000", "--dump-dom")
    assert len(re.findall(r'<section class="sec sec-\w+"', dom)) == 10
    assert "blocked: 5 errors" in dom and "To settle at kickoff" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "brief.png"
    shot.unlink(missing_ok=True)
    chromium(page, "--screenshot=" + str(shot.resolve()), "--window-size=1100,1500")
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 50_000


def test_markdown_brief_rendered_to_html_prints_on_two_a4_pages(tmp_path):
    markdown_it = pytest.importorskip("markdown_it")
    body = markdown_it.MarkdownIt("commonmark").render(render(fernleaf(), "markdown"))
    page = tmp_path / "brief-md.html"
    page.write_text(f"<!DOCTYPE html><meta charset=utf-8><title>brief</title><style>{MARKDOWN_PRINT_CSS}</style>{body}",
                    encoding="utf-8")
    pdf = tmp_path / "brief-md.pdf"
    chromium(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert 1 <= pages(pdf) <= 2
    assert "10. Gate: blocked: 5 errors" in body.replace("<h2>", "").replace("</h2>", "")


def test_hostile_notes_run_nothing(tmp_path):
    notes = tmp_path / "hostile.notes.md"
    notes.write_text("- Told Alan <script>document.title='PWNED'</script> we include unlimited support.\n"
                     "- Promised <img src=x onerror=\"document.body.dataset.pwned=1\"> the site is live by 1 November 2026.\n",
                     encoding="utf-8")
    b = build_brief(str(ROOT / "corpora" / "website-build-fernleaf.docx"), [str(notes)])
    page = tmp_path / "hostile.html"
    page.write_text(render(b, "html"), encoding="utf-8")
    dom = chromium(page, "--virtual-time-budget=2000", "--dump-dom")
    assert "PWNED" not in re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert 'data-pwned="1"' not in dom and not re.search(r"<(script|img)\b", dom)
