"""The brief's record: ten sections, each with facts, groups of items and its open questions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Item:
    """One line of a section: what was said or written, a short tag, a detail and where it stands."""

    text: str
    label: str = ""  # outcome, cue, side, severity: a one-word tag
    detail: str = ""  # the SOW passage, a deadline, a title
    where: str = ""  # "notes.md:14", "line 29, Scope of Work"


@dataclass
class Group:
    title: str
    items: list[Item] = field(default_factory=list)
    checklist: bool = False  # rendered with tick boxes and blanks (proposed criteria, sign-off lines)
    inline: bool = False  # short items (people, phases) run on in one paragraph: the brief fits two pages


@dataclass
class Section:
    key: str
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # label -> value, in order
    groups: list[Group] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)  # what the meeting must answer here

    @property
    def filled(self) -> bool:
        return bool(self.facts) or any(g.items for g in self.groups)

    def group(self, title: str, items: list[Item], checklist: bool = False, inline: bool = False) -> None:
        """Add a group only when it has something in it."""
        if items:
            self.groups.append(Group(title, items, checklist, inline))


@dataclass
class Brief:
    document: str
    title: str
    notes: list[str]
    status: str  # "ready" or "blocked: N errors"
    errors: int
    warnings: int
    sections: list[Section]
    version: str = ""

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def as_dict(self) -> dict:
        data = asdict(self)
        for s in data["sections"]:
            s["facts"] = [{"label": k, "value": v} for k, v in s["facts"]]
        return data
