"""Who carries the obligation a sentence states: the client, the provider, or nobody.

Regular expressions over one plain-string sentence, no parser, so rules can ask it of every
sentence ("what must the client provide?").  ``find_obligation`` returns the details,
``obligation_owner`` just the side.  Decisions, each pinned by a test in tests/test_owner.py:

* The owner is the party that must act, found from the subject of the first modal of the
  main clause (shall, will, must, should, need to, is to, is responsible for, is required to,
  agrees to, "Client to provide ...").  "may" and "can" grant permission: no obligation.
* "X and Y shall ..." belongs to X.  A leading "If/When/Unless ..." clause and a relative
  clause ("Data that the Client provides shall ...") never decide: the main clause does.
* Negation does not move the owner.  "The Client will not provide hardware" is the client's
  statement with ``negated=True``; rules decide what a negated duty means.
* A passive with an agent belongs to the agent ("Access will be provided by the Client").
  Without an agent it belongs to whoever must act: the *other* party when the subject is a
  party ("The Client will not be charged for travel" -> provider, negated; "The Contractor will
  be notified" -> client), the receiver's counterpart when something is handed to a party
  ("Deliverables shall be submitted to the COR" -> provider), the furnisher for furnished items
  ("Government-furnished equipment will be provided" -> client).  Passives that describe the
  subject ("is required to", "shall be located on site") stay with the subject.
* An agentless passive with no party anywhere ("Access will be provided") has owner None: the
  vague ownership rules flag.  ``find_obligation`` still returns it (owner None, basis "none").
* A question states no obligation.  Only the first 2,000 characters of a sentence are read.
* A bare imperative ("Provide VPN access") has no subject: its owner is what the caller passes
  as ``imperative_owner``, typically ``heading_owner("Client Responsibilities")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .owner_vocab import (
    _AUX,
    _DUTY,
    _PRESENT,
    _PRESENT_PASSIVE,
    _TO,
    _RESPONSIBILITY,
    _NEGATION,
    _ADVERBS,
    _PASSIVE,
    _NOT_PARTICIPLES,
    _STATIVE,
    _TRANSFER,
    _SUPPLY,
    _SUBORDINATOR,
    _PREPOSITION,
    _INVERSION,
    _RELATIVE,
    _COMPLEMENT_TAKERS,
    _REDUCED_RELATIVE,
    _PAYMENT,
    _LATER_CLAUSE,
    _HARD_BOUNDARY,
    _PARTY_NOUNS,
    _LIST_MARKER,
    _IMPERATIVE,
    _NOT_IMPERATIVE,
)
from .parties import Parties, PartyMention, Side, default_parties

Basis = Literal[
    "subject", "agent", "counterpart", "recipient", "furnished", "payment", "responsibility", "context", "none"
]
MAX_SENTENCE_CHARS = 2000  # an obligation is decided in its first clauses; bounds the work on run-on text


@dataclass(frozen=True)
class Obligation:
    """One obligation read from a sentence."""

    owner: Side | None
    modal: str  # as written, lower case: "shall", "will", "is responsible for", "agrees to", "to", ...
    verb_phrase: str  # what must be done: "provide access to the site"
    subject: str  # the words naming who acts (before the modal), "" for imperatives
    negated: bool
    passive: bool
    basis: Basis  # why this owner (see the module docstring)


def obligation_owner(sentence: str, parties: Parties | None = None) -> Side | None:
    """"client", "provider" or None (no obligation, or one that names no party)."""
    found = find_obligation(sentence, parties)
    return found.owner if found else None


def find_obligation(
    sentence: str, parties: Parties | None = None, *, imperative_owner: Side | None = None
) -> Obligation | None:
    """The obligation ``sentence`` states, or None when it states none.

    ``imperative_owner`` is the side a bare imperative belongs to ("Provide VPN access" listed
    under a "Client Responsibilities" heading: pass ``heading_owner(heading)``).
    """
    if not isinstance(sentence, str):
        raise TypeError(f"find_obligation expects a sentence as a str, not {type(sentence).__name__}")
    parties = parties or _DEFAULTS
    text = _normalise(sentence)
    if not text or text.endswith("?"):
        return None
    for start, end, kind in _candidates(text, parties):
        found = _read_candidate(text, start, end, kind, parties)
        if found is not None:
            return found
    if _IMPERATIVE.match(text) and not _NOT_IMPERATIVE.match(text):
        phrase = _clause_end(text)
        return Obligation(imperative_owner, "imperative", phrase, "", bool(_NEGATION.search(phrase[:40])), False,
                          "context" if imperative_owner else "none")
    return None


def heading_owner(title: str, parties: Parties | None = None) -> Side | None:
    """The side a heading assigns its list to: "Client Responsibilities" -> client, "Roles" -> None."""
    sides = {m.side for m in (parties or _DEFAULTS).mentions(_normalise(title))}
    return sides.pop() if len(sides) == 1 else None


_DEFAULTS = default_parties()


def _normalise(sentence: str) -> str:
    text = sentence[:MAX_SENTENCE_CHARS].replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[*_]{2,}", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\b([a-z]{2,})- (?=[a-z])", r"\1-", text)  # "pre- approved": a PDF line-end hyphen
    if text.startswith("(") and ")" not in text:
        text = text[1:]  # "(AGENCY to provide ...": a note whose bracket never closes
    text = _LIST_MARKER.sub("", text, count=1)
    # Parentheticals after a word ("(GFE)", "(including subcontractors)") never carry the subject or
    # the modal; one that opens a clause ("(AGENCY/PROGRAM) and contractor will") is the subject.
    return re.sub(r"(?<=[\w'\"\]])\s*\([^()]{0,200}\)", "", text).strip()


def _candidates(text: str, parties: Parties) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), "aux") for m in _AUX.finditer(text)]
    found += [(m.start(), m.end(), "duty") for m in _DUTY.finditer(text)]
    found += [(m.start(), m.end(), "present") for m in _PRESENT.finditer(text)]
    found += [(m.start(), m.end(), "present_passive") for m in _PRESENT_PASSIVE.finditer(text)]
    found += [(m.start(), m.end(), "to") for m in _TO.finditer(text)]
    found += [(m.start(), m.end(), "responsibility") for m in _RESPONSIBILITY.finditer(text)]
    return sorted(found)


def _read_candidate(text: str, start: int, end: int, kind: str, parties: Parties) -> Obligation | None:
    clause_start = max((m.end() for m in _HARD_BOUNDARY.finditer(text, 0, start)), default=0)
    modal = re.sub(r"\s+", " ", text[start:end]).lower()
    after = _clause_end(text[end:])
    if kind == "responsibility":  # "It is the Contractor's responsibility to ...": no subject to read
        return _responsibility(text[clause_start:], start - clause_start, modal, after, parties)

    subject = _subject_segment(text[clause_start:start])
    if subject is None:
        return None  # the modal sits inside a relative clause
    if subject.lower() in ("it", "there") or (not subject and modal == "should"):
        # "It shall be the responsibility of the Client ..." is read at "responsibility";
        # "Should the Contractor be terminated, ..." is a condition, not a duty.
        return None
    if _INVERSION.match(subject):  # "In no event shall the Contractor be liable ..."
        who = parties.first_mention(after[:60])
        rest = after[who.end :] if who else after
        return Obligation(who.side if who else None, modal, _tidy(rest), who.text if who else "",
                          True, False, "subject" if who else "none")

    skip, mention = _subject_mention(subject, parties, strict=kind in ("to", "present"))
    if skip:
        return None
    if kind in ("to", "present"):
        if mention is None:
            return None  # "to" and the present tense oblige only after a bare party ("Client to provide")
        if kind == "present":  # "Customer provides all content": no modal, the verb itself
            phrase = _tidy(text[start:end] + after)
            return Obligation(mention.side, "(present)", phrase, subject, False, False, "subject")
    if kind == "present_passive":
        agent = _after_by(after, parties, anchored=True)
        if agent is None:
            return None
        return Obligation(agent.side, modal, _tidy(after), subject, _negated(modal), True, "agent")

    negated = _negated(modal) or bool(_NEGATION.match(after.strip()))
    rest = _ADVERBS.sub("", re.sub(r"^\s*,[^,]{0,80},", " ", after), count=1)  # ", at its own expense,"
    passive = _PASSIVE.match(rest) if kind == "aux" else None
    if passive and passive.group("part").lower() not in _NOT_PARTICIPLES:
        part = passive.group("part").lower()
        if part == "made" and re.match(r"be\s+(?:\w+ly\s+)?made\s+available", rest, re.IGNORECASE):
            part = "made available"
        owner, basis = _passive_owner(part, rest, subject, mention, parties)
        return Obligation(owner, modal, _tidy(rest), subject, negated, True, basis)
    if kind == "aux" and re.match(r"be\s+by\b", rest, re.IGNORECASE):  # "Final acceptance shall be by the CO"
        agent = _after_by(rest, parties)
        if agent is not None:
            return Obligation(agent.side, modal, _tidy(rest), subject, negated, True, "agent")
    if mention is None:
        return Obligation(None, modal, _tidy(rest), subject, negated, False, "none")
    return Obligation(mention.side, modal, _tidy(rest), subject, negated, False, "subject")


def _responsibility(clause: str, at: int, modal: str, after: str, parties: Parties) -> Obligation | None:
    who = _responsibility_holder(clause, at, parties)
    if who is None:
        return None
    if who.start > at:  # "Site access is the responsibility of the Client": the duty is the subject
        verb = re.sub(r"^\s*(?:to\s+)?", "", clause[who.end :]).strip(" .") or re.sub(
            r"\s+(?:is|are|shall\s+be|will\s+be|remains?)\s+(?:the\s+)?(?:sole\s+)?$", "", clause[:at]
        )
    else:
        verb = re.sub(r"^(?:s|ies|y)?\s*(?:is\s+|are\s+|shall\s+|will\s+)?(?:include\s+|to\s+)?", "", after)
    return Obligation(who.side, modal, _tidy(verb), who.text, _negated(clause[:at]), False, "responsibility")


def _tidy(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase).strip(" ,")


def _subject_segment(before: str) -> str | None:
    """The words before a modal that can be its subject, across parentheticals, lists and
    relative clauses; None when the modal itself sits inside a relative clause."""
    pieces = before.split(",")
    i = len(pieces) - 1
    if not pieces[i].strip() and i >= 2:  # "The Government, through the COR, will"
        i -= 2
    subject = pieces[i]
    if i >= 1 and _PREPOSITION.match(subject.strip()) and not _SUBORDINATOR.match(pieces[i - 1].strip()):
        # "The contractor, at his/her own expense shall": the parenthetical's closing comma is missing.
        subject = pieces[i - 1] + "," + subject
    if re.match(r"\s*(?:and|or)\b", subject):  # "the vendor, GSA TTS team, and DOL WHD will"
        while i >= 1 and _list_item(pieces[i - 1]):
            i -= 1
            subject = pieces[i] + "," + subject
    subject = subject.strip()
    relatives = list(_RELATIVE.finditer(subject))
    for m in reversed(relatives):
        if m.group("before").lower() in _COMPLEMENT_TAKERS:
            # "It is expected that the Client will": the content clause holds the subject.
            subject = subject[m.end() :].strip()
            relatives = list(_RELATIVE.finditer(subject))
            break
    if relatives:
        if not _has_verb(subject[relatives[-1].end() :]):
            return None  # "Data that the Client will provide": this modal belongs to the relative clause
        subject = subject[: relatives[0].start("rel")].strip()  # "Data that the Client provides shall" -> "Data"
    # "Information provided to the Contractor shall be used ...": a reduced relative clause.
    reduced = _REDUCED_RELATIVE.search(subject)
    if reduced is not None and reduced.start() > 0:
        subject = subject[: reduced.start()].strip()
    if re.search(r"\b(?:is|are|was|were)\b", subject, re.IGNORECASE):
        return None  # "Acme is a team that ... will": the modal is not this clause's main verb
    return subject


def _has_verb(text: str) -> bool:
    return bool(
        _AUX.search(text) or _DUTY.search(text) or _PRESENT.search(text)
        or re.search(r"\b[a-z]+(?:ed|es)\b|\b[A-Z][\w']*\s+[a-z]+s\b|^\s*[a-z]+s\b", text)
    )


def _list_item(piece: str) -> bool:
    words = piece.split()
    return 0 < len(words) <= 6 and not _PREPOSITION.match(piece.strip()) and not _SUBORDINATOR.match(piece.strip())


def _subject_mention(subject: str, parties: Parties, strict: bool) -> tuple[bool, PartyMention | None]:
    """(skip, mention): skip when the modal belongs to a leading subordinate clause."""
    mentions = list(parties.mentions(subject))
    if strict:  # "Client to provide", "Customer provides": only right after a bare party phrase
        if not mentions:
            return False, None
        first = mentions[0]
        lead, tail = subject[: first.start], subject[first.end :]
        bare = re.fullmatch(r"(?:(?:the|all|each|any|our|your)\s+)?", lead, re.IGNORECASE) and re.fullmatch(
            rf"(?:'s?)?(?:\s+(?:{_PARTY_NOUNS}|[A-Z][\w-]*))*\s*(?:also\s+)?", tail
        )
        return False, first if bare else None
    if _SUBORDINATOR.match(subject):
        groups = _mention_groups(subject, mentions)
        if len(groups) < 2:
            return True, None  # "If the Client will not ..., ...": the main clause decides
        return False, groups[-1][0]  # "When the COR approves the plan the Contractor shall ..."
    if not mentions:
        return False, None
    if _PREPOSITION.match(subject):
        return False, _mention_groups(subject, mentions)[-1][0]  # "Upon award the Contractor shall"
    return False, mentions[0]  # "The Contractor and the Government shall ..." -> the first party


def _mention_groups(text: str, mentions: list[PartyMention]) -> list[list[PartyMention]]:
    """Mentions joined only by "and", "or", commas or "/" form one group ("the COR and CO")."""
    groups: list[list[PartyMention]] = []
    for m in mentions:
        if groups and re.fullmatch(r"(?:\s*(?:,|/|and|or|the|its|their)\s*)*", text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _passive_owner(part: str, rest: str, subject: str, mention: PartyMention | None, parties: Parties):
    agent = _after_by(rest, parties)
    if agent is not None:
        return agent.side, "agent"
    source = _source(part, rest, parties)
    if source is not None:  # "Permission must be obtained from the Contracting Officer"
        return parties.other(source.side), "recipient"
    if part in _SUPPLY:
        furnished = parties.furnisher(subject)
        if furnished is not None:
            return furnished, "furnished"
    if mention is not None:
        if part in _STATIVE:
            return mention.side, "subject"
        if _is_bare_party(subject, mention):
            return parties.other(mention.side), "counterpart"
        # "Key Personnel shall not be replaced", "Contractor's progress shall be documented":
        # the party's people or things, acted on by either side.  Unknown beats a guess.
        return None, "none"
    if part in _TRANSFER:
        receiver = _receiver(rest, parties)
        if receiver is not None:
            return parties.other(receiver.side), "recipient"
    if _PAYMENT.match(subject) and part in ("made", "paid", "remitted", "issued"):
        return "client", "payment"  # "Payment will be made within 30 days": only the buyer pays
    return None, "none"


def _is_bare_party(subject: str, mention: PartyMention) -> bool:
    """The subject is the party itself ("The Contractor", "Offerors"), not its staff or property."""
    if re.search(r"personnel|staff|employees", mention.text, re.IGNORECASE):
        return False
    tail = subject[mention.end :].strip()
    return not tail or tail.lower() in ("itself", "themselves", "and its subcontractors")


def _after_by(rest: str, parties: Parties, anchored: bool = False) -> PartyMention | None:
    """The agent of a passive: the party right after "by" ("by the Client's IT team")."""
    return _party_after(r"^\s*" if anchored else r"\bby\s+", rest, parties)


def _receiver(rest: str, parties: Parties) -> PartyMention | None:
    """Who receives what a passive hands over ("submitted to the COR")."""
    return _party_after(r"\b(?:to|for)\s+", rest, parties)


def _source(part: str, rest: str, parties: Parties) -> PartyMention | None:
    """Where a passive takes something from ("obtained from the Contracting Officer")."""
    if part not in ("obtained", "received", "requested", "sought", "secured", "collected"):
        return None
    return _party_after(r"\bfrom\s+", rest, parties)


def _party_after(lead: str, rest: str, parties: Parties) -> PartyMention | None:
    """The party right after the first ``lead`` of the passive's own clause, or None."""
    verb = re.match(r"\s*be\s+(?:\w+ly\s+)?\S+", rest)
    skip = verb.end() if verb else 0
    for m in re.finditer(lead + r"(?:the\s+|each\s+|all\s+|an?\s+|its\s+|their\s+)?\[?", rest, re.IGNORECASE):
        if _LATER_CLAUSE.search(rest[skip : m.end()]):
            return None  # "placed via eTools unless modified by the CO": that "by" is another verb's
        mention = parties.first_mention(rest[m.end() : m.end() + 60])
        if mention is not None and mention.start == 0:
            return mention
        if lead != r"\bby\s+":
            return None  # only the first "to"/"from" phrase names the receiver or the source
    return None


def _responsibility_holder(clause: str, at: int, parties: Parties) -> PartyMention | None:
    """The party a "responsibility"/"obligation" word belongs to: "the Contractor's responsibility",
    "the responsibility of the Client", "Client responsibilities include"."""
    for mention in parties.mentions(clause):
        between = clause[mention.end : at] if mention.end <= at else None
        if between is not None and re.fullmatch(r"(?:'s?)?\s+(?:sole\s+|full\s+|primary\s+|joint\s+|own\s+)?", between):
            return mention
        if mention.start > at and re.fullmatch(
            r"\w*\s+of\s+(?:the\s+|each\s+)?", clause[at : mention.start], re.IGNORECASE
        ):
            return mention
    return None


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _clause_end(text: str) -> str:
    """``text`` up to the end of its clause, without the final full stop."""
    return re.split(r";|\.\s|\.$", text, maxsplit=1)[0].rstrip(" .")
