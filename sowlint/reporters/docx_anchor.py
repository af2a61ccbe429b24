"""Where a passage of the rendition sits in a Word body's runs, and run boundaries cut around it.

The body is read in the .docx reader's order (paragraphs, table cells, content controls, insertions;
deleted text and text boxes are not read), its ``w:t`` texts laid end to end.  Rendition and runs share
their skeleton (``document.anchors``), so the k-th passage with the finding's words is found in both.
A run is split by moving the text after the cut, and every sibling after it, into a copy of the run
with the same properties: the text and its formatting stay exactly as they were.
"""

from __future__ import annotations

from bisect import bisect_right
from copy import deepcopy

from ..document.anchors import Skeleton
from ..readers.docx_xml import P, R, RPR, SDT, SDT_CONTENT, T, TBL, TC, TR, W

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INLINE = frozenset(W + n for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir",
                                    "bdo", "sdtContent"))
_BLOCK = frozenset(W + n for n in ("customXml", "ins", "moveTo", "sdtContent"))


class RunMap:
    """The body's text as a sequence of ``w:t`` pieces, each with its offset in the whole."""

    def __init__(self, body) -> None:
        self.starts: list[int] = []
        self.pieces: list = []
        parts: list[str] = []
        length = 0
        for t in _texts(body):
            self.starts.append(length)
            self.pieces.append(t)
            parts.append(t.text)
            length += len(t.text)
        self.skeleton = Skeleton("".join(parts))

    def locate(self, passage: str, occurrence: int) -> tuple[int, int] | None:
        """Offsets (first letter, one past the last) of the ``occurrence``-th passage spelling ``passage``."""
        return self.skeleton.locate(passage, occurrence)

    def runs(self, start: int, end: int):
        """The first and last ``w:r`` of exactly ``[start, end)``, splitting runs at both edges."""
        t, off = self._piece(start)
        first = self._split(t, off)[1]
        t, off = self._piece(end - 1)  # the piece holding the last character: cut right after it
        last = self._split(t, off + 1)[0]
        return first, last

    def _piece(self, offset: int):
        i = bisect_right(self.starts, offset) - 1
        return self.pieces[i], offset - self.starts[i]

    def _split(self, t, off: int):
        """A run boundary before character ``off`` of ``t``: (the run holding what is before, the one after)."""
        run = t.getparent()
        content = [c for c in run if c.tag != RPR]
        index = content.index(t)
        if off == 0 and index == 0:
            return None, run
        if off == len(t.text) and index == len(content) - 1:
            return run, None
        twin = _empty_twin(run)
        if off == 0:
            moving = content[index:]
        elif off == len(t.text):
            moving = content[index + 1:]
        else:
            tail = deepcopy(t)
            tail.text, t.text = t.text[off:], t.text[:off]
            for element in (t, tail):
                element.set(_XML_SPACE, "preserve")  # the cut may leave a space at an edge
            twin.append(tail)
            start = self.starts[self.pieces.index(t)] + off
            i = bisect_right(self.starts, start)
            self.starts.insert(i, start)
            self.pieces.insert(i, tail)
            moving = content[index + 1:]
        for element in moving:
            twin.append(element)  # lxml moves the element
        run.addnext(twin)
        return run, twin


def _empty_twin(run):
    from docx.oxml import OxmlElement

    twin = OxmlElement("w:r")
    for key, value in run.attrib.items():
        twin.set(key, value)
    rpr = run.find(RPR)
    if rpr is not None:
        twin.append(deepcopy(rpr))
    return twin


def _texts(container):
    """The non-empty ``w:t`` elements the .docx reader reads, in its order."""
    for child in container:
        tag = child.tag
        if tag == P:
            yield from _inline(child)
        elif tag == TBL:
            yield from _table(child)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _texts(content)
        elif tag in _BLOCK:
            yield from _texts(child)


def _table(tbl):
    for tr in tbl.iterchildren(TR):
        for tc in tr.iterchildren(TC):
            for child in tc:
                if child.tag == P:
                    yield from _inline(child)
                elif child.tag == TBL:
                    yield from _table(child)


def _inline(element):
    for child in element:
        tag = child.tag
        if tag == R:
            for t in child.iterchildren(T):
                if t.text:
                    yield t
        elif tag in _INLINE:
            yield from _inline(child)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _inline(content)
