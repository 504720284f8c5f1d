"""Check quality on labelled data: precision per check, recall per error kind, the overall goal.

Reads whatever exists in the label folder (default tests/data/check_eval, schema in its
README.md):

- pair sets ``census.yaml`` (held-out, random: the recall census), ``rich.yaml`` (held-out,
  pairs with code, numbers or markup) and ``dev.yaml`` (TUNE split, for tuning): each pair is
  checked, and every error kind's recall is the share of pairs holding that kind that got at
  least one finding at warning level or above (also given at any level);
- verdict files ``findings.yaml`` (held-out), ``dev-findings.yaml`` (TUNE split) and
  ``corpus-findings.yaml`` (tests/data/corpus): each verdict is joined with a fresh run by
  (file, id, check code) for each check's precision. A verdict on a pair outside the pair sets
  carries its ``source`` and ``target``, and one of a document check its ``context`` (the
  sxs-lookup text of the pairs that check compares), so no article set is needed.

Findings that no verdict covers are listed (``--show-unjudged``) and can be written as a
skeleton for a judge to fill in (``--skeleton FILE``); on a pair outside the pair sets, which
was sampled for one check's finding, the other checks' findings belong to no sample and are
only counted. Pair sets are checked pair by pair, so document-level checks (consistency,
register) only count on the corpus, where whole articles are read, and on verdicts that carry
their context. Goal lines: at least 50% of the census's error pairs flagged, at most 10% of
its clean pairs, every check at 80% precision or more.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core import yamlio  # noqa: E402
from reviewer.core.checks import (  # noqa: E402
    REGISTRY,
    Level,
    document_checks,
    load_builtin_checks,
    pair_checks,
)
from reviewer.core.checks import run_checks as run_document_checks  # noqa: E402
from reviewer.core.checks.running import superseded  # noqa: E402
from reviewer.core.config import Config  # noqa: E402
from reviewer.core.fileio import load_document  # noqa: E402
from reviewer.core.format import parse_text  # noqa: E402
from reviewer.core.profiles import resolve  # noqa: E402

DATA = ROOT / "tests" / "data" / "check_eval"
CORPUS = ROOT / "tests" / "data" / "corpus"
# shared/ lies beside the repository (/work/main) or two levels up from a worktree (/work/wt/x).
ARTICLES = next(
    (p / "shared" / "articles" for p in ROOT.parents if (p / "shared" / "articles").is_dir()),
    ROOT.parent / "shared" / "articles",
)
PAIR_SETS = (
    ("census", "held-out"),
    ("rich", "held-out"),
    ("dev", "tuning"),
    ("dev2", "tuning"),
    ("dev3", "tuning"),
)
VERDICT_FILES = (
    ("findings", "held-out"),
    ("dev-findings", "tuning"),
    ("corpus-findings", "tuning"),
)
FLAG_LEVELS = {Level.ERROR, Level.WARNING}
PRECISION_GOAL, RECALL_GOAL, CLEAN_GOAL = 0.8, 0.5, 0.1

Key = tuple[str, str, str]  # (file, pair id, check code)


@dataclass(frozen=True, slots=True)
class Found:
    file: str
    id: str
    code: str
    level: Level
    message: str
    default_on: bool  # the check runs under the default profile

    @property
    def key(self) -> Key:
        return (self.file, self.id, self.code)


@dataclass(slots=True)
class LabelledPair:
    file: str
    id: str
    source: str
    target: str
    kinds: list[str]


@dataclass(slots=True)
class Verdicts:
    name: str
    split: str
    by_key: dict[Key, bool] = field(default_factory=dict)
    pairs_from: str = ""  # "corpus": files are tests/data/corpus articles
    # Source and target given in the verdict file itself, so it needs no article set.
    texts: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    # For a document check's verdict: sxs-lookup text of the pairs that check compares.
    contexts: dict[tuple[str, str], str] = field(default_factory=dict)


def read_yaml(path: Path) -> Any:
    return yamlio.safe_load_fast(path.read_text(encoding="utf-8"))


def load_pairs(path: Path) -> list[LabelledPair]:
    data = read_yaml(path) or {}
    out = []
    for row in data.get("pairs") or []:
        kinds = [str(e.get("kind", "other")) for e in row.get("errors") or []]
        out.append(
            LabelledPair(
                str(row["file"]), str(row["id"]), str(row["source"]), str(row["target"]), kinds
            )
        )
    return out


def load_verdicts(path: Path, name: str, split: str) -> Verdicts:
    data = read_yaml(path) or {}
    meta = data.get("meta") or {}
    verdicts = Verdicts(name, split, pairs_from=str(meta.get("pairs_from", "")))
    for row in data.get("findings") or []:
        verdict = row.get("verdict")
        if verdict is None:
            continue  # a skeleton line nobody judged yet
        if isinstance(verdict, str):
            verdict = verdict.strip().lower() in ("true", "tp", "yes")
        key = (str(row["file"]), str(row["id"]), str(row["code"]))
        verdicts.by_key[key] = bool(verdict)
        if row.get("source") is not None and row.get("target") is not None:
            verdicts.texts[(key[0], key[1])] = (str(row["source"]), str(row["target"]))
        if row.get("context") is not None:
            verdicts.contexts[(key[0], key[1])] = str(row["context"])
    return verdicts


# -- running the checks ------------------------------------------------------------------------


class Runner:
    """Every registered check (also those off by default), levels as the default profile has
    them; findings of pair checks for one (source, target), or of all checks for an article."""

    def __init__(self) -> None:
        load_builtin_checks()
        self.every = resolve(Config(profile="all"))
        self.default = resolve(Config())
        self.checks = [(c, self.default.level(c)) for c in pair_checks(self.every)]

    def pair(self, file: str, pair_id: str, source: str, target: str) -> list[Found]:
        out = []
        for check, level in self.checks:
            fn = check.pair_fn
            assert fn is not None
            for message in fn(source, target):
                on = self.default.enabled(check)
                out.append(Found(file, pair_id, check.code, level, message, on))
        # One problem, one finding, as run_checks reports them.
        drop = superseded([(f.code, f.message) for f in out]) if len(out) > 1 else set()
        return [f for i, f in enumerate(out) if i not in drop]

    def excerpt(self, file: str, pair_id: str, text: str) -> list[Found]:
        """Findings of the document checks on one pair, run over an excerpt of its article."""
        doc = parse_text(text, path=file)
        out = []
        for check in document_checks(self.every):
            fn = check.document_fn
            assert fn is not None
            level, on = self.default.level(check), self.default.enabled(check)
            for _, pair, message in fn([doc]):
                if pair.id == pair_id:
                    out.append(Found(file, pair_id, check.code, level, message, on))
        return out

    def articles(self, paths: Sequence[Path], name_of: dict[Path, str]) -> list[Found]:
        docs = [load_document(str(p)) for p in paths]
        out = []
        for f in run_document_checks(docs, self.every):
            check = REGISTRY[f.code]
            level = self.default.level(check)
            name = name_of[Path(f.path or "")]
            out.append(
                Found(name, f.pair_id, f.code, level, f.message, self.default.enabled(check))
            )
        return out


# -- figures -------------------------------------------------------------------------------------


def recall(pairs: list[LabelledPair], found: dict[tuple[str, str], list[Found]]) -> dict[str, Any]:
    """Per error kind and overall: how many labelled pairs got a finding (warning+ / any)."""

    def flagged(p: LabelledPair, any_level: bool) -> bool:
        return any(
            f.default_on and (any_level or f.level in FLAG_LEVELS)
            for f in found.get((p.file, p.id), [])
        )

    kinds: dict[str, list[LabelledPair]] = defaultdict(list)
    for p in pairs:
        for kind in dict.fromkeys(p.kinds):
            kinds[kind].append(p)
    per_kind = {
        kind: {
            "pairs": len(members),
            "flagged": sum(flagged(p, False) for p in members),
            "flagged_any_level": sum(flagged(p, True) for p in members),
        }
        for kind, members in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    }
    errors = [p for p in pairs if p.kinds]
    clean = [p for p in pairs if not p.kinds]
    overall = {
        "pairs": len(pairs),
        "error_pairs": len(errors),
        "error_pairs_flagged": sum(flagged(p, False) for p in errors),
        "error_pairs_flagged_any_level": sum(flagged(p, True) for p in errors),
        "clean_pairs": len(clean),
        "clean_pairs_flagged": sum(flagged(p, False) for p in clean),
        "clean_pairs_flagged_any_level": sum(flagged(p, True) for p in clean),
    }
    return {"per_kind": per_kind, "overall": overall}


def pair_outcomes(
    pairs: list[LabelledPair], found: dict[tuple[str, str], list[Found]]
) -> dict[str, Counter[str]]:
    """Per check: findings on pairs with a labelled error and on clean pairs (a finding on a
    clean pair is a false alarm for sure; one on an error pair is likely, not surely, true)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        for f in found.get((p.file, p.id), []):
            out[f.code]["on_error_pairs" if p.kinds else "on_clean_pairs"] += 1
    return out


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


