"""Builds the brief: lint the SOW with its notes once, then fill the ten sections from what that run read."""

from __future__ import annotations

import re
from pathlib import Path

from .. import __version__
from ..errors import ReadError
from ..findings.finding import Finding
from ..reporters.common import category_title, one_line
from . import sow
from .model import Brief, Group, Item, Section
from .people import TITLE, Person, Signal, merge, people_in

_OUTCOME_ORDER = {"contradicted": 0, "unaddressed": 1, "excluded": 2, "included": 3}
_CLAUSE = re.compile(r";\s*|,\s+(?:and|but|while|whereas)\s+")
_PRONOUNS = {"you", "your", "we", "our", "us", "client", "the client", "provider", "the provider", "contractor"}
ATTENDEES = ("Salesperson", "Project manager", "Lead consultant")


def build_brief(path: str, notes: list[str] | tuple[str, ...] = (), config: str | None = None,
                date_order: str | None = None) -> Brief:
    """The brief of one SOW; raises ReadError (one line) when the SOW or a notes file cannot be read."""
    from ..engine.context import LintContext
    from ..notes.read import read_notes
    from ..readers import read_document
    from ..readers.limits import ReadLimits
    from ..run.rules import settings_for
    from ..run.single import lint_file

    p = Path(path)
    note_lines = [line for n in notes for line in read_notes(n)]  # a bad notes file fails before the long part
    settings = settings_for(p, config, notes=list(notes), date_order=date_order)
    limits = ReadLimits(max_file_bytes=settings.max_file_mb * 1024 * 1024, max_pages=settings.max_pages)
    doc = read_document(p, limits)
    ctx = LintContext(doc, {"timeline": {"date_order": settings.date_order}})
    result = lint_file(p, settings, context=ctx)
    if result.error:
        raise ReadError(result.error)
    findings = result.findings
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    sections = [
        sow.engagement(ctx),
        sow.why(ctx, note_lines),
        people(ctx, note_lines),
        commitments(findings, bool(notes)),
        sow.duties(ctx),
        sow.exclusions(ctx),
        sow.schedule(ctx, findings),
        sow.success(ctx),
        questions(findings),
        gate(errors),
    ]
    if len(notes) == 1:  # one notes file: "notes, line 15" says it, and keeps the brief on two pages
        _shorten_note_refs(sections, sow._base(str(notes[0])))
    return Brief(document=str(path), title=doc.meta.title or p.stem, notes=[str(n) for n in notes],
                 status="ready" if errors == 0 else f"blocked: {errors} error{'s' if errors != 1 else ''}",
                 errors=errors, warnings=warnings, sections=sections, version=__version__)


def _shorten_note_refs(sections: list[Section], name: str) -> None:
    for section in sections:
        for group in section.groups:
            for item in group.items:
                if item.where.startswith(name + ":"):
                    item.where = "notes, line " + item.where[len(name) + 1:]


def people(ctx, note_lines: list) -> Section:
    """The people the SOW names (parties' signatories, the team) and those the notes name, with cues."""
    sec = Section("people", "People and politics")
    found: list[Person] = []
    signals: list[Signal] = []
    known: dict[str, str] = {}
    for name, side in ctx.parties.defined.items():
        parts = [x.strip() for x in name.split(",")]
        if len(parts) >= 3 and TITLE.search(parts[1]):  # "Dr. Alan Whitcombe, Practice Director, Fernleaf Dental Group"
            person = people_in(parts[0] + " said.")[0]  # said: marks the run as a person if it is one
            if person:
                clean = person[0].name
                known[clean] = side
                found.append(Person(clean, parts[1] if len(parts) >= 3 else "", side, [], "SOW"))
    orgs = tuple(n for n in ctx.parties.defined if "," not in n and " " in n.strip())
    for s in ctx.doc.sections_with_role("staffing"):
        for block in s.all_blocks():
            if block.kind == "table":
                for p in _team_table(ctx, block):
                    known.setdefault(p.name, p.side)
                    found.append(p)
        for text, at in sow._units(s, tables=False):
            for clause in _CLAUSE.split(text):  # "Alder's lead is Owen Reilly, and Kestrel's contact is Nadia Forsyth"
                sides = [m.side for m in ctx.parties.mentions(clause) if m.text.lower() not in _PRONOUNS - {"client"}]
                for p in people_in(clause, known, sow._where(ctx, at), orgs + _org_mentions(ctx, clause))[0]:
                    if p.name:
                        # the SOW's team is ours unless the clause names the client ("Alder's Head of Data")
                        p.side = known.get(p.name) or (sides[0] if sides else "provider")
                        known.setdefault(p.name, p.side)
                        found.append(p)
    for line in note_lines:
        where = f"{sow._base(line.source)}:{line.line}"
        for sentence in sow._SENTENCE.split(line.text):
            ps, ss = people_in(sentence, known, where, orgs + _org_mentions(ctx, sentence))
            for p in ps:
                if p.name and p.side:
                    known.setdefault(p.name, p.side)
            found += ps
            signals += ss
    merged = merge(found)
    sec.group("People named", [Item(p.name or f"({p.title})", label=p.side or "side?",
                                    detail=", ".join(x for x in (p.title if p.name else "", *p.cues) if x),
                                    where=p.where) for p in merged], inline=True)
    sec.group("Signals", [Item(sow.clip(s.text, 200), label=s.cue, detail=s.who, where=s.where) for s in signals])
    cues = {c for p in merged for c in p.cues} | {s.cue for s in signals}
    if "decision-maker" not in cues:
        sec.questions.append("Who makes the decision and holds the budget?")
    if "champion" not in cues:
        sec.questions.append("Who is our champion on the client's side?")
    if not cues & {"sceptic", "friction"}:
        sec.questions.append("Who is not convinced, and who was not in the room (IT, finance, procurement)?")
    return sec


