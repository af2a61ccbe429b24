"""Reads .docx: a guarded open, then a document-order walk of the body XML into the DocumentBuilder."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..document.anchors import Skeleton
from ..document.builder import DocumentBuilder
from ..document.model import Document
from ..errors import ReadError
from .limits import ReadLimits
from .docx_pages import set_pages
from .docx_parts import comments_of, metadata, notes_of
from .docx_structure import Item, plan_items
from .docx_xml import (INS, MOVE_TO, P, PPR, R, RPR, SDT, SDT_CONTENT, T, TBL, TC, TCPR, TR, TRPR, TYPE, VAL, W,
                       StyleTable, WordStyle, bold_of, child_val, children, is_on, numbering, to_int)
from .zipguard import check_docx_container, short_reason

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
TAB, PTAB, BR, CR, NB_HYPHEN, SYM = (W + n for n in ("tab", "ptab", "br", "cr", "noBreakHyphen", "sym"))
FLD_CHAR, INSTR, FLD_SIMPLE = W + "fldChar", W + "instrText", W + "fldSimple"
RENDERED_BREAK, COMMENT_START, COMMENT_END = (W + n for n in ("lastRenderedPageBreak", "commentRangeStart",
                                                             "commentRangeEnd"))
# Containers whose content is read as if it were not wrapped: tracked insertions and moves, links, smart tags,
# custom XML, simple fields (their children are the field's result), bidi wrappers and content controls.
_INLINE_CONTAINERS = frozenset(W + n for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                                               "dir", "bdo", "sdtContent"))
_BLOCK_CONTAINERS = frozenset((W + "customXml", INS, MOVE_TO, SDT_CONTENT))
_MATH = frozenset((_M + "oMath", _M + "oMathPara"))


def read_docx(path: Path, limits: ReadLimits) -> Document:
    """Read a .docx into a Document; anything hostile or broken raises ReadError with one line."""
    container = check_docx_container(path, limits)
    from .docx_precheck import check_main_part

    check_main_part(path, container.main_part)
    document = _open(path)
    try:
        walker = BodyWalker(StyleTable(document.styles.element))
        walker.walk(document.element.body)
        pages = max(walker.explicit_breaks, walker.rendered_breaks) + 1
        notes = notes_of(document, walker)
        comments, parents = comments_of(document)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(f"{path}: out of memory while reading the .docx") from None
    except Exception as exc:  # a reader boundary: any surprise in hostile XML is one line, not a traceback
        raise ReadError(f"{path}: could not read the .docx ({type(exc).__name__}: {short_reason(exc)})") from None
    chars = sum(len(item.text) for item in walker.items) + sum(len(n) for n in notes)
    if chars > limits.max_chars:
        raise ReadError(f"{path}: {chars:,} characters is over the {limits.max_chars:,}-character limit")
    builder = DocumentBuilder(str(path), "docx")
    # Word styles give real heading levels and plan_items already settled titles and cover pages; a builder that
    # knows this flag keeps those levels instead of re-deriving them from numbering.
    builder.levels_settled = True  # type: ignore[attr-defined]
    use_rendered = walker.rendered_breaks > 0  # Word's own layout, when it saved one, beats counting hard breaks
    # Without a rendered or hard page break the reader cannot tell pages apart: every block is on an
    # unknown page (not "p.1"), unless Word's saved count says the document has one page (below).
    breaks = walker.rendered_breaks > 0 or walker.explicit_breaks > 0
    titles = plan_items(walker.items)
    for item in walker.items:
        page = (item.rendered_page if use_rendered else item.page) if breaks else None
        _emit(builder, item, page)
    for note in notes:
        builder.paragraph(note, style="footnote")
    seen = Skeleton("".join(walker.seen))  # which occurrence of its words a comment marks, so it is placed again
    for comment_id, (text, author) in comments.items():
        if comment_id not in walker.anchors and parents.get(comment_id) in walker.anchors:
            ranged = parents[comment_id]  # a reply without its own range: its thread's range
        else:
            ranged = comment_id
        anchor = walker.anchors.get(ranged, "")
        occurrence = seen.occurrence_before(anchor, walker.anchor_starts[ranged]) if anchor else 0
        builder.annotate(text, author, anchor, occurrence)
    metadata(builder, document, titles)
    doc = builder.build()
    set_pages(doc, container.app_properties, pages if breaks else None)
    return doc


def _emit(builder: DocumentBuilder, item: Item, page: int) -> None:
    if item.role == "heading":
        builder.heading(item.text, level=int(item.level or 1), page=page)
    elif item.role == "list_item":
        builder.list_item(item.text, level=item.list_level or 0, page=page, style=item.style)
    elif item.role == "table":
        builder.table(item.rows or [], page=page)
    elif item.role == "paragraph":
        builder.paragraph(item.text, page=page, style=item.style)


def _open(path: Path):
    """python-docx's open with every library failure mapped to a one-line ReadError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise ReadError(f"{path}: not a readable .docx package") from None
    except KeyError as exc:
        raise ReadError(f"{path}: damaged .docx (missing part {short_reason(exc)})") from None
    except ValueError as exc:
        raise ReadError(f"{path}: not a Word document ({short_reason(exc)})") from None
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{path}: damaged or truncated .docx ({short_reason(exc)})") from None
    except etree.XMLSyntaxError as exc:
        if "excessive depth" in str(exc).lower():
            from .docx_precheck import depth_message

            raise ReadError(depth_message(path)) from None
        raise ReadError(f"{path}: damaged .docx (malformed XML: {short_reason(exc)})") from None
    except MemoryError:
        raise ReadError(f"{path}: out of memory while opening the .docx") from None
    except Exception as exc:  # python-docx raises assorted types on odd packages; the user needs one line
        raise ReadError(f"{path}: could not open the .docx ({type(exc).__name__}: {short_reason(exc)})") from None


