"""The review sidecar: round trip, diff-friendly layout, re-translation matching, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reviewer.core.edits import AddIssue, DismissCheck, SetState, SetTarget
from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import digest, load_document
from reviewer.core.format import parse
from reviewer.core.mqm import Issue, IssueStatus, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.core.sidecar_match import load_reviews, match_records
from reviewer.core.sidecar_read import parse_sidecar, read_sidecar
from reviewer.core.sidecar_write import dump_sidecar
from reviewer.core.store import SCHEMA_VERSION, SidecarError, move_aside, sidecar_path
from reviewer.core.workspace import open_article
from tests.corpus import CORPUS, copy_corpus


def reviewed(path: Path) -> ReviewSession:
    s = ReviewSession(load_document(path), user="ann")
    s.apply(SetTarget(row=1, new_target=s.doc.pairs[1].target.replace("48 uur", "2 dagen")))
    s.apply(SetState(row_list=(0, 3), state=State.APPROVED))
    s.apply(
        AddIssue(
            row=2,
            issue=Issue("accuracy/omission", Severity.MAJOR, 'missing "x"\nsecond line: yes'),
        )
    )
    s.apply(
        AddIssue(
            row=4,
            issue=Issue(
                "style/awkward-style",
                Severity.MINOR,
                "",
                status=IssueStatus.WONT_FIX,
                check_code="double-space",
            ),
        )
    )
    s.apply(DismissCheck(row=5, code="numbers"))
    return s


def save(s: ReviewSession, path: Path) -> bytes:
    """Write the article and its sidecar as the workspace does."""
    data = s.doc.serialize()
    path.write_bytes(data)
    s.doc.mark_saved(data)
    side = dump_sidecar(s, path.name, digest(data))
    Path(sidecar_path(str(path))).write_bytes(side)
    return side


def test_round_trip_restores_every_field(article: Path) -> None:
    path = article
    s = reviewed(path)
    original_mt = s.reviews[1].original_target
    save(s, path)
    doc = load_document(path)
    result = load_reviews(doc, sidecar_path(str(path)), digest(path.read_bytes()))
    assert result.messages == []
    assert result.exact == 6 and not result.dropped
    assert result.reviews == s.reviews
    assert result.reviews[1].original_target == original_mt != doc.pairs[1].target


def test_layout_is_diff_friendly(article: Path) -> None:
    path = article
    s = reviewed(path)
    side = save(s, path)
    assert side == dump_sidecar(s, path.name, digest(path.read_bytes()))  # deterministic
    data = yaml.safe_load(side)
    assert list(data) == ["schema", "article", "prefix", "digest", "segments", "segment_count"]
    assert data["segment_count"] == len(data["segments"])  # the end marker comes last
    assert data["schema"] == SCHEMA_VERSION and data["prefix"] == "da2f2"
    assert data["digest"] == digest(path.read_bytes())
    # Only segments with information, in document order; unreviewed untouched ones left out.
    ids = [seg["id"] for seg in data["segments"]]
    assert ids == ["da2f2-102", "da2f2-103", "da2f2-p101", "da2f2-106", "da2f2-107", "da2f2-108"]
    by_id = {seg["id"]: seg for seg in data["segments"]}
    assert list(by_id["da2f2-102"]) == [
        "id",
        "source",
        "state",
        "target_digest",  # the text the approval was given on
        "changed_by",
        "changed_at",
    ]
    # The original MT is kept only where the target was edited.
    assert "original_target" in by_id["da2f2-103"]
    assert "original_target" not in by_id["da2f2-102"]
    assert by_id["da2f2-108"]["dismissed"] == ["numbers"]
    issue = by_id["da2f2-p101"]["issues"][0]
    assert list(issue) == ["uid", "category", "severity", "status", "comment", "author", "created"]
    text = side.decode()
    assert 'comment: |-\n      missing "x"\n      second line: yes\n' in text
    assert "\n- id: " in text  # one block per segment


def test_every_corpus_string_survives_the_yaml(tmp_path: Path) -> None:
    """Multi-line text, edge whitespace, tabs, U+202F and entities come back byte for byte."""
    for md in sorted(CORPUS.glob("*.md")):
        doc = load_document(md)
        s = ReviewSession(doc)
        for r, p in zip(s.reviews, doc.pairs, strict=True):
            r.state = State.REVIEWED
            r.original_target = p.source  # force every source into original_target as well
        side = dump_sidecar(s, md.name, "x")
        data = parse_sidecar(side, "mem")
        assert [rec.source for rec in data.records] == [p.source for p in doc.pairs], md.name
        expected = [p.source if p.source != p.target else "" for p in doc.pairs]
        assert [rec.original_target for rec in data.records] == expected


def retranslate(path: Path, new_prefix: str, changed_source: tuple[str, str]) -> None:
    """Simulate a re-translation: every id gets a new prefix and one source is rewritten."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('-id="da2f2-', f'-id="{new_prefix}-')
    old, new = changed_source
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_retranslation_never_carries_an_approval(article: Path) -> None:
    path = article
    s = reviewed(path)
    # Approve the segment whose source will change, and give it an issue.
    s.apply(SetState(row_list=(2,), state=State.APPROVED))
    save(s, path)
    src = s.doc.pairs[2].source
    retranslate(path, "a314b", (f'p101">{src}<', 'p101">To set up your domain, update it.<'))
    ws = open_article(str(path))
    reviews = ws.session.reviews
    assert [r.pair_id for r in reviews][:3] == ["a314b-102", "a314b-103", "a314b-p101"]
    # No approval survives a re-translation; every carried segment is flagged.
    assert all(r.state is not State.APPROVED for r in reviews)
    assert reviews[0].source_changed and reviews[0].state is State.UNREVIEWED
    # The changed source: issue kept, state needs work (open issue), old source remembered.
    assert reviews[2].issues and reviews[2].issues[0].comment.startswith("missing")
    assert reviews[2].state is State.NEEDS_WORK and reviews[2].source_changed
    assert reviews[2].source == src != ws.session.doc.pairs[2].source
    # The original MT carried over with the edited segment.
    assert reviews[1].original_target == s.reviews[1].original_target
    assert reviews[5].dismissed == {"numbers"}
    text = " ".join(ws.load_messages)
    assert "re-translated (id prefix da2f2 → a314b)" in text
    assert "marked for review again" in text and "approval" in text


