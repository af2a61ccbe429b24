"""Builds .docx test files in tmp folders: python-docx for the package, raw XML for the body and extra parts."""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_MIB = 1 << 20


# -- body XML snippets -----------------------------------------------------------------------------
def run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*content: str, style: str | None = None, num: tuple[int, int] | None = None,
         outline: int | None = None) -> str:
    """A w:p; plain strings become runs, strings starting with '<' are inserted as XML."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    inner = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def table(rows: list[list[str]]) -> str:
    """A w:tbl; a cell given as XML (starting with '<') is used as the cell's content."""
    out = []
    for row in rows:
        cells = "".join(f"<w:tc>{c if c.startswith('<') else para(c)}</w:tc>" for c in row)
        out.append(f"<w:tr>{cells}</w:tr>")
    return f"<w:tbl>{''.join(out)}</w:tbl>"


# -- packages ----------------------------------------------------------------------------------------
def build_docx(path: Path, body_xml: str, *, header: str | None = None, footer: str | None = None,
               comments: list[tuple[int, str, str]] | None = None,
               footnotes: list[tuple[int, str]] | None = None, styles_xml: str = "",
               core: dict[str, str] | None = None) -> Path:
    """A .docx whose body is ``body_xml``; comments are (id, author, text), footnotes (id, text); ``styles_xml``
    is extra w:style elements; ``core`` sets core properties (title, author)."""
    import docx

    document = docx.Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    for key, value in (core or {}).items():
        setattr(document.core_properties, key, value)
    buffer = io.BytesIO()
    document.save(buffer)
    parts = _members(buffer.getvalue())
    if styles_xml:
        styles = parts["word/styles.xml"].decode("utf-8")
        parts["word/styles.xml"] = styles.replace("</w:styles>", styles_xml + "</w:styles>").encode("utf-8")
    xml = parts["word/document.xml"].decode("utf-8")
    xml = re.sub(r"<w:body>.*?(<w:sectPr)", lambda m: "<w:body>" + body_xml + m.group(1), xml, count=1, flags=re.S)
    parts["word/document.xml"] = xml.encode("utf-8")
    if comments:
        body = "".join(f'<w:comment w:id="{i}" w:author="{escape(a)}">{para(t)}</w:comment>' for i, a, t in comments)
        _add_part(parts, "word/comments.xml", "comments", _CT + "comments+xml",
                  f'<w:comments xmlns:w="{W_NS}">{body}</w:comments>')
    if footnotes:
        body = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0">'
                '<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
        body += "".join(f'<w:footnote w:id="{i}">{para(t)}</w:footnote>' for i, t in footnotes)
        _add_part(parts, "word/footnotes.xml", "footnotes", _CT + "footnotes+xml",
                  f'<w:footnotes xmlns:w="{W_NS}">{body}</w:footnotes>')
    return write_members(path, parts)


def _add_part(parts: dict[str, bytes], name: str, rel_type: str, content_type: str, xml: str) -> None:
    parts[name] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml).encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rel = f'<Relationship Id="rIdT{len(parts)}" Type="{_REL}{rel_type}" Target="{name.split("/", 1)[1]}"/>'
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/{name}" ContentType="{content_type}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode("utf-8")


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def members_of(path: Path) -> dict[str, bytes]:
    return _members(Path(path).read_bytes())


def write_members(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return Path(path)


# -- hostile files -------------------------------------------------------------------------------------
def write_bomb(path: Path, template: Path, member: str = "word/document.xml", size: int = 1 << 30) -> Path:
    """``template``'s parts, with ``member`` replaced by ``size`` bytes of zeros, streamed in 1 MiB writes."""
    parts = members_of(template)
    zeros = bytes(_MIB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            if name != member:
                archive.writestr(name, data)
        with archive.open(member, "w", force_zip64=size >= (1 << 31)) as handle:
            for _ in range(size // _MIB):
                handle.write(zeros)
    return Path(path)


def lie_about_size(bomb: Path, out: Path, member: str = "word/document.xml", claimed: int = 4096) -> Path:
    """A copy of ``bomb`` whose zip headers (local and central) declare ``member`` as ``claimed`` bytes."""
    data = bytearray(bomb.read_bytes())
    name = member.encode()
    local = data.find(b"PK\x03\x04")
    while local >= 0:
        name_len, = struct.unpack_from("<H", data, local + 26)
        if data[local + 30: local + 30 + name_len] == name:
            struct.pack_into("<I", data, local + 22, claimed)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_len, = struct.unpack_from("<H", data, central + 28)
        if data[central + 46: central + 46 + name_len] == name:
            struct.pack_into("<I", data, central + 24, claimed)
        central = data.find(b"PK\x01\x02", central + 4)
    out.write_bytes(bytes(data))
    return out


# -- the 50-page benchmark document ----------------------------------------------------------------
_SUBJECTS = ["The Contractor", "The Client", "The Vendor", "The project team", "The Supplier", "Each party"]
_VERBS = ["shall deliver", "will provide", "must complete", "shall review", "will support", "shall maintain",
          "will document", "must approve"]
_OBJECTS = ["the migration plan", "all test results", "weekly status reports", "the data model",
            "user acceptance testing", "the deployment runbook", "access to staging systems", "training material",
            "the security assessment", "a prioritised backlog"]
_TAILS = ["within 10 business days of kickoff", "by the end of Phase 2", "as described in Section 4",
          "no later than March 31, 2025", "for a fee of $45,000", "subject to written approval",
          "on a best-efforts basis", "before go-live", "during the warranty period of 90 days"]
_TOPICS = ["Scope of Work", "Deliverables", "Client Responsibilities", "Assumptions", "Out of Scope", "Timeline",
           "Acceptance", "Change Control", "Staffing", "Pricing", "Governance", "Risks", "Training", "Support"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."


def _paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(_sentence(rng))
    return " ".join(out)


def make_large_docx(path: Path, seed: int = 7, pages: int = 50) -> Path:
    """A seeded SOW of ``pages`` pages (50: about 20k words, 538 paragraphs, 28 tables), Heading and List styles."""
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    document.add_paragraph("Statement of Work: Platform Modernisation", style="Title")
    for page in range(pages):
        topic = _TOPICS[page % len(_TOPICS)]
        if page % 5 == 0:
            document.add_heading(f"{page // 5 + 1}. {topic}", level=1)
        else:
            document.add_heading(f"{page // 5 + 1}.{page % 5} {topic} details", level=2)
        for _ in range(6):
            document.add_paragraph(_paragraph(rng, 50))
        for i in range(2 if page < 12 else 3):
            document.add_paragraph(_paragraph(rng, 12), style="List Number" if i % 2 else "List Bullet")
        if page < 28:
            grid = document.add_table(rows=4, cols=3)
            for r, row in enumerate(grid.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = ["Milestone", "Owner", "Due"][c] if r == 0 else f"{rng.choice(_OBJECTS)} {r}.{c}"
        if page < pages - 1:
            document.add_page_break()
    document.save(str(path))
    return Path(path)
