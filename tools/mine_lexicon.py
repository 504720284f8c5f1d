"""Mine the Dutch word list and compound table the spelling checks ship with.

Reads only the TUNE split of shared/articles (tools/tune_split.py) and the OpenTaal Hunspell
dictionary (Debian hunspell-nl). Writes reviewer/resources/checks/:
- nl_words.txt.gz: words the Dutch targets use often enough to be known (count >= MIN_COUNT in
  >= MIN_FILES articles) though the dictionary lacks them (tenants, OneDrive-account ...);
- nl_compounds.tsv.gz: noun compounds (joined form, its two parts, how often the targets write it
  joined and how often split), from the dictionary's nouns and the targets' own compounds.

Run: .venv/bin/python tools/mine_lexicon.py [--articles PATH] [--dic /usr/share/hunspell/nl.dic]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import enchant
from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_split import ROOT, articles_arg, tune_pairs

from reviewer.core.checks.prose import adjacent, prose_words

OUT = ROOT / "reviewer" / "resources" / "checks"
MIN_COUNT = 3
MIN_FILES = 2
MIN_PART = 3  # neither part of a compound is shorter than this (no "e mail" → "email")
_NOUN_FLAG_RE = re.compile(r"^(?:Z|Y)")
_LINKS = ("s", "e", "en", "")
# A first part this frequent in Dutch is a function word (die, voor, hier): "die naar" is no
# split "dienaar", so such rows are left out. Zipf 5.8 is about once in 1,600 words.
FUNCTION_ZIPF = 5.8


def singulars(word: str) -> list[str]:
    """The word and the singulars it may be the plural of: bestanden, rollen, sites, app's."""
    out = [word]
    for suffix in ("'s", "’s", "s", "en", "ën"):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PART:
            stem = word[: -len(suffix)]
            out.append(stem)
            if suffix == "en" and len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # rollen → rol
    return out  # Dutch linking sounds between the parts: toegang+s+token


def dictionary_nouns(dic: Path) -> set[str]:
    """Lowercase nouns of the OpenTaal .dic: entries with a plural (Z*) or diminutive (Y*) flag."""
    nouns: set[str] = set()
    lines = dic.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        word, _, flags = line.partition("/")
        flags = flags.split()[0] if flags else ""
        pairs = [flags[i : i + 2] for i in range(0, len(flags), 2)]
        if any(_NOUN_FLAG_RE.match(f) for f in pairs) and word.isalpha() and word.islower():
            nouns.add(word)
    return nouns


def splits(word: str, is_word: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Every split of ``word`` into a known first part (maybe with a linking s/e/en) and a known
    head: audit|logboek and auditlog|boek both, since MT may break a compound at either joint."""
    out: list[tuple[str, str]] = []
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        first, head = word[:i], word[i:]
        if not is_word(head):
            continue
        for link in _LINKS:
            stem = first[: len(first) - len(link)] if link else first
            if len(stem) >= MIN_PART and first.endswith(link) and is_word(stem):
                out.append((first, head))
                break
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", help="shared/articles folder")
    parser.add_argument("--dic", default="/usr/share/hunspell/nl.dic")
    args = parser.parse_args(argv)
    articles = articles_arg(args.articles)
    nl = enchant.Dict("nl_NL")

    counts: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    bigrams: Counter[tuple[str, str]] = Counter()
    hyphened: Counter[str] = Counter()
    pairs = 0
    for pair in tune_pairs(articles):
        pairs += 1
        target = pair.target
        words = prose_words(target)
        for i, w in enumerate(words):
            low = w.text.lower()
            counts[low] += 1
            files[low].add(pair.file)
            if "-" in low:
                hyphened[w.text] += 1
            if i + 1 < len(words) and adjacent(target, w, words[i + 1]):
                bigrams[(low, words[i + 1].text.lower())] += 1
    print(f"{pairs} TUNE pairs, {len(counts)} distinct words", file=sys.stderr)

    def known(word: str) -> bool:
        return nl.check(word) or (counts[word] >= MIN_COUNT and len(files[word]) >= MIN_FILES)

    # Known words the dictionary lacks.
    extra = sorted(
        w
        for w, c in counts.items()
        if c >= MIN_COUNT
        and len(files[w]) >= MIN_FILES
        and not nl.check(w)
        and not nl.check(w.capitalize())
    )
    nouns = dictionary_nouns(Path(args.dic))
    print(
        f"{len(extra)} known words beyond the dictionary; {len(nouns)} dictionary nouns",
        file=sys.stderr,
    )

    # Compound nouns: the dictionary's nouns plus every joined word of the targets whose head is
    # a dictionary noun, each split once into first part + head.
    compounds: list[tuple[str, str, str]] = []
    candidates = set(nouns)
    candidates.update(w for w, c in counts.items() if c >= 2 and w.isalpha())
    for word in sorted(candidates):
        if len(word) < 2 * MIN_PART or not word.isalpha():
            continue
        for first, head in splits(word, known):
            if zipf_frequency(first, "nl", wordlist="small") >= FUNCTION_ZIPF:
                continue
            if word in nouns or any(h in nouns for h in singulars(head)):
                compounds.append((word, first, head))
    # Product name + noun with a hyphen (Teams-bestanden) as the targets write them.
    rows = []
    for word, first, head in compounds:
        first_word = int(nl.check(first))
        rows.append((word, first, head, counts[word], bigrams[(first, head)], first_word))
    hyphen_rows = []
    for word, c in hyphened.items():
        first, _, head = word.partition("-")
        if "-" in head or not first[:1].isupper() or not head.islower() or len(head) < MIN_PART:
            continue
        if c < 2 or not any(h in nouns for h in singulars(head)):
            continue
        hyphen_rows.append((word, first, head, c, bigrams[(first.lower(), head)], 1))
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "nl_words.txt.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("".join(w + "\n" for w in extra))
    with gzip.open(OUT / "nl_compounds.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# joined\tfirst\thead\tjoined_count\tsplit_count\tfirst_is_word\n")
        for row in sorted(rows) + sorted(hyphen_rows):
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"{len(rows)} compounds, {len(hyphen_rows)} name-noun hyphen compounds", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
