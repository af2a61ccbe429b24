"""What an obligation asks the actor to do: one action class from the verb and its object.

Classes: ``provide`` (content, data, people, documents), ``access`` (accounts, credentials,
environments, entry), ``pay`` (buy, bear costs, reimburse), ``approve`` (review, sign off, test,
comment, accept), ``decide`` (choose, confirm, prioritise, define), ``participate`` (attend, take
part, be available, answer questions), ``assume`` (an assumption about the actor's environment)
and ``perform`` (any other duty).
"""

from __future__ import annotations

import re
from typing import Literal

Action = Literal["provide", "access", "pay", "approve", "decide", "participate", "assume", "perform"]
ACTIONS: tuple[Action, ...] = ("provide", "access", "pay", "approve", "decide", "participate", "assume", "perform")

# The things a client typically hands to the provider; a noun phrase holding one is an input.
INPUT_NOUNS = (
    r"access|data|datasets?|data\s+sources?|content|copy|copywriting|text|information|info|documentation|documents?|"
    r"materials?|equipment|space|workspace|offices?|desks?|facilit(?:y|ies)|environments?|accounts?|credentials|"
    r"logins?|passwords?|permissions|hardware|software|licen[cs]es?|subscriptions?|subject[- ]matter\s+experts?|smes?|"
    r"personnel|staff|users|stakeholders?|contacts?|feedback|comments|reviews|approvals?|decisions?|sign-?offs?|"
    r"inputs?|assets|images|photos|photographs|photography|pictures|videos?|footage|logos?|brand(?:ing)?|"
    r"brand\s+guidelines|guidelines|style\s+guides?|fonts?|colou?rs|apis?|api\s+keys|tokens|keys|codebase|"
    r"source\s+code|code|repositor(?:y|ies)|systems?|servers?|hosting|domains?|dns|tools|templates?|samples?|records|"
    r"files|lists?|spreadsheets?|exports?|sops?|procedures|policies|points?\s+of\s+contact|pocs?|product\s+owner|"
    r"representatives?|decision[- ]makers?|guidance|requirements|specifications|specs|test\s+cases|test\s+data|"
    r"(?:written\s+)?descriptions?\s+of|briefs?|briefing\s+(?:notes|materials)|instructions|"
    r"devices?|vpn|infrastructure|databases?|backups?|translations?|menus?|price\s+lists?|catalogue|catalog|"
    r"product\s+(?:data|information|details|descriptions)|org(?:anisational|anizational)?\s+(?:data|charts?)|"
    r"master\s+data|balances|formats?|utilities|parking|badges?|cacs?|maps|forms|property|gf[eip]"
)
INPUT_OBJECT = re.compile(rf"\b(?:{INPUT_NOUNS})\b", re.IGNORECASE)
_ACCESS_OBJECT = re.compile(
    r"^\W*(?:(?:the|all|any|full|admin(?:istrative|istrator)?|read(?:-only)?|remote|timely|necessary|required|"
    r"appropriate|secure|direct|vpn|ssh|root|production|staging|system|network|\w+)\s+){0,4}"
    r"(?:access|credentials|logins?|accounts?|permissions|passwords?|api\s+keys|tokens|rights|entry)\b",
    re.IGNORECASE,
)

