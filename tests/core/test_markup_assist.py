"""Editor help on markup, driven as a user drives the editor: keys, selections, one edit each."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.format import parse
from reviewer.core.markup.assist import (
    TextEdit,
    auto_pair,
    insert_next_markup,
    markup_units,
    missing_markup,
    protected_delete,
    token_span,
)
from reviewer.core.markup.tokens import MARKUP_KINDS, tokenize
from reviewer.core.markup.whitespace import describe_char, show_whitespace, whitespace_marks
from tests.corpus import CORPUS, SAMPLE
from tests.strategies import articles_with_pairs, corpus_bytes, fuzz_examples

URL = "https://go.microsoft.com/fwlink/p/?linkid=842054"


@dataclass
class Editor:
    """A plain-text editor that routes keys through the core help, as the window's will."""

    text: str
    cursor: int = 0
    anchor: int = 0
    warnings: int = 0

    def apply(self, edit: TextEdit) -> None:
        self.text = edit.apply(self.text)
        self.cursor, self.anchor = edit.cursor, edit.anchor
        self.warnings += bool(edit.removed)

    def move(self, pos: int) -> None:
        self.cursor = self.anchor = pos

    def select(self, word: str) -> None:
        start = self.text.index(word)
        self.anchor, self.cursor = start, start + len(word)

    def type(self, chars: str) -> None:
        for ch in chars:
            edit = auto_pair(self.text, self.cursor, self.anchor, ch)
            if edit is None:
                start, end = sorted((self.cursor, self.anchor))
                edit = TextEdit(start, end, ch, start + 1, start + 1)
            self.apply(edit)

    def key(self, forward: bool, times: int = 1) -> None:
        for _ in range(times):
            edit = protected_delete(self.text, self.cursor, self.anchor, forward)
            if edit is None:
                start, end = sorted((self.cursor, self.anchor))
                if start == end:
                    start, end = (start, start + 1) if forward else (start - 1, start)
                edit = TextEdit(start, end, "", start, start)
            self.apply(edit)

    def backspace(self, times: int = 1) -> None:
        self.key(False, times)

    def delete(self, times: int = 1) -> None:
        self.key(True, times)

    def insert_next(self, source: str) -> bool:
        edit = insert_next_markup(source, self.text, self.cursor, self.anchor)
        if edit is None:
            return False
        self.apply(edit)
        return True


@pytest.fixture(scope="module")
def seed_pair() -> tuple[str, str]:
    doc = parse((CORPUS / SAMPLE).read_bytes(), SAMPLE)
    pair = doc.pair("1f4c8-107")
    return pair.source, pair.target


def test_insert_next_markup_repairs_the_seed_bold_and_link(seed_pair: tuple[str, str]) -> None:
    source, target = seed_pair
    assert target == f"Ga naar de pagina \\> **Factureringsproducten** [& services.]({URL})"
    ed = Editor(target, len(target), len(target))
    ed.backspace()  # one key removes the whole ](url)
    assert ed.text.endswith("[& services.") and ed.warnings == 1
    ed.backspace(len("[& services. "))
    ed.backspace()  # the closing ** goes whole
    assert ed.text == "Ga naar de pagina \\> **Factureringsproducten"
    ed.backspace(len("sproducten"))
    assert ed.insert_next(source)  # the lone ** gets its other half at the cursor
    assert ed.text == "Ga naar de pagina \\> **Facturering**"
    ed.move(ed.text.index("\\>"))
    ed.delete(2)  # \> in one key, then its space
    ed.move(len(ed.text))
    ed.type(" \\> Producten en services.")
    ed.select("Producten en services")
    assert ed.insert_next(source)
    expected = f"Ga naar de pagina **Facturering** \\> [Producten en services]({URL})."
    assert ed.text == expected
    assert missing_markup(source, ed.text) == []
    assert not ed.insert_next(source)  # nothing left to insert
    assert ed.warnings == 3


