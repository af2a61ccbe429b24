"""Refuses rule regexes whose nested quantifiers can backtrack exponentially, such as ``(a+)+$``.

Python's ``re`` backtracks: a repeated group holding an unbounded repeat tries every way of
splitting a run of text between the two, 2^n ways for n characters, and ``(a+)+$`` on
``'a' * 32 + 'b'`` runs for minutes.  A rule pack is code from a folder someone else may control
(a ``.sowlint.yaml`` next to a document can name one), so such a pattern is refused when the pack
loads, with its file, line and key, before any document is searched.

The test is on the parsed pattern: a repeat that may run more than ``_OUTER_MAX`` times whose body
holds an unbounded repeat, or alternatives that may start alike (``(a|a)*``), is refused, unless
for the former every way into the body starts with a literal character the inner repeat cannot match (``(?:the\\s+|all\\s+)*``: a space never starts "the", so
there is one way to split the text).  Bounded outer repeats such as ``(?:\\w+\\s+){0,3}`` cost a
small polynomial and stay allowed.
"""

from __future__ import annotations

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - another Python implementation: nothing is vetted
    _parser = None

_OUTER_MAX = 10


def nested_quantifier(pattern: str, flags: int = 0) -> bool:
    """True when ``pattern`` nests an ambiguous unbounded repeat inside a repeat that may run many
    times (False when it does not, or cannot be parsed: compiling it reports that)."""
    if _parser is None:
        return False
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - compile errors are reported by the validator that compiles it
        return False
    return _walk(list(tree), False)


def _walk(items: list, firsts: set[int] | None | bool) -> bool:
    """``firsts`` is False outside any many-times repeat; inside one, the literal characters its
    body starts with (None: not only literals)."""
    for op, av in items:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = av
            if firsts is not False and high == _c.MAXREPEAT and not _disjoint(body, firsts):
                return True
            inner = firsts
            if firsts is False and (high == _c.MAXREPEAT or high > _OUTER_MAX):
                inner = _first_chars(list(body))
            if _walk(list(body), inner):
                return True
        elif op is _c.SUBPATTERN:
            if _walk(list(av[-1]), firsts):
                return True
        elif op is _c.BRANCH:
            if firsts is not False and _overlapping(av[1]):
                return True  # (a|a)* : two ways through each round, 2^n in all
            if any(_walk(list(b), firsts) for b in av[1]):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if _walk(list(av[1]), firsts):
                return True
        elif op is _c.GROUPREF_EXISTS:
            if any(_walk(list(b), firsts) for b in av[1:] if b is not None):
                return True
        # POSSESSIVE_REPEAT and ATOMIC_GROUP never backtrack into themselves: nothing to check
    return False


def _overlapping(branches) -> bool:
    """Two alternatives may start with the same character (or one may start with anything)."""
    seen: set[int] = set()
    for branch in branches:
        first = _first_chars(list(branch))
        if first is None:
            return True
        folded = {ord(chr(c).lower()) for c in first}
        if folded & seen:
            return True
        seen |= folded
    return False


def _first_chars(items: list) -> set[int] | None:
    """The literal characters every match of ``items`` starts with, or None if it may start otherwise."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        return {av}
    if op is _c.SUBPATTERN:
        return _first_chars(list(av[-1]))
    if op is _c.BRANCH:
        out: set[int] = set()
        for branch in av[1]:
            first = _first_chars(list(branch))
            if first is None:
                return None
            out |= first
        return out
    return None


def _disjoint(body, firsts: set[int] | None) -> bool:
    """The inner repeat's body is one character class that matches none of ``firsts``."""
    if firsts is None or len(body) != 1:
        return False
    op, av = body[0]
    return all(_class_may_not_match(op, av, ch) for ch in firsts)


def _class_may_not_match(op, av, ch: int) -> bool:
    """True when the one-character item (op, av) surely does not match ``ch`` (either case)."""
    chars = {ch, ord(chr(ch).lower()), ord(chr(ch).upper())}
    if op is _c.LITERAL:
        return av not in chars
    if op is _c.NOT_LITERAL:
        return False
    if op is not _c.IN:
        return False  # ANY and the rest: assume it matches
    negate = bool(av) and av[0][0] is _c.NEGATE
    hit = any(_in_item(kind, value, c) for kind, value in av[negate:] for c in chars)
    return hit if negate else not hit


def _in_item(kind, value, ch: int) -> bool:
    if kind is _c.LITERAL:
        return value == ch
    if kind is _c.RANGE:
        return value[0] <= ch <= value[1]
    if kind is _c.CATEGORY:
        c = chr(ch)
        tests = {_c.CATEGORY_SPACE: c.isspace(), _c.CATEGORY_NOT_SPACE: not c.isspace(),
                 _c.CATEGORY_DIGIT: c.isdigit(), _c.CATEGORY_NOT_DIGIT: not c.isdigit(),
                 _c.CATEGORY_WORD: c.isalnum() or c == "_", _c.CATEGORY_NOT_WORD: not (c.isalnum() or c == "_")}
        return tests.get(value, True)
    return True  # unknown: assume it matches
