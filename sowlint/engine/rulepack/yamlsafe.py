"""YAML read with a safe loader that refuses aliases and remembers the line of every key."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ...errors import ConfigError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
# Where an anchor (&a) or alias (*a) could start: a token after a space, a flow bracket, a comma or
# at the start of a line.  Text without one has neither, and skips the exact (slow) event scan.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*]", re.MULTILINE)
_SCALARS = yaml.constructor.SafeConstructor()


def load_with_lines(text: str, filename: str) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML; return the data and a map from key path (tuple) to 1-based line number."""
    try:
        for event in yaml.parse(text, Loader=_Loader) if _MAYBE_ANCHOR.search(text) else ():
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                raise ConfigError(f"{filename}:{line}: YAML anchors and aliases are not allowed in rule files")
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            return None, {}
        lines: dict[tuple, int] = {}
        # Constructing scalars can fail too: an unknown tag such as "!!python/object" is refused here.
        return _construct(node, (), lines, filename), lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{filename}:{line}: invalid YAML: {problem}") from None


def _construct(node: yaml.Node, path: tuple, lines: dict[tuple, int], filename: str) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        # Scalars with unknown tags fail in the safe constructor; lists and mappings must not slip by.
        raise ConfigError(f"{filename}:{node.start_mark.line + 1}: YAML tag '{node.tag}' is not allowed")
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                raise ConfigError(f"{filename}:{line}: a key must be a plain value, not a list or mapping")
            key = _scalar(key_node)
            if key in out:
                raise ConfigError(f"{filename}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, path + (key,), lines, filename)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, path + (i,), lines, filename) for i, v in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return node.value
    # Resolve the scalar's tag (int, bool, null, str ...) with the safe constructor, which
    # remembers what it built: forget it, or one shared constructor would keep every node alive.
    try:
        return _SCALARS.construct_object(node, deep=True)
    finally:
        _SCALARS.constructed_objects.clear()


def line_for(lines: dict[tuple, int], loc: tuple) -> int:
    """The line of the deepest known key along ``loc``."""
    for n in range(len(loc), -1, -1):
        if tuple(loc[:n]) in lines:
            return lines[tuple(loc[:n])]
    return 1
