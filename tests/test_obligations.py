"""The obligations layer: who must do what, by when, read the way real SOWs and proposals say it.

Each case is a general form of SOW language (named in the obligations issue), written as a small
document; the assertions name the record the layer must (or must not) produce.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import growth

from sowlint.nlp.parties import find_parties
from sowlint.obligations import extract_obligations
from sowlint.obligations.anchors import find_deadline
from sowlint.readers import read_document
from sowlint.readers.text import read_markdown_string

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "real"


def duties(markdown: str, side: str = "client"):
    doc = read_markdown_string(markdown)
    return [o for o in extract_obligations(doc, find_parties(doc.text)) if o.side == side]


def the_input(markdown: str):
    found = [o for o in duties(markdown) if o.input]
    assert found, f"no client input read from:\n{markdown}"
    return found[0]


# -- who: the client is rarely called "Client" ----------------------------------------------------
@pytest.mark.parametrize("markdown", [
    # the buyer's own name from the cover page, present tense, no modal
    "# Website proposal\n\nPrepared for: Harbour Dental Group\n\n## Notes\n\n"
    "Harbour provides content, logo, photos and hosting account access.",
    # ... or from a "Client:" field sharing its line with others
    "Client: Marilu Date: November 13, 2025 Quote valid for 60 days\n\n## Scope\n\n"
    "Marilu will provide the exercise videos in MP4 format.",
    # a firm writing "for" its client on the title line
    "Humanytics LLC for CJCJ\n\n## What happens next\n\nCJCJ will provide access to all raw data sources.",
    # the label alone, the name on the next line
    "Client\n\nBroken Crystals\n\n## Test basis\n\nBroken Crystals will provide three test accounts.",
    # an agency's acronym, defined once
    "The Department of Labor (DOL) needs a new service.\n\n## Inputs\n\nDOL will furnish the sample data.",
    # a role in the buyer's organisation, named by the proposal that the provider writes
    "## Inputs\n\nWe will build the dashboard. The Energy Coach will provide the building meter data.",
    "## Inputs\n\nOur team runs the pilot. Branch Leaders will provide the opening cash balances.",
    # the University, the company
    "## Inputs\n\nWe will run the survey. The University will provide access to the student records.",
    "## Data\n\nWe will analyse sales. All data provided by the company will be kept confidential.",
    # you / your in a proposal
    "## Next\n\nWe will design the site. You will provide brand guidelines and the logo files.",
])
def test_the_client_is_found_under_its_many_names(markdown):
    o = the_input(markdown)
    assert o.side == "client" and o.action in ("provide", "access"), o


# -- voice and form -------------------------------------------------------------------------------
@pytest.mark.parametrize(("markdown", "action"), [
    ("## Content\n\nFinal photography to be provided by the client.", "provide"),
    ("## Content\n\nClient to provide test data by the end of week 2.", "provide"),
    ("## Pages\n\n- Homepage design (client provides final images)", "provide"),
    ("## Pages\n\n- Logo → client to provide", "provide"),
    ("## Content\n\nThe client will provide logos, photos, copy etc. by the end of week 2.", "provide"),
    ("## Designs\n\nWe share the designs for you to approve before we implement them.", "approve"),
    ("## Approval\n\nThe client will approve the wireframes before work begins.", "approve"),
    ("## Testing\n\nClient staff will take part in the feedback sessions on the prototype.", "participate"),
])
def test_voice_and_form(markdown, action):
    o = the_input(markdown)
    assert o.action == action, o


def test_abbreviations_end_no_sentence():
    o = the_input("## Content\n\nThe client will provide logos, photos, copy etc. by the end of week 2.")
    assert "etc." in o.text and o.deadline is not None and o.deadline.kind == "milestone"


# -- structure: lists, headings, tables -----------------------------------------------------------
def test_a_list_takes_its_actor_and_deadline_from_the_line_that_introduces_it():
    found = duties("Humanytics LLC for CJCJ\n\n## Dependencies\n\nCJCJ will provide the following within 3 business "
                   "days of contract signing:\n\n- Shopify admin credentials\n- Brand assets and copy\n")
    assert [(o.action, o.basis, o.deadline.kind) for o in found if o.unit == "list_item"] == [
        ("access", "lead-in", "after_start"), ("provide", "lead-in", "after_start")]
    assert found[-1].deadline.days == 3


@pytest.mark.parametrize("heading", ["What the Client Covers", "Resources provided by the client",
                                     "Client Responsibilities", "What We Need From You"])
def test_a_heading_that_names_the_clients_side_hands_it_the_list(heading):
    found = duties(f"## Scope\n\nWe build the site.\n\n## {heading}\n\n- Brand assets (logo, colours)\n- Domain DNS access\n")
    items = [o for o in found if o.unit == "list_item"]
    assert len(items) == 2 and all(o.input for o in items), found


def test_decisions_required_from_a_side_are_its_duty():
    found = duties("## Decisions required from the client team\n\nThe design direction is chosen in week 2.")
    assert any(o.action == "decide" for o in found), found


def test_a_table_row_takes_its_actor_from_the_owner_column():
    markdown = ("## Inputs\n\n| Item | Owner | Due |\n|---|---|---|\n| Brand assets | Client | Week 1 |\n"
                "| Wireframes | Studio | Week 2 |\n")
    found = duties(markdown)
    assert [(o.unit, o.basis) for o in found] == [("table_row", "owner-column")]
    assert "Brand assets" in found[0].text and found[0].input


def test_a_proposals_next_steps_are_the_readers_to_dos():
    found = duties("We will build the marketplace.\n\n## Immediate Actions\n\n"
                   "Brand Assets: Provide logo and brand guidelines\n\nProject Kickoff: Initial planning and setup\n")
    assert [(o.action, o.deadline.kind) for o in found] == [("provide", "start")]


@pytest.mark.parametrize("line", [
    "Review this proposal and let us know if you have any questions.",
    "Sign and return this SOW to get started.",
    "Let us know which of the two options you prefer.",
    "Please review the attached proposal.",
])
def test_a_proposals_closing_steps_are_the_sale_not_the_clients_duties(line):
    assert duties(f"We will build the marketplace.\n\n## Next Steps\n\n{line}\n") == []
    kept = duties(f"We will build the marketplace.\n\n## Next Steps\n\n- {line}\n- Provide the logo files.\n")
    assert [o.action for o in kept] == ["provide"]  # the reader's real to-dos stay the client's


# -- kinds of input -------------------------------------------------------------------------------
@pytest.mark.parametrize(("markdown", "action"), [
    ("## Costs\n\nPlugin licences will need to be paid by the client.", "pay"),
    ("## Costs\n\nThe client will purchase and bear all server and licensing costs.", "pay"),
    ("## Assumptions\n\nWe assume those systems are already configured and reachable.", "assume"),
    ("## Assumptions\n\n- The client stays on its existing hosting platform.", "assume"),
])
def test_kinds_of_input(markdown, action):
    assert the_input(markdown).action == action


# -- what is not a client input -------------------------------------------------------------------
@pytest.mark.parametrize("markdown", [
    "## Evaluation\n\nThe Government will evaluate each quotation on technical merit and price.",
    "## Payment\n\nThe Contractor will be paid monthly upon receipt of a proper invoice.",
    "## Access\n\nAccess will be provided.",  # nobody named: no owner
    "## Content\n\nThe client will not provide any content; we write all copy.",
    "## Background\n\n(Agency to provide a description of the program and its users.)",  # a note to the author
    "## Features\n\nCustomers can pay online. The customer receives a confirmation email.",
    "## Scope\n\nAcme Marketing will provide digital marketing services including SEO and content.",
    "## Next Steps\n\nReview this proposal and let us know if you have any questions.",
    "## Support\n\nSupport after hypercare is covered by a separate agreement if the client chooses one.",
])
def test_not_client_inputs(markdown):
    assert not [o for o in duties(markdown) if o.input]


def test_a_negated_duty_is_kept_and_marked():
    found = duties("## Content\n\nThe client will not provide any content.")
    assert found and found[0].negated and not found[0].input


# -- when: deadline anchors -----------------------------------------------------------------------
@pytest.mark.parametrize(("phrase", "kind"), [
    ("before development starts", "start"),
    ("in M0", "start"),
    ("by W1", "start"),
    ("before the Day 1 kick-off", "start"),
    ("at time of award", "start"),
    ("for Sprint 1", "start"),
    ("before work begins", "start"),
    ("within 1 business day of project start", "after_start"),
    ("within 10 business days of signature", "after_start"),
    ("within 5 business days", "turnaround"),
    ("by 30 April 2027", "date"),
    ("by the end of week 3", "milestone"),
    ("before fieldwork starts in week 3", "milestone"),
    ("whenever you get a chance", "vague"),
    ("promptly", "vague"),
])
def test_deadline_anchors(phrase, kind):
    deadline = find_deadline(f"The client will provide the data {phrase}.")
    assert deadline is not None and deadline.kind == kind, deadline


def test_a_window_after_the_start_counts_its_days():
    assert find_deadline("within 1 business day of project start").days == 1
    assert find_deadline("within two (2) weeks of kickoff").days == 14


def test_the_first_step_of_a_plan_that_collects_the_clients_data_is_due_at_the_start():
    found = duties("## Data\n\nAll data provided by the company is kept confidential.\n\n## Timeline\n\n"
                   "| Week | Activity |\n|---|---|\n| Week 1 | Data collection and preparation. |\n| Week 2 | Analysis |\n")
    schedule = [o for o in found if o.basis == "schedule"]
    assert len(schedule) == 1 and schedule[0].deadline.kind == "start" and "Week 1" in schedule[0].text


# -- every real document ----------------------------------------------------------------------------
_real = sorted(p for p in REAL.glob("*") if p.suffix in (".docx", ".pdf", ".md", ".txt")) if REAL.is_dir() else []


@pytest.mark.corpus
@pytest.mark.skipif(not _real, reason="../shared/corpora/real is not here")
def test_outline_obligations_reads_every_real_document():
    from sowlint.commands.outline import render_outline
    from sowlint.errors import ReadError

    read = 0
    for path in _real:
        try:
            text = render_outline(str(path), obligations=True)
        except ReadError:
            continue  # the scanned PDF: no text layer
        read += 1
        assert "parties:" in text and ("obligations (" in text or "obligations: none found" in text), path.name
    assert read >= len(_real) - 1


def test_outline_obligations_table_and_json(tmp_path):
    import json

    from sowlint.commands.outline import render_outline

    sow = tmp_path / "sow.md"
    sow.write_text("Prepared for: Harbour Dental\n\n## Client Responsibilities\n\n"
                   "- Provide admin access to the CMS by kickoff\n- Brand assets\n", encoding="utf-8")
    text = render_outline(str(sow), obligations=True)
    assert "Harbour Dental = client" in text
    assert "by kickoff" in text and "line 3, Client Responsibilities" in text
    data = json.loads(render_outline(str(sow), fmt="json", obligations=True))
    first = data["obligations"][0]
    assert (first["side"], first["action"], first["deadline"]["kind"], first["input"]) == ("client", "access", "start", True)


def test_reading_time_grows_linearly():

    def make(n):
        text = "## Client Responsibilities\n\n" + "".join(
            f"- Provide access to system {i} by kickoff. The Contractor shall deliver report {i}.\n" for i in range(n))
        doc = read_markdown_string(text)
        parties = find_parties(doc.text)
        return lambda: extract_obligations(doc, parties)

    assert growth(make, 300) < 3.0


def test_hostile_text_stays_linear():
    # One run-on "sentence" of party names and modals: bounded per unit, linear overall (a growth
    # check, not a wall-clock guard, so a loaded machine cannot fail it).
    def make(copies):
        doc = read_markdown_string("## Scope\n\n" + ("The Client and the Contractor will provide, " * copies) + "access.")
        return lambda: extract_obligations(doc, find_parties(doc.text))

    assert growth(make, 2000) < 3.0


def test_real_document_reads_the_same_in_every_format():
    path = REAL / "ansible-app-restart-sow.md"
    if not path.exists():
        pytest.skip("../shared/corpora/real is not here")
    md, docx = (read_document(REAL / f"ansible-app-restart-sow.{ext}") for ext in ("md", "docx"))
    sides = [[(o.action, o.input) for o in extract_obligations(d, find_parties(d.text)) if o.side == "client"]
             for d in (md, docx)]
    assert sides[0] and sides[0] == sides[1]
