"""Who owns an obligation: parties a document defines, and the owner of one sentence's duty."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from growth import growth

from sowlint.nlp.owner import find_obligation, heading_owner, obligation_owner
from sowlint.nlp.parties import default_parties, find_parties

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "real"
DEFAULT = default_parties()

# Sentences in the styles of federal SOWs/PWSs/SOOs/RFQs and commercial SOWs and agency proposals.
OWNER_CASES = [
    # federal: Contractor / Government / COR / Offerors
    ("The Contractor shall provide all labor, materials, and equipment necessary to perform the services.", "provider"),
    ("The contractor shall submit a monthly status report to the COR by the 10th business day.", "provider"),
    ("Contractor personnel shall possess a current and favorable background investigation.", "provider"),
    ("The Government will furnish the data and scripts needed at time of award.", "client"),
    ("The COR will review each deliverable and provide written comments within ten (10) business days.", "client"),
    ("The Contracting Officer will notify the Contractor in writing of any deficiencies.", "client"),
    ("Offerors shall submit their quotes via eBuy no later than the closing date.", "provider"),
    ("The offeror shall direct all communications to the Contract Specialist.", "provider"),
    ("The Government shall provide, without cost, the facilities, equipment and services listed below:", "client"),
    ("The COR/ACOR will have the responsibility to document the Contractor's performance.", "client"),
    ("Vendor must post all code to a publicly-available code repository.", "provider"),
    ("The successful offeror should evaluate the validity of previously generated data.", "provider"),
    ("The business partner shall be responsible for warehousing and distribution.", "provider"),
    ("Within 5 business days after assignment, Servicer will notify local taxing authorities.", "provider"),
    # commercial SOW and agency proposal styles
    ("Client will provide access to the staging environment within five business days of kickoff.", "client"),
    ("Customer agrees to designate a single point of contact with decision-making authority.", "client"),
    ("The Client is responsible for obtaining all third-party software licences.", "client"),
    ("The Customer shall make available knowledgeable staff to answer questions.", "client"),
    ("Customer will grant the Consultant remote VPN access.", "client"),
    ("The Supplier warrants that the deliverables will be free of defects for 90 days.", "provider"),
    ("Client to provide test data by the end of week 2.", "client"),
    ("Customer provides all content in final, approved form.", "client"),
    ("The Client will need to approve designs within three business days.", "client"),
    ("We will deliver a working prototype at the end of Sprint 3.", "provider"),
    ("Our team will conduct weekly status calls with your project manager.", "provider"),
    ("You will provide brand guidelines and logo files before the design phase begins.", "client"),
    ("Your team will be available for user interviews during discovery.", "client"),
    ("The test plan will be provided by us before kickoff.", "provider"),
    ("US Government personnel will escort contractor staff.", "client"),
    # passives: agent, recipient, furnished items, the other party, payment
    ("Access to the production servers will be provided by the Client.", "client"),
    ("All travel shall be pre-approved by the Government.", "client"),
    ("All costs of maintenance shall be borne by [Agency].", "client"),
    ("Data that the Client provides will be stored in encrypted form by the Contractor.", "provider"),
    ("Deliverables shall be submitted to the COR in Microsoft Word format.", "provider"),
    ("Feedback on each draft will be provided to the Vendor within five days.", "client"),
    ("Government-furnished equipment (GFE) will be provided to contractor staff working on site.", "client"),
    ("Contractor-furnished materials shall be delivered to the site before mobilisation.", "provider"),
    ("The Contractor will be notified in writing of any deficiencies.", "client"),
    ("The Consultant will be reimbursed for pre-approved travel expenses.", "client"),
    ("The Contractor will be paid by electronic funds transfer.", "client"),
    ("Payment will be made within 30 days of receipt of a proper invoice.", "client"),
    ("The Contractor will be required to track and store the close-out files.", "provider"),
    ("Offerors that exceed the page limits will not be considered for award.", "client"),
    # responsibility wording, joint subjects, clause order
    ("It is the Contractor's responsibility to maintain a current roster of personnel.", "provider"),
    ("It shall be the responsibility of the Client to supply translated content.", "client"),
    ("Site access is the responsibility of the Client.", "client"),
    ("The current Servicer has the responsibility of boarding new loans.", "provider"),
    ("The Contractor and the Government shall jointly develop a transition plan.", "provider"),
    ("Following the MVP, the government and contractor team will conduct a retrospective.", "client"),
    ("In accordance with agile methods, the vendor, the TTS team, and the Agency will work together.", "provider"),
    ("Subject to the Client providing timely feedback, the Supplier will complete the migration.", "provider"),
    ("If the Client will not provide data on time, the Contractor shall notify the COR.", "provider"),
    ("Upon award the Contractor shall schedule a kickoff meeting with the COR.", "provider"),
    ("When the COR approves the plan the Contractor shall begin work.", "provider"),
    ("The Government, through the COR, will provide feedback on draft deliverables.", "client"),
    ("The Contractor shall, at its own expense, obtain all necessary permits.", "provider"),
    ("It is expected that the Client will provide a dedicated product owner.", "client"),
    ("Contractor personnel who require access to Government facilities must complete security training.", "provider"),
    ("Should the Contractor be terminated early, the Contractor shall transfer all materials to the COR.", "provider"),
    ("Objective: (AGENCY/PROGRAM) and contractor will collaborate to determine how to solve it.", "client"),
    ("3.2.1 The Contractor shall maintain a Quality Control Plan.", "provider"),
    ("- Vendor must implement application activity and error logging.", "provider"),
    # negation keeps the owner
    ("The Client will not provide hardware for the test lab.", "client"),
    ("The Government shall not be responsible for any costs incurred in preparing a quote.", "client"),
    ("In no event shall the Contractor be liable for indirect damages.", "provider"),
    ("The Client will not be charged for travel within the metro area.", "provider"),
    # no obligation, or one that names no party
    ("The project started in 2019.", None),
    ("Access will be provided.", None),
    ("The following deliverables will be provided:", None),
    ("The system shall be capable of producing images in JPEG format.", None),
    ("The Government may terminate this order for convenience.", None),
    ("Will the Government provide workstations?", None),
    ("If the Client fails to provide content within 10 days, the schedule will be extended accordingly.", None),
    ("Information provided to the Contractor shall be used only for this contract.", None),
    ("Key Personnel shall not be replaced without the prior written consent of the Contracting Officer.", None),
    ("Each party shall bear its own costs.", None),
    ("Dynamic Developers is a small team that seeks to provide users with an application that will help.", None),
    ("The purpose of this SOW is to describe the services required.", None),
]


@pytest.mark.parametrize("sentence, expected", OWNER_CASES, ids=[s[:48] for s, _ in OWNER_CASES])
def test_owner_of_sentence(sentence, expected):
    assert obligation_owner(sentence, DEFAULT) == expected


def test_enough_sentences_and_both_sides():
    owners = [o for _, o in OWNER_CASES]
    assert len(OWNER_CASES) >= 30
    assert owners.count("client") >= 10 and owners.count("provider") >= 10 and owners.count(None) >= 5


def test_parties_argument_is_optional():
    assert obligation_owner("The Client will provide access.") == "client"


# ---- Obligation details -------------------------------------------------------------------------


def test_details_of_an_active_obligation():
    o = find_obligation("The Contractor shall, at its own expense, obtain all necessary permits.")
    assert (o.owner, o.modal, o.subject, o.negated, o.passive, o.basis) == (
        "provider", "shall", "The Contractor", False, False, "subject")
    assert o.verb_phrase == "obtain all necessary permits"


def test_details_of_a_passive_with_agent():
    o = find_obligation("Access to the production servers will be provided by the Client.")
    assert o.passive and o.basis == "agent" and o.subject == "Access to the production servers"
    assert o.verb_phrase == "be provided by the Client"


def test_negation_is_reported_not_folded_into_the_owner():
    o = find_obligation("The Client will not provide hardware for the test lab.")
    assert o.owner == "client" and o.negated and o.verb_phrase == "provide hardware for the test lab"
    charged = find_obligation("The Client will not be charged for travel.")
    assert (charged.owner, charged.negated, charged.basis) == ("provider", True, "counterpart")


def test_agentless_passive_is_an_obligation_without_owner():
    o = find_obligation("Access will be provided.")
    assert o is not None and o.owner is None and o.basis == "none" and o.passive


def test_kinds_of_modal():
    assert find_obligation("Customer agrees to host the kickoff.").modal == "agrees to"
    assert find_obligation("The Client is responsible for licences.").modal == "is responsible for"
    assert find_obligation("The vendor is required to hold a clearance.").modal == "is required to"
    assert find_obligation("Client to provide test data.").modal == "to"
    assert find_obligation("The Client will need to sign off.").modal == "will need to"
    present = find_obligation("Customer provides all content.")
    assert present.modal == "(present)" and present.verb_phrase == "provides all content"


def test_responsibility_phrase_details():
    o = find_obligation("It is the Contractor's responsibility to maintain a roster.")
    assert (o.owner, o.basis, o.verb_phrase) == ("provider", "responsibility", "maintain a roster")
    site = find_obligation("Site access is the responsibility of the Client.")
    assert site.owner == "client" and site.verb_phrase == "Site access"


def test_imperative_takes_the_owner_its_heading_gives():
    assert heading_owner("4.2 Client Responsibilities") == "client"
    assert heading_owner("Government Furnished Property") == "client"
    assert heading_owner("Contractor Responsibilities") == "provider"
    assert heading_owner("Roles and Responsibilities") is None
    assert heading_owner("Government and Contractor Responsibilities") is None
    bare = find_obligation("- Provide VPN access for two developers.")
    assert bare.modal == "imperative" and bare.owner is None
    side = heading_owner("Client Responsibilities")
    owned = find_obligation("Provide VPN access for two developers.", imperative_owner=side)
    assert (owned.owner, owned.basis) == ("client", "context")
    assert find_obligation("Support for legacy browsers is out of scope.") is None


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError):
        obligation_owner(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_parties(b"bytes")  # type: ignore[arg-type]


# ---- find_parties -------------------------------------------------------------------------------


def test_parenthetical_definitions():
    text = ('This Statement of Work is entered into by XYZ Corp. ("Client") and Acme Ltd (hereinafter "the Supplier"). '
            'Brightpath LLC (the “Customer”) engaged Northwind Inc. (“Northwind” or “Consultant”).')
    parties = find_parties(text)
    assert parties.side_of("XYZ Corp.") == "client" and parties.side_of("XYZ") == "client"
    assert parties.side_of("Acme Ltd") == "provider" and parties.side_of("Acme") == "provider"
    assert parties.side_of("Brightpath") == "client"
    assert parties.side_of("Northwind") == "provider"
    assert obligation_owner("XYZ will provide sample data.", parties) == "client"
    assert obligation_owner("Acme shall deliver the report.", parties) == "provider"
    assert obligation_owner("Northwind's consultants will run the workshops.", parties) == "provider"


def test_defined_names_override_defaults():
    # A creative agency's contract: "Agency" is the provider, not a federal buyer.
    parties = find_parties('Globex Inc. ("Client") and Pixel Studio ("Agency") agree as follows.')
    assert parties.side_of("Agency") == "provider" and parties.side_of("Pixel Studio") == "provider"
    assert obligation_owner("The Agency will deliver three design concepts.", parties) == "provider"
    assert obligation_owner("The Agency will deliver three design concepts.", DEFAULT) == "client"
    # An agency proposal with no definitions at all: "the Agency" and "the Client", no contractor words.
    proposal = find_parties("The Agency will design the campaign. The Client will approve each concept.")
    assert proposal.side_of("Agency") == "provider"


def test_ambiguous_company_takes_the_side_left_open():
    parties = find_parties('Initech Inc. ("Company") engages Jane Roe ("Consultant").')
    assert parties.side_of("Company") == "client" and parties.side_of("Initech") == "client"
    assert obligation_owner("The Company shall pay all invoices within 30 days.", parties) == "client"


def test_acronyms_of_agencies_are_client_names():
    text = ("The Department of Labor (DOL), Wage and Hour Division (WHD) needs a service. "
            "A Service Level Agreement (SLA) applies. Acme Federal Services (AFS) is bidding.")
    parties = find_parties(text)
    assert parties.side_of("DOL") == "client" and parties.side_of("WHD") == "client"
    assert parties.side_of("SLA") is None and parties.side_of("AFS") is None
    assert obligation_owner("WHD will provide sample applications.", parties) == "client"


def test_role_acronym_definitions():
    parties = find_parties('The Contracting Officer ("CO") and the Product Owner ("PO") will attend.')
    assert parties.side_of("CO") == "client" and parties.side_of("PO") == "client"


def test_header_lines_name_the_parties():
    text = "Proposal\nPrepared for: Contoso Health\nPrepared by: Fabrikam Digital\nClient Name: [Client Name]\n" \
           "Vendor | Deliver code\n"
    parties = find_parties(text)
    assert parties.side_of("Contoso Health") == "client"
    assert parties.side_of("Fabrikam Digital") == "provider"
    assert "[Client Name]" not in parties.defined and "Deliver code" not in parties.defined
    assert obligation_owner("Contoso Health will provide interview participants.", parties) == "client"


def test_proposal_writer_named_by_its_solution():
    text = ("Our team has delivered similar systems. We believe Fabrikam Digital's proposed solution is the best fit. "
            "Fabrikam Digital's approach reduces risk.")
    parties = find_parties(text)
    assert parties.first_person == "provider"
    assert obligation_owner("Fabrikam Digital shall deliver updates quarterly.", parties) == "provider"


def test_first_person_depends_on_who_writes():
    proposal = find_parties("Thank you for the opportunity. Our team will deliver. We propose a phased approach.")
    assert proposal.first_person == "provider"
    assert obligation_owner("We will host the workshops.", proposal) == "provider"
    assert obligation_owner("You will provide workshop rooms.", proposal) == "client"
    rfq = find_parties("This Request for Quotation (RFQ) invites offerors. Offerors shall submit your quote via eBuy. "
                       "We will review each quotation.")
    assert rfq.first_person == "client"
    assert obligation_owner("We will evaluate the oral presentations.", rfq) == "client"
    assert obligation_owner("You must submit your quote by 5 pm.", rfq) == "provider"
    soo = find_parties("The contractor shall build it. The contractor shall measure how well our service works. "
                       "The Government will review. We maintain the rights to all data.")
    assert soo.first_person == "client"


def test_defaults_when_nothing_is_defined():
    parties = find_parties("")
    assert parties.defined == {}
    for word, side in [("Contractor", "provider"), ("Offerors", "provider"), ("COR", "client"),
                       ("Contracting Officer", "client"), ("Government", "client"), ("Customer", "client"),
                       ("Vendor", "provider"), ("Consultant", "provider"), ("Buyer", "client"), ("Owner", "client")]:
        assert [m.side for m in parties.mentions(f"The {word} will act.")] == [side], word
    # Compounds and lower-case look-alikes are not the party.
    assert list(parties.mentions("Government-furnished equipment and a co-located office")) == []


# ---- speed ------------------------------------------------------------------------------------


def test_time_grows_with_the_number_of_sentences():
    # Per-sentence speed is measured by benchmarks/bench_read.py; here: 2x the sentences, < 3x the time.
    def make(copies):
        sentences = [s for s, _ in OWNER_CASES] * copies
        return lambda: [find_obligation(s, DEFAULT) for s in sentences]

    assert growth(make, 15) < 3.0


def _hostile(copies: int):
    run_on = "The Contractor shall provide " + "support, maintenance and reporting, " * (5 * copies)
    beyond_the_cap = ("The Contractor and the Client and " * (3 * copies)) + "shall provide."
    names = ("Acme Alpha Beta Gamma Delta Epsilon Zeta Eta (" * (4 * copies)) + '"Client")'
    return run_on, beyond_the_cap, names + "\nClient: " + "X" * (5 * copies)


def test_hostile_text_is_read_right():
    run_on, beyond_the_cap, names = _hostile(1000)
    assert obligation_owner(run_on) == "provider"
    assert obligation_owner(beyond_the_cap) is None  # only the first 2,000 characters are read
    find_parties(names)


def test_hostile_text_stays_linear():
    # Growth, not a wall-clock budget (that failed at 3.17 s against 3.0 on a loaded machine).
    def make(copies):
        run_on, beyond_the_cap, names = _hostile(copies)
        return lambda: (obligation_owner(run_on), obligation_owner(beyond_the_cap), find_parties(names))

    assert growth(make, 500) < 3.0


# ---- real documents (read in place, skipped when the corpus is absent) ---------------------------


def _real(name: str) -> str:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real corpus document {name} not present")
    return path.read_text(encoding="utf-8")


def _sentences(text: str) -> list[str]:
    """Paragraphs (blank-line separated, so headings stand alone) split at full stops."""
    out = []
    for paragraph in re.split(r"\n\s*\n", re.sub(r"[*#]+", "", text)):
        flat = re.sub(r"\s+", " ", paragraph).strip()
        out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", flat) if s]
    return out


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["18f-dol-whd-14c-pws.md", "18f-opm-eqip-pws.md", "18f-dol-whd-14c-rfq.md"])
def test_real_federal_documents(name):
    text = _real(name)
    parties = find_parties(text)
    assert parties.first_person == "client"  # "we" in a federal PWS or RFQ is the buyer
    checked = 0
    for sentence in _sentences(text):
        if re.match(r"(?:The )?(?:[Cc]ontractor|Vendor|Offerors?) (?:shall|must|will) [a-z]", sentence):
            assert obligation_owner(sentence, parties) == "provider", sentence
            checked += 1
        elif re.match(r"The (?:Government|COR|CO) (?:will|shall) (?!be )[a-z]", sentence):
            assert obligation_owner(sentence, parties) == "client", sentence
            checked += 1
    assert checked >= 3


@pytest.mark.corpus
def test_real_day_one_dependency_is_the_clients():
    text = _real("18f-opm-eqip-pws.md")
    parties = find_parties(text)
    [sentence] = [s for s in _sentences(text) if s.startswith("The Government will furnish the data")]
    assert obligation_owner(sentence, parties) == "client"
    assert parties.side_of("NBIB") == "client"  # "National Background Investigations Bureau (NBIB)"
