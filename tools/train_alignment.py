"""Train the English→Dutch word translation table the omission and mistranslation checks use.

IBM Model 1 (Brown et al. 1993) with a NULL source word, trained by EM on the TUNE split of
shared/articles (tools/tune_split.py): lowercase prose words of each pair (reviewer's
prose_words, so code, URLs, markup and identifiers are left out), pairs of 1-60 words on each
side, words seen at least MIN_COUNT times. The table is pruned to, for each English word, the
Dutch words with t(nl|en) >= MIN_PROB, at most TOP_K of them, written as gzip TSV to
reviewer/resources/checks/alignment.tsv.gz (en, nl, probability to 3 decimals).

Run: .venv/bin/python tools/train_alignment.py [--articles PATH] [--iterations 5]
Needs numpy (pip install numpy); the product reads the table without it.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_split import ROOT, articles_arg, tune_pairs

from reviewer.core.checks.prose import prose_words

OUT = ROOT / "reviewer" / "resources" / "checks" / "alignment.tsv.gz"
MIN_COUNT = 3
MAX_LEN = 60
MIN_PROB = 0.02
TOP_K = 12
NULL = "<null>"


def words(text: str) -> list[str]:
    return [w.text.lower() for w in prose_words(text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", help="shared/articles folder")
    parser.add_argument("--iterations", type=int, default=5)
    args = parser.parse_args(argv)
    articles = articles_arg(args.articles)

    t0 = time.perf_counter()
    raw: list[tuple[list[str], list[str]]] = []
    seen: set[tuple[str, str]] = set()
    for pair in tune_pairs(articles):
        if (pair.source, pair.target) in seen or pair.source == pair.target:
            continue  # repeated segments would weigh boilerplate many times over
        seen.add((pair.source, pair.target))
        e, f = words(pair.source), words(pair.target)
        if 1 <= len(e) <= MAX_LEN and 1 <= len(f) <= MAX_LEN:
            raw.append((e, f))
    e_count = Counter(w for e, _ in raw for w in e)
    f_count = Counter(w for _, f in raw for w in f)
    e_vocab = [NULL, *sorted(w for w, c in e_count.items() if c >= MIN_COUNT)]
    f_vocab = sorted(w for w, c in f_count.items() if c >= MIN_COUNT)
    e_id = {w: i for i, w in enumerate(e_vocab)}
    f_id = {w: i for i, w in enumerate(f_vocab)}
    print(
        f"{len(raw)} distinct pairs, {len(e_vocab)} English and {len(f_vocab)} Dutch words "
        f"({time.perf_counter() - t0:.0f} s)",
        file=sys.stderr,
    )

    # Every (Dutch token, English candidate) link of every pair, as flat arrays: the EM step is
    # then a gather, a per-token normalisation and a scatter-add.
    link_e: list[np.ndarray] = []
    link_f: list[np.ndarray] = []
    link_tok: list[np.ndarray] = []
    tok = 0
    for e, f in raw:
        es = np.array([0] + [e_id[w] for w in e if w in e_id], dtype=np.int32)
        fs = np.array([f_id[w] for w in f if w in f_id], dtype=np.int32)
        if not len(fs):
            continue
        link_e.append(np.tile(es, len(fs)))
        link_f.append(np.repeat(fs, len(es)))
        link_tok.append(np.repeat(np.arange(tok, tok + len(fs), dtype=np.int32), len(es)))
        tok += len(fs)
    le = np.concatenate(link_e)
    lf = np.concatenate(link_f)
    lt = np.concatenate(link_tok)
    del link_e, link_f, link_tok
    key = le.astype(np.int64) * len(f_vocab) + lf
    pairs_, inverse = np.unique(key, return_inverse=True)
    pe = (pairs_ // len(f_vocab)).astype(np.int32)
    pf = (pairs_ % len(f_vocab)).astype(np.int32)
    print(f"{len(le)} links, {len(pairs_)} word pairs", file=sys.stderr)
    t = np.full(len(pairs_), 1.0 / len(f_vocab))  # uniform t(f|e)
    for it in range(args.iterations):
        p = t[inverse]
        norm = np.bincount(lt, weights=p, minlength=tok)
        post = p / norm[lt]
        counts = np.bincount(inverse, weights=post, minlength=len(pairs_))
        total = np.bincount(pe, weights=counts, minlength=len(e_vocab))
        t = counts / total[pe]
        print(f"iteration {it + 1}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)

    order = np.lexsort((-t, pe))
    rows: list[str] = []
    kept = 0
    current, taken = -1, 0
    for i in order:
        e = int(pe[i])
        if e != current:
            current, taken = e, 0
        if taken >= TOP_K or t[i] < MIN_PROB:
            continue
        taken += 1
        kept += 1
        rows.append(f"{e_vocab[e]}\t{f_vocab[int(pf[i])]}\t{t[i]:.3f}\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(
            f"# IBM Model 1, {args.iterations} EM iterations, {len(raw)} TUNE pairs; "
            f"t(nl|en) >= {MIN_PROB}, top {TOP_K} per English word\n"
        )
        out.writelines(rows)
    print(f"{kept} entries written to {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
