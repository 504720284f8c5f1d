"""The shared tokeniser: lossless on every corpus segment, markup recognised and paired."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.format import parse
from reviewer.core.markup.tokens import (
    AUTOLINK,
    BOLD,
    CODE,
    DOCFX,
    ENTITY,
    ESCAPE,
    IMAGE_OPEN,
    ITALIC,
    LINK_CLOSE,
    LINK_OPEN,
    MARKUP_KINDS,
    PLACEHOLDER,
    PUNCT,
    REF_CLOSE,
    TAG,
    URL,
    WORD,
    markup_tokens,
    token_at,
    tokenize,
)
from tests.strategies import articles_with_pairs, corpus_bytes, fuzz_examples


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in markup_tokens(text)]


def test_every_corpus_segment_tokenises_losslessly_in_order() -> None:
    segments = 0
    for name in articles_with_pairs():
        doc = parse(corpus_bytes(name), name)
        for text in (*doc.pairs.targets(), *doc.pairs.sources()):
            tokens = tokenize(text)
            assert "".join(t.text for t in tokens) == text
            assert all(a.end == b.start for a, b in itertools.pairwise(tokens))
            for t in tokens:
                if t.partner >= 0:
                    assert tokens[t.partner].partner == tokens.index(t)
            segments += 1
    assert segments > 3000


@settings(max_examples=fuzz_examples(300))
@given(st.text(alphabet=st.sampled_from(list("ab *_`[]()<>!&#;\\/:.|-\n\u00a0x1")), max_size=60))
def test_any_text_tokenises_losslessly(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    for t in tokens:
        assert text[t.start : t.end] == t.text
        if t.inner is not None:
            assert t.start <= t.inner[0] <= t.inner[1] <= t.end


def test_seed_article_broken_pair_has_its_bold_link_and_escape() -> None:
    target = (
        "Ga naar de pagina \\> **Factureringsproducten** "
        "[& services.](https://go.microsoft.com/fwlink/p/?linkid=842054)"
    )
    assert kinds(target) == [
        (ESCAPE, "\\>"),
        (BOLD, "**"),
        (BOLD, "**"),
        (LINK_OPEN, "["),
        (LINK_CLOSE, "](https://go.microsoft.com/fwlink/p/?linkid=842054)"),
    ]
    tokens = tokenize(target)
    words = [t.text for t in tokens if t.kind == WORD]
    assert "services" in words  # the words of a link text stay words
    bold = [i for i, t in enumerate(tokens) if t.kind == BOLD]
    assert tokens[bold[0]].partner == bold[1]


def test_markup_kinds() -> None:
    text = (
        "Run `Get-Mailbox <Identity>` then <https://aka.ms/x> &amp; <b>vet</b><br/> "
        "[!NOTE] a <value> [tekst][ref] ![alt](a.png) https://example.com/pad. "
        ':::image source="a.png":::'
    )
    got = kinds(text)
    assert (CODE, "`Get-Mailbox <Identity>`") in got
    assert (AUTOLINK, "<https://aka.ms/x>") in got
    assert (ENTITY, "&amp;") in got
    assert [k for k, t in got if k == TAG] == [TAG, TAG, TAG]
    assert (DOCFX, "[!NOTE]") in got
    assert (PLACEHOLDER, "<value>") in got
    assert (REF_CLOSE, "][ref]") in got
    assert (IMAGE_OPEN, "![") in got
    assert (URL, "https://example.com/pad") in got  # the full stop is not part of it
    assert got[-1][0] == DOCFX


def test_emphasis_rules() -> None:
    assert kinds("***x***") == [(ITALIC, "*"), (BOLD, "**"), (BOLD, "**"), (ITALIC, "*")]
    assert kinds("5 * 3") == []  # a lone star between spaces is literal
    assert kinds("snake_case_name") == []  # intraword underscores emphasise nothing
    assert kinds("__vet__") == [(BOLD, "__"), (BOLD, "__")]
    tokens = tokenize("5 * 3")
    assert [t.kind for t in tokens if t.text == "*"] == [PUNCT]


def test_code_content_and_link_url_are_editable_interiors() -> None:
    code = tokenize("`abc`")[0]
    assert code.kind == CODE and code.inner == (1, 4) and code.key == "abc"
    close = next(t for t in tokenize("[a](https://x.y/z)") if t.kind == LINK_CLOSE)
    assert close.inner is not None
    assert "[a](https://x.y/z)"[close.inner[0] : close.inner[1]] == "https://x.y/z"


def test_link_keys_ignore_the_locale_folder() -> None:
    source = markup_tokens("[a](https://learn.microsoft.com/en-us/x)")[0]
    target = markup_tokens("[b](https://learn.microsoft.com/nl-nl/x)")[0]
    assert source.key == target.key


def test_token_at() -> None:
    tokens = tokenize("ab **cd**")
    assert tokens[token_at(tokens, 3)].kind == BOLD
    assert tokens[token_at(tokens, 0)].text == "ab"
    assert token_at(tokens, 99) == -1
    assert all(t.kind in MARKUP_KINDS for t in markup_tokens("**a** `b`"))
