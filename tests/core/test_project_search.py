"""Concordance search: the index finds exactly what a plain scan of every segment finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.project import Query, SearchError, Side, open_project
from reviewer.core.project.concordance import Concordance, clip, literal_runs
from reviewer.core.project.discovery import Stamp
from reviewer.core.project.records import ArticleRecord
from tests.core.project_data import TOKEN_ERROR, TOKEN_FILES, TOKEN_HITS, make_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return open_project(str(make_project(tmp_path_factory.mktemp("search"))))


def scan(project, query: Query) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """The reference: every segment, one by one, with the query's own regex."""
    pattern = query.pattern()
    out = []
    for record in project.records:
        for row in range(len(record.ids)):
            texts = {
                Side.SOURCE: [record.sources[row]],
                Side.TARGET: [record.targets[row]],
                Side.BOTH: [record.sources[row], record.targets[row]],
            }[query.side]
            if any(pattern.search(t) for t in texts):
                out.append((record.rel, row))
    return out


def found(project, query: Query) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(h.rel, h.row) for h in project.concordance().search(query, limit=10**6).hits]


def test_recurring_error_found_everywhere(project) -> None:  # type: ignore[no-untyped-def]
    result = project.concordance().search(Query(TOKEN_ERROR, side=Side.TARGET))
    assert result.articles == TOKEN_FILES and not result.truncated
    spans = sum(len(h.target_spans) for h in result.hits)
    assert spans == TOKEN_HITS
    for h in result.hits:
        record = project.record(h.rel)
        assert record.targets[h.row] == h.target and record.ids[h.row] == h.pair_id
        start, end = h.target_spans[0]
        assert h.target[start:end].lower() == TOKEN_ERROR
        assert h.number == h.row + 1
    # Case-insensitive by default, exact with match_case.
    assert found(project, Query("TOEGANGS TOKEN", side=Side.TARGET)) == [
        (h.rel, h.row) for h in result.hits
    ]
    assert found(project, Query("TOEGANGS TOKEN", match_case=True)) == []


@pytest.mark.parametrize(
    "query",
    [
        Query("token"),
        Query("Token", match_case=True),
        Query("access token", side=Side.SOURCE),
        Query("de", whole_word=True, side=Side.TARGET),
        Query(r"toegangs ?tokens?\b", regex=True),
        Query(r"^Klik", regex=True, side=Side.TARGET),
        Query(r"\.$", regex=True, side=Side.SOURCE),
        Query(r"\d+ (uur|minuten)", regex=True),
        Query(r"[Tt]oken\w*", regex=True, match_case=True),
        Query(r"a\s+b", regex=True),
        Query(r"(?i)AZURE", regex=True, match_case=True),
        Query(r"x{0}Azure", regex=True),
    ],
    ids=lambda q: f"{q.text}-{q.side.value}-{q.regex}-{q.match_case}",
)
def test_index_agrees_with_a_full_scan(project, query: Query) -> None:  # type: ignore[no-untyped-def]
    assert found(project, query) == scan(project, query)
    assert project.concordance().count(query) == len(scan(project, query))


def test_limit_truncates_in_order(project) -> None:  # type: ignore[no-untyped-def]
    everything = found(project, Query("e"))
    result = project.concordance().search(Query("e"), limit=5)
    assert [(h.rel, h.row) for h in result.hits] == everything[:5] and result.truncated
    only = project.concordance().search(Query("token"), rels=[everything[0][0]])
    assert {h.rel for h in only.hits} <= {everything[0][0]}


def test_empty_and_invalid_queries(project) -> None:  # type: ignore[no-untyped-def]
    assert project.concordance().search(Query("")).hits == []
    with pytest.raises(SearchError, match="position"):
        project.concordance().search(Query("(unclosed", regex=True))


def _record(sources: list[str], targets: list[str]) -> ArticleRecord:
    return ArticleRecord(
        "a.md",
        Stamp(0, 0),
        None,
        ids=[f"x-{k}" for k in range(len(sources))],
        sources=sources,
        targets=targets,
    )


