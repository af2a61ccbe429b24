"""Extraction of durations, anchors and dates from SOW phrases, and the Timeline built from a document."""

from __future__ import annotations

from datetime import date

import pytest
from growth import growth

from sowlint.errors import ConfigError
from sowlint.readers.text import read_markdown_string
from sowlint.timeline import build_timeline, normalise, scan, timeline_rows
from sowlint.timeline.dates import document_date
from sowlint.timeline.spans import DateSpan


def one_duration(text: str):
    found = scan(text).durations
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


def the_date(text: str, order: str = "MDY"):
    spans = scan(text).dates
    assert len(spans) == 1, f"{text!r}: {spans}"
    return normalise(spans[0], order)


# -- durations ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, low, high, unit", [
    ("The project will be completed within six (6) weeks of contract signature.", 6, 6, "week"),
    ("Discovery is expected to take 3-4 months.", 3, 4, "month"),
    ("The client will review each deliverable within 10 business days.", 10, 10, "business_day"),
    ("Work proceeds in a two-week sprint cadence.", 2, 2, "week"),
    ("Maintenance support for a period of twelve (12) months from acceptance.", 12, 12, "month"),
    ("Items must be delivered within thirty (30) calendar days after award.", 30, 30, "day"),
    ("Transition shall be completed between 60 to 75 calendar days after award.", 60, 75, "day"),
    ("Each classroom session will be two or three days.", 2, 3, "day"),
    ("The Offeror shall provide maintenance support for a period of one (1) year.", 1, 1, "year"),
    ("A 12-month base period, then the options.", 12, 12, "month"),
    ("The period of performance is 1 (one) base year.", 1, 1, "year"),
    ("The assignment is estimated to take about 30 man-\u2010days.", 30, 30, "day"),  # a PDF's Unicode hyphen
    ("Comments are returned within 5 working days.", 5, 5, "business_day"),
    ("Build runs for 6–8 weeks.", 6, 8, "week"),
    ("Stabilisation lasts twenty-one (21) days.", 21, 21, "day"),
    ("Hypercare continues for 1.5 months.", 1.5, 1.5, "month"),
    ("Lease term 60 Mo. per device.", 60, 60, "month"),
])
def test_durations_in_sow_phrasing(text, low, high, unit):
    d = one_duration(text)
    assert (d.low, d.high, d.unit) == (low, high, unit)
    assert text[d.start : d.end] == d.text


def test_base_and_option_years_are_each_a_length():
    found = scan("A 12-month base period with four option years.").durations
    assert [(d.high, d.unit) for d in found] == [(12, "month"), (4, "year")]


def test_a_week_is_one_week_and_a_rate_is_marked_recurring():
    d = one_duration("Allow a week for client feedback.")
    assert (d.low, d.unit, d.recurring) == (1, "week", False)
    rates = scan("Support is available 24 hours a day, 7 days a week.").durations
    assert rates and all(r.recurring for r in rates)


def test_person_days_are_effort_not_elapsed_time():
    d = one_duration("The estimate is 40 person-days of consulting.")
    assert d.effort and d.low == 40


def test_business_days_convert_to_more_calendar_days():
    d = one_duration("within 10 business days")
    assert d.high_days == pytest.approx(14.0)
    assert d.describe() == "10 business days"


# -- relative anchors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, event_key, days", [
    ("within six (6) weeks of contract signature", "signature", 42),
    ("two weeks after kickoff", "kickoff", 14),
    ("no later than 4 weeks ARO", "award", 28),
    ("fifteen (15) days following date of award", "award", 15),
    ("within 10 calendar days from award", "award", 10),
    ("60 calendar days after the Post Award Conference", "kickoff", 60),
    ("within 4 weeks from project initiation", "start", 28),
    ("within 30 days of the end of the task order", "completion", 30),
])
def test_offsets_name_their_event(text, event_key, days):
    offsets = [a for a in scan(text).anchors if a.kind == "offset"]
    assert len(offsets) == 1, offsets
    a = offsets[0]
    assert a.event_key == event_key
    assert a.offset is not None and a.offset.high_days == pytest.approx(days)


def test_ntp_plus_days_is_an_offset_from_the_start():
    a = next(a for a in scan("Deliver the pilot by NTP + 60 days.").anchors if a.kind == "offset")
    assert (a.relation, a.event_key, a.offset.low, a.offset.unit) == ("plus", "start", 60, "day")


def test_prior_to_keeps_its_relation():
    a = next(a for a in scan("Submit the test plan 30 days prior to the start of fieldwork.").anchors if a.kind == "offset")
    assert a.relation == "prior to" and a.event_key == "start"


