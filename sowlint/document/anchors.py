"""Finding a passage again in another rendition of the same text: letters and digits only, counted by occurrence.

A Word file's runs, the reader's rendition (cells joined by ``|``, spaces folded) and a comment's anchor
spell the same words with different spacing and separators.  Their *skeletons* (letters and digits,
nothing else) are equal, so "the k-th occurrence of this skeleton" names one place in all of them.
"""

from __future__ import annotations

from bisect import bisect_left


def skeleton(text: str) -> tuple[str, list[int]]:
    """The letters and digits of ``text``, and for each the offset it came from."""
    where = [i for i, ch in enumerate(text) if ch.isalnum()]
    return "".join(text[i] for i in where), where


def occurrences(haystack: str, needle: str, limit: int | None = None) -> list[int]:
    """Start offsets of ``needle`` in ``haystack``, overlapping ones included, those before ``limit`` only."""
    out: list[int] = []
    if not needle:
        return out
    i = haystack.find(needle)
    while i >= 0 and (limit is None or i < limit):
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


class Skeleton:
    """One text's skeleton, built once, asked many times."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars, self.where = skeleton(text)

    def occurrence_before(self, needle: str, offset: int) -> int:
        """How many passages spelling ``needle`` start before character ``offset``."""
        return len(occurrences(self.chars, skeleton(needle)[0], bisect_left(self.where, offset)))

    def locate(self, needle: str, occurrence: int = 0) -> tuple[int, int] | None:
        """The span of the ``occurrence``-th (0-based) passage spelling ``needle``, first letter to last.

        An occurrence past the end falls back to the first one; None means the passage is not there."""
        sk_needle = skeleton(needle)[0]
        found = occurrences(self.chars, sk_needle)
        if not found:
            return None
        k = found[occurrence] if 0 <= occurrence < len(found) else found[0]
        return self.where[k], self.where[k + len(sk_needle) - 1] + 1
