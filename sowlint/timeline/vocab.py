"""The SOW schedule vocabulary: what a sentence with a time in it is about, and the words checks look for."""

from __future__ import annotations

import re
from typing import NamedTuple


class Hit(NamedTuple):
    """Where a phrase was found: the start, end and text, as ``re.Match`` would give them."""

    at: int
    to: int
    text: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to

    def group(self) -> str:
        return self.text


class Words:
    """Many phrases matched at word starts in lower-cased text.

    The pattern opens with the character before the word (the text is searched with a space in front),
    which lets the regex engine skip positions inside words: 2-3x faster than a case-insensitive ``\\b``.
    """

    def __init__(self, *phrases: str) -> None:
        self.pattern = "|".join(phrases).lower()
        self._rx = re.compile(r"[^a-z0-9_](?:" + self.pattern + ")")

    def search(self, low: str) -> Hit | None:
        m = self._rx.search(" " + low)
        return Hit(m.start(), m.end() - 1, low[m.start() : m.end() - 1]) if m else None


def topics(low: str) -> set[str]:
    """Which of the topic vocabularies (period, history, sla, admin, recurring, principal, billing) occur in ``low``."""
    return {m.lastgroup for m in _TOPICS.finditer(" " + low) if m.lastgroup}


# The whole engagement's length: a period of performance, a term, a stated total.
PERIOD = Words(
    r"periods? (?:of )?performance", r"performance period", r"\bPOP\b", r"base (?:period|year|term)",
    r"option (?:period|year)s?", r"contract (?:term|period|duration)",
    r"term of (?:this|the) (?:agreement|contract|sow|statement|order|task order|engagement|bpa|lease)",
    r"ordering period", r"transition period", r"period \d+\s*:", r"option period \d",
    r"period of (?:the )?(?:contract|agreement|engagement|order|task order|bpa)",
    r"(?:will|shall) be (?:conducted|performed) (?:between|from)",
    r"duration of (?:the|this) (?:project|engagement|contract|work|effort|task order)",
    r"total (?:project )?duration", r"project duration", r"overall (?:duration|timeline|schedule)",
    r"(?:engagement|project|effort|work|contract|task order|study|programme|program|assignment|pilot|"
    r"implementation) (?:will |shall |is expected to |is to )?(?:lasts?|runs?|spans?|takes?|concludes?|ends?|"
    r"be completed)\b",
    r"\d+[- ](?:working[- ])?(?:week|month|day|year) (?:engagement|project|contract|programme|program|study|"
    r"assignment|term)",
    r"(?:engagement|project|contract|work|study|programme|program) (?:starting|beginning|commencing|running) "
    r"(?:on|from)",
    r"(?:complete|completed|deliver|delivered) (?:the|this|all) (?:project|engagement|work|effort)s? "
    r"(?:with)?in", r"estimated (?:project )?duration", r"timeline of", r"over a period of",
    r"(?:engagement|project|effort|work|programme|program) (?:is|are) (?:estimated|expected|scheduled|planned|"
    r"anticipated) to",
    r"(?:we|the team|vendor|contractor) (?:estimate|expect|anticipate)s? (?:that )?(?:the )?(?:project|"
    r"engagement|work|this)", r"(?:initial|minimum|fixed|contract) term",
    r"(?:runs|lasts|will run|will last) for (?:about |approximately |an? )?(?:\d|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|eighteen|twenty)", r"runs? for an? (?:initial |fixed )?(?:term|period)",
    r"retainer (?:starts|begins|runs|will run|term)", r"effective (?:from|on|as of)",
    r"(?:valid|in effect|in force|remain in effect) (?:until|through|from|for)",
    r"(?:start|end|completion|go-live|launch|delivery) date\s*:",
    r"target (?:completion|go-live|launch|delivery) date",
)
BILLING = Words(
    r"invoic", r"billing", r"\bbill",
)
OPTION = Words(
    r"option(?:al)? (?:period|year|term)s?", r"options?\b", r"extension", r"contingency of up to", r"52\.217-[89]",
)
# Response times and service levels: a limit on reacting, not a schedule for the work (the label rule).
SLA = Words(
    r"respon(?:d|ds|se|ses)\b", r"resol(?:ve|ved|ution)", r"restor", r"acknowledg", r"escalat", r"incident",
    r"outage", r"ticket", r"service level", r"\bSLAs?\b", r"call[- ]?backs?", r"arriv", r"on[- ]?site within",
    r"repair", r"notif(?:y|ied|ication)", r"replace", r"uptime", r"up-time", r"downtime", r"failure", r"trouble",
    r"emergency",
)
# Administrative paperwork around the work: reports, invoices, plans about the work rather than the work.
ADMIN = Words(
    r"reports?\b", r"invoic", r"payments?\b", r"\bpaid\b", r"\bbill", r"minutes", r"agendas?", r"itinerar",
    r"rosters?", r"r[ée]sum[ée]s?", r"timesheets?", r"briefings?", r"correspondence", r"claims?\b", r"records?\b",
    r"retain (?:all|the|records|copies|documents)", r"retention", r"staffing plan", r"management plan",
    r"quality (?:control|assurance) plan", r"security plan", r"transition plan",
    r"(?:plan|program) (?:to|for) the (?:cotr|cor|co)\b", r"travel", r"badg", r"clearance", r"training certificat",
    r"background investigation", r"fiscal year",
    r"submit(?:ted|s)? (?:his|her|its|a|the) (?:proposed )?(?:pm |preventive )", r"questions?\b", r"quotes?\b",
    r"proposals? (?:are|is|shall be) due", r"deficienc", r"reject", r"comments?\b",
)
RECURRING = Words(
    r"each (?:day|week|month|quarter|year|sprint|iteration)", r"every", r"per (?:day|week|month|year)",
    r"(?:bi-?)?(?:daily|weekly|monthly|quarterly|annually|yearly)", r"annual", r"times (?:a|per)",
)
# Past tense about the past: "the contract was for one year" describes history.
HISTORY = Words(
    r"was\b", r"were\b", r"had been", r"previously", r"prior contract", r"predecessor", r"since (?:19|20)\d\d",
    r"in (?:19|20)\d\d,",
)
# The principal work: what the client is buying, as opposed to paperwork about it.
PRINCIPAL = Words(
    r"deliver", r"install", r"complet", r"implement", r"launch", r"go[- ]?live", r"deploy", r"transition", r"ship",
    r"releas", r"build", r"develop", r"migrat", r"\bMVP\b", r"minimum viable",
    r"final (?:product|system|deliverable)", r"product", r"system", r"solution", r"project", r"engagement",
    r"services", r"phase", r"sprint", r"milestone", r"mobili[sz]", r"commission", r"construct", r"\btest",
    r"\bUAT\b", r"design", r"discovery", r"prototype", r"pilot", r"roll-?out", r"cut-?over", r"training",
    r"workshop", r"assessment", r"treatment", r"field ?work", r"perform",
)
# Names of delivery phases, for "Label: 3 weeks" lines outside a timeline section.
PHASE_WORD = Words(
    r"phase", r"stage", r"sprint", r"iteration", r"discovery", r"design", r"build", r"develop", r"\btest",
    r"\buat\b", r"deploy", r"go[- ]?live", r"launch", r"hypercare", r"stabili[sz]", r"training", r"kick-?off",
    r"handover", r"transition", r"migration", r"implementation", r"rollout", r"pilot", r"planning", r"analysis",
    r"requirements", r"configuration", r"integration", r"cutover", r"warranty", r"closure", r"mobili[sz]",
)
DEADLINE = Words(
    r"within", r"no later than", r"not later than", r"\bNLT\b", r"by\b", r"due", r"on or before", r"not to exceed",
    r"no longer than", r"deadline", r"prior to", r"before", r"after", r"following", r"ARO\b", r"from", r"until",
    r"through", r"ends? on", r"expires?", r"scheduled (?:for|on)", r"starts? on", r"begins? on",
)

