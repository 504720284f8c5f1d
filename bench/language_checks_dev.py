"""Precision and recall of the language checks on the labelled TUNE-split pairs (dev.yaml).

A finding counts as true when its pair holds a labelled error of a kind the check is about
(spelling → spelling; split-compound and compound-hyphen → compound; glossary-term,
forbidden-term and dnt-translated → terminology; untranslated → untranslated; omission-hint →
omission; mistranslation-hint → mistranslation or omission). Recall: labelled errors of the kind
whose pair the check flagged. dev.yaml is for tuning; figures on it are optimistic.

Run: .venv/bin/python bench/language_checks_dev.py [--labels FILE] [--show CODE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import REGISTRY, load_builtin_checks  # noqa: E402

KINDS = {
    "spelling": {"spelling"},
    "split-compound": {"compound"},
    "compound-hyphen": {"compound"},
    "glossary-term": {"terminology"},
    "forbidden-term": {"terminology"},
    "dnt-translated": {"terminology"},
    "untranslated": {"untranslated"},
    "omission-hint": {"omission"},
    "mistranslation-hint": {"mistranslation", "omission"},
}
DEFAULT_LABELS = ROOT / "tests" / "data" / "check_eval" / "dev.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(DEFAULT_LABELS))
    parser.add_argument("--show", action="append", default=[], help="print findings of CODE")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    pairs = yaml.safe_load(Path(args.labels).read_text(encoding="utf-8"))["pairs"]
    load_builtin_checks()
    rows = {}
    for code, kinds in KINDS.items():
        fn = REGISTRY[code].pair_fn
        assert fn is not None
        tp = fp = 0
        flagged_errors = 0
        total_errors = 0
        for p in pairs:
            messages = list(fn(p["source"], p["target"]))
            relevant = [e for e in p["errors"] if e["kind"] in kinds]
            total_errors += len(relevant)
            if messages:
                flagged_errors += len(relevant)
            for m in messages:
                ok = bool(relevant)
                tp += ok
                fp += not ok
                if code in args.show:
                    print(
                        f"{'TP' if ok else 'FP'} {code} {p['id']}: {m}\n   T: {p['target'][:160]}"
                    )
        precision = tp / (tp + fp) if tp + fp else None
        rows[code] = {
            "findings": tp + fp,
            "true": tp,
            "precision": precision,
            "errors": total_errors,
            "errors_flagged": flagged_errors,
        }
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    kinds_total = Counter(e["kind"] for p in pairs for e in p["errors"])
    print(f"{len(pairs)} labelled pairs; errors by kind: {dict(kinds_total)}")
    print(f"{'check':22} {'findings':>8} {'true':>5} {'precision':>9} {'recall':>12}")
    for code, r in rows.items():
        prec = f"{r['precision']:.0%}" if r["precision"] is not None else "-"
        rec = f"{r['errors_flagged']}/{r['errors']}"
        print(f"{code:22} {r['findings']:>8} {r['true']:>5} {prec:>9} {rec:>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
