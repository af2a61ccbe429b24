"""Finds the lines a rule regex can match on, from the literal text every one of its matches contains.

Python's ``re`` tries a pattern such as ``\\b(?:access|data|content...)`` at every character of the
text, with no fast skip (a leading ``\\b`` or IGNORECASE turns its prefix scan off); ~300 rule regexes
over a 60,000-character SOW cost about 0.3 s.  Most rule regexes cannot match without one of a few
words, and ``str.find`` locates those at memory speed, so a regex only runs on the lines holding one.

It is exact, not a heuristic:
- the literals come from the parsed pattern: a set of strings one of which every match must
  contain (a pattern with no such set of 3+ characters is searched in full);
- the text is folded the way re.IGNORECASE compares characters (ASCII lower case, plus the few
  non-ASCII letters IGNORECASE equates with ASCII ones, such as the long s and the Kelvin sign);
- a regex runs line by line, prefiltered or not, as sentences and findings never cross a line; a
  line ending in a colon continues onto the next, where a label's value often sits.
"""

from __future__ import annotations

import bisect
import re

from .. import progress

try:  # CPython's own parser: the tree the compiler works from.  Without it, nothing is prefiltered.
    from re import _compiler, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - another Python implementation
    _parser = None

# Rule regexes ignore case, and ^ and $ anchor a line (a regex runs line by line).  Plain ints:
# RegexFlag arithmetic is slow in re's own parser.
_FLAGS = re.IGNORECASE.value | re.MULTILINE.value
MIN_LITERAL = 3  # shorter literals ("of", "a") are on nearly every line: scanning for them gains nothing
_ASCII_LETTER = re.compile("[a-z]", re.IGNORECASE)


def _fold_char(ch: str) -> str | None:
    """``ch`` as the folded text has it, or None when it is a non-ASCII letter (left out of literals)."""
    if ch.isascii():
        return ch.lower()
    return ch if ch.lower() == ch.upper() else None


_KNOWN: dict[str, frozenset[str] | None] = {}  # pattern -> its literals, noted when it was validated
_COMPILED: dict[str, re.Pattern] = {}  # pattern -> compiled with IGNORECASE (by validate(), or on first use)
_VALID: set[str] = set()  # patterns validated already (the same regex recurs across rules)


def validate(pattern: str) -> None:
    """Compile ``pattern`` as the matcher will (IGNORECASE), raising re.error if it cannot be, and
    note its literals from the same parse: a rule pack's 200+ regexes are then parsed once here."""
    if pattern in _VALID:
        return
    if _parser is None:
        re.compile(pattern, _FLAGS)
    else:
        tree = _parser.parse(pattern, _FLAGS)
        _KNOWN[pattern] = _literals_of(tree)  # before compiling, which reads the tree but may not keep it
        # The compiler sees errors the parser does not (a variable-width look-behind).  Its result
        # matches as re.compile()'s would; only its .pattern is None, which nothing here reads.
        _COMPILED[pattern] = _compiler.compile(tree, _FLAGS)
    _VALID.add(pattern)


def compiled(pattern: str) -> re.Pattern:
    if pattern not in _COMPILED:
        _COMPILED[pattern] = re.compile(pattern, _FLAGS)
    return _COMPILED[pattern]


def noted(patterns) -> dict[str, frozenset[str] | None]:
    """The literals of those ``patterns`` that were validated here, to keep with a cached rule pack."""
    return {p: _KNOWN.get(p) for p in patterns if p in _VALID}


