"""Does a sentence describe a party's own business rather than commit anyone ("The client sells shoes,
bags and other products")?

A background sentence names the party as its subject and goes on with a plain verb of fact ("sells",
"produces", "operates", "has", "is").  A modal ("will", "shall", "must"), a verb of receiving ("receives",
"gets", "has access to"), a verb of wanting ("requires", "expects", "wants": a requirement on the
provider) or a possessive ("the client's team will") means the sentence is about what the deal gives
or asks, so it is not background.
"""

from __future__ import annotations

import re

from .parties import Parties, Side

# up to two words before the party: "The", "The retail", "Our client"
_LEAD = re.compile(r"(?:currently,?\s+)?(?:(?:the|our|your|this)\s+(?:[a-z][\w-]*\s+){0,2})?", re.IGNORECASE)
_ROLE_WORDS = {"client", "customer", "company", "organisation", "organization", "agency", "government", "buyer",
               "purchaser", "owner", "you", "user", "business"}
_NOT_FACT = re.compile(
    r"\s*(?:['’]s\b|will\b|shall\b|must\b|should\b|can\b|could\b|may\b|might\b|agrees?\b|is\s+(?:responsible|required|expected|entitled)\b"
    r"|receives?\b|gets?\b|gains?\b|enjoys?\b|benefits?\b|has\s+access\b|have\s+access\b|is\s+to\b|needs?\s+to\b|has\s+to\b"
    # what the party wants is a requirement on the provider: "The Government requires that ..."
    r"|requires?\b|expects?\b|wants?\b|asks?\b|requests?\b|desires?\b|seeks?\b|prefers?\b|intends?\b|needs?\b|wishes?\b)",
    re.IGNORECASE,
)
_FACT = re.compile(
    r"\s*(?:(?:currently|already|also|now|primarily|mainly|mostly|still|often)\s+)?(?:is|are|was|were|has|have|had|[a-z]+(?:s|ed))\b",
)


def describes(text: str, parties: Parties, side: Side) -> bool:
    """True when ``text`` opens with ``side`` as its subject and states a fact about it."""
    m = parties.first_mention(text[:200])
    if m is None or m.side != side or m.start > 40:
        return False
    lead = text[: m.start]
    if not _LEAD.fullmatch(lead):
        return False
    if not lead.strip() and m.text.lower() in _ROLE_WORDS:
        return False  # "Customer notifications as needed": a bare role word opens a compound, not a subject
    rest = text[m.end : m.end + 80]
    return not _NOT_FACT.match(rest) and bool(_FACT.match(rest))
