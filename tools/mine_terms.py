"""Mine the starting do-not-translate list and glossary from the TUNE split of the article set.

Do-not-translate names: runs of capitalised English words (Safe Links, Microsoft Defender for
Endpoint, Exchange Online) found in the prose of at least MIN_FILES articles' sources, that the
target keeps byte for byte in at least KEEP of the pairs holding them.

Glossary: frequent lowercase English terms of two words (global administrator, retention
policy) and the Dutch word pair of the targets that goes with them: present in at least
RENDER of the pairs whose source holds the term and with a Dice association of at least DICE.

Run: .venv/bin/python tools/mine_terms.py [--articles PATH]
Writes reviewer/resources/checks/do-not-translate.txt and glossary.csv.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from tune_split import ROOT, articles_arg, tune_pairs

from reviewer.core.checks.prose import blank_non_prose

OUT = ROOT / "reviewer" / "resources" / "checks"
MIN_FILES = 4
MIN_PAIRS = 8
KEEP = 0.85
HALF_PAIRS = 20
HALF_FILES = 5
TERM_PAIRS = 25
RENDER = 0.75
DICE = 0.5
# Name-internal function words: Defender for Endpoint, Microsoft Purview Information Protection.
_GLUE = {"for", "of", "on"}
_CAP_RE = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.'][A-Za-z0-9]+)*|365|\d{2,4}")
_TOKEN_RE = re.compile(r"[A-Za-z0-9&][A-Za-z0-9&.'-]*")
_EN_FUNCTION_ZIPF = 5.5  # a first word this frequent opens a sentence, not a name (The, You)


def name_runs(source: str) -> list[str]:
    """Runs of capitalised words (with inner for/of/and) in the prose of a source, the first
    word of a sentence left out unless the run goes on past it."""
    text = blank_non_prose(source)
    out: list[str] = []
    for chunk in re.split(r"[.:;!?,()\[\]|*\"“”]+|\s-\s", text):
        tokens = _TOKEN_RE.findall(chunk)
        run: list[str] = []
        for i, tok in enumerate([*tokens, ""]):
            is_cap = bool(tok) and _CAP_RE.fullmatch(tok) is not None
            glue = tok in _GLUE and run
            if is_cap or glue:
                run.append(tok)
                continue
            while run and run[-1] in _GLUE:
                run.pop()
            start_of_sentence = i - len(run) == 0
            if start_of_sentence and run and zipf_frequency(run[0].lower(), "en") >= 4.0:
                run = run[1:]  # "Select", "Use": a capitalised verb that opens the sentence
            if run and not all(t.isdigit() for t in run):
                out.append(" ".join(run))
            run = []
    return out


def mine_names(pairs: list[tuple[str, str, str]]) -> list[str]:
    seen: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    head_kept: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    for file, source, target in pairs:
        for run in set(name_runs(source)):
            seen[run] += 1
            files[run].add(file)
            if re.search(rf"(?<![\w-]){re.escape(run)}(?![\w])", target):
                kept[run] += 1
            first = run.split()[0]
            if re.search(rf"(?<![\w-]){re.escape(first)}(?![\w])", target):
                head_kept[run] += 1
    names = []
    for run, n in seen.items():
        if n < MIN_PAIRS or len(files[run]) < MIN_FILES:
            continue
        # A feature name the MT half-translates (Defender voor Eindpunt, Safe koppelingen):
        # Title Case in English prose, where house style capitalises only names, in many
        # articles, its first word kept by the targets.
        half = (
            len(run.split()) >= 2
            and n >= HALF_PAIRS
            and len(files[run]) >= HALF_FILES
            and head_kept[run] / n >= KEEP
            and all(w[0].isupper() or w in _GLUE for w in run.split())
        )
        if kept[run] / n < KEEP and not half:
            continue
        words = run.split()
        if words[0][0].isdigit() or any(
            any(c.isdigit() for c in w) and any(c.isalpha() for c in w) for w in words
        ):
            continue  # 365 G5, APP1: a fragment of a longer name or an identifier
        if len(words) == 1 and words[0].isupper():
            continue  # an acronym: the literal-identity checks guard those
        if len(words) == 1:
            w = words[0]
            # A single capitalised word is a name only when it is no common English word
            # (Teams and Word are, yet Dutch keeps them: they enter through longer runs).
            if zipf_frequency(w.lower(), "en") >= 4.0 or len(w) < 3:
                continue
        if zipf_frequency(words[0].lower(), "en") >= _EN_FUNCTION_ZIPF:
            continue
        if words[0] in ("Contoso", "Fabrikam") or words[-1] in _GLUE:
            continue  # the documentation's example companies are not product names
        names.append(run)
    return sorted(set(names))


_EN_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|[^\sA-Za-z]+")
_NL_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\s\w]+")


def _bigrams(text: str) -> set[str]:
    """Pairs of neighbouring lowercase English words (names and punctuation break a pair)."""
    words = _EN_RE.findall(blank_non_prose(text))
    return {
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if a.isalpha() and b.isalpha() and a.islower() and b.islower()
    }


def _dutch_terms(text: str) -> set[str]:
    """Dutch words of six letters or more and pairs of neighbouring lowercase words."""
    words = _NL_RE.findall(blank_non_prose(text))
    out = {w for w in words if len(w) >= 6 and w.islower() and w[0].isalpha()}
    out.update(
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if a[0].isalpha() and b[0].isalpha() and a.islower() and b.islower()
    )
    return out


def mine_glossary(pairs: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    en_count: Counter[str] = Counter()
    nl_count: Counter[str] = Counter()
    both: dict[str, Counter[str]] = defaultdict(Counter)
    for _file, source, target in pairs:
        en = {
            b
            for b in _bigrams(source)
            if all(zipf_frequency(w, "en") < 5.3 for w in b.split())  # content words only
        }
        if not en:
            continue
        nl = {
            b for b in _dutch_terms(target) if all(zipf_frequency(w, "nl") < 5.6 for w in b.split())
        }
        for b in nl:
            nl_count[b] += 1
        for e in en:
            en_count[e] += 1
            both[e].update(nl)
    out: list[tuple[str, str]] = []
    for e, n in en_count.items():
        if n < TERM_PAIRS:
            continue
        best, joint = max(both[e].items(), key=lambda kv: kv[1], default=("", 0))
        if not best or joint / n < RENDER:
            continue
        dice = 2 * joint / (n + nl_count[best])
        if dice >= DICE and best != e:
            out.append((e, best))
    # A plural whose singular is a term too adds nothing: the glossary matches plurals.
    english = {e for e, _ in out}
    return sorted((e, d) for e, d in out if not (e.endswith("s") and e[:-1] in english))


# Hand-checked rows with forbidden variants seen in MT output, kept beside the mined ones.
CURATED = [("CSV file", "CSV-bestand", "CVS-bestand", "the MT swaps the letters of CSV")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", help="shared/articles folder")
    args = parser.parse_args(argv)
    articles = articles_arg(args.articles)
    pairs = [(p.file, p.source, p.target) for p in tune_pairs(articles) if p.source != p.target]
    names = mine_names(pairs)
    terms = mine_glossary(pairs)
    OUT.mkdir(parents=True, exist_ok=True)
    header = (
        "# Do-not-translate names mined from the TUNE split of the article set "
        "(tools/mine_terms.py; see PROVENANCE.md).\n"
    )
    (OUT / "do-not-translate.txt").write_text(header + "".join(n + "\n" for n in names), "utf-8")
    lines = ["english,dutch,forbidden,note"]
    lines += [f"{e},{d},," for e, d in terms]
    lines += [",".join(row) for row in CURATED]
    (OUT / "glossary.csv").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(pairs)} pairs: {len(names)} names, {len(terms)} glossary terms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
