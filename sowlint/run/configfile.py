"""Finds the config file nearest to a document, without importing pydantic (a one-document run forks first)."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAMES = (".sowlint.yaml", ".sowlint.yml", "pyproject.toml")


def folders_up(start: Path) -> list[Path]:
    """The folders a config is looked for in: the document's own, then each parent, nearest first."""
    folder = (start if start.is_dir() else start.parent).resolve()
    return [folder, *folder.parents]


def searched_folders(start: Path, found: Path | None) -> list[Path]:
    """The folders find_config looked in, nearest first, up to the one that held ``found``."""
    folders = folders_up(start)
    holder = found.parent.resolve() if found is not None else None
    return folders[:folders.index(holder) + 1] if holder in folders else folders


def find_config(start: Path) -> Path | None:
    """The nearest `.sowlint.yaml` or `pyproject.toml` with a [tool.sowlint] table, upwards from start."""
    for candidate in folders_up(start):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.sowlint]" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
