"""The rules of the --notes check, described like a pack's rules: --select/--ignore, `sowlint rules`,
`sowlint explain` and the reports know them without loading the notes machinery."""

from __future__ import annotations

from ..findings.report import RuleInfo

RULE_OF = {  # outcome -> the rule its finding belongs to (NOTE_RULES below has their severities)
    "unaddressed": "unaddressed-verbal-commitment",
    "contradicted": "contradicted-verbal-commitment",
    "included": "verbal-commitment-resolved",
    "excluded": "verbal-commitment-resolved",
}
RATIONALE = ("What sales said or implied becomes what the client expects. A commitment the SOW neither "
             "writes in nor excludes is argued about at kick-off, and delivery usually loses.")
QUESTION = {
    "unaddressed": "Was this promised? If yes, where is it in scope and in the price; if not, will you tell the client?",
    "contradicted": "The notes and the SOW disagree: which one did the client hear last, and who corrects the other?",
    "included": "None: the SOW covers this commitment.",
    "excluded": "Does the client know this is excluded? Sales notes suggest they expect it.",
}
SUGGESTION = {
    "unaddressed": "Write it into scope with its bounds, or add it to the exclusions: \"... is not included in this SOW\".",
    "contradicted": "Align the SOW and the client's expectation in writing before sending, e.g. state the agreed number, date or format.",
    "included": "",
    "excluded": "Confirm the exclusion with the client in the cover email, not only in the SOW.",
}
TAGS = ("handoff", "notes")
NOTE_RULES = (
    RuleInfo("unaddressed-verbal-commitment", "soft-promise", "warning",
             "A commitment in the handoff notes that the SOW neither includes nor excludes",
             "With --notes: each commitment in the sales handoff notes (a promise, a quantity, a date, a "
             "format) is looked for in the SOW's contractual sections and exclusions; this fires when "
             "neither addresses it.", RATIONALE, QUESTION["unaddressed"], SUGGESTION["unaddressed"], TAGS),
    RuleInfo("contradicted-verbal-commitment", "soft-promise", "error",
             "A commitment in the handoff notes that the SOW contradicts",
             "With --notes: fires when the SOW gives a later date, another count, frequency, format or "
             "price model, a longer duration, or makes the client responsible for what the notes promise.",
             RATIONALE, QUESTION["contradicted"], SUGGESTION["contradicted"], TAGS),
    RuleInfo("verbal-commitment-resolved", "soft-promise", "info",
             "A commitment in the handoff notes that the SOW includes or excludes",
             "With --notes: lists the commitments the SOW already covers or excludes, quoting the passage, "
             "so the reviewer sees the whole list.", RATIONALE, QUESTION["excluded"], SUGGESTION["excluded"],
             TAGS),
)
SEVERITY = {r.id: r.severity for r in NOTE_RULES}
