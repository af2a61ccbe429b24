"""The timeline checks on generated schedules: each fires where the schedule cannot hold and stays quiet where it can."""

from __future__ import annotations

from pathlib import Path

import pytest

from sowlint.errors import ConfigError
from sowlint.readers.text import read_markdown_string
from sowlint.timeline import analyse, build_timeline
from sowlint.timeline import analysis as checks

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "real"


def run(check, markdown: str, **thresholds):
    doc = read_markdown_string(markdown)
    return check(doc, build_timeline(doc), **thresholds)


def kinds(markdown: str, **thresholds) -> set[str]:
    return {i.kind for i in analyse(read_markdown_string(markdown), **thresholds)}


PHASES_14_OF_12 = """# Statement of Work
## 1. Scope
We will rebuild the customer portal.
## 2. Timeline
The project will be completed within 12 weeks of contract signature.
- Phase 1: Discovery (3 weeks)
- Phase 2: Design (4 weeks)
- Phase 3: Build (5 weeks)
- Phase 4: Testing and UAT (2 weeks)
"""


# -- no_timeline ----------------------------------------------------------------------------------------------
def test_no_timeline_fires_when_only_service_levels_and_payment_terms_carry_time():
    issues = run(checks.no_timeline, "# SOW\n## Scope\nWe build the app.\n## Support\nWe respond to P1 incidents "
                                      "within 4 hours.\n## Fees\nInvoices are payable within 30 days.\n")
    assert [i.kind for i in issues] == ["no_timeline"]


def test_no_timeline_names_phases_that_have_no_dates():
    issues = run(checks.no_timeline, "# Proposal\n## Approach\nPhase 1: Research\n\nPhase 2: Basic features\n\n"
                                      "Phase 3: Launch\n")
    assert issues and "3 phases (Phase 1 to Phase 3)" in issues[0].message


@pytest.mark.parametrize("schedule", [
    "## Period of Performance\nThe period of performance is twelve (12) months from award.\n",
    "## Timeline\n- Week 1: Planning\n- Week 2: Build\n",
    "## Requirements\nThe contractor shall deliver and install the devices no later than 4 weeks ARO.\n",
    "Timeline:\nThe testing will be conducted between [Start Date] and [End Date].\n",
])
def test_no_timeline_is_quiet_when_the_work_has_a_schedule(schedule):
    assert run(checks.no_timeline, "# SOW\n## Scope\nWe build the app.\n" + schedule) == []


# -- over_total ------------------------------------------------------------------------------------------------
def test_over_total_names_the_phases_and_both_figures():
    issues = run(checks.over_total, PHASES_14_OF_12)
    assert [i.message for i in issues] == ["Phases 1-4 add up to 14 weeks; the SOW states 12 weeks"]
    assert "Phase 1: Discovery" in issues[0].evidence


def test_over_total_is_quiet_when_phases_fit_the_total():
    assert run(checks.over_total, PHASES_14_OF_12.replace("(5 weeks)", "(3 weeks)")) == []


def test_over_total_flags_dated_work_after_the_period_ends():
    markdown = ("# SOW\n## Tasks\nClassroom sessions and follow-up calls October 2019 – December 2020.\n"
                "## Period of Performance\n9/28/2019-9/27/2020\n")
    issues = run(checks.over_total, markdown)
    assert issues and "'December 2020' falls after the period of performance ends" in issues[0].message


def test_over_total_does_not_judge_dates_when_options_extend_the_period():
    markdown = ("# SOW\n## Tasks\nSupport continues until December 2021.\n## Period of Performance\n"
                "Base period 10/1/2019-9/30/2020, plus four one-year option periods.\n")
    assert run(checks.over_total, markdown) == []


# -- out_of_order and end_before_start ---------------------------------------------------------------------------
def test_out_of_order_fires_for_a_milestone_listed_after_a_later_one():
    issues = run(checks.out_of_order, "# SOW\n## Milestones\n- Kick-off: 1 March 2027\n- Design sign-off: 15 April 2027\n"
                                       "- Go-live: 1 April 2027\n")
    assert len(issues) == 1 and issues[0].message.startswith("'Go-live' (1 April 2027) is listed after 'Design sign-off'")


