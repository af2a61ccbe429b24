"""Keeps validated rule packs on disk, so that a run need not parse and check every rule file again.

Loading the default pack costs ~0.15 s, most of it compiling 220 regexes to prove they compile: a
sixth of a one-document run, spent on files that rarely change.  The key hashes every rule file's
path and bytes, the role vocabulary, sowlint's own code and the versions of Python, pydantic and
spaCy, so any change is a miss and the pack is loaded (and checked) from its files again.

Where: $SOWLINT_CACHE_DIR, else $XDG_CACHE_HOME/sowlint, else ~/.cache/sowlint; SOWLINT_NO_CACHE=1
turns it off.  A cache that cannot be read or written is passed over: it only ever saves time.  A
pickle runs code when loaded, so one is only read from a folder and file that belong to this user
and that nobody else may write.  Both are opened by descriptor without following a symbolic link
(O_NOFOLLOW), and the checks are made with fstat on what was opened: checking a path and then
reading it lets another user who may write the folder's parent swap the folder for a link to his
own in between.  A cache file of the wrong shape is passed over (and replaced by the next store).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import stat
import sys
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


_MAX_BYTES = 64 * 1024 * 1024  # far past any pack's pickle (the default one: ~1 MB)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _private(info: os.stat_result) -> bool:
    """Ours, and writable by nobody else (see the module docstring)."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _open_folder(folder: Path) -> int | None:
    """The cache folder opened without following a link, if it is ours and private; else None."""
    if not getattr(os, "O_NOFOLLOW", 0) or not hasattr(os, "O_DIRECTORY"):
        return None  # no safe way to open it here: no cache
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW)
    except OSError:  # missing, or a symbolic link (ELOOP)
        return None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode) and _private(info):
        return fd
    os.close(fd)
    return None


def _read_private(folder: Path, name: str) -> bytes | None:
    folder_fd = _open_folder(folder)
    if folder_fd is None:
        return None
    try:
        fd = os.open(name, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=folder_fd)
    except OSError:
        os.close(folder_fd)
        return None
    try:
        info = os.fstat(fd)
        if not (stat.S_ISREG(info.st_mode) and _private(info)) or info.st_size > _MAX_BYTES:
            return None
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
        os.close(folder_fd)


def load(key: str | None):
    """The rules cached under ``key`` (and the regex literals noted while checking them), or None."""
    folder = cache_dir()
    if key is None or folder is None:
        return None
    try:
        data = _read_private(folder, f"pack-{key}.pickle")
        if data is None:
            return None
        entry = pickle.loads(data)
    except Exception:  # noqa: BLE001 - unreadable, truncated or from another version: load the files
        return None
    if not _well_formed(entry):
        return None
    rules, literals = entry
    from .. import prefilter

    prefilter.note_valid(literals)
    return rules


def _well_formed(entry) -> bool:
    """(list of Rule, {pattern: literals or None}): what store() writes."""
    from .model import Rule

    if not (isinstance(entry, tuple) and len(entry) == 2):
        return False
    rules, literals = entry
    return (isinstance(rules, list) and all(isinstance(r, Rule) for r in rules) and isinstance(literals, dict)
            and all(isinstance(k, str) and (v is None or isinstance(v, frozenset)) for k, v in literals.items()))


def store(key: str | None, rules: list) -> None:
    """Write the pack through the folder's descriptor (see _read_private), so that a folder swapped
    for a link after the check never receives it."""
    folder = cache_dir()
    if key is None or folder is None:
        return
    from .. import prefilter
    from .model import regexes_in

    patterns = set().union(*(regexes_in(rule.options) for rule in rules))
    folder_fd = tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder_fd = _open_folder(folder)
        if folder_fd is None:
            return
        data = pickle.dumps((rules, prefilter.noted(patterns)), protocol=pickle.HIGHEST_PROTOCOL)
        tmp = f".pack-{os.getpid()}-{secrets.token_hex(6)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=folder_fd)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # atomic: a reader never sees half a file
        os.replace(tmp, f"pack-{key}.pickle", src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
        tmp = None
        packs = sorted((os.stat(n, dir_fd=folder_fd).st_mtime_ns, n) for n in os.listdir(folder_fd)
                       if n.startswith("pack-") and n.endswith(".pickle"))
        for _mtime, old in packs[:-KEEP]:
            os.unlink(old, dir_fd=folder_fd)
    except Exception:  # noqa: BLE001 - a read-only home, a full disk: run without the cache
        return
    finally:
        if folder_fd is not None:
            if tmp is not None:
                try:
                    os.unlink(tmp, dir_fd=folder_fd)
                except OSError:
                    pass
            os.close(folder_fd)
