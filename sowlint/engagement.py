"""Detects the engagement type from pricing language: fixed-fee, time-and-materials, or unknown."""

from __future__ import annotations

import re

from .document import Document

_FIXED = re.compile(
    r"\b(firm[- ]fixed[- ]price|fixed[- ](fee|price|cost|sum)|ffp|lump[- ]sum|not[- ]to[- ]exceed price|"
    r"flat (fee|rate for the project)|flat (?:usd|aud|gbp|eur|cad)?\s?[$£€]?\s?\d[\d,.]*k?|total (project )?(fee|price) of)\b",
    re.IGNORECASE,
)
_TM = re.compile(
    r"\b(time[- ](and|&)[- ]materials?|t\s?&\s?m|labou?r[- ]hours?|hourly (rate|basis|billing)|"
    r"per (hour|day)|day rates?|daily rates?|billed (monthly )?(for|on) (actual )?(hours|time)|"
    r"rate card|blended rate)\b",
    re.IGNORECASE,
)


def detect_engagement(doc: Document) -> str:
    """Count pricing-language cues; cues inside pricing sections count three times."""
    scores = {"fixed-fee": 0, "time-and-materials": 0}
    for section in doc.walk():
        weight = 3 if section.role == "pricing" else 1
        texts = [section.heading] + [b.text for b in section.blocks]
        for text in texts:
            scores["fixed-fee"] += weight * len(_FIXED.findall(text))
            scores["time-and-materials"] += weight * len(_TM.findall(text))
    fixed, tm = scores["fixed-fee"], scores["time-and-materials"]
    if fixed == tm:
        return "unknown"
    return "fixed-fee" if fixed > tm else "time-and-materials"
