"""YAML read with a safe loader that refuses aliases and remembers the line of every key.

Aliases are refused on the composed node graph, not by scanning the text: the composer makes an
alias a second reference to its anchor's node (no copy, so composing stays linear however the
aliases nest), and the walk that builds the data refuses a node it meets twice.  A textual pre-scan
missed flow style such as ``{"x1":&x1 {"k0":*x0}}``.
"""

from __future__ import annotations

from typing import Any

import yaml

from ...errors import ConfigError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
MAX_NODES = 200_000  # a rule or config file far past any real one (the largest shipped rule: ~150 nodes)
_SCALARS = yaml.constructor.SafeConstructor()


def load_with_lines(text: str, filename: str) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML; return the data and a map from key path (tuple) to 1-based line number."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            return None, {}
        lines: dict[tuple, int] = {}
        # Constructing scalars can fail too: an unknown tag such as "!!python/object" is refused here.
        return _construct(node, (), lines, filename, set()), lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{filename}:{line}: invalid YAML: {problem}") from None


def _construct(node: yaml.Node, path: tuple, lines: dict[tuple, int], filename: str, seen: set[int]) -> Any:
    if id(node) in seen:  # the same node twice: an alias (see the module docstring)
        raise ConfigError(f"{filename}:{node.start_mark.line + 1}: YAML anchors and aliases are not allowed "
                          "in rule files")
    seen.add(id(node))
    if len(seen) > MAX_NODES:
        raise ConfigError(f"{filename}:{node.start_mark.line + 1}: over {MAX_NODES:,} YAML values, the limit "
                          "for one file")
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
            out[key] = _construct(value_node, path + (key,), lines, filename, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, path + (i,), lines, filename, seen) for i, v in enumerate(node.value)]
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
