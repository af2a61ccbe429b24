"""Baselines (accept today's findings, fail only on new ones) and waivers (accepted with a reason).

Waivers come from a waiver file, or from the document itself: a Word comment or reply reading
``sowlint: waive RULE - reason`` on a finding (a .docx has no ``# noqa``) waives that finding.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

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
    _line: int = PrivateAttr(1)  # where it is written, for errors


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
    """Version 2: each entry is a finding's fingerprint *in one document*, the path relative to the
    baseline file, so a baseline made from one SOW never hides the same wording in another."""
    entries = {
        f"{_baseline_path(d.path, target)}::{f.fingerprint}":
            {"path": _baseline_path(d.path, target), "fingerprint": f.fingerprint, "rule": f.rule,
             "message": f.message}
        for d in report.documents for f in d.findings
    }
    target.write_text(json.dumps({"version": BASELINE_VERSION, "tool": "sowlint", "findings": entries}, indent=2,
                                 sort_keys=True) + "\n", encoding="utf-8")
    return len(entries)


BASELINE_VERSION = 2


def _baseline_path(document: str, baseline: Path) -> str:
    """The document's path relative to the baseline's folder, so the pair can move together."""
    resolved = Path(document).resolve()
    try:
        return Path(os.path.relpath(resolved, baseline.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return resolved.as_posix()


def _read_baseline(path: Path) -> tuple[set[str], bool]:
    """(entry keys, keyed on path?): version 1 files hold bare fingerprints and match any document."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        findings = data["findings"]
        if not isinstance(findings, dict):
            raise TypeError("findings")
        return set(findings), data.get("version", 1) >= 2
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
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
        line = lines.get(("waivers", i) if isinstance(data, dict) else (i,), 1)
        try:
            waiver = Waiver.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise ConfigError(f"{path}:{line}: waiver {i + 1}: {key}: {err['msg']}") from None
        waiver._line = line
        out.append(waiver)
    return out


def apply_suppressions(report: Report, settings, today: dt.date | None = None,
                       known_rules: set[str] | None = None) -> None:
    """Move baselined and waived findings out of `findings` into `suppressed`; note stale waivers.

    ``known_rules`` (every rule id of the packs, selected or not): a waiver naming none of them is a
    typo that would silently waive nothing, so it is an error.
    """
    today = today or dt.date.today()
    baseline_file = Path(settings.baseline) if settings.baseline else None
    baseline, by_path = _read_baseline(baseline_file) if baseline_file else (set(), True)
    waivers = _read_waivers(Path(settings.waivers)) if settings.waivers else []
    if known_rules is not None:
        _check_waiver_rules(waivers, Path(settings.waivers) if settings.waivers else None, known_rules)
    if baseline_file and not by_path:
        report.notices.append(f"baseline {baseline_file} is version 1 (fingerprints without paths): it matches "
                              f"the same finding in any document; run `sowlint baseline` again to key it on paths")
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
        prefix = f"{_baseline_path(doc.path, baseline_file)}::" if baseline_file and by_path else ""
        for f in doc.findings:
            waiver_index = _matching_waiver(waivers, f, doc.path, today)
            if f.fingerprint in by_comment:
                cw = by_comment[f.fingerprint]
                doc.suppressed.append(Suppressed(f, "waiver", f"{cw.reason} (Word comment)", cw.author))
            elif waiver_index is not None:
                used.add(waiver_index)
                w = waivers[waiver_index]
                doc.suppressed.append(Suppressed(f, "waiver", w.reason, w.owner))
            elif prefix + f.fingerprint in baseline:
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


def _check_waiver_rules(waivers: list[Waiver], path: Path | None, known: set[str]) -> None:
    from difflib import get_close_matches

    for i, w in enumerate(waivers):
        if w.rule not in known:
            near = get_close_matches(w.rule, sorted(known), n=1, cutoff=0.6)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise ConfigError(f"{path}:{w._line}: waiver {i + 1}: no rule '{w.rule}'{hint}")


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
