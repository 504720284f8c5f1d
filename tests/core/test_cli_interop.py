"""The export and import commands for XLIFF, TMX and corrected issue sheets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from lxml import etree
from openpyxl import load_workbook

from reviewer.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from reviewer.core.export_rows import COLUMNS
from reviewer.core.xliff import NS12, NS20
from tests.core.interop_helpers import validate, validate_tmx
from tests.corpus import CORPUS, copy_corpus

pytestmark = pytest.mark.usefixtures("no_user_config")


def _root(path: Path) -> etree._Element:
    return etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))


def test_export_folder_as_xliff_12_and_21_and_tmx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(CORPUS / "change-nameservers.md", folder / "change-nameservers.md")
    shutil.copyfile(CORPUS / "apps-health.md", folder / "sub" / "apps-health.md")
    out12, out21, tmx = tmp_path / "a.xlf", tmp_path / "b.xlf", tmp_path / "m.tmx"
    assert main(["export", str(folder), "-o", str(out12)]) == EXIT_OK
    assert "wrote 73 units (XLIFF 1.2) from 2 files" in capsys.readouterr().out
    assert main(["export", str(folder), "--format", "xliff2", "-o", str(out21)]) == EXIT_OK
    assert validate(out12.read_bytes(), "1.2") == [] and validate(out21.read_bytes(), "2.1") == []
    originals = [f.get("original") for f in _root(out12).iter(f"{{{NS12}}}file")]
    assert originals == ["change-nameservers.md", "sub/apps-health.md"]
    assert [f.get("id") for f in _root(out21).iter(f"{{{NS20}}}file")] == ["f1", "f2"]
    assert main(["export", str(folder), "--format", "tmx", "--all", "-o", str(tmx)]) == EXIT_OK
    assert "all pairs, TMX 1.4b" in capsys.readouterr().out
    assert validate_tmx(tmx.read_bytes()) == []
    assert main(["export", str(folder), "--raw", "-o", str(tmp_path / "raw.tmx")]) == EXIT_OK
    assert "wrote 0 translation units (approved pairs" in capsys.readouterr().out


def test_export_options_that_do_not_fit_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = copy_corpus(tmp_path)
    assert main(["export", str(article), "--raw", "-o", str(tmp_path / "x.csv")]) == EXIT_INPUT
    assert "--raw and --all apply to xliff" in capsys.readouterr().err
    assert main(["export", str(article), "--all", "-o", str(tmp_path / "x.xlf")]) == EXIT_INPUT
    assert "--all applies to tmx only" in capsys.readouterr().err
    assert main(["export", str(article), "-o", str(tmp_path / "x.doc")]) == EXIT_INPUT
    assert not list(tmp_path.glob("x.*"))


def test_import_dry_run_then_apply_then_reimport(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = copy_corpus(tmp_path)
    before = article.read_bytes()
    xlf = tmp_path / "cn.xlf"
    assert main(["export", str(article), "--format", "xliff2", "-o", str(xlf)]) == EXIT_OK
    root = _root(xlf)
    unit = next(u for u in root.iter(f"{{{NS20}}}unit") if u.get("id") == "da2f2-103")
    unit.find(f"{{{NS20}}}segment/{{{NS20}}}target").text = "Let op: het kan 48 uur duren."
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    capsys.readouterr()

    assert main(["--user", "bram", "import", str(article), str(xlf), "--dry-run"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "change da2f2-103" in out and "+ Let op: het kan 48 uur duren." in out
    assert "would import 1 target into" in out
    assert article.read_bytes() == before
    assert not Path(f"{article}.review.yaml").exists()

    assert main(["--user", "bram", "import", str(article), str(xlf)]) == EXIT_OK
    assert "imported 1 target into" in capsys.readouterr().out
    assert b"Let op: het kan 48 uur duren." in article.read_bytes()
    side = yaml.safe_load(Path(f"{article}.review.yaml").read_text("utf-8"))
    records = {r["id"]: r for r in side["segments"]}
    assert records["da2f2-103"]["state"] == "edited"
    assert records["da2f2-103"]["changed_by"] == "bram"

    after = article.read_bytes()
    assert main(["import", str(article), str(xlf)]) == EXIT_OK
    assert "0 to change, 9 unchanged" in capsys.readouterr().out
    assert article.read_bytes() == after


def test_rejected_units_give_exit_1_and_the_rest_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = copy_corpus(tmp_path)
    xlf = tmp_path / "cn.xlf"
    assert main(["export", str(article), "-o", str(xlf)]) == EXIT_OK
    root = _root(xlf)
    units = {u.get("id"): u for u in root.iter(f"{{{NS12}}}trans-unit")}
    units["da2f2-103"].find(f"{{{NS12}}}target").text = "Nieuw"
    units["da2f2-106"].find(f"{{{NS12}}}source").text = "Changed source"
    units["da2f2-106"].find(f"{{{NS12}}}target").text = "Anders"
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    capsys.readouterr()
    assert main(["import", str(article), str(xlf)]) == EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "rejected da2f2-106 (cn.xlf line" in out and "source changed" in out
    assert "imported 1 target into" in out


def test_issue_sheet_round_trip_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = copy_corpus(tmp_path, "what-is-a-domain.md")
    sheet = tmp_path / "review.xlsx"
    # Issues only by default: the check results give this unreviewed article rows to correct.
    assert main(["export", str(article), "-o", str(sheet), "--include-checks"]) == EXIT_OK
    book = load_workbook(sheet)
    ws = book["Issues"]
    headers = [c.value for c in ws[1]]
    assert headers == [h for _, h, _ in COLUMNS]
    fix = headers.index("Corrected target") + 1
    pair_id = ws.cell(row=2, column=headers.index("ID") + 1).value
    ws.cell(row=2, column=fix).value = "Een verbeterde vertaling."
    book.save(sheet)
    capsys.readouterr()
    assert main(["--user", "cor", "import", str(article), str(sheet)]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"change {pair_id}" in out and "(XLSX)" in out
    assert "Een verbeterde vertaling." in article.read_text("utf-8")
