"""Mine the known-word list that lets the spelling check skip enchant for common words.

Reads only the TUNE split of shared/articles (tools/tune_split.py). Every prose word of the
Dutch targets used at least MIN_COUNT times is judged once by the spelling check itself
(the shipped OpenTaal dictionary, the mined words, English and the compound rule); the words
it accepts are written to reviewer/resources/checks/nl_known.txt.gz, most frequent first. The
list only saves time: a word missing from it is looked up as before, and a word on it is one
the check would accept anyway (the test suite checks a sample against enchant).

Run: .venv/bin/python tools/mine_known_words.py [--articles PATH]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_split import ROOT, articles_arg, tune_pairs

from reviewer.core.checks import lexicon, spelling
from reviewer.core.checks.prose import prose_words

OUT = ROOT / "reviewer" / "resources" / "checks" / "nl_known.txt.gz"
MIN_COUNT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", help="the article set (default: shared/articles)")
    args = parser.parse_args(argv)
    articles = articles_arg(args.articles)
    if lexicon.dictionary() is None:
        print(lexicon.spelling_status().message, file=sys.stderr)
        return 1
    counts: Counter[str] = Counter()
    pairs = 0
    for pair in tune_pairs(articles):
        pairs += 1
        counts.update(w.text for w in prose_words(pair.target))
    lexicon.configure(lexicon.LanguageSettings(shipped_terms=True))
    frequent = [w for w, n in counts.most_common() if n >= MIN_COUNT]
    known = [w for w in frequent if spelling.known_word(w)]
    header = (
        f"# Words of the TUNE split's Dutch targets (>= {MIN_COUNT} uses) that the spelling "
        f"check accepts; {len(known)} of {len(frequent)}, from {pairs} pairs. "
        "tools/mine_known_words.py\n"
    )
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(header)
        f.writelines(w + "\n" for w in known)
    print(f"{len(known)} known of {len(frequent)} frequent words -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
