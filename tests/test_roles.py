"""Section roles: from the heading, from the opening sentence when the heading says nothing, or from the parent."""

from __future__ import annotations

import pytest

from conftest import REAL_CORPUS
from sowlint.readers import read_document
from sowlint.document.roles import known_roles, lemma, lemmas

# Headings marked "real" are copied from documents in ../shared/corpora/real (labels.yaml,
# sections_expected), numbering and odd punctuation included.
HEADINGS = [
    # procurement: how the buyer buys, not what the work is
    ("5.0 Instructions to Offerors", "procurement"),  # real
    ("8. Basis of Award and Evaluation Criteria", "procurement"),  # real
    ("Instructions, Conditions, and Notices to Offerors", "procurement"),  # real
    ("Factor 3 – Price Submission", "procurement"),  # real
    ("6.0 Evaluation", "procurement"),  # real
    # exclusions
    ("Out-of-Scope Items", "exclusions"),
    ("Not Included", "exclusions"),
    ("Exclusions", "exclusions"),
    ("What this SOW does not cover", "exclusions"),
    ("10. Out of Scope (Phase 2 / Future)", "exclusions"),  # real
    ("1.3 Out of Scope", "exclusions"),  # real
    ("Items Not Covered", "exclusions"),
    ("Scope Exclusions", "exclusions"),
    ("Outside the Scope of Work", "exclusions"),
    ("Exclusions and Limitations", "exclusions"),
    ("The contractor will not be responsible to perform the following:", "exclusions"),  # real
    # client responsibilities
    ("Client Responsibilities", "client-responsibilities"),
    ("Key Project Dependencies", "client-responsibilities"),  # a generic noun as the whole heading
    ("Dependency Categories", "other"),  # ... but not as a modifier (a product feature)
    ("3.1 Prerequisites", "client-responsibilities"),  # real
    ("Government Furnished Property", "client-responsibilities"),
    ("SECTION 5 – GOVERNMENT FURNISHED MATERIALS", "client-responsibilities"),  # real
    ("11.0 GOVERNMENT FURNISHED PROPERTY", "client-responsibilities"),  # real
    ("10. GOVERNMENT-FURNISHED EQUIPMENT AND INFORMATION", "client-responsibilities"),  # real
    ("4. Government Furnished Property, Materials & Supplies", "client-responsibilities"),  # real
    ("11. Government-Furnished Equipment (GFE)/Government-Furnished Information (GFI)", "client-responsibilities"),  # real
    ("3.0 GOVERNMENT PROPERTY AND SERVICES.", "client-responsibilities"),  # real
    ("3.1 Prerequisites", "client-responsibilities"),  # real
    ("Customer Obligations", "client-responsibilities"),
    ("What We Need From You", "client-responsibilities"),
    ("Dependencies", "client-responsibilities"),
    # assumptions
    ("Assumptions and Constraints", "assumptions"),
    ("6. Assumptions and Constraints", "assumptions"),  # real
    ("9.0. (U) Technical Assumptions:", "assumptions"),  # real
    ("5.0 (U) CONSTRAINTS:", "assumptions"),  # real
    ("V. TASK ORDER CONSTRAINTS", "assumptions"),  # real
    # scope
    ("1. Project Scope", "scope"),  # real
    ("SECTION 3 – SCOPE OF WORK", "scope"),  # real
    ("SECTION 4 – TASKS TO BE PERFORMED", "scope"),  # real
    ("1.0 DESCRIPTION OF SERVICES.", "scope"),  # real
    ("2.0 Performance Work Statement (“PWS”)", "scope"),  # real
    ("Statement of Objectives", "scope"),  # real
    ("2. Required Services.", "scope"),  # real
    ("3. Contractor Responsibilities", "scope"),  # real
    ("Project Scope:", "scope"),  # real
    ("In Scope", "scope"),
    # deliverables
    ("Deliverables", "deliverables"),
    ("3.0 List of deliverables", "deliverables"),  # real
    ("SECTION 8 – DELIVERABLES/REPORTING SCHEDULE", "deliverables"),  # real
    ("9. CONTRACT DELIVERABLES", "deliverables"),  # real
    ("Appendix A, CDRLs", "deliverables"),  # real
    ("OUTPUTS", "deliverables"),  # real
    # timeline
    ("Period of Performance", "timeline"),
    ("Project Timeline", "timeline"),
    ("SECTION 6 – PERIOD OF PERFORMANCE", "timeline"),  # real
    ("5.0 PERIOD OF PERFORMANCE/LEVEL OF EFFORT", "timeline"),  # real
    ("3.0 (U) PERIOD OF PERFORMANCE:", "timeline"),  # real
    ("11. Performance Period:", "timeline"),  # real
    ("9. PROJECT DEPLOYMENT MILESTONE", "timeline"),  # real
    ("Deliveries and Performance", "timeline"),  # real
    ("3 Program Planning", "timeline"),  # real
    ("Milestones", "timeline"),
    # acceptance
    ("Acceptance Criteria", "acceptance"),
    ("Inspection and Acceptance", "acceptance"),  # real
    ("2. Inspection And Acceptance Criteria:", "acceptance"),  # real
    ("10. Quality Assurance Surveillance Plan", "acceptance"),  # real
    ("Sign-off", "acceptance"),
    ("UAT", "acceptance"),
    # change control
    ("Change Control", "change-control"),
    ("9. Change Management", "change-control"),  # real
    ("Change Requests", "change-control"),
    # pricing
    ("Fees and Payment", "pricing"),
    ("Services and Prices", "pricing"),  # real
    ("7.0 INVOICING/ PROCEDURES FOR PAYMENT", "pricing"),  # real
    ("Cost Summary:", "pricing"),  # real
    ("Budget:", "pricing"),  # real
    ("7.0 CONTRACT TYPE", "pricing"),  # real
    ("5. INCENTIVES", "pricing"),  # real
    ("Terms of Payment", "pricing"),
    # staffing
    ("Key Personnel", "staffing"),
    ("Roles and Responsibilities", "staffing"),
    ("4.0 ROLES & RESPONSIBILITIES", "staffing"),  # real
    ("8.0 (U) KEY PERSONNEL & LABOR CATEGORIES:", "staffing"),  # real
    ("8.0 SME LABOR CATEGORY AND HOURS", "staffing"),  # real
    ("14.0 QUALIFICATIONS", "staffing"),  # real
    ("4.0 Personnel", "staffing"),  # real
    # governance
    ("Reporting", "governance"),
    ("13.0 REPORTING", "governance"),  # real
    ("8. Monthly Reports", "governance"),  # real
    ("Contracting Officer", "governance"),  # real
    ("Post Award Instructions", "governance"),  # real
    ("8. CONTRACT ADMINISTRATION", "governance"),  # real
    ("8. Management.", "governance"),  # real
    ("Contact", "governance"),  # real
    # risks, terms, background, objectives, approach
    ("8. Risk Management", "risks"),  # real
    ("Terms and Conditions", "terms"),  # real
    ("III. GOVERNING TERMS AND CONDITIONS", "terms"),  # real
    ("Special Contract Requirements", "terms"),  # real
    ("10. SECURITY – UNCLASSIFIED", "terms"),  # real
    ("Definitions", "terms"),  # real
    ("Project Overview", "background"),  # real
    ("SECTION 1 – BACKGROUND", "background"),  # real
    ("PROBLEM STATEMENT", "background"),  # real
    ("Executive Summary", "background"),  # real
    ("Purpose of Document", "background"),  # real
    ("2.0 OBJECTIVES", "objectives"),  # real
    ("15.0 PERFORMANCE METRICS", "objectives"),  # real
    ("KPIs", "objectives"),
    ("Success Criteria", "objectives"),
    ("Testing Methodology:", "approach"),  # real
    ("Past Performance", "approach"),
    # nothing in the heading says what the section is for
    ("SECTION 9 – TRAVEL", "other"),  # real
    ("Glossary", "other"),
]


