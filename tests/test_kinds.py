"""Each rule kind fires where it should and stays quiet where it should not."""

from __future__ import annotations

import pytest

MIGRATION = {"if": {"phrases": ["data migration"]}, "then": {"regex": [r"\d[\d,]*\s*records"]}}


def evidence(found) -> list[str]:
    return [f.evidence for f in found]


# -- phrase ---------------------------------------------------------------------------------------


def test_phrase_lower_matches_the_words_as_written(make_rule, findings):
    rule = make_rule("unbounded", "phrase", {"phrases": ["unlimited revisions", "as needed"]})
    found = findings(rule, """
        ## Scope
        We offer Unlimited Revisions. We give support as needed.
    """)
    assert evidence(found) == ["Unlimited Revisions", "as needed"]
    assert findings(rule, "## Scope\nWe offer two revisions and support on request.") == []


def test_phrase_lower_does_not_fold_inflections(make_rule, findings):
    rule = make_rule("revision", "phrase", {"phrases": ["revision"]})
    assert evidence(findings(rule, "## Scope\nOne revision is included.")) == ["revision"]
    assert findings(rule, "## Scope\nTwo revisions are included.") == []


def test_phrase_lemma_folds_inflections(make_rule, findings):
    rule = make_rule("revision", "phrase", {"phrases": ["unlimited revision"], "attr": "LEMMA"})
    assert evidence(findings(rule, "## Scope\nUnlimited revisions are offered.")) == ["Unlimited revisions"]
    assert evidence(findings(rule, "## Scope\nAn unlimited revision is offered.")) == ["unlimited revision"]
    assert findings(rule, "## Scope\nLimited revisions are offered.") == []


def test_phrase_regex(make_rule, findings):
    rule = make_rule("dollar-tbd", "phrase", {"regex": [r"\$\s*TBD"]})
    assert evidence(findings(rule, "## Fees\nThe fee is $ TBD.")) == ["$ TBD"]
    assert findings(rule, "## Fees\nThe fee is $40,000.") == []


def test_phrase_message_quotes_the_match(make_rule, findings):
    rule = make_rule("unbounded", "phrase", {"phrases": ["as needed"]}, message="Unbounded: '{match}'")
    [finding] = findings(rule, "## Scope\nSupport As Needed.")
    assert finding.message == "Unbounded: 'As Needed'"


def test_phrase_max_findings(make_rule, findings):
    rule = make_rule("unbounded", "phrase", {"phrases": ["as needed"], "max_findings": 1})
    assert len(findings(rule, "## Scope\nSupport as needed.\n\nTraining as needed.")) == 1


# -- negation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("negation", "plain", "negated"), [
    ("skip", 1, 0),  # the default: "will not be provided" is not "will be provided"
    ("only", 0, 1),
    ("ignore", 1, 1),
])
def test_negation_modes(make_rule, findings, negation, plain, negated):
    rule = make_rule("provided", "phrase", {"phrases": ["be provided"], "negation": negation})
    assert len(findings(rule, "## Scope\nTraining will be provided.")) == plain
    assert len(findings(rule, "## Scope\nTraining will not be provided.")) == negated


@pytest.mark.parametrize("sentence", [
    "Unlimited revisions are not included.",
    "We do not offer unlimited revisions.",
    "Unlimited revisions are excluded.",
    "Unlimited revisions are out of scope.",
    "No unlimited revisions.",
])
def test_negated_phrase_is_skipped(make_rule, findings, sentence):
    rule = make_rule("unbounded", "phrase", {"phrases": ["unlimited revisions"]})
    assert findings(rule, f"## Scope\n{sentence}") == []


@pytest.mark.parametrize("sentence", [
    "Unlimited revisions are included.",
    "No travel, but unlimited revisions.",  # the negation stops at "but"
    "We will not charge extra; unlimited revisions apply.",  # ... and at ";"
])
def test_negation_has_a_limited_reach(make_rule, findings, sentence):
    rule = make_rule("unbounded", "phrase", {"phrases": ["unlimited revisions"]})
    assert evidence(findings(rule, f"## Scope\n{sentence}")) != []


# -- unless ---------------------------------------------------------------------------------------


