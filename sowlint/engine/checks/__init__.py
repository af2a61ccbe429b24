"""The closed set of rule kinds.  A new kind is a design decision; a new rule is just a YAML file.

Each kind module has ``Options`` (a pydantic model of the kind's own keys, unknown keys refused)
and ``check(rule, ctx) -> Iterable[Hit]``.
"""

from . import conditional, phrase, required_section, required_statement, temporal, token_pattern, unaddressed_promise

KINDS = {
    "phrase": phrase,
    "token-pattern": token_pattern,
    "required-section": required_section,
    "required-statement": required_statement,
    "conditional": conditional,
    "temporal": temporal,
    "unaddressed-promise": unaddressed_promise,
}
