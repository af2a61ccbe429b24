"""`sowlint config PATH`: the effective settings for a document or folder, and the file each came from."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import ConfigError
from ..resources import default_pack_dir


def settings_report(path: str, config: str | None = None) -> dict:
    """What a lint of ``path`` would use: every setting with its value and origin, the config file
    (or none), the folders searched for it, the rule packs and how many rules they select."""
    from ..run.config import Settings, config_keys, load_config
    from ..run.configfile import find_config, searched_folders
    from ..run.rules import rules_for

    target = Path(path)
    if not target.exists():
        raise ConfigError(f"{path}: no such file or folder")
    found = Path(config) if config else find_config(target)
    settings = load_config(found)  # a bad config is one line, exit 2, as for lint
    keys = config_keys(found) if found else {}
    shown = _shown(found) if found else None

    def origin(key: str) -> str:
        if key not in keys:
            return "default"
        line = keys[key]
        return f"{shown}:{line}" if line else f"{shown} [tool.sowlint]"

    values = settings.model_dump()
    rows = {key: {"value": values[key], "from": origin(key)} for key in Settings.model_fields if key != "source"}
    packs = ([{"path": str(default_pack_dir()), "from": "default"}] if settings.default_rules else [])
    packs += [{"path": p, "from": origin("rules")} for p in settings.rules]
    rules = rules_for(settings)
    return {
        "path": str(path),
        "config": str(found) if found else None,
        "config_from": "--config" if config else ("nearest config file" if found else None),
        "searched": [] if config else [str(f) for f in searched_folders(target, found)],
        "settings": rows,
        "rule_packs": packs,
        "rules_selected": len(rules),
    }


def render_settings(path: str, config: str | None, fmt: str) -> str:
    data = settings_report(path, config)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    lines = [f"settings for {data['path']}"]
    if data["config"]:
        lines.append(f"config file: {_shown(Path(data['config']))} ({data['config_from']})")
    else:
        lines.append("config file: none found, defaults apply "
                     f"(looked for .sowlint.yaml, .sowlint.yml, pyproject.toml [tool.sowlint] in "
                     f"{len(data['searched'])} folders from {_shown(Path(data['searched'][0]))} up)")
    width = max(len(k) for k in data["settings"])
    for key, row in data["settings"].items():
        lines.append(f"  {key:<{width}}  {_value(row['value']):<40}  {row['from']}")
    lines.append("rule packs:")
    lines += [f"  {_shown(Path(p['path']))}  ({p['from']})" for p in data["rule_packs"]]
    lines.append(f"rules selected: {data['rules_selected']}")
    return "\n".join(lines) + "\n"


def _value(value) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False) if value else ("[]" if isinstance(value, list) else "{}")
    return "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _shown(path: Path) -> str:
    """A path relative to the working folder when it is under it, else as it is."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)
