"""Hostile and broken .docx files: each is refused with a one-line ReadError, bombs quickly and in little memory."""

from __future__ import annotations

import resource
import time
import zipfile
from pathlib import Path

import pytest

from fixtures_docx import build_docx, lie_about_size, members_of, para, write_bomb, write_members
from sowlint.errors import ReadError
from sowlint.readers.limits import ReadLimits
from sowlint.readers import read_document

_DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    return build_docx(folder / "valid.docx", para("Scope", style="Heading1") + para("The Vendor shall deliver."))


@pytest.fixture(scope="module")
def bomb(tmp_path_factory, valid) -> Path:
    """word/document.xml as 1 GiB of zeros, about 4.7 MB on disk; written in 1 MiB chunks."""
    return write_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", valid)


def _refused(path: Path, *expected: str, limits: ReadLimits | None = None) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path, limits)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    for part in expected:
        assert part in message, message
    return message


def test_the_valid_fixture_reads(valid):
    assert "The Vendor shall deliver." in read_document(valid).text


def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    _refused(path, "empty")


def test_plain_text_renamed_docx(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("Statement of Work\nThe vendor shall deliver.\n")
    _refused(path, "not a zip")


def test_truncated_zip(tmp_path, valid):
    data = valid.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "damaged or truncated")


def test_password_protected_ole_file(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # the CFB container Word encrypts into
    _refused(path, "password-protected or legacy Word file", "unprotected .docx")


def test_zip_bomb_is_refused_fast_and_small(bomb):
    start = time.perf_counter()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(bomb, "word/document.xml", "1,073,741,824 bytes")
    assert time.perf_counter() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 500 * 1024  # KiB on Linux


def test_bomb_under_the_size_cap_is_caught_by_its_ratio(tmp_path, valid):
    bomb = write_bomb(tmp_path / "ratio.docx", valid, size=64 << 20)
    _refused(bomb, "zip bomb", "compression ratio")


def test_bomb_whose_headers_lie_about_its_size(tmp_path, bomb):
    liar = lie_about_size(bomb, tmp_path / "liar.docx")
    declared = {i.filename: i.file_size for i in zipfile.ZipFile(liar).infolist()}
    assert declared["word/document.xml"] == 4096
    start = time.perf_counter()
    _refused(liar, "damaged")
    assert time.perf_counter() - start < 5


def test_streamed_size_caps_count_actual_bytes(tmp_path, valid):
    limits = ReadLimits(zip_max_total_bytes=4 << 20, zip_max_ratio=10_000)
    bomb = write_bomb(tmp_path / "total.docx", valid, size=8 << 20)
    _refused(bomb, "4,194,304", limits=limits)


def test_doctype_in_document_xml(tmp_path, valid):
    parts = members_of(valid)
    xml = parts["word/document.xml"].decode()
    head, rest = xml.split("?>", 1)
    parts["word/document.xml"] = (head + '?><!DOCTYPE w:document [<!ENTITY x "y">]>' + rest).encode()
    _refused(write_members(tmp_path / "dtd.docx", parts), "DOCTYPE", "refusing to read")


def test_doctype_in_a_part_not_named_xml(tmp_path, valid):
    parts = members_of(valid)
    parts["word/custom.dat"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    _refused(write_members(tmp_path / "dtd2.docx", parts), "word/custom.dat", "DOCTYPE")


def test_macro_enabled_content_type(tmp_path, valid):
    parts = members_of(valid)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(_DOCX.encode(), _DOCM.encode())
    _refused(write_members(tmp_path / "macro.docx", parts), ".docm", "save it as .docx")


def test_missing_document_xml(tmp_path, valid):
    parts = members_of(valid)
    del parts["word/document.xml"]
    _refused(write_members(tmp_path / "nodoc.docx", parts), "word/document.xml")


def test_missing_content_types(tmp_path, valid):
    parts = members_of(valid)
    del parts["[Content_Types].xml"]
    _refused(write_members(tmp_path / "notypes.docx", parts), "[Content_Types].xml")


def test_random_zip_is_not_a_word_document(tmp_path):
    path = write_members(tmp_path / "photos.docx", {"a.txt": b"hello", "b/c.txt": b"world"})
    _refused(path, "not a Word document")


def test_broken_document_xml(tmp_path, valid):
    parts = members_of(valid)
    xml = parts["word/document.xml"]
    parts["word/document.xml"] = xml[: len(xml) // 2]
    _refused(write_members(tmp_path / "halfxml.docx", parts), "malformed XML")


def test_too_many_members(tmp_path, valid):
    parts = members_of(valid)
    parts.update({f"word/media/x{i}.bin": b"" for i in range(30)})
    _refused(write_members(tmp_path / "many.docx", parts), "parts", limits=ReadLimits(zip_max_members=20))