@pytest.mark.parametrize("text, kind, low, high", [
    ("Week 3: Environment configuration", "week", 3, 3),
    ("Weeks 3-8: Build and integration", "week", 3, 8),
    ("Sprint 4 — Waiter mobile app", "sprint", 4, 4),
    ("Phase 2: Design", "phase", 2, 2),
    ("Phase II ESA fieldwork", "phase", 2, 2),
    ("Draft final report due Day 30", "day", 30, 30),
    ("Month 3: pilot launch", "month", 3, 3),
    ("Weeks 3 through Week 8", "week", 3, 8),
])
def test_numbered_references(text, kind, low, high):
    refs = [a for a in scan(text).anchors if a.kind not in ("offset", "dependency")]
    assert len(refs) == 1, refs
    assert (refs[0].kind, refs[0].low, refs[0].high) == (kind, low, high)


def test_dependency_on_client_content():
    deps = [a for a in scan("Page build starts after receipt of client content.").anchors if a.kind == "dependency"]
    assert len(deps) == 1 and deps[0].event == "receipt of client content"


# -- absolute dates ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("All deliverables are due by March 1, 2027.", date(2027, 3, 1)),
    ("Go-live: 2027-04-15", date(2027, 4, 15)),
    ("Final acceptance on 15/04/2027.", date(2027, 4, 15)),
    ("on or before 15 January 2027", date(2027, 1, 15)),
    ("by 5 pm EST on June 30th, 2027", date(2027, 6, 30)),
    ("Robins 5 5 1-Apr-19", date(2019, 4, 1)),
    ("effective the 1st day of March, 2027", date(2027, 3, 1)),
    ("Release plan: Tuesday 1/12/2021", date(2021, 1, 12)),
    ("Transition Period: 1 Sept, 2020", date(2020, 9, 1)),
])
def test_absolute_dates(text, expected):
    assert the_date(text).first == expected


def test_day_month_order_is_a_setting_and_ambiguity_is_flagged():
    mdy, dmy = the_date("due 04/05/2027", "MDY"), the_date("due 04/05/2027", "DMY")
    assert (mdy.first, dmy.first) == (date(2027, 4, 5), date(2027, 5, 4))
    assert mdy.ambiguous and dmy.ambiguous
    assert not the_date("due 15/04/2027", "MDY").ambiguous


def test_quarter_and_month_cover_their_whole_span():
    q = the_date("Launch in Q3 2027.")
    assert (q.first, q.last, q.precision) == (date(2027, 7, 1), date(2027, 9, 30), "quarter")
    assert the_date("the third quarter of 2027").first == date(2027, 7, 1)
    m = the_date("Phase 1 ends March 2027.")
    assert (m.first, m.last) == (date(2027, 3, 1), date(2027, 3, 31))


def test_a_date_range_yields_both_ends():
    values = [normalise(s) for s in scan("PERIOD OF PERFORMANCE 9/28/2019-9/27/2020").dates]
    assert [v.first for v in values] == [date(2019, 9, 28), date(2020, 9, 27)]


def test_placeholders_are_dates_left_to_fill():
    spans = scan("The testing will be conducted between [Start Date] and [End Date]; award XX/XX/XXXX.").dates
    assert [s.form for s in spans] == ["placeholder"] * 3
    assert all(normalise(s).first is None for s in spans)
    assert scan("Dear [Client Name],").dates == []


def test_impossible_date_normalises_to_nothing():
    assert the_date("due 31/02/2027", "DMY").first is None


def test_dateparser_normalises_forms_outside_the_grammar():
    value = normalise(DateSpan("March 1st, 2027", 0, 15, "text", 2027))
    assert value.first == date(2027, 3, 1)


def test_unknown_date_order_is_a_config_error():
    with pytest.raises(ConfigError):
        normalise(scan("2027-04-15").dates[0], "YMD")
    with pytest.raises(ConfigError):
        build_timeline(read_markdown_string("# SOW\n\nDue 2027-04-15."), date_order="ymd")


# -- traps: nothing here is a date or a duration ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The fixed fee is $45,000, payable in two instalments.",
    "See Section 4.2.1 for the acceptance procedure.",
    "The contractor shall be certified to ISO 9001.",
    "The service desk operates 24/7.",
    "Deliver Version 2.3 of the API.",
    "Workshops are held in Room 101.",
    "FAR 52.212-4 Contract Terms and Conditions apply.",
    "Workstations run Windows 10.",
    "The environment has 3 servers and 2 load balancers.",
    "Staff may be reassigned; you may march on.",
    "Ship the v1.0 release to the store.",
    "Fees are due on holidays and Mondays only by arrangement.",
    "Use 1/2 inch conduit and 3/4 inch pipe.",
    "Clause 12.04.26 applies.",
])
def test_traps_yield_no_date_or_duration(text):
    found = scan(text)
    assert found.durations == [] and found.dates == [], (found.durations, found.dates)
    assert [a for a in found.anchors if a.kind == "offset"] == []