# Schedule tables: header words naming a time column, a label column, or a service-level table.
TIME_HEADER = Words(
    r"date", r"due", r"deadline", r"duration", r"weeks?\b", r"months?\b", r"timing", r"timeline", r"schedule",
    r"start", r"end\b", r"finish", r"completion", r"complete", r"when", r"period", r"target", r"estimated",
    r"\bETA\b", r"days?\b", r"time ?frame", r"delivery",
)
PHASE_HEADER = Words(
    r"phase", r"stage", r"sprint", r"iteration", r"milestone", r"activit", r"task", r"step", r"workstream",
    r"duration", r"weeks?\b",
)
LABEL_HEADER = Words(
    r"milestone", r"phase", r"task", r"activit", r"deliverable", r"stage", r"sprint", r"step", r"event", r"item",
    r"work", r"location", r"description", r"name", r"report",
)
# Tables that carry dates but are no schedule: service levels, prices, revision histories, sign-offs.
NOT_SCHEDULE_HEADER = Words(
    r"respon", r"resolution", r"severity", r"priority", r"restor", r"sla", r"service level", r"rate\b", r"price",
    r"cost", r"version", r"revision", r"author", r"history", r"change log", r"approved by", r"signature",
    r"reviewer", r"amount", r"\$", r"publication", r"references?\b", r"regulation", r"directive", r"edition",
    r"form\b", r"standard\b", r"role\b", r"name\b", r"commitment", r"allocation", r"\bfte\b", r"availability",
)
# "Design: 3 weeks", "Go-live – 15 March 2027", "Build (4 weeks)": a short label, then its time.
ENTRY_LABEL = re.compile(r"^\s*(?:[-*•▪◦]\s*)?(?P<label>[^:|–—()]{2,80}?)\s*(?::|–|—| - |\()\s*")
DURATION_LABEL = re.compile(r"^\s*(?:duration|timing|timeline|time ?frame|dates?|schedule|length|weeks?)\s*[:\-–]",
                            re.I)