_VERB_CLASSES: list[tuple[Action, re.Pattern]] = [
    ("access", re.compile(r"^(?:grant|enable|authori[sz]e|admit|escort)\w*\b", re.IGNORECASE)),
    ("pay", re.compile(
        r"^(?:pay|paid|purchas|buy|bought|bear|borne|fund|reimburs|cover\w*\s+(?:the\s+|all\s+|any\s+)?(?:costs?|fees?|"
        r"expenses?)|remit|finance|compensat|invoic)\w*\b", re.IGNORECASE)),
    ("approve", re.compile(
        r"^(?:approv|review|sign\w*\s+off|accept|test|validat|verif|check|comment|proof-?read|"
        r"give\s+(?:\w+\s+)?feedback|provid\w*\s+(?:\w+\s+){0,2}(?:feedback|comments|approvals?|sign-?offs?|"
        r"acceptance|review)|return\s+(?:\w+\s+)?(?:feedback|comments))\w*\b", re.IGNORECASE)),
    ("decide", re.compile(
        r"^(?:decid|confirm|select|choos|chose|prioriti[sz]|determin|specif|defin|agree|resolv|nominat|finali[sz]|"
        r"clarif|answer|respond|make\s+(?:\w+\s+)?decisions?|provid\w*\s+(?:\w+\s+){0,2}decisions?)\w*\b",
        re.IGNORECASE)),
    ("participate", re.compile(
        r"^(?:attend|participat|take\s+part|join|collaborat|cooperat|co-operat|engag|meet|be\s+available|"
        r"make\s+(?:\w+\s+){0,3}available\s+(?:for|to\s+(?:attend|join|meet|answer))|work\s+(?:closely\s+)?with|"
        r"support|assist|help|contribut|schedul|coordinat|communicat|liais)\w*\b", re.IGNORECASE)),
    ("provide", re.compile(
        r"^(?:provid|furnish|suppl|deliver|send|sent|shar|upload|submit|hand\w*\s+over|transfer|"
        r"nam(?:e|es|ing)\s+(?:a|an|the|one|two|three|\d)\b|mak\w*\s+(?:\w+\s+){0,6}"
        r"available|made\s+available|assign|designat|appoint|identif|prepar|produc|bring|obtain|procur|sourc|gather|"
        r"collect|creat|write|writ|draft|translat|compil|give|giv|gave|offer|issu|load|migrat|export|arrang|set\s+up|"
        r"setup|install|register|own|retain|keep)\w*\b", re.IGNORECASE)),
]
_GIVE_ACCESS = re.compile(
    r"^(?:provid|giv|gave|mak|arrang|set\s+up|setup|creat|issu|grant|share|enabl)\w*\b"
    r"(?:\s+(?:us|them|our\s+team|(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3}))?\s+"
    r"(?:with\s+)?(?:the\s+|all\s+|full\s+|timely\s+|necessary\s+|\w+\s+){0,3}"
    r"(?:access|credentials|logins?|accounts?|permissions|passwords?)\b",
    re.IGNORECASE,
)
_COSTS = re.compile(r"^(?:(?:be\s+)?responsible\s+for\s+)?(?:\w+\s+){0,4}(?:costs?|fees?|expenses?|charges|licen[cs]es?|"
                    r"subscriptions?|payments?)\b", re.IGNORECASE)
_LEADING = re.compile(r"^\W*(?:(?:also|then|promptly|timely|be\s+(?:asked|expected|required)\s+to|be|been|being|"
                      r"need\s+to|have\s+to|agree\s+to|undertake\s+to|be\s+responsible\s+for|remain\s+responsible\s+for|"
                      r"ensure\s+that\s+(?:it\s+|they\s+)?(?:will\s+)?|will|shall|must|should|to|not|\w+ly)\s+)*",
                      re.IGNORECASE)


def classify(verb_phrase: str) -> Action:
    """The action class of a verb phrase ("provide admin access to the CMS" -> access)."""
    phrase = _LEADING.sub("", verb_phrase.strip())
    if _GIVE_ACCESS.match(phrase):
        return "access"
    for action, pattern in _VERB_CLASSES:
        if pattern.match(phrase):
            return action
    if _COSTS.search(phrase[:80]):  # "(responsible for) ongoing operational costs", "all licence fees"
        return "pay"
    return "perform"


def object_of(verb_phrase: str) -> str:
    """The words after the verb: what is provided, approved or paid for."""
    phrase = _LEADING.sub("", verb_phrase.strip())
    m = re.match(r"^(?:(?:make|made)\s+)?\S+(?:\s+(?:off|over|up|part\s+in|with|on|for|to))?\s+", phrase, re.IGNORECASE)
    rest = phrase[m.end():] if m else ""
    return rest.strip(" .;:,")


def is_access_object(obj: str) -> bool:
    return bool(_ACCESS_OBJECT.match(obj))


def refine(action: Action, obj: str) -> Action:
    """"provide" of access, credentials or accounts is ``access``."""
    if action == "provide" and is_access_object(obj):
        return "access"
    return action
