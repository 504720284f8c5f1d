"""The command line: check (text, JSON, SARIF), export, approve, stats, config and exit codes."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
import yaml

from reviewer.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, build_parser, main
from reviewer.cli.common import Progress
from reviewer.core.checks import REGISTRY, Check, Level
from reviewer.core.config import Config, ConfigError, default_config_path, load_config
from reviewer.core.format import Document, Pair
from reviewer.core.segments import State
from reviewer.core.workspace import open_article

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
NAMES = ("change-nameservers.md", "what-is-a-domain.md", "add-users-to-intune.md")


@pytest.fixture(autouse=True)
def no_user_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read the developer's own config file."""
    monkeypatch.delenv("REVIEWER_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))


def demo_error(source: str, target: str) -> Iterable[str]:
    return ["source names Microsoft"] if "Microsoft" in source else []


def demo_warning(source: str, target: str) -> Iterable[str]:
    return ["long target"] if len(target) > 150 else []


SEEN_DOCS: list[int] = []


def demo_documents(docs: Sequence[Document]) -> Iterable[tuple[Document, Pair, str]]:
    SEEN_DOCS.append(len(docs))
    return []


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Known checks, so counts do not move with the real check set being written elsewhere."""
    for code in list(REGISTRY):
        monkeypatch.delitem(REGISTRY, code)
    checks = [
        Check("demo-error", Level.ERROR, "accuracy/mistranslation", "Demo error", demo_error),
        Check("demo-warning", Level.WARNING, "style/awkward-style", "Demo warning", demo_warning),
        Check("demo-docs", Level.INFO, "terminology/wrong-term", "Demo docs", None, demo_documents),
    ]
    for check in checks:
        monkeypatch.setitem(REGISTRY, check.code, check)
    SEEN_DOCS.clear()


def folder(tmp_path: Path, names: Sequence[str] = NAMES) -> Path:
    out = tmp_path / "articles"
    out.mkdir()
    for name in names:
        shutil.copyfile(CORPUS / name, out / name)
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- check -------------------------------------------------------------------------------


def test_check_text_and_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None
) -> None:
    f = folder(tmp_path)
    code, out, err = run(capsys, "check", str(f))
    assert code == EXIT_FINDINGS and err == ""
    lines = out.splitlines()
    assert lines[-1].startswith("3 files, ") and "errors" in lines[-1]
    # Files in sorted order, each finding located as file:line:column.
    assert lines[0].startswith(str(f / "add-users-to-intune.md") + ":")
    assert any(": error [demo-error] " in line for line in lines)
    assert run(capsys, "check", "--fail-on", "never", str(f))[0] == EXIT_OK
    assert run(capsys, "check", "--fail-on", "warning", str(f))[0] == EXIT_FINDINGS
    # All documents go to the checks together (cross-file consistency).
    assert SEEN_DOCS[-1] == 3


def test_check_without_findings_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None
) -> None:
    f = folder(tmp_path, ["connect-to-the-mscommerce-module.md"])
    doc = open_article(str(f / "connect-to-the-mscommerce-module.md")).session.doc
    assert not any("Microsoft" in p.source for p in doc.pairs)
    code, out, _ = run(capsys, "check", "--fail-on", "error", str(f))
    assert code == EXIT_OK and "0 errors" in out


def test_check_leaves_out_dismissed_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None
) -> None:
    f = folder(tmp_path, ["change-nameservers.md"])
    path = f / "change-nameservers.md"
    ws = open_article(str(path))
    rows = [r for r in range(len(ws.session)) if ws.session.findings(r)]
    for r in rows:
        for finding in ws.session.findings(r):
            ws.session.reviews[r].dismissed.add(finding.code)
    ws.save()
    code, out, _ = run(capsys, "check", "--fail-on", "warning", str(path))
    assert code == EXIT_OK and out.splitlines() == ["1 files, 0 errors, 0 warnings, 0 notes"]


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None) -> None:
    f = folder(tmp_path)
    code, out, _ = run(capsys, "check", "--format", "json", str(f))
    data = json.loads(out)
    assert code == EXIT_FINDINGS and data["files"] == 3
    assert data["counts"]["error"] == sum(x["level"] == "error" for x in data["findings"]) > 0
    assert set(data["findings"][0]) == {
        "path", "line", "column", "id", "code", "level", "category", "title", "message",
    }  # fmt: skip


def test_check_sarif_structure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, demo: None
) -> None:
    f = folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--format", "sarif", "--fail-on", "never", str(f))
    assert code == EXIT_OK
    log = json.loads(out)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    assert len(log["runs"]) == 1
    run0 = log["runs"][0]
    driver = run0["tool"]["driver"]
    assert driver["name"] == "reviewer" and driver["version"]
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == list(REGISTRY) and len(set(rule_ids)) == len(rule_ids)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert run0["results"]
    for result in run0["results"]:
        assert result["ruleId"] in rule_ids
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note", "none"}
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri.startswith("articles/") and uri.endswith(".md")
        region = physical["region"]
        assert isinstance(region["startLine"], int) and region["startLine"] >= 1
        assert isinstance(region["startColumn"], int) and region["startColumn"] >= 1
    # Line and column point at the pair's opener.
    hit = run0["results"][0]
    doc = open_article(
        str(tmp_path / hit["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    ).session.doc
    pair = doc.pair(hit["properties"]["segmentId"])
    assert (pair.line, pair.column) == (
        hit["locations"][0]["physicalLocation"]["region"]["startLine"],
        hit["locations"][0]["physicalLocation"]["region"]["startColumn"],
    )


def test_check_real_registry_on_corpus_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = folder(tmp_path)
    code, out, err = run(capsys, "check", "--format", "sarif", str(f))
    assert code in (EXIT_OK, EXIT_FINDINGS) and err == ""
    assert json.loads(out)["runs"][0]["tool"]["driver"]["rules"]


# -- export ------------------------------------------------------------------------------


def test_export_csv_and_bad_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None
) -> None:
    f = folder(tmp_path)
    out_file = tmp_path / "issues.csv"
    code, out, _ = run(capsys, "export", str(f), "-o", str(out_file))
    assert code == EXIT_OK and out.startswith("wrote ") and "from 3 files" in out
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbfFile,Segment,ID,Line,")
    code, _, err = run(capsys, "export", str(f), "-o", str(tmp_path / "issues.txt"))
    assert code == EXIT_INPUT and "issues.txt" in err and ".xlsx" in err


# -- approve -----------------------------------------------------------------------------


def test_approve_clean_changes_only_the_sidecar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None
) -> None:
    f = folder(tmp_path, ["change-nameservers.md"])
    path = f / "change-nameservers.md"
    before = path.read_bytes()
    ws = open_article(str(path))
    dirty = [r for r in range(len(ws.session)) if not ws.session.is_clean(r)]
    assert dirty  # the demo error finds "Microsoft" in some sources
    code, out, _ = run(capsys, "approve", "--clean", "--dry-run", str(path))
    n = len(ws.session) - len(dirty)
    assert code == EXIT_OK and f"would approve {n} segments" in out
    assert not Path(ws.sidecar_path).exists()
    code, out, _ = run(capsys, "--user", "kim", "approve", "--clean", str(path))
    assert code == EXIT_OK and f"{path}: approved {n} segments" in out
    assert path.read_bytes() == before
    reviews = open_article(str(path)).session.reviews
    assert [r.state is State.APPROVED for r in reviews] == [
        k not in dirty for k in range(len(reviews))
    ]
    assert {r.changed_by for r in reviews if r.state is State.APPROVED} == {"kim"}
    # Running it again changes nothing more.
    assert "approved 0 segments" in run(capsys, "approve", "--clean", str(path))[1]


def test_approve_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None) -> None:
    f = folder(tmp_path)
    path = f / "change-nameservers.md"
    before = {p: p.read_bytes() for p in f.iterdir()}
    code, out, _ = run(
        capsys,
        "approve",
        "--ids",
        "da2f2-102,da2f2-103",
        "--ids",
        "da2f2-106",
        "--user",
        "ann",
        str(f),
    )
    assert code == EXIT_OK
    assert f"{path}: approved 3 segments" in out and "approved 3 segments in 3 files" in out
    assert all(p.read_bytes() == b for p, b in before.items())
    states = [r.state for r in open_article(str(path)).session.reviews]
    assert [s is State.APPROVED for s in states][:5] == [True, True, False, True, False]
    assert not (f / "what-is-a-domain.md.review.yaml").exists()
    # --ids with --clean: only the clean ones among them (the demo error hits da2f2-p101).
    code, out, _ = run(capsys, "approve", "--clean", "--ids", "da2f2-p101,da2f2-107", str(path))
    assert code == EXIT_OK and "approved 1 segments" in out
    reviews = open_article(str(path)).session.reviews
    assert reviews[2].pair_id == "da2f2-p101" and reviews[2].state is State.UNREVIEWED
    assert reviews[4].pair_id == "da2f2-107" and reviews[4].state is State.APPROVED
    code, out, err = run(capsys, "approve", "--ids", "nope-101", str(path))
    assert code == EXIT_INPUT and "nope-101" in err


def test_approve_needs_a_selection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = folder(tmp_path, ["change-nameservers.md"])
    code, _, err = run(capsys, "approve", str(f))
    assert code == EXIT_INPUT and "--ids" in err


# -- stats -------------------------------------------------------------------------------


def test_stats_text_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo: None
) -> None:
    f = folder(tmp_path)
    run(capsys, "approve", "--ids", "da2f2-102", str(f))
    code, out, _ = run(capsys, "stats", str(f))
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == f"project {f}" and lines[1].split()[:3] == ["path", "segs", "words"]
    assert [line.split()[0] for line in lines[2:5]] == sorted(NAMES)
    total = lines[-1].split()
    assert total[:3] == ["TOTAL", "(3", "files)"] and total[3:6] == ["38", "414", "37"]
    assert "100.00  3 pass, 0 fail" in lines[-1]
    code, out, _ = run(capsys, "stats", "--format", "json", str(f / "change-nameservers.md"))
    data = json.loads(out)
    (file_stats,) = data["files"]
    assert file_stats["pairs"] == 9 and file_stats["words"] == 92
    assert file_stats["states"]["approved"] == 1 and file_stats["states"]["unreviewed"] == 8
    assert file_stats["mqm"]["passed"] is True and file_stats["mqm"]["threshold"] == 95.0
    assert file_stats["post_edit_distance"]["normalized"] == 0.0
    assert data["total"]["files"] == 1


# -- exit code 2 ---------------------------------------------------------------------------


def test_unreadable_article_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = folder(tmp_path, ["change-nameservers.md"])
    bad = f / "latin1.md"
    bad.write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    for command in ("check", "stats", "export"):
        extra = ["-o", str(tmp_path / "x.json")] if command == "export" else []
        code, _, err = run(capsys, command, str(f), *extra)
        assert code == EXIT_INPUT, command
        assert f"{bad}:2:11:" in err and "Traceback" not in err


def test_bad_sidecar_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = folder(tmp_path, ["change-nameservers.md"])
    side = f / "change-nameservers.md.review.yaml"
    side.write_text("schema: 1\nsegments: [\n")
    code, _, err = run(capsys, "approve", "--clean", str(f))
    assert code == EXIT_INPUT and f"{side}:" in err and "Traceback" not in err
    assert side.read_text() == "schema: 1\nsegments: [\n"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == EXIT_INPUT
    assert main(["check", "--fail-on", "sometimes", "x.md"]) == EXIT_INPUT
    assert main([]) == EXIT_INPUT


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "exit codes:" in out and "  2  unreadable input" in out
    for command in ("verify", "check", "export", "approve", "stats"):
        assert command in out
    help_check = build_parser().parse_args(["check", "x.md"])
    assert help_check.fail_on == "error" and help_check.format == "text"


# -- config --------------------------------------------------------------------------------


def test_config_flag_env_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, demo: None
) -> None:
    f = folder(tmp_path, ["change-nameservers.md"])
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("reviewer: Kim\ndisabled_checks: [demo-error]\nmqm_threshold: 99\n")
    assert load_config(str(cfg)) == Config("Kim", {"demo-error"}, 99.0, str(cfg))
    # The disabled check disappears; the option works before or after the command.
    assert run(capsys, "--config", str(cfg), "check", str(f))[0] == EXIT_OK
    assert run(capsys, "check", "--config", str(cfg), str(f))[0] == EXIT_OK
    monkeypatch.setenv("REVIEWER_CONFIG", str(cfg))
    assert default_config_path() == str(cfg)
    assert run(capsys, "check", str(f))[0] == EXIT_OK
    code, out, _ = run(capsys, "stats", "--format", "json", str(f))
    assert json.loads(out)["files"][0]["mqm"]["threshold"] == 99.0
    run(capsys, "approve", "--ids", "da2f2-102", str(f))
    side = yaml.safe_load((f / "change-nameservers.md.review.yaml").read_text())
    assert side["segments"][0]["changed_by"] == "Kim"
    # A broken config: exit 2 with the file named, no traceback.
    cfg.write_text("mqm_threshold: high\n")
    code, _, err = run(capsys, "check", str(f))
    assert code == EXIT_INPUT and str(cfg) in err and "mqm_threshold" in err
    monkeypatch.delenv("REVIEWER_CONFIG")
    code, _, err = run(capsys, "--config", str(tmp_path / "none.yaml"), "check", str(f))
    assert code == EXIT_INPUT and "none.yaml" in err and "no such file" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reviewer: [a\n", "not valid YAML"),
        ("- a list\n", "must be a YAML mapping"),
        ("reviewr: Kim\n", "unknown key 'reviewr'"),
        ("disabled_checks: 3\n", "list of check codes"),
        ("mqm_threshold: 101\n", "0-100"),
        ("mqm_threshold: true\n", "must be a number"),
        ("!!python/object/apply:os.system ['true']\n", "not valid YAML"),
    ],
)
def test_bad_config_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(str(cfg))
    assert str(cfg) in str(info.value)


def test_default_config_location_may_be_missing(tmp_path: Path) -> None:
    path = default_config_path()
    assert path.endswith("reviewer/config.yaml") and not Path(path).exists()
    assert load_config() == Config()
    assert Config().mqm_threshold == 95.0
    # Only the checks that are off by default are off.
    off = {code for code, check in REGISTRY.items() if not check.default_on}
    assert Config().check_config().disabled == off


# -- progress ------------------------------------------------------------------------------


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    tty = Tty()
    p = Progress("checking", 46, tty)
    p.step(12)
    p.clear()
    assert "\rchecking 12/46 files" in tty.getvalue() and tty.getvalue().endswith("\r")
    quiet = io.StringIO()
    q = Progress("checking", 46, quiet)
    q.step(12)
    q.clear()
    assert quiet.getvalue() == ""


def test_verify_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "verify", str(CORPUS / "change-nameservers.md"))
    assert code == EXIT_OK and out == "1 files, 9 pairs, 0 warnings, 0 failures\n"


def test_closed_pipe_ends_quietly() -> None:
    import subprocess
    import sys

    # The reader closes after a few bytes, as `reviewer check . --format sarif | head -c 50` does;
    # the corpus report is far larger than a pipe buffer, so the writer does meet the closed pipe.
    with subprocess.Popen(
        [sys.executable, "-m", "reviewer", "check", str(CORPUS), "--format", "sarif"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.read(50)
        child.stdout.close()
        stderr = child.stderr.read().decode()
        code = child.wait(timeout=60)
    assert "Traceback" not in stderr
    assert code == EXIT_OK
