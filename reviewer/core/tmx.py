"""TMX 1.4b translation memory of reviewed pairs, with dates and reviewers, for any CAT tool."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from reviewer import __version__
from reviewer.core import inline
from reviewer.core.fileio import atomic_write
from reviewer.core.interchange import (
    SOURCE_LANGUAGE,
    handoff_date,
    original_names,
    segments,
    target_language,
)
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.core.xliff import XML_NS, coded, indent, serialize


def tmx_date(iso: str) -> str:
    """An ISO 8601 time (as review records hold) in TMX form, YYYYMMDDThhmmssZ; "" if unreadable."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fill(seg: Any, pieces: Sequence[inline.Piece]) -> None:
    """TMX inline content: <bpt>/<ept> around paired markup and <ph> for the rest, each holding
    the markup itself (TMX level 2), so a memory lookup shows and keeps it."""
    for p in pieces:
        if isinstance(p, str):
            if len(seg):
                seg[-1].tail = (seg[-1].tail or "") + p
            else:
                seg.text = (seg.text or "") + p
            continue
        if p.kind == "char":
            etree.SubElement(seg, "ph", type=f"x-char-{ord(p.text):04X}")
        elif p.role is inline.Role.OPEN:
            etree.SubElement(seg, "bpt", i=p.id, type=p.kind).text = p.text
        elif p.role is inline.Role.CLOSE:
            etree.SubElement(seg, "ept", i=p.id).text = p.text
        else:
            etree.SubElement(seg, "ph", x=p.id, type=p.kind).text = p.text


def _prop(tu: Any, kind: str, value: str) -> None:
    etree.SubElement(tu, "prop", type=kind).text = value


def to_tmx(
    sessions: Sequence[ReviewSession],
    include_all: bool = False,
    raw: bool = False,
    root: str | None = None,
) -> tuple[bytes, int]:
    """The memory and its unit count: approved pairs (every pair with ``include_all``).

    A source and target that several articles share is one unit, the most recently changed.
    """
    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    tmx = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        tmx,
        "header",
        creationtool="reviewer",
        creationtoolversion=__version__,
        segtype="block",
        adminlang="en-US",
        srclang=SOURCE_LANGUAGE,
        datatype="unknown",
        creationdate=now,
    )
    header.set("o-tmf", "sxs-lookup Markdown")
    body = etree.SubElement(tmx, "body")
    chosen: dict[tuple[str, str], tuple[str, Any]] = {}
    for session, name in zip(sessions, original_names(sessions, root), strict=True):
        lang = target_language(session.doc)
        created = handoff_date(session.doc)
        for seg in segments(session):
            review = seg.review
            if not include_all and review.state is not State.APPROVED:
                continue
            changed = tmx_date(review.changed_at) if review.changed_at else ""
            key = (seg.source, seg.target)
            if key in chosen and chosen[key][0] >= changed:
                continue
            tu = etree.Element("tu", tuid=seg.id)
            if created:
                tu.set("creationdate", created + "T000000Z")
            if changed:
                tu.set("changedate", changed)
            if review.changed_by:
                tu.set("changeid", review.changed_by)
            _prop(tu, "x-file", name)
            _prop(tu, "x-review-state", review.state.value)
            src, tgt = coded(seg.source, seg.target, raw)
            for lang_code, pieces in ((SOURCE_LANGUAGE, src), (lang, tgt)):
                tuv = etree.SubElement(tu, "tuv")
                tuv.set(f"{{{XML_NS}}}lang", lang_code)
                if lang_code == lang and changed:
                    tuv.set("changedate", changed)
                    if review.changed_by:
                        tuv.set("changeid", review.changed_by)
                _fill(etree.SubElement(tuv, "seg"), pieces)
            chosen[key] = (changed, tu)
    for _, tu in chosen.values():
        body.append(tu)
    indent(tmx, frozenset({"seg", "prop", "note"}))
    return serialize(tmx), len(chosen)


def export_tmx(
    sessions: Sequence[ReviewSession],
    path: str,
    include_all: bool = False,
    raw: bool = False,
    root: str | None = None,
) -> int:
    """Write the memory atomically; returns the number of translation units."""
    data, count = to_tmx(sessions, include_all, raw, root)
    atomic_write(path, data)
    return count
