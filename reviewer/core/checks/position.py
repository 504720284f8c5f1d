"""Markup position: formatting that is all there but sits in the wrong place in the sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import CODE, MASKS, analyse, word_set
from reviewer.core.checks.base import Level, register_pair_check

MARKUP = "design-and-markup/markup-tag"
NONE: tuple[str, ...] = ()
_WORD_RE = re.compile(r"[^\W\d_]+")
# How far (as a share of the segment's length) a lone code span may travel before it is taken
# for moved: Dutch word order moves verbs, rarely a whole sentence's length.
_MOVED = 0.6
_MIN_WORDS = 5


@register_pair_check("inline-code-moved", Level.WARNING, MARKUP, "Inline code moved")
def check_inline_code_moved(source: str, target: str) -> Iterable[str]:
    """The one inline code span of the segment moved from one end of the sentence to the other
    ("Run `Get-MsolAccountSku` to view …" → "… in elk `Get-MsolAccountSku` abonnement …")."""
    if source.count("`") < 2 or target.count("`") < 2:
        return NONE
    sa, ta = analyse(source), analyse(target)
    if len(sa.codes) != 1 or len(ta.codes) != 1 or sa.codes[0].strip() != ta.codes[0].strip():
        return NONE
    s, t = sa.masked.strip(), ta.masked.strip()
    if len(_WORD_RE.findall(s)) < _MIN_WORDS:
        return NONE
    ps, pt = s.find(CODE) / len(s), t.find(CODE) / len(t)
    if abs(ps - pt) <= _MOVED:
        return NONE
    where = "the end" if pt > ps else "the start"
    return (f"`{sa.codes[0].strip()}` moved from {_part(ps)} of the sentence to {where}",)


def _part(position: float) -> str:
    return "the start" if position < 1 / 3 else "the end" if position > 2 / 3 else "the middle"


_OUTSIDE_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
# Capitalised words that open a sentence or list item rather than belong to a label.
_CLAUSE_OPENERS = word_set(
    "De Het Een Deze Dit Die Uw Je Kies Selecteer Klik Ga Typ Voer Open Tik Zie Gebruik In Op"
)


@register_pair_check("bold-cut", Level.WARNING, MARKUP, "Bold label cut short")
def check_bold_cut(source: str, target: str) -> Iterable[str]:
    """A bold label of several words kept only one word in bold, and a capitalised word of it
    stands right beside the bold: "**Cancel subscription**" → "Abonnement **annuleren**"."""
    if source.count("**") < 2 or target.count("**") < 2:
        return NONE
    sa, ta = analyse(source), analyse(target)
    s_bold, t_spans = sa.bold_texts(), ta.bold_spans()
    if len(s_bold) != len(t_spans):
        return NONE
    masked = ta.masked
    out: list[str] = []
    for s_text, (a, b) in zip(s_bold, t_spans, strict=True):
        t_text = masked[a:b]
        if len(_WORD_RE.findall(s_text)) < 2 or len(_WORD_RE.findall(t_text)) != 1:
            continue
        left = _word_before(masked, a - 2)
        if left and (
            left in _CLAUSE_OPENERS
            or _sentence_start(masked, len(masked[: a - 2].rstrip()) - len(left))
        ):
            left = ""  # "Selecteer **Quarantainebericht**": the verb opens the sentence
        right = _word_after(masked, b + 2)
        if t_text.rstrip()[-1:] in ".:;,!?" or right.isupper():
            right = ""  # "**Accountnaam:** MICROSOFT": the label ended before the next word
        stray = next((w for w in (left, right) if w and w[0].isupper()), None)
        if stray is None:
            continue
        out.append(f"bold **{t_text.strip()}** lost {stray!r} (source **{s_text.strip()}**)")
    return out


def _word_before(masked: str, end: int) -> str:
    head = masked[:end]
    if not head.endswith(" ") or head.rstrip()[-1:] in MASKS + "*_":
        return ""
    words = head.split()
    return words[-1] if words and _OUTSIDE_WORD_RE.fullmatch(words[-1]) else ""


def _word_after(masked: str, start: int) -> str:
    tail = masked[start:]
    if not tail.startswith(" ") or tail.lstrip()[:1] in MASKS + "*_":
        return ""
    words = tail.split()
    return words[0] if words and _OUTSIDE_WORD_RE.fullmatch(words[0]) else ""


def _sentence_start(masked: str, at: int) -> bool:
    before = masked[:at].rstrip()
    return not before or before[-1] in ".:!?>|-*" + MASKS
