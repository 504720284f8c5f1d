"""Markup as inline codes: exact by construction, paired where it nests, numbered to match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core import inline
from reviewer.core.fileio import load_document
from reviewer.core.inline import Code, Role
from tests.corpus import CORPUS

MARKDOWN_TOKENS = (
    "**", "*", "_", "__", "`", "``", "[", "]", "(", ")", "![", "](x.md)", "][r]", "<b>", "</b>",
    "<br/>", '<a href="x">', "</a>", "<span>", "</span>", "&amp;", "&", "\\", "\\*",
    "https://a.b/c", "<https://x>", "<!--", "-->", "\n", " ", "\x0b", "<value>",
)  # fmt: skip


def shape(text: str) -> list[str | tuple[str, str, str]]:
    src = inline.split(text)
    inline.number(src, [])
    return [p if isinstance(p, str) else (p.text, p.role.value, p.id) for p in src]


def test_every_corpus_segment_splits_and_joins_exactly() -> None:
    count = 0
    for path in sorted(CORPUS.glob("*.md")):
        doc = load_document(path)
        for pair in doc.pairs:
            for text in (pair.source, pair.target):
                assert inline.join(inline.split(text)) == text
                count += 1
    assert count > 5000


def test_bold_links_tags_and_placeholders() -> None:
    assert shape("Click **Save & Finish** now") == [
        "Click ",
        ("**", "open", "1"),
        "Save & Finish",
        ("**", "close", "1"),
        " now",
    ]
    assert shape("See [the *docs*](a.md#b).") == [
        "See ",
        ("[", "open", "1"),
        "the ",
        ("*", "open", "2"),
        "docs",
        ("*", "close", "2"),
        ("](a.md#b)", "close", "1"),
        ".",
    ]
    assert shape('<a href="/x"><span class="u">\\*-Rule</span></a>') == [
        ('<a href="/x">', "open", "1"),
        ('<span class="u">', "open", "2"),
        "\\*-Rule",
        ("</span>", "close", "2"),
        ("</a>", "close", "1"),
    ]
    # Placeholders, entities, code, autolinks, bare URLs and <br/> stand alone.
    pieces = shape("Use `Get-User` &amp; <value> or <https://x.io><br/>https://a.b/c.")
    codes = [p for p in pieces if isinstance(p, tuple)]
    assert [c[0] for c in codes] == [
        "`Get-User`",
        "&amp;",
        "<value>",
        "<https://x.io>",
        "<br/>",
        "https://a.b/c",
    ]
    assert all(c[1] == "standalone" for c in codes)


def test_escapes_intraword_underscores_and_unpaired_markers_stay_text() -> None:
    assert shape("a \\*b\\* file_name 2 * 3") == ["a \\*b\\* file_name 2 * 3"]
    # A bold that never closes becomes a standalone code: protected, and still exact.
    assert shape("**open only") == [("**", "standalone", "1"), "open only"]


def test_overlapping_markup_degrades_to_standalone_codes() -> None:
    pieces = inline.split("**a [b** c](u)")
    roles = [(p.text, p.role) for p in pieces if isinstance(p, Code)]
    assert roles == [
        ("**", Role.OPEN),
        ("[", Role.STANDALONE),
        ("**", Role.CLOSE),
        ("](u)", Role.STANDALONE),
    ]


def test_target_codes_take_the_ids_of_equal_source_codes() -> None:
    src = inline.split("Open **File** and `x`")
    tgt = inline.split("Open `x` en **Bestand** and **meer**")
    inline.number(src, tgt)
    ids = {(p.text, p.role): p.id for p in src if isinstance(p, Code)}
    tcodes = [(p.text, p.role, p.id) for p in tgt if isinstance(p, Code)]
    assert tcodes[0] == ("`x`", Role.STANDALONE, ids[("`x`", Role.STANDALONE)])
    assert tcodes[1][2] == ids[("**", Role.OPEN)]
    assert tcodes[3][2] == "3"  # the second bold has no counterpart: a fresh id


def test_characters_xml_cannot_hold_become_codes() -> None:
    pieces = inline.split("a\x0bb <a\x0c>")
    assert inline.join(pieces) == "a\x0bb <a\x0c>"
    chars = [p.text for p in pieces if isinstance(p, Code)]
    assert chars == ["\x0b", "\x0c"]  # the tag holding one is text, not a code


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_TOKENS) | st.text(max_size=6)))
def test_split_is_exact_on_any_markup_soup(parts: list[str]) -> None:
    text = "".join(parts)
    pieces = inline.split(text)
    assert inline.join(pieces) == text
    for p in pieces:
        if isinstance(p, Code) and p.role is Role.OPEN:
            assert p.partner is not None and p.partner.role is Role.CLOSE