def _role_of(md, heading: str):
    # A second section keeps the heading from being lifted as the document's title.
    doc = md(f"## {heading}\n\nSome words here.\n\n## Zzzz\n\nx")
    return doc.sections[0]


def test_there_are_at_least_forty_heading_variants():
    assert len(HEADINGS) >= 40
    assert {role for _h, role in HEADINGS} >= set(known_roles())


@pytest.mark.parametrize(("heading", "role"), HEADINGS, ids=[h for h, _r in HEADINGS])
def test_heading_role(md, heading, role):
    section = _role_of(md, heading)
    assert section.heading == heading
    assert (section.role, section.role_source) == (role, "heading" if role != "other" else "none")


def test_earliest_then_longest_phrase_wins(md):
    assert _role_of(md, "Out of Scope").role == "exclusions"  # not "scope"
    assert _role_of(md, "Deliverables and Acceptance").role == "deliverables"
    assert _role_of(md, "Acceptance of Deliverables").role == "acceptance"


def test_lemmas_fold_plurals():
    assert lemma("Deliveries") == "delivery"
    assert lemma("Responsibilities") == "responsibility"
    assert lemma("Process") == "process"
    assert lemmas("Client’s Inputs") == ("client", "s", "input")


# -- opening sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(("opening", "role"), [
    ("The following are not included in this SOW: hosting and content.", "exclusions"),
    ("This SOW does not include data migration.", "exclusions"),
    ("The Client shall provide office space and network access.", "client-responsibilities"),
    ("The Government will furnish the data needed at time of award.", "client-responsibilities"),
    ("This proposal assumes that the data is clean.", "assumptions"),
    ("The period of performance is twelve months from award.", "timeline"),
    ("The following deliverables are due at each milestone.", "deliverables"),
])
def test_role_from_the_opening_sentence(md, opening, role):
    doc = md(f"## Section 7\n\n{opening}\n\n## Zzzz\n\nx")
    assert (doc.sections[0].role, doc.sections[0].role_source) == (role, "opening")