def test_insert_next_markup_in_source_order_from_plain_text(seed_pair: tuple[str, str]) -> None:
    source, _ = seed_pair
    ed = Editor("Ga naar de pagina Facturering \\> Producten en services.")
    ed.select("Facturering")
    assert ed.insert_next(source)  # bold comes first in the source
    assert "**Facturering**" in ed.text
    assert ed.cursor == ed.anchor == ed.text.index("**Facturering**") + len("**Facturering**")
    ed.select("Producten en services")
    assert ed.insert_next(source)
    assert f"[Producten en services]({URL})" in ed.text


def test_insert_without_selection_puts_the_cursor_inside_the_pair() -> None:
    source = "Click **Save** and then `run`"
    ed = Editor("Klik op  en daarna", 8, 8)
    assert ed.insert_next(source)
    assert ed.text == "Klik op **** en daarna" and ed.cursor == 10
    ed.type("Opslaan")
    assert ed.text == "Klik op **Opslaan** en daarna"
    # Pressed twice without typing, the next unit goes after the empty pair, not inside it.
    ed = Editor("Klik op  en daarna", 8, 8)
    assert ed.insert_next(source) and ed.insert_next(source)
    assert ed.text == "Klik op ****`run` en daarna"


def test_single_tokens_are_inserted_verbatim_and_the_selection_is_trimmed() -> None:
    source = "Run `Get-Mailbox` &amp; see <br/>"
    ed = Editor("Voer  uit", 5, 5)
    assert ed.insert_next(source)
    assert ed.text == "Voer `Get-Mailbox` uit"
    ed.move(len(ed.text))
    assert ed.insert_next(source) and ed.text.endswith("&amp;")
    assert ed.insert_next(source) and ed.text.endswith("&amp;<br/>")
    ed = Editor("Kies  Opslaan  nu")
    ed.anchor, ed.cursor = 4, 14  # "  Opslaan  " with its spaces selected
    assert ed.insert_next("Choose **Save** now")
    assert ed.text == "Kies  **Opslaan**  nu"


def test_the_cursor_never_splits_a_token() -> None:
    target = "Zie [hier](https://x.y/z) nu"
    inside = target.index("x.y")
    edit = insert_next_markup("See [here](https://x.y/z) `code` now", target, inside)
    assert edit is not None and edit.insert == "`code`"
    assert edit.start == target.index(" nu")


def test_missing_markup_and_units() -> None:
    units = markup_units("**a** [b](u) <b>c</b> <br> `d`")
    assert [u.label for u in units] == ["**…**", "[…](u)", "<b>…</b>", "<br>", "`d`"]
    assert [u.label for u in missing_markup("**a** [b](u)", "a [b](u)")] == ["**…**"]
    assert missing_markup("[b](https://x/en-us/y)", "[c](https://x/nl-nl/y)") == []


def test_repeated_insert_next_restores_every_corpus_pairs_markup() -> None:
    """From the target with its markup removed, insert-next until done: nothing is missing."""
    pairs = 0
    for name in articles_with_pairs():
        doc = parse(corpus_bytes(name), name)
        for source, target in zip(doc.pairs.sources(), doc.pairs.targets(), strict=True):
            units = markup_units(source)
            if not units:
                continue
            plain = "".join(t.text for t in tokenize(target) if t.kind not in MARKUP_KINDS)
            ed = Editor(plain + " ", len(plain) + 1, len(plain) + 1)
            steps = 0
            while ed.insert_next(source):
                if ed.cursor < len(ed.text):
                    ed.type("x")  # the user types into the empty pair just inserted
                ed.move(len(ed.text))
                ed.type(" ")
                steps += 1
                assert steps <= 2 * len(units) + 2, (name, source, ed.text)
            assert missing_markup(source, ed.text) == [], (name, source, ed.text)
            pairs += 1
    assert pairs > 600


