"""Text checks: untranslated segments, whitespace, punctuation and repeated words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from reviewer.core.checks.analysis import (
    CODE,
    LINK_CLOSE,
    LINK_OPEN,
    MASKS,
    TAG,
    URL,
    Text,
    analyse,
    word_set,
)
from reviewer.core.checks.base import Level, register_pair_check

NONE: tuple[str, ...] = ()
PUNCTUATION = "linguistic-conventions/punctuation"

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# English words that are not also common Dutch words: their presence marks English prose.
_ENGLISH_ONLY = word_set(
    "the and to for with you your this that are be can from by will not an it if when "
    "which or as at on use used using select choose click see about more how what who "
    "these those has have there their they does do should would could must may into than "
    "then also only other all any each new make sure following before after"
)


# Double spaces in prose; masked spans (code, URLs, tags) are left out of the count.
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")


@register_pair_check("double-space", Level.WARNING, PUNCTUATION, "Double space")
def check_double_space(source: str, target: str) -> Iterable[str]:
    """The target has more runs of two or more spaces between words than the source."""
    if "  " not in target:
        return NONE
    t = _DOUBLE_SPACE_RE.findall(analyse(target).masked)
    if not t:
        return NONE
    s = _DOUBLE_SPACE_RE.findall(analyse(source).masked) if "  " in source else []
    if len(t) <= len(s):
        return NONE
    m = _DOUBLE_SPACE_RE.search(target)
    where = f": …{target[max(0, m.start() - 15) : m.end() + 15]}…" if m else ""
    return (f"double spaces: source {len(s)}, target {len(t)}{where}",)


def _edges(text: str) -> tuple[str, str]:
    core = text.strip()
    if not core:
        return text, ""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


@register_pair_check(
    "edge-whitespace", Level.WARNING, "design-and-markup/layout", "Leading or trailing whitespace"
)
def check_edge_whitespace(source: str, target: str) -> Iterable[str]:
    """Leading or trailing whitespace differs from the source; it is significant in this format."""
    if not (
        target[:1].isspace()
        or target[-1:].isspace()
        or source[:1].isspace()
        or source[-1:].isspace()
    ):
        return NONE
    s_head, s_tail = _edges(source)
    t_head, t_tail = _edges(target)
    out: list[str] = []
    if s_head != t_head:
        out.append(f"leading whitespace: source {s_head!r}, target {t_head!r}")
    if s_tail != t_tail:
        out.append(f"trailing whitespace: source {s_tail!r}, target {t_tail!r}")
    return out


# A link, image or autolink directly followed by a letter or digit: ](url)voor
_GLUED_AFTER_LINK_RE = re.compile("(?:" + re.escape(LINK_CLOSE) + "|" + URL + ")" + r"([^\W_]\w*)")
_GLUED_AFTER_HTML_LINK_RE = re.compile(r"</a>([^\W_]\w*)", re.I)


def _glued_after_links(text: str) -> list[str]:
    masked = analyse(text).masked
    words = _GLUED_AFTER_LINK_RE.findall(masked) if URL in masked else []
    if "</" in text:
        words.extend(_GLUED_AFTER_HTML_LINK_RE.findall(text))
    return words


@register_pair_check("space-after-link", Level.WARNING, PUNCTUATION, "No space after link")
def check_space_after_link(source: str, target: str) -> Iterable[str]:
    """A word is glued to the end of a link (](url)word), and the source has no such case."""
    if ")" not in target and ">" not in target:
        return NONE
    t = _glued_after_links(target)
    if not t:
        return NONE
    s = _glued_after_links(source)
    if len(t) <= len(s):
        return NONE
    return (f"no space after link before {t[0]!r}",)


# A letter directly before a link's opening bracket: klik[hier](url)
_GLUED_BEFORE_LINK_RE = re.compile(r"([^\W_]+)!?" + LINK_OPEN)


@register_pair_check("space-before-link", Level.WARNING, PUNCTUATION, "No space before link")
def check_space_before_link(source: str, target: str) -> Iterable[str]:
    """A word is glued to the start of a link (word[text](url)), and the source has no such case."""
    if "](" not in target:
        return NONE
    t = _GLUED_BEFORE_LINK_RE.findall(analyse(target).masked)
    if not t:
        return NONE
    if len(t) <= len(_GLUED_BEFORE_LINK_RE.findall(analyse(source).masked)):
        return NONE
    return (f"no space between {t[0]!r} and the link after it",)


def _glued_after_markup(text: str) -> list[str]:
    """Words glued to the end of inline code or bold: `$true`kan, **Warning**en."""
    a = analyse(text)
    masked = a.masked
    words = _GLUED_AFTER_CODE_RE.findall(masked) if CODE in masked else []
    for _, end in a.bold_spans():
        after = _WORD_START_RE.match(masked, end + 2)
        if after is not None:
            words.append(after.group())
    return words


_GLUED_AFTER_CODE_RE = re.compile(CODE + r"([^\W_]\w*)")
_WORD_START_RE = re.compile(r"[^\W\d_]\w*")


@register_pair_check(
    "space-after-markup", Level.WARNING, PUNCTUATION, "No space after code or bold"
)
def check_space_after_markup(source: str, target: str) -> Iterable[str]:
    """A word is glued to the end of inline code or bold (`x`word, **x**word), unlike the source."""
    if "`" not in target and "**" not in target and "__" not in target:
        return NONE
    t = _glued_after_markup(target)
    if not t or len(t) <= len(_glued_after_markup(source)):
        return NONE
    return (f"no space after code or bold before {t[0]!r}",)


# A space before . , : ; ! ? that ends a word or the text, e.g. `x.ps1` . or "klik op ,".
# Only from the start of a run of spaces: a try from inside the run ends the same way, and
# trying from each space was quadratic on a long run.
_SPACE_PUNCT_RE = re.compile(
    r"(?<![ \u00a0])[ \u00a0]+([.,:;!?])(?=\s|$|[*_)\]\"'’”]|[" + MASKS + r"])"
)


_SPACE_PUNCT_QUICK_RE = re.compile(r"[ \u00a0][.,:;!?]")


@register_pair_check(
    "space-before-punctuation", Level.WARNING, PUNCTUATION, "Space before punctuation"
)
def check_space_before_punctuation(source: str, target: str) -> Iterable[str]:
    """A space was introduced before . , : ; ! or ? (common around code and links in MT)."""
    if _SPACE_PUNCT_QUICK_RE.search(target) is None:
        return NONE
    t = _SPACE_PUNCT_RE.findall(analyse(target).masked)
    if not t:
        return NONE
    s = _SPACE_PUNCT_RE.findall(analyse(source).masked)
    extra = list(t)
    for p in s:
        if p in extra:
            extra.remove(p)
    if not extra:
        return NONE
    return (f"space before {', '.join(repr(p) for p in extra)}",)


_END_STRIP = " \t\n\u00a0\u202f*_\"'’”»)" + TAG
_END_PUNCT = ".!?:;,…"


def _end_punctuation(masked: str) -> str:
    core = masked.rstrip(_END_STRIP)
    i = len(core)
    while i and core[i - 1] in _END_PUNCT:
        i -= 1
    return core[i:]


# Dutch abbreviations that end a cell with a period of their own: N/A → N.v.t.
_ABBREVIATION_END_RE = re.compile(
    r"(?:\b[A-Za-z]\.){2,}$|\b(?:enz|bijv|etc|o\.a|d\.w\.z|resp|incl|excl)\.$"
)
_SOURCE_ABBREVIATION_RE = re.compile(
    r"(?:\b[A-Za-z]\.){2,}$"
    r"|\b(?:etc|Inc|Ltd|Corp|Mt|vs|approx|[ap]\.m|ex|eg|ie|incl|misc|min|max|sec|fig|cf|Dr|Mr)\.$"
)
# A Dutch imperative that opens the target: a full instruction, which may end in a period
# even where the English has none ("Click **Next**" → "Klik op **Volgende**."). The most
# frequent first words of targets whose source opens with an English imperative (TUNE split).
_DUTCH_IMPERATIVE_RE = re.compile(
    r"(?:Selecteer|Gebruik|Klik|Ga|Voer|Meld|Kies|Zoek|Controleer|Open|Maak|Volg|Neem|Zorg|"
    r"Schakel|Bekijk|Voeg|Geef|Typ|Stel|Probeer|Configureer|Sla|Verwijder|Vouw|Kopieer|"
    r"Installeer|Herhaal|Wijs|Wacht|Schuif|Sluit|Wijzig|Druk|Raadpleeg|Bevestig|Navigeer|"
    r"Blader|Tik)\b"
)
# A target that ends in a colon may introduce what follows where the source ended its lead-in
# with a period ("Run the following command." → "Voer de volgende opdracht uit:").
_LEAD_IN_RE = re.compile(r"\b(?:volgende|hieronder|als volgt|bijvoorbeeld|zoals)\b", re.I)
_DUTCH_QUESTION_RE = re.compile(r"(?:Hoe|Wat|Waarom|Wanneer|Welke?|Wie|Waar|Kan|Kunt|Moet)\b")
_HOW_TO_RE = re.compile(r"How (?:to|do I|can I)\b")
# A source of this many words, or fewer with a verb, is a sentence: a table cell that holds one
# may gain a period in Dutch ("An organization can have multiple subscriptions" → "… hebben.").
_SENTENCE_WORDS = 6
_ENGLISH_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|can|will|has|have|do|does|must|should|may|might|need|needs)\b"
    r"|^\W*(?:Please|Try|Select|Click|Go|Open|Contact|Use|Enter|Check|Make|Choose|Run|Wait|See)\b"
)
_FINAL_LINK_RE = re.compile("\ue007([^\ue007\ue008]*)" + re.escape(LINK_CLOSE) + r"[*_\s]*$")


def _is_sentence(masked: str) -> bool:
    words = _WORD_RE.findall(masked)
    if len(words) >= _SENTENCE_WORDS:
        return True
    return len(words) >= 3 and _ENGLISH_VERB_RE.search(masked) is not None


def _ends_in_link(ta_masked: str) -> str | None:
    """The text of a link (or bold link) that ends the target, if one does."""
    m = _FINAL_LINK_RE.search(ta_masked)
    return m.group(1).rstrip(" *_") if m is not None else None


@register_pair_check("end-punctuation", Level.WARNING, PUNCTUATION, "End punctuation differs")
def check_end_punctuation(source: str, target: str) -> Iterable[str]:
    """The punctuation that ends the segment (. : ? !) differs from the source's; a period
    added to a full sentence, an abbreviation's own period and ! toned down to . are fine."""
    s_end = source.rstrip()[-1:]
    t_end = target.rstrip()[-1:]
    if s_end == t_end and s_end in _END_PUNCT:
        return NONE
    sa, ta = analyse(source), analyse(target)
    s = _end_punctuation(sa.masked)
    t = _end_punctuation(ta.masked)
    if s == t or {s, t} == {"...", "…"}:
        return NONE
    if not s and t == "?":
        return NONE  # a heading turned into a question: "How to ..." → "Hoe ...?"
    if s in ("?", "!") and s in ta.masked:
        return NONE  # a quoted label moved inside: "choose What do I fix?" → "Kies Wat …? in …"
    if s == "!" and t == ".":
        return NONE  # Dutch house style uses fewer exclamation marks
    if s in (",", "...", "…") and t in ("", "."):
        return NONE  # a trailing comma or lead-in ellipsis that a rephrased Dutch line drops
    if t == ":" and (s == "," or (s in (".", "") and _LEAD_IN_RE.search(ta.masked))):
        return NONE  # "For example," → "Bijvoorbeeld:", a lead-in that introduces a list
    if s == "." and _SOURCE_ABBREVIATION_RE.search(sa.masked.rstrip(_END_STRIP)):
        return NONE  # the period belonged to an abbreviation: U.K. → VK, 1 a.m. → 01.00 uur
    if t == "?" and _DUTCH_QUESTION_RE.match(ta.masked.lstrip(_END_STRIP + "#")):
        return NONE  # "How long you want …" rendered as a question: "Hoe lang wilt u …?"
    if s == "?" and not t and _HOW_TO_RE.match(sa.masked.lstrip(_END_STRIP + "#")):
        return NONE  # a "How to …?" heading rendered as a Dutch infinitive heading
    if not s and t == ".":
        if sa.masked.rstrip().endswith((LINK_CLOSE, URL, CODE)):
            return NONE  # "see [link](url)" reordered around the link; now ends in prose
        if _is_sentence(sa.masked) or _ABBREVIATION_END_RE.search(ta.masked.rstrip(_END_STRIP)):
            return NONE
        if _DUTCH_IMPERATIVE_RE.match(ta.masked.lstrip(_END_STRIP)):
            return NONE  # a full instruction: "Klik op **Volgende**."
    if s == "?" and t == "." and _DUTCH_IMPERATIVE_RE.match(ta.masked.lstrip(_END_STRIP)):
        return NONE  # an instruction the source ended with a stray "?"
    if not t:
        inner = _ends_in_link(ta.masked)
        if inner is not None and (inner.endswith(s) or inner[-1:] in "?!."):
            return NONE  # the period moved into the link text: link-text-punctuation reports it
    if _empty_link_added(sa, ta):
        return NONE  # the empty link is reported once, by empty-link-text
    return (f"ends with {s or 'no punctuation'!r} in source, {t or 'no punctuation'!r} in target",)


