"""The prose words of a segment, with offsets into the raw text: markup, code and names left out."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Spans that are never language: inline code, URLs and link destinations, HTML tags and
# pseudo-tag placeholders (<value>), entities, DocFX markers, e-mail addresses and escapes.
# Each is blanked with spaces of the same length so every offset still points into the raw text.
# One pattern per kind, each run only when the text holds the characters it needs: a single
# alternation would be tried at every character of every segment (~20 µs for a sentence).
_NOT_PROSE: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (triggers, re.compile(pattern, flags))
    for triggers, pattern, flags in (
        (("`",), r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S),  # code span
        (("]:",), r"^\s*\[[^\[\]\n]+\]:\s*\S+.*$", re.M),  # a reference definition line
        (("](",), r"\]\((?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+\"[^\"\n]*\")?\)", 0),
        (("][",), r"\]\[[^\[\]]*\]", 0),  # ][reference label]
        (("://", "mailto:", "xref:"), r"\b(?:https?|ftp|mailto|xref):[^\s<>()\[\]\"'`]+", 0),
        (("www.",), r"\bwww\.[^\s<>()\[\]\"'`]+", 0),
        (("<",), r"</?[A-Za-z][^<>\n]*>|\\<[^<>\n]*?\\>", 0),  # tags, <placeholders>, \<x\>
        (("&",), r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});", 0),
        (("[!", ":::"), r"\[!(?:[A-Za-z][\w-]*)(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]|:::[^\n]*", 0),
        (("@",), r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0),  # e-mail
        (("{", "%"), r"\{\{[^{}\n]*\}\}|\{[0-9]+\}|%[0-9]+|%[sd]", 0),  # template placeholders
    )
)
_NOTHING_TO_BLANK = re.compile(r"[`\]<&@{%]|\[!|:::|://|mailto:|xref:|www\.").search
# A run of non-space characters: a candidate word, identifier or token.
_TOKEN_RE = re.compile(r"\S+")
_LEAD = "([{\"'“‘„«*_~>\\"
_TRAIL = ".,;:!?)]}\"'”’»*_~…\\"
# Letters with inner hyphens or apostrophes: e-mailadres, URL's, app's, Teams-bestanden.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Characters that make a token code, a path, a version or an identifier rather than a word.
_CODE_CHARS = frozenset("0123456789_@/\\=<>{}$%#&+|^[]()`:;")
_CAMEL_RE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_SENTENCE_END = ".!?:"


class Word(NamedTuple):
    """One prose word: its offsets in the raw text and whether it begins a sentence (a named
    tuple: segments hold thousands of words, and a frozen dataclass is slow to build)."""

    start: int
    end: int
    text: str
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def parts(self) -> list[str]:
        """The hyphen-separated parts of a compound such as Teams-bestanden."""
        return self.text.split("-")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


@lru_cache(maxsize=1024)
def blank_non_prose(text: str) -> str:
    """``text`` with code, URLs, tags, entities and placeholders replaced by spaces."""
    if _NOTHING_TO_BLANK(text) is None:
        return text
    for triggers, pattern in _NOT_PROSE:
        if any(t in text for t in triggers):
            text = pattern.sub(_spaces, text)
    return text


def is_identifier(token: str) -> bool:
    """A token that is code, a path, a version, a name in camelCase or an acronym, not a word."""
    if not _CODE_CHARS.isdisjoint(token):
        return True
    if "." in token.strip("."):
        return True  # file.txt, Get.Item, v1.2, e.g. (abbreviations are not spell-checked)
    letters = "".join(filter(str.isalpha, token))
    if len(letters) >= 2 and letters.isupper():
        return True  # CSV, PST, AND, OR
    return _CAMEL_RE.search(token) is not None  # neither pattern spans a hyphen


# What a whitespace-separated token is, by its text alone (articles repeat their tokens, so
# nearly every token is a dictionary hit): a list marker or numbered step that starts a
# sentence, a token without a word, or a word with its offset in the token. The last field
# says whether the token ends a sentence (None: it has no say, the state carries over).
_MARKER_LEAD = -3
_MARKER = (_MARKER_LEAD, "", None)
_TokenKind = tuple[int, str, bool | None]
_TOKEN_KINDS: dict[str, _TokenKind] = {}
_TOKEN_KINDS_LIMIT = 200_000
_NOT_A_WORD = -1
_PUNCTUATION = -2  # nothing but punctuation: ". " ends a sentence, a line start does not count


def _token_kind(token: str) -> _TokenKind:
    if token in ("|", "-", "*", "+", "#", "##", "###", "####", ">") or (
        token[:1].isdigit() and (token.endswith(".") and token[:-1].isdigit())
    ):
        return _MARKER
    core = token.lstrip(_LEAD)
    lead = len(token) - len(core)
    core = core.rstrip(_TRAIL)
    if not core:
        ends: bool | None = True if any(c in _SENTENCE_END for c in token) else None
        return (_PUNCTUATION, "", ends)
    if core.startswith("**") or core.endswith("**"):
        inner = core.strip("*_")
        lead += core.find(inner) if inner else 0
        core = inner
    ends = _ends_sentence(token)
    if not core or is_identifier(core) or _WORD_RE.fullmatch(core) is None:
        return (_NOT_A_WORD, "", ends)
    return (lead, core, ends)


@lru_cache(maxsize=1024)
def prose_words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` outside code, URLs and markup, identifiers and acronyms left out.

    A word that follows a sentence end (. ! ? :), a line start, a list marker or a table cell
    border counts as sentence-initial, so its capital says nothing about being a name.
    """
    blanked = blank_non_prose(text)
    words: list[Word] = []
    append = words.append
    new_word = _new_tuple  # Word(...) runs a Python __new__; tuple.__new__ is one C call
    sentence_start = True
    kinds = _TOKEN_KINDS
    get_kind = kinds.get
    find = blanked.find
    newlines = "\n" in blanked
    end = 0  # where the previous token ended
    for token in blanked.split():
        start = find(token, end)
        kind = get_kind(token)
        if kind is None:
            kind = _token_kind(token)
            if len(kinds) >= _TOKEN_KINDS_LIMIT:
                kinds.clear()
            kinds[token] = kind
        lead, core, ends = kind
        if newlines and lead != _PUNCTUATION and (start == 0 or "\n" in blanked[end:start]):
            sentence_start = True
        end = start + len(token)
        if lead < 0:
            if lead == _MARKER_LEAD or (lead == _PUNCTUATION and ends):
                sentence_start = True
            elif lead == _NOT_A_WORD and ends is not None:
                sentence_start = ends
            continue
        begin = start + lead
        append(new_word(Word, (begin, begin + len(core), core, sentence_start)))
        sentence_start = ends is True
    return tuple(words)


_new_tuple = tuple.__new__


@lru_cache(maxsize=1024)
def prose_word_texts(text: str) -> tuple[str, ...]:
    """The texts of ``prose_words(text)`` alone, without their offsets or sentence starts: what
    a source is read for (its set of words), at less cost."""
    kinds = _TOKEN_KINDS
    get_kind = kinds.get
    out: list[str] = []
    append = out.append
    for token in blank_non_prose(text).split():
        kind = get_kind(token)
        if kind is None:
            kind = _token_kind(token)
            if len(kinds) >= _TOKEN_KINDS_LIMIT:
                kinds.clear()
            kinds[token] = kind
        if kind[0] >= 0:
            append(kind[1])
    return tuple(out)


_TRAIL_NOT_END = _TRAIL.replace(".", "").replace("!", "").replace("?", "").replace(":", "")


def _ends_sentence(token: str) -> bool | None:
    tail = token.rstrip(_TRAIL_NOT_END)
    return tail[-1:] in _SENTENCE_END if tail else None


def adjacent(text: str, first: Word, second: Word) -> bool:
    """Two words separated by plain spaces only, no punctuation or markup between them."""
    gap = text[first.end : second.start]
    return bool(gap) and gap.strip(" ") == ""