def test_unless_clears_a_match_in_the_same_sentence(make_rule, findings):
    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"], "unless": {"regex": [r"up to \d+"]}})
    assert findings(rule, "## Scope\nSupport as needed, up to 10 hours per month.") == []
    assert evidence(findings(rule, "## Scope\nSupport as needed.")) == ["as needed"]
    # The cap is in another sentence: the default scope is the sentence, so it does not clear.
    assert evidence(findings(rule, "## Scope\nSupport as needed. It is up to 10 hours.")) == ["as needed"]


def test_unless_clears_a_match_in_the_same_section(make_rule, findings):
    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"], "unless": {"regex": [r"up to \d+"]},
                                             "unless_scope": "section"})
    assert findings(rule, "## Support\nSupport as needed.\n\nThis is up to 10 hours.") == []
    found = findings(rule, "## Support\nSupport as needed.\n\n## Fees\nThe fee covers up to 10 hours.")
    assert evidence(found) == ["as needed"]


def test_unless_document_scope_clears_everything(make_rule, findings):
    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"], "unless": {"phrases": ["hour cap"]},
                                             "unless_scope": "document"})
    assert findings(rule, "## Support\nSupport as needed.\n\n## Fees\nAn hour cap applies.") == []
    assert len(findings(rule, "## Support\nSupport as needed.\n\n## Fees\nNo cap applies.")) == 1


def test_unless_limited_to_roles(make_rule, findings):
    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"], "unless_scope": "document",
                                             "unless": {"phrases": ["capped"], "roles": ["assumptions"]}})
    assert findings(rule, "## Support\nSupport as needed.\n\n## Assumptions\nSupport is capped.") == []
    assert len(findings(rule, "## Support\nSupport as needed.\n\n## Background\nSupport is capped.")) == 1


# -- owner ----------------------------------------------------------------------------------------


def test_owner_client(make_rule, findings):
    rule = make_rule("client-access", "phrase", {"phrases": ["provide access"], "owner": "client"})
    assert len(findings(rule, "## Scope\nThe Client will provide access to the servers.")) == 1
    assert findings(rule, "## Scope\nThe Contractor will provide access to the servers.") == []


def test_owner_provider(make_rule, findings):
    rule = make_rule("provider-access", "phrase", {"phrases": ["provide access"], "owner": "provider"})
    assert findings(rule, "## Scope\nThe Client will provide access to the servers.") == []
    assert len(findings(rule, "## Scope\nThe Contractor will provide access to the servers.")) == 1


# -- scope ----------------------------------------------------------------------------------------


def test_scope_roles_and_not_roles(make_rule, findings):
    text = "## Scope\nSupport as needed.\n\n## Out of Scope\nTraining as needed."
    only_scope = make_rule("in-scope", "phrase", {"phrases": ["as needed"]}, scope={"roles": ["scope"]})
    [finding] = findings(only_scope, text)
    assert finding.location.role == "scope" and finding.location.section == ("Scope",)
    not_excl = make_rule("not-excl", "phrase", {"phrases": ["as needed"]}, scope={"not_roles": ["exclusions"]})
    assert [f.location.role for f in findings(not_excl, text)] == ["scope"]


def test_scope_blocks(make_rule, findings):
    text = "## Support as needed\nHelp as needed.\n\n- Training as needed"
    items = make_rule("items", "phrase", {"phrases": ["as needed"]}, scope={"blocks": ["list_item"]})
    assert [f.location.line for f in findings(items, text)] == [3]
    heads = make_rule("heads", "phrase", {"phrases": ["as needed"]}, scope={"blocks": ["heading"]})
    assert [f.location.line for f in findings(heads, text)] == [1]


# -- token-pattern --------------------------------------------------------------------------------


def test_token_pattern(make_rule, findings):
    rule = make_rule("reports", "token-pattern", {
        "patterns": [[{"LOWER": {"IN": ["weekly", "monthly"]}}, {"LEMMA": {"IN": ["report", "update"]}}]]})
    assert evidence(findings(rule, "## Reporting\nWe send weekly reports. We give monthly updates.")) == [
        "weekly reports", "monthly updates"]
    assert findings(rule, "## Reporting\nWe send reports every week.") == []


