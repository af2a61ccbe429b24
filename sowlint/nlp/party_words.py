"""The wording parties are named in: role words, definitions, acronyms, cover-page fields, the writer's voice."""

from __future__ import annotations

import re

# Role words matched case-insensitively, singular and plural.
CLIENT_ROLES = (
    "client", "customer", "buyer", "purchaser", "government", "agency", "department",
    "contracting officer", "contracting officer's representative", "contracting officer representative",
    "contracting officer's technical representative", "government personnel", "licensee",
    "task order monitor", "technical monitor", "requesting agency", "ordering agency", "contract administrator",
)
PROVIDER_ROLES = (
    "contractor", "supplier", "vendor", "consultant", "offeror", "quoter", "bidder", "provider",
    "service provider", "seller", "developer", "licensor", "subcontractor", "awardee",
    "successful offeror", "prime contractor", "key personnel", "proposer", "respondent", "reseller",
    "servicer", "business partner", "integrator", "systems integrator", "contractor personnel",
    "contract personnel", "contract staff", "industry partner",
)
# Words whose side depends on the document: a federal "Agency" buys, a creative "Agency" sells.
AMBIGUOUS_ROLES = {"agency": "client", "company": "client", "owner": "client", "firm": "provider"}
# Matched exactly as written: "CO" and "COR" are acronyms, "Owner" only as a defined-looking name.
CLIENT_EXACT = ("COR", "CORs", "ACOR", "COTR", "CO", "TOCOR", "TPOC", "Owner")
# "us" is matched in lower case only (see _build): "US Government" is not the writer.
FIRST_PERSON = ("we", "our", "ours", "our team", "ourselves")
SECOND_PERSON = ("you", "your", "your team", "yourselves")

Q_OPEN, Q_CLOSE = "\"“'‘", "\"”'’"
# Possessive "*+" and the look-behind keep a run of capitals from being re-scanned at every letter.
NAME = (
    r"(?<![\w.&'’-])[A-Z][\w.&'’-]*+(?:[ \t]+(?:of|and|for|the|de|&|[A-Z][\w.&'’-]*+)){0,7}"
    r"(?:,?[ \t]+(?:Inc|LLC|Ltd|Corp|Co|LLP|PLC)\.?)?"
)
QUOTED = rf"[{Q_OPEN}](?:the\s+)?([^\"“”'‘’()\n]{{1,40}})[{Q_CLOSE}]"
DEFINITION = re.compile(
    rf"(?P<name>{NAME})?\s*\(\s*(?:(?:hereinafter|hereafter)(?:\s+(?:referred\s+to\s+as|called|known\s+as))?|"
    rf"(?:also\s+)?(?:referred\s+to\s+as|known\s+as|called))?\s*,?\s*(?:the\s+|each\s+a\s+|an?\s+)?"
    rf"{QUOTED}(?:\s*(?:,|or|and|/)\s*(?:the\s+)?{QUOTED})?\s*\)",
)
ACRONYM = re.compile(rf"(?P<name>{NAME})\s*\((?P<acronym>[A-Z][A-Z0-9&/]{{1,9}})\)")
# An agency's name ends in its kind ("National Park Service") or starts "Department of ...".
GOVERNMENT_ORG = re.compile(
    r"(?:\b(?:Department|Agency|Administration|Bureau|Office|Division|Command|Service|Commission|Directorate|"
    r"Air Force|Army|Navy|Marine Corps|Coast Guard|Protection)$|^(?:U\.S\.\s+)?(?:Department|Office|Bureau|"
    r"Administration|Agency)\s+(?:of|for)\b)"
)
CORPORATE = re.compile(r",?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|Co|LLP|PLC|GmbH|Pty)\.?$")
# A cover-page field: "Client: XYZ Corp", "Prepared for: XYZ", "Client | XYZ" (a table row), several on one
# line ("Client: Marilu Date: November 13, 2025"), or the label alone with the name on the next line.
HEADER_LABEL = re.compile(
    r"(?:^|(?<=\s)|(?<=\|))[ \t>*_#|-]*(?P<label>client|customer|buyer|vendor|contractor|supplier|consultant|provider|"
    r"service\s+provider|prepared\s+for|prepared\s+by|submitted\s+by|submitted\s+to|proposal\s+for|presented\s+to|"
    r"presented\s+by)(?:\s+name)?\s*\**\s*(?P<sep>[:|]|(?:(?<=for)|(?<=by)|(?<=to))\s+(?=[A-Z])|$)",
    re.IGNORECASE | re.MULTILINE,
)
# Where a field's name ends: a dash or bullet before a description, a bracket, the next field's label.
NAME_END = re.compile(r"\s+[–—·•|]\s*|\s+-\s+|\s*\(|\s{2,}|\s+(?:attn|c/o)\b|"
                       r"\s+(?=[A-Z][\w ]{0,24}:)", re.IGNORECASE)
