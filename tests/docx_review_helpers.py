"""Helpers for the reviewed-copy tests: make a reviewed .docx, read its comments back, add a reviewer's reply."""

from __future__ import annotations

from pathlib import Path

from conftest import REAL_CORPUS, REPO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLES = sorted((REPO / "corpora").glob("*.docx"))
# Five real documents of different shapes: tables, numbered headings, a one-page proposal, a long SOO.
REAL = [REAL_CORPUS / n for n in ("ansible-app-restart-sow.docx", "karate-dojo-website-proposal.docx",
                                  "techuz-servesense-brd-sow-v2.docx", "usds-agile-task-order-example.docx",
                                  "retail-performance-analysis-sow.docx")]


def lint_one(path: Path):
    from sowlint.run.lint import lint

    return lint(str(path), keep_documents=True).documents[0]


def review(path: Path, out: Path):
    """Lint ``path`` and write its reviewed copy to ``out`` as `--format docx` does; returns the DocumentResult."""
    from sowlint.reporters import docx as reviewer
    from sowlint.run.lint import lint

    report = lint(str(path), keep_documents=True)
    out.write_bytes(reviewer.render(report))
    return report.documents[0]


def comments(path: Path) -> list[tuple[str, str, str]]:
    """(id, author, text) of every comment in word/comments.xml."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/comments.xml"))
    return [(c.get(W + "id"), c.get(W + "author"),
             "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")))
            for c in root.iter(W + "comment")]


def add_reply(path: Path, rule: str, text: str, author: str = "Jane Reviewer") -> None:
    """A reviewer's reply on sowlint's comment for ``rule``: a new comment on the same range, as Word writes it."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document(str(path))
    target = next(cid for cid, author_, body in comments(path) if author_ == "sowlint" and f"· {rule}:" in body)
    reply = word.comments.add_comment(text=text, author=author, initials="JR")
    rid = str(reply.comment_id)
    body = word.element.body
    start = next(e for e in body.iter(W + "commentRangeStart") if e.get(W + "id") == target)
    end = next(e for e in body.iter(W + "commentRangeEnd") if e.get(W + "id") == target)
    start.addnext(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): rid}))
    end.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): rid}))
    end.getnext().addnext(_reference_run(rid))  # Word and LibreOffice keep only comments with a reference
    word.save(str(path))


def _reference_run(comment_id: str):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    return parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                     f'<w:commentReference w:id="{comment_id}"/></w:r>')
