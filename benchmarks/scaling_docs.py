"""Long documents for the scaling benchmark: real SOW text from ../shared/corpora/real, concatenated
and cycled to a size, written as .md, as a PDF of ordinary text pages (reportlab) and as a .docx
holding one long table (python-docx).  Deterministic: the same size gives the same bytes' worth of text."""

from __future__ import annotations

import re
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpora" / "real"
_MARKUP = re.compile(r"[#*_`>|]+|\[([^\]]*)\]\([^)]*\)")


def sources() -> list[Path]:
    """The real corpus's Markdown and plain-text documents, in name order."""
    return sorted(p for p in REAL.iterdir() if p.suffix in (".md", ".txt"))


def markdown(words: int) -> str:
    """Whole real .md/.txt documents one after another until about ``words`` words."""
    parts, total = [], 0
    for path in cycle(sources()):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        parts.append(text)
        total += len(text.split())
        if total >= words:
            break
    return "\n\n".join(parts) + "\n"


def paragraphs() -> list[str]:
    """The real documents' paragraphs as plain prose (markup removed, lines joined), headings kept as
    short lines."""
    out = []
    for path in sources():
        for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace")):
            lines = [ln for ln in chunk.splitlines() if not re.fullmatch(r"\s*[-=_*]{3,}\s*", ln)]
            text = " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", ln).strip() for ln in lines)
            text = " ".join(text.split())
            if text:
                out.append(text)
    return out


def sentences() -> list[str]:
    """Sentences of the real documents, ten words or longer."""
    out = []
    for para in paragraphs():
        for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", para):
            if len(s.split()) >= 10:
                out.append(s)
    return out


def write_md(path: Path, words: int) -> Path:
    path.write_text(markdown(words), encoding="utf-8")
    return path


def write_pdf(path: Path, pages: int, words_per_page: int = 445) -> Path:
    """About ``pages`` pages of ordinary text: headings (short lines) and wrapped body paragraphs,
    ``words_per_page`` words a page, page numbers in the footer."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from xml.sax.saxutils import escape

    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading2"]
    story, total = [], 0
    for para in cycle(paragraphs()):
        n = len(para.split())
        heading = n <= 8 and not para.endswith((".", ":", ";"))
        story.append(Paragraph(escape(para), head if heading else body))
        total += n
        if total >= pages * words_per_page:
            break

    def footer(canvas, doc):
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(7.5 * inch, 0.5 * inch, f"Page {doc.page}")

    doc = SimpleDocTemplate(str(path), pagesize=letter, title="Scaling benchmark", author="sowlint")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def write_docx(path: Path, rows: int) -> Path:
    """A short SOW opening, then one requirements table of ``rows`` rows (id, requirement, owner, due)."""
    import docx

    d = docx.Document()
    d.add_heading("Statement of Work", 1)
    paras = paragraphs()
    for para in paras[:12]:
        d.add_paragraph(para)
    d.add_heading("Requirements", 1)
    table = d.add_table(rows=rows + 1, cols=4)
    owners = ("Contractor", "Client", "Contractor", "Government")
    texts = islice(cycle(sentences()), rows)
    for i, (row, text) in enumerate(zip(table.rows, [None] + list(texts))):
        cells = row.cells
        values = ("ID", "Requirement", "Owner", "Due") if i == 0 else \
            (f"R-{i:05d}", text, owners[i % 4], f"Week {1 + i % 52}")
        for cell, value in zip(cells, values):
            cell.text = value
    d.add_heading("Acceptance", 1)
    for para in paras[12:20]:
        d.add_paragraph(para)
    d.save(str(path))
    return path


if __name__ == "__main__":  # python scaling_docs.py pdf|docx|md SIZE PATH
    import sys

    kind, size, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    {"pdf": write_pdf, "docx": write_docx, "md": write_md}[kind](out, size)
