"""`--format docx`: a copy of the .docx with one Word review comment per finding, where the finding is.

Each comment is anchored on the finding's matched words (the whole evidence when nothing narrower was
matched); an absence finding ("no exclusions") sits on the heading of the section it belongs next to,
else on the title.  Comments left by an earlier sowlint run are replaced; everyone else's, replies and
waivers included, are kept.  The source file is only read: the copy is built in memory.
"""

from __future__ import annotations

import io
from typing import Any

from ..document.anchors import Skeleton
from ..document.model import Document
from ..errors import SowlintError
from ..findings.finding import Finding
from ..findings.report import DocumentResult, Report
from ..readers.docx_xml import R, W
from .common import one_line
from .docx_anchor import RunMap
from .html_view import evidence_at, suggestion

AUTHOR = "sowlint"
INITIALS = "SL"
# Where the missing section would go: the heading of the first section with one of these roles.
_NEXT_TO = {
    "exclusions": ("scope", "deliverables"),
    "client-inputs": ("client-responsibilities", "scope", "deliverables"),
    "day-one-dependency": ("client-responsibilities", "timeline", "scope"),
    "timeline": ("timeline", "scope"),
    "acceptance": ("acceptance", "deliverables", "timeline"),
    "change-control": ("change-control", "pricing", "terms", "scope"),
    "success-criteria": ("objectives", "acceptance", "background", "scope"),
    "staffing": ("staffing", "governance", "approach"),
    "pricing": ("pricing", "terms"),
    "governance": ("governance", "staffing", "approach"),
}
_FALLBACK_ROLES = ("scope", "deliverables", "background", "objectives")


def render(report: Report, **_options: Any) -> bytes:
    """The reviewed copy of the run's one .docx document."""
    if len(report.documents) != 1:
        raise SowlintError("--format docx writes the reviewed copy of one document; give one .docx")
    result = report.documents[0]
    if result.error:
        raise SowlintError(f"{result.path}: could not be read, so no reviewed copy was written")
    try:
        return reviewed_copy(result, {r.id: r.suggestion for r in report.rules})
    except SowlintError:
        raise
    except Exception as exc:  # a package the reader accepted but python-docx cannot rewrite: one line
        raise SowlintError(f"{result.path}: could not write the reviewed copy ({type(exc).__name__}: {exc})") from None


def comment_text(f: Finding, template: str | None = None) -> str:
    """The comment: the message, the question for sales and the clause to add, one paragraph each."""
    lines = [f"{f.severity.title()} · {f.rule}: {one_line(f.message)}"]
    if f.question:
        lines.append(f"Question for sales: {one_line(f.question)}")
    if f.suggestion:
        label, clause = suggestion(f, template)  # "Example wording" unless written for this document
        lines.append(f"{label}: {one_line(clause)}")
    lines.append(f"(To accept it, reply with the words sowlint: waive, the rule id {f.rule} and a reason.)")
    return "\n".join(lines)


def reviewed_copy(result: DocumentResult, templates: dict[str, str] | None = None) -> bytes:
    """The .docx of ``result`` with its findings as comments; ``templates`` are the rules' suggestions as written."""
    import docx

    doc = result.document
    if doc is None or result.format != "docx":
        raise SowlintError(f"{result.path}: --format docx needs a .docx input")
    word = docx.Document(result.path)
    _drop_own_comments(word)
    runs = RunMap(word.element.body)
    rendition = Skeleton(doc.text)
    title = _title_span(doc)
    for f in result.findings:
        span = _anchor_span(f, doc)
        target = _place(runs, rendition, doc, span) or _place(runs, rendition, doc, title)
        if target is None:  # a body with no text at all: the comment still goes in, on an empty run
            target = _empty_anchor(word)
        first, last = runs.runs(*target) if isinstance(target, tuple) else (target, target)
        comment = word.comments.add_comment(text=comment_text(f, (templates or {}).get(f.rule)), author=AUTHOR,
                                            initials=INITIALS)
        first.insert_comment_range_start_above(comment.comment_id)
        last.insert_comment_range_end_and_reference_below(comment.comment_id)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _place(runs: RunMap, rendition: Skeleton, doc: Document, span: tuple[int, int] | None):
    if not span or span[1] <= span[0]:
        return None
    passage = doc.text[span[0]:span[1]]
    return runs.locate(passage, rendition.occurrence_before(passage, span[0]))


def _anchor_span(f: Finding, doc: Document) -> tuple[int, int] | None:
    """The rendition span a finding's comment marks: its matched words, else its evidence, else a heading."""
    loc = f.location
    if loc.start is not None and loc.end is not None and loc.end > loc.start:
        start, end = loc.start, loc.end
        if f.span and f.evidence:
            # The evidence is the clause at ``start``, the span the matched words inside it; a handoff note's
            # evidence is not in the SOW at all, and its comment goes on the SOW passage it concerns.
            at = evidence_at(f, doc.text)
            a, b = f.span
            if at >= 0 and 0 <= a < b <= len(f.evidence):
                return at + a, at + b
        return start, end
    return _heading_span(f, doc)


def _heading_span(f: Finding, doc: Document) -> tuple[int, int] | None:
    if f.location.section:
        for s in doc.walk():
            if s.level and s.path == tuple(f.location.section):
                return s.start, s.end
    for role in (*_NEXT_TO.get(f.category, ()), *_FALLBACK_ROLES):
        for s in doc.walk():
            if s.level and s.role == role:
                return s.start, s.end
    return None


def _title_span(doc: Document) -> tuple[int, int] | None:
    """The document's first line: the title, or whatever opens it."""
    offset = 0
    for line in doc.text.split("\n"):
        if line.strip():
            return offset, offset + len(line)
        offset += len(line) + 1
    return None


def _empty_anchor(word):
    paragraph = word.paragraphs[0] if word.paragraphs else word.add_paragraph()
    return paragraph.add_run("")._r


def _drop_own_comments(word) -> None:
    """Comments an earlier sowlint run wrote, with their ranges and references, so a re-run replaces them."""
    part = word.part._comments_part if _has_comments(word) else None
    if part is None:
        return
    ids = set()
    for comment in list(part.element.iterchildren(W + "comment")):
        if comment.get(W + "author") == AUTHOR:
            ids.add(comment.get(W + "id"))
            part.element.remove(comment)
    if not ids:
        return
    body = word.element.body
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for element in list(body.iter(W + tag)):
            if element.get(W + "id") in ids:
                element.getparent().remove(element)
    for ref in list(body.iter(W + "commentReference")):
        run = ref.getparent()
        if ref.get(W + "id") in ids and run is not None and run.tag == R:
            run.getparent().remove(run)


def _has_comments(word) -> bool:
    return any(rel.reltype.endswith("/comments") for rel in word.part.rels.values())
