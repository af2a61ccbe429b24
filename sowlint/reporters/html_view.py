"""Small decisions of the HTML report's view model: the sentence a card quotes, dates, labels, the index order."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..findings.finding import Finding, evidence_parts

# Where a sentence ends: a full stop, ! or ? followed by a space (not "e.g." or "3.5", which have none).
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|[.!?]$")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|approx|incl|Dr|Mr|Mrs|Ms|No|St)\.$", re.I)
_UNKNOWN = {"", "unknown", "none", "n/a", "other", "unspecified"}
RISK_ORDER = {"high": 0, "medium": 1, "low": 2, "unassessed": 3, "unknown": 4}


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (within its rendition line, or table cell) that holds ``text[start:end]``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    cell_start = text.rfind(" | ", line_start, start)
    if cell_start >= 0:  # a table row: the cell is the sentence's outer bound
        line_start = cell_start + 3
    cell_end = text.find(" | ", end, line_end)
    if cell_end >= 0:
        line_end = cell_end
    a = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        if not _ABBREVIATION.search(text[max(line_start, m.end() - 8):m.end()]):
            a = m.end()
    b = line_end
    for m in _SENTENCE_END.finditer(text, max(end - 1, line_start), line_end):
        if not _ABBREVIATION.search(text[max(line_start, m.end() - 8):m.end()]):
            b = m.end()
            break
    while a < start and text[a].isspace():
        a += 1
    return a, max(b, end)


def quote(f: Finding, text: str | None) -> list[tuple[str, bool]]:
    """The card's evidence: the whole sentence, as (piece, marked) pairs with the matched words marked."""
    return quote_group([f], text)


def quote_group(findings: list[Finding], text: str | None) -> list[tuple[str, bool]]:
    """One quote for findings of one rule in one sentence: the sentence once, every match marked."""
    f = findings[0]
    spans = [s for s in (_spans(g, text) for g in findings) if s] if text is not None else []
    if not spans:
        before, matched, after = evidence_parts(f)
        return [(p, m) for p, m in ((before, False), (matched, True), (after, False)) if p]
    a = min(min(sentence_span(text, *mark)[0], start) for mark, (start, _e) in spans)
    b = max(max(sentence_span(text, *mark)[1], end) for mark, (_s, end) in spans)  # never less than the evidence
    marks: list[list[int]] = []
    for (ma, mb), _evidence in sorted(spans):
        if marks and ma <= marks[-1][1]:
            marks[-1][1] = max(marks[-1][1], mb)
        else:
            marks.append([ma, mb])
    pieces, at = [], a
    for ma, mb in marks:
        pieces += [(text[at:ma], False), (text[ma:mb], True)]
        at = mb
    pieces.append((text[at:b], False))
    return [(p.replace("\n", " "), m) for p, m in pieces if p]


def sentence_key(f: Finding, text: str | None) -> tuple[int, int] | None:
    """The sentence a finding's match sits in, to give one card per rule per sentence; None without a span."""
    spans = _spans(f, text) if text is not None else None
    return sentence_span(text, *spans[0]) if spans else None


def evidence_at(f: Finding, text: str) -> int:
    """Where the finding's evidence starts in the rendition (at its location), or -1 when it is not there."""
    start, end = f.location.start, f.location.end
    if not f.evidence or start is None or end is None:
        return -1
    at = text.find(f.evidence, max(0, start - 2), end + 2)
    if at < 0 and " ".join(text[start:end].split()) == " ".join(f.evidence.split()):
        at = start  # evidence over several lines, quoted on one
    return at


def _spans(f: Finding, text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(the matched words, the evidence) as rendition spans."""
    loc = f.location
    if loc.start is None or loc.end is None or loc.end <= loc.start:
        return None
    start, end = loc.start, loc.end
    at = evidence_at(f, text)
    if at < 0:
        # The evidence is not the text at the location (a handoff note, quoted beside the SOW passage it
        # concerns): the card quotes the evidence itself.
        return None if f.evidence else ((start, end), (start, end))
    if f.span:
        return (at + f.span[0], at + f.span[1]), (start, end)
    return (start, end), (start, end)  # no narrower match: the quoted clause itself is what matched


def suggestion(f: Finding, template: str | None) -> tuple[str, str]:
    """(label, clause): "Suggested clause" when it was written from this document, else "Example wording"."""
    text = f.suggestion.strip()
    prefix = re.match(r"example wording:\s*", text, re.I)
    if prefix:
        return "Example wording", text[prefix.end():]
    tailored = template is not None and "{" in template and text != template.strip()
    return ("Suggested clause" if tailored else "Example wording"), text


def known(value: Any) -> str:
    """``value`` as shown, or "" when it only says that nothing is known."""
    text = " ".join(str(value or "").split())
    return "" if text.lower() in _UNKNOWN else text


def as_date(value: Any) -> str:
    """An ISO date or timestamp as a date people read ("28 September 2026"); other text as it is."""
    text = str(value or "").strip()
    try:
        day = datetime.fromisoformat(text.replace("Z", "+00:00")).date() if "T" in text else date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {day:%B %Y}"


def index_key(risk: str, counts: dict[str, int], path: str) -> tuple:
    """The index order: worst risk first, then the most errors, then the most warnings."""
    return (RISK_ORDER.get(risk, 5), -counts.get("error", 0), -counts.get("warning", 0), path)