SPRINT_LENGTH = re.compile(r"\b(?P<n>one|two|three|four|1|2|3|4)[\s-]+weeks?\s+(?:long\s+)?(?:sprints?|iterations?)|"
                           r"(?:sprints?|iterations?)\s+(?:of|lasting|will last|are)\s+"
                           r"(?P<m>one|two|three|four|1|2|3|4)[\s-]+weeks?", re.I)

# Words for the checks.
BUFFER = Words(
    r"contingency", r"buffer", r"\bfloat\b", r"slack", r"reserve (?:time|period|week|days)", r"schedule reserve",
    r"management reserve", r"padding", r"hardening (?:sprint|week|phase)", r"allowance for delay",
)
# The schedule is not held fixed: an indicative or estimated plan, or one that changes move.
FLEX = re.compile(
    r"\b(?:indicative|tentative|approximate|provisional|preliminary)\s+(?:\w+\s+){0,2}(?:timeline|schedule|"
    r"dates?|durations?|estimates?)\b"
    r"|\b(?:timeline|schedule|dates?|durations?)\s+(?:\w+\s+){0,3}(?:may|might|could|can|will|shall)\s+(?:\w+\s+){0,2}"
    r"(?:vary|change|shift|move|be\s+(?:adjusted|revised|confirmed|refined|updated))\b"
    r"|\b(?:to\s+be|will\s+be)\s+(?:confirmed|refined|finali[sz]ed|agreed)\s+(?:after|during|at|following)\s+(?:the\s+)?"
    r"(?:discovery|kick-?off|planning|inception)\b"
    r"|\bchanges?\b[^.\n]{0,80}?\b(?:impact|affect|adjust|extend)\w*\s+(?:the\s+)?(?:\w+\s+){0,3}(?:timeline|schedule|"
    r"dates?)\b|\bimpact\s+assessment\s*\([^)]*\btimeline\b|\bplanning\s+estimates?\b", re.I)
# The document itself says the plan is optimistic: "lands on day 26 rather than day 20", "an aggressive timeline".
OPTIMISTIC = re.compile(
    r"\b(?:lands?|finish(?:es)?|ends?|completes?|takes?)\s+(?:on|in|at)\s+(?:day|week)\s+(?P<late>\d{1,3})\s+rather\s+than\s+"
    r"(?:day|week)\s+(?P<plan>\d{1,3})\b"
    r"|\b(?:aggressive|ambitious|tight|compressed|accelerated|optimistic)\s+(?:\w+\s+)?(?:timeline|schedule|"
    r"timeframe|time\s+frame|deadline)\b|\bbest[- ]case\s+(?:timeline|schedule|scenario)\b", re.I)
