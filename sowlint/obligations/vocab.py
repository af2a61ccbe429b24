"""The wording the obligations reader looks for: duty headings, conditions, asides, assumptions, inputs gathered."""

from __future__ import annotations

import re

from .actions import INPUT_NOUNS

# A heading that hands its list to a side: it names duties, inputs or what a side provides.
DUTY_HEADING = re.compile(
    r"\b(?:responsib\w*|obligations?|dut(?:y|ies)|provides?|provided|supplied|furnished|supplies|covers?|agrees?\s+to|"
    r"need\w*|requires?|required|requirements\s+from|dependenc\w*|inputs?|prerequisites?|to[- ]dos?|actions?|"
    r"checklist|deliverables\s+from|will\s+\w+|must|owes?|decisions?|approvals?|tasks)\b",
    re.IGNORECASE,
)
CONDITION = re.compile(
    r"^\W*(?P<cond>(?:if|unless|when|whenever|once|as\s+soon\s+as|provided\s+that|subject\s+to|assuming|upon|"
    r"after|until|in\s+the\s+event)\b[^,;]{3,160}),",
    re.IGNORECASE,
)
TRAILING_CONDITION = re.compile(r"\b(?P<cond>(?:if|unless|provided\s+that|subject\s+to|as\s+long\s+as)\b[^.;]{3,160})",
                                 re.IGNORECASE)
PARTICIPLE_BY = re.compile(
    r"\b(?P<part>provided|supplied|furnished|made\s+available|shared|sent|given|delivered|uploaded|owned|hosted|"
    r"purchased|bought|paid|covered|borne|funded|approved|reviewed|signed\s+off|specified|defined|"
    r"selected|chosen|identified|determined|decided|confirmed|prepared|maintained|managed|procured|obtained|"
    r"granted|issued|kept|retained|written|created|collected|gathered)\s+(?:directly\s+|separately\s+)?by\s+"
    r"(?:the\s+|its\s+|their\s+|your\s+)?$",
    re.IGNORECASE,
)
# "approval of the COR", "sign-off from the client", "comments from the client", "data from the client":
# a thing only gives an input "from" (or "by") a party; an approval may also be "of" it.
NOUN_OF = re.compile(
    r"\b(?:(?P<noun>approvals?|sign-?offs?|feedback|comments?|decisions?|agreement|consent|confirmation|"
    r"authori[sz]ation|permission|participation|involvement|cooperation|co-operation)\s+(?:\w+\s+){0,2}?"
    r"(?:of|from|by)|(?P<thing>inputs?|data|content|information|access|instructions|direction|guidance|"
    r"reviews?)\s+(?:\w+\s+){0,2}?(?:from|by))\s+(?:the\s+|its\s+|their\s+|your\s+)?$",
    re.IGNORECASE,
)
NOUN_ACTION = {"approval": "approve", "sign-off": "approve", "signoff": "approve", "feedback": "approve",
                "comment": "approve", "agreement": "approve", "review": "approve", "consent": "approve",
                "confirmation": "decide", "authorisation": "approve", "authorization": "approve",
                "permission": "approve", "decision": "decide", "participation": "participate",
                "involvement": "participate", "cooperation": "participate", "co-operation": "participate",
                "guidance": "provide", "input": "provide", "data": "provide", "content": "provide",
                "information": "provide", "access": "access", "instructions": "provide", "direction": "decide"}
