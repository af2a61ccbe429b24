"""Detects the engagement type from pricing language: fixed-fee, time-and-materials, or unknown."""

from __future__ import annotations

import re

from .model import Document

_FIXED = re.compile(
    r"\b(firm[- ]fixed[- ]price|fixed[- ](fee|price|cost|sum)|ffp|lump[- ]sum|not[- ]to[- ]exceed price|"
    r"flat (fee|rate for the project)|flat (?:usd|aud|gbp|eur|cad)?\s?[$£€]?\s?\d[\d,.]*k?|total (project )?(fee|price) of)\b",
    re.IGNORECASE,
)
# Informal fixed prices, as sales notes and short proposals write them ("quoted 4.8k fixed", "fixed for the
# whole thing", "a fixed 18.5k for the lot").
_FIXED_INFORMAL = re.compile(r"\d[\d.,]*k?\s+fixed\b|\bfixed\s+for\b|"
                             r"\bfixed\s+(?:[$£€]|usd|gbp|eur|cad|aud|nzd)?\s?\d[\d.,]*k?\b", re.IGNORECASE)
# A total project fee stated as one amount ("The total project fee is USD 38,500", "Total fee: $12,000"): a fixed
# price, unless the amount is per period ("total fee of $9,500 per month" is a retainer's rate, not a price).
_TOTAL_FEE = re.compile(
    r"\btotal\s+(?:project\s+|contract\s+|engagement\s+)?(?:fee|price|cost|investment)\s*(?:is|of|will\s+be|"
    r"amounts\s+to|comes\s+to|:|=)?\s*(?:usd|aud|gbp|eur|cad|nzd|inr)?\s?[$£€₹]?\s?\d[\d,]*+(?:\.\d+)?+"
    r"(?:\s?k\b)?(?:\s*(?:usd|aud|gbp|eur|cad|nzd|inr)\b)?"
    r"(?!\s*(?:(?:per|a|an|each|every)\s+|/\s*)(?:month|hour|day|week|year|quarter|user|seat)|\s*(?:monthly|hourly|"
    r"annually|weekly|daily)\b)",
    re.IGNORECASE,
)
_TM = re.compile(
    r"\b(time[- ](and|&)[- ]materials?|t\s?&\s?m|labou?r[- ]hours?|hourly (rate|basis|billing)|"
    r"per (hour|day)|day rates?|daily rates?|billed (monthly )?(for|on) (actual )?(hours|time)|"
    r"rate card|blended rate|(?:billed|charged|paid)\s+hourly)\b",
    re.IGNORECASE,
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_EXTRA_WORK = re.compile(r"\b(?:extra|additional|further|beyond|outside|out\s+of\s+scope|change\s+requests?|"
                         r"changes?\s+to\s+(?:the\s+)?scope)\b", re.IGNORECASE)


def price_model(text: str) -> str | None:
    """The price model one piece of text names (fixed-fee or time-and-materials), or None."""
    fixed = _FIXED.search(text) or _FIXED_INFORMAL.search(text) or _TOTAL_FEE.search(text)
    tm = _TM.search(text)
    if fixed and tm:
        return "fixed-fee" if fixed.start() < tm.start() else "time-and-materials"
    return "fixed-fee" if fixed else ("time-and-materials" if tm else None)


def detect_engagement(doc: Document) -> str:
    """Count pricing-language cues; cues inside pricing sections count three times."""
    scores = {"fixed-fee": 0, "time-and-materials": 0}
    for section in doc.walk():
        weight = 3 if section.role == "pricing" else 1
        texts = [section.heading] + [b.text for b in section.blocks]
        for text in texts:
            scores["fixed-fee"] += weight * (len(_FIXED.findall(text)) + len(_FIXED_INFORMAL.findall(text))
                                             + len(_TOTAL_FEE.findall(text)))
            # an hourly rate for work beyond the fee ("extra rounds are billed at CAD 120 per hour") does
            # not make a fixed-fee SOW time-and-materials
            scores["time-and-materials"] += weight * sum(len(_TM.findall(s)) for s in _SENTENCE.split(text)
                                                         if not _EXTRA_WORK.search(s))
    fixed, tm = scores["fixed-fee"], scores["time-and-materials"]
    if fixed == tm:
        return "unknown"
    return "fixed-fee" if fixed > tm else "time-and-materials"
