"""The prose words of a segment, with offsets into the raw text: markup, code and names left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Spans that are never language: inline code, URLs and link destinations, HTML tags and
# pseudo-tag placeholders (<value>), entities, DocFX markers, e-mail addresses and escapes.
# Each is blanked with spaces of the same length so every offset still points into the raw text.
_NOT_PROSE_RE = re.compile(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)"  # code span
    r"|\]\((?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+\"[^\"\n]*\")?\)"  # ](destination "title")
    r"|\]\[[^\[\]]*\]"  # ][reference label]
    r"|^\s*\[[^\[\]\n]+\]:\s*\S+.*$"  # a reference definition line
    r"|\b(?:https?|ftp|mailto|xref):[^\s<>()\[\]\"'`]+"
    r"|\bwww\.[^\s<>()\[\]\"'`]+"
    r"|</?[A-Za-z][^<>\n]*>"  # HTML tags and <placeholders>
    r"|\\<[^<>\n]*?\\>"  # \<placeholder\>
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
    r"|\[!(?:[A-Za-z][\w-]*)(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]|:::[^\n]*"  # [!NOTE] [!INCLUDE[..](..)]
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|\{\{[^{}\n]*\}\}|\{[0-9]+\}|%[0-9]+|%[sd]",  # template placeholders
    re.S | re.M,
)
# A run of non-space characters: a candidate word, identifier or token.
_TOKEN_RE = re.compile(r"\S+")
_LEAD = "([{\"'“‘„«*_~>\\"
_TRAIL = ".,;:!?)]}\"'”’»*_~…\\"
# Letters with inner hyphens or apostrophes: e-mailadres, URL's, app's, Teams-bestanden.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Characters that make a token code, a path, a version or an identifier rather than a word.
_CODE_CHARS = set("0123456789_@/\\=<>{}$%#&+|^[]()`:;")
_CAMEL_RE = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_SENTENCE_END = ".!?:"


@dataclass(frozen=True, slots=True)
class Word:
    """One prose word: its offsets in the raw text and whether it begins a sentence."""

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


def blank_non_prose(text: str) -> str:
    """``text`` with code, URLs, tags, entities and placeholders replaced by spaces."""
    if not any(c in text for c in "`]<&[:@{%\\w"):
        return text
    return _NOT_PROSE_RE.sub(lambda m: " " * (m.end() - m.start()), text)


def is_identifier(token: str) -> bool:
    """A token that is code, a path, a version, a name in camelCase or an acronym, not a word."""
    if any(c in _CODE_CHARS for c in token):
        return True
    if "." in token.strip("."):
        return True  # file.txt, Get.Item, v1.2, e.g. (abbreviations are not spell-checked)
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # CSV, PST, AND, OR
    return any(_CAMEL_RE.search(part) for part in token.split("-"))


@lru_cache(maxsize=1024)
def prose_words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` outside code, URLs and markup, identifiers and acronyms left out.

    A word that follows a sentence end (. ! ? :), a line start, a list marker or a table cell
    border counts as sentence-initial, so its capital says nothing about being a name.
    """
    blanked = blank_non_prose(text)
    words: list[Word] = []
    sentence_start = True
    for m in _TOKEN_RE.finditer(blanked):
        token = m.group()
        start = m.start()
        if token in ("|", "-", "*", "+", "#", "##", "###", "####", ">") or (
            token[:1].isdigit() and (token.endswith(".") and token[:-1].isdigit())
        ):
            sentence_start = True
            continue
        core = token.lstrip(_LEAD)
        lead = len(token) - len(core)
        core = core.rstrip(_TRAIL)
        if not core:
            if any(c in _SENTENCE_END for c in token):
                sentence_start = True
            continue
        if core.startswith("**") or core.endswith("**"):
            inner = core.strip("*_")
            lead += core.find(inner) if inner else 0
            core = inner
        if _line_start(blanked, start):
            sentence_start = True
        if not core or is_identifier(core) or _WORD_RE.fullmatch(core) is None:
            sentence_start = _ends_sentence(token, sentence_start)
            continue
        begin = start + lead
        words.append(Word(begin, begin + len(core), core, sentence_start))
        sentence_start = _ends_sentence(token, False)
    return tuple(words)


def _ends_sentence(token: str, current: bool) -> bool:
    tail = token.rstrip(_TRAIL.replace(".", "").replace("!", "").replace("?", "").replace(":", ""))
    return tail[-1:] in _SENTENCE_END if tail else current


def _line_start(text: str, offset: int) -> bool:
    i = offset - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def adjacent(text: str, first: Word, second: Word) -> bool:
    """Two words separated by plain spaces only, no punctuation or markup between them."""
    gap = text[first.end : second.start]
    return bool(gap) and gap.strip(" ") == ""
