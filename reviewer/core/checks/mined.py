"""The word tables mined from the article set: known words, compounds and their heads."""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from reviewer.core.checks import tables
from reviewer.resources import resource_path


@lru_cache(maxsize=1)
def mined_words() -> frozenset[str]:
    """Lowercase words the article set's Dutch targets use often that the dictionary lacks."""
    import gzip  # the word lists are read by the checks, never by an open

    with gzip.open(resource_path("checks", "nl_words.txt.gz"), "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


KNOWN = ("checks", "nl_known.txt.gz")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words of the article set's targets the spelling check accepts (tools/mine_known_words.py):
    judged once when mined, so a check run looks up only the rarer words in enchant."""
    path = resource_path(*KNOWN)
    if not path.is_file():
        return frozenset()
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as f:
        return frozenset(f.read().splitlines()[1:])


class Compound(NamedTuple):  # 49k of them are read at start: a tuple builds fastest
    joined: str
    first: str
    head: str
    joined_count: int  # how often the article set writes it joined
    split_count: int  # how often it writes "first head"
    first_is_word: bool  # the dictionary knows the first part on its own


@lru_cache(maxsize=1)
def compounds() -> dict[tuple[str, str], Compound]:
    """Compound nouns by their split: ("toegangs", "token") → toegangstoken; name-noun
    compounds keep the name's case: ("Teams", "bestanden") → Teams-bestanden."""
    columns = tables.cached(
        "compounds", _sources(COMPOUNDS), _compound_columns, _compound_columns_ok
    )
    make = partial(tuple.__new__, Compound)  # no Python call per row
    keys = zip(columns[1], columns[2], strict=True)
    return dict(zip(keys, map(make, zip(*columns, strict=True)), strict=True))


COMPOUNDS = ("checks", "nl_compounds.tsv.gz")
_COMPOUND_KINDS = (str, str, str, int, int, bool)


def _sources(*data: tuple[str, str]) -> list[Path]:
    """The files a table is made from: its data files and this module, which derives it."""
    return [*(resource_path(*d) for d in data), Path(__file__)]


def _compound_columns() -> tuple[list[Any], ...]:
    """The compound table as columns of plain values (Compound's fields), in file order."""
    import gzip

    rows: list[tuple[str, str, str, int, int, bool]] = []
    with gzip.open(resource_path(*COMPOUNDS), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            joined, first, head, jc, sc, fw = line.rstrip("\n").split("\t")
            rows.append((joined, first, head, int(jc), int(sc), fw == "1"))
    return tuple(map(list, zip(*rows, strict=True))) if rows else ([],) * 6


def _compound_columns_ok(value: object) -> bool:
    return tables.column_rows(value, _COMPOUND_KINDS)


@lru_cache(maxsize=1)
def hyphen_heads() -> dict[str, frozenset[str]]:
    """Nouns the article set writes after a name with a hyphen (Teams-bestanden), each with the
    names it follows: evidence that "name noun" is a compound missing its hyphen."""
    return tables.cached(
        "hyphen-heads", _sources(COMPOUNDS, KNOWN), _hyphen_heads, _hyphen_heads_ok
    )


def _hyphen_heads_ok(value: object) -> bool:
    return (
        isinstance(value, dict)
        and tables.of_types(value, str)
        and tables.of_types(value.values(), frozenset)
    )


def _hyphen_heads() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for (first, head), entry in compounds().items():
        if "-" in entry.joined:
            out.setdefault(head, set()).add(first)
    for word in common_words():
        first, _, head = word.partition("-")
        if first[:1].isupper() and head.islower() and "-" not in head:
            out.setdefault(head, set()).add(first)
    return {head: frozenset(names) for head, names in out.items()}


@lru_cache(maxsize=1)
def noun_heads() -> frozenset[str]:
    """Lowercase Dutch nouns: every head and every joined form of the compound table."""
    return tables.cached(
        "noun-heads",
        _sources(COMPOUNDS),
        _noun_heads,
        lambda value: isinstance(value, frozenset) and tables.of_types(value, str),
    )


def _noun_heads() -> frozenset[str]:
    heads: set[str] = set()
    for (_, head), entry in compounds().items():
        heads.add(head)
        if "-" not in entry.joined:
            heads.add(entry.joined)
    return frozenset(heads)
