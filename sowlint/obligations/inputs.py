"""Is a client obligation an *input* the work depends on, or the buyer's own business?

"The Client will provide brand assets" and "Payment of hosting fees is the client's responsibility"
are inputs; "The Government will evaluate each quotation", "The Contracting Officer will notify the
Contractor" and "The Contractor will be paid monthly" are not.  An obligation is an input when:

* it was inherited from a heading, lead-in line or owner column that hands duties to the client
  (every item of "Client Responsibilities" is one, whatever its verb);
* it provides or gives access to something (``provide``, ``access``) and names a thing the work
  consumes (content, data, accounts, people, documents ...), or it was said as "X provided by the
  client" / "client-supplied X";
* it pays for something the project needs (licences, hosting, equipment, third-party fees), not the
  provider's invoices;
* it reviews, approves, decides on or takes part in the provider's work (designs, deliverables,
  plans, workshops, testing), not proposals, requests or the contract;
* it is an assumption about the client's environment.
"""

from __future__ import annotations

import re

from .actions import INPUT_OBJECT
from .model import Obligation

_WORK_PRODUCT = re.compile(
    r"\b(?:deliverables?|drafts?|designs?|mock-?ups?|wireframes?|prototypes?|reports?|documents?|documentation|"
    r"plans?|content|copy|pages?|builds?|releases?|milestones?|work(?:\s+products?)?|features?|screens?|concepts?|"
    r"sprints?|increments?|stories|backlog|results|findings|recommendations|specifications|requirements|outputs?|"
    r"materials|code|changes|tests?|uat|site|website|app|application|dashboard|models?|analys[ie]s|phases?|"
    r"scope|priorities|objectives|criteria|timeline|schedule|roadmap|architecture|solution|system|configuration|"
    r"data|templates?|workflows?|processes|items|assets|migration|launch|go-?live|deployment|sessions?|workshops?|"
    r"interviews?|meetings?|training|demos?|reviews?|feedback|questions|clarifications|sign-?off)\b",
    re.IGNORECASE,
)
_PAYABLE = re.compile(
    r"\b(?:licen[cs]es?|licensing|hosting|servers?|equipment|hardware|software|subscriptions?|domains?|fees?|costs?|"
    r"expenses?|charges|third[- ]party|plugins?|tools?|travel|shipping|purchases?|media\s+spend|ad\s+spend|"
    r"stock\s+(?:photos|images)|fonts?|infrastructure|cloud|accounts?|services?)\b",
    re.IGNORECASE,
)
_CONTRACT_ADMIN = re.compile(
    r"\b(?:quot(?:e|es|ation|ations)|proposals?|offers?|offerors?|bids?|invoices?|payments?|"
    r"(?:paid|pay|reimburse[sd]?)\s+(?:to\s+)?the\s+contractor|"
    r"contract\s+(?:modifications?|clauses?)|requests?\s+for\s+(?:substitution|additions?)|substitutions?|"
    r"past\s+performance|solicitation|evaluation\s+factors|options?\s+periods?|the\s+option|debrief\w*|"
    r"unsuccessful|responsibility\s+determination|technical\s+evaluation|oral\s+(?:feedback|presentations?)|"
    r"pricing\s+(?:schedule|template|narrative)|labou?r\s+rates|written\s+notice|extend\s+the\s+term|"
    r"go-?ahead|green\s+light|deposit|sign(?:ed|s)?\s+(?:the\s+|this\s+|our\s+)?(?:project\s+)?(?:proposal|contract|"
    r"agreement|sow|quote))\b",
    re.IGNORECASE,
)
_INHERITED = {"heading", "owner-column", "assumption"}


def is_input(o: Obligation) -> bool:
    """True when ``o`` is a client duty the provider's work waits on (see the module docstring)."""
    if o.side != "client" or o.negated:
        return False
    if _CONTRACT_ADMIN.search(o.text):
        return False  # the buyer running its procurement: evaluating quotes, debriefing offerors, paying invoices
    if o.basis in _INHERITED:
        return True
    if o.basis == "lead-in":  # "The Client will provide:" then items; "The Government will evaluate:" is not
        if _CONTRACT_ADMIN.search(o.verb) or _CONTRACT_ADMIN.search(o.object):
            return False
        if o.action in ("provide", "access", "pay", "participate", "assume"):
            return True
        if o.action in ("approve", "decide"):
            return bool(_WORK_PRODUCT.search(o.object))
        return False  # "Include a pricing schedule": the list is instructions, not inputs
    words = f"{o.object} {o.text}" if o.voice == "nominal" else o.object or o.text
    if o.action in ("provide", "access"):
        if o.voice == "nominal" and o.object:
            return True
        return bool(INPUT_OBJECT.search(words))
    if o.action == "pay":
        return bool(_PAYABLE.search(words))
    if o.action in ("approve", "decide", "participate"):
        # "once you approve the design": a gating clause counts when it names our work itself
        return bool(_WORK_PRODUCT.search(o.object if o.basis == "condition" else words))
    if o.action == "assume":
        return True
    # "perform": ensuring the environment is ready is an input; running the client's own business is not
    return bool(re.match(r"^\W*(?:ensure|make\s+sure|confirm)\b", o.verb or "", re.IGNORECASE)
                and INPUT_OBJECT.search(words))
