"""Counts a PDF's drawing work from its raw streams before PDFium parses a page.

PDFium builds every object of a page when it loads it, form XObjects expanded wherever they are
drawn, so the per-page object cap in pdf.py comes too late for two kinds of file: a 6.8 KB PDF
whose 28 form XObjects each draw the next twice (2^28 objects: over 6 GiB in 43 s), and one page
whose content stream inflates to millions of operations (3M text operations: 1.6 GB, 15 s).

Here the content streams (those a page names in /Contents, and form XObjects) are inflated in
bounded chunks and their tokens counted, and each form's drawn cost is worked out through the
forms it draws: its own tokens plus, for each ``Do``, the dearest form its resources name.  Object
streams are not opened, so a form whose resources hide in one is not followed; the helper's memory
limit (run/bounds.py) still bounds what that costs.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from ..errors import ReadError

MAX_STREAM_TOKENS = 2_000_000  # one content stream: a dense real page has ~100k
MAX_DRAWN_TOKENS = 5_000_000  # a form with the forms it draws, expanded
MAX_TOTAL_TOKENS = 50_000_000  # all content streams of the file
_CHUNK = 1 << 20

_OBJ = re.compile(rb"(?<!\d)(\d+)\s+\d+\s+obj\b")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_NUMBER = re.compile(rb"(\d+)\s+\d+\s+$")
_CONTENTS = re.compile(rb"/Contents\s*(?:(\d+)\s+\d+\s+R|\[([^\]]*)\])")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_XOBJECTS = re.compile(rb"/XObject\s*(?:<<(.*?)>>|(\d+)\s+\d+\s+R)", re.S)
_RESOURCES = re.compile(rb"/Resources\s+(\d+)\s+\d+\s+R")


def check_pdf_streams(path: Path, data: bytes) -> None:
    """Raise ReadError when a content stream or a nest of forms would take PDFium too much work."""
    contents: set[int] = set()
    for single, many in _CONTENTS.findall(data):
        contents.update(int(n) for n in ([single] if single else _REF.findall(many)))
    streams: dict[int, tuple[int, int, bytes]] = {}  # object -> (tokens, Do count, dictionary)
    total = 0
    done = 0  # end of the last stream's data: a match inside it is binary noise
    for match in _STREAM.finditer(data):
        if match.start() < done:
            continue
        start = data.rfind(b"obj", max(0, match.start() - 65536), match.start())
        number = _NUMBER.search(data[max(0, start - 24): start]) if start >= 0 else None
        end = data.find(b"endstream", match.end())
        done = end if end >= 0 else len(data)
        if number is None:
            continue
        number, head = int(number.group(1)), data[start + 3: match.start() + 2]
        is_form = b"/Form" in head and b"/Subtype" in head
        if not (is_form or number in contents):
            continue
        raw = data[match.end(): done]
        tokens, draws = _count(raw, head)
        if tokens > MAX_STREAM_TOKENS:
            raise ReadError(f"{path}: a content stream of the PDF holds over {MAX_STREAM_TOKENS:,} drawing "
                            "operations: refusing to read it")
        total += tokens
        if total > MAX_TOTAL_TOKENS:
            raise ReadError(f"{path}: the PDF's content streams hold over {MAX_TOTAL_TOKENS:,} drawing "
                            "operations: refusing to read it")
        if is_form:
            streams[number] = (tokens, draws, head)
    if streams:
        _check_forms(path, data, streams)


def _count(raw: bytes, head: bytes) -> tuple[int, int]:
    """(tokens, ``Do`` operators) of one stream, inflated a chunk at a time (never held whole)."""
    if b"/Filter" not in head:
        return len(raw.split()), raw.count(b"Do")
    if b"/FlateDecode" not in head or re.search(rb"/Filter\s*\[[^\]]*/\w+[^\]]*/\w+", head):
        return 0, 0  # other filters or chains: PDFium's page caps apply
    inflater = zlib.decompressobj()
    tokens = draws = 0
    pending = raw
    carry = b""
    try:
        while pending:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if not out:
                break
            text = carry + out
            cut = max(text.rfind(b" "), text.rfind(b"\n"))
            carry, text = (text[cut + 1:], text[: cut + 1]) if cut >= 0 else (b"", text)
            tokens += len(text.split())
            draws += text.count(b"Do")
            if tokens > MAX_STREAM_TOKENS:
                break
    except zlib.error:
        pass  # damaged: PDFium reports what it can read
    return tokens + (1 if carry.strip() else 0), draws


def _check_forms(path: Path, data: bytes, forms: dict[int, tuple[int, int, bytes]]) -> None:
    where = {int(m.group(1)): m.end() for m in _OBJ.finditer(data)}  # the last definition wins, as in an update
    children = {n: _drawn_forms(data, where, head) & set(forms) for n, (_t, _d, head) in forms.items()}
    cost: dict[int, int] = {}

    def drawn(n: int, depth: int) -> int:
        if n in cost:
            return cost[n]
        if depth > 64:
            raise ReadError(f"{path}: the PDF's form objects draw each other more than 64 deep "
                            "(or in a loop): refusing to read it")
        tokens, draws, _head = forms[n]
        dearest = max((drawn(c, depth + 1) for c in children[n]), default=0)
        cost[n] = min(tokens + draws * dearest, MAX_DRAWN_TOKENS * 2)
        return cost[n]

    for number in forms:
        if drawn(number, 0) > MAX_DRAWN_TOKENS:
            raise ReadError(f"{path}: the PDF's nested form objects would draw over {MAX_DRAWN_TOKENS:,} "
                            "operations: refusing to read it")


def _drawn_forms(data: bytes, where: dict[int, int], head: bytes) -> set[int]:
    """Objects a form's /XObject resources name (inline, or through an indirect /Resources)."""
    found: set[int] = set()
    bodies = [head] + [_object_body(data, where, int(ref)) for ref in _RESOURCES.findall(head)]
    for body in bodies:
        for inline, indirect in _XOBJECTS.findall(body):
            names = inline if inline else _object_body(data, where, int(indirect))
            found.update(int(n) for n in _REF.findall(names))
    return found


def _object_body(data: bytes, where: dict[int, int], number: int) -> bytes:
    start = where.get(number)
    if start is None:
        return b""
    end = data.find(b"endobj", start, start + 65536)
    return data[start: end if end >= 0 else start + 4096]
