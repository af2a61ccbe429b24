"""Hostile and broken PDFs: each is a one-line ReadError or a bounded read, never a crash or a hang."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fixtures_pdf import write_encrypted, write_inflating_bomb, write_raw_pdf, write_sow
from sowlint.errors import ReadError
from sowlint.readers.limits import ReadLimits
from sowlint.readers import read_document

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sow(tmp_path_factory) -> Path:
    return write_sow(tmp_path_factory.mktemp("hostile") / "sow.pdf", pages=3)


def read_error(path: Path, limits: ReadLimits | None = None) -> str:
    with pytest.raises(ReadError) as caught:
        read_document(path, limits)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_text_renamed_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("Statement of Work\n1. Scope\nThe contractor shall ...\n", encoding="utf-8")
    assert "not a PDF file" in read_error(path)


def test_docx_renamed_pdf(tmp_path):
    path = tmp_path / "proposal.pdf"
    path.write_bytes(b"PK\x03\x04" + bytes(2000))
    assert "not a PDF file" in read_error(path)


def test_empty_pdf(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert "empty" in read_error(path)


@pytest.mark.parametrize("keep", [0.5, 0.9, "minus 2 KB", "first 1 KB"])
def test_truncated_pdf(sow, tmp_path, keep):
    data = sow.read_bytes()
    size = {"minus 2 KB": len(data) - 2048, "first 1 KB": 1024}.get(keep) or int(len(data) * keep)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:size])
    assert "damaged or truncated" in read_error(path)


def test_garbage_after_a_pdf_header(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert "damaged or truncated" in read_error(path)


def test_user_password_pdf_asks_to_remove_the_password(sow, tmp_path):
    path = write_encrypted(sow, tmp_path / "locked.pdf", user_password="secret")
    assert read_error(path).endswith("PDF is password-protected: remove the password")


def test_owner_password_only_pdf_reads(sow, tmp_path):
    path = write_encrypted(sow, tmp_path / "owner.pdf", user_password="")
    doc = read_document(path)
    assert [s.heading for s in doc.sections] == ["Project Overview", "Scope of Services", "Client Responsibilities"]


def test_inflating_stream_bomb_finishes_within_5_s_and_500_mb(tmp_path):
    """6.7 KB that inflates to 4 MiB of "(x) Tj": pdfplumber took 20 s and 1.4 GB on it."""
    path = write_inflating_bomb(tmp_path / "bomb.pdf", mib=4)
    assert path.stat().st_size < 10_000
    probe = textwrap.dedent(f"""
        import json, resource, time
        from sowlint.readers import read_document
        started = time.monotonic()
        doc = read_document({str(path)!r})
        print(json.dumps({{"seconds": time.monotonic() - started, "warnings": doc.warnings,
                          "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["seconds"] < 5 and result["rss_mb"] < 500, result
    assert any("page 1 has" in w for w in result["warnings"])


def test_a_page_over_the_character_cap_is_read_without_layout(tmp_path):
    words = b"".join(b"(word%d and more words here) Tj 0 -12 Td " % i for i in range(300))
    path = write_raw_pdf(tmp_path / "dense.pdf", b"BT /F1 10 Tf 72 760 Td " + words + b"ET")
    doc = read_document(path, ReadLimits(max_page_chars=2000))
    assert "page 1 has" in doc.warnings[0] and "read without layout analysis" in doc.warnings[0]
    assert "word299 and more words here" in doc.text


def test_character_cap_stops_reading_with_a_warning(tmp_path):
    path = write_sow(tmp_path / "sow.pdf", pages=4)
    doc = read_document(path, ReadLimits(max_chars=500))
    assert any(w.startswith("reading stopped at page 2 of 4") for w in doc.warnings)
    assert "Project Overview" in doc.text and "Scope of Services" not in doc.text


def test_time_cap_stops_reading_with_a_warning(sow):
    doc = read_document(sow, ReadLimits(max_seconds=0))
    assert doc.warnings[0] == "reading stopped after 0 s at page 1 of 3"
    assert doc.text == ""


def test_a_pdf_without_pages_text_is_not_an_error(tmp_path):
    path = write_raw_pdf(tmp_path / "blank.pdf", b"")
    doc = read_document(path)
    assert doc.text == "" and doc.warnings == ["the PDF has no text"]
