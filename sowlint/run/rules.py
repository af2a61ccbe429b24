"""The settings of a document (config nearest to it, then options) and the rules they select."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..resources import default_pack_dir

if TYPE_CHECKING:  # config imports pydantic: a one-document run imports it in its helper process
    from .config import Settings

_RULES_CACHE: dict[tuple, list] = {}
_ALL_IDS: dict[tuple, set[str]] = {}  # per tuple of packs: every rule id, selected or not


def packs_of(settings: Settings) -> list[str]:
    """The rule-pack folders the settings load: the default pack unless turned off, then their own."""
    return ([str(default_pack_dir())] if settings.default_rules else []) + list(settings.rules)


def all_rules(settings: Settings) -> list:
    """Every rule of the settings' packs, selected or not (`rules`, `explain`)."""
    from ..engine.rulepack import load_packs

    packs = packs_of(settings)
    if not packs:
        raise ConfigError("no rule packs: default rules are off and no --rules folder was given")
    return load_packs(packs)


def _rules_key(settings: Settings) -> tuple:
    """(rule packs, select, ignore, severity overrides): what decides the rules a run gets."""
    return (tuple(packs_of(settings)), tuple(settings.select), tuple(settings.ignore),
            tuple(sorted(settings.severity.items())))


def rules_for(settings: Settings) -> list:
    """The selected rules with severity overrides applied (loaded once per distinct setting)."""
    from ..engine.selection import is_selected
    from .config import apply_severity, check_references

    key = _rules_key(settings)
    if key not in _RULES_CACHE:
        rules = all_rules(settings)
        _ALL_IDS[key[0]] = {r.id for r in rules}
        check_references(settings.select, rules, "--select")
        check_references(settings.ignore, rules, "--ignore")
        apply_severity(rules, settings.severity)
        _RULES_CACHE[key] = [r for r in rules if is_selected(r, settings.select, settings.ignore)]
    return _RULES_CACHE[key]


def known_rule_ids(settings: Settings) -> set[str]:
    """Every rule id the settings' packs define (selected or not) and the --notes rules."""
    from ..notes.rules import NOTE_RULES

    packs = tuple(packs_of(settings))
    if packs not in _ALL_IDS:
        _ALL_IDS[packs] = {r.id for r in all_rules(settings)} if packs else set()
    return _ALL_IDS[packs] | {r.id for r in NOTE_RULES}


def remember_rules(settings: Settings, rules: list) -> None:
    """Rules loaded elsewhere (the forked helper) for these settings."""
    _RULES_CACHE[_rules_key(settings)] = rules


def settings_for(path: Path, config: str | None = None, **overrides) -> Settings:
    from .config import load_config
    from .configfile import find_config

    base = load_config(Path(config) if config else find_config(path))
    if not config:
        # A config found beside the document may come with it (a folder someone else wrote): it
        # may tighten the limits of the run, never loosen them.  --config and options may.
        default = type(base)()
        base = base.model_copy(update={"max_memory_mb": min(base.max_memory_mb, default.max_memory_mb),
                                       "timeout": min(base.timeout, default.timeout)})
    return base.merged(**overrides)