def _empty_link_added(sa: Text, ta: Text) -> bool:
    empty = sum(1 for link in ta.links if link.kind in ("link", "ref") and not link.text.strip())
    if not empty:
        return False
    return empty > sum(
        1 for link in sa.links if link.kind in ("link", "ref") and not link.text.strip()
    )


_WORD_EDGE = ".,;:!?()\"'*_`[]"
_REPEAT_RE = re.compile(r"\b([^\W\d_]+)\s+\1\b", re.I)
# Dutch repeats that are grammatical: "dat dat", "die die", "als je je abonnement", "had had".
# Separable verb particles also repeat legitimately: "voer de items in in de JSON-indeling".
_LEGIT_REPEATS = word_set(
    "dat die je ze had hadden was waren is wat in op aan af uit mee door over toe bij na "
    "voor om terug weg vast"
)


@register_pair_check(
    "repeated-word", Level.WARNING, "linguistic-conventions/grammar", "Repeated word"
)
def check_repeated_word(source: str, target: str) -> Iterable[str]:
    """A word is repeated (de de, van van) in the target but not in the source."""
    # A cheap look at neighbouring words first; the regex runs only when two are equal.
    words = [w.strip(_WORD_EDGE) for w in target.lower().split()]
    if not any(a == b and a for a, b in pairwise(words)):
        return NONE
    repeats = _repeats(analyse(target).masked)
    if not repeats:
        return NONE
    # A repeat the source has too (even "the the" for "het het") is the author's, not MT's.
    if len(repeats) <= len(_repeats(analyse(source).masked)):
        return NONE
    return [f"repeated word: {r!r}" for r in repeats]


