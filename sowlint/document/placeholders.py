"""Text that holds no content yet: "TBD", "[Client Name]", "<insert date>", a template's drafting note.

A drafting note is the instruction a template leaves for its author, usually shouted:
"DESCRIBE ALL GFE. INCLUDE WHAT IS BEING PROVIDED AND WHEN IT WILL BE PROVIDED."
"""

from __future__ import annotations

import re

_UNFILLED = re.compile(
    r"^\W*(tbd|tbc|tba|pending|to be (determined|confirmed|agreed|defined|provided)|x+|\.{3,}|…|lorem ipsum.*)\W*$"
    r"|^\s*\[[^\]]*\]\s*$|^\s*<[^>]*>\s*$",
    re.IGNORECASE,
)
# An answer, not a gap: "None", "N/A", "Not applicable" say there is nothing (a GFE section with "None").
_NOTHING = re.compile(r"^\W*(n/?a|none|nil|-+|not applicable(\s+to\s+this\s+\w+)?)\W*$", re.IGNORECASE)
_INSTRUCTION = re.compile(
    r"^\W*(?:DESCRIBE|INSERT|ENTER|INCLUDE|LIST|IDENTIFY|SPECIFY|STATE|ADD|DEFINE|EXPLAIN|SELECT|CHOOSE|COMPLETE|"
    r"FILL|REPLACE|DELETE|REMOVE|EDIT|PROVIDE|INDICATE|DETAIL|OUTLINE|SUMMARI[SZ]E|NOTE|IF\s+APPLICABLE)\b"
)


def is_unfilled(text: str) -> bool:
    """True for a marker that waits for content ("TBD", "[Client Name]") or a shouted drafting instruction."""
    stripped = text.strip()
    if not stripped or _UNFILLED.match(stripped):
        return True
    return not any(ch.islower() for ch in stripped) and len(stripped.split()) >= 4 and bool(_INSTRUCTION.match(stripped))


def is_placeholder(text: str) -> bool:
    """True for anything that holds no content: an unfilled marker, or "None" / "N/A"."""
    return is_unfilled(text) or bool(_NOTHING.match(text.strip()))
