"""WordprocessingML tag names, small property helpers, and the style table the .docx reader looks up."""

from __future__ import annotations

import re
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, R, T, TBL, TR, TC = (W + n for n in ("p", "r", "t", "tbl", "tr", "tc"))
PPR, RPR, TRPR, TCPR, VAL, TYPE = (W + n for n in ("pPr", "rPr", "trPr", "tcPr", "val", "type"))
SDT, SDT_CONTENT, INS, MOVE_TO = (W + n for n in ("sdt", "sdtContent", "ins", "moveTo"))
_OFF = frozenset(("0", "false", "off", "none"))
_HEADING_NAME = re.compile(r"heading\s*([1-9])$")


def child_val(element, name: str) -> str | None:
    """The w:val of ``element``'s child ``w:name``, if any."""
    child = element.find(W + name)
    return child.get(VAL) if child is not None else None


def to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def numbering(ppr) -> tuple[bool, int] | None:
    """(numbered, list level) from a w:pPr's w:numPr; numId 0 means numbering explicitly removed."""
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is None:
        return None
    level = min(max(to_int(child_val(numpr, "ilvl")) or 0, 0), 8)
    return child_val(numpr, "numId") not in (None, "0"), level


def bold_of(rpr) -> bool | None:
    """Bold as a w:rPr sets it; None when it does not say."""
    bold = rpr.find(W + "b") if rpr is not None else None
    return None if bold is None else is_on(bold)


def is_on(element) -> bool:
    """A toggle property (w:b, w:pageBreakBefore) is on unless its w:val says 0/false/off."""
    return element is not None and (element.get(VAL) or "1").lower() not in _OFF


def children(element, *tags):
    """Direct children with one of ``tags``, looking through content controls and custom-XML or revision wrappers."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from children(content, *tags)
        elif child.tag in (W + "customXml", INS, MOVE_TO):
            yield from children(child, *tags)


@dataclass(frozen=True)
class WordStyle:
    name: str
    level: int | None = None  # heading level from "Heading N", a plain "Heading" or an outline level
    kind: str = ""  # "title", "subtitle", "toc", "list" or ""
    list_level: int = 0
    bold: bool | None = None  # None: the style does not set bold


class StyleTable:
    """Every style resolved once (name, outline level through basedOn, bold, numbering), then looked up by id.

    Resolving per paragraph through python-docx's ``style.name`` costs 4x the whole walk (tech.md section 3).
    """

    def __init__(self, styles_element) -> None:
        self._raw: dict[str, object] = {}
        self.default_paragraph: str | None = None
        for style in styles_element.iterchildren(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self._raw[style_id] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                self.default_paragraph = style_id
        self._resolved = {style_id: self._resolve(style_id) for style_id in self._raw}

    def paragraph(self, style_id: str | None) -> WordStyle | None:
        return self._resolved.get(style_id or self.default_paragraph or "")

    def run_bold(self, style_id: str) -> bool | None:
        style = self._resolved.get(style_id)
        return style.bold if style is not None else None

    def _inherited(self, style_id: str, getter):
        """The first non-None value of ``getter`` along the basedOn chain (cycles cut)."""
        seen: set[str] = set()
        current: str | None = style_id
        while current in self._raw and current not in seen:
            seen.add(current)
            element = self._raw[current]
            value = getter(element)
            if value is not None:
                return value
            current = child_val(element, "basedOn")
        return None

    def _resolve(self, style_id: str) -> WordStyle:
        element = self._raw[style_id]
        name = child_val(element, "name") or style_id
        lname = " ".join(name.lower().split())
        outline = self._inherited(style_id, lambda s: _ppr_int(s, "outlineLvl"))
        numbered = self._inherited(style_id, lambda s: numbering(s.find(PPR)))
        bold = self._inherited(style_id, lambda s: bold_of(s.find(RPR)))
        heading = _HEADING_NAME.match(lname)
        level = int(heading.group(1)) if heading else None
        if level is None and outline is not None and 0 <= outline < 9:  # 9 is Word's "body text" level
            level = outline + 1
        if level is None and lname == "heading":  # a custom style named just "Heading" (Pages, LibreOffice exports)
            level = 1
        kind = ""
        if lname in ("title", "subtitle"):
            kind, level = lname, None
        elif lname.startswith("toc") or lname == "table of contents":
            kind, level = "toc", None
        elif level is None and (lname.startswith("list") or (numbered is not None and numbered[0])):
            kind = "list"
        return WordStyle(name, level, kind, numbered[1] if numbered else 0, bold)


def _ppr_int(style, name: str) -> int | None:
    ppr = style.find(PPR)
    return to_int(child_val(ppr, name)) if ppr is not None else None
