"""Where bold and link text start and end: function words, UI nouns, punctuation, capitals."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.core.checks.analysis import analyse, readable, word_set
from reviewer.core.checks.base import Level, register_pair_check

MARKUP = "design-and-markup/markup-tag"
NONE: tuple[str, ...] = ()


# Dutch function words that do not end a UI label or link text; a bold span or link text that
# ends with one has had its boundary shifted by MT: **algemene portal omleiding van**. Separable
# verb particles (aan, in, op, uit) are left out: "[Meld u aan](…)" is fine.
_END_WORDS = word_set("de het een van met en of te naar als dat die uw voor om")
# A link or bold text that is one of these words alone lost the rest of its words: [in](…).
_ALONE_WORDS = _END_WORDS | word_set("in op bij door is")
# English words a source label may end with ("**Go back to**"), which excuse a Dutch one.
_ENGLISH_END_WORDS = word_set("to of for the a an and or in on with at by from is")
_EDGE_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")


def _bad_edge(span: str, words: frozenset[str] = _END_WORDS) -> str | None:
    """The misplaced edge of a bold or link text, or None when it looks like a label."""
    core = span.strip()
    if not core:
        return None
    if core[0] in "&,;":
        return core[0]
    if core[-1] == "&":
        return "&"
    last = _EDGE_WORD_RE.search(core)
    if last is None:
        return None
    word = last.group(1).lower()
    if word in words or (word in _ALONE_WORDS and last.start() == 0):
        return last.group(1)
    return None


# Dutch prepositions and articles that open a phrase but never a UI label: **op Toepassen** is
# "klik op **Toepassen**" with the bold moved one word early.
_START_WORDS = word_set("op naar de het een in van met voor aan bij om te tot uit over onder")
# Link text is prose: "ga naar [het Access-deelvenster](…)" is fine, "[naar Microsoft …]" not.
_LINK_START_WORDS = _START_WORDS - word_set("de het een")
# English words a source label may start with ("**on Apply**" is rare but real).
_ENGLISH_START_WORDS = word_set("on to the a an in of for at with from by")


def _bad_start(span: str, words: frozenset[str] = _START_WORDS) -> str | None:
    """A function word that opens a bold or link text before a capitalised label word."""
    parts = span.strip(" *_").split()
    if len(parts) >= 2 and parts[0] in words and parts[1][:1].isupper():
        return parts[0]
    return None


def _grown_over(span: str, s_bold: list[str]) -> str | None:
    """The bold text is a source's bold text with an article or preposition and more words in
    front: "**de waarde PreferredDataLocation**" for "the **PreferredDataLocation** value"."""
    core = span.strip(" *_")
    for s in s_bold:
        label = s.strip(" *_")
        if label and core != label and core.endswith(" " + label):
            first = core.split()[0]
            if first in _START_WORDS:
                return first
    return None


# Dutch UI nouns that name the kind of control; MS style bolds only the label after them:
# "de pagina **Controle**", not "de **pagina Controle**".
_UI_NOUNS = word_set(
    "pagina sectie tabblad vak deelvenster knop optie menu koppeling webonderdeel "
    "dialoogvenster veld lijst wizard kolom eigenschap cmdlet map groep instelling tegel "
    "keuzelijst vervolgkeuzelijst selectievakje schakelaar schuifregelaar filter machtiging "
    "kenmerk parameter opdracht rol blade werkbalk tabel venster"
)
# The English nouns that, inside the source's bold, make the Dutch one belong there too.
_ENGLISH_UI_NOUNS = word_set(
    "page section tab box pane button option menu link part dialog field list wizard column "
    "property cmdlet folder group setting tile dropdown checkbox check toggle switch slider "
    "filter permission attribute parameter command role blade toolbar table window"
)


def _ui_noun_start(span: str) -> str | None:
    """A UI noun that opens the bold before the capitalised label (**pagina Controle**)."""
    parts = span.strip(" *_").split()
    if len(parts) >= 2 and parts[0] in _UI_NOUNS and parts[1][:1].isupper():
        return parts[0]
    return None


def _has_english_ui_noun(spans: list[str]) -> bool:
    return any(_ENGLISH_UI_NOUNS.intersection(w.lower() for w in s.split()) for s in spans)


def _starts_like_english_phrase(spans: list[str]) -> bool:
    return any(s.split()[:1] and s.split()[0].lower() in _ENGLISH_START_WORDS for s in spans)


def _bold_texts(text: str) -> list[str]:
    return analyse(text).bold_texts()


@register_pair_check(
    "formatting-boundary", Level.WARNING, MARKUP, "Bold or link text cut at the wrong word"
)
def check_formatting_boundary(source: str, target: str) -> Iterable[str]:
    """Bold or link text starts with & or a function word before the label (**op Toepassen**)
    or ends with a function word (**Opslaan &**, [in](…)): its boundary moved."""
    if "**" not in target and "__" not in target and "](" not in target:
        return NONE
    out: list[str] = []
    bold = _bold_texts(target)
    if bold:
        s_bold = _bold_texts(source)
        bad = [(b, e) for b in bold if (e := _bad_edge(b)) is not None]
        if bad:
            excused = sum(1 for b in s_bold if _bad_edge(b, _ENGLISH_END_WORDS))
            if len(bad) > excused:
                out.extend(f"bold text **{readable(b)}** is cut at {e!r}" for b, e in bad)
        begun: set[str] = set()
        if not _starts_like_english_phrase(s_bold):
            for b in bold:
                start = _bad_start(b) or _grown_over(b, s_bold)
                if start is not None:
                    begun.add(b.strip())
                    out.append(f"bold text **{readable(b).strip()}** begins with {start!r}")
        if not _has_english_ui_noun(s_bold):
            ta = analyse(target)
            spans = [(a, z) for a, z in ta.bold_spans() if ta.masked[a:z].strip() not in begun]
            out.extend(_ui_noun_findings(ta.masked, spans))
    if "](" in target:
        sa = analyse(source)
        s_texts = [s.text for s in sa.links]
        for link in analyse(target).links:
            if link.kind == "link" and link.text:
                edge = _bad_edge(link.text)
                if edge is not None and not any(
                    _bad_edge(s.text, _ENGLISH_END_WORDS) for s in sa.links
                ):
                    out.append(f"link text [{link.text}] is cut at {edge!r}")
                start = _bad_start(link.text, _LINK_START_WORDS)
                if start is not None and not _starts_like_english_phrase(s_texts):
                    out.append(f"link text [{link.text}] begins with {start!r}")
                elif (pulled := _pulled_into_link(link.text, s_texts)) is not None:
                    out.append(f"link text [{link.text}] takes in {pulled}")
    return out


# English words a source link text may open with that make a Dutch "u" there right.
_ENGLISH_PRONOUN_STARTS = word_set("you your")


def _pulled_into_link(text: str, s_texts: list[str]) -> str | None:
    """What MT pulled into a link text from the sentence around it: the pronoun "u"
    ("raadpleegt u [deze richtlijnen]" became "raadpleegt [u deze richtlijnen]"), or the noun
    "cmdlet" before a cmdlet name ("de cmdlet [New-MigrationBatch]" became
    "de [cmdlet New-MigrationBatch]"). Other UI nouns are left alone: "[sectie Meer
    informatie]" for a section link reads as prose."""
    parts = text.split()
    if len(parts) < 2:
        return None
    first = parts[0]
    if first == "u":
        if any(s.split()[:1] and s.split()[0].lower() in _ENGLISH_PRONOUN_STARTS for s in s_texts):
            return None
        return "the pronoun 'u' from the sentence"
    if first == "cmdlet" and "-" in parts[1] and not any("cmdlet" in s.lower() for s in s_texts):
        return "the noun 'cmdlet'; only the name belongs in the link"
    return None


