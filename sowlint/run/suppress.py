"""Baselines (accept today's findings, fail only on new ones) and waivers (accepted with a reason)."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
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
        kept = []
        for f in doc.findings:
            waiver_index = _matching_waiver(waivers, f, doc.path, today)
            if waiver_index is not None:
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
