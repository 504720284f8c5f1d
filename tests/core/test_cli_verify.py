"""`reviewer verify` over the corpus, in process and as the installed commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import EXIT_INPUT, EXIT_OK, main
from tests.strategies import CORPUS, article_names, corpus_bytes, source_rows

# 46 articles plus SOURCES.md (a .md with no pairs); 9 warnings = 2 broken front matters
# (troubleshoot-presence-issues-outlook.md, find-status-of-your-microsoft-365-ticket.md)
# + 3 + 4 &quot;-corrupted fragments.
FILES = len(source_rows()) + 1
PAIRS = sum(row.pairs for row in source_rows())
SUMMARY = f"{FILES} files, {PAIRS} pairs, 9 warnings, 0 failures"
ROOT = Path(__file__).resolve().parents[2]


def test_expected_summary_is_the_known_corpus() -> None:
    assert SUMMARY == "47 files, 2773 pairs, 9 warnings, 0 failures"


def test_verify_corpus_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(CORPUS)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out.splitlines() == [SUMMARY]
    assert err == ""


def test_verify_verbose_lists_every_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "-v", str(CORPUS)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == SUMMARY
    warnings = lines[:-1]
    assert len(warnings) == 9
    name = CORPUS / "explanation-types-overview.md"
    assert f"{name}:222:211: warning [corrupt-markup] " in "\n".join(warnings)
    assert sum("[front-matter]" in w for w in warnings) == 2


def test_verify_single_files(capsys: pytest.CaptureFixture[str]) -> None:
    names = [str(CORPUS / "README.md"), str(CORPUS / "microsoft-defender.md")]
    assert main(["verify", *names]) == EXIT_OK
    assert capsys.readouterr().out == "2 files, 2 pairs, 0 warnings, 0 failures\n"


def bad_corpus(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_bytes(corpus_bytes("change-nameservers.md"))
    bad = folder / "latin1.md"
    bad.write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    return folder, bad


def test_non_utf8_file_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = bad_corpus(tmp_path)
    assert main(["verify", str(folder)]) == EXIT_INPUT == 2
    out, err = capsys.readouterr()
    assert out == "2 files, 9 pairs, 0 warnings, 1 failures\n"
    assert err == (
        f"FAIL {bad}:2:11: byte 0xe9 is not valid UTF-8 (byte offset 14). "
        "Re-save the file as UTF-8 and open it again.\n"
    )


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.md"
    assert main(["verify", str(missing)]) == 2
    assert f"FAIL {missing}: no such file." in capsys.readouterr().err


def run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        argv, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env, check=False
    )


def test_python_dash_m_reviewer_verify(tmp_path: Path) -> None:
    done = run([sys.executable, "-m", "reviewer", "verify", "tests/data/corpus"])
    assert (done.returncode, done.stdout, done.stderr) == (0, SUMMARY + "\n", "")
    folder, bad = bad_corpus(tmp_path)
    done = run([sys.executable, "-m", "reviewer", "verify", str(folder)])
    assert done.returncode == 2
    assert done.stderr.startswith(f"FAIL {bad}:2:11: byte 0xe9 is not valid UTF-8")


def test_reviewer_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "reviewer"
    if not script.exists():
        pytest.skip(f"no console script at {script}: the package is not installed here")
    done = run([str(script), "verify", "tests/data/corpus"])
    assert (done.returncode, done.stdout, done.stderr) == (0, SUMMARY + "\n", "")
    folder, bad = bad_corpus(tmp_path)
    done = run([str(script), "verify", str(folder)])
    assert done.returncode == 2
    assert f"FAIL {bad}:2:11: " in done.stderr


def test_corpus_listing_is_what_verify_walks() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted([*article_names(), "SOURCES.md"])
