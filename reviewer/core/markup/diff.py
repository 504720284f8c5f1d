"""Word-and-token diff: a changed word inside a link marks that word, not the whole link."""

from __future__ import annotations

from typing import NamedTuple

from reviewer.core.markup.tokens import SPACE, tokenize

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"


class DiffRun(NamedTuple):
    """A run of text that is equal, deleted from the old text or inserted in the new one."""

    op: str
    text: str


def token_diff(old: str, new: str) -> list[DiffRun]:
    """The runs that turn ``old`` into ``new``, compared on words and markup tokens.

    Markup tokens compare whole (``](url)``, ``**``, ``&amp;``) and the words of a link text
    compare one by one. Spaces alone do not hold two changes apart, so "de grote" → "het
    kleine" reads as one change rather than two with a kept space between.
    """
    a = [t.text for t in tokenize(old)]
    b = [t.text for t in tokenize(new)]
    a_space = [t.kind == SPACE for t in tokenize(old)]
    import difflib  # on the first diff shown, after the window's first paint

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[tuple[str, str, str]] = []  # (op, old text, new text)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == EQUAL:
            # A lone space between two changes joins them.
            lone_space = i2 - i1 == 1 and a_space[i1]
            runs.append(("space" if lone_space else EQUAL, old_text, new_text))
        else:
            runs.append(("change", old_text, new_text))
    return _merge(runs)


def _merge(runs: list[tuple[str, str, str]]) -> list[DiffRun]:
    out: list[DiffRun] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(DiffRun(DELETE, "".join(deleted)))
        if inserted:
            out.append(DiffRun(INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for k, (op, old_text, new_text) in enumerate(runs):
        between = (
            op == "space"
            and 0 < k < len(runs) - 1
            and runs[k - 1][0] == "change"
            and runs[k + 1][0] == "change"
        )
        if op == "change" or between:
            if old_text:
                deleted.append(old_text)
            if new_text:
                inserted.append(new_text)
            continue
        flush()
        if out and out[-1].op == EQUAL:
            out[-1] = DiffRun(EQUAL, out[-1].text + old_text)
        else:
            out.append(DiffRun(EQUAL, old_text))
    flush()
    return out


def changed_ranges(old: str, new: str) -> list[tuple[int, int]]:
    """(start, end) offsets in ``new`` of every inserted run, to highlight in an editor."""
    out: list[tuple[int, int]] = []
    pos = 0
    for op, text in token_diff(old, new):
        if op == DELETE:
            continue
        if op == INSERT:
            out.append((pos, pos + len(text)))
        pos += len(text)
    return out
