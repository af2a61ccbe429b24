"""The brief's SOW-side sections: engagement, why, who must do what, exclusions, schedule, success criteria.

Each function takes the document's ``LintContext`` (read and analysed once by the lint run) and returns a
``Section``; where the SOW says nothing, the section carries the question the meeting must answer instead.
"""

from __future__ import annotations

import re

from ..engine.context import LintContext
from ..notes.passages import excludes_text
from ..reporters.common import engagement_label
from ..timeline import vocab
from ..timeline.view import timeline_rows
from .model import Item, Section

_LIMIT = 240  # characters of a quoted passage: the brief is one page, the SOW is one click away
_MONEY = re.compile(r"(?:(?:USD|GBP|EUR|CAD|AUD|NZD|ZAR)\s?|[$£€])\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|m|M)?\b"
                    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|GBP|EUR|CAD|AUD|NZD|ZAR|dollars|pounds|euros)\b")
_TOTAL = re.compile(r"\b(?:total|in\s+total|overall|fixed\s+(?:fee|price)|project\s+(?:fee|price|cost)|not\s+to\s+exceed|"
                    r"per\s+month|monthly|retainer|budget)\b", re.I)
# A rate is not the engagement's value: "USD 120 per hour", "GBP 0.15 per word", "NZD 75/hour".
_RATE = re.compile(r"^\s*(?:\+\s*\w+\s*)?(?:per|an|a|/)\s*(?:\w+\s+)?(?:hour|hr|day|word|minute|user|seat|device|page|item|head|person|visit)\b", re.I)
_RETAINER = re.compile(r"\bretainer\b|\bmonthly\s+(?:fee|retainer)\b|\bper\s+month\b", re.I)
_PAIN = re.compile(
    r"\b(?:(?<!no\s)problems?|pain|challenge|struggl\w*|los(?:e|es|ing|t)\s+\d|los(?:e|es|ing)\b|frustrat\w*|complain\w*|"
    r"outdated|out\s+of\s+date|manual(?:ly)?|slow|error-prone|difficult|hard\s+to|no\s+longer|penalt\w+|churn|"
    r"backlog|bottleneck)\b", re.I)  # narrow on purpose: "can't", "fails", "spreadsheet" say pain only sometimes