@dataclass
class _Field:
    instruction: str = ""
    in_result: bool = False


@dataclass
class _ParagraphState:
    parts: list[str] = field(default_factory=list)
    runs: int = 0
    bold_runs: int = 0
    page: tuple[int, int] | None = None
    toc: bool = False


class BodyWalker:
    """Walks body XML in document order: reads insertions, content controls, fields, links; skips deletions."""

    def __init__(self, styles: StyleTable) -> None:
        self.styles = styles
        self.items: list[Item] = []
        self.explicit_breaks = 0
        self.rendered_breaks = 0
        self.anchors: dict[str, str] = {}  # comment id -> the text its range covers
        self._open_comments: dict[str, list[str]] = {}
        self.anchor_starts: dict[str, int] = {}  # comment id -> offset of its start in "".join(seen)
        self.seen: list[str] = []  # every piece of text read, in order
        self._seen_chars = 0
        self._fields: list[_Field] = []
        self._hidden = 0  # fields still in their instruction part: their text is code, not content
        self._toc = 0  # TOC fields showing their result: those paragraphs are contents entries
        self._para = _ParagraphState()
        self._para_bold = False

    # -- blocks ------------------------------------------------------------------------------
    def walk(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self._body_paragraph(child)
            elif tag == TBL:
                page = (self.explicit_breaks + 1, self.rendered_breaks + 1)
                self.items.append(Item("table", rows=self._table_rows(child), page=page[0], rendered_page=page[1]))
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.walk(content)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(child)

    def _body_paragraph(self, p) -> None:
        ppr = p.find(PPR)
        style_id = outline = numbered = None
        if ppr is not None:
            style_id = child_val(ppr, "pStyle")
            outline = to_int(child_val(ppr, "outlineLvl"))
            numbered = numbering(ppr)
        style = self.styles.paragraph(style_id)
        text, bold, page, toc = self.paragraph_text(p, style)
        item = Item("para", text=text, page=page[0], rendered_page=page[1], style=style.name if style else None,
                    bold=bold, toc=toc or (style is not None and style.kind == "toc"))
        if outline is not None and 0 <= outline < 9:  # 9 is Word's "body text" outline level
            item.styled = outline + 1
        elif style is not None and style.level:
            item.styled = style.level
        if style is not None and style.kind in ("title", "subtitle"):
            item.title = style.kind
        direct = numbered is not None and numbered[0]
        if item.styled and direct:
            item.styled = max(item.styled, numbered[1] + 1)  # "1.2" numbering on a level-1 heading style
        elif direct:
            item.list_level = numbered[1]
        elif numbered is None and style is not None and style.kind == "list":
            item.list_level = style.list_level
        self.items.append(item)

    def _table_rows(self, tbl) -> list[list[str]]:
        rows: list[list[str]] = []
        for tr in children(tbl, TR):
            cells: list[str] = []
            trpr = tr.find(TRPR)
            if trpr is not None:
                cells.extend([""] * min(to_int(child_val(trpr, "gridBefore")) or 0, 64))
            for tc in children(tr, TC):
                text = self._cell_text(tc)
                span = 1
                tcpr = tc.find(TCPR)
                if tcpr is not None:
                    span = max(1, min(to_int(child_val(tcpr, "gridSpan")) or 1, 64))
                    vmerge = tcpr.find(W + "vMerge")
                    if vmerge is not None and vmerge.get(VAL) in (None, "continue"):
                        text = ""  # the merged cell's text sits in its first row only
                cells.append(text)
                cells.extend([""] * (span - 1))  # keep later cells on their grid column
            rows.append(cells)
        return rows

    def _cell_text(self, tc) -> str:
        parts: list[str] = []
        for child in children(tc, P, TBL):
            if child.tag == P:
                parts.append(self.paragraph_text(child, None)[0])
            else:  # a nested table: its text belongs to the cell that holds it
                parts.extend(cell for row in self._table_rows(child) for cell in row if cell.strip())
        return " ".join(part for part in parts if part.strip())

    # -- inline ------------------------------------------------------------------------------
    def paragraph_text(self, p, style: WordStyle | None) -> tuple[str, bool, tuple[int, int], bool]:
        """Text of one paragraph, whether all of it is bold, the page it starts on, and if it is a contents entry."""
        ppr = p.find(PPR)
        if ppr is not None and is_on(ppr.find(W + "pageBreakBefore")):
            self.explicit_breaks += 1
        self._para = state = _ParagraphState(toc=self._toc > 0)
        self._para_bold = bool(style.bold) if style is not None else False
        self._inline(p)
        while self._fields and not self._fields[-1].in_result:  # an unterminated field code must not hide the rest
            self._fields.pop()
            self._hidden -= 1
        for anchor in self._open_comments.values():
            anchor.append(" ")
        page = state.page or (self.explicit_breaks + 1, self.rendered_breaks + 1)
        return "".join(state.parts), state.runs > 0 and state.bold_runs == state.runs, page, state.toc

    def _inline(self, element) -> None:
        for child in element:
            tag = child.tag
            if tag == R:
                self._run(child)
            elif tag in _INLINE_CONTAINERS:
                if tag == FLD_SIMPLE and child.get(W + "instr", "").strip().upper().startswith("TOC"):
                    self._para.toc = True
                self._inline(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content)
            elif tag == COMMENT_START:
                self._open_comments[child.get(W + "id", "")] = []
                self.anchor_starts[child.get(W + "id", "")] = self._seen_chars
            elif tag == COMMENT_END:
                cid = child.get(W + "id", "")
                if cid in self._open_comments:
                    self.anchors[cid] = "".join(self._open_comments.pop(cid))
            elif tag in _MATH:
                self._add("".join(child.itertext()))
            # w:del, w:moveFrom, bookmarks, proofing marks: nothing to read

    def _run(self, run) -> None:
        bold: bool | None = None
        for child in run:
            tag = child.tag
            if tag == T:
                text = child.text or ""
                if self._hidden or not text:
                    continue
                if text.strip():
                    if bold is None:
                        bold = self._run_bold(run)
                    self._para.runs += 1
                    self._para.bold_runs += bold
                self._add(text)
            elif tag in (TAB, PTAB):
                self._add("\t")
            elif tag == BR:
                if child.get(TYPE) == "page":
                    self.explicit_breaks += 1
                self._add(" ")
            elif tag == CR:
                self._add(" ")
            elif tag == NB_HYPHEN:
                self._add("-")
            elif tag == SYM:
                self._add(_symbol(child.get(W + "char", "")))
            elif tag == FLD_CHAR:
                self._field_char(child.get(W + "fldCharType"))
            elif tag == INSTR:
                if self._fields and not self._fields[-1].in_result:
                    self._fields[-1].instruction += child.text or ""
            elif tag == RENDERED_BREAK:
                self.rendered_breaks += 1

    def _run_bold(self, run) -> bool:
        rpr = run.find(RPR)
        if rpr is not None:
            direct = bold_of(rpr)
            if direct is not None:
                return direct
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                styled = self.styles.run_bold(rstyle.get(VAL, ""))
                if styled is not None:
                    return styled
        return self._para_bold

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(_Field())
            self._hidden += 1
        elif kind == "separate" and self._fields and not self._fields[-1].in_result:
            current = self._fields[-1]
            current.in_result = True
            self._hidden -= 1
            if current.instruction.strip().upper().startswith("TOC"):
                self._toc += 1
                self._para.toc = True
        elif kind == "end" and self._fields:
            current = self._fields.pop()
            if not current.in_result:
                self._hidden -= 1
            elif current.instruction.strip().upper().startswith("TOC"):
                self._toc -= 1

    def _add(self, text: str) -> None:
        if self._hidden:
            return
        state = self._para
        if state.page is None and text.strip():
            state.page = (self.explicit_breaks + 1, self.rendered_breaks + 1)
        state.parts.append(text)
        self.seen.append(text)
        self._seen_chars += len(text)
        for anchor in self._open_comments.values():
            anchor.append(text)


def _symbol(code: str) -> str:
    """A w:sym character; Symbol/Wingdings private-use codes (F0xx) become their ASCII position or a bullet."""
    try:
        point = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= point <= 0xF0FF:
        point -= 0xF000
        return chr(point) if 0x20 < point < 0x7F and chr(point).isalnum() else "•"
    return chr(point) if 0x20 <= point < 0x110000 else ""
