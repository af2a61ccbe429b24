"""Finds the files a run lints: files as given, folders searched recursively, globs expanded."""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable

from ..errors import ReadError
from ..readers import SUPPORTED


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files to lint: files as given, folders searched recursively, globs expanded, in a stable order."""
    out: list[Path] = []
    for raw in paths:
        raw = str(raw)
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                           and not f.name.startswith(("~$", ".")))
            if not found:
                raise ReadError(f"{p}: no documents ({', '.join(SUPPORTED)}) in this folder")
            out.extend(found)
        elif any(ch in raw for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                raise ReadError(f"{raw}: no file matches this pattern")
            out.extend(matches)
        else:
            out.append(p)  # missing files are reported per document, so a batch goes on
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]