def _team_table(ctx, block) -> list[Person]:
    """ "| Role | Name | Organisation |" tables: one person a row, the side from the organisation column."""
    head = [c.text.strip().lower() for c in block.rows[0]]
    col = {k: next((i for i, h in enumerate(head) if re.search(pat, h)), None) for k, pat in
           (("name", r"\bname\b|\bperson\b"), ("role", r"\brole\b|\btitle\b|\bposition\b"),
            ("org", r"organi[sz]ation|\bparty\b|\bside\b|\bcompany\b|\bfirm\b"))}
    if col["name"] is None:
        return []
    out = []
    for row in block.rows[1:]:
        cells = [c.text.strip() for c in row]
        if col["name"] >= len(cells):
            continue
        name, _, title = cells[col["name"]].partition(",")  # "Priya Raman, Finance Director"
        found = people_in(f"{name.strip()} said.")[0]
        if not found or not found[0].name:
            continue  # "TBD", "to be named"
        role = title.strip() or (cells[col["role"]] if col["role"] is not None and col["role"] < len(cells) else "")
        org = cells[col["org"]] if col["org"] is not None and col["org"] < len(cells) else ""
        mention = ctx.parties.first_mention(org) if org else None
        side = mention.side if mention is not None else ("client" if re.search(r"\bclient\b", org + role, re.I) else "provider")
        out.append(Person(found[0].name, role, side, [], sow._where(ctx, row[0].start)))
    return out


def _org_mentions(ctx, text: str) -> tuple[str, ...]:
    """The party names a sentence uses ("Hartley & Moss"), never people; role words ("Developer",
    "Client") and pronouns are left alone, they are not names."""
    return tuple(m.text for m in ctx.parties.mentions(text)
                 if m.text[:1].isupper() and m.text.lower() not in _PRONOUNS and not TITLE.fullmatch(m.text))


def commitments(findings: list[Finding], have_notes: bool) -> Section:
    """Every commitment of the notes with its outcome; contradicted and unaddressed first, to settle at kickoff."""
    sec = Section("commitments", "Verbal commitments")
    rows = []
    for f in findings:
        extra = dict(f.extra)
        status = extra.get("status")
        if status not in _OUTCOME_ORDER or "note" not in extra:
            continue
        passage = f.related[0] if f.related else ""
        detail = f.message.split(": ", 1)[-1] if status == "contradicted" else passage
        if status == "unaddressed":
            detail = f"nearest in the SOW: {passage}" if passage else "nothing in the SOW comes close"
        # what is settled needs only a pointer to its passage; what is not needs the whole story
        limit = 200 if status in ("contradicted", "unaddressed") else 110
        rows.append((_OUTCOME_ORDER[status], extra["note"], Item(sow.clip(f.evidence, 200), status,
                                                                  sow.clip(detail, limit), extra["note"])))
    rows.sort(key=lambda r: (r[0], _note_order(r[1])))
    sec.group("To settle at kickoff", [i for o, _n, i in rows if o <= 1])
    sec.group("Covered by the SOW", [i for o, _n, i in rows if o > 1])
    if not have_notes:
        sec.questions.append("What did sales promise or imply that is not written down? (no notes were given)")
    elif not rows:
        sec.questions.append("The notes hold no commitment sowlint could read: what was promised on the calls?")
    return sec


def _note_order(where: str) -> tuple[str, int]:
    name, _, line = where.rpartition(":")
    return name, int(line) if line.isdigit() else 0


def questions(findings: list[Finding]) -> Section:
    """The reviewer questions of every error and warning, one per distinct question, grouped by category."""
    sec = Section("questions", "Open questions for the meeting")
    groups: dict[str, dict[str, Item]] = {}
    for f in sorted(findings, key=lambda f: (f.severity != "error", f.sort_key)):
        if f.severity not in ("error", "warning"):
            continue
        q = one_line(f.question)
        if not q:
            continue
        bucket = groups.setdefault(f.category, {})
        if q in bucket:
            bucket[q].detail = str(int(bucket[q].detail) + 1)
        else:
            bucket[q] = Item(q, label=f.severity, detail="1", where=f.rule)
    for category, items in groups.items():
        for item in items.values():
            item.detail = f"{item.detail} finding{'s' if item.detail != '1' else ''}"
        sec.groups.append(Group(category_title(category), list(items.values())))
    if not groups:
        sec.questions.append("sowlint raised no error or warning: what does the team still doubt?")
    return sec


def gate(errors: int) -> Section:
    sec = Section("gate", "Gate")
    sec.facts.append(("Status", "ready" if errors == 0 else f"blocked: {errors} error{'s' if errors != 1 else ''}"))
    sec.group("Sign-off", [Item(role, detail="name: ____________  signature: ____________  date: ________")
                           for role in ATTENDEES], checklist=True)
    return sec
