"""Ruled tables on a PDF page, found from PDFium's path objects and read cell by cell.

pdfplumber finds the same tables but pays a pdfminer layout pass per page (~60-90 ms);
the ruling lines and the text inside a rectangle are both cheap to get from PDFium.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

_SNAP = 2.0  # points: rulings closer than this are one ruling
_MIN_EDGE = 3.0  # points: shorter segments are corners of thin rectangles, not rulings
_MIN_ROW = 4.0  # points: thinner bands are double rulings, not rows
MAX_PATHS = 5000  # a page drawn with more path objects than this is artwork, not a form
_MAX_SEGMENTS = 2000  # a single path this long is a drawing (a map, a logo), not rulings
_MAX_EDGES = 1500  # rulings compared pairwise: bounded so an odd page cannot take seconds


@dataclass
class PageTable:
    """A table's rows of cell texts and its box on the page (PDF points, y upwards)."""

    page: int
    left: float
    bottom: float
    right: float
    top: float
    rows: list[list[str]] = field(default_factory=list)

    @property
    def y(self) -> float:  # sorts with lines: a table sits where its top edge is
        return self.top

    def holds(self, x: float, y: float) -> bool:
        return self.left - _SNAP <= x <= self.right + _SNAP and self.bottom - _SNAP <= y <= self.top + _SNAP


@dataclass
class _Edge:
    horizontal: bool
    at: float  # y of a horizontal edge, x of a vertical one
    lo: float  # x0 / y0
    hi: float  # x1 / y1


def find_tables(page, textpage, page_no: int) -> list[PageTable]:
    """Tables of two or more columns drawn with ruling lines or cell rectangles."""
    edges = _merge(_page_edges(page))
    if len(edges) > _MAX_EDGES:
        return []
    tables = []
    for group in _connected(edges):
        table = _read_grid(group, textpage, page_no)
        if table is not None:
            tables.append(table)
    return tables


def count_objects(page) -> dict[int, int]:
    """How many page objects of each type (text, path, image, ...) the page holds at top level."""
    counts: dict[int, int] = {}
    for k in range(pdfium_c.FPDFPage_CountObjects(page)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page, k))
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _page_edges(page) -> list[_Edge]:
    """Rulings drawn on the page: stroked lines and rectangles, and thin filled rectangles.

    A filled rectangle that is not thin is cell shading; its sides are not rulings.
    """
    edges: list[_Edge] = []
    box = [ctypes.c_float() for _ in range(4)]
    matrix = pdfium_c.FS_MATRIX()
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    for k in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroked)
        segments = pdfium_c.FPDFPath_CountSegments(obj)
        if segments <= 5:
            # One line or one rectangle: its bounding box says everything.
            left, bottom, right, top = box
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                _box_edges(edges, left.value, bottom.value, right.value, top.value, bool(stroked.value))
        elif segments <= _MAX_SEGMENTS and pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            for points in _subpaths(obj, segments, matrix):
                if stroked.value:
                    for a, b in zip(points, points[1:]):
                        _segment_edge(edges, a, b)
                else:
                    xs, ys = [p[0] for p in points], [p[1] for p in points]
                    _box_edges(edges, min(xs), min(ys), max(xs), max(ys), False)
    return edges


def _subpaths(obj, segments: int, matrix) -> list[list[tuple[float, float]]]:
    """The path's subpaths as point lists in page space, closed ones ending where they began."""
    px, py = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    for s in range(segments):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, s)
        pdfium_c.FPDFPathSegment_GetPoint(seg, px, py)
        point = (matrix.a * px.value + matrix.c * py.value + matrix.e,
                 matrix.b * px.value + matrix.d * py.value + matrix.f)
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            subpaths[-1].append(subpaths[-1][0])
    return [points for points in subpaths if len(points) >= 2]