# -- the run -----------------------------------------------------------------------------------


def evaluate(data: Path, articles: Path | None, only_split: str | None = None) -> dict[str, Any]:
    """Figures over the label files in ``data``; ``only_split`` ("tuning" or "held-out")
    reads only the files of that split, so tuning never touches held-out pairs."""
    runner = Runner()
    pair_sets: dict[str, tuple[str, list[LabelledPair]]] = {}
    for name, split in PAIR_SETS:
        path = data / f"{name}.yaml"
        if path.is_file() and only_split in (None, split):
            pair_sets[name] = (split, load_pairs(path))
    verdict_sets = [
        load_verdicts(data / f"{name}.yaml", name, split)
        for name, split in VERDICT_FILES
        if (data / f"{name}.yaml").is_file() and only_split in (None, split)
    ]
    # Every labelled pair once, with its findings.
    found: dict[tuple[str, str], list[Found]] = {}
    texts: dict[tuple[str, str], tuple[str, str]] = {}
    for _, members in pair_sets.values():
        for p in members:
            texts[(p.file, p.id)] = (p.source, p.target)
    for (file, pair_id), (source, target) in texts.items():
        found[(file, pair_id)] = runner.pair(file, pair_id, source, target)

    precision_rows: dict[str, dict[str, Any]] = {}
    unjudged: list[Found] = []
    stale: list[tuple[str, Key, bool]] = []
    not_run: set[tuple[str, str]] = set()
    labelled = set(texts)
    outside_sample = 0
    for verdicts in verdict_sets:
        run = _findings_for(verdicts, runner, found, articles, not_run)
        seen: set[Key] = set()
        for f in run:
            seen.add(f.key)
            verdict = verdicts.by_key.get(f.key)
            if (
                verdict is None
                and verdicts.pairs_from != "corpus"
                and (f.file, f.id) not in labelled
            ):
                # A pair sampled for one check's finding: the other checks' findings on it
                # belong to no check's sample, so they are neither judged nor asked for.
                outside_sample += 1
                continue
            row = precision_rows.setdefault(f.code, {})
            cell = row.setdefault(verdicts.split, Counter())
            if verdict is None:
                unjudged.append(f)
                cell["unjudged"] += 1
            else:
                cell["tp" if verdict else "fp"] += 1
        for key, verdict in verdicts.by_key.items():
            if key not in seen and key[2] in REGISTRY and (key[0], key[1]) not in not_run:
                stale.append((verdicts.name, key, verdict))
    # Findings on labelled pairs that no verdict file covers are unjudged too.
    judged_keys = {k for v in verdict_sets for k in v.by_key}
    listed = {f.key for f in unjudged}
    for pair_key, on_pair in found.items():
        if pair_key not in labelled:
            continue
        for finding in on_pair:
            if finding.key not in judged_keys and finding.key not in listed:
                unjudged.append(finding)
                listed.add(finding.key)

    checks = []
    for code, check in REGISTRY.items():
        row = precision_rows.get(code, {})
        entry: dict[str, Any] = {
            "code": code,
            "level": runner.default.level(check).value,
            "enabled_by_default": runner.default.enabled(check),
            "category": check.category,
        }
        for split in ("held-out", "tuning"):
            cell = row.get(split, Counter())
            judged = cell["tp"] + cell["fp"]
            entry[split] = {
                "tp": cell["tp"],
                "fp": cell["fp"],
                "unjudged": cell["unjudged"],
                "precision": ratio(cell["tp"], judged),
            }
        checks.append(entry)

    recall_sets = {name: recall(members, found) for name, (_, members) in pair_sets.items()}
    outcomes = {
        name: {code: dict(c) for code, c in sorted(pair_outcomes(members, found).items())}
        for name, (_, members) in pair_sets.items()
    }
    return {
        "data": str(data),
        "pair_sets": {name: len(m) for name, (_, m) in pair_sets.items()},
        "verdict_files": {v.name: len(v.by_key) for v in verdict_sets},
        "checks": checks,
        "recall": recall_sets,
        "findings_on_labelled_pairs": outcomes,
        "unjudged": [_found_row(f) for f in unjudged],
        "stale_verdicts": [
            {"file": k[0], "id": k[1], "code": k[2], "verdict": v, "in": name}
            for name, k, v in stale
        ],
        "verdicts_not_rerun": len(not_run),
        "outside_sample": outside_sample,
    }


