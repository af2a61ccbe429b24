"""Terminal output: one line per finding, grouped per file, and a summary line (colour only on a terminal)."""

from __future__ import annotations

from ..findings.finding import Finding, evidence_parts
from ..findings.report import Report
from .common import page_label, plural, safe_text  # document text must not carry terminal escapes or bidi overrides

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, colour: bool, **kw) -> str:
    if not colour:
        return text
    import click

    return click.style(text, **kw)


def where(f: Finding) -> str:
    loc = f.location
    parts = []
    if loc.section:
        parts.append(loc.section[-1])
    if loc.row is not None:
        parts.append(f"table row {loc.row + 1} col {loc.col + 1}")
    elif loc.line is not None:
        parts.append(f"line {loc.line}")
    if loc.page:
        parts.append(f"p.{page_label(loc)}")  # "p.~3": estimated from a .docx's page breaks
    return " › ".join(parts) if parts else "document"


def _evidence(f: Finding, colour: bool) -> str:
    """The quoted clause, dimmed, with the words that matched in bold on a terminal."""
    before, matched, after = evidence_parts(f)
    if not colour or not matched:
        return _style(f'    "{safe_text(f.evidence)}"', colour, dim=True)
    return (_style(f'    "{safe_text(before)}', colour, dim=True)
            + _style(safe_text(matched), colour, bold=True, underline=True)
            + _style(f'{safe_text(after)}"', colour, dim=True))


def render(report: Report, color: bool = False, **_options) -> str:
    out: list[str] = []
    for doc in report.documents:
        if doc.error:
            continue  # said once, on stderr, where the command reports unreadable files; counted below
        waived = [w for w in doc.suppressed if w.kind == "waiver"]
        if not doc.findings and not doc.warnings and not waived:
            continue
        out.append(_style(safe_text(doc.path), color, bold=True))
        for warning in doc.warnings:
            out.append(f"{safe_text(doc.path)}: {_style('reader', color, fg='magenta')} {safe_text(warning)}")
        for f in doc.findings:
            sev = _style(f.severity, color, fg=_COLOURS[f.severity], bold=f.severity == "error")
            rule = _style(f.rule, color, dim=True)
            out.append(f"{safe_text(doc.path)}:{safe_text(where(f))}: {sev} {rule} {safe_text(f.message)}")
            if f.evidence:
                out.append(_evidence(f, color))
        for w in waived:  # accepted with a reason: listed, so a waiver never hides a finding silently
            reason = safe_text(w.reason) + (f" ({safe_text(w.owner)})" if w.owner else "")
            out.append(f"{safe_text(doc.path)}:{safe_text(where(w.finding))}: {_style('waived', color, dim=True)} "
                       f"{w.finding.rule} {safe_text(w.finding.message)} — {reason}")
        out.append("")
    for notice in report.notices:
        out.append(f"notice: {notice}")
    s = report.summary
    sev = s["by_severity"]
    summary = (f"{plural(s['findings'], 'finding')} in {plural(s['documents'], 'document')}: "
               f"{plural(sev['error'], 'error')}, {plural(sev['warning'], 'warning')}, {sev['info']} info")
    if s["unreadable"]:
        summary += f"; {s['unreadable']} could not be read"
    if s["suppressed"]:
        summary += f"; {s['suppressed']} suppressed"
    out.append(_style(summary, color, bold=True))
    return "\n".join(out) + "\n"
