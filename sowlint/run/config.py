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
from .bounds import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT


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
    # Discovery (ruff's names): `exclude` replaces the default excludes, `extend_exclude` adds to them.
    exclude: Optional[list[str]] = None
    extend_exclude: list[str] = []
    force_exclude: bool = False  # apply the excludes to files named on the command line too
    respect_gitignore: bool = True
    # One document's resource boundary (run/bounds.py): address space its reading may take, and the
    # wall clock for reading and checking it.  A config found next to a document can only lower them.
    max_memory_mb: int = Field(DEFAULT_MEMORY_MB, ge=64)
    timeout: float = Field(DEFAULT_TIMEOUT, gt=0)
    source: Optional[str] = None  # the config file these settings came from

    def merged(self, **overrides) -> "Settings":
        """These settings with command-line values laid over them (None / empty = not given)."""
        data = self.model_dump()
        for key, value in overrides.items():
            if value is None or value == () or value == []:
                continue
            if key == "severity":
                data["severity"] = {**data["severity"], **value}
            elif key in ("rules", "notes", "extend_exclude") and isinstance(value, (list, tuple)):
                data[key] = list(data[key]) + list(value)
            else:
                data[key] = list(value) if isinstance(value, tuple) else value
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:  # a bad command-line or API value, e.g. --severity RULE=fatal
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise ConfigError(f"option {key}: {err['msg']}") from None


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
    lines = {(str(k[0]).replace("-", "_"), *k[1:]) if k else k: v for k, v in lines.items()}
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("\n".join(_explain(exc, path, lines))) from None
    base = path.parent
    # Paths in a config file are relative to that file, wherever sowlint runs from.
    fix = lambda p: str((base / p).resolve()) if p and not Path(p).is_absolute() else p  # noqa: E731
    return settings.model_copy(update={
        "rules": [fix(p) for p in settings.rules], "notes": [fix(p) for p in settings.notes],
        "baseline": fix(settings.baseline), "waivers": fix(settings.waivers), "source": str(path),
    })


def _explain(exc: ValidationError, path: Path, lines: dict) -> list[str]:
    """Every mistake in the file, in line order, a misspelt key with the nearest valid one."""
    from difflib import get_close_matches

    valid = [k.replace("_", "-") for k in Settings.model_fields if k != "source"]
    out = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        line = lines.get(tuple(err["loc"][:1]), 1)
        if err["type"] == "extra_forbidden":
            near = get_close_matches(key.replace("_", "-"), valid, n=1, cutoff=0.75)
            what = f"unknown key '{key}'" + (f"; did you mean '{near[0]}'?" if near else "")
        else:
            what = f"{key}: {err['msg']}"
        out.append((line, f"{path}:{line}: {what}"))
    return [message for _line, message in sorted(out, key=lambda item: item[0])]


def config_keys(path: Path) -> dict[str, int | None]:
    """The keys a config file sets, each with its line (None for pyproject.toml, which keeps none);
    ``sowlint config`` shows where each setting came from."""
    if path.name == "pyproject.toml":
        import tomllib

        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("sowlint", {})
        return {str(k).replace("-", "_"): None for k in table}
    from ..engine.rulepack.yamlsafe import load_with_lines

    data, lines = load_with_lines(path.read_text(encoding="utf-8"), str(path))
    return {str(k).replace("-", "_"): lines.get((k,)) for k in (data or {})}


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
