"""The reviewed copies in a real word processor: LibreOffice opens them, keeps every comment where sowlint put it,
prints them to PDF with one note per finding, and a page renders to PNG."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docx_review_helpers import REAL, SAMPLES, comments, lint_one, review
from sowlint.document.anchors import skeleton

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
ARTIFACTS = Path(__file__).parent / "artifacts"
# ExportNotes: comments become PDF text annotations, one per comment, at their anchor.
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                                        "apt-get install libreoffice-writer (.ci/run does)")


def _soffice(target: str, files: list[Path], out: Path, profile: Path) -> None:
    """One headless LibreOffice process converting all ``files`` into ``out``."""
    done = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                           "--convert-to", target, "--outdir", str(out), *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Every sample and five real documents: (source, result, reviewed copy, LibreOffice's .docx, its PDF)."""
    base = tmp_path_factory.mktemp("lo")
    reviewed_dir, resaved, pdfs, profile = (base / n for n in ("reviewed", "resaved", "pdf", "profile"))
    reviewed_dir.mkdir()
    items = []
    for path in SAMPLES + [p for p in REAL if p.exists()]:
        out = reviewed_dir / (path.stem + ".reviewed.docx")
        items.append((path, review(path, out), out))
    copies = [out for _p, _r, out in items]
    _soffice("docx:MS Word 2007 XML", copies, resaved, profile)
    _soffice(PDF_FILTER, copies, pdfs, profile)
    return [(p, r, out, resaved / out.name, pdfs / (out.stem + ".pdf")) for p, r, out in items]


def test_libreoffice_keeps_one_comment_per_finding_where_sowlint_put_it(converted):
    assert len(converted) >= len(SAMPLES)
    for source, result, ours, resaved, _pdf in converted:
        assert resaved.exists(), f"LibreOffice did not open {ours.name}"
        theirs = [c for c in comments(resaved) if c[1] == "sowlint"]
        assert len(theirs) == len(result.findings), source.name
        # Anchors as LibreOffice saved them (it orders comments by position): the same words at the same places.
        def anchors(path):
            notes = lint_one(path).document.annotations
            return sorted((a.start, skeleton(a.anchor)[0], a.text) for a in notes if a.author == "sowlint")

        assert anchors(resaved) == anchors(ours), source.name


def test_pdf_has_one_note_per_finding_and_a_page_renders(converted):
    pypdf = pytest.importorskip("pypdf")
    for source, result, _ours, _resaved, pdf in converted:
        reader = pypdf.PdfReader(str(pdf))
        notes = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])
                 if a.get_object().get("/Subtype") == "/Text" and str(a.get_object().get("/T", "")).startswith("sowlint")]
        assert len(notes) == len(result.findings), source.name  # the samples' own reviewer comments aside
    if PDFTOPPM is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    fernleaf = next(pdf for source, _r, _o, _s, pdf in converted if source.name == "website-build-fernleaf.docx")
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "reviewed-docx-page"
    subprocess.run([PDFTOPPM, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(fernleaf), str(stem)],
                   capture_output=True, check=True, timeout=120)
    data = stem.with_suffix(".png").read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_a_waiver_reply_survives_a_libreoffice_save(tmp_path):
    from docx_review_helpers import add_reply

    source = next(p for p in SAMPLES if p.name == "website-build-fernleaf.docx")
    ours = tmp_path / "fernleaf.reviewed.docx"
    original = review(source, ours)
    add_reply(ours, "soft-promise-unbounded-quantity",
              "sowlint: waive soft-promise-unbounded-quantity - three rounds agreed on the call")
    add_reply(ours, "no-exclusions", "sowlint: waive no-exclusions - exclusions are in the MSA")
    _soffice("docx:MS Word 2007 XML", [ours], tmp_path / "saved", tmp_path / "profile")
    again = lint_one(tmp_path / "saved" / ours.name)
    assert {s.finding.rule for s in again.suppressed} == {"soft-promise-unbounded-quantity", "no-exclusions"}
    kept = {f.fingerprint for f in again.findings} | {s.finding.fingerprint for s in again.suppressed}
    assert kept == {f.fingerprint for f in original.findings}  # LibreOffice's save changes no finding