# Work whose approvals take months whatever the team does: an Authority to Operate, a security accreditation.
LONG_LEAD = re.compile(
    r"\b(?:obtain|achiev|secur|receiv|get|gain|pursu|earn|work\w*\s+toward|support|prepar\w*\s+for|complet|"
    r"attain|grant)\w*\s+(?:\w+\s+){0,4}?(?:an?\s+|the\s+|its\s+)?(?:authority\s+to\s+operate|ato|fedramp\s+"
    r"(?:authori[sz]ation|ato)|fisma\s+(?:certification|accreditation)|security\s+accreditation|soc\s*2\s+"
    r"(?:type\s+ii\s+)?(?:report|certification)|pci[- ]dss\s+certification|regulatory\s+approval)\b"
    r"|\bapproval\s+by\s+(?:the\s+)?regulators?\b", re.I)
PARALLEL = Words(
    r"parallel", r"concurrent", r"overlap", r"simultaneous", r"at the same time", r"in tandem",
)
UAT = Words(
    r"\bUAT\b", r"user acceptance", r"acceptance test", r"client testing", r"customer testing", r"beta test",
)
GOLIVE = Words(
    r"go[- ]?live", r"launch", r"production (?:release|deployment|cut-?over)", r"cut-?over",
    r"deploy(?:ment)? to production", r"roll-?out", r"release to production", r"live\b",
)
STABILISE = Words(
    r"hypercare", r"hyper-care", r"stabili[sz]", r"warranty",
    r"post[- ](?:go[- ]?live|launch|deployment|implementation) support", r"early life support", r"bedding[- ]in",
    r"parallel (?:run|operation)", r"support period", r"go-live support", r"post-launch", r"monitoring period",
    r"transition to (?:support|operations|bau)", r"\bmonitoring\b",
    r"(?:support|fixes?) after (?:go-live|launch|release)", r"days after (?:go-live|launch|release)",
    r"bug[- ]fix(?:ing)? period", r"defect (?:liability|warranty|fix) period",
)
# The client (or a third party) must act before the work can go on.
CLIENT_WAIT = Words(
    r"(?:client|customer|government|agency|owner|buyer|stakeholder|cor|cotr|product owner|regulators?|"
    r"regulatory)(?:'s|’s|s)? (?:review|approv|sign[- ]?off|feedback|content|input|data|access|acceptance|"
    r"decision|confirmation|comments)",
    r"(?:review|approv|sign[- ]?off|feedback|acceptance|comments?) (?:by|from|of) (?:the )?(?:client|customer|"
    r"government|agency|owner|buyer|stakeholders?|cor|cotr|co\b|product owner|regulators?|regulatory|third "
    r"part)", r"approval (?:by|of) the regulators?", r"regulators? of jurisdiction", r"site access",
    r"access to (?:the )?(?:site|facilit|building|premises|systems?|environments?|network)",
    r"(?:client|customer|government|agency)[- ](?:furnished|provided|supplied)", r"government furnished",
    r"\bGF[EIP]\b",
    r"(?:client|customer|government|agency) (?:will|shall|must|to) (?:provide|supply|furnish|deliver|review|"
    r"approve|make available|grant)",
    r"(?:provided|supplied|furnished|approved) by (?:the )?(?:client|customer|government|agency|owner)", r"escort",
    r"authority to operate", r"\bATO\b", r"site (?:readiness|preparation|survey)",
)
# The schedule moves when the client is late: the protection a fixed date needs.
RELIEF = Words(
    r"(?:schedule|timeline|dates?|milestones?|deadlines?|completion date|delivery dates?)[^.]{0,60}(?:will|"
    r"shall|may|can) (?:be )?(?:adjust|extend|shift|move|slip|revis|re-?baselin|re-?plan|renegotiat)",
    r"day[- ]for[- ]day", r"excusable delays?", r"equitable adjustment", r"extension of time", r"time extension",
    r"delays? (?:caused|attributable|due|resulting) (?:by|to|from) (?:the )?(?:client|customer|government|"
    r"agency|owner|buyer)", r"(?:client|customer|government|agency)[- ](?:caused|induced|related) delays?",
    r"(?:dependent|contingent|conditional) (?:up)?on (?:the )?(?:client|customer|government|agency|timely|"
    r"receipt|availability|approval)",
    r"subject to (?:the )?(?:client|customer|government|agency|timely|receipt|availability)",
    r"if (?:the )?(?:client|customer|government|agency) (?:is late|fails|does not|delays|cannot)",
    r"(?:not|no) (?:be )?(?:responsible|liable) for (?:any )?delays?",
    r"(?:anticipated|estimated|tentative|target|projected|approximate) (?:start |award |completion |delivery |"
    r"go-live |install(?:ation)? )?(?:dates?|schedule|timeline|milestones?)",
    r"(?:dates?|schedule|timeline|milestones?) (?:are|is) (?:tentative|estimates?|anticipated|approximate|"
    r"indicative|subject to change)",
    r"assum(?:es|ing|ption)[^.]{0,80}(?:timely|within \w+ (?:business |working )?days)",
)
# Tasks that stop the work or talk about it are no deadline for it: "immediately report", "notify at once".
ASAP_NOT_WORK = Words(
    r"report", r"notif", r"notice", r"inform", r"alert", r"advis", r"contact", r"call", r"stop", r"cease", r"remov",
    r"correct", r"escalat", r"respon", r"evacuat", r"safety", r"theft", r"accident", r"injur",
)
# The contract's periods (base, options, transition) are its term, not dates of the work.
CONTRACT_PERIOD = Words(
    r"options?\b", r"base\b", r"transition period", r"option y", r"period of performance", r"\bpop\b",
    r"ordering period", r"lease",
)
# Verbs that finish the work: "complete the ESA 6 months after award" fixes a date for it.
COMPLETE = Words(
    r"complet", r"deliver", r"install", r"finish", r"implement", r"deploy", r"go[- ]?live", r"launch",
)
# Documents and people around the work: a plan due 30 days after award is no date for the work itself.
ABOUT_WORK = Words(
    r"plans?\b", r"specifications?", r"\bqasp\b", r"\bqcp\b", r"personnel", r"employees", r"staff", r"rosters?",
    r"badg", r"clearances?", r"training records", r"resumes?", r"orientation", r"meeting", r"conference",
    r"kick-?off", r"status", r"invoice", r"reports? (?:on|of) (?:progress|status)",
)
# Milestones of the buying process, not of the work: "Questions due", "Quotes due", "Site visit".
PROCUREMENT = Words(
    r"solicitation", r"quot(?:e|es|ation)", r"questions?", r"proposals?", r"offers?\b", r"submission", r"site visit",
    r"industry day", r"\brf[qpi]\b", r"evaluation", r"oral presentation", r"pre-?proposal", r"amendment",
    r"closing date",
)
TURNAROUND = re.compile(r"\b(?:within|in|no later than|not later than)\s+\S+(?:\s*\(\d+\))?\s+"
                        r"(?:business |working |calendar )?(?:days?|hours?|weeks?)", re.I)
ASAP = re.compile(
    r"\b(?:ASAP|as soon as (?:possible|practicable|feasible)|"
    r"immediately(?!\s+(?:following|after|before|preceding|prior|adjacent|upon|below|above|thereafter)))\b", re.I)
ASAP_DEADLINE = Words(
    r"deliver", r"complet", r"start", r"begin", r"commence", r"available", r"deploy", r"launch", r"finish",
    r"implement", r"install", r"ready", r"operational", r"mobili[sz]", r"due", r"provide",
)


_TOPICS = re.compile(r"[^a-z0-9_](?:" + "|".join(f"(?P<{name}>{words.pattern})" for name, words in (
    ("period", PERIOD), ("history", HISTORY), ("sla", SLA), ("admin", ADMIN), ("recurring", RECURRING),
    ("principal", PRINCIPAL), ("billing", BILLING))) + ")")
