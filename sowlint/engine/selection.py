"""Rule selection: is a rule selected by `select` and `ignore` references?

References are rule ids, categories, tags or globs (`soft-promise-*`).  The most specific reference
wins (id > category or tag > glob); at equal specificity `ignore` wins.
"""

from __future__ import annotations

import fnmatch


def _specificity(ref: str, rule) -> int:
    if ref == rule.id:
        return 3
    if ref == rule.category or ref in rule.tags:
        return 2
    if any(ch in ref for ch in "*?[") and fnmatch.fnmatchcase(rule.id, ref):
        return 1
    return 0


def is_selected(rule, select: list[str], ignore: list[str]) -> bool:
    sel = max((_specificity(r, rule) for r in select), default=0) if select else 0.5
    ign = max((_specificity(r, rule) for r in ignore), default=0)
    if sel == 0:
        return False
    return not (ign and ign >= sel)
