"""Mine the Dutch word lists of the grammar checks from the TUNE split of the real article set.

Writes reviewer/resources/grammar/nl_verbs.txt: infinitives (words seen after "te", and the
separable ones seen as "uit te voeren" → uitvoeren), and nl_het_nouns.txt: nouns the targets
use with "het" and hardly ever with "de" (het beleid, het postvak, het beheercentrum). Only
articles whose sha1(relative path) starts with 0-b are read (the TUNE split); the held-out split
is never opened.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.fileio import load_document  # noqa: E402

OUT = ROOT / "reviewer" / "resources" / "grammar" / "nl_verbs.txt"
HET_OUT = OUT.with_name("nl_het_nouns.txt")
# A het-noun: seen after "het" at least this often, after "de" at most this share as often.
HET_MIN, DE_SHARE = 20, 0.02
FUNCTION_ZIPF = 5.5  # kan, niet, tot: frequent words that are no nouns here
_WORD_RE = re.compile(r"[a-zà-ÿ]+")
_ARTICLES = frozenset(["de", "het", "een", "uw", "deze", "die", "dit", "geen"])
_PARTICLES = frozenset(
    [
        "uit",
        "in",
        "op",
        "aan",
        "af",
        "mee",
        "door",
        "over",
        "toe",
        "bij",
        "na",
        "terug",
        "weg",
        "vast",
        "voor",
        "om",
        "samen",
        "tegen",
        "neer",
        "open",
        "dicht",
        "binnen",
        "buiten",
        "los",
        "vrij",
    ]
)


def tune_articles(articles: Path) -> list[Path]:
    out = []
    for path in sorted(articles.rglob("*.md")):
        rel = path.relative_to(articles).as_posix()
        if hashlib.sha1(rel.encode()).hexdigest()[0] in "0123456789ab":
            out.append(path)
    return out


def mine(articles: Path) -> tuple[set[str], set[str]]:
    after_te: Counter[str] = Counter()
    after_het: Counter[str] = Counter()
    after_de: Counter[str] = Counter()
    after_article: Counter[str] = Counter()
    separable: Counter[str] = Counter()
    for path in tune_articles(articles):
        try:
            doc = load_document(str(path))
        except Exception:
            continue
        for pair in doc.pairs:
            words = _WORD_RE.findall(pair.target.lower())
            for k in range(len(words) - 1):
                a, b = words[k], words[k + 1]
                if a == "te":
                    after_te[b] += 1
                    if k:
                        separable[words[k - 1] + b] += 1
                elif a in _ARTICLES:
                    after_article[b] += 1
            # Nouns after het or de, as whole words (not "het Teams-beleid" → Teams).
            for m in _ARTICLE_NOUN_RE.finditer(pair.target):
                (after_het if m.group(1).lower() == "het" else after_de)[m.group(2)] += 1
    infinitives = {
        w
        for w, n in after_te.items()
        if n >= 2 and len(w) > 3 and w.endswith("en") and after_article[w] <= 3 * n
    }
    for word, n in separable.items():
        if n < 2:
            continue
        for particle in _PARTICLES:
            if word.startswith(particle) and word[len(particle) :] in infinitives:
                infinitives.add(word)
    return infinitives, het_nouns(after_het, after_de, infinitives)


_ARTICLE_NOUN_RE = re.compile(r"\b([Dd]e|[Hh]et)\s+([a-zà-ÿ][a-zà-ÿ-]*)\b(?!['’-])")


def het_nouns(after_het: Counter[str], after_de: Counter[str], infinitives: set[str]) -> set[str]:
    """Nouns of the compound table (so no verb or adverb) that take "het": het beleid."""
    from wordfreq import zipf_frequency

    from reviewer.core.checks import mined

    nouns = mined.noun_heads()
    return {
        w
        for w, n in after_het.items()
        if n >= HET_MIN
        and after_de[w] <= DE_SHARE * n
        and w in nouns
        and w not in infinitives
        and not w.endswith(("en", "aan"))
        and zipf_frequency(w, "nl", wordlist="small") < FUNCTION_ZIPF
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(ROOT.parent / "shared" / "articles"))
    args = parser.parse_args(argv)
    infinitives, het = mine(Path(args.articles))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = ["# Mined by bench/mine_grammar_lexicon.py; see SOURCES.md beside this file."]
    OUT.write_text("\n".join(header + sorted(infinitives)) + "\n", encoding="utf-8")
    HET_OUT.write_text("\n".join(header + sorted(het)) + "\n", encoding="utf-8")
    print(f"{len(infinitives)} infinitives → {OUT}; {len(het)} het-nouns → {HET_OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
