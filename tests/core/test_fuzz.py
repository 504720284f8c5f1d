"""Mutation campaign for `make fuzz`: the parser, the sidecar loader and the journal loader,
fed mutated inputs, each within a size and a time budget."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from datetime import timedelta
from functools import cache
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.edits import AddIssue, DismissCheck, SetState, SetTarget
from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import digest
from reviewer.core.format import parse
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.core.sidecar_match import match_records, records_of
from reviewer.core.sidecar_read import parse_sidecar
from reviewer.core.sidecar_write import dump_sidecar
from reviewer.core.store import Record, SidecarError
from tests.strategies import (
    MARKUP_TOKENS,
    assert_document_consistent,
    corpus_bytes,
    edit_texts,
    event,
    fuzz_examples,
    mutated_corpus_bytes,
    parse_or_format_error,
)

# Small by default so the normal suite stays quick; `make fuzz` sets REVIEWER_FUZZ_EXAMPLES.
FUZZING = bool(os.environ.get("REVIEWER_FUZZ_EXAMPLES", "").strip())
# The budget per input in `make fuzz`: an input that takes longer is a hang or a path that grows
# faster than its input (the suite itself never fails on time: the machine may be busy).
TIME_BUDGET = timedelta(seconds=5) if FUZZING else None
# Inputs are kept under this size; the loaders' own caps refuse anything far bigger unread.
SIZE_BUDGET = 512 * 1024
CAMPAIGN = settings(
    max_examples=fuzz_examples(25),
    deadline=TIME_BUDGET,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def within_size(raw: bytes) -> bytes:
    return raw[:SIZE_BUDGET]


token_soup = st.lists(
    st.sampled_from(MARKUP_TOKENS) | st.text(max_size=10).map(str.encode), max_size=80
).map(b"".join)


@CAMPAIGN
@given(mutated_corpus_bytes(max_mutations=20, tokens=True))
def test_heavily_mutated_articles_parse_or_raise_format_error(data: bytes) -> None:
    parse_or_format_error(data)


@CAMPAIGN
@given(token_soup)
def test_markup_token_soup_parses_or_raises_format_error(data: bytes) -> None:
    parse_or_format_error(data)


@CAMPAIGN
@given(mutated_corpus_bytes(max_mutations=10, tokens=True), st.data())
def test_edits_of_mutated_articles_splice_and_reparse(data: bytes, draw: st.DataObject) -> None:
    doc = parse_or_format_error(data)
    if doc is None or not doc.pairs:
        return
    p = doc.pairs[draw.draw(st.integers(0, len(doc.pairs) - 1), label="pair")]
    new = draw.draw(edit_texts, label="target")
    doc.set_target(p, new)
    out = doc.serialize()
    text = data.decode("utf-8")
    assert out == (text[: p.target_start] + new + text[p.target_end :]).encode("utf-8")
    doc.mark_saved(out)
    assert_document_consistent(doc, check_warnings=False)
    again = parse_or_format_error(out)
    assert again is not None
    match = [q for q in again.pairs if q.start == p.start]
    assert len(match) == 1 and match[0].id == p.id
    assert (match[0].target, match[0].source) == (new, p.source)


# -- the sidecar loader --------------------------------------------------------------------------
SIDECAR_PATH = "fuzz.md.review.yaml"
# Articles reviewed to make real sidecars: small, medium, and one with front matter oddities.
REVIEWED = (
    "canceling-your-office-365-subscription.md",
    "change-nameservers.md",
    "information-barriers-attributes.md",
    "find-status-of-your-microsoft-365-ticket.md",
)
YAML_TOKENS = (
    b": ",
    b"- ",
    b"\n  ",
    b"\n- ",
    b"{",
    b"}",
    b"[",
    b"]",
    b", ",
    b"&a ",
    b"*a",
    b"<<: *a\n",
    b"? ",
    b"|",
    b"|-\n",
    b">",
    b"'",
    b'"',
    b"\\",
    b"# ",
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"~",
    b"null",
    b"true",
    b"!!str ",
    b"!!int ",
    b"!!float ",
    b"!!binary ",
    b"!!set ",
    b"!!timestamp ",
    b"!!python/object/apply:os.system ['echo pwned']",
    b"!!python/name:os.system",
    b"2020-13-45",
    b"2024-02-30 10:00:00",
    b"1e400",
    b".nan",
    b"0x1F",
    b"state: approved",
    b"state: bogus",
    b"severity: critical",
    b"severity: [",
    b"status: resolved",
    b"schema: 2",
    b"schema: 0",
    b"source_changed: true",
    b"previous_source: x",
    b"original_target: |\n  y\n",
    b"dismissed: [a, b]",
    b"issues: {}",
    b"segments: ",
    b"\t",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xe9",
    "é😀\u2028\x85".encode(),
    b"segment_count: 3",
    b"segment_count: 9999",
    b"detached: true",
    b"occurrence: 2",
    b"target_digest: 0123456789abcdef",
    b"state: approved\n  state: approved",
    b"&b [&c x, *c, *c]",
)


@cache
def reviewed_sidecar(name: str) -> tuple[bytes, bytes]:
    """(article bytes, a real sidecar for it): approvals, issues, a dismissal, an edited target."""
    data = corpus_bytes(name)
    session = ReviewSession(parse(data, name), user="fuzz")
    n = len(session.doc.pairs)
    session.apply(SetState(row_list=tuple(range(0, n, 3)), state=State.APPROVED))
    session.apply(SetState(row_list=(n - 1,), state=State.NEEDS_WORK))
    comment = "Twee regels:\n  ingesprongen, met 'quotes' en \"meer\": é😀 # geen commentaar"
    session.apply(AddIssue(row=n // 2, issue=Issue("accuracy/omission", Severity.MAJOR, comment)))
    session.apply(AddIssue(row=0, issue=Issue("style/awkward-style", Severity.MINOR, "kort")))
    session.apply(DismissCheck(row=n // 2, code="numbers"))
    p = session.doc.pairs[1 % n]
    session.apply(SetTarget(row=1 % n, new_target=p.target + " (herzien)"))
    return data, dump_sidecar(session, name, digest(data))


@st.composite
def mutated_sidecars(draw: st.DrawFn, max_mutations: int = 6) -> tuple[str, bytes]:
    """(article name, a real sidecar after byte flips, cuts, splices and YAML tokens)."""
    name = draw(st.sampled_from(REVIEWED))
    raw = bytearray(reviewed_sidecar(name)[1])
    for _ in range(draw(st.integers(1, max_mutations))):
        pos = draw(st.integers(0, len(raw)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "splice", "token", "token"]))
        if kind == "flip" and pos < len(raw):
            raw[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            raw[pos:pos] = draw(st.binary(min_size=1, max_size=6))
        elif kind == "delete":
            del raw[pos : pos + draw(st.integers(1, 80))]
        elif kind == "splice":
            other = reviewed_sidecar(draw(st.sampled_from(REVIEWED)))[1]
            a = draw(st.integers(0, len(other)))
            raw[pos:pos] = other[a : a + draw(st.integers(1, 300))]
        elif kind == "token":
            raw[pos:pos] = draw(st.sampled_from(YAML_TOKENS))
    return name, within_size(bytes(raw))


yaml_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["approved", "edited", "needs_work", "minor", "critical", "open", "1"])
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "schema",
                    "segments",
                    "id",
                    "source",
                    "state",
                    "issues",
                    "severity",
                    "category",
                    "status",
                    "dismissed",
                    "previous_source",
                    "source_changed",
                    "original_target",
                    "uid",
                    "changed_by",
                    "changed_at",
                    "comment",
                    "article",
                    "prefix",
                    "digest",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@st.composite
def structurally_mutated_sidecars(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real sidecar's data with values replaced, keys dropped or entries duplicated."""
    name = draw(st.sampled_from(REVIEWED))
    data = yaml.safe_load(reviewed_sidecar(name)[1])
    for _ in range(draw(st.integers(1, 5))):
        node: Any = data
        # Walk down a random path, then change what is there.
        for _depth in range(draw(st.integers(0, 4))):
            if isinstance(node, dict) and node:
                node = node[draw(st.sampled_from(sorted(node, key=str)))]
            elif isinstance(node, list) and node:
                node = node[draw(st.integers(0, len(node) - 1))]
            else:
                break
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node, key=str)))
            if draw(st.booleans()):
                del node[key]
            else:
                node[key] = draw(yaml_values)
        elif isinstance(node, list) and node:
            k = draw(st.integers(0, len(node) - 1))
            node.insert(k, draw(yaml_values) if draw(st.booleans()) else copy.deepcopy(node[k]))
    raw = yaml.safe_dump(data, allow_unicode=draw(st.booleans())).encode("utf-8")
    return name, within_size(raw)


