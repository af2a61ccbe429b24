"""`--format docx`: one Word comment per finding, on the finding's words, in a copy that re-lints the same."""

from __future__ import annotations

import io
import json

import pytest

from docx_review_helpers import REAL, SAMPLES, W, _reference_run, add_reply, comments, lint_one, review
from sowlint.document.anchors import skeleton

ALL = [pytest.param(p, id=p.name) for p in SAMPLES] + [
    pytest.param(p, id=p.name, marks=pytest.mark.skipif(not p.exists(), reason="../shared/corpora/real is absent"))
    for p in REAL]


def _keys(result):
    return [f.to_dict() for f in result.findings]


@pytest.mark.parametrize("path", ALL)
def test_one_comment_per_finding_on_its_words_and_the_copy_relints_the_same(path, tmp_path):
    out = tmp_path / (path.stem + ".reviewed.docx")
    before = path.read_bytes()
    original = review(path, out)
    assert path.read_bytes() == before  # the original is never touched

    ours = [c for c in comments(out) if c[1] == "sowlint"]
    assert len(ours) == len(original.findings)
    again = lint_one(out)
    assert _keys(again) == _keys(original)  # comments are not document text; split runs change nothing
    assert again.meta == original.meta

    doc = again.document
    notes = [a for a in doc.annotations if a.author == "sowlint"]
    assert len(notes) == len(original.findings)
    for f, note in zip(original.findings, notes):
        assert note.text.startswith(f"{f.severity.title()} · {f.rule}: ")
        assert note.start is not None, (f.rule, note.anchor)
        loc = f.location
        if loc.start is not None and loc.end > loc.start:  # on the matched words: inside the finding's evidence span
            assert loc.start <= note.start and note.end <= loc.end + 1, (f.rule, note.anchor, f.evidence)
            if f.span:
                assert skeleton(note.anchor)[0] == skeleton(f.evidence[f.span[0]:f.span[1]])[0]
        else:  # an absence: on a heading line, or the document's first line
            line = doc.text[doc.text.rfind("\n", 0, note.start) + 1:].split("\n", 1)[0]
            headings = {doc.text[s.start:s.end] for s in doc.walk() if s.level}
            assert line in headings or doc.text.lstrip().startswith(line), (f.rule, line)


def test_comment_text_holds_message_question_and_clause(tmp_path):
    path = next(p for p in SAMPLES if p.name == "website-build-fernleaf.docx")
    out = tmp_path / "f.reviewed.docx"
    result = review(path, out)
    f = next(f for f in result.findings if f.rule == "soft-promise-unbounded-quantity")
    body = next(text for _id, author, text in comments(out) if author == "sowlint" and f.rule in text)
    assert f.message in body
    assert f"Question for sales: {f.question}" in body
    assert f"Suggested clause: {f.suggestion}" in body  # written for this document: Pixel & Pine's name in it
    generic = next(g for g in result.findings if g.rule == "no-exclusions")
    assert "Example wording: " in next(t for _i, a, t in comments(out) if a == "sowlint" and generic.rule in t)
    assert "unlimited" in next(a.anchor for a in lint_one(out).document.annotations if f.rule in a.text)


