"""Reads every unit of a document into obligation records (see model.py), once per document.

A unit's obligation comes, in this order, from:

1. its own main clause, read by ``nlp.owner.find_obligation`` ("The Client will provide ...",
   "Access will be provided by the Client", "Client to provide test data", "You will ...");
2. what introduces it: a list item under "CJCJ will provide:" or under a heading that assigns duties
   to a side ("Client Responsibilities", "Resources provided by the client", "What the Client
   Covers") takes that side, and the lead-in's action and deadline when it states none of its own;
   a table row takes the side its owner column names;
3. phrases inside it that name a side's act without a clause of their own ("data provided by the
   company", "University-supplied equipment", "approval of the COR", "upon receiving comments from
   the client", "once you approve the design", "at the University's expense");
4. an assumption about the client's environment ("We assume the client's servers are already
   configured");
5. inference, only in a document the provider wrote: a named actor who is neither party's known
   name hands over an input ("Dojo provides content, logo and photos") -- the writer would say "we".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..document.model import Document
from ..nlp.owner import Obligation as Reading
from ..nlp.owner import find_obligation, heading_owner
from ..nlp.parties import Parties, PartyMention
from .actions import INPUT_OBJECT, classify, object_of, refine
from .anchors import Deadline, find_deadline
from .inputs import is_input
from .model import Obligation, Side
from . import vocab
from .units import Unit, units_of

def extract_obligations(doc: Document, parties: Parties, client_only: bool = False) -> list[Obligation]:
    """Every obligation ``doc`` states, in reading order; ``client_only`` reads only what can be the
    client's (the rules need nothing else, and most of a PWS is the contractor's)."""
    out: list[Obligation] = []
    leads = _State(client_only, doc.text, parties)
    first_steps: list[Unit] = []
    for unit in units_of(doc):
        out.extend(replace(o, input=is_input(o)) for o in _read_unit(unit, parties, leads))
        if vocab.FIRST_PERIOD.search(unit.text) and vocab.GATHERING.search(unit.text):
            first_steps.append(unit)
    out.extend(_first_steps_gathering_inputs(first_steps, out))
    return sorted(out, key=lambda o: o.start)


class _State(dict):
    """What reading one document keeps between units: the lead-in and heading readings already made,
    and the party mentions of the whole text, found in one pass and handed to each unit by offset."""

    def __init__(self, client_only: bool, text: str, parties: Parties) -> None:
        super().__init__()
        self.client_only = client_only
        self._mentions = list(parties.mentions(text))
        self._starts = [m.start for m in self._mentions]

    def mentions_in(self, unit: Unit) -> list[PartyMention]:
        """The mentions inside the unit, with offsets relative to its text."""
        end = unit.start + len(unit.text)
        i = bisect_left(self._starts, unit.start)
        out = []
        while i < len(self._mentions) and self._mentions[i].start < end:
            m = self._mentions[i]
            if m.end <= end:
                out.append(PartyMention(m.text, m.side, m.start - unit.start, m.end - unit.start))
            i += 1
        return out


def _first_steps_gathering_inputs(units: list[Unit], found: list[Obligation]) -> list[Obligation]:
    """"Week 1 | Data collection and preparation" where the document makes the data the client's
    ("All data provided by the company"): the plan's first step waits on a client input."""
    inputs = " ".join(o.object + " " + o.text for o in found if o.input)
    out = []
    for unit in units:
        m = vocab.GATHERING.search(unit.text)
        noun = (m.group("noun") or m.group("noun2")).lower().rstrip("s")
        if not re.search(rf"\b{re.escape(noun)}", inputs, re.IGNORECASE):
            continue
        out.append(Obligation(unit.start, unit.end, unit.text, unit.kind, unit.section, "client", "", "schedule",
                              "access" if noun.startswith(("access", "credential", "account")) else "provide",
                              m.group(0), m.group(0), "", Deadline("start", vocab.FIRST_PERIOD.search(unit.text).group(0)),
                              False, "list" if unit.kind == "list_item" else "table", True))
    return out


