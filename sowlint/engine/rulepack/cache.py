"""Keeps validated rule packs on disk, so that a run need not parse and check every rule file again.

Loading the default pack costs ~0.15 s, most of it compiling 220 regexes to prove they compile: a
sixth of a one-document run, spent on files that rarely change.  The key hashes every rule file's
path and bytes, the role vocabulary, sowlint's own code and the versions of Python, pydantic and
spaCy, so any change is a miss and the pack is loaded (and checked) from its files again.

Where: $SOWLINT_CACHE_DIR, else $XDG_CACHE_HOME/sowlint, else ~/.cache/sowlint; SOWLINT_NO_CACHE=1
turns it off.  A cache that cannot be read or written is passed over: it only ever saves time.  A
pickle runs code when loaded, so one is only read from a folder and file that belong to this user
and that nobody else may write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path

from ... import __version__

_PACKAGE = Path(__file__).resolve().parents[1]
KEEP = 8  # packs kept: every edit of a rule or of sowlint makes a new one, so old ones are pruned


def cache_dir() -> Path | None:
    if os.environ.get("SOWLINT_NO_CACHE"):
        return None
    base = os.environ.get("SOWLINT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "sowlint" if xdg else Path.home() / ".cache" / "sowlint"


def key(files: list[Path]) -> str | None:
    """The cache key of a pack made of ``files`` (see the module docstring); None with the cache off."""
    from importlib.metadata import version

    from ...resources import rules_dir

    if cache_dir() is None or not hasattr(os, "getuid"):
        return None
    try:
        digest = hashlib.sha256()
        versions = [__version__, sys.version, version("pydantic"), version("spacy")]
        digest.update("\0".join(versions).encode())
        for py in sorted(_PACKAGE.rglob("*.py")):  # a change to sowlint's code may change what a rule is
            info = py.stat()
            digest.update(f"{py}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        for path in [rules_dir() / "roles.yaml", *files]:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except Exception:  # noqa: BLE001 - a file gone or unreadable: the pack loader will say which
        return None
    return digest.hexdigest()[:32]


def _private(path: Path) -> bool:
    """Ours, and writable by nobody else (see the module docstring)."""
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(key: str | None):
    """The rules cached under ``key`` (and the regex literals noted while checking them), or None."""
    folder = cache_dir()
    if key is None or folder is None:
        return None
    try:
        path = folder / f"pack-{key}.pickle"
        if not (path.is_file() and _private(folder) and _private(path)):
            return None
        rules, literals = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - unreadable, truncated or from another version: load the files
        return None
    from .. import prefilter

    prefilter.note_valid(literals)
    return rules


def store(key: str | None, rules: list) -> None:
    folder = cache_dir()
    if key is None or folder is None:
        return
    from .. import prefilter
    from .model import regexes_in

    patterns = set().union(*(regexes_in(rule.options) for rule in rules))
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        data = pickle.dumps((rules, prefilter.noted(patterns)), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".pack-", suffix=".tmp")  # mode 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / f"pack-{key}.pickle")  # atomic: a reader never sees half a file
        tmp = None
        packs = sorted(folder.glob("pack-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in packs[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: run without the cache
        return
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
