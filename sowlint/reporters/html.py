"""The HTML risk report: one self-contained, script-free page per run (or per document plus an index).

Jinja2 renders it with autoescape on (it is off by default) and a ``finalize`` hook that strips bidi
and control characters from every value, so document text can never become markup; a meta CSP that
allows no script at all is a second line of defence.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..document.model import Document, Section
from ..findings.finding import Finding, evidence_parts
from ..findings.report import DocumentResult, Report
from .common import (RISK_LABEL, SEVERITY_LABEL, by_question, category_order, category_title,
                     engagement_label, has_span, one_line, relative_path, safe_text, section_label)
from .html_view import as_date, index_key, known, quote, quote_group, sentence_key, suggestion

_RISK_ORDER = ["low", "medium", "high"]
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    """Runs on every ``{{ value }}``: document strings lose bidi overrides and control characters."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return safe_text(value)
    return value


_env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=True, finalize=_finalize,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass
class FindingView:
    number: int
    anchor: str  # id of the finding's card
    mark: str  # id of its first highlight in the document view
    finding: Finding
    highlighted: bool = False
    suppression: Any = None
    quote: list[tuple[str, bool]] = field(default_factory=list)  # the whole sentence, matched words marked
    suggestion_label: str = "Suggested clause"
    suggestion_text: str = ""
    merged_into: "FindingView | None" = None  # same rule, same sentence: shown on that card
    also: list["FindingView"] = field(default_factory=list)  # the findings merged into this card

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABEL.get(self.finding.severity, self.finding.severity.title())

    @property
    def whole_document(self) -> bool:
        return not has_span(self.finding.location)

    @property
    def where(self) -> str:
        return section_label(self.finding.location) or "Whole document"

    @property
    def evidence(self) -> tuple[str, str, str]:
        """(before, matched, after): the quoted clause with the words that matched marked."""
        return evidence_parts(self.finding)


@dataclass
class Segment:
    """A run of text inside one heading, paragraph, list item or cell, under zero or more marks."""

    text: str
    marks: list[dict[str, Any]]  # outermost first: {"id" (first piece only), "severity", "number"}
    refs: list[FindingView] = field(default_factory=list)  # findings that end right after this run


@dataclass
class Span:
    start: int
    end: int
    view: FindingView


@dataclass
class DocumentView:
    prefix: str
    result: DocumentResult
    path: str
    title: str
    facts: list[tuple[str, str]]
    engagement: str = ""
    groups: list[tuple[str, str, list[FindingView]]] = field(default_factory=list)
    suppressed: list[FindingView] = field(default_factory=list)
    questions: list[tuple[str, list[FindingView]]] = field(default_factory=list)
    body: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    words: int | None = None

    @property
    def not_assessed(self) -> bool:
        """Read, but with no words (a scan without a text layer): nothing was checked, so no risk level."""
        return self.result.not_assessed or (not self.result.error and self.words == 0)

    @property
    def risk(self) -> str:
        return "unassessed" if self.not_assessed else self.result.risk_level()

    @property
    def fixes(self) -> list[FindingView]:
        """The errors, in document order: what must change before the SOW goes out."""
        errors = [fv for _, _, items in self.groups for fv in items
                  if fv.finding.severity == "error" and fv.merged_into is None]
        return sorted(errors, key=lambda fv: fv.finding.sort_key)

    @property
    def risk_label(self) -> str:
        return RISK_LABEL[self.risk]

    @property
    def counts(self) -> dict[str, int]:
        return self.result.counts()

    @property
    def categories(self) -> list[dict[str, Any]]:
        """One row per category, in the order of the findings list, with counts per severity."""
        rows = []
        for title, category, items in self.groups:
            counts = {s: sum(1 for fv in items if fv.finding.severity == s) for s in SEVERITY_LABEL}
            rows.append({"title": title, "anchor": f"{self.prefix}cat-{category}", "counts": counts,
                         "total": len(items)})
        return rows


# -- public API -------------------------------------------------------------------------------
def render(report: Report, generated: str | None = None, cwd: str | os.PathLike | None = None,
           **_options: Any) -> str:
    """The whole run as one page; several documents get an overview table and one article each."""
    many = len(report.documents) > 1
    templates = _templates(report)
    views = [_document_view(doc, f"d{i + 1}-" if many else "", cwd, templates=templates)
             for i, doc in enumerate(report.documents)]
    views.sort(key=lambda v: index_key(v.risk, v.counts, v.path))  # the worst document first
    rows = [(f"#{v.prefix}doc", v) for v in views]
    return _page("report.html.j2", views, rows, generated, report.notices, many=many, base=2 if many else 1,
                 index_href=None)


def render_document(result: DocumentResult, index_href: str | None = None, generated: str | None = None,
                    cwd: str | os.PathLike | None = None, notices: list[str] | None = None,
                    templates: dict[str, str] | None = None) -> str:
    """One document's page, optionally with a link back to the index."""
    view = _document_view(result, "", cwd, templates=templates)
    return _page("report.html.j2", [view], [], generated, notices, many=False, base=1, index_href=index_href)