def test_out_of_order_is_quiet_for_milestones_in_date_order():
    assert run(checks.out_of_order, "# SOW\n## Milestones\n- Kick-off: 1 March 2027\n- Go-live: 1 April 2027\n") == []


def test_end_before_start_fires_for_a_reversed_range():
    issues = run(checks.end_before_start, "# SOW\n## Period of Performance\nThe period of performance is from "
                                           "1 March 2027 to 15 February 2027.\n")
    assert [i.message for i in issues] == ["The range 1 March 2027 to 15 February 2027 ends before it starts"]


def test_end_before_start_fires_for_reversed_weeks_and_not_for_forward_ones():
    assert run(checks.end_before_start, "# SOW\n## Timeline\n- Weeks 8-3: Build\n")
    assert run(checks.end_before_start, "# SOW\n## Timeline\n- Weeks 3-8: Build\n") == []
    assert run(checks.end_before_start, "# SOW\nPeriod: 1 March 2027 to 31 May 2027.\n") == []


# -- overlap ---------------------------------------------------------------------------------------------------
OVERLAPPING = """# SOW
## Timeline
| Phase | Weeks | Deliverable |
|---|---|---|
| Discovery | Weeks 1-4 | Findings |
| Design | Weeks 3-6 | Designs |
| Build | Weeks 7-10 | Portal |
"""


def test_overlap_fires_for_sequential_phases_whose_weeks_overlap():
    issues = run(checks.overlap, OVERLAPPING)
    assert [i.message for i in issues] == ["'Design' (weeks 3-6) starts before 'Discovery' (weeks 1-4) ends"]


def test_overlap_is_quiet_when_the_sow_says_phases_run_in_parallel_or_do_not_overlap():
    assert run(checks.overlap, OVERLAPPING + "\nDesign runs in parallel with the end of Discovery.\n") == []
    assert run(checks.overlap, OVERLAPPING.replace("Weeks 3-6", "Weeks 5-6")) == []


def test_deliverables_due_out_of_list_order_and_staff_weeks_are_no_sequence():
    markdown = ("# SOW\n## Deliverables\n| ID | Deliverable | Due |\n|---|---|---|\n| D1 | Plan | Week 2 |\n"
                "| D2 | Cut-over | Week 19 |\n| D3 | Guides | Week 18 |\n## Team\n| Role | Name | Commitment |\n"
                "|---|---|---|\n| Architect | Dana | Full time, weeks 1 to 19 |\n| Lead | Ola | Full time, weeks 10 to 19 |\n")
    assert run(checks.out_of_order, markdown) == [] and run(checks.overlap, markdown) == []


# -- past_date -------------------------------------------------------------------------------------------------
def test_past_date_fires_for_a_milestone_before_the_document_date():
    issues = run(checks.past_date, "# Proposal\nDate: 10 May 2027\n## Schedule\n- Kick-off: 1 March 2027\n- Go-live: 1 June 2027\n")
    assert [i.message for i in issues] == ["'Kick-off' is dated 1 March 2027, before the document's own date (10 May 2027)"]


def test_past_date_ignores_dates_that_are_not_deadlines_and_file_metadata():
    assert run(checks.past_date, "# SOW\nDate: 21 Aug 2026\n## Scope\nThe migration covers the jobs listed in the "
                                 "inventory of 14 July 2026.\n") == []
    doc = read_markdown_string("# Proposal\n## Schedule\n- Kick-off: 1 March 2027\n- Go-live: 1 June 2027\n")
    doc.meta.created = "2028-01-01T00:00:00"
    assert checks.past_date(doc, build_timeline(doc)) == []


def test_past_date_is_quiet_when_the_document_date_is_ambiguous():
    # 08/06/2026 is 8 June (before July) or 6 August (after it): no finding without a date order.
    assert run(checks.past_date, "# Proposal\nDate: 08/06/2026\n## Schedule\n- Kick-off: 6 July 2026\n"
                                 "- Go-live: 1 December 2026\n") == []


def test_past_date_is_quiet_for_future_dates_or_an_undated_document():
    assert run(checks.past_date, "# Proposal\nDate: 10 February 2027\n## Schedule\n- Kick-off: 1 March 2027\n") == []
    assert run(checks.past_date, "# Proposal\n## Schedule\n- Kick-off: 1 March 2027\n- Go-live: 1 June 2027\n") == []


