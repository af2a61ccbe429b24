"""Reads PDF: text and layout from PDFium, guarded against damaged, encrypted and hostile files."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..document.builder import DocumentBuilder
from ..document.model import Document
from .. import progress
from ..errors import ReadError
from .limits import ReadLimits
from .pdf_clean import remove_running_lines, strip_line_numbers
from .pdf_layout import Line, merge_same_baseline, page_lines, plain_lines
from .pdf_structure import emit
from .pdf_tables import MAX_PATHS, PageTable, count_objects, find_tables

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?)?")
_FILE_TITLE = re.compile(r"^microsoft \w+ - |\.(?:docx?|pdf|rtf|odt|pages)$|^untitled$", re.IGNORECASE)
_MIN_RULINGS = 4  # fewer path objects than this cannot draw a table
_OBJECTS_PER_CHAR_CAP = 1  # a page drawn with more objects than max_page_chars is not prose


def read_pdf(path: Path, limits: ReadLimits) -> Document:
    """Read ``path`` into a Document; raise ReadError for anything that is not a readable PDF."""
    started = time.monotonic()
    _check_signature(path)
    _precheck(path)
    pdf = _open(path)
    builder = DocumentBuilder(str(path), "pdf")
    try:
        _read_metadata(pdf, builder)
        pages = _read_pages(pdf, path, limits, builder, started)
    except MemoryError:
        raise ReadError(f"{path}: the PDF needs more memory than is available to read") from None
    finally:
        pdf.close()
    lines = [[item for item in page if isinstance(item, Line)] for page in pages]
    numbered = strip_line_numbers(lines)  # first: "12 1. Overview" must read "1. Overview"
    if remove_running_lines(lines) or numbered:
        kept = {id(line) for page in lines for line in page}
        pages = [[item for item in page if not isinstance(item, Line) or id(item) in kept] for page in pages]
    emit(pages, builder)
    if not any(pages) and not builder.warnings:
        builder.warn("the PDF has no text")
    return builder.build()


def _check_signature(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror})") from None
    if b"%PDF-" not in head:
        raise ReadError(f"{path}: not a PDF file (no %PDF header)")


def _precheck(path: Path) -> None:
    """Form nests and huge content streams, counted from the raw file (pdf_precheck.py)."""
    from .pdf_precheck import check_pdf_streams

    try:
        data = path.read_bytes()  # the caller held it to max_file_bytes
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror})") from None
    check_pdf_streams(path, data)


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(f"{path}: PDF is password-protected: remove the password") from None
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError(f"{path}: PDF uses an unsupported encryption scheme") from None
        raise ReadError(f"{path}: the PDF is damaged or truncated and cannot be read") from None
    except (OSError, ValueError) as exc:
        raise ReadError(f"{path}: cannot be read ({exc})") from None


def _read_pages(pdf, path: Path, limits: ReadLimits, builder: DocumentBuilder, started: float
                ) -> list[list[Line | PageTable]]:
    total = len(pdf)
    builder.meta.pages = total
    if total > limits.max_pages:
        builder.warn(f"the PDF has {total} pages: only the first {limits.max_pages} were read")
    pages: list[list[Line | PageTable]] = []
    chars = damaged = 0
    reading = min(total, limits.max_pages)
    for index in range(reading):
        progress.report("pages", index, reading)
        if time.monotonic() - started > limits.max_seconds:
            builder.warn(f"reading stopped after {limits.max_seconds:g} s at page {index + 1} of {total}")
            break
        if chars > limits.max_chars:
            builder.warn(f"reading stopped at page {index + 1} of {total}: over {limits.max_chars:,} characters")
            break
        try:
            page = pdf[index]
            try:
                items, count = _read_page(page, index + 1, limits, builder)
            finally:
                page.close()
        except pdfium.PdfiumError:
            builder.warn(f"page {index + 1} could not be read (damaged)")
            damaged += 1
            continue
        chars += count
        pages.append(items)
    progress.report("pages", reading, reading)  # the end of the stage, also when reading stopped early
    if damaged and not pages:
        raise ReadError(f"{path}: the PDF is damaged: none of its pages can be read")
    return pages


def _read_page(page, page_no: int, limits: ReadLimits, builder: DocumentBuilder
               ) -> tuple[list[Line | PageTable], int]:
    """One page's lines and tables in reading order, and its character count."""
    objects = pdfium_c.FPDFPage_CountObjects(page)
    if objects > _OBJECTS_PER_CHAR_CAP * limits.max_page_chars:
        # PDFium's text layer would double the memory the parse already took (a few hundred
        # bytes per object); no page of prose is drawn with this many objects.
        builder.warn(f"page {page_no} has {objects:,} drawing objects: its text was skipped")
        return [], 0
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            if count_objects(page).get(pdfium_c.FPDF_PAGEOBJ_IMAGE, 0):
                builder.warn(f"page {page_no} has no text layer (scanned?)")
            return [], 0
        if count > limits.max_page_chars:
            # Probing each line's font would take seconds: read the text without layout.
            builder.warn(f"page {page_no} has {count:,} characters: read without layout analysis")
            return plain_lines(textpage, page_no, count), count
        lines = page_lines(textpage, page_no, count)
        tables: list[PageTable] = []
        paths = count_objects(page).get(pdfium_c.FPDF_PAGEOBJ_PATH, 0)
        if paths > MAX_PATHS:
            builder.warn(f"page {page_no} has {paths:,} drawing objects: table detection skipped")
        elif paths >= _MIN_RULINGS:
            tables = find_tables(page, textpage, page_no)
        if tables:
            lines = [ln for ln in lines if not any(t.holds(ln.x0, ln.y) for t in tables)]
        items: list[Line | PageTable] = [*merge_same_baseline(lines), *tables]
        items.sort(key=lambda item: -item.y)
        return items, count
    finally:
        textpage.close()


def _read_metadata(pdf, builder: DocumentBuilder) -> None:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError:
        return
    meta = builder.meta
    title = _clean_meta(info.get("Title"))
    # "Microsoft Word - draft_v3.docx" names the file, not the document: leave the title unset.
    meta.title = None if title and _FILE_TITLE.search(title) else title
    meta.author = _clean_meta(info.get("Author"))
    meta.created = pdf_date_to_iso(info.get("CreationDate"))
    meta.modified = pdf_date_to_iso(info.get("ModDate"))


def _clean_meta(value: str | None) -> str | None:
    value = " ".join((value or "").replace("\x00", "").split())
    return value or None


def pdf_date_to_iso(value: str | None) -> str | None:
    """"D:20120817153823-04'00'" -> "2012-08-17T15:38:23-04:00"; None when unreadable."""
    m = _PDF_DATE.match((value or "").strip())
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    month, day = month or "01", day or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    iso = f"{year}-{month}-{day}"
    if hour:
        iso += f"T{hour}:{minute or '00'}:{second or '00'}"
        if zone == "Z":
            iso += "Z"
        elif zone:
            digits = zone.replace("'", "")
            iso += f"{digits[:3]}:{digits[3:5]}"
    return iso
