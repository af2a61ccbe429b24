"""Finds the files a run lints: files as given, folders walked with excludes and .gitignore, globs expanded."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ..errors import ReadError
from ..readers import SUPPORTED

# ruff's default excludes, plus the folders proposal repositories grow (build output, site, caches).
DEFAULT_EXCLUDES = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
    ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
    "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv",
)

# A folder walk skips the files every repository holds and no one sends to a client.  By name, not by
# content: real SOWs of 90 words with no scope heading read like a README, so a content test would
# pass them silently (see the README's "Discovery").  A file named on the command line is still linted.
_REPOSITORY_FILES = {
    "readme", "changelog", "changes", "history", "news", "license", "licence", "copying", "notice", "authors",
    "contributors", "contributing", "code_of_conduct", "security", "support", "todo",
}


def is_not_a_sow(name: str) -> bool:
    """README.md, CHANGELOG.txt, LICENSE.md (the whole stem, any case), and handoff notes (x.notes.md)."""
    stem, _, rest = name.partition(".")
    return stem.lower() in _REPOSITORY_FILES or ".notes." in f".{rest.lower()}"


@dataclass
class Excludes:
    """What a folder walk leaves out: gitignore-style patterns, relative to ``root`` or any folder name."""

    patterns: Iterable[str] | None = None  # None: DEFAULT_EXCLUDES; a list replaces them (ruff's `exclude`)
    extend: Iterable[str] = ()  # added to them (ruff's `extend-exclude`)
    force: bool = False  # also apply to files named on the command line (pre-commit passes every file)
    respect_gitignore: bool = True
    root: Path = field(default_factory=Path.cwd)  # patterns with a slash are anchored here
    skipped: list[Path] = field(default_factory=list)  # filled by discover(), for the info line
    # .gitignore files read for named files, by folder: pre-commit names hundreds in the same few folders
    _gitignores: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root).resolve()

    @cached_property
    def spec(self):
        """Compiled on first use: pathspec costs ~50 ms to import, and a run of named files never needs it."""
        chosen = DEFAULT_EXCLUDES if self.patterns is None else tuple(self.patterns)
        return _spec([*chosen, *self.extend])

    def excludes(self, path: Path, is_dir: bool = False) -> bool:
        rel = _relative(path, self.root)
        return self.spec.match_file(rel + ("/" if is_dir else ""))


def discover(paths: Iterable[str | os.PathLike], excludes: Excludes | None = None) -> list[Path]:
    """Files to lint, in a stable order: named files as given, folders walked, globs expanded."""
    excludes = excludes or Excludes()
    out: list[Path] = []
    for raw in paths:
        raw = str(raw)
        p = Path(raw)
        if raw == "-":
            out.append(p)  # stdin
        elif p.is_dir():
            found = list(_walk(p, excludes))
            if not found and not excludes.skipped:
                raise ReadError(f"{p}: no documents ({', '.join(SUPPORTED)}) in this folder")
            out.extend(found)
        elif any(ch in raw for ch in "*?[") and not p.exists():
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matches:
                raise ReadError(f"{raw}: no file matches this pattern")
            out.extend(m for m in matches if not _excluded_named(m, excludes))
        elif not _excluded_named(p, excludes):
            out.append(p)  # missing files are reported per document, so a batch goes on
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _excluded_named(path: Path, excludes: Excludes) -> bool:
    """A named file is always linted, unless --force-exclude asks for the excludes to apply to it too."""
    if not excludes.force:
        return False
    parts = [path, *path.parents[:-1]] if not path.is_absolute() else [path]
    hit = any(excludes.excludes(part, is_dir=part != path) for part in parts)
    hit = hit or is_not_a_sow(path.name) or (excludes.respect_gitignore and _ignored_by_git(path, excludes))
    if hit:
        excludes.skipped.append(path)
    return hit


def _walk(top: Path, excludes: Excludes) -> list[Path]:
    """Documents under ``top``, pruning excluded folders before descending (a .venv is never walked)."""
    found: list[Path] = []
    # As git (and ruff) do: .gitignore files count inside a repository only.
    git = excludes.respect_gitignore and _repo_root(top.resolve()) is not None
    stack = [(top, _gitignores_above(top) if git else [])]
    while stack:  # a stack, not recursion: a folder tree can be deeper than Python's recursion limit
        folder, ignores = stack.pop()
        if git:
            ignores = ignores + _gitignore_in(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # an unreadable folder holds nothing we can lint
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                # hidden folders too: .github, .idea, .cache never hold a proposal
                if not (entry.name.startswith(".") or excludes.excludes(path, is_dir=True)
                        or _ignored(path, ignores, True)):
                    stack.append((path, ignores))
            elif entry.is_file() and path.suffix.lower() in SUPPORTED and not entry.name.startswith(("~$", ".")):
                # (~$ is Word's lock file while a document is open)
                if excludes.excludes(path) or _ignored(path, ignores, False) or is_not_a_sow(entry.name):
                    excludes.skipped.append(path)
                else:
                    found.append(path)
    return sorted(found)


def _spec(lines: list[str]):
    import pathspec  # gitignore semantics (negation, anchoring, "dir/") as git, black and ruff read them

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.name  # outside the root: only folder-free patterns ("*.tmp", "drafts/") can match


def _repo_root(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def _gitignore_in(folder: Path) -> list[tuple[Path, object]]:
    path = folder / ".gitignore"
    try:
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    except OSError:
        text = ""
    return [(folder.resolve(), _spec(text.splitlines()))] if text else []


def _gitignores_above(top: Path) -> list[tuple[Path, object]]:
    """The .gitignore files between the repository's root and ``top`` (exclusive), outermost first."""
    top = top.resolve()
    root = _repo_root(top)
    if root is None:
        return []
    chain = [root, *[p for p in reversed(top.parents) if root in p.parents]]
    return [spec for folder in chain if folder != top for spec in _gitignore_in(folder)]


