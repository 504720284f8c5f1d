"""XLIFF 1.2 and 2.1 export: one unit per pair, markup as inline codes, review state kept."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from reviewer import __version__
from reviewer.core import inline
from reviewer.core.fileio import atomic_write
from reviewer.core.interchange import (
    REVIEW_NS,
    SOURCE_LANGUAGE,
    Segment,
    original_names,
    segments,
    target_language,
)
from reviewer.core.mqm import Issue, Severity, category
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
VERSIONS = ("1.2", "2.1")
DATATYPE = "x-markdown"  # 1.2 datatype for sxs-lookup Markdown
RV = f"{{{REVIEW_NS}}}"

# Our states in the standard vocabularies. 1.2: an unreviewed target is machine translation
# awaiting review; needs work goes back to the translator; approved is final and approved="yes".
STATE_12 = {
    State.UNREVIEWED: "needs-review-translation",
    State.EDITED: "translated",
    State.NEEDS_WORK: "needs-translation",
    State.REVIEWED: "signed-off",
    State.APPROVED: "final",
}
# 2.1 has four states; subState (prefix:value) keeps ours beside it.
STATE_21 = {
    State.UNREVIEWED: "translated",
    State.EDITED: "translated",
    State.NEEDS_WORK: "initial",
    State.REVIEWED: "reviewed",
    State.APPROVED: "final",
}
_PRIORITY = {Severity.CRITICAL: 1, Severity.MAJOR: 3, Severity.MINOR: 5, Severity.NEUTRAL: 8}
# 1.2 ctype values: the standard ones where they fit, x- values elsewhere.
_CTYPE_PAIRED = {"bold": "bold", "italic": "italic", "link": "link", "image": "x-image"}
_CTYPE_TAGS = {
    "a": "link",
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underlined",
}
_TAG_NAME_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)")
_TYPE_21 = {
    "bold": "fmt",
    "italic": "fmt",
    "tag": "fmt",
    "link": "link",
    "url": "link",
    "image": "image",
    "code": "other",
    "comment": "other",
    "entity": "other",
}


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def pieces_of(text: str, raw: bool) -> list[inline.Piece]:
    return inline.split_illegal(text) if raw else inline.split(text)


def coded(source: str, target: str, raw: bool) -> tuple[list[inline.Piece], list[inline.Piece]]:
    """Source and target as text and numbered codes, the way every export writes them."""
    src, tgt = pieces_of(source, raw), pieces_of(target, raw)
    inline.number(src, tgt)
    return src, tgt


def _append_text(parent: Any, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _ctype(code: inline.Code) -> str:
    if code.kind == "tag":
        m = _TAG_NAME_RE.match(code.text)
        name = m.group(1).lower() if m else ""
        if name in _CTYPE_TAGS and code.role is not inline.Role.STANDALONE:
            return _CTYPE_TAGS[name]
        if name == "br":
            return "lb"
        return f"x-html-{name}" if name else "x-html"
    if code.role is not inline.Role.STANDALONE and code.kind in _CTYPE_PAIRED:
        return _CTYPE_PAIRED[code.kind]
    return "x-" + code.kind


def _fill_12(parent: Any, pieces: Sequence[inline.Piece]) -> None:
    """1.2 inline content: <bpt>/<ept> around paired markup, <ph> for the rest, each holding
    the markup itself, so every reader sees the exact text."""
    for p in pieces:
        if isinstance(p, str):
            _append_text(parent, p)
            continue
        if p.kind == "char":
            # XML cannot hold the character; its code point travels in ctype.
            el = etree.SubElement(parent, _q(NS12, "ph"), id=p.id)
            el.set("ctype", f"x-char-{ord(p.text):04X}")
            continue
        tag = {inline.Role.OPEN: "bpt", inline.Role.CLOSE: "ept"}.get(p.role, "ph")
        el = etree.SubElement(parent, _q(NS12, tag), id=p.id)
        if tag != "ept":
            el.set("ctype", _ctype(p))
        el.text = p.text


def _fill_21(parent: Any, pieces: Sequence[inline.Piece], data: dict[str, str]) -> None:
    """2.1 inline content: <pc> around paired markup, <ph> for the rest; the markup itself
    lives in <originalData>, referenced by dataRef."""
    stack = [parent]
    for p in pieces:
        container = stack[-1]
        if isinstance(p, str):
            _append_text(container, p)
        elif p.kind == "char":
            etree.SubElement(container, _q(NS20, "cp"), hex=f"{ord(p.text):04X}")
        elif p.role is inline.Role.OPEN:
            assert p.partner is not None
            el = etree.SubElement(container, _q(NS20, "pc"), id=p.id)
            el.set("dataRefStart", _data_id(data, p.text))
            el.set("dataRefEnd", _data_id(data, p.partner.text))
            el.set("type", _TYPE_21.get(p.kind, "other"))
            stack.append(el)
        elif p.role is inline.Role.CLOSE:
            stack.pop()
        else:
            el = etree.SubElement(container, _q(NS20, "ph"), id=p.id)
            el.set("dataRef", _data_id(data, p.text))
            el.set("type", _TYPE_21.get(p.kind, "other"))


def _data_id(data: dict[str, str], text: str) -> str:
    if text not in data:
        data[text] = f"d{len(data) + 1}"
    return data[text]


def _note_text(issue: Issue) -> str:
    head = f"{issue.severity.label} · {category(issue.category).label} · {issue.status.label}"
    return f"{head}: {issue.comment}" if issue.comment else head


def _review_attrs(el: Any, seg: Segment) -> None:
    el.set(RV + "state", seg.review.state.value)
    if seg.review.changed_by:
        el.set(RV + "changed-by", seg.review.changed_by)
    if seg.review.changed_at:
        el.set(RV + "changed-at", seg.review.changed_at)


def _unit_12(body: Any, seg: Segment, raw: bool, lang: str) -> None:
    unit = etree.SubElement(body, _q(NS12, "trans-unit"), id=seg.id)
    unit.set(_q(XML_NS, "space"), "preserve")
    if seg.review.state is State.APPROVED:
        unit.set("approved", "yes")
    _review_attrs(unit, seg)
    src, tgt = coded(seg.source, seg.target, raw)
    source = etree.SubElement(unit, _q(NS12, "source"))
    source.set(_q(XML_NS, "lang"), SOURCE_LANGUAGE)
    _fill_12(source, src)
    target = etree.SubElement(unit, _q(NS12, "target"), state=STATE_12[seg.review.state])
    target.set(_q(XML_NS, "lang"), lang)
    if seg.review.state is State.UNREVIEWED:
        target.set("state-qualifier", "mt-suggestion")
    _fill_12(target, tgt)
    for issue in seg.review.issues:
        note = etree.SubElement(unit, _q(NS12, "note"), annotates="target")
        note.set("priority", str(_PRIORITY[issue.severity]))
        if issue.author:
            note.set("from", issue.author)
        note.text = _note_text(issue)
    group = etree.SubElement(unit, _q(NS12, "context-group"), purpose="location")
    etree.SubElement(group, _q(NS12, "context"), {"context-type": "linenumber"}).text = str(
        seg.line
    )


def _unit_21(file_el: Any, seg: Segment, raw: bool) -> None:
    unit = etree.SubElement(file_el, _q(NS20, "unit"), id=seg.id)
    unit.set(_q(XML_NS, "space"), "preserve")
    _review_attrs(unit, seg)
    unit.set(RV + "line", str(seg.line))
    if seg.review.issues:
        notes = etree.SubElement(unit, _q(NS20, "notes"))
        for issue in seg.review.issues:
            note = etree.SubElement(notes, _q(NS20, "note"), appliesTo="target")
            note.set("category", category(issue.category).label)
            note.set("priority", str(_PRIORITY[issue.severity]))
            note.set(RV + "severity", issue.severity.value)
            note.set(RV + "status", issue.status.value)
            if issue.author:
                note.set(RV + "author", issue.author)
            note.text = issue.comment or category(issue.category).label
    src, tgt = coded(seg.source, seg.target, raw)
    data: dict[str, str] = {}
    original = etree.SubElement(unit, _q(NS20, "originalData"))
    segment = etree.SubElement(unit, _q(NS20, "segment"), state=STATE_21[seg.review.state])
    segment.set("subState", f"reviewer:{seg.review.state.value}")
    _fill_21(etree.SubElement(segment, _q(NS20, "source")), src, data)
    _fill_21(etree.SubElement(segment, _q(NS20, "target")), tgt, data)
    if data:
        for text, ref in data.items():
            item = etree.SubElement(original, _q(NS20, "data"), id=ref)
            _fill_21(item, pieces_of(text, raw=True), {})
    else:
        unit.remove(original)


def indent(el: Any, inner: frozenset[str], level: int = 0) -> None:
    """Line breaks and indentation between structural elements only: whitespace inside the
    ``inner`` elements (source, target, seg, note) would become part of their text."""
    children = list(el)
    if not children or etree.QName(el).localname in inner:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in children:
        indent(child, inner, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def serialize(root: Any) -> bytes:
    """The document as UTF-8 with a double-quoted XML declaration and a final newline."""
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


_TEXT_ELEMENTS = frozenset({"source", "target", "note", "data", "context"})


def to_xliff(
    sessions: Sequence[ReviewSession],
    version: str = "1.2",
    raw: bool = False,
    root: str | None = None,
) -> bytes:
    """One XLIFF document with a <file> per article; ``root`` makes the names relative."""
    if version not in VERSIONS:
        raise ValueError(f"unknown XLIFF version {version!r}: use 1.2 or 2.1")
    names = original_names(sessions, root)
    langs = [target_language(s.doc) for s in sessions]
    if version == "1.2":
        xliff = etree.Element(_q(NS12, "xliff"), nsmap={None: NS12, "rv": REVIEW_NS})
        xliff.set("version", "1.2")
        for session, name, lang in zip(sessions, names, langs, strict=True):
            file_el = etree.SubElement(xliff, _q(NS12, "file"), original=name)
            file_el.set("source-language", SOURCE_LANGUAGE)
            file_el.set("target-language", lang)
            file_el.set("datatype", DATATYPE)
            file_el.set(RV + "inline", "raw" if raw else "codes")
            header = etree.SubElement(file_el, _q(NS12, "header"))
            etree.SubElement(header, _q(NS12, "tool"), {"tool-id": "reviewer"}).attrib.update(
                {"tool-name": "reviewer", "tool-version": __version__}
            )
            body = etree.SubElement(file_el, _q(NS12, "body"))
            for seg in segments(session):
                _unit_12(body, seg, raw, lang)
    else:
        xliff = etree.Element(_q(NS20, "xliff"), nsmap={None: NS20, "rv": REVIEW_NS})
        xliff.set("version", "2.1")
        xliff.set("srcLang", SOURCE_LANGUAGE)
        xliff.set("trgLang", langs[0] if langs else "nl-NL")
        for k, (session, name) in enumerate(zip(sessions, names, strict=True), start=1):
            file_el = etree.SubElement(xliff, _q(NS20, "file"), id=f"f{k}", original=name)
            file_el.set(RV + "inline", "raw" if raw else "codes")
            units = list(segments(session))
            for seg in units:
                _unit_21(file_el, seg, raw)
            if not units:
                # A <file> needs a unit; an article with no pairs gets an empty ignorable one.
                empty = etree.SubElement(file_el, _q(NS20, "unit"), id="empty")
                etree.SubElement(etree.SubElement(empty, _q(NS20, "ignorable")), _q(NS20, "source"))
    indent(xliff, _TEXT_ELEMENTS)
    return serialize(xliff)


def export_xliff(
    sessions: Sequence[ReviewSession],
    path: str,
    version: str = "1.2",
    raw: bool = False,
    root: str | None = None,
) -> int:
    """Write the XLIFF file atomically; returns the number of units."""
    atomic_write(path, to_xliff(sessions, version, raw, root))
    return sum(1 for s in sessions for _ in segments(s))
