"""Suggested clauses in the document's own terms: the parties' names, the words flagged, the frequency asked.

A rule's ``suggestion`` may hold ``{client}``, ``{provider}``, ``{item}`` (the flagged words) and
``{frequency}`` (the cadence the flagged words ask for, "every week" for "weekly reports").  What the
document does not give stays a bracketed blank or a generic party, and the clause is then labelled
"Example wording:" so nobody pastes it as if it were written for this SOW.
"""

from __future__ import annotations

import re

from .context import LintContext

_GENERIC_NAMES = {"client", "customer", "vendor", "contractor", "supplier", "agency", "company", "provider",
                  "consultant", "government", "owner"}
_FREQUENCY = re.compile(
    r"\b(daily|weekly|fortnightly|bi-?weekly|monthly|quarterly|annually|yearly"
    r"|every\s+(?:other\s+)?(?:working\s+)?(?:day|week|month|quarter|year|monday|tuesday|wednesday|thursday|friday))\b",
    re.IGNORECASE,
)
_EVERY = {"daily": "every working day", "weekly": "every week", "fortnightly": "every two weeks",
          "biweekly": "every two weeks", "bi-weekly": "every two weeks", "monthly": "every month",
          "quarterly": "every quarter", "annually": "every year", "yearly": "every year"}


class _Blanks(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def tailor(suggestion: str, ctx: LintContext, matched: str, evidence: str = "") -> str:
    """``suggestion`` with its placeholders filled from the document; "Example wording: ..." when a party
    or the frequency could not be."""
    if "{" not in suggestion:
        return suggestion
    client, provider = party_name(ctx, "client"), party_name(ctx, "provider")
    frequency = frequency_of(evidence or matched)
    item = " ".join(matched.split()[:12]) or "this item"
    # mid-sentence the flagged words read in lower case ("scalable"), at a clause's start capitalised
    low = item if item.isupper() else item[:1].lower() + item[1:]
    template = re.sub(r'(^|["“])\{item\}', r"\1{Item}", suggestion)
    values = _Blanks(client=client or "the Client", provider=provider or "the Provider", item=low,
                     Item=item[:1].upper() + item[1:], frequency=frequency or "[every Friday]")
    try:
        text = template.format_map(values)
    except (ValueError, IndexError):
        return suggestion
    missing = (("{client}" in suggestion and not client) or ("{provider}" in suggestion and not provider)
               or ("{frequency}" in suggestion and not frequency))
    return "Example wording: " + text if missing else text


def frequency_of(text: str) -> str | None:
    """The cadence a text asks for, as "every ..." ("weekly updates" -> "every week"), or None."""
    m = _FREQUENCY.search(text)
    if m is None:
        return None
    word = " ".join(m.group(1).lower().split())
    return _EVERY.get(word, word)


def party_name(ctx: LintContext, side: str) -> str | None:
    """The name the document gives a side ("Fernleaf Dental Group"), longest first; None if it has none."""
    names = [n for n, s in ctx.parties.defined.items() if s == side and n[:1].isupper() and not n.isupper()
             and n.lower() not in _GENERIC_NAMES]
    return max(names, key=len) if names else None
