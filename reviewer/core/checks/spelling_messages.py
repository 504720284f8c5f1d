"""What the spelling checks report on a target, and their messages read back as spans.

Apart from the checks (spelling.py), which import the compound and hyphen rules: a window
underlines what a check run found before its first paint without importing them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Misspelling:
    """One spelling problem in a target: ``kind`` is spelling, compound, hyphen (after a name)
    or ellipsis (the hyphen of an elliptic compound: beveiligings- en compliancecentrum)."""

    start: int
    end: int
    text: str  # the target's text from start to end
    kind: str
    replacement: str  # the joined form for compound and hyphen, "" for an unknown word

    def message(self) -> str:
        kind = self.kind
        if kind == "compound":
            return f"split compound {self.text!r}: write {self.replacement!r}"
        if kind in ("hyphen", "ellipsis"):
            return f"missing hyphen in {self.text!r}: write {self.replacement!r}"
        # No suggestions here: Hunspell takes up to 0.2 s to suggest for a long compound, and
        # the editor asks suggestions() when the user right-clicks the word.
        return f"unknown word {self.text!r}"


# What the three spelling checks say, to read their findings back as spans.
_MESSAGE_RE = re.compile(
    r"(unknown word|split compound|missing hyphen in) ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"(?:: write ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))?$"
)
_KINDS = {"unknown word": "spelling", "split compound": "compound", "missing hyphen in": "hyphen"}
CODES = frozenset({"spelling", "split-compound", "compound-hyphen"})


def from_findings(text: str, messages: Iterable[str]) -> list[Misspelling]:
    """The spans of ``text`` that the spelling checks' messages name (found by a check run
    elsewhere, e.g. a forked worker): every occurrence of each named word or words, so that a
    process that never loaded the spelling tables can still underline them."""
    out: list[Misspelling] = []
    for message in messages:
        m = _MESSAGE_RE.match(message)
        if m is None:
            continue
        try:
            word = ast.literal_eval(m.group(2))
            replacement = ast.literal_eval(m.group(3)) if m.group(3) else ""
        except (ValueError, SyntaxError):
            continue
        if not isinstance(word, str) or not isinstance(replacement, str) or not word:
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            found = Misspelling(hit.start(), hit.end(), word, _KINDS[m.group(1)], replacement)
            if not any(o.start < found.end and found.start < o.end for o in out):
                out.append(found)
    out.sort(key=lambda f: f.start)
    return out
