"""Soft promises with the default pack: one finding per rule per sentence, the clause quoted with its
trigger marked in every format, suggestions in the document's terms, background and questions left alone."""

from __future__ import annotations

import json
import re

import pytest

from sowlint.api import lint
from sowlint.engine.context import LintContext
from sowlint.engine.tailor import frequency_of, party_name, tailor
from sowlint.nlp.describes import describes
from sowlint.nlp.parties import find_parties
from sowlint.readers.text import read_markdown_string
from sowlint.reporters import html, sarif

SOW = """# Website proposal

This proposal is made between Fernleaf Dental Group (the "Client") and Pixel & Pine Studio (the "Agency").

## Background

The Client sells dental plans, whitening kits and other related products in four clinics.

## Scope

- The new site will drive more traffic and start generating bookings from day one.
- We keep you informed with weekly updates and regular check-ins.
- What should we monitor to ensure the site keeps its rankings?
- Project management & revisions
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("sp") / "proposal.md"
    path.write_text(SOW, encoding="utf-8")
    return lint([path], keep_documents=True)


def soft(report):
    return [f for f in report.documents[0].findings if f.category == "soft-promise" and f.location.start is not None]


def test_one_finding_per_rule_per_sentence_quoting_the_clause(report):
    found = soft(report)
    per_sentence = {(f.rule, f.location.line) for f in found}
    assert len(per_sentence) == len(found)
    outcome = next(f for f in found if f.rule == "soft-promise-outcome-guarantee")
    assert outcome.evidence == "The new site will drive more traffic and start generating bookings from day one"
    assert outcome.evidence[outcome.span[0]:outcome.span[1]] == "will drive"


def test_background_questions_and_labels_promise_nothing(report):
    quoted = " ".join(f.evidence for f in soft(report))
    assert "other related products" not in quoted  # the client describing its own business
    assert "monitor" not in quoted  # a question
    assert "Project management & revisions" not in quoted  # a three-word label


def test_suggestion_names_the_parties_and_the_frequency(report):
    reporting = next(f for f in soft(report) if f.rule == "soft-promise-undefined-reporting")
    assert "Pixel & Pine Studio emails" in reporting.suggestion
    assert "Fernleaf Dental Group's project lead every week" in reporting.suggestion
    assert not reporting.suggestion.startswith("Example wording")


def test_span_reaches_json_sarif_and_html(report):
    from sowlint.reporters import json_

    outcome = next(f for f in soft(report) if f.rule == "soft-promise-outcome-guarantee")
    data = json.loads(json_.render(report))
    record = next(r for r in data["documents"][0]["findings"] if r["rule"] == outcome.rule)
    assert record["span"] == list(outcome.span)
    log = json.loads(sarif.render(report))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == outcome.rule)
    assert result["properties"]["matchedText"] == "will drive"
    assert result["properties"]["matchedSpan"] == list(outcome.span)
    page = html.render(report, generated="2026-12-03")
    assert re.search(r'<blockquote class="evidence">The new site <mark class="match">will drive</mark> more traffic', page)


def test_terminal_marks_the_trigger_only_in_colour(report):
    from sowlint.reporters import text

    plain = text.render(report, color=False)
    assert '"The new site will drive more traffic' in plain and "\x1b[" not in plain
    coloured = text.render(report, color=True)
    assert "\x1b[1m\x1b[4mwill drive" in coloured


# -- tailoring ------------------------------------------------------------------------------------


def _ctx(text: str) -> LintContext:
    return LintContext(read_markdown_string(text))


def test_tailor_labels_what_it_could_not_fill():
    ctx = _ctx("## Scope\nWe build the site and send regular updates.\n")
    assert party_name(ctx, "client") is None
    out = tailor('"{provider} reports to {client} {frequency}."', ctx, "regular updates")
    assert out == 'Example wording: "the Provider reports to the Client [every Friday]."'


def test_tailor_capitalises_the_item_at_a_clause_start():
    ctx = _ctx("## Scope\nAcme Ltd (the \"Client\") gets a site.\n")
    assert tailor('"{Item} is measured; {item} is tested."', ctx, "Scalable platform") == \
        '"Scalable platform is measured; scalable platform is tested."'


@pytest.mark.parametrize(("text", "expected"), [
    ("weekly status reports", "every week"), ("a report every Friday", "every friday"),
    ("bi-weekly calls", "every two weeks"), ("regular updates", None),
])
def test_frequency_of(text, expected):
    assert frequency_of(text) == expected


def test_a_suggestion_with_an_unknown_blank_is_rejected(tmp_path):
    from conftest import write_rule
    from sowlint.engine.rulepack import load_rule
    from sowlint.errors import ConfigError

    path = write_rule(tmp_path, "bad-blank", "phrase", {"regex": ["x"]}, suggestion="Ask {clinet} for it.")
    with pytest.raises(ConfigError, match="clinet"):
        load_rule(path)


# -- background sentences -------------------------------------------------------------------------


PARTIES = find_parties('Acme Ltd (the "Client") and Northwind (the "Contractor").')


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Client sells shoes, bags and other products.", True),
    ("Acme Ltd operates four warehouses.", True),
    ("The Client will receive a comprehensive report.", False),  # a promise made to the client
    ("The Client requires a seamless migration.", False),  # a requirement on the provider
    ("The Client's team will review drafts.", False),  # a possessive, then a duty
    ("Client notifications are sent as needed.", False),  # a bare role word opens a compound
    ("The Contractor sells licences.", False),  # the other party
])
def test_describes_the_clients_own_business(sentence, expected):
    assert describes(sentence, PARTIES, "client") is expected
