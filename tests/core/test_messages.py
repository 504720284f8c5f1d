"""Small defects with big effects: spreadsheet formulas behind a space, misleading messages."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import reviewer.core.workspace as workspace
from reviewer.core.edits import SetTarget
from reviewer.core.errors import FormatError
from reviewer.core.export_csv import to_csv
from reviewer.core.export_rows import ExportRow, neutralize
from reviewer.core.pair_write import SaveError
from reviewer.core.workspace import open_article
from tests.corpus import copy_corpus


@pytest.mark.parametrize(
    "value",
    [' =HYPERLINK("http://x")', "\n=1+1", "\u00a0=cmd|' /C calc'!A0", "  \t-2+3", "\r\n@SUM(A1)"],
    ids=["space", "line-feed", "no-break-space", "spaces-and-tab", "crlf"],
)
def test_a_formula_behind_leading_blanks_is_neutralised(value: str) -> None:
    assert neutralize(value) == "'" + value
    fields = {name: "x" for name in ExportRow.__dataclass_fields__}
    row = ExportRow(**{**fields, "line": 1, "comment": value, "target": value})  # type: ignore[arg-type]
    text = to_csv([row]).decode("utf-8-sig")
    header, cells = list(csv.reader(io.StringIO(text, newline="")))
    for column in ("Comment", "Target"):
        assert cells[header.index(column)] == "'" + value


@pytest.mark.parametrize("value", ["a = b", "Klik op =", "", "  tekst", "1 + 1"])
def test_ordinary_text_is_left_alone(value: str) -> None:
    assert neutralize(value) == value


def test_running_out_of_memory_on_an_article_names_the_article_not_its_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_corpus(tmp_path)

    def no_memory(data: bytes, name: str | None = None) -> object:
        raise MemoryError

    monkeypatch.setattr(workspace, "parse", no_memory)
    with pytest.raises(FormatError) as info:
        open_article(str(path))
    message = str(info.value)
    assert message.startswith(str(path)) and "memory" in message
    assert "review data was not touched" in message and ".review.yaml" not in message


def test_a_save_into_a_folder_that_is_gone_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = copy_corpus(folder)
    ws = open_article(str(path))
    target = ws.session.doc.pairs[1].target + " x"
    ws.session.apply(SetTarget(row=1, new_target=target))
    shutil.rmtree(folder)
    with pytest.raises(SaveError) as info:
        ws.save()
    assert "folder no longer exists" in str(info.value) and "Save As" in str(info.value)
    assert "write it again" not in str(info.value)
