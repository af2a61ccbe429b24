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

from typing import Literal, Optional

from pydantic import field_validator

from ...document.placeholders import is_placeholder, is_unfilled
from ..context import Hit, LintContext
from ..match import find
from ..rulepack.model import MatchSpec, Strict, _check_roles



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
        # A section that only holds a template's note ("DESCRIBE ALL GFE.") is not there yet.
        if any(not _only_placeholders(ctx, s) for s in sections):
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


def _only_placeholders(ctx: LintContext, section) -> bool:
    """The section and everything under it waits to be filled in ("TBD", a drafting note), its heading
    included when the heading is itself the note.  "None" or "N/A" is an answer, not a gap."""
    if is_unfilled(section.heading):
        return True
    texts = [b.text for b in section.all_blocks()] + [s.heading for s in section.walk() if s is not section]
    return bool(texts) and all(is_unfilled(t) for t in texts)


def _has_substance(ctx: LintContext, section, min_items: int, min_words: int) -> bool:
    lines = [b.text for b in section.all_blocks()]
    if any(s.level and s is not section for s in section.walk()):
        # Subsection headings are content too ("4.1 Travel" under "4 Exclusions").
        lines += [s.heading for s in section.walk() if s is not section]
    meaningful = [t for t in lines if t.strip() and not is_placeholder(t)]
    words = sum(len(t.split()) for t in meaningful)
    items = sum(max(1, t.count(". ") + 1) if not t.endswith(":") else 0 for t in meaningful)
    return words >= min_words and items >= min_items