def test_a_waiver_reply_suppresses_its_finding_in_every_format(tmp_path):
    path = next(p for p in SAMPLES if p.name == "website-build-fernleaf.docx")
    out = tmp_path / "f.reviewed.docx"
    original = review(path, out)
    add_reply(out, "soft-promise-unbounded-quantity",
              "sowlint: waive soft-promise-unbounded-quantity - three rounds agreed with the client on the call")
    add_reply(out, "no-exclusions", "sowlint: waive no-exclusions — exclusions live in the MSA")
    again = lint_one(out)
    waived = {s.finding.rule: s for s in again.suppressed}
    assert set(waived) == {"soft-promise-unbounded-quantity", "no-exclusions"}
    assert waived["soft-promise-unbounded-quantity"].owner == "Jane Reviewer"
    assert "three rounds agreed" in waived["soft-promise-unbounded-quantity"].reason
    assert len(again.findings) == len(original.findings) - 2
    kept = {f.fingerprint for f in again.findings} | {s.finding.fingerprint for s in again.suppressed}
    assert kept == {f.fingerprint for f in original.findings}  # the waiver took that fingerprint only

    from sowlint.findings.report import Report
    from sowlint.reporters import html, sarif

    report = Report([again])
    data = json.loads(json.dumps(report.to_dict()))
    assert {s["rule"] for s in data["documents"][0]["suppressed"]} == set(waived)
    results = json.loads(sarif.render(report))["runs"][0]["results"]
    assert sum(1 for r in results if r["suppressions"]) == 2
    assert "Suppressed · waiver" in html.render(report)
    from sowlint.reporters import markdown, text

    plain = text.render(report)
    assert "waived soft-promise-unbounded-quantity" in plain and "three rounds agreed" in plain
    assert "Waived: `no-exclusions`" in markdown.render(report)


def test_second_occurrence_of_the_same_words_is_waived_not_the_first(tmp_path):
    """Two 'etc.' findings of one rule: a waiver on the second leaves the first."""
    path = next(p for p in SAMPLES if p.name == "marketing-retainer-lumen-lark.docx")
    out = tmp_path / "m.reviewed.docx"
    original = review(path, out)
    rule = "soft-promise-open-list"
    same = [f for f in original.findings if f.rule == rule]
    if len(same) < 2:
        pytest.skip(f"the sample has {len(same)} {rule} finding(s)")
    import docx

    word = docx.Document(str(out))
    ids = [cid for cid, author, text in comments(out) if author == "sowlint" and f"· {rule}:" in text]
    second = ids[1]
    reply = word.comments.add_comment(text=f"sowlint: waive {rule} - listed in the annex", author="Ann")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    body = word.element.body
    start = next(e for e in body.iter(W + "commentRangeStart") if e.get(W + "id") == second)
    end = next(e for e in body.iter(W + "commentRangeEnd") if e.get(W + "id") == second)
    start.addnext(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(reply.comment_id)}))
    end.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(reply.comment_id)}))
    end.getnext().addnext(_reference_run(str(reply.comment_id)))
    word.save(str(out))
    again = lint_one(out)
    assert [s.finding.fingerprint for s in again.suppressed] == [same[1].fingerprint]


def test_reviewing_a_reviewed_copy_replaces_sowlint_comments_and_keeps_the_reviewers(tmp_path):
    path = next(p for p in SAMPLES if p.name == "website-build-fernleaf.docx")
    first = tmp_path / "one.docx"
    review(path, first)
    add_reply(first, "soft-promise-side-promise", "Can we bound this?", author="Jane Reviewer")
    second = tmp_path / "two.docx"
    result = review(first, second)
    found = comments(second)
    assert sum(1 for c in found if c[1] == "sowlint") == len(result.findings)
    assert [c[2] for c in found if c[1] == "Jane Reviewer"] == ["Can we bound this?"]


def test_split_runs_keep_text_and_formatting(tmp_path):
    import docx

    src = tmp_path / "bold.docx"
    d = docx.Document()
    d.add_heading("Scope", level=1)
    p = d.add_paragraph()
    p.add_run("The studio offers ")
    run = p.add_run("unlimited revisions of every page design")
    run.bold, run.italic = True, True
    p.add_run(" during the project.")
    d.save(str(src))
    out = tmp_path / "bold.reviewed.docx"
    result = review(src, out)
    assert any(f.rule.startswith("soft-promise") for f in result.findings)
    word = docx.Document(str(out))
    para = next(p for p in word.paragraphs if "unlimited" in p.text)
    assert para.text == "The studio offers unlimited revisions of every page design during the project."
    styled = [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs if r.text]
    assert "".join(t for t, _, _ in styled) == para.text
    assert all(b and i for t, b, i in styled if t.strip() and t.strip() in "unlimited revisions of every page design")
    assert len(styled) > 3  # the bold run was cut around the matched words
    starts = para._p.findall(W + "commentRangeStart")
    assert starts, "the comment range is inside the paragraph"