def note_valid(literals: dict[str, frozenset[str] | None]) -> None:
    """Patterns an earlier run validated (a cached rule pack), with their literals."""
    _KNOWN.update(literals)
    _VALID.update(literals)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` (compiled with IGNORECASE) contains;
    None when no such set with strings of at least MIN_LITERAL characters is found."""
    if pattern not in _KNOWN:
        try:
            _KNOWN[pattern] = _literals_of(_parser.parse(pattern, _FLAGS)) if _parser else None
        except re.error:
            _KNOWN[pattern] = None
    return _KNOWN[pattern]


def _literals_of(tree) -> frozenset[str] | None:
    found = _required(list(tree))
    if not found or min(map(len, found)) < MIN_LITERAL:
        return None
    return frozenset(found)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The set that narrows the search more: longer shortest string, then fewer strings."""
    if not b:
        return a
    if not a:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _required(items: list) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            ch = _fold_char(chr(av))
            if ch is not None:
                run.append(ch)
                continue
        if run:  # anything but a literal ends a run of adjacent literal characters
            best, run = _better(best, {"".join(run)}), []
        if op is _c.SUBPATTERN:
            best = _better(best, _required(list(av[3])))
        elif op is _c.ATOMIC_GROUP:
            best = _better(best, _required(list(av)))
        elif op is _c.BRANCH:
            alternatives = [_required(list(b)) for b in av[1]]
            if all(alternatives):  # every alternative must contribute, or a match may have none
                best = _better(best, set().union(*alternatives))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _required(list(av[2])))
        # Assertions, classes, wildcards and optional parts promise no literal.
    if run:
        best = _better(best, {"".join(run)})
    return best


class LineIndex:
    """One document's folded text, where its lines start, the lines each literal occurs on, and
    each regex's matches line by line (worked out ahead by a helper process, or on first use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        # A "Label:" line runs on into its value on the next line ("Point of Contact:\nKaren ...").
        joined = {m.end() for m in re.finditer(r":[ \t]*\n", text)}
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text) if m.end() not in joined]
        self._lines: dict[str, list[int]] = {}
        self._literals: dict[str, frozenset[str] | None] = {}
        self._found: dict[str, dict[int, list[tuple[int, int]]]] = {}  # pattern -> line -> match spans
        # Patterns searched on every line by prepare(): their _found keeps only the lines with a match
        # (an entry per line and pattern took 300 MB on a text of 100,000 short lines).
        self._complete: set[str] = set()

    def literals(self, pattern: str) -> frozenset[str] | None:
        """required_literals(pattern), kept with the index so that a helper process can work them out."""
        if pattern not in self._literals:
            self._literals[pattern] = required_literals(pattern)
        return self._literals[pattern]

    def prepare(self, patterns) -> tuple[dict, dict, dict, set]:
        """Search every line ``patterns`` can match on now, ahead of the rules that ask; returns what
        was found, for adopt() in another process."""
        everywhere = [(0, len(self.text))]
        patterns = list(patterns)
        for n, pattern in enumerate(patterns):
            progress.report("patterns", n, len(patterns))
            if pattern not in self._complete:
                self.search(pattern, everywhere)
                self._found[pattern] = {line: spans for line, spans in self._found[pattern].items() if spans}
                self._complete.add(pattern)
        progress.report("patterns", len(patterns), len(patterns))
        return self._literals, self._lines, self._found, self._complete

    def adopt(self, found: tuple[dict, dict, dict, set]) -> None:
        """Take what prepare() found (in a helper process) for the same text."""
        for mine, theirs in zip((self._literals, self._lines, self._found, self._complete), found):
            mine.update(theirs)

    def search(self, pattern: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Spans of ``pattern``'s matches within ``ranges``, searched line by line and only on the lines
        holding one of its literals.  A match never crosses a line: sentences and findings never do,
        and a ``\\s+`` running on into the next row of a table matched nonsense ("12,000\\nDevelopment
        and integrations" as a count of integrations)."""
        found = self._found.setdefault(pattern, {})
        complete = pattern in self._complete
        if complete:
            # Only the lines with a match, and those a range starts or ends inside (a part of a line
            # is searched on its own, and may match where the whole line did not).
            lines = sorted(set(found).union(*(self._ends_of(r) for r in ranges)))
        else:
            literals = self.literals(pattern)
            lines = range(len(self.line_starts)) if literals is None else \
                sorted({n for lit in literals for n in self.lines_of(lit)})
        out: list[tuple[int, int]] = []
        for n, (a, b), (lo, hi) in _intersect([(n, self._span(n)) for n in lines], ranges):
            if (lo, hi) != (a, b):  # part of a line (a range ends inside it): search just that part
                out.extend(m.span() for m in compiled(pattern).finditer(self.text, lo, hi))
                continue
            if n not in found:
                if complete:
                    continue  # searched already: no match on this line
                found[n] = [m.span() for m in compiled(pattern).finditer(self.text, a, b)]
            out.extend(found[n])
        return out

    def _ends_of(self, span: tuple[int, int]) -> tuple[int, int]:
        """The lines holding the first and the last character of a range."""
        lo, hi = span
        return (bisect.bisect_right(self.line_starts, lo) - 1, bisect.bisect_right(self.line_starts, max(lo, hi - 1)) - 1)

    def lines_of(self, literal: str) -> list[int]:
        if literal not in self._lines:
            folded, starts, out = self.folded, self.line_starts, []
            i = folded.find(literal)
            while i >= 0:
                line = bisect.bisect_right(starts, i) - 1
                out.append(line)
                nxt = starts[line + 1] if line + 1 < len(starts) else len(folded)
                i = folded.find(literal, max(nxt, i + 1))  # one entry per line is enough
            self._lines[literal] = out
        return self._lines[literal]

    def _span(self, n: int) -> tuple[int, int]:
        """Line ``n`` without its newline."""
        starts = self.line_starts
        return starts[n], starts[n + 1] - 1 if n + 1 < len(starts) else len(self.text)


def _intersect(lines: list[tuple[int, tuple[int, int]]], ranges: list[tuple[int, int]]):
    """(line, its span, the part of it inside one of ``ranges``) for every such part, in order."""
    out, j = [], 0
    for n, (a, b) in lines:
        while j < len(ranges) and ranges[j][1] <= a:
            j += 1
        k = j
        while k < len(ranges) and ranges[k][0] < b:
            lo, hi = max(a, ranges[k][0]), min(b, ranges[k][1])
            if hi > lo:
                out.append((n, (a, b), (lo, hi)))
            k += 1
    return out


def fold(text: str) -> str:
    """``text`` with each character replaced by what re.IGNORECASE compares it as, when that is an
    ASCII letter; the length never changes, so offsets stay valid."""
    folded = text.lower()
    if len(folded) != len(text):  # "İ".lower() is two characters: fold one character at a time
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not folded.isascii():
        for ch in set(re.findall(r"[^\x00-\x7f]", folded)):
            if _ASCII_LETTER.fullmatch(ch):  # e.g. the long s, dotless i, Kelvin sign
                letter = next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.IGNORECASE))
                folded = folded.replace(ch, letter)
    return folded