def _read_unit(unit: Unit, parties: Parties, leads: "_State") -> list[Obligation]:
    text = unit.text
    if _shouted(text):
        return []  # "DESCRIBE ALL GFE. INCLUDE WHAT IS BEING PROVIDED": a template's drafting note
    inherited, lead_reading, basis = _inherited(unit, parties, leads)
    found: list[Obligation] = []
    # "Brand Assets: Provide logo and brand guidelines": the label names the item, the rest is the duty.
    label = vocab.LABEL.match(text) if unit.kind in ("list_item", "sentence") else None
    body = text[label.end():] if label else text
    if inherited == "reader":  # "Next steps: Provide the logo; Book the kickoff": the reader's to-dos
        inherited, basis = None, "heading"
        imperative_owner: Side | None = None if vocab.SALE_STEP.match(body) else "client"
    else:
        imperative_owner = inherited
    mentions = leads.mentions_in(unit)
    furnished = parties.furnisher(body) if unit.kind != "heading" else None
    # With no party named, nothing inherited and nothing furnished, a clause can only have an owner
    # sowlint would not know ("Access will be provided"): skip the reading, most units are like that.
    readable = unit.kind != "heading" and (mentions or imperative_owner or furnished) and not vocab.ASSUME.match(text)
    if readable and leads.client_only and not imperative_owner and not furnished \
            and all(m.side == "provider" for m in mentions) and not vocab.PASSIVE_HINT.search(body):
        readable = False  # "The Contractor shall ...": only a passive can make a provider sentence the client's
    reading = find_obligation(body, parties, imperative_owner=imperative_owner) if readable else None
    if reading is not None and reading.modal == "imperative" and vocab.NOUN_COMPOUND.match(body):
        reading = None  # "Schedule Compliance: ...", "Test environment with instructions": a label, no verb
    if reading is not None and reading.owner is not None and reading.basis != "none":
        found.append(_record(unit, reading, _basis(reading, basis), lead_reading))
    elif inherited is not None and (unit.kind in ("list_item", "table_row") or
                                    (INPUT_OBJECT.search(text) and not vocab.FINITE.search(text))):
        found.append(_item_record(unit, inherited, basis, lead_reading))
    elif reading is None or reading.owner is None:
        guessed = _inferred(unit, parties, leads)
        if guessed is not None:
            found.append(guessed)
    found.extend(_nominal(unit, parties, {o.side for o in found}, mentions))
    found.extend(_embedded(unit, parties, {o.side for o in found}, mentions))
    if not found and (unit.section.role == "assumptions" or vocab.ASSUME.match(text)):
        assumed = _assumption(unit, parties)
        if assumed is not None:
            found.append(assumed)
    return found


def _embedded(unit: Unit, parties: Parties, already: set, mentions: list) -> list[Obligation]:
    """Duties said in an aside: "Homepage design (client provides final images)", "Logo → client to
    provide", "designs for you to approve"."""
    out = []
    for m in vocab.ASIDE.finditer(unit.text):
        if m.start() == 0 and m.group("aside"):
            continue  # "(Agency to provide a description of ...)" opening a paragraph: a note to the author
        reading = find_obligation(m.group("aside") or m.group("arrow"), parties)
        if reading is None or reading.owner is None or reading.basis == "none" or reading.owner in already:
            continue
        already.add(reading.owner)
        record = _record(unit, reading, reading.basis, None)
        out.append(replace(record, object=record.object or _words_before(unit.text[: m.start()])))
    need = vocab.WE_NEED.search(unit.text) if "client" not in already and parties.first_person == "provider" else None
    if need is not None and not vocab.NEEDABLE.search(need.group("obj")):
        need = None
    if need is not None:  # "I'll need logins for your domain, plus your menu": the writer's need is the client's duty
        verb = need.group("verb")
        obj = need.group("obj")
        action = classify(verb) if verb else refine("provide", obj)
        already.add("client")
        out.append(Obligation(unit.start, unit.end, unit.text, unit.kind, unit.section, "client", "", "nominal",
                              "provide" if action == "perform" else action, need.group(0), obj, _condition(unit.text),
                              find_deadline(unit.text), False, "nominal"))
    for mention in mentions:
        if mention.side in already:
            continue
        before = unit.text[max(0, mention.start - 12):mention.start]
        after = re.match(r"\s+to\s+(\w+(?:\s+\w+){0,6})", unit.text[mention.end:])
        if after and re.search(r"\bfor\s+(?:the\s+)?$", before, re.IGNORECASE):
            action = classify(after.group(1))
            if action != "perform":
                already.add(mention.side)
                out.append(Obligation(unit.start, unit.end, unit.text, unit.kind, unit.section, mention.side,
                                      mention.text, "nominal", action, after.group(1),
                                      _words_before(unit.text[: mention.start - len(before)]) or after.group(1),
                                      _condition(unit.text), find_deadline(unit.text), False, "nominal"))
    return out


