"""Untranslated English: runs of English words left inside Dutch text, by wordfreq frequencies."""

from __future__ import annotations

import importlib.util
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reviewer.core.checks import tables
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.core.checks.prose import Word, prose_word_texts, prose_words
from reviewer.core.errors import ReviewerError

# wordfreq's "small" lists (words down to about one in a million) load in ~15 ms and ~20 MB;
# the large ones take 300 ms and 80 MB for no gain on the words that matter here.
WORDLIST = "small"
# An English word: at least this common in English (Zipf 3 = once per million words) and
# this much more common in English than in Dutch (1.0 = ten times).
MIN_ZIPF = 3.0
MARGIN = 1.0
MIN_RUN = 2  # English words in a run before it is reported


@lru_cache(maxsize=1)
def _zipf() -> object:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return zipf_frequency


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, float], dict[str, float]] | None:
    """wordfreq's English and Dutch lists as plain dicts: a lookup per word instead of
    zipf_frequency's tokenizer (~0.4 ms per new word). Kept as a snapshot of wordfreq's files
    (reviewer.core.checks.tables), which spares importing wordfreq (~0.15 s) until a word that
    needs its tokenizer comes; None without wordfreq."""
    files = _wordfreq_files()
    if files is None:
        return None
    try:
        return tables.cached("wordfreq-" + WORDLIST, files, _read_lists, _lists_ok)
    except ImportError:
        return None


def _wordfreq_files() -> list[Path] | None:
    """The files wordfreq's lists come from (its code and its data), found without importing it."""
    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    files = [package / "__init__.py"] + [
        package / "data" / f"{WORDLIST}_{lang}.msgpack.gz" for lang in ("en", "nl")
    ]
    return files if all(f.is_file() for f in files) else None


def _read_lists() -> tuple[dict[str, float], dict[str, float]]:
    from wordfreq import get_frequency_dict

    return (
        get_frequency_dict("en", wordlist=WORDLIST),
        get_frequency_dict("nl", wordlist=WORDLIST),
    )


def _lists_ok(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(
            isinstance(d, dict) and tables.of_types(d, str) and tables.of_types(d.values(), float)
            for d in value
        )
    )


def _zipf_of(frequency: float) -> float:
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


@lru_cache(maxsize=65536)
def _frequencies(word: str) -> tuple[float, float]:
    """Zipf frequency of ``word`` (lowercase) in English and in Dutch."""
    if word.isalpha():  # one token: the list's own entry, as zipf_frequency would find it
        lists = _lists()
        if lists is None:
            return 0.0, 0.0
        en, nl = lists
        return _zipf_of(en.get(word, 0.0)), _zipf_of(nl.get(word, 0.0))
    key, memo = _tokenized()
    hit = memo.get(word)
    if hit is not None:
        return hit
    if _HYPHENATED_RE.fullmatch(word) is not None:
        lists = _lists()
        if lists is not None:  # zipf_frequency's own sum, without importing its tokenizer
            parts = word.split("-")
            return _combined_zipf(parts, lists[0]), _combined_zipf(parts, lists[1])
    zipf = _zipf()
    if zipf is None:
        return 0.0, 0.0
    found = zipf(word, "en", wordlist=WORDLIST), zipf(word, "nl", wordlist=WORDLIST)  # type: ignore[operator]
    if key is not None:
        memo[word] = found
    return found


# Lowercase ASCII words joined by hyphens: wordfreq's tokenizer reads them as the words
# between the hyphens, unchanged (no case folding, normalisation or digits to smash).
_HYPHENATED_RE = re.compile(r"[a-z]+(?:-[a-z]+)+")
_MIN_FREQUENCY = 10**0.0 / 1e9  # zipf_frequency's floor: Zipf 0


def _combined_zipf(parts: list[str], frequencies: dict[str, float]) -> float:
    """What wordfreq's zipf_frequency gives for words read as ``parts``: 1/f = 1/f1 + 1/f2 …,
    the floor when a part is missing, rounded as it rounds (three significant digits, then
    hundredths of a Zipf unit)."""
    one_over = 0.0
    for part in parts:
        frequency = frequencies.get(part)
        if frequency is None:
            return round(math.log(_MIN_FREQUENCY, 10) + 9, 2)
        one_over += 1.0 / frequency
    unrounded = max(1.0 / one_over, _MIN_FREQUENCY)
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


_TOKENIZED = "wordfreq-tokenized"