random_yaml = st.one_of(
    yaml_values.map(lambda v: yaml.safe_dump(v).encode("utf-8")),
    st.dictionaries(st.just("schema"), st.integers(-2, 3)).flatmap(
        lambda head: yaml_values.map(
            lambda v: yaml.safe_dump({**head, "segments": v}).encode("utf-8")
        )
    ),
    st.text(max_size=300).map(str.encode),
    st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=6).map(str.encode), max_size=40).map(
        b"".join
    ),
)


def _record_key(rec: Record) -> tuple[object, ...]:
    r = dataclasses.replace(rec.review, original_target="")  # stored in rec.original_target
    issues = [dataclasses.astuple(i) for i in r.issues]
    return (
        rec.pair_id,
        rec.source,
        rec.original_target,
        r.source,
        r.state,
        issues,
        sorted(r.dismissed),
        r.changed_by,
        r.changed_at,
        r.source_changed,
    )


def load_or_sidecar_error(article: str, raw: bytes) -> None:
    """Load ``raw``: a SidecarError naming the file, or records that survive a dump and a reload."""
    try:
        loaded = parse_sidecar(raw, SIDECAR_PATH)
    except ReviewerError as exc:
        event(type(exc).__name__)
        assert isinstance(exc, SidecarError), exc
        assert str(exc).startswith(SIDECAR_PATH)
        return
    event(f"loaded, {min(len(loaded.records), 3)}+ records")
    data = corpus_bytes(article)
    doc = parse(data, article)
    session = ReviewSession(doc, match_records(doc, loaded.records).reviews)
    # Re-dumped as a save writes it, the records read back the same; a second round gives
    # the same bytes.
    dumped = dump_sidecar(session, article, digest(data))
    again = parse_sidecar(dumped, SIDECAR_PATH)
    stored = [_record_key(r) for r in _as_stored(session)]
    assert [_record_key(r) for r in again.records] == stored
    doc2 = parse(data, article)
    second = ReviewSession(doc2, match_records(doc2, again.records).reviews)
    assert [_record_key(r) for r in _as_stored(second)] == stored
    assert dump_sidecar(second, article, digest(data)) == dumped