def test_changed_source_same_id(article: Path) -> None:
    path = article
    s = reviewed(path)
    save(s, path)
    src = s.doc.pairs[3].source
    path.write_text(path.read_text().replace(src, src + " Really."), encoding="utf-8")
    ws = open_article(str(path))
    r = ws.session.reviews[3]
    assert r.state is State.UNREVIEWED and r.source_changed and r.source == src
    assert ws.session.reviews[0].state is State.APPROVED  # untouched segment keeps approval
    assert any("1 segment changed source since review" in m for m in ws.load_messages)
    # The flag and the old source survive a save and a new load.
    ws.save()
    again = open_article(str(path)).session.reviews[3]
    assert again.source_changed and again.source == src


def test_removed_segment_is_reported(article: Path) -> None:
    path = article
    s = reviewed(path)
    save(s, path)
    doc = parse(path.read_bytes(), str(path))
    del doc.pairs[4]
    result = match_records(
        doc, parse_sidecar(Path(sidecar_path(str(path))).read_bytes(), "x").records
    )
    assert [r.pair_id for r in result.dropped] == ["da2f2-107"]
    assert "not in this version of the article (da2f2-107)" in result.messages[-1]
    assert "kept in the review file" in result.messages[-1]


def bad(tmp_path: Path, text: str) -> tuple[Path, Path]:
    path = copy_corpus(tmp_path)
    side = Path(sidecar_path(str(path)))
    side.write_text(text, encoding="utf-8")
    return path, side