@lru_cache(maxsize=1)
def _tokenized() -> tuple[str | None, dict[str, tuple[float, float]]]:
    """zipf_frequency's answers on words its tokenizer must read (hyphens, apostrophes), kept
    between runs under a key of wordfreq's code and data and the regex module's: importing
    wordfreq for them costs ~0.15 s, and the same few words come back."""
    files = _wordfreq_files()
    try:
        spec = importlib.util.find_spec("regex")
        if files is None or spec is None or spec.origin is None:
            return None, {}
        package = files[0].parent
        sources = [*files, *sorted(package.glob("*.py")), Path(spec.origin)]
        key = tables.key(_TOKENIZED + " " + WORDLIST, sources)
    except (ReviewerError, OSError, ImportError, ValueError):
        return None, {}
    return key, dict(tables.verdicts(_TOKENIZED, key, _is_pair) or {})


def _is_pair(values: Collection[object]) -> bool:
    return all(isinstance(v, tuple) and len(v) == 2 and tables.of_types(v, float) for v in values)


def save_verdicts() -> None:
    """Keep the tokenizer's answers of this process for the next one."""
    if _tokenized.cache_info().currsize:
        key, memo = _tokenized()
        if key is not None and memo:
            tables.save_verdicts(_TOKENIZED, key, dict(memo), _is_pair, 200_000)


def preload() -> None:
    _lists()


def frequencies(word: str) -> tuple[float, float]:
    """Zipf frequency of ``word`` (lowercase) in English and in Dutch; 0 without wordfreq."""
    return _frequencies(word)


def dutch_zipf(word: str) -> float:
    """How common ``word`` (lowercase) is in Dutch, on the Zipf scale; 0 without wordfreq."""
    return _frequencies(word)[1]


def english_available() -> bool:
    """Whether wordfreq is installed; without it the untranslated check finds nothing."""
    return _zipf() is not None


def is_english_word(word: str) -> bool:
    """A word far more common in English than in Dutch (wordfreq's Dutch list knows the
    loanwords Dutch uses, such as app, cloud, server)."""
    en, nl = _frequencies(word.lower())
    return en >= MIN_ZIPF and en >= nl + MARGIN


def _is_dutch(word: str) -> bool:
    en, nl = _frequencies(word.lower())
    return nl >= 2.0 and nl > en


@dataclass(frozen=True, slots=True)
class EnglishRun:
    start: int
    end: int
    text: str  # the target's text over the run


def _units(words: tuple[Word, ...]) -> list[tuple[Word, str]]:
    """Words, hyphenated ones split into their parts (Mon-Fri counts as two words)."""
    out: list[tuple[Word, str]] = []
    for w in words:
        for part in w.text.split("-"):
            if part:
                out.append((w, part))
    return out


def english_runs(target: str, source: str = "") -> list[EnglishRun]:
    """Runs of two or more English words in a Dutch target: words copied from the source,
    not do-not-translate names, code or identifiers, and not a Title Case name."""
    words = prose_words(target)
    if len(words) < 2:
        return []
    from reviewer.core.checks import terms

    source_words = _source_parts(source)
    names = terms.dnt_words()
    # Most targets hold no English word copied from the source: look before walking the runs.
    candidates = {
        part
        for part in _lower_parts(target) & source_words
        if is_english_word(part) and part not in names
    }
    if not candidates:
        return []
    if len(candidates) < MIN_RUN and not any("-" in w.text for w in words):
        uses = sum(1 for w in words if w.text.lower() in candidates)
        if uses < MIN_RUN:
            return []
    runs: list[EnglishRun] = []
    current: list[tuple[Word, str, bool]] = []  # (word, part, is English)

    def close() -> None:
        if len({id(w) for w, _, _ in current}) > 1:
            while current and not current[-1][2]:
                current.pop()  # neutral words (is, server) at the edges belong to no run
            while current and not current[0][2]:
                current.pop(0)
        english = [c for c in current if c[2]]
        # A name in Title Case may hold lowercase glue: Threat and Vulnerability Management.
        title = all(p[:1].isupper() or p in _NAME_GLUE for _, p, _ in current) and any(
            p[:1].isupper() for _, p, _ in current
        )
        single_token = len({id(w) for w, _, _ in current}) == 1
        # One hyphenated token (Mon-Fri) counts whole once one part of it is English.
        same_case = len({p[:1].isupper() for _, p, _ in current}) == 1
        # A Title Case run is a name (View-Only, Safe Links) unless it is abbreviations (Mon-Fri).
        abbreviations = single_token and all(len(p) <= 3 for _, p, _ in current)
        if single_token:
            # One hyphenated word counts only as abbreviations (Mon-Fri, Sun-Thu): real-world,
            # up-to-date and channel names such as insiders-slow are loanwords or names.
            enough = abbreviations and len(current) >= 2 and bool(english) and same_case
        else:
            enough = len(english) >= MIN_RUN
        if enough and (not title or abbreviations):
            start, end = current[0][0].start, current[-1][0].end
            runs.append(EnglishRun(start, end, target[start:end]))
        current.clear()

    previous: Word | None = None
    for word, part in _units(words):
        if previous is not None and word is not previous and not _joined(target, previous, word):
            close()
        if (
            word is not previous
            and "-" in word.text
            and any(_is_dutch(p) or _compound_tail(p) for p in word.parts[1:] if p)
        ):
            current.clear()  # "command and control-infrastructuur": English modifiers of a
            previous = word  # Dutch compound are part of a Dutch word
            continue
        if word is previous and current == [] and "-" in word.text:
            continue
        previous = word
        low = part.lower()
        if part in names or word.text in names or low not in source_words:
            close()
            continue
        if is_english_word(part):
            current.append((word, part, True))
        elif _is_dutch(part):
            close()
        else:
            current.append((word, part, False))
    close()
    return runs