def _findings_for(
    verdicts: Verdicts,
    runner: Runner,
    found: dict[tuple[str, str], list[Found]],
    articles: Path | None,
    not_run: set[tuple[str, str]],
) -> list[Found]:
    """Fresh findings on every pair a verdict file speaks of. Corpus verdicts get a run of all
    checks over the whole corpus (so consistency checks count, and new findings show up)."""
    wanted = {(k[0], k[1]) for k in verdicts.by_key}
    if verdicts.pairs_from == "corpus":
        paths = sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md")
        return runner.articles(paths, {p: p.name for p in paths})
    out: list[Found] = []
    by_file: dict[str, set[str]] = defaultdict(set)
    for file, pair_id in sorted(wanted):
        if (file, pair_id) not in found and (file, pair_id) in verdicts.texts:
            source, target = verdicts.texts[(file, pair_id)]
            found[(file, pair_id)] = runner.pair(file, pair_id, source, target)
            if (file, pair_id) in verdicts.contexts:
                context = verdicts.contexts[(file, pair_id)]
                found[(file, pair_id)] += runner.excerpt(file, pair_id, context)
        if (file, pair_id) in found:
            out.extend(found[(file, pair_id)])
        else:
            by_file[file].add(pair_id)
    for file, ids in sorted(by_file.items()):
        path = articles / file if articles is not None else None
        if path is None or not path.is_file():
            not_run.update((file, pair_id) for pair_id in ids)
            continue
        doc = load_document(str(path))
        for pair_id in sorted(ids):
            try:
                pair = doc.pair(pair_id)
            except KeyError:
                not_run.add((file, pair_id))
                continue
            found[(file, pair_id)] = runner.pair(file, pair_id, pair.source, pair.target)
            out.extend(found[(file, pair_id)])
    return out


