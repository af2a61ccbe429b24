"""Counts the main part of a .docx with a streamed parse before python-docx builds its tree.

A zip bomb can stay inside every zip cap: ``<w:p/>`` repeated to 250 MB of XML deflates to 5.2 MB
(ratio 49), and python-docx's tree of it took more than 5.6 GB and 90 s.  Here lxml's iterparse
reads the part in a stream, freeing what it has seen, and stops at the first cap: the number of
elements (the largest real SOW seen has ~37k), and how deep tables nest (libxml2 stops at 256
levels with a message about XML_PARSE_HUGE that means nothing to a user: ``depth_message`` says
it plainly, here and where python-docx parses).  It also refuses a DOCTYPE in whatever encoding the
part declares (the byte scan in zipguard.py knows UTF-8, -16 and -32 only): lxml reports it before
the root element.

A part too small to hold MAX_ELEMENTS elements (4 bytes each at the least, ``<a/>``) is only parsed
up to its first element, for the DOCTYPE: the full count costs a quarter of reading a real SOW.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..errors import ReadError
from .docx_xml import TBL
from .zipguard import short_reason

MAX_ELEMENTS = 1_000_000  # 27x the largest real SOW seen; python-docx takes ~1 KB per element
MAX_TABLE_DEPTH = 32  # Word's own limit for nested tables is well under this in practice
_MIN_ELEMENT_BYTES = 4


def check_main_part(path: Path, part: str) -> None:
    """Raise ReadError when ``part`` is too large or too deeply nested to build as a tree."""
    try:
        with zipfile.ZipFile(path) as archive:
            name = next((n for n in archive.namelist() if n.lower() == part.lower()), part)
            whole = archive.getinfo(name).file_size >= MAX_ELEMENTS * _MIN_ELEMENT_BYTES
            with archive.open(name) as member:
                _scan(path, part, member, whole)
    except ReadError:
        raise
    except etree.XMLSyntaxError as exc:
        if "excessive depth" in str(exc).lower():
            raise ReadError(depth_message(path, part)) from None
        raise ReadError(f"{path}: damaged .docx (malformed XML: {short_reason(exc)})") from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(f"{path}: damaged or truncated .docx ({short_reason(exc)})") from None


def depth_message(path: Path, part: str = "word/document.xml") -> str:
    return f"{path}: {part} nests tables or other elements more than 256 levels deep: refusing to read"


def _scan(path: Path, part: str, member, whole: bool) -> None:
    # End events only (half the work of start and end): an element is counted, and freed, as it closes.
    events = etree.iterparse(member, events=("end",), resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    elements = 0
    for _event, element in events:
        if elements == 0:
            if element.getroottree().docinfo.doctype:
                raise ReadError(f"{path}: document part {part} contains a DOCTYPE (not written by Word): "
                                "refusing to read")
            if not whole:
                return
        elements += 1
        if elements > MAX_ELEMENTS:
            raise ReadError(f"{path}: {part} holds over {MAX_ELEMENTS:,} XML elements, the limit for one document")
        if element.tag == TBL and sum(1 for _ in element.iterancestors(TBL)) >= MAX_TABLE_DEPTH:
            raise ReadError(f"{path}: tables nested more than {MAX_TABLE_DEPTH} deep: refusing to read")
        if elements % 4096 == 0:  # free what has been counted, in batches: per element it costs 3x the parse
            _free_before(element)


def _free_before(element) -> None:
    """Drop the finished siblings before ``element`` and before each of its ancestors."""
    for node in (element, *element.iterancestors()):
        parent = node.getparent()
        if parent is None:
            break
        while node.getprevious() is not None:
            del parent[0]