# -- the document date and the period -----------------------------------------------------------------------
def test_document_date_from_a_date_label_not_a_due_date():
    text = "Statement of Work\nDue date: 1 May 2027\nVersion 1.0 Date: November 2024 Prepared by: Team"
    value = document_date(text)
    assert value is not None and value.first == date(2024, 11, 1)


def test_document_date_falls_back_to_metadata():
    value = document_date("No dates here at all.", created="2026-03-04T10:00:00Z")
    assert value is not None and value.first == date(2026, 3, 4)


def test_a_milestone_near_the_top_is_not_the_document_date():
    assert document_date("# SOW\nKick-off: 1 March 2027\nGo-live: 1 June 2027") is None


def test_period_of_performance_ignores_option_years_and_termination_deadlines():
    doc = read_markdown_string(
        "# Task Order\n\n## Period of Performance\n\n"
        "Should the Contractor be terminated prior to the end of the period of performance, materials are due "
        "within two weeks of the COR's request. The Period of Performance includes a base period of 3 months, "
        "with 5 additional option periods, each 3 months in duration.\n")
    tl = build_timeline(doc)
    assert tl.total is not None and tl.total.describe() == "3 months"


def test_period_dates_give_start_end_and_total():
    tl = build_timeline(read_markdown_string("# SOW\n\n## Period of Performance\n\n9/28/2019-9/27/2020\n"))
    assert tl.period_start.first == date(2019, 9, 28) and tl.period_end.last == date(2020, 9, 27)
    assert tl.origin == date(2019, 9, 28)
    assert tl.total is not None and tl.total.high_days == 366


def test_placeholder_period_counts_as_a_period_slot():
    tl = build_timeline(read_markdown_string("Timeline:\nThe testing will be conducted between [Start Date] and [End Date]."))
    assert tl.placeholder_period


def test_ambiguous_dates_warn_unless_the_order_is_set():
    doc = read_markdown_string("# SOW\n\n## Milestones\n\n- Design sign-off: 04/05/2027\n- Go-live: 06/07/2027\n")
    assert any("04/05/2027" in w for w in build_timeline(doc).warnings)
    assert build_timeline(doc, date_order="DMY").warnings == []


# -- schedule entries ---------------------------------------------------------------------------------------
def test_week_list_becomes_placed_entries():
    doc = read_markdown_string(
        "# SOW\n\n## 4. Project Timeline\n\nThe project will be completed within 4 weeks from project initiation, "
        "with the following milestones:\n\n1. **Week 1**: Project planning\n2. **Week 2**: Development of playbooks\n"
        "3. **Week 3**: Testing\n4. **Week 4**: Documentation and final delivery\n")
    tl = build_timeline(doc)
    assert tl.total.describe() == "4 weeks" and tl.start_event == "start"
    assert [(e.start_day, e.end_day) for e in tl.entries] == [(0, 7), (7, 14), (14, 21), (21, 28)]
    assert tl.entries[0].label == "Project planning"


def test_sprint_headings_take_their_duration_line_and_chain_back_to_back():
    doc = read_markdown_string(
        "# SOW\n\n## 11. Sprint Plan & Deliverables\n\nTotal Duration: 7 weeks\n\n"
        "### 11.1 Sprint 1 — Audit\n\nDuration: 1 week | Phase: Foundation\n\n"
        "### 11.2 Sprint 2 — Auth\n\nDuration: 2 weeks | Phase: Web App\n\n"
        "### 11.3 Sprint 3 — Release\n\nDuration: 4 weeks | Phase: Release\n")
    tl = build_timeline(doc)
    assert [e.kind for e in tl.entries] == ["sprint"] * 3
    assert [(e.start_day, e.end_day) for e in tl.entries] == [(0, 7), (7, 21), (21, 49)]
    assert all(e.implied for e in tl.entries)


def test_schedule_table_rows_become_entries_with_labels():
    doc = read_markdown_string(
        "# SOW\n\n## Schedule\n\n| Milestone | Date | Owner |\n|---|---|---|\n"
        "| Kick-off | 1 March 2027 | Vendor |\n| Design sign-off | 15 March 2027 | Client |\n| Go-live | 30 April 2027 | Vendor |\n")
    tl = build_timeline(doc)
    assert [e.label for e in tl.entries] == ["Kick-off", "Design sign-off", "Go-live"]
    assert [e.end_day for e in tl.entries] == [0, 14, 60]


