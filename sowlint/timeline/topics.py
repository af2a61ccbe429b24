"""What a time statement is about: the period, a step of the work, a service level, paperwork, history."""

from __future__ import annotations

import re

from . import vocab

# "52.212-4 Contract Terms and Conditions (FEB 2012)": a clause and its edition date, not a schedule.
_CITATION = re.compile(
    r"\b\d{2,4}\.\d{3}-\d{1,4}\b|\(?\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC) (?:19|20)\d\d\b\)?")


def period_like(low: str, found: set[str]) -> bool:
    """A line that can belong to a period listing: no service levels or paperwork, and no step of the work
    unless it names a contract period ("Base | 12 MO's", "Option YR 1", "Transition 02 MO's")."""
    if found & {"sla", "admin"}:
        return False
    return "principal" not in found or bool(vocab.CONTRACT_PERIOD.search(low))


def topic_of(text: str, role: str, section_title: str = "") -> str:
    """What a time statement is about; the first matching reading wins, in order of how telling it is."""
    if _CITATION.search(text):
        return "citation"
    found = vocab.topics(text.lower())
    if "history" in found:
        return "history"
    if "period" in found and "billing" not in found:
        return "period"
    # Under a "Period of Performance" heading, a bare "9/28/2019-9/27/2020" is the period; a phase is not.
    if section_title and period_like(text.lower(), found) and vocab.PERIOD.search(section_title.lower()):
        return "period"
    if "sla" in found:
        return "sla"
    if "admin" in found and not (role == "timeline" and "principal" in found):
        return "admin"
    if "recurring" in found:
        return "recurring"
    if "principal" in found or role in ("timeline", "deliverables", "scope"):
        return "principal"
    return "other"
