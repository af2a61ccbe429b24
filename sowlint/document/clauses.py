"""The clause around a match: from the previous full stop, semicolon, colon, table cell or line start
to the next one, so evidence quotes the whole commitment rather than the trigger word.  A question
("What should we monitor to ensure ...?") commits nobody, so it has no clause.

A clause starts at a line start or after one of ``.!?;:|`` followed by white space; it ends before
the next ``\\n.!?;|`` (a colon may introduce the rest of the commitment).  The lead-in, from the
clause start to the trigger, must not hold a negation ("we do not offer unlimited revisions").
"""

from __future__ import annotations

import re

_BOUNDARY_BEFORE = "\n.!?;:|"
_END = re.compile(r"[\n.!?;|]")
_NEGATION = re.compile(r"\b(?:not|no|never|without|nor)\b|n['’]t\b", re.IGNORECASE)


def clause_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(clause start, clause end) around text[start:end], or None when the lead-in is negated or
    the trigger does not sit in a clause (e.g. right after "e.g." or "2.0"), or the clause is a question."""
    # The line start first, then the other boundaries after it: an rfind of "|" from the trigger back
    # to the text's start, per match, was quadratic on a long document with no table.
    line = text.rfind("\n", 0, start)
    p = max(text.rfind(ch, line + 1, start) for ch in _BOUNDARY_BEFORE[1:]) if start > line + 1 else -1
    p = max(p, line)
    if p < 0:
        lead = 0
    elif text[p] == "\n":
        lead = p + 1
    elif p + 1 < start and text[p + 1].isspace() and text[p + 1] != "\n":
        lead = p + 2
    else:
        return None
    neg = _NEGATION.search(text, lead, end)
    if neg is not None and neg.start() < start:
        return None
    m = _END.search(text, end)
    if m is not None and text[m.start()] == "?":
        return None  # a question asks; it promises nothing
    return lead, (m.start() if m else len(text))
