"""The rendered HTML report: `reviewer export --format html --rendered`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reviewer.cli import EXIT_INPUT, EXIT_OK, main
from reviewer.core.edits import AddIssue, SetTarget
from reviewer.core.mqm import Issue, Severity
from reviewer.core.render.report import export_rendered
from reviewer.core.workspace import open_article
from tests.core.test_cli import no_user_config  # noqa: F401 (an autouse fixture)
from tests.core.test_render import HOSTILE, assert_safe
from tests.corpus import CORPUS, SAMPLE

NOTES = "collect-diagnostic-data.md"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in (SAMPLE, NOTES):
        shutil.copyfile(CORPUS / name, folder / name)
    # A reviewer's issue on the seed's broken link, saved in the sidecar the CLI reads.
    ws = open_article(str(folder / SAMPLE))
    row = ws.session.row_of("1f4c8-107")
    issue = Issue("accuracy/mistranslation", Severity.MAJOR, "Link text swallowed the page name")
    ws.session.apply(AddIssue(row=row, issue=issue))
    ws.save()
    return folder


def test_cli_writes_the_rendered_report(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "report.html"
    code = main(["export", str(articles), "-o", str(out_file), "--format", "html", "--rendered"])
    out, _ = capsys.readouterr()
    assert code == EXIT_OK and out.startswith("wrote ")
    html = out_file.read_text(encoding="utf-8")
    assert_safe(html.split("</style>", 1)[1])
    assert "Content-Security-Policy" in html
    # Both articles are rendered as pages: callouts, tables, no sxs-lookup spans.
    assert html.count('<h2 class="file"') == 2
    assert "<b>Notitie</b>" in html and '<table class="md-table"' in html
    assert "sxs-lookup" not in html and "data-ttu-id" not in html
    # The issue sits beside its segment: the segment is tinted and numbered, the card names it.
    card = re.search(r'<div class="card sev-major">.*?</div></div>', html, re.S)
    assert card is not None and "Link text swallowed the page name" in card.group()
    assert 'href="#f0-seg-1f4c8-107"' in card.group() or 'href="#f1-seg-1f4c8-107"' in card.group()
    row = re.search(r'<tr class="has-notes">(.*?)</tr>', html, re.S)
    assert row is not None
    assert re.search(r'class="seg seg-error" title="1f4c8-107" id="f\d-seg-1f4c8-107"', html)
    assert re.search(r'<sup class="badge">[\d,]+</sup>', html)
    # The source of the segment is shown rendered in the card, as the page would show it.
    assert "Go to the <strong>Billing</strong>" in html


def test_rendered_needs_html(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["export", str(articles), "-o", str(tmp_path / "r.csv"), "--rendered"])
    _, err = capsys.readouterr()
    assert code == EXIT_INPUT and "--rendered needs the html format" in err
    # --format wins over the extension.
    out_file = tmp_path / "report.txt"
    assert main(["export", str(articles), "-o", str(out_file), "--format", "json"]) == EXIT_OK
    assert out_file.read_text(encoding="utf-8").startswith("{")


def test_a_hostile_target_cannot_run_or_load_anything_in_the_report(tmp_path: Path) -> None:
    path = tmp_path / SAMPLE
    shutil.copyfile(CORPUS / SAMPLE, path)
    ws = open_article(str(path))
    row = ws.session.row_of("1f4c8-107")
    ws.session.apply(SetTarget(row=row, new_target="Tekst " + HOSTILE))
    ws.session.apply(
        AddIssue(row=row, issue=Issue("accuracy/addition", Severity.CRITICAL, HOSTILE))
    )
    out_file = tmp_path / "report.html"
    assert export_rendered([ws.session], str(out_file)) >= 1
    html = out_file.read_text(encoding="utf-8")
    body = html.split("</style>", 1)[1]
    assert_safe(body)
    assert "&lt;script&gt;" in body
