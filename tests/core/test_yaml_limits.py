"""YAML that could expand without end, repeat a key, or lost its end: refused, with the line.

Every YAML read goes through core/yamlio.py, which never expands an alias. A front matter bomb
is a warning about the article (kept verbatim), never an error blamed on the review file.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from reviewer.core import yamlio
from reviewer.core.config import ConfigError, load_config
from reviewer.core.edits import AddIssue, SetState
from reviewer.core.format import parse
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.sidecar_read import parse_sidecar
from reviewer.core.store import SidecarError, sidecar_path
from reviewer.core.workspace import open_article
from tests.corpus import copy_corpus

PAIR = (
    '<span data-ttu-id="a1b2c-{0}">Doel {0}</span><span class="sxs-lookup">'
    '<span data-stu-id="a1b2c-{0}">Source {0}</span></span>'
)


def laughs(levels: int = 9, width: int = 9, key: str = "x") -> str:
    """The classic billion laughs: ``width ** levels`` strings once expanded (9**9 = 387M)."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]")
    lines.append(f"{key}: *l{levels - 1}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("key", ["ms.custom", "title"])
def test_a_front_matter_bomb_is_a_warning_and_kept_verbatim(key: str) -> None:
    front = laughs(key=key)
    assert len(front) < 700
    data = ("---\n" + front + "---\n" + PAIR.format(101) + "\n").encode("utf-8")
    doc = parse(data, "bomb.md")
    assert doc.serialize() == data
    assert len(doc.pairs) == 1
    (warning,) = doc.warnings
    assert warning.code == "front-matter" and "alias" in warning.message
    assert 2 <= warning.line <= 11  # the line of an anchored list in the front matter
    assert doc.front_matter is not None and doc.front_matter.data is None
    doc.front_matter.display_items()  # shown without expanding anything


def test_a_front_matter_bomb_never_touches_the_review_file(tmp_path: Path) -> None:
    path = copy_corpus(tmp_path)
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    ws.save()
    text = path.read_text("utf-8")
    path.write_text(text.replace("---\n", "---\n" + laughs(key="title"), 1), "utf-8")
    again = open_article(str(path))
    assert again.session.reviews[0].state is State.APPROVED
    assert [w.code for w in again.doc.warnings] == ["front-matter"]
    # The review file is read as usual: nothing about it is called corrupt or unreadable.
    assert not any("alias" in m or "corrupt" in m for m in again.load_messages)


def sidecar_with_aliases(path: Path) -> str:
    """A 27 KB review file whose segments share one long issue list through an alias."""
    issue = (
        "{uid: u, category: style/awkward-style, severity: minor, status: open, "
        "comment: c, author: a, created: t}"
    )
    lines = ["schema: 2", "segments:"]
    lines.append(f"- {{id: a1b2c-101, source: Source 101, issues: &i [{', '.join([issue] * 60)}]}}")
    lines += [f"- {{id: a1b2c-{n}, source: Source {n}, issues: *i}}" for n in range(102, 420)]
    lines.append("segment_count: 319")
    return "\n".join(lines) + "\n"


def test_an_aliased_review_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("\n".join(PAIR.format(n) for n in range(101, 420)) + "\n", "utf-8")
    side = Path(sidecar_path(str(path)))
    side.write_text(sidecar_with_aliases(path), "utf-8")
    assert 20_000 < side.stat().st_size < 40_000
    with pytest.raises(SidecarError) as info:
        open_article(str(path))
    assert "alias" in str(info.value) and str(info.value).startswith(f"{side}:3:")


def test_an_aliased_config_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("reviewer: &n Ann\ndisabled_checks: [*n]\n", "utf-8")
    with pytest.raises(ConfigError, match="alias"):
        load_config(str(path))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "[&a x, *a]\n",
        "a: &a [*a]\n",
        "m: &m {a: 1}\nn: {<<: *m, b: 2}\n",
        "k: [&a 1]\nl: [*a]\n",
        "x: !!omap [a: 1]\n",
    ],
    ids=["scalar", "same-list", "recursive", "merge-key", "across-lists", "omap"],
)
def test_every_alias_is_refused(text: str) -> None:
    with pytest.raises(yaml.YAMLError):
        yamlio.safe_load_fast(text)


def reviewed_sidecar(tmp_path: Path) -> tuple[Path, bytes]:
    path = copy_corpus(tmp_path)
    ws = open_article(str(path), user="ann")
    ws.session.apply(SetState(row_list=(0, 2, 3), state=State.APPROVED))
    ws.session.apply(AddIssue(row=4, issue=Issue("accuracy/omission", Severity.MAJOR, "a\nb")))
    ws.save()
    side = Path(ws.sidecar_path)
    return side, side.read_bytes()


def test_a_duplicate_key_is_refused_with_its_line(tmp_path: Path) -> None:
    side, raw = reviewed_sidecar(tmp_path)
    text = raw.decode("utf-8")
    # A hand merge that left two states on one segment: which one holds is anyone's guess.
    doubled = text.replace("  state: approved\n", "  state: approved\n  state: unreviewed\n", 1)
    line = doubled[: doubled.index("state: unreviewed")].count("\n") + 1
    with pytest.raises(SidecarError) as info:
        parse_sidecar(doubled.encode("utf-8"), str(side))
    assert "'state' appears twice" in str(info.value)
    assert info.value.line == line


def test_a_truncated_review_file_is_never_read_as_complete(tmp_path: Path) -> None:
    side, raw = reviewed_sidecar(tmp_path)
    assert parse_sidecar(raw, str(side)).records
    end = len(raw.rstrip())
    cuts = set(range(0, end, 7)) | {i for i, b in enumerate(raw) if b == 10 and i < end}
    cuts |= set(random.Random(5).sample(range(end), min(200, end)))
    for n in sorted(cuts):
        with pytest.raises(SidecarError):
            parse_sidecar(raw[:n], str(side))
    # Losing only the final newline loses nothing.
    assert len(parse_sidecar(raw[:end], str(side)).records) == 4


def test_a_truncated_review_file_says_so(tmp_path: Path) -> None:
    side, raw = reviewed_sidecar(tmp_path)
    cut = raw[: raw.index(b"- id:", raw.index(b"- id:") + 1)]  # the first segment only
    with pytest.raises(SidecarError, match="incomplete") as info:
        parse_sidecar(cut, str(side))
    assert "Restore it from a backup" in str(info.value)