# -- no_buffer -------------------------------------------------------------------------------------------------
def test_no_buffer_fires_for_back_to_back_phases():
    issues = run(checks.no_buffer, PHASES_14_OF_12)
    assert issues and issues[0].message.startswith("Phases 1-4 run back to back for 14 weeks")


def test_no_buffer_is_quiet_with_a_contingency_or_few_phases():
    assert run(checks.no_buffer, PHASES_14_OF_12 + "\nA two-week contingency is held at the end.\n") == []
    assert run(checks.no_buffer, "# SOW\n## Timeline\n- Phase 1: Design (2 weeks)\n- Phase 2: Build (4 weeks)\n") == []


# -- density ---------------------------------------------------------------------------------------------------
DELIVERABLES = "## Deliverables\n" + "".join(f"- Report {c}\n" for c in "ABCDEFGH")


def test_density_fires_for_many_deliverables_in_a_short_engagement():
    issues = run(checks.density, "# SOW\n## Timeline\nThe engagement will run for 2 weeks.\n" + DELIVERABLES)
    assert [i.message for i in issues] == ["8 deliverables in 2 weeks is 4.0 a week (more than 2)"]


def test_density_is_quiet_for_a_longer_engagement_or_a_higher_threshold():
    assert run(checks.density, "# SOW\n## Timeline\nThe engagement will run for 12 weeks.\n" + DELIVERABLES) == []
    assert run(checks.density, "# SOW\n## Timeline\nThe engagement will run for 2 weeks.\n" + DELIVERABLES,
               max_per_week=5) == []


# -- short_uat and no_stabilisation --------------------------------------------------------------------------
SHORT_UAT = "# SOW\n## Project Plan\n- Build: 6 weeks\n- UAT: 3 days\n- Go-live: 1 day\n"


def test_short_uat_fires_for_less_than_a_week_of_uat():
    assert [i.message for i in run(checks.short_uat, SHORT_UAT)] == ["UAT ('UAT') gets 3 days; less than 1 week"]
    assert run(checks.short_uat, "# SOW\n## Testing\nUser acceptance testing will last 2 days.\n")


def test_short_uat_is_quiet_for_two_weeks_or_a_review_turnaround():
    assert run(checks.short_uat, SHORT_UAT.replace("UAT: 3 days", "UAT: 2 weeks")) == []
    assert run(checks.short_uat, "# SOW\n## Testing\nDefects found in UAT are fixed within 2 days of UAT sign-off.\n") == []


def test_no_stabilisation_fires_for_go_live_straight_after_uat():
    issues = run(checks.no_stabilisation, SHORT_UAT)
    assert issues and issues[0].evidence == "Go-live: 1 day"


def test_no_stabilisation_is_quiet_with_hypercare():
    assert run(checks.no_stabilisation, SHORT_UAT + "- Hypercare: 2 weeks\n") == []


# -- client_wait and fixed_dates -------------------------------------------------------------------------------
CLIENT_REVIEW = "# SOW\n## Timeline\n- Week 1-2: Discovery workshops\n- Week 3: Client review and approval of designs\n- Week 4-8: Build\n"


def test_client_wait_fires_for_a_client_review_with_no_turnaround():
    issues = run(checks.client_wait, CLIENT_REVIEW)
    assert len(issues) == 1 and issues[0].evidence == "Week 3: Client review and approval of designs"


def test_client_wait_is_quiet_with_a_turnaround_or_a_relief_clause():
    assert run(checks.client_wait, CLIENT_REVIEW.replace("approval of designs", "approval of designs within 5 business days")) == []
    assert run(checks.client_wait, CLIENT_REVIEW + "\nDelays caused by the client extend the schedule day-for-day.\n") == []


FIXED = """# PWS
## Requirements
The contractor shall install consoles at each base; installation requires site access and escorts from each base.
## Schedule
| Location | Consoles | Projected Install Complete |
|---|---|---|
| Robins | 5 | 1-Apr-19 |
| Homestead | 5 | 15-Apr-19 |
| Duke | 5 | 30-Apr-19 |
"""


