"""`sowlint -`: the document on standard input, saved to a private temporary file under the name it is given."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from ..errors import ReadError
from ..readers import SUPPORTED

DEFAULT_NAME = "stdin.md"  # Markdown: a pipeline's usual source, and plain text reads the same way


def save_stdin(name: str | None, max_bytes: int, stream=None) -> tuple[Path, Path]:
    """(temporary folder, file in it) holding stdin, named like ``name`` so its suffix picks the reader.

    .docx and .pdf arrive as bytes; the cap is the same as for a file (settings.max_file_mb).
    """
    display = Path(name or DEFAULT_NAME)
    if display.suffix.lower() not in SUPPORTED:
        raise ReadError(f"--stdin-filename {display}: unsupported file type '{display.suffix or '(none)'}' "
                        f"(sowlint reads {', '.join(SUPPORTED)})")
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(f"-: standard input is larger than the {max_bytes // 2**20} MB limit")
    folder = Path(tempfile.mkdtemp(prefix="sowlint-stdin-"))  # 0700: no other user can swap the file
    path = folder / display.name
    path.write_bytes(data)
    return folder, path


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