def _as_stored(session: ReviewSession) -> list[Record]:
    """records_of, with original_target as the sidecar stores it ("" when it is the target)."""
    out = []
    for rec in records_of(session):
        pair = session.doc.pairs[session.row_of(rec.pair_id)]
        original = rec.original_target if rec.original_target != pair.target else ""
        out.append(dataclasses.replace(rec, original_target=original))
    return out


@pytest.mark.parametrize(
    "raw",
    [
        b"!!int ",
        b"schema: !!int abc",
        b"!!timestamp 1f4c8-102",
        b"changed_at: 2020-13-45",
        b"schema: !!bool yes2",
        b"[" * 5000 + b"]" * 5000,
    ],
    ids=["empty-int", "bad-int", "bad-timestamp", "impossible-date", "bad-bool", "deep-nesting"],
)
def test_yaml_constructor_errors_become_sidecar_errors(raw: bytes) -> None:
    with pytest.raises(SidecarError):
        parse_sidecar(raw, SIDECAR_PATH)


def test_real_sidecars_round_trip() -> None:
    for name in REVIEWED:
        _data, raw = reviewed_sidecar(name)
        assert parse_sidecar(raw, SIDECAR_PATH).records
        load_or_sidecar_error(name, raw)


@CAMPAIGN
@given(mutated_sidecars(max_mutations=8))
def test_mutated_sidecars_load_or_raise_sidecar_error(case: tuple[str, bytes]) -> None:
    load_or_sidecar_error(*case)


@CAMPAIGN
@given(structurally_mutated_sidecars())
def test_structurally_mutated_sidecars_load_or_raise_sidecar_error(
    case: tuple[str, bytes],
) -> None:
    load_or_sidecar_error(*case)


@CAMPAIGN
@given(st.sampled_from(REVIEWED), random_yaml)
def test_random_yaml_sidecars_load_or_raise_sidecar_error(article: str, raw: bytes) -> None:
    load_or_sidecar_error(article, raw)


# -- the journal loader ----------------------------------------------------------------------
JOURNAL_PATH = "fuzz.journal.json"
JSON_TOKENS = (
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"\\u0000",
    b"\\ud800",
    b"null",
    b"true",
    b"-0",
    b"1e999",
    b"NaN",
    b"Infinity",
    b"9" * 5000,
    b"[" * 3000,
    b'"targets": {}',
    b'"targets": [{"id": "x", "source": "y", "target": "z", "occurrence": -1}]',
    b'"version": 1',
    b'"version": 3',
    b'"segment_count": 0',
    b'"state": "approved"',
    b'"target": "</span><span class=\\"sxs-lookup\\">"',
    b"\x00",
    b"\xff",
    "é😀\u2028".encode(),
)