def test_opening_only_counts_at_the_start(md):
    doc = md("## Section 7\n\nWe note, after some thought, that the following are not included: hosting.\n\n## Zzzz\n\nx")
    assert doc.sections[0].role == "other"


def test_the_heading_wins_over_the_opening(md):
    doc = md("## Fees\n\nThe following are not included in the fee: travel.\n\n## Zzzz\n\nx")
    assert (doc.sections[0].role, doc.sections[0].role_source) == ("pricing", "heading")


# -- inheritance ------------------------------------------------------------------------------------


def test_subsections_inherit_the_parent_role(md):
    doc = md("""
        ## 1. Deliverables
        ### 1.1 Project Structure
        A repository layout.
        ### 1.2 Acceptance
        Client signs off.
        ## 2. Other Matters
        ### 2.1 Misc
        Nothing.
    """)
    structure, acceptance = doc.sections[0].children
    assert (structure.role, structure.role_source) == ("deliverables", "parent")
    assert (acceptance.role, acceptance.role_source) == ("acceptance", "heading")
    misc = doc.sections[1].children[0]
    assert (misc.role, misc.role_source) == ("other", "none")  # "other" is never inherited


def test_inheritance_goes_down_more_than_one_level(md):
    doc = md("## 1. Exclusions\n### 1.1 Software\n#### 1.1.1 Licences\nx\n## 2. Fees\ny")
    deepest = doc.sections[0].children[0].children[0]
    assert (deepest.heading, deepest.role, deepest.role_source) == ("1.1.1 Licences", "exclusions", "parent")


def test_preamble_has_no_role(md):
    doc = md("Prepared for Acme.\n\n## Scope\nWe build it.\n\n## Fees\nMoney.")
    assert (doc.preamble.role, doc.preamble.role_source) == ("other", "none")
    assert doc.sections_with_role("scope") == [doc.sections[0]]


# -- real documents ---------------------------------------------------------------------------------


@pytest.mark.corpus
def test_roles_of_a_real_markdown_sow():
    path = REAL_CORPUS / "ansible-app-restart-sow.md"
    if not path.is_file():
        pytest.skip("real corpus not present")
    doc = read_document(path)
    roles = {s.heading: s.role for s in doc.walk() if s.level}
    assert roles["1.3 Out of Scope"] == "exclusions"
    assert roles["7.2 Client Responsibilities"] == "client-responsibilities"
    assert roles["4. Project Timeline"] == "timeline"
    assert roles["5. Acceptance Criteria"] == "acceptance"
    assert roles["9. Change Management"] == "change-control"
    assert roles["6.2 Constraints"] == "assumptions"
    assert roles["2.1 Project Structure"] == "deliverables"  # inherited from "2. Deliverables"


@pytest.mark.corpus
def test_a_real_pws_exclusion_label_is_an_exclusions_section():
    path = REAL_CORPUS / "18f-opm-eqip-pws.md"
    if not path.is_file():
        pytest.skip("real corpus not present")
    doc = read_document(path)
    [section] = [s for s in doc.walk() if s.heading.startswith("The contractor will not be responsible")]
    assert (section.role, section.role_source) == ("exclusions", "heading")
