"""Finds the config file nearest to a document, without importing pydantic (a one-document run forks first)."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAMES = (".sowlint.yaml", ".sowlint.yml", "pyproject.toml")


def find_config(start: Path) -> Path | None:
    """The nearest `.sowlint.yaml` or `pyproject.toml` with a [tool.sowlint] table, upwards from start."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
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
