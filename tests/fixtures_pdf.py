"""Builds PDF test files in tmp folders: reportlab for laid-out pages, raw bytes for hostile files."""

from __future__ import annotations

import zlib
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

HEADER = "ACME Consulting - Proposal 2024-17 - Confidential"
FOOTER = "Statement of Work for Example Corp"
WORDS = ("the contractor shall deliver the agreed services within the period of performance and "
         "report progress to the client every two weeks with a written status summary").split()


def body_lines(seed: int, count: int, width: int = 80) -> list[str]:
    """Deterministic prose cut into printed lines of about ``width`` characters."""
    words = [WORDS[(seed * 7 + i) % len(WORDS)] for i in range(count * 14)]
    lines, current = [], ""
    for word in words:
        if len(current) + len(word) + 1 > width and current:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    lines[0] = lines[0][0].upper() + lines[0][1:]
    return lines[:count]


def write_sow(path: Path, pages: int = 4, title: str = "Example SOW", author: str = "Test Author") -> Path:
    """A multi-page SOW: running header and footer, "Page N of M", headings set by size, lists.

    Each page has an 18 pt heading (level 1), a 13 pt heading (level 2), wrapped paragraphs
    (10 pt, 12 pt leading, a blank line between paragraphs) and two bullets.
    """
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setTitle(title)
    c.setAuthor(author)
    names = ["Project Overview", "Scope of Services", "Client Responsibilities", "Delivery Schedule",
             "Acceptance", "Fees and Payment"]
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(72, 760, HEADER)
        c.drawString(72, 36, FOOTER)
        c.drawRightString(540, 36, f"Page {p} of {pages}")
        y = 720
        c.setFont("Helvetica-Bold", 18)
        c.drawString(72, y, names[(p - 1) % len(names)])
        y -= 30
        for paragraph in range(2):
            c.setFont("Helvetica", 10)
            for line in body_lines(p * 10 + paragraph, 4):
                c.drawString(72, y, line)
                y -= 12
            c.drawString(72, y, f"End of paragraph {p}.{paragraph}.")
            y -= 24
        c.setFont("Helvetica-Bold", 13)
        c.drawString(72, y, f"Assumptions for Part {p}")
        y -= 22
        c.setFont("Helvetica", 10)
        for item in ("Access to the staging environment is granted.", "Content is supplied on time."):
            c.drawString(80, y, "\u2022")
            c.drawString(92, y, item)
            y -= 16
        c.showPage()
    c.save()
    return path


def write_table(path: Path) -> Path:
    """A heading, a sentence and a ruled 3 x 3 table, then a closing sentence."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 720, "Deliverables")
    c.setFont("Helvetica", 10)
    c.drawString(72, 696, "The contractor shall deliver the following items.")
    table = Table([["Deliverable", "Due", "Owner"], ["Project plan", "Week 2", "Contractor"],
                   ["Test report", "Week 10", "Client"]], colWidths=[160, 100, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONT", (0, 0), (-1, -1), "Helvetica", 10)]))
    _w, h = table.wrapOn(c, 400, 200)
    table.drawOn(c, 72, 680 - h)
    c.drawString(72, 640 - h, "Dates may move by agreement.")
    c.showPage()
    c.save()
    return path


def write_numbered_lines(path: Path, pages: int = 2) -> Path:
    """A proposal page that numbers every line in the margin, as pleadings do."""
    c = canvas.Canvas(str(path), pagesize=letter)
    number = 1
    for p in range(pages):
        y = 720
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, y, str(number))
        c.drawString(72, y, f"{p + 1}. Overview of Part {p + 1}")
        number += 1
        y -= 18
        c.setFont("Helvetica", 10)
        for line in body_lines(p, 12):
            c.drawString(40, y, str(number))
            c.drawString(72, y, line)
            number += 1
            y -= 12
        c.showPage()
    c.save()
    return path


def write_word_by_word(path: Path) -> Path:
    """Words placed one by one without space characters (how some PDF producers set text)."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica", 11)
    x = 72
    for word in "The contractor shall provide weekly status reports".split():
        c.drawString(x, 700, word)
        x += c.stringWidth(word, "Helvetica", 11) + 3.5
    c.showPage()
    c.save()
    return path


def write_scanned(path: Path, pages: int = 2) -> Path:
    """Pages holding only an image: no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = ImageReader(Image.new("L", (200, 100), color=200))
    c = canvas.Canvas(str(path), pagesize=letter)
    for _ in range(pages):
        c.drawImage(image, 72, 500, width=400, height=200)
        c.showPage()
    c.save()
    return path


def write_encrypted(source: Path, path: Path, user_password: str, owner_password: str = "owner") -> Path:
    """``source`` encrypted with pypdf (AES-256); an empty user password opens without asking."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(source)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_raw_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF around a Flate-compressed content stream, written object by object."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return write_pdf_objects(path, objects)


def write_pdf_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF made of ``objects`` (numbered from 1; 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def write_inflating_bomb(path: Path, mib: int = 4) -> Path:
    """A few-KB PDF whose content stream inflates to ``mib`` MiB of ``(x) Tj`` on one page."""
    repeats = mib * (1 << 20) // len(b"(x) Tj ")
    return write_raw_pdf(path, b"BT /F1 12 Tf 72 700 Td " + b"(x) Tj " * repeats + b"ET")