def _shouted(text: str) -> bool:
    """Eight words or more and no lower-case letter: a drafting instruction, not a duty."""
    return not any(ch.islower() for ch in text) and len(text.split()) >= 8


def _inherited(unit: Unit, parties: Parties, leads: "_State") -> tuple[Side | None, Reading | None, str]:
    """(side, the lead-in's reading, basis) a list item or table row takes from what introduces it."""
    if unit.kind == "table_row" and unit.owner_cell:
        side = _side_named(unit.owner_cell, parties)
        if side is not None:
            return side, None, "owner-column"
    if unit.kind == "sentence":
        # An imperative, or a paragraph of nouns, under "Client agrees to:" or "Client Responsibilities".
        key = ("section", id(unit.section))
        if key not in leads:
            leads[key] = _heading_side(unit, parties) or (
                "client" if unit.section.role == "client-responsibilities" else None)
        return leads[key], None, "heading"
    if unit.kind != "list_item":
        return None, None, ""
    if unit.lead not in leads:
        if unit.lead == unit.section.heading:  # no line introduces the list: its heading does
            reading, side = None, _heading_side(unit, parties)
        else:
            reading = find_obligation(unit.lead.rstrip(": *"), parties)
            side = reading.owner if reading is not None and reading.basis != "none" and not reading.negated else None
            if side is None and parties.first_person == "provider":
                named = vocab.NAMED_ACTOR.match(unit.lead.rstrip(": *"))
                if named is not None and not _known_or_writer(named.group("actor"), parties) \
                        and not vocab.SERVICES.search(named.group("verb")):
                    reading, side = None, "inferred"  # decided per item: only an item that is an input
        leads[unit.lead] = (side, reading)
    side, reading = leads[unit.lead]
    if side == "inferred":
        if not INPUT_OBJECT.search(unit.text):
            return None, None, ""
        return "client", None, "inferred"
    if side is None and unit.section.role == "client-responsibilities":
        side = "client"
    return side, reading, "lead-in" if reading is not None else "heading"


def _heading_side(unit: Unit, parties: Parties) -> Side | str | None:
    """The side the headings above a list assign duties to ("Client Responsibilities" -> client), or
    "reader" for a proposal's "Next steps" / "To get started", whose imperatives are the client's."""
    section = unit.section
    title = section.title or section.heading
    if vocab.DUTY_HEADING.search(title):
        side = heading_owner(title, parties)
        if side is not None:
            return side
    if parties.first_person == "provider" and vocab.READER_HEADING.search(title):
        return "reader"
    return None


def _side_named(cell: str, parties: Parties) -> Side | None:
    sides = {m.side for m in parties.mentions(cell)}
    return sides.pop() if len(sides) == 1 else None


def _basis(reading: Reading, inherited_basis: str) -> str:
    return inherited_basis if reading.basis == "context" else reading.basis


