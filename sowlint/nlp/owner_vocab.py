"""The word patterns of the obligation-owner reader (sowlint/nlp/owner.py): modals, duties,
passives, subordinators and the other signals it reads a sentence by."""

from __future__ import annotations

import re

_AUX = re.compile(
    r"\b(?:(?:will\s+)?(?:needs?|has|have)\s+to|shall|will|must|should|won['’]t|shan['’]t|mustn['’]t|cannot|"
    r"(?:is|are)\s+to(?=\s+(?:be\s+)?[a-z]))\b",
    re.IGNORECASE,
)

_DUTY = re.compile(
    r"\b(?:(?:is|are|remains?)\s+(?:not\s+)?(?:\w+ly\s+)?(?:responsible|accountable|liable)\s+(?:for|to)|"
    r"(?:is|are)\s+(?:not\s+)?(?:required|expected|obligated|obliged|committed|contractually\s+obligated)\s+to|"
    r"(?:agrees?|undertakes?|commits?|promises?|covenants?|warrants?|guarantees?)\s+(?:to|that)|"
    r"(?:has|have)\s+(?:agreed|undertaken|committed)\s+to|"
    r"(?:has|have|bears?|assumes?|retains?)\s+(?:the\s+|full\s+|sole\s+|primary\s+|overall\s+)*"
    r"responsibility\s+(?:for|of|to))\b",
    re.IGNORECASE,
)

_PRESENT = re.compile(
    r"\b(?:provides?|furnish(?:es)?|suppl(?:y|ies)|delivers?|grants?|assumes?|bears?|pays?|performs?|maintains?|"
    r"ensures?|retains?|reviews|approves|signs\s+off|tests|confirms|covers)\b",
    re.IGNORECASE,
)

_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:provided|furnished|supplied|delivered|made\s+available|performed|completed|"
    r"handled|managed|owned|maintained|hosted|paid|procured|purchased)\s+by\b",
    re.IGNORECASE,
)

_TO = re.compile(
    r"\bto(?=\s+(?:be\s+)?[a-z]+\b)(?!\s+(?:the|a|an|all|any|each|its|their|this|that|these|those|be\s+the)\b)"
)

_RESPONSIBILITY = re.compile(r"\b(?:responsibilit(?:y|ies)|obligations?|dut(?:y|ies))\b", re.IGNORECASE)

_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|in\s+no\s+event|under\s+no\s+circumstances?|at\s+no\s+time)\b|n['’]t\b|cannot",
    re.IGNORECASE,
)

_ADVERBS = re.compile(
    r"^(?:\s*,?\s*(?:not|never|no\s+longer|also|only|then|promptly|immediately|additionally|further|jointly|solely|"
    r"fully|timely|always|in\s+no\s+event|at\s+all\s+times|at\s+a\s+minimum|at\s+minimum|\w+ly)\b,?)*\s*",
    re.IGNORECASE,
)

_PASSIVE = re.compile(
    r"^be\s+(?:\w+ly\s+)?(?P<part>(?:[a-z]+-)?[a-z]+(?:ed|en)|made|paid|held|given|sent|built|done|met|kept|"
    r"brought|bought|taught|told|sold|set|put|shown|known|chosen|drawn|seen|taken|written|found|borne|sought|led|"
    r"left|lent|spent|understood)\b",
    re.IGNORECASE,
)

_NOT_PARTICIPLES = {"open", "even", "often", "keen", "green", "golden", "wooden", "ten", "seven", "eleven"}

# Participles that describe the subject rather than something done to it by the other party.
_STATIVE = set(
    """
    required expected obligated obliged permitted allowed authorized authorised entitled encouraged asked requested
    invited directed instructed prepared located based engaged involved dedicated committed qualified certified
    licensed insured bonded registered trained experienced equipped staffed limited bound deemed held accustomed
    cleared responsible compliant familiarized familiarised
    """.split()
)

# Verbs that hand something over: their passive names a giver and a receiver.
_TRANSFER = set(
    """
    provided furnished supplied submitted delivered sent given made issued returned reported presented forwarded
    communicated granted transferred paid emailed uploaded routed addressed escalated shared released assigned
    billed invoiced charged loaned shipped handed offered designated identified proposed disclosed explained
    provisioned
    """.split()
) | {"made available"}