_ARTICLES = word_set("de het")


def _ui_noun_findings(masked: str, spans: list[tuple[int, int]]) -> list[str]:
    """Bold that holds the UI noun with the label (**pagina Controle**), or the noun alone with
    the label left outside (**webonderdeel** Onderwerpen)."""
    out: list[str] = []
    for a, b in spans:
        text = full = masked[a:b]
        # "**het veld Trefwoorden**", "**de optie** Archiveren": the article came along too.
        words = text.split()
        if len(words) >= 2 and words[0] in _ARTICLES and words[1] in _UI_NOUNS:
            text = text.split(None, 1)[1]
        noun = _ui_noun_start(text)
        if noun is not None:
            out.append(f"bold text **{readable(full).strip()}** takes in the UI noun {noun!r}")
            continue
        words = text.split()
        if len(words) == 1 and words[0] in _UI_NOUNS:
            after = masked[b + 2 :].split(None, 1)
            label = after[0].rstrip(".,;:!?)") if after else ""
            if label[:1].isupper() and label[:1].isalpha():
                shown = readable(full).strip()
                out.append(f"bold holds {shown!r} but the label {label!r} after it is not bold")
    return out


# A colon inside a leading label is house style (**Opmerking:**), so only . , ; count there;
# a colon pulled into bold later in the sentence ("druk op **Enter:**") counts too.
_BOLD_END_PUNCT = ".,;"


