"""Settings: `.sowlint.yaml` or `[tool.sowlint]` nearest to the document, then command-line options.

Which rules `select` and `ignore` pick is decided in ``engine/selection.py``; references that name
nothing and severity overrides are checked here.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import ConfigError
from ..findings.finding import CATEGORIES, SEVERITIES

CONFIG_NAMES = (".sowlint.yaml", ".sowlint.yml", "pyproject.toml")
MAX_CONFIG_BYTES = 4 * 1024 * 1024


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = []
    ignore: list[str] = []
    rules: list[str] = []  # extra rule-pack folders
    default_rules: bool = True
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    fail_on: Literal["error", "warning", "info", "never"] = "error"
    date_order: Optional[Literal["MDY", "DMY"]] = None  # None: each document's own dates decide
    notes: list[str] = []
    baseline: Optional[str] = None
    waivers: Optional[str] = None
    max_file_mb: int = 64
    max_pages: int = 1000
    # One document's resource boundary (run/bounds.py): address space its reading may take, and the
    # wall clock for reading and checking it.  A config found next to a document can only lower them.
    max_memory_mb: int = Field(1024, ge=64)
    timeout: float = Field(60.0, gt=0)
    source: Optional[str] = None  # the config file these settings came from

    def merged(self, **overrides) -> "Settings":
        """These settings with command-line values laid over them (None / empty = not given)."""
        data = self.model_dump()
        for key, value in overrides.items():
            if value is None or value == () or value == []:
                continue
            if key == "severity":
                data["severity"] = {**data["severity"], **value}
            elif key in ("rules", "notes") and isinstance(value, (list, tuple)):
                data[key] = list(data[key]) + list(value)
            else:
                data[key] = list(value) if isinstance(value, tuple) else value
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:  # a bad command-line or API value, e.g. --severity RULE=fatal
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise ConfigError(f"option {key}: {err['msg']}") from None


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


@lru_cache(maxsize=64)
def load_config(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:  # a config may sit in a folder someone else wrote
            raise ConfigError(f"{path}: {size:,} bytes is over the {MAX_CONFIG_BYTES:,}-byte limit for a config file")
        if path.name == "pyproject.toml":
            import tomllib

            data = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("sowlint", {})
            lines: dict = {}
        else:
            from ..engine.rulepack.yamlsafe import load_with_lines

            data, lines = load_with_lines(path.read_text(encoding="utf-8"), str(path))
            data = data or {}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: config must be a mapping")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        line = lines.get(tuple(err["loc"][:1]), 1)
        what = f"unknown key '{key}'" if err["type"] == "extra_forbidden" else f"{key}: {err['msg']}"
        raise ConfigError(f"{path}:{line}: {what}") from None
    base = path.parent
    # Paths in a config file are relative to that file, wherever sowlint runs from.
    fix = lambda p: str((base / p).resolve()) if p and not Path(p).is_absolute() else p  # noqa: E731
    return settings.model_copy(update={
        "rules": [fix(p) for p in settings.rules], "notes": [fix(p) for p in settings.notes],
        "baseline": fix(settings.baseline), "waivers": fix(settings.waivers), "source": str(path),
    })


def check_references(refs: list[str], rules, option: str) -> None:
    """A reference that names nothing is a typo: refuse it rather than silently select nothing."""
    from ..notes.rules import NOTE_RULES

    ids = {r.id for r in rules} | {r.id for r in NOTE_RULES}
    tags = {t for r in rules for t in r.tags} | {t for r in NOTE_RULES for t in r.tags}
    for ref in refs:
        if ref in ids or ref in CATEGORIES or ref in tags:
            continue
        if any(ch in ref for ch in "*?[") and any(fnmatch.fnmatchcase(i, ref) for i in ids):
            continue
        raise ConfigError(f"{option} '{ref}': no rule, category or tag of that name")


def apply_severity(rules, overrides: dict[str, str]) -> None:
    known = {r.id for r in rules}
    for rule_id, level in overrides.items():
        if rule_id not in known:
            raise ConfigError(f"severity override for unknown rule '{rule_id}'")
        if level not in SEVERITIES:
            raise ConfigError(f"severity '{level}' for rule '{rule_id}' is not one of {', '.join(SEVERITIES)}")
    for rule in rules:
        rule.severity = overrides.get(rule.id, rule.base.severity)
