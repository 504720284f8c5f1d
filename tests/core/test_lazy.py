"""Lazy pairs and review records behave as lists; the fast YAML helpers stay safe."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core import sidecar_yaml, yamlio
from reviewer.core.format import Pair, PairList, parse
from reviewer.core.segments import ReviewList, State
from reviewer.core.session import ReviewSession
from reviewer.core.sidecar_read import parse_sidecar
from reviewer.core.sidecar_write import dump_sidecar
from reviewer.core.store import SidecarError, has_review_data

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SAMPLE = CORPUS / "canceling-your-office-365-subscription.md"


def _doc():  # type: ignore[no-untyped-def]
    return parse(SAMPLE.read_bytes(), str(SAMPLE))


def test_pairs_are_built_on_access_and_kept() -> None:
    doc = _doc()
    pairs = doc.pairs
    assert isinstance(pairs, PairList) and len(pairs) > 3
    assert pairs.built() == []
    first = pairs[1]
    assert pairs[1] is first and pairs[-len(pairs) + 1] is first
    assert pairs.built() == [first]
    assert pairs.index(first) == 1 and first in pairs
    assert [p.id for p in pairs[1:3]] == pairs.ids()[1:3]
    assert pairs.sources() == [p.source for p in pairs]
    assert pairs == list(pairs) and list(pairs) == pairs.built()


def test_lazy_pairs_match_the_stepwise_scan() -> None:
    from reviewer.core.format.scan import pairs_stepwise

    for path in sorted(CORPUS.glob("*.md")):
        doc = parse(path.read_bytes(), str(path))
        fm_end = doc.front_matter.end if doc.front_matter else 0
        step, _, _, _ = pairs_stepwise(doc.text, fm_end)
        fields = [
            "id",
            "target",
            "source",
            "index",
            "line",
            "column",
            "start",
            "target_start",
            "target_end",
        ]
        fields += ["source_start", "end", "in_front_matter", "saved_target"]
        got = [tuple(getattr(p, f) for f in fields) for p in reversed(doc.pairs)]
        assert got[::-1] == [tuple(getattr(p, f) for f in fields) for p in step], path.name


def test_serialize_builds_no_pair_and_splices_the_edited_one() -> None:
    data = SAMPLE.read_bytes()
    doc = parse(data, str(SAMPLE))
    assert doc.serialize() == data and doc.pairs.built() == []
    pair = doc.pairs[2]
    doc.set_target(pair, pair.target + " X")
    assert doc.pairs.built() == [pair] and doc.is_modified
    out = doc.serialize()
    assert doc.pairs.built() == [pair]
    assert parse(out).pairs[2].target == pair.target
    doc.mark_saved(out)
    assert not doc.is_modified and doc.serialize() == out


def test_list_changes_and_copies_still_work() -> None:
    doc = _doc()
    n = len(doc.pairs)
    gone = doc.pairs[4].id
    del doc.pairs[4]
    assert len(doc.pairs) == n - 1 and gone not in doc.pairs.ids()
    assert not doc.has_pair(gone)
    clone = copy.deepcopy(doc)
    assert [p.id for p in clone.pairs] == [p.id for p in doc.pairs]
    assert all(isinstance(p, Pair) for p in clone.pairs)


def test_review_records_are_made_on_access() -> None:
    doc = _doc()
    session = ReviewSession(doc)
    reviews = session.reviews
    assert isinstance(reviews, ReviewList) and reviews.made() == []
    assert session.state_counts()[State.UNREVIEWED] == len(doc.pairs)
    assert not has_review_data(session)
    record = reviews[3]
    assert record is reviews[3] and record.pair_id == doc.pairs.ids()[3]
    assert record.original_target == doc.pairs.target_at(3)
    record.state = State.APPROVED
    assert session.state_counts()[State.APPROVED] == 1
    assert has_review_data(session)
    side = parse_sidecar(dump_sidecar(session, SAMPLE.name, "d"), "x.review.yaml")
    assert [r.pair_id for r in side.records] == [record.pair_id]
    assert reviews == list(reviews)


def test_an_edited_pair_without_a_record_is_review_data() -> None:
    doc = _doc()
    session = ReviewSession(doc)
    doc.pairs[2].target = "iets anders"
    assert has_review_data(session)
    assert session.reviews[2].original_target != "iets anders"


@pytest.mark.parametrize(
    "raw",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "x: !!python/name:os.system",
        "!!python/object:builtins.object {}",
    ],
)
def test_fast_yaml_loader_refuses_python_tags(raw: str) -> None:
    with pytest.raises(yaml.constructor.ConstructorError):
        yamlio.safe_load_fast(raw)
    with pytest.raises(SidecarError):
        parse_sidecar(raw.encode(), "x.review.yaml")


def test_fast_yaml_round_trips_like_safe_yaml() -> None:
    data = {"a": [1, "twee", {"c": None}], "d": "é\nregel"}
    assert yamlio.safe_load_fast(yamlio.dump_fast(data, allow_unicode=True)) == data
    assert yamlio.dump_fast(data, allow_unicode=True) == yaml.safe_dump(data, allow_unicode=True)


_SCALARS = st.one_of(
    st.text(),
    st.booleans(),
    st.integers(),
    st.none(),
    st.sampled_from(["true", "123", "", " x", "a\nb ", "null", "~", "- x", "#c", "a: b", "x\n"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        _SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_sidecar_nodes_emit_what_the_representer_emits(data: object) -> None:
    """dump_sidecar builds its nodes itself; the bytes are those yaml.dump would write."""
    expected = yaml.dump(
        data,
        Dumper=sidecar_yaml.Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    got = yamlio.serialize_fast(
        sidecar_yaml.node(data), Dumper=sidecar_yaml.Dumper, allow_unicode=True, width=1_000_000
    )
    assert got == expected


def test_pairs_built_from_two_threads_are_one_object_each() -> None:
    """The checks may run on a thread (no fork): both sides must see the same Pair objects."""
    import threading

    doc = _doc()
    seen: list[list[Pair]] = []

    def walk() -> None:
        seen.append(list(doc.pairs))

    threads = [threading.Thread(target=walk) for _ in range(4)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        doc.is_modified  # noqa: B018 - built() sorts while the others build
    for t in threads:
        t.join()
    assert all(all(a is b for a, b in zip(s, seen[0], strict=True)) for s in seen)
    assert doc.pairs.built() == seen[0]


def test_strings_follow_edits_of_built_pairs() -> None:
    for path in sorted(CORPUS.glob("*.md")):
        doc = parse(path.read_bytes(), str(path))
        if len(doc.pairs) < 3:
            continue
        doc.set_target(doc.pairs[1], "nieuw")
        assert doc.pairs.targets()[1] == "nieuw"
        assert doc.pairs.targets() == [p.target for p in doc.pairs], path.name
        assert doc.pairs.sources() == [p.source for p in doc.pairs], path.name