SUBORDINATE_BEFORE = re.compile(
    r"\b(?:once|after|when|whenever|until|as\s+soon\s+as|upon|provided\s+that|assuming|before)\s+"
    r"(?:the\s+|all\s+|your\s+)?$",
    re.IGNORECASE,
)
EXPENSE_AFTER = re.compile(r"^['’]s?\s+(?:own\s+|sole\s+)?(?:expense|cost)\b", re.IGNORECASE)
AT_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$", re.IGNORECASE)
ASSUME = re.compile(
    r"^\W*(?:we\s+(?:have\s+)?assum\w*|it\s+is\s+assumed|assum(?:ing|ption)|this\s+(?:sow|proposal|estimate|quote)\s+"
    r"(?:is\s+)?(?:based\s+on|assumes|is\s+predicated\s+on)|(?:our\s+)?(?:pricing|estimate|quote|timeline)\s+"
    r"(?:is\s+)?(?:based\s+on|assumes))\b",
    re.IGNORECASE,
)
ENVIRONMENT = re.compile(
    r"\b(?:existing|current|already|in\s+place|configured|installed|available|remains?\s+on|stays?\s+on|"
    r"ready|up\s+to\s+date)\b",
    re.IGNORECASE,
)
SYSTEM = re.compile(
    r"\b(?:systems?|platforms?|environments?|servers?|hosting|infrastructure|software|network|data|databases?|"
    r"accounts?|crm|erp|cms|website|site|tools?|integrations?|apis?|hardware|devices?|licen[cs]es?|stack|setup)\b",
    re.IGNORECASE,
)
# A named actor at the start of a sentence, then a verb that hands something over.
NAMED_ACTOR = re.compile(
    r"^\W*(?P<actor>(?:the\s+)?[A-Z][\w&'’.+-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.+-]*){0,4})(?:['’]s?\s+[a-z]+(?:\s+team)?)?\s+"
    r"(?P<verb>(?:(?:will|shall|must|is\s+to|to|agrees\s+to|needs\s+to|has\s+to|is\s+responsible\s+for)\s+"
    r"(?:provid\w*|suppl\w*|furnish\w*|send|share|upload|grant|give|deliver|hand\s+over|pay\s+for|cover|"
    r"make\s+available|prepare|gather|collect|approve|review|sign\s+off|confirm)"
    r"|provides|supplies|furnishes|sends|shares|uploads|grants|gives|delivers|hands\s+over|pays\s+for|covers|"
    r"makes\s+available|prepares|gathers|collects|approves|reviews|signs\s+off|confirms)\b.*)$",
)
# "Test environment", "Review cycles": a noun before a noun, not an imperative verb.
NOUN_COMPOUND = re.compile(rf"^\W*(?:(?!(?:provide|supply|furnish|send|share|upload|grant|give|deliver|submit|sign|confirm|"
                            r"arrange|create|prepare|nominate|assign|designate|book|pay|purchase|buy|set|make)\b)"
                            rf"\w+\s+(?:{INPUT_NOUNS}|cycles?|rounds?|sessions?|plans?|criteria|process)\b|"
                            r"[A-Z][\w-]*(?:\s+[A-Z&][\w-]*){0,4}\s*:)", re.IGNORECASE)
# "Government-furnished equipment is not anticipated", "no client-provided content": said, but denied.
NEGATED = re.compile(r"\b(?:not|no|none|never|without)\b|n['’]t\b", re.IGNORECASE)
READER_HEADING = re.compile(
    r"\b(?:next\s+steps|immediate\s+(?:actions?|next\s+steps|requirements)|action\s+items|to\s+get\s+started|"
    r"getting\s+started|before\s+we\s+(?:begin|start|kick\s*off)|how\s+to\s+(?:proceed|get\s+started|accept)|"
    r"to\s+proceed|your\s+(?:next\s+steps|to-?dos?|checklist|homework)|pre-?kick-?off|kick-?off\s+checklist)\b",
    re.IGNORECASE,
)
# The first period of a plan, and a step in it that collects what the client hands over.
FIRST_PERIOD = re.compile(r"\b(?:week|wk|day|sprint|phase|month|stage|iteration)\s*(?:0?1|one|zero|0)\b(?![\d.-])|"
                           r"\b(?:w1|m0|kick-?\s?off|onboarding)\b", re.IGNORECASE)