def render_index(reports: list[tuple[str, DocumentResult]], generated: str | None = None,
                 cwd: str | os.PathLike | None = None, notices: list[str] | None = None) -> str:
    """An index page: one row per (href of the document's page, its result)."""
    rows = [(href, _document_view(result, "", cwd, with_body=False)) for href, result in reports]
    rows.sort(key=lambda row: index_key(row[1].risk, row[1].counts, row[1].path))  # the worst document first
    return _page("index.html.j2", [v for _, v in rows], rows, generated, notices)


def _page(template: str, views: list[DocumentView], rows: list, generated: str | None,
          notices: list[str] | None, **extra: Any) -> str:
    totals = {s: sum(v.counts[s] for v in views) for s in SEVERITY_LABEL}
    # An unreadable document must not hide a readable one's "high"; it is counted separately.
    readable = [v.risk for v in views if not v.result.error and not v.not_assessed]
    if readable:
        overall = max(readable, key=_RISK_ORDER.index)
    elif views and all(v.not_assessed for v in views):
        overall = "unassessed"
    else:
        overall = "unknown" if views else "low"
    return _env.get_template(template).render(
        csp=Markup(CSP), version=__version__, docs=views, overview_rows=rows, totals=totals, overall=overall,
        suppressed_total=sum(len(v.suppressed) for v in views), risk_labels=RISK_LABEL,
        unreadable=sum(1 for v in views if v.result.error),
        generated=as_date(generated or date.today().isoformat()), notices=[one_line(n) for n in notices or []], **extra,
    )


def write_pages(report: Report, out_dir: str | os.PathLike, generated: str | None = None,
                cwd: str | os.PathLike | None = None) -> list[Path]:
    """``index.html`` plus one page per document in ``out_dir``; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pages: list[tuple[str, DocumentResult]] = []
    written = []
    for i, doc in enumerate(report.documents, 1):
        name = f"{i:03d}-{_slug(Path(doc.path).stem)}.html"
        page = out / name
        page.write_text(render_document(doc, "index.html", generated, cwd, report.notices, _templates(report)),
                        encoding="utf-8")
        pages.append((name, doc))
        written.append(page)
    index = out / "index.html"
    index.write_text(render_index(pages, generated, cwd, report.notices), encoding="utf-8")
    return [index, *written]


# -- view model -------------------------------------------------------------------------------
def _templates(report: Report) -> dict[str, str]:
    """Each rule's suggestion as written in the pack, to tell a clause tailored to the document from one that is not."""
    return {r.id: r.suggestion for r in report.rules}


def _document_view(result: DocumentResult, prefix: str, cwd: str | os.PathLike | None,
                   with_body: bool = True, templates: dict[str, str] | None = None) -> DocumentView:
    doc = result.document
    meta = dict(result.meta)
    if doc is not None:
        for key in ("title", "author", "created", "modified", "pages", "words"):
            meta.setdefault(key, getattr(doc.meta, key, None))
    path = relative_path(result.path, cwd)
    if doc is not None:
        meta.setdefault("pages_estimated", doc.meta.pages_estimated)
    if meta.get("pages") and meta.get("pages_estimated"):  # counted from a .docx's page breaks
        meta["pages"] = f"about {meta['pages']} (estimated from page breaks)"
    # A .docx with no page breaks saved has no page count: the field is left out, never "1".
    shown = {"author": known, "modified": as_date, "created": as_date, "pages": known, "words": known}
    facts = [(label, one_line(shown[key](meta[key]))) for key, label in
             (("author", "Author"), ("modified", "Last modified"), ("created", "Created"),
              ("pages", "Pages"), ("words", "Words")) if known(meta.get(key))]
    if meta.get("created") and as_date(meta.get("created")) == as_date(meta.get("modified")):
        facts = [fact for fact in facts if fact[0] != "Created"]  # one date said once
    engagement = known(engagement_label(meta.get("engagement")))  # "unknown" is noise, not a fact
    if engagement:
        facts.insert(0, ("Engagement", engagement))
    view = DocumentView(prefix, result, path, one_line(meta.get("title")) or Path(path).name, facts, engagement,
                        words=meta.get("words") if isinstance(meta.get("words"), int) else None)
    text = doc.text if doc is not None else None
    templates = templates or {}

    def card(number: int, f: Finding, suppression: Any = None) -> FindingView:
        label, clause = suggestion(f, templates.get(f.rule)) if f.suggestion else ("", "")
        return FindingView(number, f"{prefix}f{number}", f"{prefix}m{number}", f, suppression=suppression,
                           quote=quote(f, text), suggestion_label=label, suggestion_text=clause)

    number = 0
    for category, findings in category_order(result.findings):
        items = []
        for f in findings:
            number += 1
            items.append(card(number, f))
        _merge_per_sentence(items, text)
        view.groups.append((category_title(category), category, items))
    for s in result.suppressed:
        number += 1
        view.suppressed.append(card(number, s.finding, s))
    active = [fv for _, _, items in view.groups for fv in items]
    view.questions = list(by_question(active, lambda fv: fv.finding.question).items())
    view.warnings = list(dict.fromkeys([*result.warnings, *(doc.warnings if doc else [])]))
    if doc is not None and with_body:
        view.body = _body(doc, active, prefix)
    return view


