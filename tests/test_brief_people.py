"""People and politics in note sentences: names (titles, initials, several per sentence), role, side, cues,
and the sentences that must yield no person at all."""

from __future__ import annotations

import pytest

from sowlint.briefing.people import merge, people_in


def _people(sentence: str, known: dict | None = None):
    people, signals = people_in(sentence, known)
    return [(p.name, p.title, p.side, tuple(p.cues)) for p in people], [(s.cue, s.who) for s in signals]


PINNED = [
    # two people in one sentence, one with a title before the name
    ("Call went well, Alan and the office manager Deb both joined from the Gresham practice.",
     [("Alan", "", "client", ()), ("Deb", "office manager", "client", ())], []),
    # a name with a role in brackets (ours), then a list of first names
    ("From Tasha Greer (sales) for Maya, Leo and Priscilla.",
     [("Tasha Greer", "sales", "provider", ()), ("Maya", "", "", ()), ("Leo", "", "", ()), ("Priscilla", "", "", ())], []),
    ("Deb is the main contact for day-to-day stuff.", [("Deb", "", "", ("contact",))], [("contact", "Deb")]),
    ("Told Alan they get unlimited design tweaks, we keep going till the whole team is happy.",
     [("Alan", "", "client", ())], []),
    # unnamed roles and teams carry the cues
    ("The CFO is not convinced and IT was not in the room.",
     [("", "CFO", "client", ("sceptic",)), ("", "IT", "client", ("friction",))], [("sceptic", "CFO"), ("friction", "IT")]),
    # courtesy title stripped, title after the name, decision-maker cue
    ("Dr. Sarah Okafor, Head of Operations, signs off the budget.",
     [("Sarah Okafor", "Head of Operations", "", ("decision-maker",))], [("decision-maker", "Sarah Okafor")]),
    # an initial, and the team as the title
    ("J. Ortiz from finance pushed back on the price.", [("J. Ortiz", "finance", "", ("sceptic",))], [("sceptic", "J. Ortiz")]),
    # two people, two cues, each on the right one
    ("Their MD, Raj Patel, is our champion but Ms. Li (CFO) has the final say.",
     [("Raj Patel", "MD", "client", ("champion",)), ("Li", "CFO", "client", ("decision-maker",))],
     [("decision-maker", "Li"), ("champion", "Raj Patel")]),
    # our own side
    ("Our PM Priscilla will run the weekly calls.", [("Priscilla", "PM", "provider", ())], []),
    ("Alan wants Spanish versions of the location pages, told him no problem.", [("Alan", "", "", ())], []),
    # worry about a legal risk is not scepticism about the project
    ("They expect the site to meet WCAG 2.1 AA, Alan is worried about ADA demand letters.", [("Alan", "", "client", ())], []),
    ("Procurement was not consulted and the board wants a second quote.",
     [("", "Procurement", "client", ("friction",)), ("", "board", "client", ())], [("friction", "Procurement")]),
    ("Mr. K. Osei is sceptical that an agency can do this in six weeks.",
     [("K. Osei", "", "", ("sceptic",))], [("sceptic", "K. Osei")]),
]

NOTHING = [
    "We discussed their brand refresh for a while, they love the new teal.",
    "They liked the Willamette Vet site in our portfolio.",
    "Promised the new site is live before Thanksgiving so the front desk can get used to it before the holidays.",
    "Next call Thursday to go over the sitemap.",
    "We decided to start in March.",
    "Hosting and the premium plugin licences are on us for year one.",
    "Spanish and French versions are out of scope for phase one.",
    "Calls on Sept 10, Sept 24 and Oct 1, 2026.",
]


@pytest.mark.parametrize("sentence, people, signals", PINNED, ids=[p[0][:40] for p in PINNED])
def test_people_and_cues(sentence, people, signals):
    assert _people(sentence) == (people, signals)


@pytest.mark.parametrize("sentence", NOTHING)
def test_sentences_that_name_nobody(sentence):
    assert _people(sentence) == ([], [])


def test_a_known_name_gives_its_side_and_first_names_merge():
    known = {"Priscilla Nguyen": "provider"}
    people, _ = people_in("Said Priscilla will email them a quick status note every Friday.", known)
    assert [(p.name, p.side) for p in people] == [("Priscilla", "provider")]
    merged = merge(people + people_in("Priscilla Nguyen, Project Coordinator, runs the calls.", known)[0])
    assert [(p.name, p.title, p.side) for p in merged] == [("Priscilla Nguyen", "Project Coordinator", "provider")]