def test_one_finding_per_rule_per_sentence(make_rule, findings):
    rule = make_rule("reports", "token-pattern", {
        "patterns": [[{"LOWER": {"IN": ["weekly", "monthly"]}}, {"LEMMA": {"IN": ["report", "update"]}}]]})
    [f] = findings(rule, "## Reporting\nWe send weekly reports and monthly updates. Monthly reports too.")[:1]
    # the sentence's second match widens the one finding to quote both; the mark stays on the first
    assert f.evidence == "weekly reports and monthly updates"
    assert f.evidence[f.span[0]:f.span[1]] == "weekly reports"
    assert evidence(findings(rule, "## Reporting\nWe send weekly reports and monthly updates. Monthly reports too.")) \
        == ["weekly reports and monthly updates", "Monthly reports"]


def test_rules_of_a_group_speak_once_per_flagged_text(make_rule, md):
    from sowlint.engine.runner import run_rules

    common = {"group": "soft-promise"}
    broad = make_rule("broad", "phrase", {"regex": [r"\brevisions\b", r"\bsupport\b"], "clause": True}, **common)
    narrow = make_rule("narrow", "phrase", {"regex": [r"\bunlimited\b"], "clause": True}, severity="error", **common)
    found = run_rules(md("## Scope\nEvery design has unlimited revisions; support is by email."), [broad, narrow])
    # the first clause is flagged by both: the more severe rule speaks for it; the second clause,
    # flagged by the other rule only, keeps its own finding
    assert sorted((f.rule, f.evidence) for f in found) == [
        ("broad", "support is by email"), ("narrow", "Every design has unlimited revisions")]


def test_clause_evidence_marks_the_matched_words(make_rule, findings):
    rule = make_rule("vague", "phrase", {"regex": [r"\buser-friendly\b"], "clause": True})
    [f] = findings(rule, "## Scope\nWe will deliver a   modern, user-friendly booking site; hosting is extra.")
    assert f.evidence == "We will deliver a modern, user-friendly booking site"
    assert f.evidence[f.span[0]:f.span[1]] == "user-friendly"
    assert f.to_dict()["span"] == list(f.span)


def test_token_pattern_respects_negation_and_owner(make_rule, findings):
    rule = make_rule("client-provides", "token-pattern", {
        "patterns": [[{"LEMMA": "provide"}, {"LOWER": "the"}, {"LOWER": "data"}]], "owner": "client"})
    assert len(findings(rule, "## Scope\nThe Client shall provide the data.")) == 1
    assert findings(rule, "## Scope\nThe Contractor shall provide the data.") == []
    assert findings(rule, "## Scope\nThe Client shall not provide the data.") == []


# -- required-section -----------------------------------------------------------------------------


def test_required_section_presence(make_rule, findings):
    rule = make_rule("no-exclusions", "required-section", {"role": "exclusions"})
    [finding] = findings(rule, "## Scope\nWe build the website.\n\n## Fees\nThe fee is $10,000.")
    assert finding.evidence == "" and finding.location.start is None and finding.location.section == ()
    assert findings(rule, "## Scope\nWe build it.\n\n## Not Included\n- Hosting\n- Content writing") == []


def test_required_section_substance_skips_subsections_that_inherit_the_role(make_rule, findings, md):
    rule = make_rule("thin-exclusions", "required-section", {"role": "exclusions", "mode": "substance"})
    text = "## Exclusions\n- Hosting of the website\n- Content writing for all pages\n\n### Notes\nTBD\n\n## Fees\nx"
    notes = md(text).sections[0].children[0]
    assert (notes.role, notes.role_source) == ("exclusions", "parent")
    assert findings(rule, text) == []


def test_required_section_or_statement(make_rule, findings):
    rule = make_rule("no-exclusions", "required-section",
                     {"role": "exclusions", "or_statement": {"phrases": ["out of scope"]}})
    assert findings(rule, "## Assumptions\nHosting is out of scope.") == []
    assert len(findings(rule, "## Assumptions\nHosting is in scope.")) == 1


@pytest.mark.parametrize("body", ["", "TBD", "N/A", "To be determined", "Hosting."])
def test_required_section_substance_flags_empty_placeholder_and_thin(make_rule, findings, body):
    rule = make_rule("thin-exclusions", "required-section", {"role": "exclusions", "mode": "substance"})
    [finding] = findings(rule, f"## Scope\nWe build it.\n\n## Exclusions\n\n{body}\n\n## Fees\nThe fee is $10.")
    assert finding.evidence == "Exclusions"
    assert finding.location.section == ("Exclusions",) and finding.location.role == "exclusions"


