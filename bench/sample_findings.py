"""Sample the checks' findings on held-out articles for a judge: up to N per check, fixed seed."""

# Usage (needs the article set; the verdict file it feeds does not):
#   python bench/sample_findings.py --articles ../shared/articles --out /tmp/sample.yaml
#
# Every article of the HELD-OUT split (first hex digit of sha1(relative path) is c-f) is read
# and checked on its own, as the window checks one open article: every check under the profile
# ``all``. Pairs of census.yaml and rich.yaml are left out (their findings are judged there).
# A finding is one (file, pair id, check code), the key bench/check_quality.py joins verdicts
# by; a check that says two things about one pair gives one finding with both messages. Per
# check, the keys are sorted and ``random.Random(f"{seed}:{code}").sample`` draws up to
# --per-check of them for a check on by default, up to --per-off-check for one that only the
# profile ``all`` turns on, so adding a check never changes another check's sample.
# ``--profile default`` runs only the checks on by default (what a user sees). ``--exclude``
# names verdict files whose (file, id, code) keys are left out, so a fresh sample never asks
# again about a judged finding. ``--total`` caps the sample: every check keeps the same
# per-check quota, lowered until the whole fits (a check with fewer findings keeps them all);
# the checks named by ``--focus`` (e.g. the ones a change touched) keep the full quota and the
# others share what is left.
#
# Each entry carries its source and target, so check_quality reruns it without the article
# set. A document check's finding (consistency, register, reference links) also carries
# ``context``: the sxs-lookup text of the pairs that check compares (the pairs with the same
# source; for register-mix the flagged pair and three pairs in the article's main register;
# for ref-link-undefined the pair and the definitions of the labels it uses). The excerpt is
# verified to give the finding again, or the whole article's pairs are kept instead.

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core import yamlio  # noqa: E402
from reviewer.core.checks import REGISTRY, load_builtin_checks, run_checks  # noqa: E402
from reviewer.core.checks.base import Check  # noqa: E402
from reviewer.core.checks.consistency import _pronouns  # noqa: E402
from reviewer.core.config import Config  # noqa: E402
from reviewer.core.fileio import load_document  # noqa: E402
from reviewer.core.format import Document, Pair, parse_text  # noqa: E402
from reviewer.core.profiles import resolve  # noqa: E402

DATA = ROOT / "tests" / "data" / "check_eval"
ARTICLES = next(
    (p / "shared" / "articles" for p in ROOT.parents if (p / "shared" / "articles").is_dir()),
    ROOT.parent / "shared" / "articles",
)
SEED = 20261206
PER_CHECK = 25
PER_OFF_CHECK = 10
HELD_OUT_DIGITS = set("cdef")
# Same pattern as the reference-link check: a "[label]: url" definition line.
_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\S.*$", re.M)
_REF_RE = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")


def _norm(label: str) -> str:
    return " ".join(label.lower().split())


def is_held_out(relative_path: str) -> bool:
    """The project's binding split: c-f as first hex digit of the path's SHA-1 is held out."""
    return hashlib.sha1(relative_path.encode()).hexdigest()[0] in HELD_OUT_DIGITS


@dataclass(slots=True)
class Finding:
    file: str
    id: str
    code: str
    source: str
    target: str
    messages: list[str] = field(default_factory=list)
    context: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.id, self.code)


def labelled_pairs(data: Path) -> set[tuple[str, str]]:
    """(file, id) of every pair in the held-out pair sets, whose findings are judged there."""
    out: set[tuple[str, str]] = set()
    for name in ("census", "rich"):
        path = data / f"{name}.yaml"
        if path.is_file():
            doc = yamlio.safe_load_fast(path.read_text(encoding="utf-8")) or {}
            out.update((str(p["file"]), str(p["id"])) for p in doc.get("pairs") or [])
    return out


def held_out_articles(articles: Path) -> list[tuple[str, Path]]:
    paths = sorted(articles.rglob("*.md"), key=lambda p: p.relative_to(articles).as_posix())
    out = []
    for path in paths:
        rel = path.relative_to(articles).as_posix()
        if rel != "SOURCES.md" and is_held_out(rel):
            out.append((rel, path))
    return out


def _raw(doc: Document, pair: Pair) -> str:
    return doc.text[pair.start : pair.end]


def _context_pairs(doc: Document, pair: Pair, code: str) -> list[Pair]:
    """The pairs a document check compares for this finding (in document order)."""
    if code in ("inconsistent-target", "inconsistent-wording"):
        return [p for p in doc.pairs if p.source.strip() == pair.source.strip()]
    if code == "register-mix":
        # The check flags the minority register; keep three pairs of the main one.
        formal = [p for p in doc.pairs if _pronouns(p.target)[0]]
        informal = [p for p in doc.pairs if _pronouns(p.target)[1]]
        flagged_informal = len(informal) <= len(formal)
        main = [p for p in (formal if flagged_informal else informal) if p.id != pair.id]
        keep = {pair.id} | {p.id for p in main[:3]}
        return [p for p in doc.pairs if p.id in keep]
    return [pair]