def test_fixed_dates_fires_for_a_dated_schedule_that_depends_on_site_access():
    issues = run(checks.fixed_dates, FIXED)
    assert issues and "3 fixed dates" in issues[0].message and "site access" in issues[0].message


def test_fixed_dates_is_quiet_with_tentative_dates_or_no_dependency():
    assert run(checks.fixed_dates, FIXED + "\nDates are tentative and will be adjusted to site availability.\n") == []
    assert run(checks.fixed_dates, FIXED.replace("; installation requires site access and escorts from each base", "")) == []


# -- asap ------------------------------------------------------------------------------------------------------
def test_asap_fires_for_a_deadline_and_not_for_a_notification():
    issues = run(checks.asap, "# SOW\n## Scope\nThe vendor will deliver the new website ASAP. "
                              "The Contractor shall immediately notify the COR of any incident.\n")
    assert [i.evidence for i in issues] == ["The vendor will deliver the new website ASAP."]


# -- analyse ---------------------------------------------------------------------------------------------------
def test_analyse_runs_every_check_and_routes_thresholds():
    assert {"over_total", "no_buffer"} <= kinds(PHASES_14_OF_12)
    assert "no_buffer" not in kinds(PHASES_14_OF_12, min_phases=5)
    issues = analyse(read_markdown_string(PHASES_14_OF_12))
    assert issues == sorted(issues, key=lambda i: (i.start, i.kind))
    assert all(i.evidence == read_markdown_string(PHASES_14_OF_12).text[i.start : i.end] for i in issues)


def test_analyse_rejects_an_unknown_threshold():
    with pytest.raises(ConfigError, match="unknown timeline threshold 'max_per_day'"):
        analyse(read_markdown_string(PHASES_14_OF_12), max_per_day=3)


def test_every_check_is_registered_with_doc_and_timeline_first():
    import inspect

    for name, check in checks.CHECKS.items():
        assert list(inspect.signature(check).parameters)[:2] == ["doc", "tl"], name


# -- the real corpus (skipped when absent) ---------------------------------------------------------------------
@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="real corpus not present")
def test_real_sow_with_a_four_week_plan_is_not_at_risk():
    from sowlint.readers import read_document

    doc = read_document(CORPUS / "ansible-app-restart-sow.md")
    tl = build_timeline(doc)
    assert tl.total is not None and tl.total.describe() == "4 weeks"
    assert [e.kind for e in tl.entries] == ["week"] * 4
    assert not {i.kind for i in analyse(doc, tl)} & {"no_timeline", "over_total", "fixed_dates", "end_before_start"}


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="real corpus not present")
def test_real_feature_list_has_no_timeline():
    from sowlint.readers import read_document

    assert "no_timeline" in {i.kind for i in analyse(read_document(CORPUS / "microdoas-gcs-sow.txt"))}


def test_day_month_dates_read_one_way_by_lint_and_outline(tmp_path):
    # "21/05/2027" can only be day/month: the whole document is read that way, by lint and outline alike.
    import json

    import sowlint
    from sowlint.commands.outline import render_outline

    sow = tmp_path / "dmy.md"
    sow.write_text("# SOW\n\n## Timeline\n\nThe work runs from 12/04/2027 to 21/05/2027.\n\n"
                   "- Phase 1: 12/04/2027 to 23/04/2027\n- Phase 2: 26/04/2027 to 21/05/2027\n\n"
                   "## Scope\n\nWe build the site.\n", encoding="utf-8")
    report = sowlint.lint(sow)
    assert not [f for f in report.findings if f.category == "timeline" and f.severity == "error"]
    data = json.loads(render_outline(str(sow), fmt="json", timeline=True))
    assert data["date_order"].startswith("DMY (inferred")
    phases = {r["phase"]: r for r in data["timeline"] if r["phase"].startswith("Phase")}
    assert phases["Phase 1: to"]["start"] == "2027-04-12" and phases["Phase 2: to"]["end"] == "2027-05-21"
    # The configuration still wins: read month/day, the same dates make impossible ranges.
    forced = sowlint.lint(sow, date_order="MDY")
    assert [f for f in forced.findings if f.rule == "timeline-end-before-start"]


