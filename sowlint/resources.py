"""Locates the data shipped with sowlint: the default rule pack and the role vocabulary."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """``rules/`` of a source checkout, or its copy inside an installed wheel."""
    for candidate in (_HERE / "rules", _HERE.parent / "rules"):
        if (candidate / "roles.yaml").is_file():
            return candidate
    raise FileNotFoundError("sowlint's rules/ folder is missing from this installation")


def default_pack_dir() -> Path:
    return rules_dir() / "core"
