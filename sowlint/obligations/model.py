"""The obligation record: who must do what, by when, on what condition, and where it is said."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..document.model import Section
from .actions import Action
from .anchors import Deadline

Side = Literal["client", "provider"]
Voice = Literal["active", "passive", "imperative", "nominal", "list", "table", "assumption"]
# Why the actor is who it is: read from the sentence ("subject", "agent", ... as nlp/owner.py reads
# them), inherited ("lead-in" line, "heading", "owner-column" of a table), found inside a phrase
# ("nominal": "data provided by the client", "approval of the COR"; "condition": "once you approve
# the design"), an "assumption" about the client's environment, a plan's first step ("schedule":
# "Week 1 | Data collection"), or "inferred" (a named actor who is not the writer hands the writer an
# input, in a document the provider wrote).
Basis = str


@dataclass(frozen=True)
class Obligation:
    start: int  # span of the unit (sentence, list item, table row or heading) in Document.text
    end: int
    text: str
    unit: str  # "sentence", "list_item", "table_row" or "heading"
    section: Section
    side: Side | None
    actor: str  # the words naming the actor, as written ("Dojo", "the Client's IT team"); "" if none
    basis: Basis
    action: Action
    verb: str  # the verb phrase as written ("provide admin access to the CMS")
    object: str  # what is provided, approved, paid for ... ("admin access to the CMS")
    condition: str  # "if the client approves the design", "" when unconditional
    deadline: Deadline | None
    negated: bool
    voice: Voice
    input: bool = False  # a client duty the provider's work waits on (see inputs.py)

    @property
    def role(self) -> str:
        return self.section.role

    def as_dict(self) -> dict:
        return {
            "start": self.start, "end": self.end, "unit": self.unit, "section": " › ".join(self.section.path),
            "role": self.section.role, "side": self.side, "actor": self.actor, "basis": self.basis,
            "action": self.action, "object": self.object, "condition": self.condition or None,
            "deadline": {"kind": self.deadline.kind, "text": self.deadline.text, "days": self.deadline.days}
            if self.deadline else None,
            "negated": self.negated, "voice": self.voice, "input": self.input, "text": self.text,
        }
