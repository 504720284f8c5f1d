"""Language table snapshots: the same tables and findings as built from the files, never stale."""

from __future__ import annotations

import gc
import json
import marshal
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.core.checks import alignment, english, lexicon, mined, tables
from tests.corpus import CORPUS


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(folder))
    return folder


def counting(value: object) -> tuple[Callable[[], object], list[int]]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return build, calls


def snapshots(cache: Path, name: str) -> list[Path]:
    return sorted((cache / tables.FOLDER).glob(f"{name}-*{tables.SUFFIX}"))


def any_value(value: object) -> bool:
    return isinstance(value, dict)


def test_built_once_then_read(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("a\nb\n")
    build, calls = counting({"a": 1.5, "b": (1, "x")})
    first = tables.cached("demo", [source], build, any_value)
    second = tables.cached("demo", [source], build, any_value)
    assert first == second == {"a": 1.5, "b": (1, "x")}
    assert len(calls) == 1
    assert len(snapshots(cache, "demo")) == 1


def test_a_changed_source_is_never_served_stale(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("old\n")
    assert tables.cached("demo", [source], lambda: {"v": "old"}, any_value) == {"v": "old"}
    source.write_text("new\n")  # same size, other content
    assert tables.cached("demo", [source], lambda: {"v": "new"}, any_value) == {"v": "new"}
    # The older snapshot is gone: one file per table.
    assert len(snapshots(cache, "demo")) == 1


def test_damaged_or_wrong_snapshots_are_rebuilt(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("x\n")
    tables.cached("demo", [source], lambda: {"v": 1}, any_value)
    (path,) = snapshots(cache, "demo")
    path.write_bytes(marshal.dumps({"v": 1})[:5])  # truncated
    build, calls = counting({"v": 1})
    assert tables.cached("demo", [source], build, any_value) == {"v": 1}
    path.write_bytes(marshal.dumps(["not", "a", "dict"]))  # readable, wrong shape
    assert tables.cached("demo", [source], build, any_value) == {"v": 1}
    assert len(calls) == 2
    assert marshal.loads(path.read_bytes()) == {"v": 1}


def test_an_unusable_cache_folder_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "words.txt"
    source.write_text("x\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(blocker))
    build, calls = counting({"v": 2})
    assert tables.cached("demo", [source], build, any_value) == {"v": 2}
    assert tables.cached("demo", [source], build, any_value) == {"v": 2}
    assert len(calls) == 2


def test_a_missing_source_fails_as_the_build_does(cache: Path, tmp_path: Path) -> None:
    def build() -> object:
        raise FileNotFoundError("missing")

    with pytest.raises(FileNotFoundError):
        tables.cached("demo", [tmp_path / "absent"], build, any_value)


def test_concurrent_writers_leave_a_whole_snapshot(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("x\n")
    value = {str(i): float(i) for i in range(20_000)}
    path = tables.folder() / f"demo-{tables.key('demo', [source])}{tables.SUFFIX}"
    writers = [threading.Thread(target=tables._write, args=(path, "demo", value)) for _ in range(8)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    assert marshal.loads(path.read_bytes()) == value
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".demo.")]


def test_paused_gc_nests_and_restores() -> None:
    assert gc.isenabled()
    with tables.paused_gc():
        assert not gc.isenabled()
        with tables.paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with tables.paused_gc():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def _fresh_tables() -> None:
    for fn in (
        mined.compounds,
        mined.noun_heads,
        mined.hyphen_heads,
        alignment.table,
        alignment._tables,
        english._lists,
    ):
        fn.cache_clear()


def _loaded() -> tuple[object, ...]:
    return (
        mined.compounds(),
        mined.noun_heads(),
        mined.hyphen_heads(),
        alignment.table(),
        alignment._best_english(),
        english._lists(),
    )


def test_snapshots_hold_the_tables_the_files_give(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh_tables()
    built = _loaded()  # cold: built, then written
    _fresh_tables()
    read = _loaded()  # warm: read back
    assert {p.name.split("-")[0] for p in (cache / tables.FOLDER).iterdir()} >= {
        "compounds",
        "noun",
        "hyphen",
        "alignment",
        "wordfreq",
    }
    monkeypatch.setattr(tables, "cached", lambda name, sources, build, valid: build())
    _fresh_tables()
    direct = _loaded()
    _fresh_tables()
    assert built == read == direct
    # Order matters where a rule takes the first of equals (best_dutch's max).
    assert list(read[3][0]) == list(direct[3][0])  # type: ignore[index]
    assert list(read[0]) == list(direct[0])  # type: ignore[call-overload]


# In a fresh interpreter each, so that no word judged by one run is reused by the next.
_RUN = """
import json, sys
from pathlib import Path
from reviewer.core import check_jobs
from reviewer.core.checks import lexicon, run_checks, tables
from reviewer.core.format import parse
if sys.argv[1] == "files":
    tables.cached = lambda name, sources, build, valid: build()
    tables.verdicts = lambda name, key, values_ok: None
else:
    lexicon.defer_dictionary()
docs = [parse(p.read_bytes(), p.name) for p in sorted(Path(sys.argv[2]).glob("*.md"))]
found = [(f.path, f.pair_id, f.line, f.code, f.level.value, f.message) for f in run_checks(docs)]
if sys.argv[1] != "files":
    check_jobs.keep_verdicts()
d = lexicon.dictionary()
print(json.dumps([found, d is not None and d._dict is not None]))
"""


def _corpus_findings(how: str, cache: Path) -> tuple[list[list[object]], bool]:
    env = dict(os.environ, REVIEWER_CACHE_DIR=str(cache))
    out = subprocess.run(
        [sys.executable, "-c", _RUN, how, str(CORPUS)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    found, enchant_made = json.loads(out)
    return found, enchant_made


def test_same_findings_on_the_corpus_from_snapshots_and_from_files(cache: Path) -> None:
    # Builds and writes the snapshots and the words' verdicts.
    cold, made_cold = _corpus_findings("snapshots", cache)
    assert snapshots(cache, "compounds")
    assert snapshots(cache, "spelling-nl_NL")
    warm, made_warm = _corpus_findings("snapshots", cache)  # reads them
    files, _ = _corpus_findings("files", cache)  # neither snapshots nor verdicts
    assert cold == warm == files
    assert len(files) > 300
    # The second run judged every word from the kept verdicts: enchant's dictionary (0.15 s
    # to load) was never made.
    assert made_cold and not made_warm


def test_kept_verdicts_follow_the_dictionary_files(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import enchant

    folder = tmp_path / "enchant"
    shutil.copytree(lexicon.shipped_dictionary_folder(), folder)
    monkeypatch.setenv(lexicon.ENCHANT_CONFIG_DIR, str(folder))
    before = lexicon._memo_key(enchant, "nl_NL")
    aff = folder / "hunspell" / "nl_NL.aff"
    aff.write_bytes(aff.read_bytes() + b"\n# changed\n")
    after = lexicon._memo_key(enchant, "nl_NL")
    assert before and after and before != after
    monkeypatch.setenv(lexicon.ENCHANT_CONFIG_DIR, str(tmp_path / "elsewhere"))
    assert lexicon._memo_key(enchant, "nl_NL") is None  # files we cannot read: nothing kept


def test_a_word_added_to_the_user_dictionary_is_seen_with_kept_verdicts(
    cache: Path, tmp_path: Path
) -> None:
    from reviewer.core.checks.lexicon import LanguageSettings
    from reviewer.core.checks.spelling import check_spelling

    word = "Xqzvwkrt"
    target = f"Dit is de {word.lower()} van het bestand."
    lexicon.configure(LanguageSettings())
    try:
        lexicon.defer_dictionary()
        assert check_spelling("This is the file processing.", target)
        lexicon.save_verdicts()
        assert snapshots(cache, "spelling-nl_NL")
        words = tmp_path / "words.txt"
        words.write_text(word.lower() + "\n")
        lexicon.configure(LanguageSettings(user_dictionary=str(words)))
        assert not check_spelling("This is the file processing.", target)
    finally:
        lexicon._defer = False
        lexicon.configure(LanguageSettings())


def test_a_deferred_dictionary_that_cannot_be_made_acts_as_none() -> None:
    def gone() -> object:
        raise OSError("nl_NL.dic: no such file")

    d = lexicon._Dictionary(None, "nl_NL", gone, {"Xqzvwkrt": True})
    d.make()  # the window's first edit: no exception reaches the typing
    assert d._dict is None
    assert d.check("Xqzvwkrt")  # the kept verdicts still answer
    assert d.check("huis") == ("huis" in mined.mined_words())  # as without a dictionary
    assert d.suggest("huiss") == []
