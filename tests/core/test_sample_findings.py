"""bench/sample_findings.py: per-check quotas under a total, focus checks, judged keys."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import sample_findings  # noqa: E402
from sample_findings import Finding  # noqa: E402

from reviewer.core.checks import REGISTRY, load_builtin_checks  # noqa: E402


def findings(sizes: dict[str, int]) -> dict[tuple[str, str, str], Finding]:
    out = {}
    for code, n in sizes.items():
        for i in range(n):
            f = Finding(f"a{i % 7}.md", f"id-{i}", code, "source", "target", ["message"])
            out[f.key] = f
    return out


def test_quota_is_lowered_alike_until_the_total_fits() -> None:
    assert sample_findings.quotas([100, 50, 3], 30, None) == 30
    assert sample_findings.quotas([100, 50, 3], 30, 43) == 20
    assert sample_findings.quotas([100, 50, 3], 30, 0) == 0


def test_focus_checks_keep_the_full_quota_and_the_others_share_the_rest() -> None:
    load_builtin_checks()
    found = findings({"compound-hyphen": 80, "bold": 80, "double-space": 80, "numbers": 2})
    chosen, counts = sample_findings.sample(found, 1, 30, 10, 50, frozenset({"compound-hyphen"}))
    per_code = Counter(f.code for f in chosen)
    assert per_code["compound-hyphen"] == 30
    assert per_code["numbers"] == 2  # fewer findings than the quota: all of them
    assert per_code["bold"] == per_code["double-space"] == 9
    assert sum(per_code.values()) <= 50
    assert counts["bold"] == (80, 9) and set(counts) == set(REGISTRY)
    again, _ = sample_findings.sample(found, 1, 30, 10, 50, frozenset({"compound-hyphen"}))
    assert [f.key for f in again] == [f.key for f in chosen]


def test_judged_keys_read_every_verdict(tmp_path: Path) -> None:
    path = tmp_path / "findings.yaml"
    path.write_text(
        "findings:\n- {file: a.md, id: x-1, code: bold, verdict: true, note: ''}\n"
        "- {file: b.md, id: x-2, code: numbers, verdict: false, note: 'ok'}\n",
        encoding="utf-8",
    )
    assert sample_findings.judged_keys([path]) == {
        ("a.md", "x-1", "bold"),
        ("b.md", "x-2", "numbers"),
    }