def _found_row(f: Found) -> dict[str, Any]:
    return {
        "file": f.file,
        "id": f.id,
        "code": f.code,
        "level": f.level.value,
        "message": f.message,
    }


# -- output -----------------------------------------------------------------------------------


def print_report(result: dict[str, Any], show_unjudged: bool) -> None:
    sets = ", ".join(f"{k} {v} pairs" for k, v in result["pair_sets"].items()) or "no pair sets"
    verdicts = ", ".join(f"{k} {v}" for k, v in result["verdict_files"].items()) or "none"
    print(f"labels in {result['data']}: {sets}; verdicts: {verdicts}")
    print("\nprecision per check (verdicts joined by file, id and code; goal >= 80%)")
    print(f"  {'code':26} {'level':8} {'on':3} {'held-out':>16} {'tuning':>16} {'unjudged':>9}")
    for c in result["checks"]:
        cells = []
        for split in ("held-out", "tuning"):
            s = c[split]
            judged = s["tp"] + s["fp"]
            cells.append(f"{s['tp']}/{judged} {percent(s['precision']):>4}" if judged else "-")
        unjudged = c["held-out"]["unjudged"] + c["tuning"]["unjudged"]
        on = "yes" if c["enabled_by_default"] else "off"
        print(f"  {c['code']:26} {c['level']:8} {on:3} {cells[0]:>16} {cells[1]:>16} {unjudged:>9}")
    for name, figures in result["recall"].items():
        o = figures["overall"]
        print(f"\nrecall per error kind on {name} ({o['pairs']} pairs; flagged = a finding at")
        print("warning level or above from a check on by default; also at any level)")
        print(f"  {'kind':16} {'pairs':>5} {'flagged':>12} {'any level':>12}")
        for kind, k in figures["per_kind"].items():
            flagged = f"{k['flagged']} {percent(ratio(k['flagged'], k['pairs'])):>4}"
            anyl = (
                f"{k['flagged_any_level']} {percent(ratio(k['flagged_any_level'], k['pairs'])):>4}"
            )
            print(f"  {kind:16} {k['pairs']:5} {flagged:>12} {anyl:>12}")
        err = ratio(o["error_pairs_flagged"], o["error_pairs"])
        clean = ratio(o["clean_pairs_flagged"], o["clean_pairs"])
        print(
            f"  error pairs flagged: {o['error_pairs_flagged']}/{o['error_pairs']} "
            f"{percent(err)} (any level {o['error_pairs_flagged_any_level']}; goal >= 50%)"
        )
        print(
            f"  clean pairs flagged: {o['clean_pairs_flagged']}/{o['clean_pairs']} "
            f"{percent(clean)} (any level {o['clean_pairs_flagged_any_level']}; goal <= 10%)"
        )
        outcomes = result["findings_on_labelled_pairs"][name]
        if outcomes:
            print("  findings on error / clean pairs, per check:")
            for code, c in outcomes.items():
                print(
                    f"    {code:26} {c.get('on_error_pairs', 0):4} / {c.get('on_clean_pairs', 0)}"
                )
    unjudged = result["unjudged"]
    stale = result["stale_verdicts"]
    print(f"\n{result.get('unjudged_count', len(unjudged))} findings without a verdict", end="")
    print(f"; {stale if isinstance(stale, int) else len(stale)} verdicts whose", end="")
    print(" finding no longer appears", end="")
    print(f"; {result['verdicts_not_rerun']} verdicts on pairs not found (no --articles?)")
    if result.get("outside_sample"):
        print(
            f"  ({result['outside_sample']} findings of other checks on pairs sampled for one"
            " check's finding are in no sample and not counted)"
        )
    for row in unjudged if show_unjudged else unjudged[:10]:
        print(f"  unjudged {row['file']} {row['id']} [{row['code']}] {row['message']}")
    if not show_unjudged and len(unjudged) > 10:
        print("  … (--show-unjudged lists all, --skeleton FILE writes them for a judge)")