def test_required_section_substance_accepts_real_content(make_rule, findings):
    rule = make_rule("thin-exclusions", "required-section", {"role": "exclusions", "mode": "substance"})
    assert findings(rule, "## Exclusions\n- Hosting of the website\n- Content writing for all pages") == []
    # No exclusions section at all is the presence rule's business, not this one's.
    assert findings(rule, "## Scope\nWe build it.") == []


def test_required_section_substance_min_items(make_rule, findings):
    rule = make_rule("few-exclusions", "required-section",
                     {"role": "exclusions", "mode": "substance", "min_items": 3, "min_words": 1})
    assert len(findings(rule, "## Exclusions\n- Hosting\n- Content")) == 1
    assert findings(rule, "## Exclusions\n- Hosting\n- Content\n- Travel") == []


def test_required_section_substance_counts_subsections(make_rule, findings):
    rule = make_rule("thin-exclusions", "required-section", {"role": "exclusions", "mode": "substance"})
    text = "## Exclusions\n\n### Travel and expenses\nNot covered by the fee.\n\n## Fees\nThe fee is $10."
    assert findings(rule, text) == []


# -- required-statement ---------------------------------------------------------------------------


def test_required_statement_with_min_count_and_owner(make_rule, findings):
    rule = make_rule("client-inputs", "required-statement", {
        "statement": {"owner": "client", "phrases": ["will provide", "shall provide"]}, "min_count": 2})
    two = "## Scope\nThe Client will provide access.\n\nThe Client shall provide test data."
    assert findings(rule, two) == []
    one = "## Scope\nThe Client will provide access.\n\nThe Contractor shall provide test data."
    [finding] = findings(rule, one)
    assert finding.location.start is None


def test_required_statement_and_conditional_honour_not_roles(make_rule, findings):
    # An exclusion that mentions the statement does not satisfy it, nor trigger a conditional.
    doc = "## Scope\nWe build the site.\n\n## Exclusions\nWeekly status reports are not included."
    statement = make_rule("reporting", "required-statement", {"statement": {"phrases": ["status reports"]}},
                          scope={"not_roles": ["exclusions"]})
    assert len(findings(statement, doc)) == 1
    conditional = make_rule("reports-unbounded", "conditional", {
        "if": {"phrases": ["status reports"]}, "then": {"phrases": ["per month"]}},
        scope={"not_roles": ["exclusions"]})
    assert findings(conditional, doc) == []


def test_required_statement_in_roles(make_rule, findings):
    rule = make_rule("criteria", "required-statement", {"statement": {"phrases": ["acceptance criteria"]}},
                     scope={"roles": ["acceptance"]})
    assert findings(rule, "## Acceptance\nDeliverables meet the acceptance criteria.") == []
    assert len(findings(rule, "## Background\nDeliverables meet the acceptance criteria.")) == 1


def test_required_statement_skips_negated_statements(make_rule, findings):
    rule = make_rule("criteria", "required-statement", {"statement": {"phrases": ["acceptance criteria"]}})
    assert len(findings(rule, "## Scope\nThere are no acceptance criteria.")) == 1
    lenient = make_rule("criteria-any", "required-statement",
                        {"statement": {"phrases": ["acceptance criteria"]}, "negation": "ignore"})
    assert findings(lenient, "## Scope\nThere are no acceptance criteria.") == []


# -- conditional ----------------------------------------------------------------------------------

SAME_SENTENCE = "## Scope\nData migration of 5,000 records."
SAME_BLOCK = "## Scope\nData migration is included. It covers 5,000 records."
SAME_SECTION = "## Scope\nData migration is included.\n\nIt covers 5,000 records."
SAME_DOCUMENT = "## Scope\nData migration is included.\n\n## Assumptions\nIt covers 5,000 records."
NOWHERE = "## Scope\nData migration is included."