# -- scope against time ----------------------------------------------------------------------------
def test_scope_reader_counts_by_kind_and_reads_team_and_weeks():
    from sowlint.timeline.scope import measure

    doc = read_markdown_string(
        "# Proposal\n\n## Scope\n\n- Patient mobile app for iOS and Android\n- Admin dashboard for clinicians\n"
        "- Stripe payment integration\n- Integration with the clinic's CRM\n- Migration of 5 years of records\n"
        "- Security audit and penetration test\n\n## Team\n\nA team of 3: two developers and a designer.\n\n"
        "## Timeline\n\nDelivery in 12 weeks.\n")
    size = measure(doc, build_timeline(doc))
    assert set(size.platforms) == {"ios", "android", "admin"}
    assert (size.integrations, size.migrations, size.assurance, size.weeks, size.headcount) == (2, 1, 1, 12.0, 3)
    assert "in 12 weeks" in size.describe() and "team of 3" in size.describe()


def test_too_short_gives_the_figures_and_spares_an_indicative_plan():
    from sowlint.timeline.analysis import too_short

    tight = read_markdown_string("## Timeline\n\nThe system is due 60 calendar days after award.\n\n## Scope\n\n"
                                 "- Build the case system and obtain an Authority to Operate\n")
    [issue] = too_short(tight, build_timeline(tight))
    assert "Authority to Operate" in issue.message and "8.6 weeks" in issue.message
    loose = read_markdown_string("## Timeline\n\nAn indicative plan of 3 weeks, to be confirmed after discovery.\n\n"
                                 "## Scope\n\nConsolidate 15 years of data from 8+ sources.\n")
    assert too_short(loose, build_timeline(loose)) == []


def test_no_buffer_spares_small_jobs_ranges_and_flexible_plans():
    from sowlint.timeline.analysis import no_buffer

    plan = "- Phase 1: Design (2 weeks)\n- Phase 2: Build (4 weeks)\n- Phase 3: Launch (1 week)\n"
    for lead, fires in [("", True), ("Estimated total duration: 7-9 weeks.\n\n", False),
                        ("Timeline may vary depending on feedback cycles.\n\n", False),
                        ("Changes may impact timeline and cost and will be evaluated.\n\n", False),
                        ("A two-week contingency is held at the end.\n\n", False)]:
        doc = read_markdown_string("## Timeline\n\n" + lead + plan)
        assert bool(no_buffer(doc, build_timeline(doc))) == fires, lead
    days = read_markdown_string("## Timeline\n\n- Day 1: Planning\n- Day 2: Build\n- Day 3: Release\n")
    assert no_buffer(days, build_timeline(days)) == []  # a three-day job


def test_a_table_whose_column_names_the_unit_is_a_schedule():
    doc = read_markdown_string("## Plan\n\n| Phase | Days | Deliverable |\n|---|---|---|\n| 1. Setup | 1 to 3 | Schema |\n"
                               "| 2. API | 4 to 7 | Endpoints |\n| 3. Launch | 8 to 12 | Go live |\n")
    entries = build_timeline(doc).entries
    assert [(e.label, e.start_day, e.end_day) for e in entries] == [
        ("1. Setup", 1.0, 3.0), ("2. API", 4.0, 7.0), ("3. Launch", 8.0, 12.0)]


def test_what_is_no_schedule_of_the_work():
    from sowlint.timeline.analysis import schedule_evidence

    for text in ["## Agreement\n\nThis agreement is made effective as of January 8, 2024.\n",
                 "## Acceptance\n\nUpon delivery of each deliverable the Client shall complete UAT within ten (10) "
                 "business days.\n",
                 "## RFP Schedule\n\n| Event | Date |\n|---|---|\n| Questions due | March 1, 2027 |\n"
                 "| Award | April 1, 2027 |\n"]:
        doc = read_markdown_string(text)
        assert schedule_evidence(build_timeline(doc), 2, doc) is None, text
    for text in ["## Period\n\nThe period of performance is 1 (one) base year plus 4 (four) option years.\n",
                 "## Effort\n\nThe assignment is estimated to take about 30 man-days.\n",
                 "## 5 Schedule\n\nNovember December\n\nS M T W T F S\n\n01 02 03 04 05 06 07\n"]:
        doc = read_markdown_string(text)
        assert schedule_evidence(build_timeline(doc), 2, doc) is not None, text