def test_cli_refuses_output_over_input_and_non_docx(cli, tmp_path):
    path = next(p for p in SAMPLES if p.name == "website-build-fernleaf.docx")
    copy = tmp_path / "f.docx"
    copy.write_bytes(path.read_bytes())
    before = copy.read_bytes()
    result = cli(copy, "--format", "docx", "-o", copy)
    assert result.exit_code == 2 and copy.read_bytes() == before
    assert result.stderr.strip().count("\n") == 0 and "never writes to its inputs" in result.stderr
    md = tmp_path / "sow.md"
    md.write_text("# Scope\n\nWe offer unlimited revisions.\n", encoding="utf-8")
    result = cli(md, "--format", "docx", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "needs a .docx" in result.stderr and not (tmp_path / "x.docx").exists()
    result = cli(copy, "--format", "docx")
    assert result.exit_code == 2 and "needs -o FILE" in result.stderr
    out = tmp_path / "f.reviewed.docx"
    result = cli(copy, "--format", "docx", "-o", out)
    assert result.exit_code == 1 and out.exists() and copy.read_bytes() == before
    import docx

    assert len(docx.Document(io.BytesIO(out.read_bytes())).comments) > 0


def test_an_unreadable_docx_is_one_line_and_no_copy(cli, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    out = tmp_path / "bad.reviewed.docx"
    result = cli(bad, "--format", "docx", "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("path", ALL)
def test_a_waiver_reply_suppresses_its_finding_on_every_document(path, tmp_path):
    out = tmp_path / (path.stem + ".reviewed.docx")
    original = review(path, out)
    if not original.findings:
        pytest.skip(f"{path.name} has no findings to waive")
    spanned = [f for f in original.findings if f.location.start is not None and f.location.end > f.location.start]
    picked = spanned[0] if spanned else original.findings[0]
    target = next(f for f in original.findings if f.rule == picked.rule)  # the comment add_reply answers
    add_reply(out, target.rule, f"sowlint: waive {target.rule} - agreed with the client")
    again = lint_one(out)
    assert {s.finding.fingerprint for s in again.suppressed} == {target.fingerprint}, path.name
    assert all(s.reason.startswith("agreed with the client") for s in again.suppressed)
    assert len(again.findings) == len(original.findings) - len(again.suppressed)


def test_a_word_thread_reply_without_its_own_range_waives_its_parents_finding(tmp_path):
    """Word links a reply to its comment in word/commentsExtended.xml (w15:paraIdParent); the range is the parent's."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    path = next(p for p in SAMPLES if p.name == "website-build-fernleaf.docx")
    out = tmp_path / "f.reviewed.docx"
    original = review(path, out)
    rule = "soft-promise-side-promise"
    word = docx.Document(str(out))
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
    parent_id = next(cid for cid, author, text in comments(out) if author == "sowlint" and f"· {rule}:" in text)
    parent = next(c for c in word.comments if str(c.comment_id) == parent_id)
    parent.paragraphs[-1]._p.set(w14, "0A0A0A01")
    reply = word.comments.add_comment(text=f"sowlint: waive {rule} - the blog is priced in phase 2", author="Word User")
    reply.paragraphs[-1]._p.set(w14, "0A0A0A02")
    body = word.element.body
    ref = next(e for e in body.iter(W + "commentReference") if e.get(W + "id") == parent_id).getparent()
    ref.addnext(_reference_run(str(reply.comment_id)))
    ns = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx {ns}>'
            '<w15:commentEx w15:paraId="0A0A0A01" w15:done="0"/>'
            '<w15:commentEx w15:paraId="0A0A0A02" w15:paraIdParent="0A0A0A01" w15:done="0"/></w15:commentsEx>')
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
                blob.encode(), word.part.package)
    word.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")
    word.save(str(out))
    again = lint_one(out)
    first = next(f for f in original.findings if f.rule == rule)
    assert [s.finding.fingerprint for s in again.suppressed] == [first.fingerprint]
