"""The parties a document names: which words mean the client side and which the provider side.

``find_parties(text)`` starts from default role words ("the Contractor", "the Government",
"Customer", "COR", ...) and adds what the document itself defines:

* parenthetical definitions: ``XYZ Corp. ("Client")``, ``Acme Ltd (hereinafter "the Supplier")``,
  ``Foo Inc. ("Foo" or "Customer")``, ``Contracting Officer ("CO")``;
* agency acronyms: ``Department of Labor (DOL)`` makes "DOL" a client-side name;
* header lines: ``Client: XYZ Corp``, ``Prepared for: XYZ``, ``Prepared by: Acme``.

A name the document defines overrides the default for the same word, so a creative firm that
calls itself ``("Agency")`` next to a ``("Client")`` is the provider, not a federal agency.

First and second person depend on who wrote the document: in a proposal "we" is the provider
and "you" the client; in a solicitation (RFQ, RFP: "Offerors shall ...", "your quote") the
buyer writes "we" and the bidder is "you".  ``Parties.first_person`` records which reading won.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

from . import party_words as pw
from .party_words import (  # noqa: F401 - the role words are part of this module's interface
    AMBIGUOUS_ROLES, CLIENT_EXACT, CLIENT_ROLES, FIRST_PERSON, PROVIDER_ROLES, SECOND_PERSON)

Side = Literal["client", "provider"]


@dataclass(frozen=True)
class PartyMention:
    """One place a party is named in a text."""

    text: str
    side: Side
    start: int
    end: int


@dataclass(frozen=True)
class Parties:
    """Aliases of the client and the provider; ``mentions`` finds them in a sentence."""

    aliases: dict[str, Side]  # case-folded alias -> side, matched case-insensitively
    exact: dict[str, Side]  # alias -> side, matched exactly as written (acronyms, defined names)
    defined: dict[str, Side] = field(default_factory=dict)  # what the document defined, as written
    first_person: Side = "provider"
    _pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        folded = sorted(self.aliases, key=len, reverse=True)
        exact = sorted(self.exact, key=len, reverse=True)
        alternatives = [f"(?i:{_alias_regex(a)})" for a in folded] + [_alias_regex(a) for a in exact]
        # A hyphen after the name makes a compound ("Government-furnished"), not the party itself.
        pattern = re.compile(r"(?<![\w@.-])(?:" + "|".join(alternatives) + r")(?![\w-])")
        object.__setattr__(self, "_pattern", pattern)

    def side_of(self, name: str) -> Side | None:
        """The side ``name`` (an alias as written) stands for, or None."""
        name = name.strip()
        if name in self.exact:
            return self.exact[name]
        return self.aliases.get(_fold(name))

    def other(self, side: Side) -> Side:
        return "provider" if side == "client" else "client"

    def mentions(self, text: str) -> Iterator[PartyMention]:
        """Every party named in ``text``, in order (possessives included: "the Client's team")."""
        for m in self._pattern.finditer(text):
            side = self.side_of(m.group(0))
            if side is None:  # plural of a role word ("Offerors") or an "s" the regex allowed
                side = self.side_of(re.sub(r"s$", "", m.group(0)))
            if side is not None:
                yield PartyMention(m.group(0), side, m.start(), m.end())

    def first_mention(self, text: str) -> PartyMention | None:
        return next(self.mentions(text), None)

    def furnisher(self, text: str) -> Side | None:
        """Who furnishes items named in ``text``: "GFE", "Government-furnished" -> client; "CFE" -> provider."""
        for m in pw.FURNISHED.finditer(text):
            if m.group("gov"):
                return "client"
            if m.group("con"):
                return "provider"
            side = self.side_of(m.group("who"))
            if side is not None:
                return side
        return None


def _fold(alias: str) -> str:
    return re.sub(r"\s+", " ", alias.replace("’", "'")).strip().casefold()


def _alias_regex(alias: str) -> str:
    words = [re.escape(w).replace("'", "['’]") for w in alias.split()]
    body = r"\s+".join(words)
    # Role words take a plural ("Offerors shall"); names and acronyms other than COR do not.
    return body + "s?" if alias.islower() and alias[-1].isalpha() else body


def default_parties() -> Parties:
    """The parties of a document that defines none: role words only, "we" is the provider."""
    return _build({}, {}, {}, "provider")


def find_parties(text: str) -> Parties:
    """The parties ``text`` (a whole document's text) defines, on top of the default role words."""
    if not isinstance(text, str):
        raise TypeError(f"find_parties expects the document text as a str, not {type(text).__name__}")
    defined_folded: dict[str, Side] = {}
    defined_exact: dict[str, Side] = {}
    defined: dict[str, Side] = {}
    pending_ambiguous: list[tuple[str | None, str]] = []  # (name, role) whose side the other party decides

    def define(name: str | None, side: Side) -> None:
        for alias in _name_aliases(name):
            defined_exact[alias] = side
            defined[alias] = side

    for m in pw.DEFINITION.finditer(text):
        name = _clean_name(m.group("name"))
        quoted = [q.strip() for q in (m.group(2), m.group(3)) if q]
        roles = [q for q in quoted if _fold(q) in _ROLE_SIDE or _fold(q) in AMBIGUOUS_ROLES]
        if not roles:
            # ("CO") after "Contracting Officer": the name says the side, the acronym joins it.
            side = _role_side_of_name(name)
            if side is not None:
                for q in quoted:
                    defined_exact[q] = side
                    defined[q] = side
            continue
        role = _fold(roles[0])
        if role in AMBIGUOUS_ROLES:
            pending_ambiguous.append((name, role))
            continue
        side = _ROLE_SIDE[role]
        define(name, side)
        for q in quoted:
            if _fold(q) not in _ROLE_SIDE:
                define(q, side)
            defined[q] = side

    for m in pw.ACRONYM.finditer(text):
        name = _clean_name(m.group("name"))
        if name and _is_agency_name(name, m.group("acronym")):
            for alias in (m.group("acronym"), name):  # "Office of Acquisition Solutions (OAS)": both names
                defined_exact.setdefault(alias, "client")
                defined.setdefault(alias, "client")

    for m in pw.FOR_BY.finditer(text[:20000]):  # "Prepared for Harbourline Housing by Meridian Data Partners"
        for name, side in ((m.group("client"), "client"), (m.group("provider"), "provider")):
            name = _clean_name(name)
            if name and _looks_like_name(name):
                define(name, side)
                first = name.split()[0]
                if len(first) >= 4 and first.lower() not in pw.GENERIC_FIRST_WORDS:
                    define(first, side)

    for label, name, acronym in _header_fields(text[:20000]):  # header lines sit on the cover page
        side = pw.HEADER_SIDE.get(label) or _ROLE_SIDE.get(label)
        if name in defined and defined[name] != side:
            continue  # "Client Name | Acme" then "Contractor Name | Acme" (a template left half-filled): first wins
        if side and name and _looks_like_name(name):
            define(name, side)
            if acronym:
                define(acronym, side)
            # "Dr. Alan Whitcombe, Practice Director, Fernleaf Dental Group": the organisation is the
            # last part, and documents call it by its first word ("Fernleaf will provide ...").
            org = name.split(",")[-1].strip()
            if org != name and _looks_like_name(org):
                define(org, side)
            first = org.split()[0] if org.split() else ""
            if len(first) >= 4 and first[0].isupper() and first.lower() not in pw.GENERIC_FIRST_WORDS:
                define(first, side)

    for m in pw.FIRM_FOR.finditer(text[:3000]):  # "Humanytics LLC for CJCJ" on the title page
        for name, side in ((m.group("provider"), "provider"), (m.group("client"), "client")):
            name = _clean_name(name)
            if name and _looks_like_name(name):
                define(name, side)
                short = re.sub(r",?\s+(?:LLC|Inc|Ltd|LLP|GmbH|Pty|Limited|Corp|Corporation)\.?$", "", name)
                words = short.split()
                if side == "provider" and len(words) > 1 and words[-1] in ("Marketing", "Consulting", "Studio",
                                                                          "Studios", "Agency", "Labs", "Lab"):
                    define(" ".join(words[:-1]), side)  # "Lumen & Lark Marketing, LLC" is called "Lumen & Lark"

    sides_named = set(defined.values())
    for name, role in pending_ambiguous:
        side: Side = AMBIGUOUS_ROLES[role]  # type: ignore[assignment]
        if len(sides_named) == 1:
            side = "provider" if sides_named == {"client"} else "client"
        defined_folded[role] = side
        defined[role.title()] = side
        define(name, side)

    if "agency" not in defined_folded and _agency_is_provider(text):
        defined_folded["agency"] = "provider"
    first_person = _first_person_side(text)
    if first_person == "provider":
        # A proposal names its writer: "General Dynamics' solution", "Acme's proposed approach".
        for m in pw.SELF_NAME.finditer(text[:200000]):
            name = _clean_name(m.group("name"))
            if name and len(name) > 2 and _fold(name) not in _ROLE_SIDE and name not in defined_exact:
                define(name, "provider")
        # ... and calls its client "the company" or "the organisation" when it has no other name for it.
        for word in ("company", "organisation", "organization"):
            if word not in defined_folded:
                defined_folded[f"the {word}"] = "client"
    else:
        # A buyer-written SOW names its agency by acronym, possessively: "VA's objectives", "provided by VA".
        for acronym, count in _possessive_acronyms(text[:200000]).items():
            if count >= 2 and acronym not in defined_exact and _fold(acronym) not in _ROLE_SIDE:
                defined_exact[acronym] = "client"
                defined[acronym] = "client"
    return _build(defined_folded, defined_exact, defined, first_person)


_POSSESSIVE_ACRONYM = re.compile(r"(?<![\w.&-])([A-Z]{2,6})['’]s?(?=\s+[a-z])")


def _possessive_acronyms(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in _POSSESSIVE_ACRONYM.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


_ROLE_SIDE: dict[str, Side] = {**{r: "client" for r in CLIENT_ROLES}, **{r: "provider" for r in PROVIDER_ROLES}}
for _ambiguous in AMBIGUOUS_ROLES:
    _ROLE_SIDE.pop(_ambiguous, None)


def _build(folded: dict[str, Side], exact: dict[str, Side], defined: dict[str, Side], first: Side) -> Parties:
    aliases: dict[str, Side] = dict(_ROLE_SIDE)
    aliases["agency"] = "client"  # ambiguous when defined, but undefined "the Agency" is a federal buyer
    second: Side = "client" if first == "provider" else "provider"
    aliases.update({w: first for w in FIRST_PERSON})
    aliases.update({w: second for w in SECOND_PERSON})
    aliases.update(folded)
    exact_all: dict[str, Side] = {a: "client" for a in CLIENT_EXACT}
    exact_all["us"] = first
    exact_all.update(exact)
    # An exact alias that is also a role word would be matched twice; the folded entry wins.
    exact_all = {a: s for a, s in exact_all.items() if _fold(a) not in aliases or a in exact}
    return Parties(aliases=aliases, exact=exact_all, defined=defined, first_person=first)


def _header_fields(head: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(label, name, acronym) of each cover-page field: "Client: XYZ Corp (XYZ) Vendor: Acme" gives two."""
    lines = head.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        found = list(pw.HEADER_LABEL.finditer(line))
        for j, m in enumerate(found):
            if m.group("sep") not in (":", "|", "") and line[: m.start()].strip(" \t>*_#|-"):
                continue  # "Prepared for X" without a colon only opens a line
            value = line[m.end(): found[j + 1].start() if j + 1 < len(found) else len(line)]
            value = value.strip(" \t*_")
            if not value and m.group("sep") in (":", "") and i + 1 < len(lines):
                value = lines[i + 1].strip(" \t*_#>|")  # "Client" / "Broken Crystals" on the next line
                if ":" in value or len(value.split()) > 6:
                    continue
            if not value:
                continue
            end = pw.NAME_END.search(value)
            name = value[: end.start()] if end else value
            rest = value[end.start():] if end else ""
            acronym = pw.ACRONYM_AFTER.match(rest)
            yield _fold(m.group("label")), _clean_name(name.strip(" \t*_.;:")), acronym.group("acronym") if acronym else None


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"^(?:(?:This|The|An?|And|Between|By|For|With)\s+)+", "", name.strip(" ,;:\t"))
    name = re.sub(r"\s+(?:and|or|of|for|the|&)$", "", name)
    # "XYZ Corp. and Acme Ltd (\"Supplier\")": the definition belongs to the name after "and".
    parts = re.split(r"\s+and\s+", name)
    if len(parts) > 1 and pw.CORPORATE.search(parts[-2]):
        name = parts[-1]
    return name or None


def _is_agency_name(name: str, acronym: str) -> bool:
    """ "Department of Labor (DOL)" yes; "Service Level Agreement (SLA)", "Acme Federal Services (AFS)" no."""
    if not pw.GOVERNMENT_ORG.search(name) or pw.CORPORATE.search(name):
        return False
    if re.search(r"\b(?:Program|Project)\s+Management", name):
        return False  # a "Program Management Office (PMO)" may be either side's
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name)).upper()
    letters = iter(initials)
    return all(ch in letters for ch in acronym.replace("&", "").replace("/", "") if ch.isalpha())


def _looks_like_name(name: str) -> bool:
    """"XYZ Corp" is a name; "Provide test data" in a two-column table, "24 June" or "[Client Name]" is not."""
    words = name.split()
    return (
        not pw.PLACEHOLDER.match(name)
        and 0 < len(words) <= 8
        and name[0].isalpha()
        and all(w[0].isupper() or w[0].isdigit() or w in ("of", "and", "for", "the", "&", "de") for w in words)
    )


def _name_aliases(name: str | None) -> list[str]:
    """A defined name as written plus the form without its corporate suffix ("Acme Ltd" -> "Acme")."""
    if not name or _fold(name) in _ROLE_SIDE:
        return []
    out = [name, name.rstrip(".")]
    short = pw.CORPORATE.sub("", name).strip(" ,")
    if short and short not in out and len(short) >= 2:
        out.append(short)
    return list(dict.fromkeys(a for a in out if a))


def _role_side_of_name(name: str | None) -> Side | None:
    if not name:
        return None
    folded = _fold(name)
    if folded in _ROLE_SIDE:
        return _ROLE_SIDE[folded]
    if folded.endswith(" owner"):  # "Product Owner" ("PO") is the buyer's role in agile task orders
        return "client"
    return None


def _agency_is_provider(text: str) -> bool:
    """A document about a "Client" and an "Agency" with no contractor words is an agency's proposal."""
    head = text[:200000]
    return bool(
        re.search(r"\b[Tt]he\s+Agency\b", head)
        and re.search(r"\b(?:the\s+)?(?:Client|Customer)\b", head)
        and not re.search(r"\b(?:Contractor|Vendor|Offeror|Government|Supplier|Consultant)s?\b", head, re.IGNORECASE)
    )


def _first_person_side(text: str) -> Side:
    """Who "we" is: the provider in a proposal, the buyer in a solicitation or government-written SOW."""
    head = text[:200000]
    proposal = len(pw.PROPOSAL.findall(head))
    solicitation = len(pw.SOLICITATION.findall(head))
    # A proposal quotes its RFP ("Offerors shall ..."), but a buyer never writes "we believe".
    if proposal >= 3 or proposal > solicitation:
        return "provider"
    if solicitation >= 2 or (proposal == 0 and len(pw.GOVERNMENT_VOICE.findall(head)) >= 3):
        return "client"
    return "provider"
