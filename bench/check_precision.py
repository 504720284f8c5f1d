"""Precision of the automatic checks on the corpus, from the human labels in check_labels.yaml.

Reruns every check over tests/data/corpus, joins each finding with its label by (file, pair id,
check code) and prints precision per code and overall, plus the findings nobody has labelled
yet and labels whose finding no longer appears.
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

from reviewer.core.checks import REGISTRY, Finding, run_checks  # noqa: E402
from reviewer.core.fileio import load_document  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
LABELS = ROOT / "tests" / "data" / "check_labels.yaml"

Key = tuple[str, str, str]


def load_labels(path: Path = LABELS) -> dict[Key, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels: dict[Key, str] = {}
    for row in data.get("labels", []):
        verdict = str(row["verdict"]).lower()
        if verdict not in ("tp", "fp"):
            raise ValueError(f"verdict must be tp or fp: {row}")
        labels[(str(row["file"]), str(row["id"]), str(row["code"]))] = verdict
    return labels


def corpus_findings() -> list[Finding]:
    docs = [load_document(p) for p in sorted(CORPUS.glob("*.md")) if p.name != "SOURCES.md"]
    return run_checks(docs)


def key(finding: Finding) -> Key:
    return (Path(finding.path or "").name, finding.pair_id, finding.code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", action="store_true", help="list unlabelled findings")
    args = parser.parse_args(argv)
    labels = load_labels()
    findings = corpus_findings()
    total: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    unlabelled: list[Finding] = []
    seen: set[Key] = set()
    for f in findings:
        total[f.code] += 1
        k = key(f)
        seen.add(k)
        verdict = labels.get(k)
        if verdict == "tp":
            tp[f.code] += 1
        elif verdict == "fp":
            fp[f.code] += 1
        else:
            unlabelled.append(f)
    stale = sorted(k for k in labels if k not in seen)
    rows = []
    for code in REGISTRY:
        judged = tp[code] + fp[code]
        rows.append(
            {
                "code": code,
                "level": REGISTRY[code].level.value,
                "findings": total[code],
                "tp": tp[code],
                "fp": fp[code],
                "precision": round(tp[code] / judged, 3) if judged else None,
            }
        )
    judged_all = sum(tp.values()) + sum(fp.values())
    overall = sum(tp.values()) / judged_all if judged_all else None
    if args.json:
        print(
            json.dumps(
                {
                    "overall": {
                        "findings": len(findings),
                        "tp": sum(tp.values()),
                        "fp": sum(fp.values()),
                        "precision": round(overall, 3) if overall is not None else None,
                        "unlabelled": len(unlabelled),
                        "stale_labels": len(stale),
                    },
                    "per_code": rows,
                }
            )
        )
        return 0
    print(f"{'code':26} {'level':8} {'findings':>8} {'tp':>4} {'fp':>4} {'precision':>9}")
    for r in rows:
        prec = "-" if r["precision"] is None else f"{r['precision']:.0%}"
        print(f"{r['code']:26} {r['level']:8} {r['findings']:8} {r['tp']:4} {r['fp']:4} {prec:>9}")
    shown = "-" if overall is None else f"{overall:.1%}"
    print(
        f"\noverall: {len(findings)} findings, {sum(tp.values())} tp, {sum(fp.values())} fp, "
        f"precision {shown}; {len(unlabelled)} unlabelled; {len(stale)} stale labels"
    )
    if args.show or len(unlabelled) <= 20:
        for f in unlabelled:
            print(f"  unlabelled: {key(f)}: {f.message}")
    for k in stale[:20]:
        print(f"  stale label (no such finding now): {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