@pytest.mark.parametrize(
    ("text", "cursor", "typed", "result", "at"),
    [
        ("Klik ", 5, "[", "Klik []", 6),
        ("Klik [x", 7, "]", None, None),
        ("Klik [x]", 7, "]", "Klik [x]", 8),  # steps over the closer
        ("Klik [x]", 8, "(", "Klik [x]()", 9),
        ("Run ", 4, "`", "Run ``", 5),
        ("Run `x`", 6, "`", "Run `x`", 7),
        ("Kies *", 6, "*", "Kies ****", 7),
        ("Kies **vet*", 11, "*", None, None),
        ("Kies **vet**", 10, "*", "Kies **vet**", 11),
        ("woord", 0, "[", None, None),  # no pair right before a word
    ],
)
def test_auto_pair(text: str, cursor: int, typed: str, result: str | None, at: int | None) -> None:
    edit = auto_pair(text, cursor, cursor, typed)
    if result is None:
        assert edit is None
        return
    assert edit is not None
    assert edit.apply(text) == result and edit.cursor == at


def test_auto_pair_wraps_a_selection_and_two_stars_make_bold() -> None:
    ed = Editor("Kies Opslaan nu")
    ed.select("Opslaan")
    ed.type("**")
    assert ed.text == "Kies **Opslaan** nu"
    ed.select("Opslaan")
    ed.type("[")
    assert ed.text == "Kies **[Opslaan]** nu"
    ed.select("nu")
    ed.type("`")
    assert ed.text == "Kies **[Opslaan]** `nu`"


def test_protected_delete() -> None:
    text = "Zie **vet** en [link](https://x.y/z) &amp; `code` \\>"
    # Backspace right after each token removes the whole token.
    for token in ("**", "](https://x.y/z)", "&amp;", "\\>"):
        end = text.index(token) + len(token)
        edit = protected_delete(text, end, end, forward=False)
        assert edit is not None and edit.removed == (token,) and edit.message
        assert edit.apply(text) == text[: end - len(token)] + text[end:]
    # Inside the URL and the code, characters are edited one by one.
    url = text.index("x.y")
    assert protected_delete(text, url, url, forward=True) is None
    code = text.index("code") + 1
    assert protected_delete(text, code, code, forward=False) is None
    # The backtick itself takes the whole code span.
    tick = text.index("`")
    edit = protected_delete(text, tick, tick, forward=True)
    assert edit is not None and edit.removed == ("`code`",)
    # On plain text the key acts as usual.
    assert protected_delete(text, 2, 2, forward=False) is None
    # A selection that cuts a token is widened to the whole token.
    start = text.index("vet")
    edit = protected_delete(text, start - 1, start + 2, forward=False)
    assert edit is not None and (edit.start, edit.end) == (start - 2, start + 2)
    assert token_span(text, start - 1) == (start - 2, start)
    assert token_span(text, start) is None


def test_whitespace_display_keeps_offsets() -> None:
    text = "a b\u00a0c\u202fd\te\nf"
    shown = show_whitespace(text, keep_line_breaks=False)
    assert len(shown) == len(text)
    assert shown == "a·b°c⸰d→e↵f"
    assert show_whitespace("x\ny") == "x↵\ny"
    marks = whitespace_marks(text)
    assert [m.offset for m in marks] == [1, 3, 5, 7, 9]
    assert [m.special for m in marks] == [False, True, True, False, False]
    assert describe_char("\u202f") == "narrow no-break space (U+202F)"
    assert text == "a b\u00a0c\u202fd\te\nf"  # display only: the text is not changed


MARKUP_TEXT = st.text(alphabet=st.sampled_from(list("ab *_`[]()<>!&;#\\/:.x\n")), max_size=30)


@settings(max_examples=fuzz_examples(300))
@given(MARKUP_TEXT, MARKUP_TEXT, st.integers(0, 40), st.integers(0, 40), st.sampled_from("[(`*_x]"))
def test_editor_help_never_crashes_and_edits_stay_in_range(
    source: str, target: str, a: int, b: int, typed: str
) -> None:
    a, b = min(a, len(target)), min(b, len(target))
    edits = [
        insert_next_markup(source, target, a, b),
        auto_pair(target, a, b, typed),
        protected_delete(target, a, b, forward=True),
        protected_delete(target, a, b, forward=False),
    ]
    for edit in edits:
        if edit is None:
            continue
        assert 0 <= edit.start <= edit.end <= len(target)
        after = edit.apply(target)
        assert 0 <= edit.cursor <= len(after) and 0 <= edit.anchor <= len(after)
        for removed in edit.removed:
            assert removed in target
