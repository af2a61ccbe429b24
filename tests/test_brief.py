"""The handoff brief: every sample SOW with its notes gives ten sections, each filled or carrying its open
question; golden JSON per sample; the CLI's formats, errors and safety; the API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import REAL_CORPUS
from sowlint.briefing.assemble import build_brief
from sowlint.briefing.render import render

ROOT = Path(__file__).resolve().parents[1]
HANDOFF = ROOT / "corpora" / "handoff"
GOLDEN = Path(__file__).parent / "golden_briefs"
KEYS = ["engagement", "why", "people", "commitments", "duties", "exclusions", "schedule", "success", "questions", "gate"]
REAL = ["ansible-app-restart-sow.docx", "agh-pentest-sow.pdf", "dynamic-developers-car-nerd-proposal.docx"]


def _pairs() -> list[tuple[str, Path, Path]]:
    out = []
    for notes in sorted(HANDOFF.glob("*.notes.*")):
        name = notes.name.split(".notes.")[0]
        sow = ROOT / "corpora" / f"{name}.docx"
        out.append((name, sow if sow.exists() else HANDOFF / "sows" / f"{name}.md", notes))
    return out


PAIRS = _pairs()


@lru_cache(maxsize=None)
def brief_of(name: str):
    _n, sow, notes = next(p for p in PAIRS if p[0] == name)
    return build_brief(str(sow), [str(notes)])


def _stable(data: dict) -> dict:
    """The JSON without what changes from machine to machine: paths become names, the version goes."""
    data = dict(data, document=Path(data["document"]).name, notes=[Path(n).name for n in data["notes"]], version="")
    return data


def test_the_corpus_has_its_twenty_pairs():
    assert len(PAIRS) == 20 and all(sow.exists() for _n, sow, _notes in PAIRS)


@pytest.mark.parametrize("name", [p[0] for p in PAIRS])
def test_every_section_is_filled_or_asks_its_question(name):
    brief = brief_of(name)
    assert [s.key for s in brief.sections] == KEYS
    for s in brief.sections:
        assert s.filled or s.questions, (name, s.key)
    commitments = brief.section("commitments")
    assert commitments.groups, name  # every notes file holds commitments
    first = commitments.groups[0]
    if first.title == "To settle at kickoff":
        assert {i.label for i in first.items} <= {"contradicted", "unaddressed"}
    gate = brief.section("gate")
    assert gate.facts == [("Status", "ready" if brief.errors == 0 else f"blocked: {brief.errors} error"
                           + ("s" if brief.errors != 1 else ""))]


@pytest.mark.parametrize("name", [p[0] for p in PAIRS])
def test_golden_json(name):
    got = _stable(json.loads(render(brief_of(name), "json")))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("SOWLINT_UPDATE_BRIEFS"):
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8")), f"{name}: rerun with SOWLINT_UPDATE_BRIEFS=1 and review the diff"


def test_fernleaf_brief_reads_the_sow_and_the_notes():
    b = brief_of("website-build-fernleaf")
    facts = dict(b.section("engagement").facts)
    assert facts["Client"] == "Fernleaf Dental Group" and facts["Provider"] == "Pixel & Pine Studio"
    assert facts["Value"] == "USD 38,500"
    people = {i.text: i for g in b.section("people").groups if g.title == "People named" for i in g.items}
    assert people["Alan Whitcombe"].label == "client" and people["Deb"].detail.startswith("office manager")
    assert people["Priscilla Nguyen"].label == "provider"  # the notes' "Priscilla" merged with the SOW's team
    settle = b.section("commitments").groups[0]
    assert settle.title == "To settle at kickoff"
    assert [i.label for i in settle.items] == ["contradicted", "contradicted", "unaddressed", "unaddressed"]
    assert "Thanksgiving" in settle.items[0].text and "December 9, 2026" in settle.items[0].detail
    success = b.section("success").groups[0]
    assert success.checklist and len(success.items) == 3  # the SOW states no measure: the seed's indicators
    assert b.status == f"blocked: {b.errors} errors" and b.errors >= 1


def test_a_sow_without_notes_asks_what_was_promised():
    b = build_brief(str(ROOT / "corpora" / "website-build-fernleaf.docx"))
    commitments = b.section("commitments")
    assert not commitments.filled and "What did sales promise" in commitments.questions[0]


@pytest.mark.skipif(not REAL_CORPUS.is_dir(), reason="the real corpus (../shared/corpora/real) is not here")
@pytest.mark.parametrize("name", REAL)
def test_real_documents_without_notes(name):
    b = build_brief(str(REAL_CORPUS / name))
    for s in b.sections:
        assert s.filled or s.questions, (name, s.key)
    assert b.section("exclusions").filled or b.section("exclusions").questions


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sowlint", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, timeout=120)


def test_cli_writes_every_format(tmp_path):
    sow, notes = ROOT / "corpora" / "website-build-fernleaf.docx", HANDOFF / "website-build-fernleaf.notes.md"
    before = sow.read_bytes(), notes.read_bytes()
    for fmt, name in (("html", "b.html"), ("markdown", "b.md"), ("json", "b.json"), ("docx", "b.docx")):
        done = _cli("brief", str(sow), "--notes", str(notes), "--format", fmt, "-o", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html and "<script" not in html
    assert html.count('<section class="sec') == 10 and "To settle at kickoff" in html
    assert "## 4. Verbal commitments" in (tmp_path / "b.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["sections"][9]["key"] == "gate"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
    assert "10. Gate" in text and "To settle at kickoff" in text
    assert (sow.read_bytes(), notes.read_bytes()) == before  # sowlint never writes to what it reads


@pytest.mark.parametrize("args, message", [
    (["brief", "missing.docx"], "missing.docx"),
    (["brief", "corpora/website-build-fernleaf.docx", "--notes", "missing.md"], "notes file not found"),
    (["brief", "corpora/website-build-fernleaf.docx", "--format", "docx"], "needs -o"),
    (["brief", "corpora/website-build-fernleaf.docx", "-o", "corpora/website-build-fernleaf.docx"], "input files"),
])
def test_bad_input_is_one_line_and_exit_2(args, message):
    done = _cli(*args)
    assert done.returncode == 2 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_note_text_cannot_become_markup(tmp_path):
    notes = tmp_path / "n.md"
    notes.write_text("- Told <script>alert(1)</script> Alan we include **unlimited** support [x](http://evil.invalid).\n"
                     "- Promised the site is live by 1 November 2026 <img src=x onerror=alert(1)>.\n", encoding="utf-8")
    b = build_brief(str(ROOT / "corpora" / "website-build-fernleaf.docx"), [str(notes)])
    html = render(b, "html")
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").render(render(b, "markdown"))  # the Markdown as a wiki would show it
    assert "<script" not in md and "<img" not in md and "<a " not in md and "&lt;script&gt;" in md


def test_api():
    import sowlint

    b = sowlint.brief(ROOT / "corpora" / "quick-proposal-copperfield.docx",
                      notes=[HANDOFF / "quick-proposal-copperfield.notes.txt"])
    assert [s["key"] for s in b.as_dict()["sections"]] == KEYS
    from sowlint.errors import SowlintError

    with pytest.raises(SowlintError):
        sowlint.brief("missing.docx")