def _record(unit: Unit, reading: Reading, basis: str, lead: Reading | None) -> Obligation:
    """The obligation of a clause nlp.owner read: in a passive, what is handed over is the subject."""
    verb = reading.verb_phrase
    action = classify(verb)
    voice = "imperative" if reading.modal == "imperative" else ("passive" if reading.passive else "active")
    obj = reading.subject if voice == "passive" and reading.subject else object_of(verb)
    if voice == "passive" and not lead and obj and reading.basis in ("recipient", "agent", "furnished", "counterpart"):
        actor = ""
    else:
        actor = reading.subject
    deadline = (find_deadline(verb) or find_deadline(unit.text) or (find_deadline(lead.verb_phrase) if lead else None)
                or find_deadline(unit.lead or unit.section.heading))
    return Obligation(unit.start, unit.end, unit.text, unit.kind, unit.section, reading.owner, actor, basis,
                      refine(action, obj), verb, obj, _condition(unit.text), deadline, reading.negated,
                      voice)  # type: ignore[arg-type]


def _item_record(unit: Unit, side: Side, basis: str, lead: Reading | None) -> Obligation:
    """A list item or table row with no clause of its own ("Brand assets (logo, colours)"); its verb is
    the line that introduces it."""
    text = unit.text
    own = classify(text) if not vocab.NOUN_COMPOUND.match(text) else "perform"
    if own != "perform":  # the item starts with its own verb: "Review and approve the designs"
        action, obj, verb = own, object_of(text), text
    else:
        action = classify(lead.verb_phrase) if lead is not None else "provide"
        obj, verb = text, unit.lead
    deadline = find_deadline(text) or (find_deadline(lead.verb_phrase) if lead else None) or find_deadline(unit.lead)
    if unit.kind == "table_row":
        if action == "provide" and vocab.REVIEW_NOUN.search(text):
            action = "approve"  # "UAT | weeks 16-18 | UAT sign-off | Client PM": the client's row is a review
        window = vocab.WINDOW.search(text)
        if deadline is None and window:  # "UAT | weeks 16-18 | 3 weeks | Client PM": the row's length is its window
            n = int(window.group("n"))
            deadline = Deadline("turnaround", window.group(0), n * 7 if window.group("unit").lower().startswith("w") else n)
        elif deadline is None and vocab.PLANNED.search(text):
            deadline = Deadline("milestone", vocab.PLANNED.search(text).group(0))  # the row's place in the plan
    return Obligation(unit.start, unit.end, text, unit.kind, unit.section, side, "", basis, refine(action, obj),
                      verb, obj, _condition(text), deadline, False, "list" if unit.kind == "list_item" else "table")


def _inferred(unit: Unit, parties: Parties, leads: "_State") -> Obligation | None:
    """"Dojo provides content and account access", in a document the provider wrote."""
    if parties.first_person != "provider" or unit.kind not in ("sentence", "list_item"):
        return None
    m = vocab.NAMED_ACTOR.match(unit.text)
    if m is None:
        return None
    actor = m.group("actor")
    if _known_or_writer(actor, parties):
        return None  # a party sowlint knows was already read (or is the writer)
    verb = m.group("verb")
    head = " ".join((object_of(verb) or verb).split()[:4])  # what is handed over, not what it is about
    if not INPUT_OBJECT.search(head) or vocab.SERVICES.search(verb):
        return None  # "Acme will provide marketing services": whoever provides services is the provider
    return Obligation(unit.start, unit.end, unit.text, unit.kind, unit.section, "client", actor, "inferred",
                      refine(classify(verb), object_of(verb)), verb, object_of(verb), _condition(unit.text),
                      find_deadline(unit.text), False, "active")


def _known_or_writer(actor: str, parties: Parties) -> bool:
    bare = re.sub(r"^the\s+", "", actor, flags=re.IGNORECASE)
    return bool(vocab.WRITER_WORDS.match(bare)) or parties.first_mention(actor) is not None