def excerpt(doc: Document, pair: Pair, code: str, whole: bool = False) -> str:
    """sxs-lookup text that lets ``code`` find this finding again without the article."""
    pairs = list(doc.pairs) if whole else _context_pairs(doc, pair, code)
    parts = [_raw(doc, p) for p in pairs]
    if code == "ref-link-undefined":
        # The definitions of the labels this pair refers to, so the check sees what it saw.
        text = pair.source + "\n" + pair.target
        wanted = {_norm(m[2] or m[1]) for m in _REF_RE.finditer(text)}
        lines = [m[0] for m in _DEFINITION_RE.finditer(doc.text) if whole or _norm(m[1]) in wanted]
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def document_findings(text: str, file: str, check: Check) -> set[str]:
    """Pair ids that a document check flags in an excerpt."""
    fn = check.document_fn
    assert fn is not None
    doc = parse_text(text, path=file)
    return {pair.id for _, pair, _ in fn([doc])}


def collect(
    articles: Sequence[tuple[str, Path]],
    skip: set[tuple[str, str]],
    progress: bool,
    profile: str = "all",
    judged: frozenset[tuple[str, str, str]] = frozenset(),
) -> tuple[dict[tuple[str, str, str], Finding], int]:
    """Every finding of the profile's checks on the held-out pairs outside the sets, minus
    the judged (file, id, code) keys."""
    every = resolve(Config(profile=profile))
    found: dict[tuple[str, str, str], Finding] = {}
    pairs = 0
    start = time.monotonic()
    for n, (rel, path) in enumerate(articles, 1):
        doc = load_document(str(path))
        by_id = {p.id: p for p in doc.pairs}
        pairs += sum(1 for p in doc.pairs if (rel, p.id) not in skip)
        for f in run_checks([doc], every):
            if (rel, f.pair_id) in skip:
                continue
            key = (rel, f.pair_id, f.code)
            if key in judged:
                continue
            entry = found.get(key)
            if entry is None:
                pair = by_id[f.pair_id]
                entry = found[key] = Finding(rel, f.pair_id, f.code, pair.source, pair.target)
            entry.messages.append(f.message)
        if progress and n % 100 == 0:
            print(
                f"  {n}/{len(articles)} articles, {time.monotonic() - start:.0f} s", file=sys.stderr
            )
    return found, pairs


def judged_keys(paths: Iterable[Path]) -> frozenset[tuple[str, str, str]]:
    """(file, id, code) of every verdict in these findings files."""
    out: set[tuple[str, str, str]] = set()
    for path in paths:
        doc = yamlio.safe_load_fast(path.read_text(encoding="utf-8")) or {}
        out.update(
            (str(f["file"]), str(f["id"]), str(f["code"])) for f in doc.get("findings") or []
        )
    return frozenset(out)


def quotas(sizes: list[int], per_check: int, total: int | None) -> int:
    """The largest per-check quota, at most per_check, whose sample fits in ``total``."""
    quota = per_check
    while total is not None and quota > 0 and sum(min(quota, n) for n in sizes) > total:
        quota -= 1
    return quota


def sample(
    found: dict[tuple[str, str, str], Finding],
    seed: int,
    per_check: int,
    per_off_check: int,
    total: int | None = None,
    focus: frozenset[str] = frozenset(),
) -> tuple[list[Finding], dict[str, tuple[int, int]]]:
    """Up to per_check findings of each default check, per_off_check of each other check,
    both lowered alike until the sample fits in ``total``; focus checks keep per_check."""
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in found.values():
        by_code[f.code].append(f)
    default = resolve(Config())
    sizes = {c: len(by_code.get(c, [])) for c in REGISTRY}
    kept = sum(min(per_check, n) for c, n in sizes.items() if c in focus)
    rest = None if total is None else max(0, total - kept)
    on = [n for c, n in sizes.items() if c not in focus and default.enabled(REGISTRY[c])]
    off = [n for c, n in sizes.items() if c not in focus and not default.enabled(REGISTRY[c])]
    per_on = quotas(on, per_check, rest)
    rest = None if rest is None else max(0, rest - sum(min(per_on, n) for n in on))
    per_off_check = quotas(off, min(per_off_check, per_on), rest)
    chosen: list[Finding] = []
    counts: dict[str, tuple[int, int]] = {}
    for code, check in REGISTRY.items():
        members = sorted(by_code.get(code, []), key=lambda f: f.key)
        n = per_check if code in focus else per_on if default.enabled(check) else per_off_check
        picked = random.Random(f"{seed}:{code}").sample(members, min(n, len(members)))
        counts[code] = (len(members), len(picked))
        chosen.extend(picked)
    return chosen, counts