def _repeats(masked: str) -> list[str]:
    return [
        m.group() for m in _REPEAT_RE.finditer(masked) if m.group(1).lower() not in _LEGIT_REPEATS
    ]


_RUN = 5  # words copied in a row before a stretch of English counts as left untranslated


def _plain_words(text: str) -> list[str]:
    """Lowercased prose words; link texts, bold UI labels and masked spans left out (article
    titles and labels of a UI that is not localized may rightly stay English)."""
    a = analyse(text)
    masked = a.masked
    if a.bold:
        spans = a.bold_spans()
        for start, end in reversed(spans):
            masked = masked[:start] + " " + masked[end:]
    if LINK_CLOSE in masked:
        masked = _LINK_SPAN_RE.sub(" ", masked)
    masked = _QUOTED_RE.sub(" ", masked)
    return [w.lower() for w in _WORD_RE.findall(masked)]


_LINK_SPAN_RE = re.compile("\ue007[^\ue007\ue008]*" + re.escape(LINK_CLOSE))
# Quoted messages and example names, placeholders and {…} values may rightly stay English:
# 'Defender or Endpoint onboarding for macOS', \<the name of the proxy server\>.
_QUOTED_RE = re.compile(
    r"[<\ue13c][^<>\n\ue13c\ue13e]*[>\ue13e]|\{[^{}\n]*\}|“[^”\n]*”|‘[^’\n]*’|\"[^\"\n]*\""
    r"|(?<!\w)'(?=\S)[^'\n]+?(?<=\S)'(?!\w)"
)


