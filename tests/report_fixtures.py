"""Hand-built Reports for the reporter tests: Markdown read by the real reader, findings on real spans."""

from __future__ import annotations

from sowlint.document import Document
from sowlint.findings import Finding, Location
from sowlint.findings.report import DocumentResult, Report, RuleInfo, Suppressed
from sowlint.readers.text import read_markdown_string

SOW = """\
# Statement of Work: Data Platform Migration

Prepared for Acme Corp by Northwind Consulting.

## 1. Scope

Northwind will migrate the customer data warehouse and provide unlimited support during hypercare.

- Migrate 40 source tables
- Rebuild the nightly ETL jobs
- Train client staff as needed

## 2. Timeline

| Phase | Duration | Start |
|---|---|---|
| Discovery | 1 week | Day 1 |
| Migration | 2 weeks | Week 2 |

Production access must be available on day one.

## 3. Assumptions

The client will provide timely feedback on all deliverables.

## 4. Pricing

Fixed fee of $120,000, payment schedule TBD.
"""

RULES = [
    RuleInfo("soft-promise-unbounded", "soft-promise", "error", "Unbounded commitment",
             description="Commitments such as 'unlimited' or 'as needed' have no cap.",
             rationale="An uncapped promise becomes unpaid work once the budget is spent.",
             question="What cap (hours, tickets, weeks) applies to this commitment?",
             suggestion="Support during hypercare is limited to 40 hours over 2 weeks.",
             tags=("scope",), references=("https://example.invalid/rules/soft-promise",)),
    RuleInfo("missing-exclusions", "exclusions", "error", "No exclusions section",
             rationale="Without exclusions the client can read anything into the scope.",
             question="What is explicitly out of scope?",
             suggestion="Out of scope: data cleansing, new reports, third-party licences."),
    RuleInfo("day-one-access", "day-one-dependency", "error", "Day-one dependency on client access",
             rationale="Access requests often take weeks; the first sprint stalls.",
             question="Who grants production access, and by which date?"),
    RuleInfo("short-phase", "timeline", "warning", "Phase shorter than comparable work",
             rationale="Two weeks for a warehouse migration leaves no room for defects."),
    RuleInfo("vague-client-input", "client-inputs", "warning", "Client input without a deadline",
             question="How many business days does the client have to review a deliverable?"),
    RuleInfo("placeholder", "placeholder", "info", "Placeholder left in the text"),
    RuleInfo("unnamed-trainer", "staffing", "info", "Training without a named audience size"),
]
_RULES = {r.id: r for r in RULES}


def locate(doc: Document, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """The span of the ``occurrence``-th ``phrase`` in the rendition (fails loudly when absent)."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    return start, start + len(phrase)


def finding(doc: Document, rule: str, phrase: str | None, message: str | None = None, **extra) -> Finding:
    """A finding as the engine would make it: on ``phrase``'s span, or whole-document when None."""
    info = _RULES.get(rule) or RuleInfo(rule, extra.pop("category", "structure"), extra.pop("severity", "warning"),
                                        message or rule)
    if phrase is None:
        location = Location()
        evidence = ""
    else:
        start, end = locate(doc, phrase)
        section = doc.section_at(start)
        block = next((b for b in doc.blocks() if b.start <= start < b.end), None)
        location = Location(section=section.path, role=section.role, block=block.index if block else None,
                            page=block.page if block else None, start=start, end=end,
                            line=doc.line_of(start), column=doc.column_of(start))
        evidence = extra.pop("evidence", doc.text[start:end])
    return Finding(rule=rule, category=info.category, severity=extra.pop("severity", info.severity),
                   message=message or info.message, evidence=evidence, location=location,
                   rationale=info.rationale, question=info.question, suggestion=info.suggestion,
                   tags=info.tags, **extra)


def sample_result(path: str = "proposals/acme-migration.md") -> DocumentResult:
    doc = read_markdown_string(SOW, path)
    findings = [
        finding(doc, "soft-promise-unbounded", "unlimited support"),
        finding(doc, "soft-promise-unbounded", "unlimited support during hypercare", severity="info",
                message="Hypercare has no end date"),  # overlaps the finding above
        finding(doc, "missing-exclusions", None),
        finding(doc, "day-one-access", "Production access must be available on day one"),
        finding(doc, "short-phase", "2 weeks"),
        finding(doc, "vague-client-input", "timely feedback"),
        finding(doc, "placeholder", "TBD"),
        finding(doc, "soft-promise-unbounded", "as needed", severity="warning",
                message="Open-ended commitment: 'as needed'"),
    ]
    waived = Suppressed(finding(doc, "unnamed-trainer", "Train client staff"), "waiver",
                        reason="Training scope agreed in the MSA", owner="j.doe")
    return DocumentResult(path=path, format="md", findings=findings, suppressed=[waived],
                          warnings=["2 images were skipped (no text layer)"],
                          meta={"title": "Data Platform Migration", "engagement": "migration",
                                "author": "Northwind Consulting", "modified": "2026-11-20"},
                          document=doc)


def sample_report() -> Report:
    return Report([sample_result()], rules=list(RULES))


def unreadable_result(path: str = "proposals/broken.docx") -> DocumentResult:
    return DocumentResult(path=path, format="docx", error=f"{path}: the file is not a valid .docx (bad zip)")


def multi_report() -> Report:
    second = sample_result("proposals/beta-rollout.md")
    second.findings = second.findings[2:4]
    return Report([sample_result(), second, unreadable_result()], rules=list(RULES),
                  notices=["waiver W-7 expired on 2026-10-01"])


# -- hostile input ----------------------------------------------------------------------------
SCRIPT = "<script>document.title='PWNED'</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
PAYLOADS = (SCRIPT, IMG)

HOSTILE_SOW = f"""\
# Scope {SCRIPT}

The supplier delivers {IMG} the portal and {SCRIPT} unlimited support.

| Item {IMG} | Owner |
|---|---|
| Portal {SCRIPT} | Client |

Bidi trick: \u202eevil\u202c text.
"""


def hostile_report() -> Report:
    path = f"proposals/{IMG}.md"
    doc = read_markdown_string(HOSTILE_SOW, path)
    findings = [
        finding(doc, "soft-promise-unbounded", "unlimited support", message=f"Unbounded {SCRIPT}"),
        finding(doc, "soft-promise-unbounded", IMG, message="Image tag in text"),
        finding(doc, "day-one-access", f"Portal {SCRIPT}", message=f"Cell {IMG}"),
        finding(doc, "missing-exclusions", None, message=f"Whole document {IMG}"),
    ]
    result = DocumentResult(path=path, format="md", findings=findings, warnings=[f"warning {SCRIPT}"],
                            meta={"title": f"Title {SCRIPT}", "engagement": IMG}, document=doc)
    return Report([result], rules=list(RULES), notices=[f"notice {IMG}"])