def add_contexts(chosen: Iterable[Finding], articles: Path) -> list[str]:
    """Give each document check's finding the excerpt that reproduces it; returns notes."""
    notes = []
    docs: dict[str, Document] = {}
    for f in chosen:
        check = REGISTRY[f.code]
        if check.document_fn is None:
            continue
        doc = docs.get(f.file) or docs.setdefault(f.file, load_document(str(articles / f.file)))
        pair = doc.pair(f.id)
        f.context = excerpt(doc, pair, f.code)
        if f.id not in document_findings(f.context, f.file, check):
            f.context = excerpt(doc, pair, f.code, whole=True)
            notes.append(f"{f.code} {f.file} {f.id}: excerpt did not reproduce it, whole article")
            if f.id not in document_findings(f.context, f.file, check):
                notes.append(f"{f.code} {f.file} {f.id}: not reproduced even on the whole article")
    return notes


def write(
    path: Path, chosen: list[Finding], counts: dict[str, tuple[int, int]], meta: dict[str, Any]
) -> None:
    rows = []
    for f in chosen:
        row: dict[str, Any] = {
            "file": f.file,
            "id": f.id,
            "code": f.code,
            "message": " || ".join(dict.fromkeys(f.messages)),
            "verdict": None,
            "note": "",
            "source": f.source,
            "target": f.target,
        }
        if f.context is not None:
            row["context"] = f.context
        rows.append(row)
    lines = ["# Sampled findings on held-out articles: per check, findings / sampled"]
    lines += [f"#   {code}: {total} / {picked}" for code, (total, picked) in counts.items()]
    text = "\n".join(lines) + "\n"
    text += yamlio.dump_fast(
        {"meta": meta, "findings": rows}, sort_keys=False, allow_unicode=True, width=100
    )
    path.write_text(text, encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(ARTICLES), help="default: %(default)s")
    parser.add_argument("--data", default=str(DATA), help="label folder (census/rich to skip)")
    parser.add_argument("--out", required=True, help="skeleton file to write")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-check", type=int, default=PER_CHECK)
    parser.add_argument("--per-off-check", type=int, default=PER_OFF_CHECK)
    parser.add_argument("--limit", type=int, help="read only the first N held-out articles")
    parser.add_argument(
        "--profile", default="all", choices=("all", "default"), help="checks to run (%(default)s)"
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="findings file whose judged (file, id, code) keys are left out (repeatable)",
    )
    parser.add_argument("--total", type=int, help="at most this many findings in all")
    parser.add_argument(
        "--focus", default="", help="comma-separated checks that keep --per-check under --total"
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(list(argv) if argv is not None else None)
    articles = Path(args.articles)
    if not articles.is_dir():
        parser.error(f"no article set at {articles}")
    load_builtin_checks()
    chosen_articles = held_out_articles(articles)[: args.limit]
    skip = labelled_pairs(Path(args.data))
    judged = judged_keys(Path(f) for f in args.exclude)
    found, pairs = collect(chosen_articles, skip, not args.quiet, args.profile, judged)
    focus = frozenset(c for c in args.focus.split(",") if c)
    if focus - set(REGISTRY):
        parser.error(f"unknown checks in --focus: {', '.join(sorted(focus - set(REGISTRY)))}")
    chosen, counts = sample(found, args.seed, args.per_check, args.per_off_check, args.total, focus)
    for note in add_contexts(chosen, articles):
        print(note, file=sys.stderr)
    meta = {
        "split": "held-out",
        "seed": args.seed,
        "articles": len(chosen_articles),
        "pairs": pairs,
        "findings": len(found),
        "sampled": len(chosen),
        "rule": (
            f"every check (profile {args.profile}) on each held-out article alone, census/rich "
            f"pairs left out"
            + (
                f", and the findings judged in {', '.join(Path(f).name for f in args.exclude)}"
                if args.exclude
                else ""
            )
            + f"; per check random.Random(f'{{seed}}:{{code}}').sample of its sorted (file, id, "
            f"code) keys: up to {args.per_check} for a check on by default, "
            f"{args.per_off_check} for one that is off"
            + (
                f", lowered alike until at most {args.total} in all"
                + (f" ({', '.join(sorted(focus))} kept {args.per_check})" if focus else "")
                if args.total
                else ""
            )
        ),
    }
    write(Path(args.out), chosen, counts, meta)
    print(
        f"{len(chosen_articles)} held-out articles, {pairs} pairs outside census/rich, "
        f"{len(found)} findings; wrote {len(chosen)} to {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
