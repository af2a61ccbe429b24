"""Maps offsets of the text rendition back to line and column of a text file (.md, .txt).

The rendition drops Markdown markup (heading hashes, list markers, emphasis, link targets, HTML
comments) and joins a paragraph's lines, so its line numbers are not the file's.  Every
non-space character of a rendition line is still a character of the source lines it came from,
in order; matching the two left to right (a word at a time, a character at a time where markup
splits a word) gives each rendition character its source offset, so SARIF, GitHub annotations
and the terminal can point into the file itself.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

# Parts of a source line the rendition never shows: a link's target and an image's "!".
_LINK_TARGET = re.compile(r"(!?)\[([^\[\]]*)\](\([^()]*\))")
_HIDDEN = "\x00"  # never a character of the rendition (the builder drops control characters)
_WORD = re.compile(r"\S+")
_LOOKAHEAD = 4


def _masked(line: str) -> str:
    """The line with link targets blanked out, so their letters never match rendition text."""
    if "](" not in line:
        return line
    chars = list(line)
    for m in _LINK_TARGET.finditer(line):
        for a, b in ((m.start(1), m.end(1)), (m.start(3), m.end(3))):
            chars[a:b] = _HIDDEN * (b - a)
    return "".join(chars)


def _chars_in(word: str, body: str, pos: int) -> list[int] | None:
    """Where each character of ``word`` sits in ``body`` from ``pos`` on, in order; None if not all do."""
    out = []
    for ch in word:
        pos = body.find(ch, pos)
        if pos < 0:
            return None
        out.append(pos)
        pos += 1
    return out


class SourceMap:
    """Rendition offset -> (1-based line, 1-based column) in the source file."""

    def __init__(self, source: str, original: str | None = None,
                 removed: list[tuple[int, int]] = ()) -> None:
        """``source`` is the text the reader parsed: ``original`` with the spans ``removed``
        (HTML comments) cut out; positions are reported in ``original``."""
        self._source = source
        self._source_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", original)] if original else self._source_starts
        self._shifts: list[tuple[int, int]] = []  # (offset in source, characters removed before it)
        cut = 0
        for a, b in removed:
            cut += b - a
            self._shifts.append((a - cut + (b - a), cut))
        self._offsets = array("q")  # per rendition offset; -1: a line break between blocks

    def line_span(self, line_index: int, column: int = 0) -> tuple[int, int]:
        """Source span of a 0-based line (from ``column``), without its line break."""
        starts = self._source_starts
        start = starts[line_index]
        end = starts[line_index + 1] - 1 if line_index + 1 < len(starts) else len(self._source)
        return start + column, end

    def align(self, start: int, text: str, pieces: list[tuple[int, int]]) -> None:
        """Map rendition ``text`` (at offset ``start``) onto the source spans ``pieces``, in order."""
        segments = [(a, _masked(self._source[a:b])) for a, b in pieces if b > a]
        if not segments:
            return
        offsets = self._offsets
        if len(offsets) < start + len(text) + 1:  # the rendition grows as the reader goes
            offsets.extend(array("q", [-1]) * (start + len(text) + 1 - len(offsets)))
        seg, pos = 0, 0
        for m in _WORD.finditer(text):
            word = m.group()
            hit: list[int] | None = None
            # This source line first, then the next few: a word is on the line the last one was on, or on
            # one of the lines after it (bounded, so a word that is nowhere costs little).
            for k in range(seg, min(seg + _LOOKAHEAD, len(segments))):
                body = segments[k][1]
                p = pos if k == seg else 0
                found = body.find(word, p)
                hit = list(range(found, found + len(word))) if found >= 0 else _chars_in(word, body, p)
                if hit is not None:
                    seg, pos = k, hit[-1] + 1
                    break
            if hit is None:  # not in the source (should not happen): point at where we are
                hit = [pos] * len(word)
            base = segments[seg][0]
            for i, p in enumerate(hit):
                offsets[start + m.start() + i] = base + p
            # The space after a word sits just after it in the source.
            if m.end() < len(text):
                offsets[start + m.end()] = base + pos

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (Unicode code points) in the source of rendition ``offset``."""
        offsets = self._offsets
        if not offsets:
            return 1, 1
        offset = max(0, min(offset, len(offsets) - 1))
        while offset > 0 and offsets[offset] < 0:  # a line break between blocks: the end of the one before
            offset -= 1
        src = max(0, offsets[offset])
        i = bisect_right(self._shifts, (src, float("inf")))
        src += self._shifts[i - 1][1] if i else 0
        line = bisect_right(self._line_starts, src)
        return line, src - self._line_starts[line - 1] + 1

    def done(self) -> SourceMap:
        """Drop the source text once every block is aligned: the map keeps offsets only."""
        self._source = ""
        return self
