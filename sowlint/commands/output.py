"""Where a report may be written: never over a document being read, folders made, clear errors otherwise."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..errors import OutputError


def check_output(output: str, inputs: Iterable[str | os.PathLike], folder: bool = False) -> Path:
    """The output path, made ready: refuses an input, creates missing parent folders.

    ``folder`` is an HTML report written as one page per document; anything else is one file.
    """
    target = Path(output)
    for item in inputs:
        if str(item) != "-" and _same(target, Path(item)):
            raise OutputError(f"{output}: is one of the documents being linted; sowlint never writes to its inputs")
    if not folder and target.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name for the report")
    parent = target if folder else target.parent
    for part in [parent, *parent.parents]:
        if part.exists() and not part.is_dir():
            raise OutputError(f"{output}: cannot create the report there, {part} is a file")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{output}: cannot create folder {parent} ({exc.strerror or exc})") from None
    return target


def write_report(target: Path, report: str | bytes) -> None:
    """A rendered report (text, or the bytes of a reviewed .docx) at ``target``, or one clear error."""
    try:
        if isinstance(report, bytes):
            target.write_bytes(report)
        else:
            target.write_text(report, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the report ({exc.strerror or exc})") from None


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)  # hard links and symlinks too
        return a.resolve() == b.resolve()
    except OSError:
        return False
