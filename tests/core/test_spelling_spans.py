"""The spelling checks' findings read back as the spans an editor underlines."""

from __future__ import annotations

from reviewer.core.checks import spelling
from reviewer.core.fileio import load_document
from tests.corpus import CORPUS


def test_the_messages_give_back_every_span_the_check_found_on_the_corpus() -> None:
    lines = same = 0
    for path in sorted(CORPUS.glob("*.md")):
        for pair in load_document(str(path)).pairs:
            for line in pair.target.split("\n"):
                found = spelling.misspellings(line, pair.source)
                if not found:
                    continue
                lines += 1
                spans = spelling.from_findings(line, [m.message() for m in found])
                assert set(found) <= set(spans), line
                # More only where a word the check skipped once (a name in Title Case) is
                # flagged elsewhere in the line: every occurrence of it is underlined.
                assert {m.text for m in spans} == {m.text for m in found}
                same += spans == found
    assert lines >= 50 and same >= 0.95 * lines


def test_quotes_and_replacements_survive_and_other_messages_are_ignored() -> None:
    target = "Een licnetie voor toegangs token en it's licnetie, Teams bestanden."
    messages = [
        "unknown word 'licnetie'",
        'unknown word "it\'s"',
        "split compound 'toegangs token': write 'toegangstoken'",
        "missing hyphen in 'Teams bestanden': write 'Teams-bestanden'",
        "link URL changed: a.htm → b.htm",
    ]
    spans = [
        (target[m.start : m.end], m.kind, m.replacement)
        for m in spelling.from_findings(target, messages)
    ]
    assert spans == [
        ("licnetie", "spelling", ""),
        ("toegangs token", "compound", "toegangstoken"),
        ("it's", "spelling", ""),
        ("licnetie", "spelling", ""),
        ("Teams bestanden", "hyphen", "Teams-bestanden"),
    ]
    assert spelling.from_findings("licneties", ["unknown word 'licnetie'"]) == []