_SUPPLY = {"provided", "furnished", "supplied", "made", "issued", "loaned", "given", "delivered", "granted", "offered"}

_SUBORDINATOR = re.compile(
    r"^(?:if|unless|when|whenever|once|while|although|though|because|since|whereas|where|whether|until|"
    r"in\s+the\s+event|in\s+case|provided\s+that|as\s+long\s+as|so\s+that|even\s+if|as\s+soon\s+as|before|after)\b",
    re.IGNORECASE,
)

_PREPOSITION = re.compile(
    r"^(?:upon|within|after|before|following|during|prior\s+to|in|on|at|by|for|from|under|per|throughout|"
    r"as\s+part\s+of|with|without|through|no\s+later\s+than|beginning|starting)\b",
    re.IGNORECASE,
)

_INVERSION = re.compile(
    r"^(?:in\s+no\s+event|under\s+no\s+circumstances?|at\s+no\s+time|in\s+no\s+case|nor|neither|not\s+only)$",
    re.IGNORECASE,
)

_RELATIVE = re.compile(r"\b(?P<before>[\w']+)\s+(?P<rel>that|which|who|whom|whose)\b", re.IGNORECASE)

# Words after which "that" opens the content of the sentence, not a relative clause.
_COMPLEMENT_TAKERS = set(
    """
    expected understood assumed anticipated agreed acknowledged required recognized noted note ensure ensures means
    mean certify certifies warrant warrants guarantee guarantees confirm confirms verify verifies demonstrate
    determine determined show shows indicate indicates specify specifies state states stated provided so such is are
    essential important critical necessary imperative recommended intended likely possible believe believes
    anticipate anticipates assume assumes expect expects understand understands agree agrees acknowledge
    acknowledges stipulated mandatory vital crucial desired
    """.split()
)

_REDUCED_RELATIVE = re.compile(
    r"\s(?:[a-z]+ed|given|made|taken|written|shown|held|sent|built|kept|brought)\s+"
    r"(?:to|by|for|under|from|in|on|with|during|at|over|into)\b"
)

_PAYMENT = re.compile(r"^(?:all\s+|the\s+|each\s+|final\s+|monthly\s+)*(?:payments?|invoices?|fees)$", re.IGNORECASE)

# Between a passive verb and its "by"/"to" phrase: another clause or participle has started.
_LATER_CLAUSE = re.compile(
    r"\b(?:unless|if|when|where|that|which|who|as|until|after|before|while|so)\b"
    r"|(?<!\band\s)(?<!\bor\s)\b[a-z]{3,}ed\s+(?:by|to)\b",
    re.IGNORECASE,
)

_HARD_BOUNDARY = re.compile(r"[;:]|\s[—–]\s|\s-\s")

_PARTY_NOUNS = (
    r"team|teams|staff|personnel|employees|IT|representatives?|stakeholders?|leads?|managers?|PM|SMEs?|admins?|"
    r"administrators?|owners?|users?|resources|engineers?|developers?|consultants?|project|program|technical|"
    r"security|legal|finance|procurement|business|product|subject|matter|experts?|point|of|contact|POCs?|sponsors?"
)

_LIST_MARKER = re.compile(
    r"^\s*(?:[-*•▪◦·–—>]+\s*|(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]{1,6}[.)])\s+)"
)

_IMPERATIVE = re.compile(
    r"^(?:provide|deliver|ensure|supply|furnish|perform|submit|attend|review|approve|participate|make|maintain|"
    r"coordinate|prepare|develop|conduct|complete|designate|identify|grant|respond|assign|arrange|obtain|give|"
    r"share|notify|sign|pay|host|install|configure|test|document|support|manage|update|create|implement|monitor|"
    r"report|establish|define|validate|verify|confirm|communicate|schedule|facilitate|procure|secure|allow|"
    r"enable|return|train|deploy|migrate|design|build|assist|comply|meet|present|track|analy[sz]e|assess)\b",
    re.IGNORECASE,
)

# "Support for legacy browsers is out of scope": a noun that looks like an imperative verb.
_NOT_IMPERATIVE = re.compile(
    r"^\S+\s+(?:is|are|was|were|of|for|and|or|has|have|had|will|shall|must|may|can|should|would|could|to)\b"
    r"|^(?:\S+\s+){1,3}(?:is|are|was|were)\b",
    re.IGNORECASE,
)