ACRONYM_AFTER = re.compile(r"^\s*\((?P<acronym>[A-Z][A-Z0-9&]{1,9})\)")
# "Humanytics LLC for CJCJ": a firm with a corporate suffix, then the organisation it writes for.
FIRM_FOR = re.compile(
    r"^[ \t>*_#|-]*(?P<provider>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,4},?[ \t]+(?:LLC|Inc|Ltd|LLP|GmbH|Pty|"
    r"Limited|Corp|Corporation|Studio|Studios|Agency|Consulting|Labs?)\.?)[ \t]+(?:for|×|x)[ \t]+"
    r"(?P<client>[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,4}|\[[^\]\n]{1,40}\])",
    re.MULTILINE,
)
# First words of organisation names that are not names by themselves ("The", "City of ...").
GENERIC_FIRST_WORDS = {"the", "city", "county", "state", "department", "office", "university", "national",
                        "united", "royal", "american", "british", "general", "global", "international"}
FOR_BY = re.compile(r"^[ \t>*_#|-]*(?:prepared|proposal|submitted|presented)\s+(?:for|to)\s+(?P<client>[A-Z][^\n]{1,60}?)"
                     r"\s+by\s+(?P<provider>[A-Z][^\n]{1,60}?)\s*\**\s*$", re.MULTILINE | re.IGNORECASE)
HEADER_SIDE = {"prepared for": "client", "submitted to": "client", "proposal for": "client", "presented to": "client",
                "prepared by": "provider", "submitted by": "provider", "presented by": "provider"}
SOLICITATION = re.compile(
    r"\b(?:offerors?|quoters?|bidders?|your\s+(?:quote|quotation|proposal|response|submission|offer|bid)s?|"
    r"request\s+for\s+(?:quotation|proposal|information)s?|RF[QPI]s?|solicitation)\b",
    re.IGNORECASE,
)
PROPOSAL = re.compile(
    r"\b(?:our\s+(?:team|approach|solution|company|firm|experience|proposal|proposed|staff|engineers|consultants|"
    r"developers|methodology|subcontractors|expertise)|we\s+propose|we\s+are\s+pleased|thank\s+you\s+for|"
    r"we\s+look\s+forward|we\s+are\s+(?:fully\s+)?committed|we\s+(?:fully\s+)?(?:believe|understand)|"
    r"our\s+(?:proven|clients?|past\s+performance)|as\s+the\s+prime\s+contractor,?\s+we)\b",
    re.IGNORECASE,
)
GOVERNMENT_VOICE = re.compile(r"\bthe\s+(?:government|contractor)\b", re.IGNORECASE)
SELF_NAME = re.compile(
    r"(?P<name>(?<![\w&.-])[A-Z][\w&.-]*+(?:[ \t]+[A-Z][\w&.-]*+){0,3})['’]s?[ \t]+(?:proposed[ \t]+)?"
    r"(?:solution|approach|team|proposal|methodology|past[ \t]+performance)\b"
)
FURNISHED = re.compile(
    r"\b(?:(?P<gov>GF[EIPMS]|GOTS)|(?P<con>CF[EIPM])|"
    r"(?P<who>[A-Za-z]+)[- ](?:furnished|provided|supplied|owned|issued|loaned))\b"
)
PLACEHOLDER = re.compile(r"^\[.*\]$|^_+$|^(?:TBD|N/?A|XXX+)$", re.IGNORECASE)
