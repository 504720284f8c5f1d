"""bench/check_quality.py on a five-pair fixture: figures, JSON, unjudged list and skeleton."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "check_eval_fixture"
sys.path.insert(0, str(ROOT / "bench"))

import check_quality  # noqa: E402


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert check_quality.main(["--data", str(FIXTURE), "--articles", "", *args]) == 0
    return capsys.readouterr().out


def test_json_figures(capsys: pytest.CaptureFixture[str]) -> None:
    result = json.loads(run(capsys, "--json"))
    assert result["pair_sets"] == {"census": 5}
    overall = result["recall"]["census"]["overall"]
    assert overall["error_pairs"] == 4 and overall["clean_pairs"] == 1
    assert overall["error_pairs_flagged"] == 3 and overall["clean_pairs_flagged"] == 0
    kinds = result["recall"]["census"]["per_kind"]
    assert kinds["markup"] == {"pairs": 2, "flagged": 2, "flagged_any_level": 2}
    assert kinds["grammar"]["flagged"] == 0
    checks = {c["code"]: c for c in result["checks"]}
    assert checks["formatting-boundary"]["held-out"] == {
        "tp": 1,
        "fp": 0,
        "unjudged": 0,
        "precision": 1.0,
    }
    assert checks["identifier"]["held-out"]["precision"] == 0.0
    assert [s["code"] for s in result["stale_verdicts"]] == ["bold"]
    # Findings on labelled pairs: none on the clean pair.
    outcomes = result["findings_on_labelled_pairs"]["census"]
    assert all(c.get("on_clean_pairs", 0) == 0 for c in outcomes.values())


def test_text_report_and_skeleton(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = run(capsys)
    assert "precision per check" in out and "recall per error kind on census" in out
    assert "error pairs flagged: 3/4" in out and "clean pairs flagged: 0/1" in out
    assert "unjudged fixture/a.md aaaaa-105 [bold-punctuation]" in out
    skeleton = tmp_path / "skeleton.yaml"
    run(capsys, "--skeleton", str(skeleton), "--show-unjudged")
    rows = yaml.safe_load(skeleton.read_text(encoding="utf-8"))["findings"]
    # Every finding without a verdict, ready for a judge: verdict left empty.
    row = next(r for r in rows if (r["id"], r["code"]) == ("aaaaa-105", "bold-punctuation"))
    assert row["verdict"] is None and "'.'" in row["message"]
    assert all(r["verdict"] is None and r["message"] for r in rows)
    judged = {("aaaaa-102", "formatting-boundary"), ("aaaaa-103", "identifier")}
    assert not judged & {(r["id"], r["code"]) for r in rows}


def test_real_label_files_load() -> None:
    """The shipped verdict files parse and name registered checks (held-out ones may be
    missing until they are merged in)."""
    data = ROOT / "tests" / "data" / "check_eval"
    from reviewer.core.checks import REGISTRY

    for name, split in check_quality.VERDICT_FILES:
        path = data / f"{name}.yaml"
        if path.is_file():
            verdicts = check_quality.load_verdicts(path, name, split)
            assert verdicts.by_key
            retired = {"missing-modal", "options"}
            assert {k[2] for k in verdicts.by_key} <= set(REGISTRY) | retired


def _pair(pair_id: str, source: str, target: str) -> str:
    return (
        f'<span data-ttu-id="{pair_id}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pair_id}">{source}</span></span>'
    )


def test_sampled_verdicts_rerun_without_the_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Verdicts on pairs outside the pair sets carry their texts; a document check's verdict
    carries the excerpt it compares. Other checks' findings on a sampled pair are no sample."""
    (tmp_path / "census.yaml").write_text(
        (FIXTURE / "census.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    context = "\n\n".join(
        [
            _pair("bbbbb-101", "You can do this.", "U kunt dit doen."),
            _pair("bbbbb-102", "You can do that.", "Je kunt dat doen."),
        ]
    )
    rows = [
        {
            "file": "sample/b.md",
            "id": "bbbbb-102",
            "code": "register-mix",
            "message": "informal je",
            "verdict": True,
            "note": "",
            "source": "You can do that.",
            "target": "Je kunt dat doen.",
            "context": context,
        },
        {  # the same kind of verdict without its excerpt cannot be rerun: stale
            "file": "sample/c.md",
            "id": "ccccc-102",
            "code": "register-mix",
            "message": "informal je",
            "verdict": True,
            "note": "",
            "source": "You can do that.",
            "target": "Je kunt dat doen.",
        },
        {  # sampled for formatting-boundary; bold-punctuation fires on it too
            "file": "sample/d.md",
            "id": "ddddd-101",
            "code": "formatting-boundary",
            "message": "bold text **op Volgende.** begins with 'op'",
            "verdict": True,
            "note": "",
            "source": "Click **Next**.",
            "target": "Klik **op Volgende.**",
        },
    ]
    (tmp_path / "findings.yaml").write_text(
        yaml.safe_dump({"findings": rows}, allow_unicode=True), encoding="utf-8"
    )
    assert check_quality.main(["--data", str(tmp_path), "--articles", "", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    checks = {c["code"]: c for c in result["checks"]}
    assert checks["register-mix"]["held-out"]["tp"] == 1
    assert checks["formatting-boundary"]["held-out"]["tp"] == 1
    assert [(s["id"], s["code"]) for s in result["stale_verdicts"]] == [
        ("ccccc-102", "register-mix")
    ]
    assert result["outside_sample"] >= 1
    assert not [u for u in result["unjudged"] if u["file"].startswith("sample/")]