def _ignored(path: Path, specs: list[tuple[Path, object]], is_dir: bool) -> bool:
    resolved = path.resolve()
    for base, spec in specs:
        try:
            rel = resolved.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(rel + ("/" if is_dir else "")):
            return True
    return False


def _ignored_by_git(path: Path, excludes: Excludes) -> bool:
    folder = path.resolve().parent
    root = _repo_root(folder)
    if root is None:
        return False
    chain = [root, *[p for p in reversed(folder.parents) if root in p.parents], folder]
    cache = excludes._gitignores
    specs = [spec for f in dict.fromkeys(chain)
             for spec in (cache[f] if f in cache else cache.setdefault(f, _gitignore_in(f)))]
    return _ignored(path, specs, False)


def excludes_for(paths: Iterable[str | os.PathLike], config: str | None = None, **options) -> Excludes:
    """The excludes of a run: the config found from the first path (or --config), then the options.

    Patterns from a config file are anchored at that file's folder, as ruff anchors them; patterns
    from the command line at the working directory.
    """
    paths = [str(p) for p in paths]
    first = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    if options.get("force_exclude") is None and all(p == "-" or Path(p).is_file() for p in paths):
        # Named files only, so the excludes matter only if the config forces them.  Decided without
        # pydantic (~0.1 s to import): a one-document run forks its helper before importing it.
        from .configfile import find_config

        found = Path(config) if config else find_config(first)
        text = found.read_text(encoding="utf-8", errors="replace") if found and found.is_file() else ""
        if "force" not in text:
            return Excludes()
    from .rules import settings_for

    settings = settings_for(first, config, **{k: v for k, v in options.items() if k in _DISCOVERY_KEYS})
    from_cli = any(options.get(k) for k in ("exclude", "extend_exclude"))
    root = Path(settings.source).parent if settings.source and not from_cli else Path.cwd()
    return Excludes(patterns=settings.exclude, extend=settings.extend_exclude, force=settings.force_exclude,
                    respect_gitignore=settings.respect_gitignore, root=root)


_DISCOVERY_KEYS = ("exclude", "extend_exclude", "force_exclude", "respect_gitignore")
