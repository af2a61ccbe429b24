"""Hostile inputs written in the test's own folder: PDF form nests and huge streams, docx bombs."""

from __future__ import annotations

import random
import zipfile
import zlib
from pathlib import Path

from fixtures_pdf import write_pdf_objects, write_raw_pdf


def _stream(dictionary: bytes, content: bytes) -> bytes:
    data = zlib.compress(content, 9)
    return b"<< %s /Length %d /Filter /FlateDecode >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def write_nested_forms(path: Path, depth: int = 28) -> Path:
    """One page drawing form 1, each form drawing the next twice: 2^depth drawings of a rectangle."""
    first_form = 5
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X0 %d 0 R >> >> "
        b"/Contents 4 0 R >>" % first_form,
        _stream(b"", b"q /X0 Do Q"),
    ]
    for level in range(depth):
        number = first_form + level
        if level == depth - 1:
            objects.append(_stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"0 0 5 5 re f"))
        else:
            objects.append(_stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                                   b"/Resources << /XObject << /X %d 0 R >> >>" % (number + 1),
                                   b"q /X Do Q q 1 0 0 1 1 1 cm /X Do Q"))
    return write_pdf_objects(path, objects)


def write_path_flood(path: Path, operations: int = 2_000_000) -> Path:
    """One page whose content stream draws ``operations`` path segments (88 KB compressed for 2M)."""
    return write_raw_pdf(path, b"0 0 m " + b"1 1 l " * operations + b"S")


def write_text_flood(path: Path, operations: int = 3_000_000) -> Path:
    """One page whose content stream shows ``operations`` strings."""
    return write_raw_pdf(path, b"BT /F1 12 Tf 72 700 Td " + b"(x) Tj " * operations + b"ET")


def write_paragraph_bomb(path: Path, template: Path, mib: int = 32) -> Path:
    """``template``'s parts with a document.xml of ``mib`` MiB of empty paragraphs (ratio under the cap)."""
    with zipfile.ZipFile(template) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    head, tail = xml.split("<w:body>", 1)[0] + "<w:body>", "</w:body>" + xml.split("</w:body>", 1)[1]
    # Empty paragraphs with revision ids: the ids keep the ratio under the zip guard's cap of 200.
    rng = random.Random(14)
    block = b"".join(b'<w:p w:rsidR="%06X"/>' % rng.getrandbits(20) + b"<w:p/>" * 6 for _ in range((1 << 20) // 56))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w") as handle:
            handle.write(head.encode("utf-8"))
            for _ in range(mib):
                handle.write(block)
            handle.write(tail.encode("utf-8"))
    return path


def replace_document_xml(path: Path, template: Path, xml: bytes) -> Path:
    """``template``'s parts with ``xml`` as word/document.xml."""
    with zipfile.ZipFile(template) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def utf32_doctype_xml() -> bytes:
    """A document.xml in UTF-32 that declares an entity and uses it mid-sentence."""
    text = (f'<?xml version="1.0" encoding="UTF-32"?>\n<!DOCTYPE w:document [<!ENTITY cut "x">]>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Scope &cut; and more</w:t></w:r></w:p>'
            f'</w:body></w:document>')
    return text.encode("utf-32")


def nested_tables_xml(levels: int = 100) -> bytes:
    inner = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(levels):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{inner}'
            f'</w:body></w:document>').encode("utf-8")
