"""How much work the schedule carries: scope items counted by kind, the team, the effort and the weeks.

``measure(doc, tl)`` reads the scope-like sections (scope, deliverables, objectives, approach, the
timeline itself) for what takes time to build:

* **platforms**: web site or app, iOS, Android, a mobile app, an admin panel or dashboard, a desktop
  app, an API;
* **integrations**: each list item or sentence that connects to another system (payments,
  messaging, CRM, ERP, SSO, "integrate with ...");
* **migrations**: data moved or converted from legacy systems, years of history, many sources;
* **assurance**: security audits and penetration tests, performance and load testing, accessibility
  audits, an Authority to Operate;
* **features**: the top-level items listed under scope and deliverables, or a stated count ("10
  modules", "35 user stories", "five pages").

It reads the team (named roles, headcount) and effort (hours, person-days) where stated, and the
weeks from the timeline.  ``points`` weighs the kinds into one figure that the density check
compares with the weeks; the weights say how many "feature-sized" pieces of work each kind is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document.model import Document
from .issues import principal_deadlines
from .records import Timeline

WEIGHTS = {"platforms": 3.0, "integrations": 2.0, "migrations": 3.0, "assurance": 2.0, "features": 1.0}
FEATURE_CAP = 40  # a long requirements list is not 40 weeks of work each item: the count is capped
_SCOPE_ROLES = frozenset({"scope", "deliverables", "objectives", "approach", "timeline", "other"})

_PLATFORMS = {
    "web": re.compile(r"\b(?:web\s*(?:site|app(?:lication)?|portal|platform)|website|storefront|landing\s+pages?|"
                      r"e-?commerce\s+(?:site|store|platform)|marketplace|online\s+store)\b", re.I),
    "ios": re.compile(r"\bios\b|\biphone\b|\bapp\s+store\b", re.I),
    "android": re.compile(r"\bandroid\b|\bgoogle\s+play\b", re.I),
    "mobile": re.compile(r"\bmobile\s+app(?:lication)?s?\b|\bflutter\b|\breact\s+native\b", re.I),
    "admin": re.compile(r"\b(?:admin(?:istrator|istration)?\s+(?:panel|portal|dashboard|console|interface|app)|"
                        r"back-?office|cms\s+dashboard|management\s+dashboard)\b", re.I),
    "desktop": re.compile(r"\bdesktop\s+app(?:lication)?\b|\b(?:windows|macos)\s+app\b", re.I),
    "api": re.compile(r"\b(?:rest(?:ful)?\s+)?api\s+(?:layer|backend|service|development)\b|\bbackend\s+api\b", re.I),
}
_INTEGRATION = re.compile(
    r"\bintegrat\w*\b|\b(?:sync(?:hroni[sz]e)?|connect(?:ion|or)?s?)\s+(?:with|to)\b|\bwebhooks?\b|"
    r"\b(?:stripe|paypal|square|razorpay|paystack|flutterwave|twilio|whatsapp|sms\s+gateway|mailchimp|klaviyo|"
    r"hubspot|salesforce|zoho|sap|quickbooks|xero|odoo|shopify|google\s+(?:analytics|ads|maps|calendar)|"
    r"single\s+sign[- ]on|\bsso\b|payment\s+gateway|erp|crm)\b", re.I)
_MIGRATION = re.compile(
    r"\bmigrat\w*\b|\bdata\s+conversion\b|\b(?:import|transfer|move)\w*\s+(?:of\s+)?(?:the\s+)?(?:existing|legacy|"
    r"historical|old)\b|\b\d+\+?\s+years?\s+of\s+(?:historical\s+)?(?:data|records|history)\b|"
    r"\b\d+\+?\s+(?:data\s+)?sources\b|\bconsolidat\w*\s+(?:of\s+)?(?:\w+\s+){0,3}data\b", re.I)
_ASSURANCE = re.compile(
    r"\b(?:security\s+(?:audit|review|assessment|testing)|penetration\s+test\w*|pen[- ]?test\w*|"
    r"performance\s+(?:tuning|testing|optimi[sz]ation)|load\s+test\w*|stress\s+test\w*|accessibility\s+"
    r"(?:audit|testing|compliance)|wcag|authority\s+to\s+operate|\bato\b|cross[- ]browser\s+test\w*|"
    r"lighthouse|compliance\s+(?:audit|certification))\b", re.I)
_COUNTED = re.compile(
    r"(?<![\d,.$])\b(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\+?[ \t]+(?:\w+[ \t]+)?"
    r"(?P<what>modules?|user\s+stories|stories|features|feature\s+areas|pages|screens|templates|reports|dashboards|"
    r"workflows|epics|integrations|apis|playbooks|deliverables)\b", re.I)
_WORD_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "twelve": 12, "fifteen": 15, "twenty": 20}
_ROLES = re.compile(
    r"\b(?:senior\s+|junior\s+|lead\s+|full[- ]stack\s+|front[- ]?end\s+|back[- ]?end\s+|mobile\s+|qa\s+)?"
    r"(?:developers?|engineers?|designers?|project\s+managers?|product\s+managers?|qa\s+(?:analysts?|testers?)|"
    r"testers?|architects?|analysts?|data\s+scientists?|consultants?|scrum\s+masters?|devops)\b", re.I)
_HEADCOUNT = re.compile(r"\bteam\s+of\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b|"
                        r"\b(?P<m>\d{1,2}|two|three|four|five|six)\s+(?:full[- ]time\s+)?(?:senior\s+|junior\s+)?"
                        r"(?:developers|engineers|designers|consultants|people|staff|fte)\b", re.I)
_HOURS = re.compile(r"\b(?P<n>\d{1,5}(?:,\d{3})?)\s*(?:\+\s*)?(?:hours?|hrs)\b(?!\s+(?:a|per)\s+(?:day|week|month))", re.I)


@dataclass
class ScopeSize:
    """The work a document schedules, counted; ``points`` and ``per_week`` are the density figures."""

    platforms: list[str] = field(default_factory=list)
    integrations: int = 0
    migrations: int = 0
    assurance: int = 0
    features: int = 0
    roles: list[str] = field(default_factory=list)
    headcount: int | None = None
    effort_hours: float | None = None
    weeks: float | None = None
    buffer: bool = False
    stated_counts: int = 0  # "10 modules", "35 user stories", "five pages": the counts the document states

    @property
    def points(self) -> float:
        return (WEIGHTS["platforms"] * len(self.platforms) + WEIGHTS["integrations"] * self.integrations
                + WEIGHTS["migrations"] * self.migrations + WEIGHTS["assurance"] * self.assurance
                + WEIGHTS["features"] * min(self.features, FEATURE_CAP))

    @property
    def per_week(self) -> float | None:
        return self.points / self.weeks if self.weeks else None

    def describe(self) -> str:
        """ "web, iOS and Android apps, 4 integrations, 1 migration and 12 features in 12 weeks; team not stated" """
        parts = []
        if self.platforms:
            parts.append(_join(self.platforms) + (" apps" if len(self.platforms) > 1 else ""))
        for n, what in ((self.integrations, "integration"), (self.migrations, "migration"),
                        (self.assurance, "audit or test campaign"), (self.features, "feature")):
            if n:
                parts.append(f"{n} {what}{'s' if n != 1 else ''}")
        text = _join(parts) or "no scope items"
        if self.weeks:
            text += f" in {self.weeks:g} week{'s' if self.weeks != 1 else ''}"
        if self.headcount:
            text += f"; a team of {self.headcount}"
        elif self.roles:
            text += f"; team: {', '.join(self.roles[:4])}"
        else:
            text += "; team size not stated"
        if self.effort_hours:
            text += f"; {self.effort_hours:g} hours of effort"
        return text

    def as_dict(self) -> dict:
        return {"platforms": self.platforms, "integrations": self.integrations, "migrations": self.migrations,
                "assurance": self.assurance, "features": self.features, "roles": self.roles,
                "headcount": self.headcount, "effort_hours": self.effort_hours, "weeks": self.weeks,
                "buffer": self.buffer, "stated_counts": self.stated_counts, "points": round(self.points, 1),
                "per_week": round(self.per_week, 2) if self.per_week is not None else None}


def measure(doc: Document, tl: Timeline, buffer: bool = False) -> ScopeSize:
    """Count the scope, team, effort and weeks of ``doc`` (``tl`` is its timeline)."""
    size = ScopeSize(weeks=plan_weeks(tl, doc), buffer=buffer)
    text = doc.text
    scope_text = []
    items = 0
    for section in doc.walk():
        if section.role not in _SCOPE_ROLES:
            continue
        scope_text.append(section.heading)
        for block in section.blocks:
            body = text[block.start:block.end]
            scope_text.append(body)
            if section.role in ("scope", "deliverables") and (block.kind == "list_item" and block.level == 0):
                items += 1
            elif section.role in ("scope", "deliverables") and block.kind == "table":
                items += max(0, len(block.rows) - 1)
            if _INTEGRATION.search(body):
                size.integrations += len(_INTEGRATION.findall(body)) if block.kind == "paragraph" else 1
            if _MIGRATION.search(body):
                size.migrations += 1
            if _ASSURANCE.search(body):
                size.assurance += 1
    joined = "\n".join(scope_text)
    size.platforms = [name for name, rx in _PLATFORMS.items() if rx.search(joined)]
    if "mobile" in size.platforms and ({"ios", "android"} & set(size.platforms)):
        size.platforms.remove("mobile")  # "a mobile app for iOS and Android" is the two of them
    by_kind: dict[str, int] = {}  # "10 modules" said twice is ten modules
    for m in _COUNTED.finditer(joined):
        what = m.group("what").lower().rstrip("s")
        if not what.startswith(("integration", "api", "deliverable")):
            by_kind[what] = max(by_kind.get(what, 0), _number(m.group("n")))
    counted = sum(by_kind.values())
    size.stated_counts = counted
    size.features = max(items, counted)
    size.integrations = min(size.integrations, 12)
    size.migrations = min(size.migrations, 4)
    size.assurance = min(size.assurance, 4)
    size.roles = sorted({m.group(0).lower() for m in _ROLES.finditer(text)})[:8]
    heads = [_number(m.group("n") or m.group("m")) for m in _HEADCOUNT.finditer(text)]
    size.headcount = max(heads) if heads else None
    hours = [float(m.group("n").replace(",", "")) for m in _HOURS.finditer(text)]
    effort = [d.high_days * 8 for st in tl.statements for d in st.durations if d.effort]
    size.effort_hours = max(hours + effort) if hours or effort else None
    return size


def plan_weeks(tl: Timeline, doc: Document | None = None) -> float | None:
    """The length of the planned work in weeks: the stated total, else the end of the last placed entry,
    else the deadline for the work ("due 60 calendar days after award", "delivery in 3 weeks")."""
    if tl.total is not None:
        return round(tl.total.high_days / 7, 1)
    ends = [e.end_day for e in tl.entries if e.end_day is not None and e.end_day > 0]
    if ends:
        return round(max(ends) / 7, 1)
    if doc is not None:
        days = [d.high_days for st in principal_deadlines(tl, doc) for d in st.durations if not d.recurring]
        days += [d.high_days for st in tl.statements if st.role == "timeline" and st.topic in ("principal", "other")
                 for d in st.durations if not (d.recurring or d.effort) and d.unit != "hour"]
        if days:
            return round(max(days) / 7, 1)
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_N.get(word.lower(), 0)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else ""
