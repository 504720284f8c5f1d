"""Mine the Dutch verb lists of the grammar checks from the TUNE split of the real article set.

Writes reviewer/resources/grammar/nl_verbs.txt: infinitives (words seen after "te", and the
separable ones seen as "uit te voeren" → uitvoeren). Only articles whose sha1(relative path)
starts with 0-b are read (the TUNE split); the held-out split is never opened.
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


def mine(articles: Path) -> set[str]:
    after_te: Counter[str] = Counter()
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
    return infinitives


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(ROOT.parent / "shared" / "articles"))
    args = parser.parse_args(argv)
    infinitives = mine(Path(args.articles))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Mined by bench/mine_grammar_lexicon.py; see SOURCES.md beside this file."]
    lines += sorted(infinitives)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(infinitives)} infinitives → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
