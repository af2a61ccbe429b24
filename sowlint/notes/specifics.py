"""What a commitment promises beyond the area it names: all of it, for free, or a specific thing.

* **All of it**: "all their old orders", "every can label", "the whole staff".  Against an SOW that
  includes part and leaves part out, that is a contradiction, not an exclusion.
* **For free**: "for free", "at no extra cost", "on the house", "we'll throw in", "waive the fee",
  "covered by our fee".  Against a SOW that prices the same work, a contradiction.
* **A specific thing** (a *qualifier*): the words that make "Spanish versions of the location pages"
  more than "location pages": a language, a channel ("a text reminder", "push notifications"), a mode
  ("book instantly"), a currency ("prices in euros"), a product or platform ("LinkedIn Sales Navigator"),
  a compound the SOW never uses ("abandoned-cart emails", "staff T-shirts"), a quoted phrase
  ("hairdresser Wellington").  A SOW that names the area but never the qualifier does not include
  the commitment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine.coverage import LANGUAGES

# "all of it" ("every can label", "all three languages"), not a frequency ("every night"), a share ("for
# every workstation", "a free walk for every friend") or "all you have to do"; "full" only before a
# collection ("the full Sage history"): "a full transcript" and "the full episodes" say complete, not all
_ALL = re.compile(
    r"(?<!\bfor\s)(?<!\bper\s)\b(?:all|every|everything|whole|entire"
    r"|full(?=\s+(?:[\w-]+\s+)?(?:history|archive|range|set|list|catalog(?:ue)?|database|backlog|library|records?|collection)\b))\b"
    r"(?!\s+(?:you|we)\s+(?:have|need)\s+to\b)"
    r"(?!\s+(?:other\s+)?(?:day|night|morning|evening|week|fortnight|month|quarter|year|time|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|sprint)s?\b)",
    re.IGNORECASE,
)
_FREE = re.compile(
    r"\b(?:for\s+free|free\s+of\s+charge|free(?=[.,;!]|\s*$)|no\s+charge|at\s+no\s+(?:extra|additional)\s+(?:cost|charge)|"
    r"on\s+the\s+house|on\s+us|thr(?:e|o)w(?:ing)?\s+in|waive[sd]?|(?:covered\s+by|part\s+of|included\s+in)\s+"
    r"(?:our|the)\s+(?:\w+\s+)?(?:fee|price|retainer|quote))\b",
    re.IGNORECASE,
)
# A sentence that puts a price on work: an amount, a rate, a per-unit charge or a change request.
_PRICED = re.compile(
    r"(?:[$£€]|\b(?:usd|gbp|eur|cad|aud|nzd)\b)\s?\d|\bper\s+(?:hour|day|half[- ]day|word|page|session|user)\b|"
    r"\b(?:hourly|day|daily|per-word)\s+rates?\b|\bat\s+(?:the|our)\s+(?:\w+\s+)?rates?\b|\bchange\s+requests?\b|"
    # an amount right after the word: "fee of 1,500", "onboarding fee | 1,500", "price: 6,500"
    r"\b(?:fee|price|cost|charge)s?\b(?:\s+(?:of|is|are))?\s*[:|]?\s*(?:[A-Z]{3}\s)?\d[\d,]*(?:\.\d+)?\b|"
    r"^(?:optional:|option:)|"
    r"\b(?:charged|billed|invoiced)\b(?!\s+(?:monthly|quarterly)\s+in\s+advance)",
    re.IGNORECASE,
)
_SAYS_FREE = re.compile(r"\b(?:free|no\s+(?:extra\s+)?charge|at\s+no\s+(?:extra\s+|additional\s+)?cost|"
                        r"included\s+in\s+(?:the|our)\s+(?:\w+\s+){0,2}(?:fee|price|retainer))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Qualifier:
    """A specific thing the commitment names, and how a SOW passage names it too."""

    text: str  # as the notes write it ("abandoned-cart", "text reminder")
    pattern: re.Pattern  # matches the SOW's wording of it


def promises_all(text: str) -> bool:
    return _ALL.search(text) is not None


def totality_object(text: str) -> str:
    """What "all of it" covers: the rest of the clause after "all"/"every", with its list ("every app, the
    iOS one and the Android beta"); "" when the text promises no totality.  A promise of laminated copies
    "for every workstation" is about workstations, not about all of the job aids."""
    m = _ALL.search(text)
    return re.split(r"\s+(?:so|because|as|since|before|after|while|if)\s+", text[m.end():], maxsplit=1)[0] if m else ""


def promises_free(text: str) -> bool:
    return _FREE.search(text) is not None


_PAYMENT_EXCLUSION = re.compile(r"\b(?:paid|pays?|buys?|purchases?)\b[^.]{0,60}\bdirectly\b|\bat\s+(?:the\s+)?\w+(?:'|’)s\s+"
                                r"(?:own\s+)?(?:cost|expense)\b|\bfees?\s+(?:are|is)\s+not\s+(?:part\s+of|included)", re.I)
# "Dashboards for audiences other than those listed in 2.4": everything not listed is excluded
_CATCH_ALL = re.compile(r"\bother\s+than\s+(?:those|the\s+ones?|what\s+is)\s+(?:listed|named|described|specified|set\s+out)\b|"
                        r"\bbeyond\s+(?:those|the\s+ones?)\s+(?:listed|named|described)\b", re.I)


def is_payment_exclusion(text: str) -> bool:
    """The SOW leaves the cost with someone else ("paid by the Client directly to Shopify")."""
    return _PAYMENT_EXCLUSION.search(text) is not None


def is_catch_all(text: str) -> bool:
    return _CATCH_ALL.search(text) is not None


def prices_it(text: str) -> bool:
    """Does a SOW sentence charge for the work (and not say it is free)?"""
    return _PRICED.search(text) is not None and _SAYS_FREE.search(text) is None


# A channel, and what is sent over it: "a text reminder" is met by "SMS reminders", not by "confirm by text".
_TEXTED = re.compile(r"\b(?:sms|text)(?:\s+messages?)?\s+(reminders?|alerts?|notifications?|confirmations?|updates?)\b", re.I)
_CHANNELS = (
    (re.compile(r"\bpush\s+notifications?\b", re.I), re.compile(r"\bpush\b", re.I)),
    (re.compile(r"\bwhats\s?app\b", re.I), re.compile(r"\bwhats\s?app\b", re.I)),
)
# An acronym the SOW never uses names a specific thing ("AWS", "S3", "IAM"), unless the SOW spells it out
# ("BAA" beside "Business Associate Agreement"); everyday acronyms say nothing specific.
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
_EVERYDAY = {"OK", "IT", "US", "UK", "EU", "AM", "PM", "TV", "TVS", "ID", "HR", "PR", "QA", "UX", "UI", "CEO", "CFO",
             "CTO", "COO", "VAT", "GST", "HST", "ASAP", "FAQ", "PDF", "CSV", "API", "SEO", "CRM", "ERP", "SMS", "SOW",
             "MVP", "KPI", "ROI", "USD", "GBP", "EUR", "CAD", "AUD", "NZD", "ZAR", "I"}
# A medium the work is done in or on ("a paper version", "in person"): a SOW about the digital thing
# does not include the paper one.
_MEDIUM = re.compile(r"\b(?:paper|hard[- ]copy|printed|in[- ]person|face[- ]to[- ]face)\b", re.IGNORECASE)
_MEDIUM_IN_SOW = {"paper": r"\bpaper\b", "hard copy": r"\bhard[- ]cop(?:y|ies)\b|\bpaper\b", "printed": r"\bprint",
                  "in person": r"\bin[- ]person\b|\bon[- ]site\b|\bface[- ]to[- ]face\b",
                  "face to face": r"\bin[- ]person\b|\bon[- ]site\b|\bface[- ]to[- ]face\b"}
_MODE = re.compile(r"\b(?:instant(?:ly)?|in\s+real[- ]time|real[- ]time)\b", re.IGNORECASE)
_MODE_IN_SOW = re.compile(r"\b(?:instant(?:ly)?|real[- ]time|live\s+availability|immediately)\b", re.IGNORECASE)
# "prices in euros": the currency a figure is shown in is a specific thing, not a format
_CURRENCY = re.compile(r"\b(?:euros?|dollars?|pounds\s+sterling|sterling|yen|swiss\s+francs?)\b", re.IGNORECASE)
_CURRENCY_CODE = {"euro": "eur", "dollar": "usd", "pounds sterling": "gbp", "sterling": "gbp", "yen": "jpy",
                  "swiss franc": "chf"}
_CURRENCY_IN_SOW = {"eur": r"\beuros?\b|\bEUR\b|€", "usd": r"\bdollars?\b|\bUSD\b|\$", "gbp": r"\bsterling\b|\bGBP\b|£",
                    "jpy": r"\byen\b|\bJPY\b|¥", "chf": r"\bfrancs?\b|\bCHF\b"}
_CAMEL = re.compile(r"\b(?:[A-Z][a-z]+[A-Z]\w*|i[A-Z][a-z]+)\b")  # LinkedIn, HubSpot, QuickBooks, iPad
_CAPITAL_RUN = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))+\b")
_PLURAL = r"(?:s|es|'s|’s)?"
_SINGLE_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}\b")
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "easter", "christmas"}
_COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")
_QUOTED = re.compile(r"[\"“]([^\"”]{3,60})[\"”]")


def qualifiers(text: str, known, people: set[str] = frozenset(), single_names: bool = False) -> list[Qualifier]:
    """The specific things ``text`` names.  ``known(word)`` says whether the SOW uses a word (or it says
    nothing: a function word): a compound or a quoted phrase is a qualifier only when one of its parts
    is a word the SOW never uses ("abandoned-cart" in a SOW without "abandoned"; not "go-live" or
    "one-pager").  With ``single_names``, a lone capitalised word inside the sentence counts as a name too
    ("Fresha"): too loose to say the SOW never names the thing, precise enough to find an exclusion
    that does."""
    out: list[Qualifier] = []
    m = _TEXTED.search(text)
    if m:
        what = m.group(1).rstrip("s")
        out.append(Qualifier(m.group(0), re.compile(rf"\b(?:sms|text)(?:\s+messages?)?\s+(?:and\s+e-?mail\s+)?{what}s?\b|"
                                                     rf"\b{what}s?\s+(?:by|via)\s+(?:sms|text)\b", re.I)))
    for rx, in_sow in _CHANNELS:
        m = rx.search(text)
        if m:
            out.append(Qualifier(m.group(0), in_sow))
    m = _MODE.search(text)
    if m:
        out.append(Qualifier(m.group(0), _MODE_IN_SOW))
    m = _MEDIUM.search(text)
    if m:
        key = re.sub(r"[- ]+", " ", m.group(0).lower())
        out.append(Qualifier(m.group(0), re.compile(_MEDIUM_IN_SOW[key], re.IGNORECASE)))
    for m in _ACRONYM.finditer(text):
        if m.group(0) not in _EVERYDAY and m.group(0).upper() not in _EVERYDAY:
            out.append(Qualifier(m.group(0), re.compile(rf"\b{m.group(0)}s?\b|{_spelled_out(m.group(0))}")))
    for m in _CURRENCY.finditer(text):
        code = _CURRENCY_CODE[m.group(0).lower().rstrip("s")]
        out.append(Qualifier(m.group(0), re.compile(_CURRENCY_IN_SOW[code], re.I)))
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in LANGUAGES:
            out.append(Qualifier(word, re.compile(rf"\b{word}\b", re.IGNORECASE)))
    names = {m.group(0) for m in _CAMEL.finditer(text)} | {m.group(0) for m in _CAPITAL_RUN.finditer(text)}
    if single_names:
        names |= {m.group(0) for m in _SINGLE_NAME.finditer(text) if m.group(0).lower() not in _CALENDAR}
    for name in names:
        if any(w.lower() in people for w in name.split()) or not re.search(r"[a-z]", name):
            continue  # a person, or acronyms only ("HIPAA BAA": SOWs spell acronyms out)
        out.append(Qualifier(name, re.compile(r"\b" + r"\s*".join(map(re.escape, name.split())) + _PLURAL + r"\b", re.I)))
    for m in _COMPOUND.finditer(text):
        parts = [p for p in m.group(0).lower().split("-") if len(p) >= 3]
        if parts and not all(known(p) for p in parts):
            out.append(Qualifier(m.group(0), re.compile(r"[- ]?".join(map(re.escape, m.group(0).split("-"))), re.I)))
    for m in _QUOTED.finditer(text):
        words = [w for w in re.findall(r"[A-Za-z]{3,}", m.group(1))]
        if words and not all(known(w.lower()) for w in words):
            out.append(Qualifier(m.group(0), re.compile(r"\s+".join(map(re.escape, m.group(1).split())), re.I)))
    return out


def _spelled_out(acronym: str) -> str:
    """A pattern for the words an acronym stands for: "BAA" matches "Business Associate Agreement"."""
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 2 or len(letters) != len(acronym):
        return r"(?!x)x"  # "S3": no spelled-out form
    return r"\b" + r"\s+".join(rf"{c}[a-z]+" for c in letters) + r"\b"


def missing(quals: list[Qualifier], text: str) -> list[Qualifier]:
    """The qualifiers a SOW text does not name."""
    return [q for q in quals if not q.pattern.search(text)]
