"""Is a match negated in its sentence?  "will not be provided" is not "will be provided"."""

from __future__ import annotations

_BEFORE = {"not", "no", "never", "n't", "without", "neither", "nor", "none", "cannot", "exclude",
           "excluding", "except", "excludes", "excluded", "non"}
_AFTER_WORDS = {"not", "excluded", "exclude", "n't"}
_AFTER_PHRASES = (("out", "of", "scope"), ("outside", "the", "scope"), ("not", "include"),
                  ("not", "included"), ("not", "be"), ("be", "exclude"), ("be", "excluded"))
# Words that end the reach of a negation: "no travel, but unlimited revisions" negates only travel.
_BARRIERS = {"but", "however", "although", "while", "whereas", ";", ":", "and", "or", ","}
_CLAUSE_BARRIERS = _BARRIERS - {"and", "or"}  # after the match, "and"/"or" end no clause
_LOOKBACK = 5
_LOOKAHEAD = 4


def is_negated(doc, start_tok: int, end_tok: int, sent_start: int, sent_end: int) -> bool:
    """True when a negation word governs tokens [start_tok, end_tok) within its sentence."""
    phrase = {doc[i].lower_ for i in range(start_tok, end_tok)}
    if phrase & _BEFORE:
        return False  # the phrase carries its own negation ("not included")
    i = start_tok - 1
    steps = 0
    while i >= sent_start and steps < _LOOKBACK:
        low = doc[i].lower_
        if low in _BARRIERS:
            break
        if low in _BEFORE:
            return True
        i -= 1
        steps += 1
    after = [doc[j].lower_ for j in range(end_tok, min(sent_end, end_tok + _LOOKAHEAD + 2))]
    # "Unlimited revisions are not included", "Travel is excluded", "Hosting is out of scope".
    for j, low in enumerate(after[: _LOOKAHEAD + 1]):
        if low in _CLAUSE_BARRIERS:
            break
        if low in ("is", "are", "will", "shall", "be", "been") and j + 1 < len(after):
            rest = tuple(after[j + 1 : j + 4])
            if rest and (rest[0] in _AFTER_WORDS or any(rest[: len(p)] == p for p in _AFTER_PHRASES)):
                return True
    return False
