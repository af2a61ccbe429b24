"""Reads a file into a Document: guards common to every format, then one reader per format."""

from __future__ import annotations

import os
from pathlib import Path

from ..document.model import Document
from ..errors import ReadError
from .limits import ReadLimits

SUPPORTED = (".docx", ".pdf", ".md", ".markdown", ".txt")
_LEGACY = {
    ".doc": "legacy Word .doc is not supported: save it as .docx",
    ".rtf": "RTF is not supported: save it as .docx",
    ".odt": "OpenDocument .odt is not supported: save it as .docx",
    ".pages": "Apple Pages files are not supported: export to .docx or .pdf",
    ".docm": "macro-enabled .docm is not supported: save it as .docx",
    ".dotx": "Word templates (.dotx) are not supported: save it as .docx",
}


def _missing(p: Path) -> str:
    """Why ``p`` cannot be found: a symbolic link loop, a dangling link, or nothing there."""
    import errno

    try:
        p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{p}: symbolic link loop (the link points back to itself)"
        if p.is_symlink():
            return f"{p}: broken symbolic link (its target does not exist)"
        if exc.errno == errno.EACCES:
            return f"{p}: permission denied"
    return f"{p}: no such file"


def read_document(path: str | os.PathLike, limits: ReadLimits | None = None) -> Document:
    """Read ``path``; raise ReadError with a one-line reason for anything that is not a readable SOW."""
    limits = limits or ReadLimits()
    p = Path(path)
    ext = p.suffix.lower()
    if not p.exists():
        raise ReadError(_missing(p))
    if p.is_dir():
        raise ReadError(f"{p}: is a folder, not a document")
    if ext in _LEGACY:
        raise ReadError(f"{p}: {_LEGACY[ext]}")
    if ext not in SUPPORTED:
        raise ReadError(f"{p}: unsupported file type '{ext or '(none)'}' (sowlint reads {', '.join(SUPPORTED)})")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ReadError(f"{p}: cannot be read ({exc.strerror})") from None
    if size == 0:
        raise ReadError(f"{p}: the file is empty")
    if size > limits.max_file_bytes:
        raise ReadError(f"{p}: {size:,} bytes is over the {limits.max_file_bytes:,}-byte limit")
    if not os.access(p, os.R_OK):
        raise ReadError(f"{p}: permission denied")
    if ext == ".docx":
        from .docx import read_docx

        return read_docx(p, limits)
    if ext == ".pdf":
        from .pdf import read_pdf

        return read_pdf(p, limits)
    from .text import read_text

    return read_text(p, limits)