_MEASURE = re.compile(r"\d|%|\bpercent\b|\bmeasured?\b|\btarget\b|\bkpis?\b|\bmetric", re.I)
_SUCCESS_HEADING = re.compile(r"\b(?:success|kpis?|measures?|metrics|outcomes)\b", re.I)
# A full stop after a courtesy title or an initial ("Dr. Lin", "J. Ortiz") ends no sentence.
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\b[A-Z]\.)\s+(?=[A-Z(\"“])")

LEADING_INDICATORS = (
    "Plan and scope signed off by the client at kickoff",
    "Initial realization rate against target",
    "Client satisfaction score after the first milestone",
)


def clip(text: str, limit: int = _LIMIT) -> str:
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1].rstrip() + "…"


def _where(ctx: LintContext, start: int) -> str:
    section = ctx.section_at(start)
    name = section.title if section.level else "(top)"
    return f"line {ctx.doc.position(start)[0]}, {name}"  # the file's own line for .md and .txt


def _units(section, tables: bool = True) -> list[tuple[str, int]]:
    """(text, start) of each sentence, list item and table row of a section, subsections included."""
    out = []
    for block in section.all_blocks():
        if block.kind == "table" and not tables:
            continue
        if block.kind == "table":
            out += [(" | ".join(c.text for c in row), row[0].start) for row in block.rows[1:] if row]
        elif block.kind == "list_item":
            out.append((block.text, block.start))
        else:
            at = 0
            for part in _SENTENCE.split(block.text):
                at = block.text.find(part, at)
                out.append((part, block.start + at))
                at += len(part)
    # a lead-in ("The Client will:", "The monthly fee does not cover:") says nothing without its list
    return [(t, s) for t, s in out if t.strip() and not t.rstrip().endswith(":")]


_SUFFIX = re.compile(r"^(?:LLC|PLLC|LLP|Inc|Ltd|Limited|Pty\s+Ltd|GmbH|plc|Corp)\.?$", re.I)


def _name(ctx: LintContext, side: str) -> str:
    """The party's name as the SOW defines it: the longest of several words that is not a "name, title,
    firm" line or a bare suffix ("LLC"); else the first part of such a line ("Brackenridge Labs, LLC, Austin")."""
    names = [n for n, s in ctx.parties.defined.items() if s == side and not _SUFFIX.match(n.strip())]
    plain = [n for n in names if "," not in n]
    several = [n for n in plain if len(n.split()) >= 2]
    if several:
        return max(several, key=len)
    heads = [n.split(",")[0].strip() for n in names if "," in n]
    heads = [h for h in heads if len(h.split()) >= 2 and not re.match(r"(?:Dr|Mr|Mrs|Ms|Prof)\b", h)]
    if heads:
        return heads[0]
    return max(plain, key=len) if plain else ""


def engagement(ctx: LintContext) -> Section:
    sec = Section("engagement", "Engagement")
    doc, tl = ctx.doc, ctx.timeline
    client, provider = _name(ctx, "client"), _name(ctx, "provider")
    kind = ctx.engagement
    pricing = [u for s in doc.sections_with_role("pricing") for u in _units(s)]
    if any(_RETAINER.search(t) for t, _ in pricing) or _RETAINER.search(doc.meta.title or ""):
        kind = "retainer"
    value = _table_total(doc) or _value(pricing) or _value(_units(doc.preamble) + [u for s in doc.sections for u in _units(s)])
    period = ""
    if tl.total is not None:
        period = tl.total.describe()
    if tl.period_start is not None or tl.period_end is not None:
        ends = " to ".join(v.text for v in (tl.period_start, tl.period_end) if v is not None)
        period = f"{period} ({ends})" if period else ends
    if not period:
        since = tl.document_date.first if tl.document_date is not None else None
        worked = sorted((v.first, v.text) for st in tl.statements for v in tl.work_dates(st.dates)
                        if st.topic in ("period", "principal") and (since is None or v.first >= since))
        if len(worked) >= 2:
            period = f"{worked[0][1]} to {worked[-1][1]} (the first and last dates the SOW gives)"
    for label, val, question in (
            ("Client", client, "Who exactly is the client (legal entity) and who signs?"),
            ("Provider", provider, "Which entity of ours delivers this?"),
            ("Engagement type", "" if kind == "unknown" else engagement_label(kind),
             "Is this fixed fee, time and materials or a retainer? The SOW does not say."),
            ("Value", value, "What is the engagement worth? The SOW states no total."),
            ("Period", period, "When does the work start and end? The SOW states no period.")):
        if val:
            sec.facts.append((label, val))
        else:
            sec.questions.append(question)
    dates = []
    for st in tl.statements:  # one line per statement, however many dates it holds
        worked = tl.work_dates(st.dates)
        if worked:
            dates.append(Item(", ".join(dict.fromkeys(v.text for v in worked)), detail=clip(st.text, 90),
                              where=_where(ctx, st.start)))
    sec.group("Key dates", _dedupe(dates)[:6])
    return sec


_CURRENCY = re.compile(r"\b(USD|GBP|EUR|CAD|AUD|NZD|ZAR)\b|([$£€])")
_NUMBER = re.compile(r"^\s*(?:(?:USD|GBP|EUR|CAD|AUD|NZD|ZAR)\s?|[$£€]\s?)?\d[\d,]*(?:\.\d+)?\s*$")


def _table_total(doc) -> str:
    """ "| Total | 2,900 |" in a pricing table, with the currency its header names ("Fee (NZD)")."""
    for section in doc.sections_with_role("pricing"):
        for block in section.all_blocks():
            if block.kind != "table" or len(block.rows) < 2:
                continue
            head = " ".join(c.text for c in block.rows[0])
            cur = _CURRENCY.search(head)
            for row in block.rows[1:]:
                if row and re.match(r"\s*\**\s*(?:grand\s+)?total\b", row[0].text, re.I):
                    amounts = [c.text.strip(" *") for c in row[1:] if _NUMBER.match(c.text.strip(" *"))]
                    if amounts:
                        amount = amounts[-1]
                        return amount if _CURRENCY.search(amount) or not cur else f"{cur.group(0)} {amount}"
    return ""


def _value(units: list[tuple[str, int]]) -> str:
    """The engagement's value: the amount a total-like sentence names, else the largest amount written."""
    best, best_key = "", (-1, -1.0)
    for text, _start in units:
        if re.search(r"\bdirectly\b|\bnot\s+(?:included|covered)\b", text, re.I):
            continue  # a cost the client pays to someone else is not what the engagement is worth
        for m in _MONEY.finditer(text):
            if _RATE.match(text[m.end():]):
                continue
            amount = _amount(m.group(0))
            key = (1 if _TOTAL.search(text) else 0, amount)
            if key > best_key:
                best, best_key = m.group(0).strip(), key
    return best


def _amount(money: str) -> float:
    digits = re.sub(r"[^\d.]", "", money.replace(",", "")) or "0"
    try:
        value = float(digits.rstrip("."))
    except ValueError:
        return 0.0
    return value * (1000 if re.search(r"\d\s?[kK]\b", money) else 1_000_000 if re.search(r"\d\s?[mM]\b", money) else 1)


def _dedupe(items: list[Item]) -> list[Item]:
    seen, out = set(), []
    for item in items:
        key = item.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def why(ctx: LintContext, note_lines: list) -> Section:
    sec = Section("why", "Why behind the buy")
    doc = ctx.doc
    for role, title in (("background", "Background and problem (SOW)"), ("objectives", "Objectives (SOW)")):
        units = [u for s in doc.sections_with_role(role) if s.role_source != "parent" for u in _units(s)]
        sec.group(title, [Item(clip(t), where=_where(ctx, at)) for t, at in units][: 3 if role == "background" else 4])
    seen = {i.text for g in sec.groups for i in g.items}
    if not sec.groups:  # no background or objectives: look for the problem in the untitled text
        pains = [Item(clip(t), where=_where(ctx, at)) for s in doc.walk() if s.role == "other"
                 for t, at in _units(s) if _PAIN.search(t)]
        sec.group("Problem statements elsewhere in the SOW", _dedupe([i for i in pains if i.text not in seen])[:3])
    notes = [Item(clip(n.text), where=f"{_base(n.source)}:{n.line}") for n in note_lines if _PAIN.search(n.text)]
    sec.group("Pain in the notes", notes[:4])
    if not sec.filled:
        sec.questions.append("What problem is the client really trying to solve?")
    sec.questions.append("Was the decision-maker after cost, market share or a specific risk?")
    return sec


def _base(path: str) -> str:
    return re.split(r"[\\/]", path)[-1]


def duties(ctx: LintContext) -> Section:
    from ..obligations import extract_obligations

    sec = Section("duties", "Who must do what")
    inputs = []
    for o in ctx.obligations:
        if o.side != "client" or o.negated:
            continue
        when = o.deadline.text if o.deadline else "no date"
        if o.text.rstrip().endswith(":"):
            continue  # the lead-in of a list of duties; its items are obligations of their own
        inputs.append(Item(clip(o.text, 200), label=o.action, detail=when, where=_where(ctx, o.start)))
    sec.group("Client inputs", _dedupe(inputs)[:10])
    deliverables = [Item(clip(t, 200), where=_where(ctx, at)) for s in ctx.doc.sections_with_role("deliverables")
                    for t, at in _units(s)]
    if not deliverables:
        provider = [o for o in extract_obligations(ctx.doc, ctx.parties) if o.side == "provider" and not o.negated]
        deliverables = [Item(clip(o.text, 200), label=o.action, where=_where(ctx, o.start)) for o in provider]
    sec.group("Provider deliverables", _dedupe(deliverables)[:10])
    if not inputs:
        sec.questions.append("What must the client provide (content, access, decisions, people), and by when?")
    if not deliverables:
        sec.questions.append("What exactly do we deliver? The SOW lists no deliverables.")
    return sec


def exclusions(ctx: LintContext) -> Section:
    sec = Section("exclusions", "Exclusions and assumptions")
    doc = ctx.doc
    for role, title in (("exclusions", "Exclusions"), ("assumptions", "Assumptions")):
        units = [u for s in doc.sections_with_role(role) for u in _units(s)]
        sec.group(title, [Item(clip(t, 200), where=_where(ctx, at)) for t, at in units][:10])
    if not any(g.title == "Exclusions" for g in sec.groups):
        inline = [Item(clip(s.text, 200), where=_where(ctx, s.start)) for s in ctx.sentences
                  if excludes_text(s.text) and s.section.role != "exclusions"]
        sec.group("Exclusions written elsewhere", _dedupe(inline)[:8])
    titles = {g.title for g in sec.groups}
    if not titles & {"Exclusions", "Exclusions written elsewhere"}:
        sec.questions.append("What did the client ask about that we are not doing? Nothing is excluded in writing.")
    if "Assumptions" not in titles:
        sec.questions.append("What did we assume when we estimated this (volumes, access, client availability)?")
    return sec


def schedule(ctx: LintContext, findings: list) -> Section:
    sec = Section("schedule", "Schedule and its risks")
    rows = timeline_rows(ctx.timeline)
    phases = []
    for r in rows:
        when = " – ".join(x for x in (r["start"], r["end"]) if x)
        detail = ", ".join(x for x in (when, r["duration"]) if x)
        phases.append(Item(r["phase"], detail=detail))
    sec.group("Phases", phases[:10], inline=True)
    low = ctx.doc.text.lower()
    buffer = bool(vocab.BUFFER.search(low) or vocab.FLEX.search(low))
    if phases:
        sec.facts.append(("Contingency", "stated" if buffer else "none stated"))
    risks = [Item(f.message, label=f.severity, where=f"line {f.location.line}" if f.location.line else "")
             for f in findings if f.category == "timeline" and f.severity in ("error", "warning")]
    sec.group("Timeline findings", risks)
    if not phases:
        sec.questions.append("What is the schedule, phase by phase, and what day does it count from?")
    return sec


def success(ctx: LintContext) -> Section:
    sec = Section("success", "Success criteria, first 30-60 days")
    doc = ctx.doc
    stated = []
    for s in doc.walk():
        # objectives and success headings; acceptance is how a deliverable is signed off, not what success is
        if s.role == "objectives" or (s.level and s.role != "acceptance" and _SUCCESS_HEADING.search(s.title)):
            stated += [Item(clip(t, 200), where=_where(ctx, at)) for t, at in _units(s) if _MEASURE.search(t)]
    sec.group("Stated in the SOW", _dedupe(stated)[:8])
    if not stated:
        sec.group("Proposed leading indicators (the SOW states none)",
                  [Item(text, detail="target: ________") for text in LEADING_INDICATORS], checklist=True)
        sec.questions.append("Which measures will tell us, 30-60 days in, that this is on track?")
    return sec
