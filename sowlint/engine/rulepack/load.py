"""Loads rule files and packs, turning every mistake into a line naming file, line and key (all at once)."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from ...errors import ConfigError
from . import cache
from .model import Rule, RuleBase
from .yamlsafe import line_for, load_with_lines

_COMMON = set(RuleBase.model_fields) | {"pass"}
# The section-role vocabulary lives beside the packs (rules/roles.yaml); it is not a rule, so
# `check-pack rules` and `--rules rules` read the packs under it and leave it alone.
ROLES_FILE = "roles.yaml"
# A pack is read from folders other people may control (a .sowlint.yaml next to a document can name
# one): caps far above the default pack (65 files, 8 KB and 56 values at most in one) keep a hostile
# one from taking minutes and gigabytes (400k regexes: 87 s and 648 MB).
MAX_RULE_BYTES = 256 * 1024
MAX_RULE_VALUES = 5000  # phrases, patterns, regexes and every other value in one rule file
MAX_PACK_FILES = 2000
MAX_PACK_BYTES = 16 * 1024 * 1024


def load_rule(path: str | Path) -> Rule:
    from ..checks import KINDS

    p = Path(path)
    name = str(p)
    try:
        size = p.stat().st_size
        if size > MAX_RULE_BYTES:
            raise ConfigError(f"{name}: {size:,} bytes is over the {MAX_RULE_BYTES:,}-byte limit for a rule file")
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{name}: cannot read rule file ({exc})") from None
    data, lines = load_with_lines(text, name)
    if not isinstance(data, dict):
        raise ConfigError(f"{name}:1: a rule file must be a mapping of fields")
    values = _count_values(data)
    if values > MAX_RULE_VALUES:
        raise ConfigError(f"{name}:1: {values:,} values is over the {MAX_RULE_VALUES:,}-value limit for a rule file")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:  # "kind: [phrase]" is a list, not a kind
        line = lines.get(("kind",), 1)
        known = ", ".join(sorted(KINDS))
        raise ConfigError(f"{name}:{line}: unknown kind {kind!r} (kinds: {known})")
    common = {k: v for k, v in data.items() if k in _COMMON}
    options = {k: v for k, v in data.items() if k not in _COMMON}
    problems: list[tuple[int, str, str]] = []  # (line, key, message): every one, so a fix takes one round
    options_model = KINDS[kind].Options
    valid = sorted(_COMMON - {"pass_"} | set(_field_names(options_model)))
    base = opts = None
    try:
        base = RuleBase.model_validate(common)
    except ValidationError as exc:
        problems += _explain(exc, lines, kind=None, valid=valid)
    try:
        opts = options_model.model_validate(options)
    except ValidationError as exc:
        problems += _explain(exc, lines, kind=kind, valid=valid)
    if base is not None and base.id != p.stem:
        problems.append((lines.get(("id",), 1), "id", f"rule id '{base.id}' must equal the file name '{p.stem}'"))
    if problems:
        raise ConfigError("\n".join(f"{name}:{line}: {msg}" for line, _key, msg in _one_per_mistake(problems)))
    return Rule(base, opts, name)


def _field_names(model) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _explain(exc: ValidationError, lines: dict, kind: str | None, valid: list[str]) -> list[tuple[int, str, str]]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        line = line_for(lines, loc)
        key = ".".join(str(part) for part in loc if part != "pass_") or "(rule)"
        if err["type"] == "extra_forbidden":
            what = f"unknown option '{key}' for kind '{kind}'" if kind else f"unknown key '{key}'"
            near = get_close_matches(str(loc[-1]), valid, n=1, cutoff=0.75) if len(loc) == 1 else []
            out.append((line, key, what + (f"; did you mean '{near[0]}'?" if near else "")))
        elif err["type"] == "missing":
            out.append((line, key, f"missing required key '{key}'"))
        else:
            out.append((line, key, f"{key}: {err['msg'].removeprefix('Value error, ')}"))
    return out


def _one_per_mistake(problems: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A misspelt required key is one mistake: 'did you mean X' says it, 'missing X' would repeat it."""
    meant = {msg.rsplit("'", 2)[-2] for _l, _k, msg in problems if "did you mean" in msg}
    kept = [p for p in problems if not (p[2].startswith("missing required key") and p[1] in meant)]
    return sorted(kept, key=lambda p: p[0])


def _count_values(value) -> int:
    if isinstance(value, dict):
        return sum(_count_values(v) for v in value.values())
    if isinstance(value, list):
        return sum(_count_values(v) for v in value)
    return 1


def _check_pack_size(root: Path, files: list[Path]) -> None:
    if len(files) > MAX_PACK_FILES:
        raise ConfigError(f"{root}: {len(files):,} rule files is over the {MAX_PACK_FILES:,}-file limit for a pack")
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # load_rule says why it cannot be read
        if total > MAX_PACK_BYTES:
            raise ConfigError(f"{root}: rule files over {MAX_PACK_BYTES:,} bytes in all, the limit for a pack")


def load_pack(folder: str | Path) -> list[Rule]:
    """Every ``*.yaml`` rule under ``folder`` (recursively), sorted by id; ids must be unique."""
    root = Path(folder)
    if not root.is_dir():
        raise ConfigError(f"{root}: rule pack folder not found")
    files = sorted(p for p in root.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.name != ROLES_FILE)
    if not files:
        raise ConfigError(f"{root}: no rule files (*.yaml) in this folder")
    _check_pack_size(root, files)
    key = cache.key(files)
    rules = cache.load(key)
    if rules is None:
        rules = _unique(load_rule(f) for f in files)  # a bad file raises: only good packs are cached
        cache.store(key, rules)
    return rules


def load_packs(folders: Iterable[str | Path]) -> list[Rule]:
    rules: list[Rule] = []
    for folder in folders:
        rules.extend(load_pack(folder))
    return _unique(rules)


def _unique(rules: Iterable[Rule]) -> list[Rule]:
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen and _same_file(rule.path, seen[rule.id].path):
            continue  # `--rules rules` holds the default pack (rules/core): one file read twice is one rule
        if rule.id in seen:
            raise ConfigError(f"{rule.path}:1: rule id '{rule.id}' is already defined in {seen[rule.id].path}")
        seen[rule.id] = rule
    return sorted(seen.values(), key=lambda r: r.id)


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
