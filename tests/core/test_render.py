"""Rendering articles as readers see them: safe, segment-wrapped, updated block by block."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings

from reviewer.core.format import Document, parse
from reviewer.core.render.blocks import TABLE_CHUNK
from reviewer.core.render.marks import CLOSE, MID, OPEN
from reviewer.core.render.preview import NOTHING, SOURCE, ArticlePreview, render_inline
from reviewer.core.render.sanitize import (
    LINK_ANCHOR,
    LINK_EXTERNAL,
    LINK_MAIL,
    LINK_RELATIVE,
    LINK_XREF,
    link_kind,
)
from reviewer.core.render.sidebyside import align_blocks, side_by_side_html
from reviewer.core.render.style import CURRENT, ERROR
from tests.corpus import CORPUS, SAMPLE
from tests.strategies import (
    articles_with_pairs,
    corpus_bytes,
    fuzz_examples,
    mutated_corpus_bytes,
    parse_or_format_error,
)

NOTES = "collect-diagnostic-data.md"  # callouts, a table, code
LONG_TABLE = "permissions-in-the-security-and-compliance-center.md"  # a 60-row table


def load(name: str) -> Document:
    return parse((CORPUS / name).read_bytes(), name)


def article(pairs: list[tuple[str, str, str]], before: str = "", between: str = "\n\n") -> Document:
    body = between.join(
        f'<span data-ttu-id="{pid}">{t}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pid}">{s}</span></span>'
        for pid, s, t in pairs
    )
    return parse((before + body + "\n").encode(), "a.md")


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would see them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def assert_safe(html: str) -> None:
    """Nothing that runs, loads or styles from outside: no script, no src, no handlers."""
    for tag, attrs in Elements(html).tags:
        assert tag not in ("script", "img", "iframe", "style", "object", "embed", "link", "meta")
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key)
            assert key not in ("src", "srcset", "background", "data"), (tag, key)
            assert "url(" not in value, (tag, key, value)
            if key == "href":
                assert link_kind(value) is not None, value
    for mark in (OPEN, MID, CLOSE):
        assert mark not in html


# -- reading ----------------------------------------------------------------------------------


def test_seed_article_reads_as_a_page() -> None:
    doc = load(SAMPLE)
    preview = ArticlePreview(doc)
    html = preview.html()
    assert "sxs-lookup" not in html and "data-ttu-id" not in html
    assert "Go to the" not in html  # the English sources are not on the page
    assert preview.title == "Uw Office 365-abonnement opzeggen?"
    assert '<p class="page-title">' in html  # the article has its own H1
    for pid in doc.pairs.ids():
        assert f'id="seg-{pid}"' in html
        assert f'title="{pid}"' in html
    assert (
        '<strong><span class="seg" title="1f4c8-107">Factureringsproducten</span></strong>' in html
    )
    assert 'href="https://go.microsoft.com/fwlink/p/?linkid=842054"' in html
    assert "Ga naar de pagina &gt; " in html  # the \> escape reads as >
    assert_safe(html)


def test_source_side_renders_the_english_with_english_labels() -> None:
    doc = load(NOTES)
    target = ArticlePreview(doc).html()
    source = ArticlePreview(doc, SOURCE).html()
    assert target.count("<b>Notitie</b>") == 5 and "[!NOTE]" not in target
    assert source.count("<b>Note</b>") == 5
    assert "As part of the investigation" in source
    assert '<table class="md-table"' in target
    assert "<pre><code" in target
    assert_safe(target)
    assert_safe(source)


def test_docfx_extensions_are_marked_placeholders() -> None:
    doc = article(
        [
            ("a-101", "Note **here**.", "Let **hier** op."),
            ("a-102", "See [the API](xref:Microsoft.Graph.User) and <xref:Foo.Bar>.",
             "Zie [de API](xref:Microsoft.Graph.User) en <xref:Foo.Bar>."),
        ],
        before="> [!TIP]\n> Een tip.\n\n> [!WARNING]\n> Pas op.\n\n"
        "[!INCLUDE [x](../includes/a.md)]\n\n"
        ':::image type="content" source="../media/a.png" alt-text="Het scherm":::\n\n'
        "::: moniker range=\"o365\"\n\n![Schermafbeelding](https://example.com/a.png)\n\n",
    )  # fmt: skip
    html = ArticlePreview(doc).html()
    assert "<b>Tip</b>" in html and "<b>Waarschuwing</b>" in html
    assert 'class="callout callout-tip"' in html
    assert '<span class="ph ph-include">[Include: ../includes/a.md]</span>' in html
    assert "[Image: Het scherm]" in html and "[Image: Schermafbeelding]" in html
    assert 'class="ph ph-docfx">::: moniker range=&quot;o365&quot;</span>' in html
    assert f'class="link {LINK_XREF}" href="xref:Microsoft.Graph.User"' in html
    assert f'class="link {LINK_XREF}" href="xref:Foo.Bar"' in html
    assert_safe(html)


HOSTILE = (
    '<script>alert(1)</script> <img src="http://evil.example/x.png" onerror="alert(2)"> '
    '<a href="javascript:alert(3)" onclick="alert(4)">klik</a> <iframe src="http://x/"></iframe> '
    "<style>body{background:url(http://x/b.png)}</style> [link](javascript:alert(5)) "
    '![a](http://evil.example/p.png) <b style="background:url(http://x/c.png)">vet</b> '
    '<a href="https://learn.microsoft.com/" target="_blank">goed</a> <svg onload="alert(6)">'
)


def test_rendering_never_runs_script_or_loads_remote_content() -> None:
    # Inside a paragraph (inline HTML) and at a line start (an HTML block).
    doc = article([("a-101", "Safe text.", "Tekst " + HOSTILE), ("a-102", "Two.", HOSTILE)])
    preview = ArticlePreview(doc)
    html = preview.html()
    assert_safe(html)
    assert html.count("&lt;script&gt;") == 2  # the script shows as text the reviewer can see
    assert "[Image: a]" in html  # a Markdown image is named, never loaded
    assert re.search(r'title="http://evil.example/x.png">(<span[^>]*>)?\[Image: x.png\]', html)
    assert html.count('<a class="link link-external" href="https://learn.microsoft.com/">') == 2
    assert len(re.findall(r"<b><span[^>]*>vet</span></b>", html)) == 2
    update = preview.update("a-101", "<div>\n" + HOSTILE + "\n</div>")
    assert_safe(update.html if not update.full else preview.html())
    assert_safe(render_inline(HOSTILE))


def test_link_kinds() -> None:
    assert link_kind("https://x.y") == LINK_EXTERNAL
    assert link_kind("mailto:a@b.c") == LINK_MAIL
    assert link_kind("../a/b.md") == LINK_RELATIVE
    assert link_kind("#anchor") == LINK_ANCHOR
    assert link_kind("xref:A.B") == LINK_XREF
    for bad in ("javascript:alert(1)", " JavaScript:x", "java\tscript:x", "data:text/html,x",
                "file:///etc/passwd", "vbscript:x", "//evil.example/x", ""):  # fmt: skip
        assert link_kind(bad) is None, bad


def test_marker_characters_in_content_cannot_forge_segments() -> None:
    forged = f"Tekst {OPEN}\U000f0000\U000f0001{MID} nep {CLOSE} einde \U0010fffd"
    doc = article([("a-101", "Text.", forged), ("a-102", "Two.", "Twee.")])
    html = ArticlePreview(doc).html()
    assert_safe(html)
    assert html.count('id="seg-') == 2 and "\ufffd" in html


def test_carriage_returns_count_as_line_breaks_as_commonmark_reads_them() -> None:
    doc = article([("a-101", "One.", "Een\r\rtwee."), ("a-102", "Two.", "Drie.")], before="# Kop\r")
    preview = ArticlePreview(doc)
    html = preview.html()
    assert "<h1>Kop</h1>" in html and "<p>" in html
    assert preview.update("a-102", "Drie,\rvier.").index >= -1
    assert_safe(preview.html())


def test_front_matter_pairs_are_not_on_the_page() -> None:
    doc = load("troubleshoot-presence-issues-outlook.md")
    preview = ArticlePreview(doc)
    html = preview.html()
    assert "seg-6d249-101" not in html
    assert preview.update("6d249-101", "titel: iets anders") is NOTHING
    with pytest.raises(KeyError):
        preview.block_of("6d249-101")


def test_title_becomes_the_heading_when_the_article_has_none() -> None:
    doc = parse(
        b"---\ntitle: Mijn titel\nms.locfileid: '1'\n---\n\n"
        b'<span data-ttu-id="a-101">Tekst.</span><span class="sxs-lookup">'
        b'<span data-stu-id="a-101">Text.</span></span>\n'
    )
    assert ArticlePreview(doc).html().startswith('<h1 class="page-title">Mijn titel</h1>')


# -- marks, side by side ------------------------------------------------------------------------


def test_marks_and_badges_change_only_their_blocks() -> None:
    preview = ArticlePreview(load(SAMPLE))
    block = preview.block_of("1f4c8-107")
    assert preview.set_marks({"1f4c8-107": CURRENT}) == [block]
    assert preview.block_html(block).count(f'class="seg {CURRENT}"') == 3
    assert preview.set_marks({"1f4c8-107": CURRENT}) == []
    assert preview.set_marks({"1f4c8-112": ERROR}) == sorted({block, preview.block_of("1f4c8-112")})
    assert preview.set_badges({"1f4c8-112": "1,2"}) == [preview.block_of("1f4c8-112")]
    assert '<sup class="badge">1,2</sup>' in preview.html()
    assert preview.block_id(block).startswith("blk-")


def test_side_by_side_rows_hold_every_block_once_in_order() -> None:
    for name in (SAMPLE, NOTES, LONG_TABLE):
        doc = load(name)
        target, source = ArticlePreview(doc), ArticlePreview(doc, SOURCE)
        rows = align_blocks(target, source)
        left = [b for row in rows for b in row[0]]
        right = [b for row in rows for b in row[1]]
        assert left == list(range(len(target))) and right == list(range(len(source)))
        for lefts, rights in rows:
            assert {p for b in lefts for p in target.block_pairs(b)} == {
                p for b in rights for p in source.block_pairs(b)
            }
    html = side_by_side_html(ArticlePreview(load(SAMPLE)), ArticlePreview(load(SAMPLE), SOURCE))
    assert "Go to the" in html and "Ga naar de" in html


# -- updates ------------------------------------------------------------------------------------


def comparable(html: str) -> str:
    """Rendered HTML without block ids, table widths and the seams between the chunks of a
    long table, which may all differ after edits."""
    html = re.sub(r'<div class="blk" id="blk-\d+">|</div>\n', "", html)
    html = re.sub(r' width="\d+%"', "", html)
    html = re.sub(
        r'</tbody>\n</table>\n<table class="md-table md-table-cont"[^>]*>\n<tbody>\n', "", html
    )
    return html.replace('<table class="md-table md-table-cont"', '<table class="md-table"')


EDITS = [
    lambda t: t + " **extra** [x](https://y.example/)",
    lambda t: t.replace(" ", "  ", 1),
    lambda t: t + "\n\n```\ncode",  # an open fence swallows the rest of the article
    lambda t: "<!-- " + t,  # so does an open comment
    lambda t: t + "\n\n# Kop",
    lambda t: "    " + t,
    lambda t: t + "\n| a | b |\n|---|---|",
    lambda t: "> [!NOTE]\n> " + t,
    lambda t: t + "\n\n[x]: https://x.example/",
    lambda t: "1. " + t,
    lambda t: t + "\n===",
    lambda t: "<div>" + t,
    lambda t: t.replace(" ", "\n"),
    lambda t: t + " | cel",
]


@pytest.mark.parametrize("name", [SAMPLE, NOTES, LONG_TABLE, "legacy-ediscovery-retirement.md"])
def test_updates_match_a_fresh_render_and_splice_into_the_old_blocks(name: str) -> None:
    doc = load(name)
    preview = ArticlePreview(doc)
    rng = random.Random(name)
    shown = [pid for b in range(len(preview)) for pid in preview.block_pairs(b)]
    fast = 0
    for _ in range(40):
        pid = rng.choice(shown)
        new = rng.choice(EDITS)(preview.text_of(pid))
        before = preview.blocks()
        update = preview.update(pid, new)
        if not update.full:
            fast += 1
            spliced = before[: update.index] + list(update.blocks)
            spliced += before[update.index + update.replaced :]
            assert spliced == preview.blocks()
        doc.set_target(doc.pair(pid), new)
        assert comparable(preview.html()) == comparable(ArticlePreview(doc).html()), pid
    assert fast > 20


def test_a_typical_edit_re_renders_one_block() -> None:
    preview = ArticlePreview(load(SAMPLE))
    fixed = (
        "Ga naar de pagina **Facturering** \\> "
        "[Producten en services](https://go.microsoft.com/fwlink/p/?linkid=842054)."
    )
    block = preview.block_of("1f4c8-107")
    update = preview.update("1f4c8-107", fixed)
    assert (update.index, update.replaced, len(update.blocks)) == (block, 1, 1)
    assert "<strong><span" in update.html and ">Facturering</span></strong>" in update.html
    assert preview.block_html(block) == update.html


def test_a_row_edit_in_a_long_table_re_renders_one_chunk() -> None:
    doc = load(LONG_TABLE)
    preview = ArticlePreview(doc)
    chunks = [b for b in range(len(preview)) if "md-table-cont" in preview.block_html(b)]
    assert chunks  # the long table is cut into chunks of at most TABLE_CHUNK rows
    assert preview.block_html(chunks[0]).count("<tr>") <= TABLE_CHUNK
    pid = preview.block_pairs(chunks[0])[5]
    update = preview.update(pid, preview.text_of(pid) + " (bewerkt)")
    assert (update.index, update.replaced) == (chunks[0], 1)
    assert "(bewerkt)" in update.html and "<thead>" not in update.html
    assert 'width="100%"' in update.html  # continuation chunks keep the column widths


@settings(
    max_examples=fuzz_examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_corpus_bytes(tokens=True))
def test_no_crash_and_always_safe_on_mutated_articles(data: bytes) -> None:
    doc = parse_or_format_error(data)
    if doc is None:
        return
    for side in ("target", SOURCE):
        preview = ArticlePreview(doc, side)
        assert_safe(preview.html())
        ids = [pid for b in range(len(preview)) for pid in preview.block_pairs(b)]
        if ids:
            preview.update(ids[0], HOSTILE)
            assert_safe(preview.html())


def test_every_corpus_article_renders_safely() -> None:
    for name in articles_with_pairs():
        doc = parse(corpus_bytes(name), name)
        assert_safe(ArticlePreview(doc).html())
        assert_safe(ArticlePreview(doc, SOURCE).html())
