"""Text lines of one PDF page from PDFium: text, position, font size and weight of each line."""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# PDFium ends each line it recognises with a generated "\r\n"; a line that ends in a
# hyphen gets U+FFFE instead and runs straight into the next line.
_LINE_BREAK = re.compile(r"\r\n|(?<=\ufffe)")
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


@dataclass
class Line:
    """One visual line: its text and where and how it is printed (PDF points, y upwards)."""

    text: str
    page: int  # 1-based
    x0: float
    x1: float
    y: float  # baseline
    size: float  # font size in points, text matrix included
    bold: bool
    bold_prefix: int = 0  # characters printed bold at the start of a line that is not all bold

    @property
    def letters(self) -> int:
        return sum(c.isalpha() for c in self.text)


class _CharProbe:
    """Reads the attributes of single characters; buffers are reused across calls."""

    def __init__(self, textpage) -> None:
        self.tp = textpage
        self._matrix = pdfium_c.FS_MATRIX()
        self._box = [ctypes.c_double() for _ in range(4)]
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._bold_fonts: dict[bytes, bool] = {}

    def origin_and_size(self, index: int) -> tuple[float, float, float]:
        m = self._matrix
        if not pdfium_c.FPDFText_GetMatrix(self.tp, index, m):
            return 0.0, 0.0, 0.0
        # Many producers set "Tf 1" and scale the text matrix, so the size is font size x scale.
        size = pdfium_c.FPDFText_GetFontSize(self.tp, index) * math.hypot(m.c, m.d)
        return m.e, m.f, size

    def right(self, index: int) -> float:
        left, right, bottom, top = self._box
        pdfium_c.FPDFText_GetCharBox(self.tp, index, left, right, bottom, top)
        return right.value

    def bold(self, index: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.tp, index) >= 600:
            return True
        pdfium_c.FPDFText_GetFontInfo(self.tp, index, self._name, len(self._name), self._flags)
        name = self._name.value
        if name not in self._bold_fonts:
            lowered = name.decode("latin-1").lower()
            self._bold_fonts[name] = any(word in lowered for word in _BOLD_NAMES) or bool(self._flags.value & (1 << 18))
        return self._bold_fonts[name]


def page_text(textpage, count: int) -> str:
    """All text of the page, one character per PDFium text index (line breaks included)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    units = memoryview(buffer)[: max(0, written - 1)]
    text = bytes(units).decode("utf-16-le", errors="replace")
    if len(text) != len(units):
        # Characters outside the BMP take two units; keep one character per unit so text
        # indices still map to PDFium's, and let the builder's cleaning drop the halves.
        text = "".join(chr(u) if not 0xD800 <= u <= 0xDFFF else "\ufffd" for u in units)
    return text


def page_lines(textpage, page_no: int, count: int) -> list[Line]:
    """The page's lines as PDFium groups them, each probed at its first and last character."""
    text = page_text(textpage, count)
    probe = _CharProbe(textpage)
    lines: list[Line] = []
    breaks = list(_LINE_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    for start, end in zip(starts, ends):
        raw_line = text[start:end]
        stripped = raw_line.strip()
        if not stripped:
            continue
        first = start + (len(raw_line) - len(raw_line.lstrip()))
        last = start + len(raw_line.rstrip()) - 1
        first_char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, first)
        last_char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, last)
        if first_char < 0 or last_char < 0:
            continue
        x0, y, size = probe.origin_and_size(first_char)
        _x, _y, last_size = probe.origin_and_size(last_char)
        first_bold = probe.bold(first_char)
        bold = first_bold and probe.bold(last_char)
        prefix = _bold_run(textpage, probe, text, first, last) if first_bold and not bold else 0
        lines.append(Line(stripped, page_no, x0, probe.right(last_char), y, max(size, last_size), bold, prefix))
    return lines


def plain_lines(textpage, page_no: int, count: int) -> list[Line]:
    """The page's lines without positions or fonts: the fast path for pages too big to probe.

    Baselines count down so the lines keep their order; sizes are all alike, so no line
    stands out as a heading.
    """
    text = page_text(textpage, count)
    stripped = (line.strip() for line in _LINE_BREAK.split(text))
    return [Line(line, page_no, 0.0, 0.0, -float(i), 10.0, False) for i, line in enumerate(stripped) if line]


def _bold_run(textpage, probe: _CharProbe, text: str, first: int, last: int, limit: int = 160) -> int:
    """Length of the bold run that opens a line ("1. Background." before regular text)."""
    end = first
    for t in range(first, min(last, first + limit)):
        if text[t].isspace():
            continue
        index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, t)
        if index < 0 or not probe.bold(index):
            break
        end = t + 1
    return end - first


def merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Lines in reading order: top to bottom, fragments printed on one baseline joined left to right.

    PDFium keeps content-stream order, which can put a heading below the paragraph after it
    or split one visual line in two (a tab, a change of font).
    """
    ordered = sorted(lines, key=lambda ln: -ln.y)
    merged: list[Line] = []
    group: list[Line] = []
    for line in ordered:
        if group and abs(group[0].y - line.y) > 0.4 * max(1.0, min(group[0].size, line.size)):
            merged.append(_join(group))
            group = []
        group.append(line)
    if group:
        merged.append(_join(group))
    return merged


def _join(group: list[Line]) -> Line:
    if len(group) == 1:
        return group[0]
    group = sorted(group, key=lambda ln: ln.x0)
    main = max(group, key=lambda ln: ln.letters)
    with_letters = [ln for ln in group if ln.letters] or group
    bold = all(ln.bold for ln in with_letters)
    prefix = 0
    if not bold and group[0].bold:
        prefix = len(group[0].text)  # a bold number or lead-in printed apart from its text
        for ln in group[1:]:
            if not ln.bold:
                prefix += 1 + ln.bold_prefix if ln.bold_prefix else 0
                break
            prefix += 1 + len(ln.text)
    elif not bold:
        prefix = group[0].bold_prefix
    return Line(" ".join(ln.text for ln in group), main.page, group[0].x0, max(ln.x1 for ln in group),
                main.y, main.size, bold, prefix)
