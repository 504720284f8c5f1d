"""The quick front-matter reader gives what PyYAML gives, or leaves the text to PyYAML."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core import simple_yaml, yamlio
from reviewer.core.format import parse
from tests.corpus import CORPUS


def by_yaml(raw: str) -> Any:
    try:
        return yamlio.safe_load_fast(raw)
    except Exception as exc:  # any refusal: the quick reader must not have read it
        return exc


def agrees(raw: str) -> bool:
    """The quick reader reads ``raw`` exactly as PyYAML does (types too), or declines."""
    quick = simple_yaml.load(raw)
    if quick is None:
        return True
    slow = by_yaml(raw)
    assert isinstance(slow, dict), (raw, quick, slow)
    assert quick == slow, raw
    assert all(type(quick[k]) is type(slow[k]) for k in quick), raw
    return True


def test_the_corpus_front_matter_reads_alike_and_quickly() -> None:
    read = 0
    for path in sorted(CORPUS.glob("*.md")):
        fm = parse(path.read_bytes(), str(path)).front_matter
        if fm is None:
            continue
        assert agrees(fm.raw)
        read += simple_yaml.load(fm.raw) is not None
    assert read >= 40  # nearly every real article needs no YAML parser


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            'title: Uw abonnement\nms.locfileid: "43552556"\n',
            {"title": "Uw abonnement", "ms.locfileid": "43552556"},
        ),
        (
            "ms.custom:\n- it-pro\n- '4'\nms.date: 09/21/2020\n",
            {"ms.custom": ["it-pro", "4"], "ms.date": "09/21/2020"},
        ),
        (
            "ROBOTS: NOINDEX, NOFOLLOW\nempty:\nquoted: ''\n",
            {"ROBOTS": "NOINDEX, NOFOLLOW", "empty": None, "quoted": ""},
        ),
        (
            "ms.sourcegitcommit: 8bc60ec34bc1e40685e3976576e04a2623f63a7c\n",
            {"ms.sourcegitcommit": "8bc60ec34bc1e40685e3976576e04a2623f63a7c"},
        ),
        ("keys:\n  - a:b\n  -\n", {"keys": ["a:b", None]}),
        (
            "ms.assetid: 00000000-0000-0000-0000-000000010000\nid: 1e5-0\n",
            {"ms.assetid": "00000000-0000-0000-0000-000000010000", "id": "1e5-0"},
        ),
    ],
)
def test_plain_front_matter(raw: str, expected: dict[str, Any]) -> None:
    assert simple_yaml.load(raw) == expected
    assert by_yaml(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "recommendations: false\n",  # a boolean
        "ms.date: 2020-04-18\n",  # a date
        "ms.date: 2020-4-8\n",  # not a date to YAML, but left to it
        "count: 12\n",  # an int
        "ratio: 1.5\n",
        "hex: 0x1F\n",
        "nothing: ~\n",
        "title: a # comment\n",
        "# a comment line\ntitle: x\n",
        "title: a: b\n",
        'title: "escaped \\" quote"\n',
        "title: 'it''s'\n",
        "title: first\n  folded on\n",
        "title: x\ntitle: y\n",  # the same key twice
        "title:\ttab\n",
        "title: line\u2028separator\n",
        "title: &anchor x\nother: *anchor\n",
        "title: !tag x\n",
        "list: [a, b]\n",
        "map: {a: b}\n",
        "items:\n- a\n  - b\n",  # items at two depths
        "items:\n- key: value\n",
        "yes: key\n",
        "",
    ],
)
def test_anything_else_is_left_to_pyyaml(raw: str) -> None:
    assert simple_yaml.load(raw) is None


# Values from the shapes real front matter takes, plus what YAML reads as something else.
_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "MT",
            "nl-NL",
            "04/18/2020",
            "2020-04-18",
            "12",
            "1.5",
            "-1",
            "+1",
            ".5",
            "0x1F",
            "0b101",
            "1_000",
            "1:30",
            ".inf",
            ".NaN",
            "yes",
            "No",
            "on",
            "OFF",
            "null",
            "~",
            "<<",
            "=",
            "y",
            "n",
            "true",
            "e0ba53f0-3b0a-4082-a42f-40f2b45ad91a",
            "00000000-0000-0000-0000-000000010000",
            "12345678-1234-1234-1234-123456789eaf",
            "2020-4-18",
            "2020-04-1",
            "-12-3",
            "1-2",
            "1e-5",
            "0-0",
            "1_0-1",
            "2020-04-18-1",
            "8bc60ec34bc1e406",
            "6312ee31561db361",
            "Adm_O365",
            "NOINDEX, NOFOLLOW",
            "a: b",
            "a #b",
            "a#b",
            "- x",
            "?x",
            ":x",
            "x:",
            "[a]",
            "{a}",
            "&a",
            "*a",
            "!a",
            "|",
            ">",
            "%x",
            "@x",
            "`x`",
            '"q"',
            "'q'",
            '"a\\"b"',
            "'a''b'",
            '""',
            "''",
            "é ü",
            "a  b",
            "a ",
            " a",
            "Microsoft 365",
            "1e5",
            "1.0e+5",
            "12:30:45",
            "2021-01-01 10:00:00",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)
_KEYS = st.sampled_from(["title", "ms.custom", "ms.date", "author", "yes", "x-y", "_k", "on"])


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        key = draw(_KEYS)
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(_VALUES)}")
        else:
            lines.append(f"{key}:")
            indent = " " * draw(st.integers(0, 2))
            for _ in range(draw(st.integers(0, 3))):
                lines.append(f"{indent}- {draw(_VALUES)}")
        if draw(st.integers(0, 9)) == 0:
            lines.append("")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(front_matter())
def test_generated_front_matter_reads_alike(raw: str) -> None:
    assert agrees(raw)


def test_unusual_characters_are_the_complement_of_what_yaml_reads_plainly() -> None:
    """The class lists what it matches (quick to compile); it is the same set as the negated
    class of the characters PyYAML's reader accepts, for every code point."""
    import re

    accepted = re.compile(
        "[^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )
    every = "".join(map(chr, range(0x110000)))
    found = [m.start() for m in simple_yaml._UNUSUAL_RE.finditer(every)]
    assert found == [m.start() for m in accepted.finditer(every)]
    assert len(found) == 2117