def test_corrupt_yaml_names_file_and_line(tmp_path: Path) -> None:
    path, side = bad(tmp_path, "schema: 1\nsegments:\n- id: x\n  source: [unclosed\n")
    with pytest.raises(SidecarError) as info:
        open_article(str(path))
    assert isinstance(info.value, ReviewerError)
    assert str(info.value).startswith(f"{side}:5:")
    assert info.value.line == 5
    # The article opens anyway without its review data, and the sidecar is left alone.
    before = side.read_bytes()
    ws = open_article(str(path), ignore_sidecar=True)
    assert len(ws.session) == 9 and ws.sidecar_blocked
    ws.save()
    assert side.read_bytes() == before


def test_invalid_value_names_the_line(tmp_path: Path) -> None:
    text = "schema: 1\nsegments:\n- id: da2f2-102\n  source: x\n  state: lgtm\n"
    _, side = bad(tmp_path, text)
    with pytest.raises(SidecarError, match=r"unknown state 'lgtm'") as info:
        read_sidecar(str(side))
    assert info.value.line == 5


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path, side = bad(tmp_path, f"schema: {SCHEMA_VERSION + 1}\nsegments: []\n")
    with pytest.raises(SidecarError, match="newer version of reviewer") as info:
        open_article(str(path))
    assert info.value.path == str(side) and info.value.line == 1


def test_not_a_sidecar_is_refused(tmp_path: Path) -> None:
    for text in ("- just\n- a list\n", "hello: world\n", "schema: yes\n"):
        path, _ = bad(tmp_path, text)
        with pytest.raises(SidecarError, match="not review data"):
            open_article(str(path))


def test_sidecar_for_another_article_is_refused(tmp_path: Path, article: Path) -> None:
    other = copy_corpus(tmp_path, "what-is-a-domain.md")
    s = ReviewSession(load_document(other))
    s.apply(SetState(row_list=(0, 1), state=State.APPROVED))
    side = dump_sidecar(s, other.name, digest(other.read_bytes()))
    path = article
    Path(sidecar_path(str(path))).write_bytes(side)
    with pytest.raises(SidecarError, match="made for another article"):
        open_article(str(path))


def test_python_tags_run_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        "schema: 1\nsegments:\n- id: da2f2-102\n  source: !!python/object/apply:os.system\n"
        f"  - touch {marker}\n"
    )
    path, side = bad(tmp_path, text)
    with pytest.raises(SidecarError, match="corrupt") as info:
        open_article(str(path))
    assert info.value.line == 4
    assert not marker.exists()
    text2 = f"!!python/object/apply:os.system ['touch {marker}']\n"
    side.write_text(text2)
    with pytest.raises(SidecarError):
        open_article(str(path))
    assert not marker.exists()


def test_start_fresh_moves_the_bad_sidecar_aside(tmp_path: Path) -> None:
    path, side = bad(tmp_path, "schema: [\n")
    before = side.read_bytes()
    ws = open_article(str(path), ignore_sidecar=True)
    ws.session.apply(SetState(row_list=(0,), state=State.APPROVED))
    with pytest.raises(ReviewerError, match="start fresh"):
        ws.save()
    assert side.read_bytes() == before
    moved = ws.start_fresh()
    assert Path(moved).read_bytes() == before and ".review.yaml.bak-" in moved
    ws.save()
    assert open_article(str(path)).session.reviews[0].state is State.APPROVED


def test_move_aside_never_overwrites(tmp_path: Path) -> None:
    a = tmp_path / "x.md.review.yaml"
    a.write_text("one")
    first = move_aside(str(a))
    a.write_text("two")
    second = move_aside(str(a))
    assert first != second
    assert Path(first).read_text() == "one" and Path(second).read_text() == "two"


def test_no_review_data_writes_no_sidecar(article: Path) -> None:
    path = article
    ws = open_article(str(path))
    ws.save()
    assert not Path(ws.sidecar_path).exists()