# Lowercase words that join the capitalised words of an English name.
_NAME_GLUE = frozenset(("and", "of", "for", "the", "to", "in", "on", "with", "a", "an"))


def _compound_tail(part: str) -> bool:
    """The Dutch head of an English-Dutch compound: end-to-endrisico's, add-on-licentie."""
    return len(part) >= 6 and not is_english_word(part.rstrip("'s’"))


_LINK_TEXT_RE = re.compile(r"\[([^\[\]]*)\]\(")


def _in_link_text(target: str, start: int) -> bool:
    """Link text may keep an English article title: [Mailbox storage limits](…)."""
    return "](" in target and any(
        m.start(1) <= start < m.end(1) for m in _LINK_TEXT_RE.finditer(target)
    )


def _named_in_source(run: str, source: str) -> bool:
    """The source writes the run in Title Case, as a name (Communication Compliance Viewers,
    Real-World Testing): a target that keeps the name's words has not left prose English."""
    words = run.split()
    at = source.lower().find(run.lower())
    if at < 0 or len(words) < 2:
        return False  # one token (Mon-Fri) is abbreviations, not a name
    written = source[at : at + len(run)].replace("-", " ").split()
    return all(w[:1].isupper() or w in _NAME_GLUE for w in written)


@lru_cache(maxsize=1024)
def _lower_parts(text: str) -> frozenset[str]:
    """The lowercase words of a text, hyphenated ones also by their parts (Mon-Fri)."""
    return _parts_of([w.text for w in prose_words(text)])


@lru_cache(maxsize=1024)
def _source_parts(source: str) -> frozenset[str]:
    """``_lower_parts`` of a source, from its words' texts alone (no offsets needed)."""
    return _parts_of(prose_word_texts(source))


def _parts_of(texts: Sequence[str]) -> frozenset[str]:
    # One lower() and one split over the words joined (words hold no spaces and no empty
    # hyphen parts), rather than a call per word and part.
    if not texts:
        return frozenset()
    return frozenset(" ".join(texts).replace("-", " ").lower().split())


def _joined(text: str, first: Word, second: Word) -> bool:
    """Only spaces (or markup blanked to spaces) lie between two words of one run."""
    gap = text[first.end : second.start]
    return len(gap) <= 3 and gap.strip(" *_") == ""


@register_pair_check(
    "untranslated", Level.WARNING, "accuracy/untranslated", "English left in the target"
)
def check_untranslated(source: str, target: str) -> Iterable[str]:
    """A run of two or more English words from the source left in the Dutch target."""
    if source.strip() == target.strip() and len(prose_words(source)) < 3:
        return ()  # a name, a UI label or a code line: identical targets are expected
    runs = [
        r
        for r in english_runs(target, source)
        if not _in_link_text(target, r.start) and not _named_in_source(r.text, source)
    ]
    if runs and source.strip() == target.strip():
        return [f"target is the English source: {runs[0].text!r}"]
    return [f"English left in the target: {r.text!r}" for r in runs]