def _bold_end_punctuation(text: str) -> list[str]:
    out: list[str] = []
    for b in _bold_texts(text):
        core = b.rstrip()
        if (
            len(core) > 1
            and core[-1] in _BOLD_END_PUNCT
            and core[-2] not in ".…"
            and any(c.isalnum() for c in core)
        ):
            out.append(core)
    return out


@register_pair_check(
    "bold-punctuation",
    Level.WARNING,
    "linguistic-conventions/punctuation",
    "Punctuation inside bold",
)
def check_bold_punctuation(source: str, target: str) -> Iterable[str]:
    """Sentence punctuation moved inside bold text (**OK.** for **OK**.), or a colon the source
    puts after a bold word in mid-sentence ("press **Enter**:" → "druk op **Enter:**")."""
    if "**" not in target or target.count("**") < 2:
        return NONE
    t = _bold_end_punctuation(target)
    if not t:
        return _colon_into_bold(source, target)
    s_ends = [b[-1] for b in _bold_end_punctuation(source)]
    out: list[str] = []
    for b in t:
        if b[-1] in s_ends:
            s_ends.remove(b[-1])
        else:
            out.append(f"**{readable(b)}** ends with {b[-1]!r} inside the bold")
    return out + _colon_into_bold(source, target)


def _colon_into_bold(source: str, target: str) -> list[str]:
    """Bold that took in the colon the source puts after it, away from the segment's start."""
    if ":**" not in target or "**:" not in source:
        return []
    s_after = analyse(source).masked
    outside = sum(
        1
        for a, b in analyse(source).bold_spans()
        if s_after[b + 2 : b + 3] == ":" and s_after[: max(0, a - 2)].strip()
    )
    if not outside:
        return []
    ta = analyse(target)
    masked = ta.masked
    found = [
        masked[a:b]
        for a, b in ta.bold_spans()
        if masked[a:b].rstrip().endswith(":") and masked[: max(0, a - 2)].strip()
    ]
    return [f"**{readable(b)}** took in the colon the source puts after the bold" for b in found]


@register_pair_check(
    "ui-label-case",
    Level.WARNING,
    "linguistic-conventions/textual-conventions",
    "UI label lost its capital",
)
def check_ui_label_case(source: str, target: str) -> Iterable[str]:
    """A bold UI label that starts with a capital in the source starts lowercase in the target
    ("**Collaboration restrictions**" → "**samenwerkingsbeperkingen**"): Dutch keeps the
    capital the user interface shows."""
    if "**" not in source or "**" not in target:
        return NONE
    s_bold, t_bold = _bold_texts(source), _bold_texts(target)
    if len(s_bold) != len(t_bold):
        return NONE
    out: list[str] = []
    for s_text, t_text in zip(s_bold, t_bold, strict=True):
        s_core, t_core = s_text.strip(" *_"), t_text.strip(" *_")
        if not s_core[:1].isupper() or not t_core[:1].isalpha() or not t_core[:1].islower():
            continue
        first = t_core.split()[0]
        if first in _START_WORDS or first in _UI_NOUNS or any(c.isupper() for c in first[1:]):
            continue  # a moved boundary (formatting-boundary), or a name such as iOS
        shown, was = readable(t_core), readable(s_core)
        out.append(f"bold label **{shown}** starts lowercase (source **{was}**)")
    return out
