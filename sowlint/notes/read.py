"""Reads handoff notes (.md, .txt, .docx, .eml) into lines of note text with their source line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError

NOTE_FORMATS = (".md", ".markdown", ".txt", ".docx", ".eml")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|\[[ xX]\])\s+")
_QUOTE_INTRO = re.compile(r"^\s*(?:on\s.+wrote:|-+\s*original message\s*-+|from:\s.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class NoteLine:
    text: str
    source: str
    line: int  # 1-based line in the notes file (block number for .docx)


def read_notes(path: str | Path) -> list[NoteLine]:
    """One entry per non-empty line or bullet of the notes; ReadError (one line) if it cannot be read."""
    p = Path(path)
    if not p.is_file():
        raise ReadError(f"{p}: notes file not found")
    ext = p.suffix.lower()
    if ext not in NOTE_FORMATS:
        raise ReadError(f"{p}: unsupported notes type '{ext or '(none)'}' (notes may be {', '.join(NOTE_FORMATS)})")
    if ext == ".docx":
        from ..readers import read_document

        doc = read_document(p)
        return [NoteLine(b.text, str(p), b.line) for b in doc.blocks() if b.kind != "table" and b.text.strip()]
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{p}: cannot read notes ({exc.strerror})") from None
    if not raw.strip():
        raise ReadError(f"{p}: the notes file is empty")
    if b"\x00" in raw[:4096]:
        raise ReadError(f"{p}: the notes file looks binary, not text")
    text = _email_body(raw, p) if ext == ".eml" else raw.decode("utf-8-sig", errors="replace")
    return _lines(text, str(p))


def _email_body(raw: bytes, path: Path) -> str:
    """The plain-text body of an email, without quoted replies and the signature."""
    import email
    from email import policy

    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        part = message.get_body(preferencelist=("plain",))
        body = part.get_content() if part is not None else ""
    except Exception as exc:  # the email package raises many kinds on malformed input
        raise ReadError(f"{path}: not a readable email ({exc.__class__.__name__})") from None
    if not body.strip():
        raise ReadError(f"{path}: the email has no plain-text body")
    kept = []
    for line in body.splitlines():
        if line.rstrip() in ("--", "-- ") or _QUOTE_INTRO.match(line):
            break  # the signature or the quoted earlier message: nothing said in this email
        # Keep the body's line numbers: a quoted line is blanked, not deleted.
        kept.append("" if line.lstrip().startswith(">") else line)
    return "\n".join(kept)


def _lines(text: str, source: str) -> list[NoteLine]:
    out = []
    for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        stripped = _BULLET.sub("", line).strip().strip("*_`").strip()
        if stripped and not stripped.startswith("#"):
            out.append(NoteLine(stripped, source, n))
    return out
