"""The parts of a .docx beside its body: footnotes and endnotes, comments and their reply threads, core properties."""

from __future__ import annotations

from lxml import etree

from ..document.builder import DocumentBuilder
from .docx_xml import P, T, TYPE, W

_W14, _W15 = "{http://schemas.microsoft.com/office/word/2010/wordml}", "{http://schemas.microsoft.com/office/word/2012/wordml}"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _related_xml(document, suffix: str):
    """The parsed XML of the part the main document relates to with type ``.../suffix``, or None."""
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/" + suffix):
            part = rel.target_part
            element = getattr(part, "element", None)
            return element if element is not None else etree.fromstring(part.blob, _SAFE_XML)
    return None


def notes_of(document, walker) -> list[str]:
    """Footnote and endnote texts, in part order; separators skipped."""
    notes: list[str] = []
    for suffix, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        root = _related_xml(document, suffix)
        if root is None:
            continue
        for note in root.iterchildren(W + tag):
            if note.get(TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(walker.paragraph_text(p, None)[0] for p in note.iter(P))
            if text.strip():
                notes.append(text)
    return notes


def comments_of(document) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Each comment's (text, author) by id, and for a reply the id of the comment it answers."""
    root = _related_xml(document, "comments")
    if root is None:
        return {}, {}
    found: dict[str, tuple[str, str | None]] = {}
    last_paragraph: dict[str, str] = {}  # w14:paraId of a comment's last paragraph -> its id
    for comment in root.iterchildren(W + "comment"):
        cid = comment.get(W + "id", "")
        paragraphs = list(comment.iter(P))
        text = " ".join("".join(t.text or "" for t in p.iter(T)) for p in paragraphs)
        found[cid] = (text, comment.get(W + "author") or None)
        if paragraphs and paragraphs[-1].get(_W14 + "paraId"):
            last_paragraph[paragraphs[-1].get(_W14 + "paraId")] = cid
    return found, _reply_parents(document, last_paragraph)


def _reply_parents(document, last_paragraph: dict[str, str]) -> dict[str, str]:
    """Word's threads (word/commentsExtended.xml): reply id -> the id of the comment it answers."""
    extended = _related_xml(document, "commentsExtended") if last_paragraph else None
    if extended is None:
        return {}
    parents = {}
    for entry in extended.iter(_W15 + "commentEx"):
        child = last_paragraph.get(entry.get(_W15 + "paraId", ""))
        parent = last_paragraph.get(entry.get(_W15 + "paraIdParent", ""))
        if child and parent:
            parents[child] = parent
    return parents


def metadata(builder: DocumentBuilder, document, titles: tuple[str | None, str | None]) -> None:
    """Core properties, and the title: a Title-styled paragraph first (what the reader sees; core titles are
    often a stale template's), then the core title, then a heading lifted as the title."""
    meta = builder.meta
    styled_title, lifted_title = titles
    core_title = None
    try:
        core = document.core_properties
        core_title = (core.title or "").strip() or None
        meta.author = (core.author or "").strip() or None
        meta.created = core.created.isoformat() if core.created else None
        meta.modified = core.modified.isoformat() if core.modified else None
    except Exception:  # a malformed core.xml costs the metadata, not the document
        builder.warn("document properties (docProps/core.xml) could not be read")
    meta.title = styled_title or core_title or lifted_title
