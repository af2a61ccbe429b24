"""Checks a .docx zip container before any parser sees it: magic bytes, member caps, bombs, DOCTYPEs."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from .limits import ReadLimits

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 20  # bounded reads keep a lying or huge member from inflating all at once
_RATIO_FLOOR = 1 << 20  # small members may compress extremely well (blank XML), so ratio applies above 1 MiB
# Word never writes a DTD; an entity it declares would silently cut text short (tech.md 4b).  UTF-16 and
# UTF-32 variants too, because lxml honours an XML declaration in either byte order (and the main part is
# parsed once more in docx_precheck.py, which sees a DOCTYPE in any encoding).
_DOCTYPE = tuple(p.encode(enc) for p in ("<!DOCTYPE",)
                 for enc in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_PARSED_SUFFIXES = (".xml", ".rels")
# markup or a BOM (UTF-8, -16, -32 in either order, or UTF-16/32 big-endian markup without one): python-docx may parse it
_XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\x00<", b"\x00\x00\x00<")

_MAIN_PREFIX = "application/vnd.ms-word."
_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_WORD_TYPES = {
    _MAIN_PREFIX + "document.macroEnabled.main+xml": "macro-enabled Word file (.docm): save it as .docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
        "Word template (.dotx): save it as .docx",
    _MAIN_PREFIX + "template.macroEnabledTemplate.main+xml": "macro-enabled Word template (.dotm): save it as .docx",
}
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>", re.S)
_ATTR = re.compile(rb'(\w+)\s*=\s*["\']([^"\']*)["\']')


@dataclass(frozen=True)
class Container:
    """What the pre-scan learned: member names, the main document part, and Word's extended properties."""

    names: frozenset[str]
    main_part: str  # "word/document.xml" in every file Word writes
    app_properties: bytes | None  # docProps/app.xml (its page count), inflated once here


_KEEP = ("[Content_Types].xml", "docProps/app.xml")  # the parts later steps read from the guard's inflate


def check_docx_container(path: Path, limits: ReadLimits) -> Container:
    """Refuse anything that is not a plain, bounded .docx; raise ReadError with a one-line reason."""
    _check_magic(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _scan(path, archive, limits)
    except ReadError:
        raise
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{path}: damaged or truncated .docx ({short_reason(exc)})") from None
    except (zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ReadError(f"{path}: unsupported zip feature in .docx ({short_reason(exc)})") from None
    except (zlib.error, EOFError, ValueError) as exc:
        raise ReadError(f"{path}: damaged or truncated .docx ({short_reason(exc)})") from None
    except MemoryError:
        raise ReadError(f"{path}: out of memory while checking the .docx container") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror or short_reason(exc)})") from None