def _box_edges(edges: list[_Edge], left: float, bottom: float, right: float, top: float, stroked: bool) -> None:
    if top - bottom <= _SNAP and right - left >= _MIN_EDGE:
        edges.append(_Edge(True, (top + bottom) / 2, left, right))
    elif right - left <= _SNAP and top - bottom >= _MIN_EDGE:
        edges.append(_Edge(False, (left + right) / 2, bottom, top))
    elif stroked and right - left >= _MIN_EDGE and top - bottom >= _MIN_EDGE:
        edges += [_Edge(True, top, left, right), _Edge(True, bottom, left, right),
                  _Edge(False, left, bottom, top), _Edge(False, right, bottom, top)]


def _segment_edge(edges: list[_Edge], a: tuple[float, float], b: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) <= 0.5 and abs(x1 - x0) >= _MIN_EDGE:
        edges.append(_Edge(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) <= 0.5 and abs(y1 - y0) >= _MIN_EDGE:
        edges.append(_Edge(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _merge(edges: list[_Edge]) -> list[_Edge]:
    """Snap rulings on (nearly) the same line together and join touching pieces."""
    merged: list[_Edge] = []
    for horizontal in (True, False):
        same = sorted((e for e in edges if e.horizontal == horizontal), key=lambda e: e.at)
        clusters: list[list[_Edge]] = []
        for e in same:
            if clusters and e.at - clusters[-1][-1].at <= _SNAP:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        for cluster in clusters:
            at = sum(e.at for e in cluster) / len(cluster)
            pieces = sorted(cluster, key=lambda e: e.lo)
            current = _Edge(horizontal, at, pieces[0].lo, pieces[0].hi)
            for e in pieces[1:]:
                if e.lo <= current.hi + _SNAP:
                    current.hi = max(current.hi, e.hi)
                else:
                    merged.append(current)
                    current = _Edge(horizontal, at, e.lo, e.hi)
            merged.append(current)
    return merged


def _crosses(h: _Edge, v: _Edge) -> bool:
    return h.lo - _SNAP <= v.at <= h.hi + _SNAP and v.lo - _SNAP <= h.at <= v.hi + _SNAP


def _connected(edges: list[_Edge]) -> list[list[_Edge]]:
    """Groups of rulings that touch each other: each group is one candidate table."""
    parent = list(range(len(edges)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, e in enumerate(edges) if e.horizontal]
    vs = [i for i, e in enumerate(edges) if not e.horizontal]
    for i in hs:
        for j in vs:
            if _crosses(edges[i], edges[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[_Edge]] = {}
    for i, e in enumerate(edges):
        groups.setdefault(root(i), []).append(e)
    return [g for g in groups.values() if sum(e.horizontal for e in g) >= 2 and sum(not e.horizontal for e in g) >= 2]


def _read_grid(group: list[_Edge], textpage, page_no: int) -> PageTable | None:
    """Rows between horizontal rulings; cells between the vertical rulings that cross each row."""
    ys = sorted({round(e.at, 1) for e in group if e.horizontal}, reverse=True)
    verticals = [e for e in group if not e.horizontal]
    left = min(e.lo for e in group if e.horizontal)
    right = max(e.hi for e in group if e.horizontal)
    rows: list[list[str]] = []
    widest = 0
    for top, bottom in zip(ys, ys[1:]):
        if top - bottom < _MIN_ROW:
            continue
        mid = (top + bottom) / 2
        xs = sorted({round(v.at, 1) for v in verticals if v.lo - _SNAP <= mid <= v.hi + _SNAP})
        if len(xs) < 2:
            continue
        cells = [_bounded_text(textpage, a, top, b, bottom) for a, b in zip(xs, xs[1:]) if b - a >= _MIN_EDGE]
        widest = max(widest, len(cells))
        rows.append(cells)
    filled = sum(1 for row in rows if any(row))
    if not filled or (widest < 2 and filled < 3):
        return None  # a box around a paragraph is not a table; a one-column list of rows is
    return PageTable(page_no, left, ys[-1], right, ys[0], rows)


def _bounded_text(textpage, left: float, top: float, right: float, bottom: float) -> str:
    count = pdfium_c.FPDFText_GetBoundedText(textpage, left, top, right, bottom, None, 0)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetBoundedText(textpage, left, top, right, bottom, buffer, count + 1)
    text = bytes(memoryview(buffer)[:written]).decode("utf-16-le", errors="replace").replace("\x00", "")
    return " ".join(text.split())
