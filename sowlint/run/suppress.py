"""Baselines (accept today's findings, fail only on new ones) and waivers (accepted with a reason).

Waivers come from a waiver file, or from the document itself: a Word comment or reply reading
``sowlint: waive RULE - reason`` on a finding (a .docx has no ``# noqa``) waives that finding.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import ConfigError
from ..findings.report import Report, Suppressed


class Waiver(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str
    reason: str
    owner: str
    fingerprint: str | None = None
    path: str | None = None  # glob on the document path
    expires: dt.date | None = None


_WAIVE = re.compile(r"\bsowlint:\s*waive\s+([a-z0-9][a-z0-9_.-]*)\s*(?:[-\u2013\u2014:]+\s*(.*))?", re.I)


@dataclass(frozen=True)
class CommentWaiver:
    """A ``sowlint: waive RULE - reason`` comment, with the rendition span it is anchored on."""

    rule: str
    reason: str
    author: str
    start: int | None
    end: int | None


def comment_waivers(doc) -> list[CommentWaiver]:
    """The waiver lines in a document's reviewer comments (one comment may hold several)."""
    out = []
    for note in doc.annotations:
        for match in _WAIVE.finditer(note.text):
            reason = (match.group(2) or "").strip() or "waived in a Word comment"
            out.append(CommentWaiver(match.group(1).lower().rstrip("."), reason, note.author or "unknown",
                                     note.start, note.end))
    return out


def _waived_by_comment(waiver: CommentWaiver, findings) -> list:
    """The findings a waiver comment is on: its rule's findings its anchor overlaps, else its absence findings."""
    same_rule = [f for f in findings if f.rule == waiver.rule]
    spanned = [f for f in same_rule if _span_of(f)]
    if waiver.start is not None:
        on = [f for f in spanned if _span_of(f)[0] < waiver.end and _span_of(f)[1] > waiver.start]
        if on:
            return on
    return [f for f in same_rule if not _span_of(f)]  # absences: their comment sits on a heading


def _span_of(finding) -> tuple[int, int] | None:
    start, end = finding.location.start, finding.location.end
    return (start, end) if start is not None and end is not None and end > start else None


def write_baseline(report: Report, target: Path) -> int:
    entries = {
        f.fingerprint: {"rule": f.rule, "path": d.path, "message": f.message}
        for d in report.documents for f in d.findings
    }
    target.write_text(json.dumps({"version": 1, "tool": "sowlint", "findings": entries}, indent=2,
                                 sort_keys=True) + "\n", encoding="utf-8")
    return len(entries)


def _read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return set(data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a sowlint baseline ({exc.__class__.__name__})") from None


def _read_waivers(path: Path) -> list[Waiver]:
    from ..engine.rulepack.yamlsafe import load_with_lines

    try:
        data, lines = load_with_lines(path.read_text(encoding="utf-8"), str(path))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read waivers ({exc.strerror})") from None
    items = (data or {}).get("waivers") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(f"{path}:1: expected a list of waivers (or a 'waivers:' key holding one)")
    out = []
    for i, item in enumerate(items):
        try:
            out.append(Waiver.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            line = lines.get(("waivers", i) if isinstance(data, dict) else (i,), 1)
            raise ConfigError(f"{path}:{line}: waiver {i + 1}: {key}: {err['msg']}") from None
    return out


def apply_suppressions(report: Report, settings, today: dt.date | None = None) -> None:
    """Move baselined and waived findings out of `findings` into `suppressed`; note stale waivers."""
    today = today or dt.date.today()
    baseline = _read_baseline(Path(settings.baseline)) if settings.baseline else set()
    waivers = _read_waivers(Path(settings.waivers)) if settings.waivers else []
    used: set[int] = set()
    for doc in report.documents:
        by_comment: dict[str, CommentWaiver] = {}
        for cw in doc.comment_waivers:
            hits = _waived_by_comment(cw, doc.findings)
            by_comment.update((f.fingerprint, cw) for f in hits)
            if not hits:
                report.notices.append(f"unused waiver comment for '{cw.rule}' by {cw.author} in {doc.path}: "
                                      "it is on no finding of that rule")
        kept = []
        for f in doc.findings:
            waiver_index = _matching_waiver(waivers, f, doc.path, today)
            if f.fingerprint in by_comment:
                cw = by_comment[f.fingerprint]
                doc.suppressed.append(Suppressed(f, "waiver", f"{cw.reason} (Word comment)", cw.author))
            elif waiver_index is not None:
                used.add(waiver_index)
                w = waivers[waiver_index]
                doc.suppressed.append(Suppressed(f, "waiver", w.reason, w.owner))
            elif f.fingerprint in baseline:
                doc.suppressed.append(Suppressed(f, "baseline", "present in the baseline"))
            else:
                kept.append(f)
        doc.findings = kept
    for i, w in enumerate(waivers):
        label = f"waiver for '{w.rule}'" + (f" on {w.path}" if w.path else "") + f" (owner {w.owner})"
        if w.expires and w.expires < today:
            report.notices.append(f"expired {label}: expired on {w.expires.isoformat()}")
        elif i not in used:
            report.notices.append(f"unused {label}: it matches no finding")


def _matching_waiver(waivers: list[Waiver], finding, path: str, today: dt.date) -> int | None:
    for i, w in enumerate(waivers):
        if w.rule != finding.rule or (w.expires and w.expires < today):
            continue
        if w.fingerprint and w.fingerprint != finding.fingerprint:
            continue
        if w.path and not (fnmatch.fnmatch(path, w.path) or fnmatch.fnmatch(Path(path).name, w.path)):
            continue
        return i
    return None
