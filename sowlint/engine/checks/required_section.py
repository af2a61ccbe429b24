"""Kind ``required-section``: a role must exist and have substance.

``mode: presence`` fires once when no section has the role and no equivalent clause
(``or_statement``) appears anywhere; ``mode: substance`` fires on each section of the role
that is empty, a placeholder ("TBD", "N/A") or thinner than ``min_items`` / ``min_words``.

Example::

    kind: required-section
    role: exclusions
    mode: presence
    or_statement: {phrases: [out of scope, not included]}
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import field_validator

from ..context import Hit, LintContext
from ..match import find
from ..rulepack.model import MatchSpec, Strict, _check_roles

_PLACEHOLDER = re.compile(
    r"^\W*(tbd|tbc|tba|n/?a|none|nil|pending|to be (determined|confirmed|agreed|defined|provided)|"
    r"x+|\.{3,}|…|-+|not applicable|lorem ipsum.*)\W*$",
    re.IGNORECASE,
)


class Options(Strict):
    role: str
    mode: Literal["presence", "substance"] = "presence"
    min_items: int = 1  # list items, table rows or sentences
    min_words: int = 4
    or_statement: Optional[MatchSpec] = None

    @field_validator("role")
    @classmethod
    def _known(cls, value: str) -> str:
        return _check_roles([value])[0]


def check(rule, ctx: LintContext):
    o = rule.options
    sections = [s for s in ctx.doc.walk() if s.role == o.role and s.role_source != "parent"]
    if o.mode == "presence":
        if sections:
            return
        if o.or_statement is not None and find(ctx, o.or_statement, None, negation="ignore"):
            return
        yield Hit(None, None, evidence="", values={"role": o.role})
        return
    for section in sections:
        if not _has_substance(ctx, section, o.min_items, o.min_words):
            body = section.text(ctx.doc.text).strip()
            yield Hit(section.start, section.end, evidence=section.heading, section=section,
                      values={"role": o.role, "content": body[:80] or "(empty)"})


def _has_substance(ctx: LintContext, section, min_items: int, min_words: int) -> bool:
    lines = [b.text for b in section.all_blocks()]
    if any(s.level and s is not section for s in section.walk()):
        # Subsection headings are content too ("4.1 Travel" under "4 Exclusions").
        lines += [s.heading for s in section.walk() if s is not section]
    meaningful = [t for t in lines if t.strip() and not _PLACEHOLDER.match(t.strip())]
    words = sum(len(t.split()) for t in meaningful)
    items = sum(max(1, t.count(". ") + 1) if not t.endswith(":") else 0 for t in meaningful)
    return words >= min_words and items >= min_items
