"""Handoff notes: reading, commitment extraction, outcomes against a SOW, and the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sowlint.cli import main
from sowlint.engine.context import LintContext
from sowlint.errors import ReadError
from sowlint.notes.extract import as_commitment
from sowlint.notes.dates import deadline_date
from sowlint.notes.match import classify
from sowlint.notes.read import read_notes
from sowlint.readers.text import read_markdown_string

COMMITMENTS = [
    ("told them we'd send weekly status reports in their format", "promise"),
    ("they expect SSO at launch", "expectation"),
    ("mentioned we could add a mobile app later", "promise"),
    ("promised go-live before Black Friday", "promise"),
    ("client assumes we migrate ten years of orders", "expectation"),
    ("CFO wants a fixed price", "expectation"),
    ("We'll throw in a logo refresh at no extra cost.", "promise"),
    ("Offered three rounds of revisions on the homepage", "promise"),
    ("They need the data warehouse refreshed daily", "expectation"),
    ("Said we can easily add a second language later", "promise"),
    ("Their IT lead requires SSO with Azure AD", "expectation"),
    ("Agreed to train all store managers before launch", "promise"),
    ("Marketing team is counting on 20 landing pages", "expectation"),
    ("We will handle the hosting setup for them", "promise"),
    ("No problem supporting them over the holidays", "promise"),
    ("Client asked for a monthly KPI dashboard in Power BI", "expectation"),
    ("Assured them the migration would be done by March 1, 2027", "promise"),
    ("They would like two on-site workshops in Leeds", "expectation"),
]
NOT_COMMITMENTS = [
    "we discussed their org chart", "call went well", "Sarah is the main contact", "next call Tuesday",
    "They liked the portfolio.", "Met with the CFO and the IT lead.", "Talked about their current vendor.",
    "Good meeting overall", "Budget cycle starts in April.", "Follow up on the NDA",
    "Shout if anything needs a chat before Thursday.",
]


@pytest.mark.parametrize("sentence, kind", COMMITMENTS)
def test_commitments_are_found_with_who_made_them(sentence, kind):
    c = as_commitment(sentence)
    assert c is not None and c.kind == kind


@pytest.mark.parametrize("sentence", NOT_COMMITMENTS)
def test_sentences_that_commit_to_nothing_are_not_commitments(sentence):
    assert as_commitment(sentence) is None


def test_a_commitment_carries_its_quantity_frequency_format_price_model_and_deadline():
    c = as_commitment("told them we'd send weekly status reports in their format")
    assert (c.frequency, c.fmt) == ("weekly", "client template")
    assert as_commitment("client assumes we migrate ten years of orders").quantities == [(10, "year")]
    # "rounds" and "revisions" count the same thing
    assert as_commitment("Offered three rounds of revisions").quantities == as_commitment(
        "Offered three revisions").quantities
    assert as_commitment("CFO wants a fixed price").engagement == "fixed-fee"
    assert as_commitment("promised go-live before Black Friday").deadline == "Black Friday"
    assert as_commitment("Assured them the migration would be done by March 1, 2027").deadline == "March 1, 2027"


def test_deadlines_from_calendar_events():
    assert deadline_date("Black Friday", 2026) == dt.date(2026, 11, 27)
    assert deadline_date("Christmas", 2027) == dt.date(2027, 12, 25)
    assert deadline_date("end of Q3", 2027) == dt.date(2027, 9, 30)


SOW = """## Scope of Work
We will design and build the new ordering website for the four stores.
Design includes two rounds of revisions on the homepage and templates.
We will send a weekly status report in PDF.
## Timeline
The website goes live on 14 December 2026.
## Fees
The work is billed on a time and materials basis at the rates below.
## Out of Scope
Copywriting and photography are not included.
"""


def _outcome(note: str) -> str:
    ctx = LintContext(read_markdown_string(SOW))
    return classify(ctx, as_commitment(note)).status


@pytest.mark.parametrize("note, outcome", [
    ("told them we'd build the ordering website for all four stores", "included"),
    ("they expect us to design the new ordering site for their stores", "included"),  # paraphrase
    ("client assumes we write all the website copywriting", "excluded"),
    ("promised photography of each store", "excluded"),
    ("offered three rounds of revisions on the homepage", "contradicted"),  # same subject, other number
    ("told them we'd send a weekly status report in their Excel template", "contradicted"),  # other format
    ("CFO wants a fixed price", "contradicted"),  # the SOW is time and materials
    ("promised the website goes live before Black Friday", "contradicted"),  # the SOW says 14 December
    ("mentioned we could add a loyalty app later", "unaddressed"),
    ("they expect SSO with Azure AD at launch", "unaddressed"),
])
def test_outcomes_against_the_sow(note, outcome):
    assert _outcome(note) == outcome


SALON = """## What you're getting
- A five-page website with a booking request form on every page; the form emails the salon and you confirm by phone.
- Migration of your client list. Orders placed before 2024 are not migrated.
- Hosting set-up. The hosting plan is paid by the Client directly to the host.
- Bug fixes for 30 days after launch, at no charge.
- Set-up of the booking tool for up to 6 stylists.
## Fees
A fixed fee of NZD 3,200. Extra pages are billed at NZD 95 per hour.
## Not included
- Integration with Fresha or any other salon software.
- Reports other than those listed above.
## Timing
The site goes live on Friday 17 April 2026.
"""


def _salon(note: str) -> str:
    ctx = LintContext(read_markdown_string(SALON))
    return classify(ctx, as_commitment(note)).status


@pytest.mark.parametrize("note, outcome", [
    # all of something the SOW includes only in part
    ("told them we'd bring over all their old orders and the client list", "contradicted"),
    # the area is there, the specific thing is not
    ("told Jess clients will book a slot instantly on the website", "unaddressed"),
    ("Jess wants a text reminder the day before the booking, told her no problem", "unaddressed"),
    ("said the website comes in Spanish as well, five pages", "unaddressed"),
    # free work against priced work, against a cost the client pays, and against free work
    ("said we'd add two extra pages to the website for free", "contradicted"),
    ("told her the hosting plan is covered by our fee", "excluded"),
    ("said any bugs in the 30 days after launch get fixed free of charge", "included"),
    # an exclusion that names the product
    ("mentioned we'd link the website to Fresha, no problem", "excluded"),
    # a count within a cap, a period in other units, a calendar event
    ("said the booking tool takes all five stylists", "included"),
    ("promised two months of bug fixes after launch", "contradicted"),
    ("promised Jess it'd be live before Easter", "contradicted"),
])
def test_outcomes_for_all_free_and_specific_promises(note, outcome):
    assert _salon(note) == outcome


@pytest.mark.parametrize("text, sentences", [
    ("told Dr. Lin that we can wipe a lost laptop. Call went well.", ["told Dr. Lin that we can wipe a lost laptop.", "Call went well."]),
    ("Said the numbers refresh every day. Next call Tuesday.", ["Said the numbers refresh every day.", "Next call Tuesday."]),
])
def test_a_title_before_a_full_stop_does_not_end_the_sentence(text, sentences):
    from sowlint.notes.extract import split_sentences

    assert split_sentences(text) == sentences


@pytest.mark.parametrize("sentence", [
    "Said all 1,800 products come across with their variants and photos.",
    "Mentioned that paid orders go straight to ShipStation.",
    "mentioned I'd sort out their Google listing",
    "told Dr. Lin we'd waive the onboarding fee",
])
def test_reported_speech_and_a_freelancers_voice_are_promises(sentence):
    c = as_commitment(sentence)
    assert c is not None and c.kind == "promise"


def test_easter_is_worked_out_per_year():
    assert deadline_date("Easter", 2026) == dt.date(2026, 4, 5)
    assert deadline_date("Good Friday", 2027) == dt.date(2027, 3, 26)


def test_email_notes_skip_quoted_replies_and_the_signature(tmp_path):
    eml = tmp_path / "handoff.eml"
    eml.write_text(
        "From: sam@agency.example\nTo: delivery@agency.example\nSubject: Fernleaf handoff\n"
        "Date: Tue, 13 Oct 2026 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
        "Hi team,\ntold them we'd set up SSO at launch.\n\n-- \nSam, promised nothing here\n\n"
        "> Earlier: we will migrate ten years of orders\n", encoding="utf-8")
    lines = read_notes(eml)
    assert [n.text for n in lines] == ["Hi team,", "told them we'd set up SSO at launch."]


def test_email_lines_keep_their_numbers_past_an_inline_quote(tmp_path):
    eml = tmp_path / "reply.eml"
    eml.write_text("Subject: re: handoff\nContent-Type: text/plain; charset=utf-8\n\n"
                   "first line\n> a quoted line\nthird line\n", encoding="utf-8")
    assert [(n.text, n.line) for n in read_notes(eml)] == [("first line", 1), ("third line", 3)]


@pytest.mark.parametrize("name, content, message", [
    ("missing.md", None, "notes file not found"),
    ("notes.pages", b"x", "unsupported notes type"),
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02binary", "binary"),
])
def test_unreadable_notes_are_one_line_read_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_notes(path)


def test_cli_notes_findings_and_exit_codes(tmp_path):
    sow = tmp_path / "sow.md"
    sow.write_text(SOW, encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("- mentioned we could add a loyalty app later\n- offered three rounds of revisions on the homepage\n"
                     "- told them we'd build the ordering website for all four stores\n- call went well\n", encoding="utf-8")
    runner = CliRunner()
    without = runner.invoke(main, [str(sow), "--format", "json"])
    result = runner.invoke(main, [str(sow), "--format", "json", "--notes", str(notes)])
    data = json.loads(result.output)
    notes_findings = [f for f in data["documents"][0]["findings"] if "notes" in f["tags"]]
    assert {f["extra"]["status"] for f in notes_findings} == {"unaddressed", "contradicted", "included"}
    contradicted = next(f for f in notes_findings if f["extra"]["status"] == "contradicted")
    assert contradicted["severity"] == "error" and "two rounds" in contradicted["related"][0]
    assert result.exit_code == 1
    # Without --notes nothing about notes appears and the other findings are the same.
    base = json.loads(without.output)["documents"][0]["findings"]
    assert base == [f for f in data["documents"][0]["findings"] if "notes" not in f["tags"]]
    bad = runner.invoke(main, [str(sow), "--notes", str(tmp_path / "nope.md")])
    assert bad.exit_code == 2 and "notes file not found" in bad.output and "Traceback" not in bad.output


def test_reports_describe_the_notes_rules():
    import sowlint
    from sowlint.notes.rules import NOTE_RULES

    root = Path(__file__).resolve().parent.parent / "corpora"
    report = sowlint.lint(root / "website-build-fernleaf.docx",
                          notes=[str(root / "handoff" / "website-build-fernleaf.notes.md")])
    described = {r.id: r for r in report.rules}
    assert {f.rule for f in report.findings if "verbal" in f.rule} <= set(described)
    assert all(described[r.id] == r for r in NOTE_RULES)
    assert not {r.id for r in NOTE_RULES} & {r.id for r in sowlint.lint(root / "website-build-fernleaf.docx").rules}


def test_docx_notes_are_read_block_by_block(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Call notes", level=1)
    d.add_paragraph("told them we'd build the ordering website for all four stores", style="List Bullet")
    d.add_paragraph("call went well")
    path = tmp_path / "notes.docx"
    d.save(path)
    texts = [n.text for n in read_notes(path)]
    assert "told them we'd build the ordering website for all four stores" in texts
    ctx = LintContext(read_markdown_string(SOW))
    from sowlint.notes.check import check_notes

    (finding,) = check_notes(ctx, [str(path)])
    assert dict(finding.extra)["status"] == "included" and finding.severity == "info"