def test_service_level_tables_and_feature_lists_are_not_schedules():
    doc = read_markdown_string(
        "# SOW\n\n## Support\n\n| Severity | Response time |\n|---|---|\n| P1 | 4 hours |\n| P2 | 2 business days |\n\n"
        "## Features\n\n- Default view: last 30 days\n- Configurable: 7 / 30 / 90 days\n")
    assert build_timeline(doc).entries == []


def test_timeline_rows_give_a_table_view():
    doc = read_markdown_string("# SOW\n\n## Timeline\n\nThe engagement will last 6 weeks.\n\n- Discovery: 2 weeks\n- Build: 4 weeks\n")
    rows = timeline_rows(build_timeline(doc))
    assert rows[0]["phase"] == "Period of performance" and rows[0]["duration"] == "6 weeks"
    assert [(r["phase"], r["start"], r["end"], r["duration"]) for r in rows[1:]] == [
        ("Discovery", "week 1", "week 2", "2 weeks"), ("Build", "week 3", "week 6", "4 weeks")]
    assert all(set(r) >= {"phase", "start", "end", "duration", "anchor", "source"} for r in rows)


def test_timeline_rows_show_calendar_dates_when_the_start_date_is_stated():
    doc = read_markdown_string(
        "# Proposal\n\n## Timeline\n\nThe project starts on Monday, October 5, 2026.\n\n| Phase | Timing |\n|---|---|\n"
        "| Discovery | Week 1 |\n| Design | Weeks 2 to 4 |\n")
    rows = timeline_rows(build_timeline(doc))
    assert [(r["phase"], r["start"], r["end"]) for r in rows] == [
        ("Discovery", "2026-10-05", "2026-10-11"), ("Design", "2026-10-12", "2026-11-01")]


def test_day_month_order_follows_how_the_document_writes_dates():
    doc = read_markdown_string("# SOW\nDate: 08/06/2026\n\n## Timeline\n\nThe study runs for 18 weeks from "
                               "Monday 6 July 2026 to Friday 6 November 2026.\n")
    tl = build_timeline(doc)
    assert tl.date_order == "DMY" and tl.document_date.first == date(2026, 6, 8)
    assert tl.total.describe() == "18 weeks"


def test_a_retainer_term_and_a_placeholder_start_are_a_period():
    tl = build_timeline(read_markdown_string("# SOW\n\n## H. Term\n\nThe retainer starts on <insert start date> and "
                                             "runs for an initial term of 6 months.\n"))
    assert tl.total.describe() == "6 months" and tl.placeholder_period


def test_a_phase_table_under_the_period_heading_is_a_schedule_not_the_period():
    doc = read_markdown_string(
        "# SOW\n\n## 5. PERIOD OF PERFORMANCE\n\nThis is a 12-week engagement starting on 16 March 2026.\n\n"
        "| Phase | Duration | Activities |\n|---|---|---|\n| Phase 1: Discovery | 4 weeks | Workshops |\n"
        "| Phase 2: Build | 6 weeks | Warehouse, historical data |\n| Phase 3: Rollout | 4 weeks | Training |\n")
    tl = build_timeline(doc)
    assert tl.total.describe() == "12 weeks"
    assert [(e.start_day, e.end_day) for e in tl.entries] == [(0, 28), (28, 70), (70, 98)]


def _timed_sow(sections: int):
    # SOW-like density: one sentence in four carries a date, duration or phase reference.
    prose = ("The Contractor shall provide qualified staff and maintain the configuration baseline. "
             "All work products are subject to review by the COR. The Contractor shall follow agency security policy. ")
    timed = ("The Contractor shall deliver the migration plan within 30 days of contract award and complete Phase 2 "
             "(Weeks 3-8) by March 1, 2027. ")
    body = "\n\n".join(f"## {i}. Section {i}\n\n{(prose + timed) * 4}\n\n- Week {i % 9 + 1}: task {i}"
                       for i in range(1, sections + 1))
    return read_markdown_string("# SOW\n\n" + body)


def test_extraction_time_grows_linearly():
    # Speed itself is measured by benchmarks/; here only its growth (2x the text, < 3x the time).
    assert _timed_sow(109).meta.words > 20_000

    def make(sections):
        doc = _timed_sow(sections)
        return lambda: build_timeline(doc)

    assert growth(make, 55) < 3.0