def _nominal(unit: Unit, parties: Parties, already: set, mentions: list) -> list[Obligation]:
    """A side's act named inside a phrase: "data provided by the company", "approval of the COR"."""
    text = unit.text
    out: list[Obligation] = []

    def add(side: Side, actor: str, action: str, obj: str, condition: str = "") -> None:
        if side in already and not condition:
            return  # the unit's own clause already gave this side
        already.add(side)
        out.append(Obligation(unit.start, unit.end, text, unit.kind, unit.section, side, actor,
                              "condition" if condition else "nominal",
                              action, text, obj.strip(" ,.;:()"), condition or _condition(text),  # type: ignore[arg-type]
                              find_deadline(text), bool(vocab.NEGATED.search(text)) and not condition, "nominal"))

    for mention in mentions:
        before = text[max(0, mention.start - 90):mention.start]
        after = text[mention.end:mention.end + 60]
        if re.match(r"\s+[A-Z][a-z]", after) and not mention.text[:1].islower():
            continue  # "Customer Evaluation Forms", "Client Portal": a thing named after the party
        m = vocab.PARTICIPLE_BY.search(before)
        if m is not None:
            obj = _words_before(before[: m.start()])
            action = refine(classify(m.group("part")), obj)
            add(mention.side, mention.text, "provide" if action == "perform" else action, obj)
            continue
        m = vocab.NOUN_OF.search(before) if not re.match(r"['’]s?\b", after) else None
        if m is not None:
            word = (m.group("noun") or m.group("thing")).lower()
            noun = word if word in ("access", "feedback") else word.rstrip("s")
            add(mention.side, mention.text, vocab.NOUN_ACTION.get(noun, "provide"), m.group(0))  # type: ignore[arg-type]
            continue
        if vocab.SUBORDINATE_BEFORE.search(before):
            verb = re.match(r"\s*(?:['’]s\s+\w+\s+)?(?:has\s+|have\s+|is\s+|are\s+|will\s+|can\s+)?(?:not\s+)?(.{0,80})", after)
            clause = verb.group(1) if verb else after
            action = classify(clause)
            if action != "perform" or INPUT_OBJECT.search(clause[:60]):
                add(mention.side, mention.text, refine(action, object_of(clause)), object_of(clause),
                    condition=(before[vocab.SUBORDINATE_BEFORE.search(before).start():] + mention.text + after).strip())
            continue
        if vocab.EXPENSE_AFTER.match(after) and vocab.AT_BEFORE.search(before):
            add(mention.side, mention.text, "pay", _words_before(before[: vocab.AT_BEFORE.search(before).start()]))
    furnisher = parties.furnisher(re.sub(r"\b\w+[- ]owned\b", "", text))  # owned is not handed over
    if furnisher is not None:
        m = re.search(r"\b[\w]+[- ](?:furnished|provided|supplied|issued|loaned)\s+(?P<obj>(?:\w+\s+){0,3}\w+)|"
                      r"\bGF[EIPMS]\b|\bCF[EIPM]\b", text)
        add(furnisher, "", "provide", m.group("obj") if m and m.group("obj") else (m.group(0) if m else ""))
    return out


def _words_before(text: str) -> str:
    """The noun phrase right before a participle: up to eight words back, stopping at punctuation."""
    piece = re.split(r"[.;:,()|]|\band\s+(?=\w+\s+(?:will|shall|must)\b)", text)[-1]
    return " ".join(piece.split()[-8:])


def _assumption(unit: Unit, parties: Parties) -> Obligation | None:
    """"We assume the client's servers are already configured": an assumption about the client's side."""
    text = unit.text
    mention = next((m for m in parties.mentions(text) if m.side == "client"), None)
    if mention is None and not (vocab.ENVIRONMENT.search(text) and vocab.SYSTEM.search(text)):
        return None
    if mention is None and not vocab.ASSUME.match(text) and unit.section.role != "assumptions":
        return None
    return Obligation(unit.start, unit.end, text, unit.kind, unit.section, "client", mention.text if mention else "",
                      "assumption", "assume", text, text, _condition(text), find_deadline(text), False, "assumption")


def _condition(text: str) -> str:
    m = vocab.CONDITION.match(text) or vocab.TRAILING_CONDITION.search(text)
    return m.group("cond").strip() if m else ""
