"""Export, change random targets in the XLIFF, import: exactly those change, byte for byte."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reviewer.core.fileio import load_document
from reviewer.core.importing import plan_import
from reviewer.core.interchange import segments
from reviewer.core.workspace import open_article
from reviewer.core.xliff import NS12, NS20, export_xliff
from tests.corpus import CORPUS
from tests.strategies import fuzz_examples

# Articles with bold, links, entities, inline HTML, stray spans and multi-line pairs.
ARTICLES = (
    "apps-health.md",
    "external-domain-name-system-records.md",
    "outlook-com-setting-changes.md",
    "activation-sign-in-issue-another-account-is-already-signed-in.md",
    "configure-search-for-multi-geo.md",
    "intune-exchange-on-prem-connector.md",
)
# What a translator types: letters, Dutch accents, markup characters, entities, line breaks.
TYPED = st.text(
    alphabet=st.sampled_from(list("abcXYZ éëïöüĳ€ 0129 .,:;!?'\"&>*_[]()`#|\\/-+=@\n\t")),
    min_size=1,
    max_size=12,
).filter(lambda s: any(c.isalnum() for c in s))


@cache
def unit_ids(name: str) -> tuple[str, ...]:
    return tuple(seg.id for seg in segments(open_article(str(CORPUS / name)).session))


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str, bool, dict[str, str]]:
    name = draw(st.sampled_from(ARTICLES))
    ids = unit_ids(name)
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=6, unique=True))
    return (
        name,
        draw(st.sampled_from(("1.2", "2.1"))),
        draw(st.booleans()),
        {pair_id: draw(TYPED) for pair_id in chosen},
    )


def _prefix_targets(data: bytes, typed: dict[str, str]) -> bytes:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for unit in root.iter(f"{{{NS12}}}trans-unit", f"{{{NS20}}}unit"):
        if unit.get("id") in typed:
            target: Any = unit.find(f"{{{NS12}}}target")
            if target is None:
                target = unit.find(f"{{{NS20}}}segment/{{{NS20}}}target")
            target.text = typed[unit.get("id")] + (target.text or "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")  # type: ignore[no-any-return]


@settings(
    max_examples=fuzz_examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits())
def test_exactly_the_changed_targets_change(case: tuple[str, str, bool, dict[str, str]]) -> None:
    name, version, raw, typed = case
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / name
        shutil.copyfile(CORPUS / name, article)
        ws = open_article(str(article), user="ann")
        xlf = Path(folder) / "out.xlf"
        export_xliff([ws.session], str(xlf), version, raw)
        xlf.write_bytes(_prefix_targets(xlf.read_bytes(), typed))

        plan = plan_import(ws.session, str(xlf), author="bram")
        assert plan.rejected == []
        assert {c.id for c in plan.changes} == set(typed)
        ws.session.apply(plan.edit())  # type: ignore[arg-type]
        ws.save()

        expected = load_document(CORPUS / name)
        for pair_id, text in typed.items():
            pair = expected.pair(pair_id)
            expected.set_target(pair, text + pair.target)
        assert article.read_bytes() == expected.serialize()
        # And a second import of the same file finds nothing left to do.
        again = plan_import(open_article(str(article)).session, str(xlf))
        assert again.changes == [] and again.rejected == []
