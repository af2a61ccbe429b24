"""Assigns each section a canonical role from the vocabulary in ``rules/roles.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import rules_dir
from .model import Document, Section

_TOKEN = re.compile(r"[a-z0-9]+")
_KEEP_S = ("ss", "us", "is", "ics", "sis")
# Headings that say only "this is an overview": under a section with a role, they take its role.
_GENERIC = {"overview", "general", "introduction", "summary", "description", "detail", "the", "and", "of"}


def lemma(word: str) -> str:
    """A light lemma for heading words: lower case with plurals folded ("Deliveries" -> "delivery")."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(_KEEP_S):
        return w[:-1]
    return w


def lemmas(text: str) -> tuple[str, ...]:
    return tuple(lemma(t) for t in _TOKEN.findall(text.lower().replace("’", "'")))


Phrases = dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first lemma -> (lemmas, role), longest first


# Words that may stand beside a whole-heading phrase ("Key Project Dependencies" is "dependencies").
_QUALIFIERS = {"project", "key", "main", "major", "critical", "external", "internal", "client", "customer", "our",
               "your", "technical", "general", "the", "and", "other", "additional", "important"}


@dataclass(frozen=True)
class RoleVocabulary:
    heading_phrases: Phrases
    opening_phrases: Phrases
    roles: tuple[str, ...]
    whole_headings: dict[tuple[str, ...], str] = None  # type: ignore[assignment]  # phrase -> role

    def match_heading(self, text: str) -> str | None:
        tokens = lemmas(text)
        role = _best(tokens, self.heading_phrases)
        if role is None and self.whole_headings:
            # A generic noun names the section's role only as the whole heading: "Dependencies" is the
            # client's dependencies, "Dependency Categories" (a product feature) is not.
            core = tuple(t for t in tokens if t not in _QUALIFIERS)
            role = self.whole_headings.get(core)
        return role

    def match_opening(self, text: str) -> str | None:
        # Only the opening words count: a role named deep inside a paragraph is not its purpose.
        return _best(lemmas(text)[:12], self.opening_phrases, anchored=True)


def _best(tokens: tuple[str, ...], phrases: Phrases, anchored: bool = False) -> str | None:
    """The role of the earliest phrase in ``tokens``, the longest where several start there."""
    for i in range(min(1, len(tokens)) if anchored else len(tokens)):
        for phrase, role in phrases.get(tokens[i], ()):
            if tokens[i : i + len(phrase)] == phrase:
                return role
    return None


def _by_first_word(pairs: list[tuple[tuple[str, ...], str]]) -> Phrases:
    out: dict[str, list] = {}
    for phrase, role in sorted(pairs, key=lambda item: -len(item[0])):  # stable: file order within a length
        if phrase:
            out.setdefault(phrase[0], []).append((phrase, role))
    return {first: tuple(items) for first, items in out.items()}


@lru_cache(maxsize=1)
def vocabulary() -> RoleVocabulary:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((rules_dir() / "roles.yaml").read_text(encoding="utf-8"), Loader=loader)
    heads, opens, whole = [], [], {}
    for role, spec in data["roles"].items():
        for phrase in spec.get("headings") or []:
            heads.append((lemmas(phrase), role))
        for phrase in spec.get("openings") or []:
            opens.append((lemmas(phrase), role))
        for phrase in spec.get("whole_headings") or []:
            whole.setdefault(lemmas(phrase), role)
    return RoleVocabulary(_by_first_word(heads), _by_first_word(opens), tuple(data["roles"]), whole)


def known_roles() -> tuple[str, ...]:
    return vocabulary().roles


def assign_roles(doc: Document) -> None:
    vocab = vocabulary()
    doc.preamble.role, doc.preamble.role_source = "other", "none"
    for section in doc.sections:
        _assign(section, vocab, None)


def _assign(section: Section, vocab: RoleVocabulary, parent: Section | None) -> None:
    role = vocab.match_heading(section.title) or vocab.match_heading(section.heading)
    source = "heading"
    if parent is not None and parent.role != "other" and set(lemmas(section.title)) <= _GENERIC:
        # "Overview" or "General" under "Objectives" is an overview of the objectives.
        role = None
    if role is None and section.blocks:
        role, source = vocab.match_opening(section.blocks[0].text), "opening"
    if role is None and parent is not None and parent.role != "other":
        role, source = parent.role, "parent"
    section.role, section.role_source = (role, source) if role else ("other", "none")
    for child in section.children:
        _assign(child, vocab, section)