def _merge_per_sentence(items: list[FindingView], text: str | None) -> None:
    """One card per rule per sentence: a second finding of the rule in the sentence joins the first's card."""
    first: dict[tuple, FindingView] = {}
    for fv in items:
        key = sentence_key(fv.finding, text)
        if key is None:
            continue
        lead = first.setdefault((fv.finding.rule, key), fv)
        if lead is not fv:
            fv.merged_into, fv.anchor = lead, lead.anchor  # its links and highlight tags lead to that card
            lead.also.append(fv)
    for lead in first.values():
        if lead.also:
            lead.quote = quote_group([lead.finding, *(o.finding for o in lead.also)], text)


def _body(doc: Document, findings: list[FindingView], prefix: str) -> list[dict[str, Any]]:
    """The document section by section, each text piece cut into highlighted segments."""
    spans = sorted((Span(fv.finding.location.start, fv.finding.location.end, fv)
                    for fv in findings if has_span(fv.finding.location)), key=lambda s: (s.start, -s.end))
    text = doc.text
    starts = [s.start for s in spans]
    longest = max((s.end - s.start for s in spans), default=0)
    placed: set[str] = set()
    last_seen: dict[int, Segment] = {}  # finding number -> the last segment it covers

    def cut(start: int, end: int) -> list[Segment]:
        # Only spans starting within ``longest`` before the piece can reach into it.
        nearby = spans[bisect_left(starts, start - longest):bisect_left(starts, end)]
        out = _segments(text, start, end, nearby, placed)
        for seg in out:
            for mark in seg.marks:
                last_seen[mark["number"]] = seg
        return out

    sections = []
    last_page = [None]  # the page of the last block shown: a marker appears where it changes
    covered = min([s.start for s in doc.walk() if s.level] + [b.start for b in doc.blocks()], default=len(text))
    if covered > 0 and text[:covered].strip() and "\n" not in text[:covered].rstrip("\n"):
        # The builder lifts a lone title heading into metadata; keep its line visible and highlightable.
        sections.append({"id": f"{prefix}s0", "level": 1, "heading": cut(0, len(text[:covered].rstrip("\n"))),
                         "page_break": None, "blocks": []})
    for index, section in enumerate(doc.walk(), 1):
        heading = cut(section.start, section.end) if section.level else None
        page_break = None
        if heading and section.page and section.page != last_page[0]:
            page_break = section.page if last_page[0] is not None else None
            last_page[0] = section.page
        sections.append({"id": f"{prefix}s{index}", "level": max(1, section.level), "heading": heading,
                         "page_break": page_break, "blocks": _blocks(section, cut, last_page)})
    for fv in findings:
        fv.highlighted = fv.mark in placed
        if fv.number in last_seen:
            last_seen[fv.number].refs.append(fv)
    return [s for s in sections if s["heading"] or s["blocks"]]


def _segments(text: str, start: int, end: int, spans: list[Span], placed: set[str]) -> list[Segment]:
    """Cut ``text[start:end]`` at every finding boundary inside it; each run lists the findings over it.

    Overlapping findings become nested marks; a finding's ``id`` goes on the first run it covers,
    so every id exists once however the spans overlap or cross block boundaries.
    """
    hits = [s for s in spans if s.start < end and s.end > start]
    if not hits:
        return [Segment(text[start:end], [])]
    inside = [min(max(edge, start), end) for s in hits for edge in (s.start, s.end)]
    cuts = sorted({start, end, *inside})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        marks = []
        for s in hits:  # sorted by (start, -end): outer spans first, so they wrap the inner ones
            if s.start < b and s.end > a:
                mark = {"id": None, "severity": s.view.finding.severity, "number": s.view.number}
                if s.view.mark not in placed:
                    placed.add(s.view.mark)
                    mark["id"] = s.view.mark
                marks.append(mark)
        out.append(Segment(text[a:b], marks))
    return out


def _blocks(section: Section, cut: Callable[[int, int], list[Segment]], last_page: list) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for block in section.blocks:
        if block.page and block.page != last_page[0]:
            if last_page[0] is not None:
                out.append({"kind": "page", "page": block.page})
            last_page[0] = block.page
        if block.kind == "list_item":
            if not out or out[-1]["kind"] != "list":
                out.append({"kind": "list", "items": []})
            out[-1]["items"].append({"level": min(block.level, 4), "segments": cut(block.start, block.end)})
        elif block.kind == "table" and block.rows:
            rows = [[cut(c.start, c.end) for c in row] for row in block.rows]
            width = max(len(r) for r in rows)
            rows = [r + [[] for _ in range(width - len(r))] for r in rows]
            out.append({"kind": "table", "head": rows[0] if len(rows) > 1 else None,
                        "rows": rows[1:] if len(rows) > 1 else rows,
                        "caption": f"Table in {section.heading or 'the opening text'}"})
        else:
            out.append({"kind": "paragraph", "segments": cut(block.start, block.end)})
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:60] or "document"
