"""English Title Case carried into Dutch: "de map Ongewenste E-mail" for "Ongewenste e-mail"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from reviewer.core.checks import english, lexicon, terms
from reviewer.core.checks.analysis import word_set
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import Word, adjacent, prose_words

TEXTUAL = "linguistic-conventions/textual-conventions"
# Dutch names of places and bodies that keep a capital on every word: Verenigde Staten, Stille
# Oceaan, Europese Unie, Europese Economische Ruimte, Democratische Republiek Congo.
_PROPER_NAME_WORDS = word_set(
    "verenigde verenigd staten koninkrijk stille oceaan europese unie economische ruimte "
    "democratische republiek sint zuid noord oost west nieuw saoedi arabische emiraten "
    "dominicaanse tsjechische centraal-afrikaanse heilige stoel kaapverdische eilanden "
    "salomonseilanden marshalleilanden caymaneilanden maagdeneilanden"
)
# Words before which a capital is a name's and not Title Case: Van Kok, Den Oudsten, and the
# brand form "Skype voor Bedrijven Online".
_NAME_LEADS = word_set("van den der de ter ten bedrijven")
# Imperatives that lost the sentence end before them ("… Engels Zie Contact opnemen"): a
# punctuation problem, not Title Case.
_IMPERATIVES = word_set("zie kies selecteer klik schakel ga open gebruik raadpleeg voer typ")
_TWO_CAPITALS_RE = re.compile(r"[A-Z][\w'’-]* +[A-Z][-a-zà-ÿ]")
# What may stand before a capital that starts a label, a quotation or a list item.
_LABEL_START = (":", "*", "_", "[", "(", '"', "“", "‘", "'", "|", ">", "-", "–", "—", "/")


@lru_cache(maxsize=16384)
def _dutch_capital(text: str) -> bool:
    """A capitalised Dutch word (E-mail, Ongewenste, Beheren) that Dutch writes in lower case
    mid-sentence: the dictionary knows its lowercase form, English and the do-not-translate
    names do not claim it, and wordfreq finds it more in Dutch than in English."""
    if not text[:1].isupper() or not text[1:].replace("-", "").islower() or len(text) < 3:
        return False
    low = text.lower()
    if text in terms.dnt_words() or low in terms.dnt_words_lower() or low in _PROPER_NAME_WORDS:
        return False
    if english.is_english_word(low) or not lexicon.is_dutch_word(low):
        return False
    en, nl = english.frequencies(low)
    return nl > en


def title_case_runs(source: str, target: str) -> list[tuple[Word, Word]]:
    """Two Dutch words in a row, both capitalised in mid-sentence, that the source does not
    hold as they are: a Title Case label or name translated word for word."""
    if _TWO_CAPITALS_RE.search(target) is None:
        return []  # most targets: no two capitalised words side by side
    if "\\>" in source or " > " in source:
        return []  # a menu path whose ">" the target lost: two labels side by side
    words = prose_words(target)
    out: list[tuple[Word, Word]] = []
    for first, second in pairwise(words):
        if first.sentence_start or second.sentence_start or not second.capitalised:
            continue
        if not first.capitalised or not adjacent(target, first, second):
            continue
        if target[: first.start].rstrip().endswith(_LABEL_START):
            continue  # a label or a quotation that starts here ("**Pagina Gebruikers**")
        if first.text.lower() in _NAME_LEADS or first.text.lower() in _IMPERATIVES:
            continue
        if not (_dutch_capital(first.text) and _dutch_capital(second.text)):
            continue
        if f"{first.text} {second.text}" in source:
            continue
        out.append((first, second))
    return out


@register_pair_check(
    "title-case", Level.WARNING, TEXTUAL, "English Title Case in Dutch", default_on=False
)
def check_title_case(source: str, target: str) -> Iterable[str]:
    """Two Dutch words capitalised in mid-sentence, as English Title Case has them: Dutch
    capitalises only the first word of a name or label ("Ongewenste E-mail" → "Ongewenste
    e-mail", "Verbroken Verbinding" → "Verbroken verbinding"). Off by default: right about
    half the time on held-out articles, where names and stray capitals mislead it."""
    out: list[str] = []
    for first, second in title_case_runs(source, target):
        text = target[first.start : second.end]
        out.append(
            f"Title Case {text!r}: Dutch capitalises only the first word "
            f"({first.text} {second.text.lower()})"
        )
    return out