segment = st.text(alphabet="abcAB İıſsS\n.", max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(segment, min_size=1, max_size=6),
    st.sampled_from(["a", "b", "ab", "s", "i", "a.b", "^a", "b$", r"a\nb", "ab?", "S", "i."]),
    st.booleans(),
    st.booleans(),
)
def test_property_same_as_scan(
    texts: list[str], needle: str, regex: bool, match_case: bool
) -> None:
    """Any segments, Turkish İ and long ſ included: the index never misses or adds a hit."""
    record = _record(texts, list(reversed(texts)))
    conc = Concordance([record])
    for side in Side:
        query = Query(needle, regex=regex, match_case=match_case, side=side)
        pattern = query.pattern()
        expect = []
        for row in range(len(texts)):
            pool = {
                Side.SOURCE: [record.sources[row]],
                Side.TARGET: [record.targets[row]],
                Side.BOTH: [record.sources[row], record.targets[row]],
            }[side]
            if regex or query.whole_word:
                hit = any(pattern.search(t) for t in pool)
            elif match_case:
                hit = any(needle in t for t in pool)
            else:
                hit = any(needle.lower() in t.lower() for t in pool)
            if hit:
                expect.append(row)
        assert [h.row for h in conc.search(query, limit=100).hits] == expect


@pytest.mark.parametrize(
    ("pattern", "runs"),
    [
        (r"toegangs ?tokens?\b", ["toegangs", "token"]),
        (r"\d+ GB", [" GB"]),
        (r"a{2}bc", ["bc"]),
        (r"(foo|bar)baz", []),
        (r"x\x41yz", ["x", "yz"]),
        (r"[abc]def", ["def"]),
        (r"(?i)foo", []),
        (r"x\.y", ["x.y"]),
    ],
)
def test_literal_runs_are_required_text(pattern: str, runs: list[str]) -> None:
    assert literal_runs(pattern) == runs
    for run in runs:  # every run is in every match of the pattern
        m = re.search(pattern, "zz xaabc x.y fooba barbaz toegangstoken 12 GB xAyz def")
        if m is not None:
            assert run in m.group()


def test_clip_keeps_the_match_in_view() -> None:
    text = "x" * 300 + "toegangs token" + "y" * 300
    excerpt, offset = clip(text, [(300, 314)], 60)
    assert len(excerpt) == 60 and "toegangs token" in excerpt
    assert text[offset : offset + 60] == excerpt


def test_search_follows_refresh(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    project = open_project(str(root))
    conc = project.concordance()
    assert found(project, Query("zeldzaam woord")) == []
    path = root / "docs" / "change-nameservers.md"
    path.write_bytes(path.read_bytes().replace(b"naamservers", b"zeldzaam woord", 1))
    project.refresh(["docs/change-nameservers.md"])
    assert project.concordance() is conc
    assert [rel for rel, _ in found(project, Query("zeldzaam woord"))] == [
        "docs/change-nameservers.md"
    ]


def test_searches_on_one_thread_see_whole_versions_while_another_updates(project) -> None:  # type: ignore[no-untyped-def]
    """The window searches per keystroke on its GUI thread while its project thread refreshes
    the index: each search reads one version of it, never a half-built one."""
    import threading

    records = project.records
    concordance = Concordance(records)
    expected = found(project, Query(TOKEN_ERROR))
    smaller = [r for r in records if r.rel not in {rel for rel, _ in expected[:1]}]
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            for version in (smaller, records):
                # Replaced records, as a refresh makes them: every blob is built again.
                concordance.update([ArticleRecord(**{f: getattr(r, f) for f in r.__slots__})
                                    for r in version])  # fmt: skip

    thread = threading.Thread(target=churn)
    thread.start()
    try:
        seen = set()
        for _ in range(300):
            hits = concordance.search(Query(TOKEN_ERROR), limit=10**6).hits
            seen.add(len(hits))
            for h in hits:
                assert TOKEN_ERROR in h.target
    finally:
        stop.set()
        thread.join()
    assert seen <= {len(expected), len(expected) - sum(1 for rel, _ in expected
                                                      if rel == expected[0][0])}  # fmt: skip