def write_skeleton(result: dict[str, Any], path: Path) -> int:
    rows = [
        {
            "file": r["file"],
            "id": r["id"],
            "code": r["code"],
            "message": r["message"],
            "verdict": None,
            "note": "",
        }
        for r in result["unjudged"]
    ]
    text = "# Unjudged findings: set verdict to true (a real problem) or false, add a note.\n"
    text += yamlio.dump_fast({"findings": rows}, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return len(rows)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DATA), help="label folder (default: %(default)s)")
    parser.add_argument(
        "--articles",
        default=str(ARTICLES),
        help="article folder for verdicts on pairs outside the pair sets (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-unjudged", action="store_true", help="list every unjudged finding")
    parser.add_argument("--skeleton", metavar="FILE", help="write unjudged findings for a judge")
    parser.add_argument(
        "--split",
        choices=("tuning", "held-out"),
        help="read only the label files of one split (tuning: dev.yaml and the tuning verdicts)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="aggregate figures only: no finding is listed (for reports on held-out data)",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    articles = Path(args.articles) if args.articles and Path(args.articles).is_dir() else None
    result = evaluate(Path(args.data), articles, args.split)
    if args.summary:
        result["unjudged_count"] = len(result["unjudged"])
        result["unjudged"] = []
        result["stale_verdicts"] = len(result["stale_verdicts"])
    if args.skeleton:
        n = write_skeleton(result, Path(args.skeleton))
        print(f"wrote {n} unjudged findings to {args.skeleton}", file=sys.stderr)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_report(result, args.show_unjudged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