def _only_names(run: list[str]) -> bool:
    """A run made of do-not-translate names and their glue words (Defender for Endpoint on
    Linux) is a product name kept, not English prose."""
    from reviewer.core.checks import terms

    names = terms.dnt_words_lower()
    return all(w in names or w in ("for", "on", "and", "of", "the", "in") for w in run)


@register_pair_check(
    "partly-untranslated", Level.WARNING, "accuracy/untranslated", "English left in the target"
)
def check_partly_untranslated(source: str, target: str) -> Iterable[str]:
    """A run of five or more English words was copied from the source into the target (quoted
    text, placeholders and {…} values left out)."""
    if source.strip() == target.strip() or len(target) < 25:
        return NONE
    if len(_ENGLISH_ONLY.intersection(target.lower().split())) < 2:
        return NONE  # a run needs two English-only words; most Dutch targets have none
    t_words = _plain_words(target)
    if len(t_words) < _RUN or not _ENGLISH_ONLY.intersection(t_words):
        return NONE
    s_words = _plain_words(source)
    grams = {tuple(s_words[i : i + _RUN]) for i in range(len(s_words) - _RUN + 1)}
    i = 0
    runs: list[str] = []
    while i <= len(t_words) - _RUN:
        if tuple(t_words[i : i + _RUN]) in grams:
            j = i + _RUN
            while j < len(t_words) and tuple(t_words[j - _RUN + 1 : j + 1]) in grams:
                j += 1
            run = t_words[i:j]
            if len(_ENGLISH_ONLY.intersection(run)) >= 2 and not _only_names(run):
                runs.append(" ".join(run))
            i = j
        else:
            i += 1
    if not runs:
        return NONE
    return (
        f"English left in the target: {runs[0]!r}"
        + (f" and {len(runs) - 1} more" if len(runs) > 1 else ""),
    )