def _check_magic(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ReadError(f"{path}: cannot be read ({exc.strerror})") from None
    if not head:
        raise ReadError(f"{path}: the file is empty")
    if head.startswith(OLE_MAGIC):
        raise ReadError(f"{path}: password-protected or legacy Word file: save it as an unprotected .docx")
    if head.startswith(b"%PDF"):
        raise ReadError(f"{path}: this is a PDF with a .docx name: rename it to .pdf")
    if not head.startswith(_ZIP_MAGIC):
        raise ReadError(f"{path}: not a .docx (the file is not a zip container)")


def _scan(path: Path, archive: zipfile.ZipFile, limits: ReadLimits) -> Container:
    members = archive.infolist()
    if len(members) > limits.zip_max_members:
        raise ReadError(f"{path}: .docx holds {len(members):,} parts, over the {limits.zip_max_members:,}-part limit")
    declared = 0
    for info in members:
        _check_declared(path, info, limits)
        declared += info.file_size
    if declared > limits.zip_max_total_bytes:
        raise ReadError(f"{path}: .docx would unpack to {declared:,} bytes, over the "
                        f"{limits.zip_max_total_bytes:,}-byte limit")
    names = frozenset(info.filename for info in members)
    if "[Content_Types].xml" not in names:
        raise ReadError(f"{path}: not a Word document (no [Content_Types].xml in the zip)")
    total = 0
    kept: dict[str, bytes] = {}
    for info in members:
        data = _stream(path, archive, info, limits, total, keep=info.filename in _KEEP)
        total += info.file_size if data is None else len(data)
        if data is not None:
            kept[info.filename] = data
    main_part = _main_part(path, kept.get("[Content_Types].xml", b""), names)
    return Container(names, main_part, kept.get("docProps/app.xml"))


def _check_declared(path: Path, info: zipfile.ZipInfo, limits: ReadLimits) -> None:
    name = info.filename
    if info.flag_bits & 0x1:
        raise ReadError(f"{path}: .docx part {name} is encrypted: save it as an unprotected .docx")
    if info.file_size > limits.zip_max_member_bytes:
        raise ReadError(f"{path}: .docx part {name} would unpack to {info.file_size:,} bytes, over the "
                        f"{limits.zip_max_member_bytes:,}-byte limit")
    if info.file_size > _RATIO_FLOOR and info.file_size > limits.zip_max_ratio * max(info.compress_size, 1):
        raise ReadError(f"{path}: .docx part {name} is a zip bomb (compression ratio over "
                        f"{limits.zip_max_ratio:g})")


def _stream(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ReadLimits,
            total_before: int, keep: bool) -> bytes | None:
    """Inflate one member in bounded reads, counting the bytes that actually come out."""
    name = info.filename
    scan_doctype = name.lower().endswith(_PARSED_SUFFIXES)
    first = True
    kept: list[bytes] = []
    actual = 0
    tail = b""
    with archive.open(info) as member:
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            actual += len(chunk)
            if actual > limits.zip_max_member_bytes:
                raise ReadError(f"{path}: .docx part {name} unpacks to more than "
                                f"{limits.zip_max_member_bytes:,} bytes")
            if total_before + actual > limits.zip_max_total_bytes:
                raise ReadError(f"{path}: .docx unpacks to more than {limits.zip_max_total_bytes:,} bytes")
            if actual > _RATIO_FLOOR and actual > limits.zip_max_ratio * max(info.compress_size, 1):
                raise ReadError(f"{path}: .docx part {name} is a zip bomb (compression ratio over "
                                f"{limits.zip_max_ratio:g})")
            if first:  # parts are parsed by content type, not name: sniff anything that starts like XML
                scan_doctype = scan_doctype or chunk.lstrip().startswith(_XML_STARTS)
                first = False
            if scan_doctype:
                window = tail + chunk
                if any(marker in window for marker in _DOCTYPE):
                    raise ReadError(f"{path}: document part {name} contains a DOCTYPE (not written by Word): "
                                    "refusing to read")
                tail = window[-40:]
            if keep:
                kept.append(chunk)
    return b"".join(kept) if keep else None


def _main_part(path: Path, content_types: bytes, names: frozenset[str]) -> str:
    """The main document part named in [Content_Types].xml, refusing .docm, .dotx and non-Word packages."""
    overrides: dict[str, str] = {}
    for tag in _OVERRIDE.findall(content_types):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(tag)}
        if "PartName" in attrs and "ContentType" in attrs:
            overrides[attrs["PartName"].lstrip("/")] = attrs["ContentType"].strip()
    for part, ctype in overrides.items():
        if ctype in _OTHER_WORD_TYPES:
            raise ReadError(f"{path}: {_OTHER_WORD_TYPES[ctype]}")
    mains = [part for part, ctype in overrides.items() if ctype == _WORD_DOCUMENT]
    if not mains:
        if "word/document.xml" not in names:
            raise ReadError(f"{path}: not a Word document (word/document.xml is missing)")
        raise ReadError(f"{path}: not a Word document ([Content_Types].xml names no Word main part)")
    if mains[0].lower() not in {name.lower() for name in names}:  # part names are case-insensitive in OPC
        raise ReadError(f"{path}: not a Word document ({mains[0]} is missing)")
    return mains[0]


def short_reason(exc: BaseException) -> str:
    """An exception as a short one-line reason."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]