@cache
def reviewed_journal(name: str) -> bytes:
    """A real journal: edited targets and the review records of reviewed_sidecar's session."""
    from reviewer.core.journal_entry import snapshot

    data = corpus_bytes(name)
    session = ReviewSession(parse(data, name), user="fuzz")
    n = len(session.doc.pairs)
    session.apply(SetState(row_list=tuple(range(0, n, 2)), state=State.APPROVED))
    session.apply(AddIssue(row=n // 2, issue=Issue("accuracy/omission", Severity.MAJOR, "é\n")))
    for row in {1 % n, n // 2, n - 1}:
        p = session.doc.pairs[row]
        session.apply(SetTarget(row=row, new_target=p.target + " (herzien)"))
    entry = snapshot(session, "/fuzz/" + name, digest(data))
    return json.dumps(entry, ensure_ascii=False).encode("utf-8")


@st.composite
def mutated_journals(draw: st.DrawFn, max_mutations: int = 8) -> tuple[str, bytes]:
    """(article name, a real journal after byte flips, cuts, splices and JSON tokens)."""
    name = draw(st.sampled_from(REVIEWED))
    raw = bytearray(reviewed_journal(name))
    for _ in range(draw(st.integers(1, max_mutations))):
        pos = draw(st.integers(0, len(raw)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "splice", "token", "token"]))
        if kind == "flip" and pos < len(raw):
            raw[pos] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            raw[pos:pos] = draw(st.binary(min_size=1, max_size=6))
        elif kind == "delete":
            del raw[pos : pos + draw(st.integers(1, 80))]
        elif kind == "splice":
            other = reviewed_journal(draw(st.sampled_from(REVIEWED)))
            a = draw(st.integers(0, len(other)))
            raw[pos:pos] = other[a : a + draw(st.integers(1, 300))]
        else:
            raw[pos:pos] = draw(st.sampled_from(JSON_TOKENS))
    return name, within_size(bytes(raw))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["id", "source", "target", "occurrence", "state", "segments", "schema", "issues"]
            )
            | st.text(max_size=5),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@st.composite
def structurally_mutated_journals(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real journal's data with values replaced, keys dropped or entries duplicated."""
    name = draw(st.sampled_from(REVIEWED))
    data = json.loads(reviewed_journal(name))
    for _ in range(draw(st.integers(1, 5))):
        node: Any = data
        for _depth in range(draw(st.integers(0, 5))):
            if isinstance(node, dict) and node:
                node = node[draw(st.sampled_from(sorted(node)))]
            elif isinstance(node, list) and node:
                node = node[draw(st.integers(0, len(node) - 1))]
            else:
                break
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if draw(st.booleans()):
                del node[key]
            else:
                node[key] = draw(json_values)
        elif isinstance(node, list) and node:
            k = draw(st.integers(0, len(node) - 1))
            node.insert(k, draw(json_values) if draw(st.booleans()) else copy.deepcopy(node[k]))
    return name, within_size(json.dumps(data).encode("utf-8"))


def load_or_journal_error(article: str, raw: bytes) -> None:
    """Load ``raw``: a JournalError naming the file, or an entry that restores onto the article
    without breaking it (a refused target is reported, never written)."""
    from reviewer.core.journal_entry import JournalError, parse_journal
    from reviewer.core.journal_recovery import recover

    try:
        entry = parse_journal(raw, JOURNAL_PATH)
    except ReviewerError as exc:
        event(type(exc).__name__)
        assert isinstance(exc, JournalError), exc
        assert str(exc).startswith(JOURNAL_PATH)
        return
    event(f"loaded, {min(len(entry.targets), 3)}+ targets, {min(len(entry.records), 3)}+ records")
    data = corpus_bytes(article)
    session = ReviewSession(parse(data, article), user="fuzz")
    result = recover(session, entry, force=True)
    assert not result.blocked
    out = session.doc.serialize()
    again = parse(out, article)  # whatever was restored, the article still reads back
    assert [p.id for p in again.pairs] == [p.id for p in session.doc.pairs]


def test_real_journals_restore() -> None:
    for name in REVIEWED:
        load_or_journal_error(name, reviewed_journal(name))


@CAMPAIGN
@given(mutated_journals())
def test_mutated_journals_load_or_raise_journal_error(case: tuple[str, bytes]) -> None:
    load_or_journal_error(*case)


@CAMPAIGN
@given(structurally_mutated_journals())
def test_structurally_mutated_journals_load_or_raise_journal_error(
    case: tuple[str, bytes],
) -> None:
    load_or_journal_error(*case)