GATHERING = re.compile(
    r"\b(?P<noun>data|content|assets|materials|photos|images|copy|access|credentials|accounts|logos?|brand\w*)\s+"
    r"(?:collection|gathering|intake|handover|hand-over|receipt|transfer|upload|provisioning|sharing)\b|"
    r"\b(?:collect|gather|receiv|obtain|request)\w*\s+(?:\w+\s+){0,3}?(?:the\s+|all\s+|client\s+|your\s+)?"
    r"(?P<noun2>data|content|assets|materials|photos|images|copy|access|credentials|accounts|logos?)\b",
    re.IGNORECASE,
)
# "We will need admin access", "I'll need you to send the copy", "we require the following from you".
WE_NEED = re.compile(
    r"\b(?:we|i)(?:['’]ll|\s+will|\s+would|['’]d|\s+shall)?\s+(?:also\s+)?(?:need|require|rely\s+on)\s+"
    r"(?:(?:from\s+you|you\s+to\s+(?P<verb>\w+(?:\s+\w+)?))\s+)?(?P<obj>[^.;\n]{3,160})",
    re.IGNORECASE,
)
NEEDABLE = re.compile(
    r"\b(?:access|logins?|credentials|passwords?|accounts?|content|copy|photos|images|pictures|logos?|brand\w*|data|"
    r"files|documents?|materials|assets|menus?|prices|price\s+lists?|details|information\s+from\s+you|guidelines|"
    r"videos?|samples?|exports?|keys|domains?|dns|hosting)\b", re.IGNORECASE)
LABEL = re.compile(r"^\W*[A-Z][\w&/'’ -]{1,40}:\s+(?=\S)")
# An aside that states a duty of its own: "(client provides final images)", "→ client to provide".
ASIDE = re.compile(r"\((?P<aside>[^()]{6,200})\)|(?:→|->|=>)\s*(?P<arrow>[^\n.;|]{4,200})")
# What only the provider provides: an unknown actor who provides these is the writer, not the client.
SERVICES = re.compile(r"\b(?:services?|support|development|design|consult\w*|deliverables?|solutions?|"
                       r"implementation|management|training|expertise|reports?|reporting|strateg\w*|marketing|"
                       r"updates|monitoring|maintenance|advice|recommendations|analysis|audits?)\b",
                       re.IGNORECASE)
REVIEW_NOUN = re.compile(r"\b(?:sign-?off|approv\w*|review\w*|uat|user\s+acceptance|acceptance\s+test\w*|feedback)\b",
                          re.IGNORECASE)
# A plan row's own timing: "16 to 18", "Weeks 3-5", "3 weeks", "Day 12", "15 May".
PLANNED = re.compile(r"\b(?:weeks?|days?|months?|sprints?|phases?)\s*\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3})?\b|"
                      r"\|\s*\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\s*\||\b\d{1,3}\s+(?:business\s+|working\s+)?"
                      r"(?:days?|weeks?|months?)\b", re.IGNORECASE)
WINDOW = re.compile(r"(?:^|\|)\s*(?P<n>\d{1,3})\s+(?:business\s+|working\s+)?(?P<unit>days?|weeks?)\s*(?:\||$)",
                     re.IGNORECASE)
PASSIVE_HINT = re.compile(r"\b(?:be|is|are|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|made|given|sent|paid|held|borne|"
                           r"granted|shown|known|kept)\b", re.IGNORECASE)
FINITE = re.compile(r"\b(?:will|shall|must|can|may|should|would|is|are|was|were|be|been|has|have|had|does|do)\b",
                     re.IGNORECASE)
WRITER_WORDS = re.compile(r"^(?:we|our|us|i|the\s+team|this|these|that|it|each|all|every|any|there|here)$",
                           re.IGNORECASE)

# The closing steps of a proposal, addressed to its reader, are the sale, not the project: reading,
# signing or accepting the document itself, or getting back in touch.  Under "Next steps" they are
# not client duties ("Review this proposal and let us know", "Sign and return this SOW").
SALE_STEP = re.compile(
    r"^\W*(?:please\s+)?(?:(?:review|read|sign|countersign|accept|approve|return|consider)(?:\s+and\s+\w+)?\s+"
    r"(?:this|the|our|attached)\s+(?:proposal|quote|quotation|estimate|offer|sow|statement\s+of\s+work|"
    r"agreement|contract|document)\b|let\s+us\s+know\b|contact\s+us\b|get\s+in\s+touch\b|reach\s+out\b)",
    re.IGNORECASE)