@pytest.mark.parametrize(("near", "quiet_on"), [
    ("sentence", [SAME_SENTENCE]),
    ("block", [SAME_SENTENCE, SAME_BLOCK]),
    ("section", [SAME_SENTENCE, SAME_BLOCK, SAME_SECTION]),
    ("document", [SAME_SENTENCE, SAME_BLOCK, SAME_SECTION, SAME_DOCUMENT]),
])
def test_conditional_near(make_rule, findings, near, quiet_on):
    rule = make_rule(f"migration-{near}", "conditional", {**MIGRATION, "near": near})
    for text in (SAME_SENTENCE, SAME_BLOCK, SAME_SECTION, SAME_DOCUMENT, NOWHERE):
        expected = [] if text in quiet_on else ["Data migration"]
        assert evidence(findings(rule, text)) == expected, (near, text)


def test_conditional_needs_its_trigger(make_rule, findings):
    rule = make_rule("migration", "conditional", MIGRATION)
    assert findings(rule, "## Scope\nWe build the website.") == []


def test_conditional_unless(make_rule, findings):
    rule = make_rule("migration", "conditional", {
        **MIGRATION, "unless": {"phrases": ["data migration"], "roles": ["exclusions"]}})
    excluded = "## Scope\nData migration is included.\n\n## Out of Scope\nData migration of legacy systems."
    assert findings(rule, excluded) == []
    elsewhere = "## Scope\nData migration is included.\n\n## Assumptions\nData migration of legacy systems."
    assert len(findings(rule, elsewhere)) == 1


def test_conditional_once_or_every_trigger(make_rule, findings):
    text = "## Scope\nData migration is included.\n\n## Training\nA second data migration too."
    assert len(findings(make_rule("once", "conditional", MIGRATION), text)) == 1
    every = make_rule("every", "conditional", {**MIGRATION, "once": False})
    assert evidence(findings(every, text)) == ["Data migration", "data migration"]


def test_conditional_scope_limits_triggers(make_rule, findings):
    rule = make_rule("migration", "conditional", MIGRATION, scope={"roles": ["scope"]})
    assert findings(rule, "## Background\nData migration failed last year.") == []
    assert len(findings(rule, "## Scope\nData migration is included.")) == 1


# -- when -----------------------------------------------------------------------------------------

FIXED = "## Scope\nSupport as needed.\n\n## Pricing\nThe fixed fee is $10,000."
HOURLY = "## Scope\nSupport as needed.\n\n## Pricing\nBilled at an hourly rate of $150 per hour."
UNKNOWN = "## Scope\nSupport as needed."


@pytest.mark.parametrize(("engagement", "fires_on"), [
    (["fixed-fee"], [FIXED]),
    (["time-and-materials"], [HOURLY]),
    (["unknown"], [UNKNOWN]),
    (["fixed-fee", "unknown"], [FIXED, UNKNOWN]),
    ([], [FIXED, HOURLY, UNKNOWN]),
])
def test_when_engagement(make_rule, findings, engagement, fires_on):
    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"]}, when={"engagement": engagement})
    for text in (FIXED, HOURLY, UNKNOWN):
        assert bool(findings(rule, text)) == (text in fires_on), (engagement, text)


def test_when_doc_words_at_least(make_rule, findings):
    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"]}, when={"doc_words_at_least": 10})
    assert findings(rule, "## Scope\nSupport as needed.") == []
    assert len(findings(rule, "## Scope\nSupport as needed for all of the many users of the new system.")) == 1


# -- the finding record ---------------------------------------------------------------------------


def test_finding_carries_the_rule_text_and_a_located_span(make_rule, md):
    from sowlint.engine.runner import run_rules

    rule = make_rule("as-needed", "phrase", {"phrases": ["as needed"]}, severity="error", category="soft-promise",
                     tags=["scope"])
    doc = md("## Scope\nSupport as needed.\n\n| Item | Terms |\n|---|---|\n| Training | as needed |")
    first, second = run_rules(doc, [rule])
    assert (first.rule, first.category, first.severity, first.tags) == ("as-needed", "soft-promise", "error", ("scope",))
    assert (first.rationale, first.question, first.suggestion) == (
        "Tests need a rule.", "Is the test right?", "Write the test.")
    for f in (first, second):
        assert doc.text[f.location.start:f.location.end] == f.evidence == "as needed"
        assert f.location.line == doc.line_of(f.location.start)
    assert (first.location.row, first.location.col) == (None, None)
    assert (second.location.row, second.location.col) == (1, 1)  # the table's second row, second column
