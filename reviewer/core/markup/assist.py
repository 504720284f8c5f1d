"""Editor help on markup: insert the source's next missing markup, pair delimiters, guard tokens."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.markup.tokens import (
    BOLD,
    IMAGE_OPEN,
    ITALIC,
    LINK_CLOSE,
    LINK_OPEN,
    MARKUP_KINDS,
    REF_CLOSE,
    TAG,
    Token,
    token_at,
    tokenize,
)


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``insert``; then the cursor is at ``cursor`` and the
    selection runs from ``anchor`` to it (both offsets in the new text)."""

    start: int
    end: int
    insert: str
    cursor: int
    anchor: int
    removed: tuple[str, ...] = ()  # markup tokens the edit removes whole, for a warning
    message: str = ""  # what the edit did, for the status bar

    def apply(self, text: str) -> str:
        return text[: self.start] + self.insert + text[self.end :]


@dataclass(frozen=True, slots=True)
class MarkupUnit:
    """One piece of markup as a translator sees it: a bold span, a link, a code span, a tag."""

    kind: str  # the kind of its first token; a link is LINK_OPEN, an image IMAGE_OPEN
    key: str  # what its counterpart shares: the URL, the code, the tag; "" for bold/italic
    opening: str  # inserted before the selection: "**", "[", "<b>", or the whole token
    closing: str  # inserted after the selection: "**", "](url)", "</b>"; "" for one token
    tokens: tuple[int, ...]  # indexes into the tokens of its text
    complete: bool = True  # False for a lone half (an unbalanced ** or an unclosed <b>)

    @property
    def label(self) -> str:
        """How the unit reads in a message: **…**, [text](url), `code`."""
        if not self.closing:
            return self.opening
        return f"{self.opening}…{self.closing}"


_PAIRED_KINDS = frozenset({BOLD, ITALIC, TAG})
_KEYLESS = frozenset({BOLD, ITALIC})


def markup_units(text: str) -> list[MarkupUnit]:
    """The markup of ``text`` as units in order of their first token."""
    tokens = tokenize(text)
    units: list[MarkupUnit] = []
    for i, tok in enumerate(tokens):
        if tok.kind not in MARKUP_KINDS or tok.kind in (LINK_CLOSE, REF_CLOSE):
            continue
        if tok.kind in (LINK_OPEN, IMAGE_OPEN):
            close = tokens[tok.partner]
            units.append(MarkupUnit(tok.kind, tok.key, tok.text, close.text, (i, tok.partner)))
        elif tok.kind in _PAIRED_KINDS and tok.partner > i:
            partner = tokens[tok.partner]
            units.append(
                MarkupUnit(tok.kind, _unit_key(tok), tok.text, partner.text, (i, tok.partner))
            )
        elif tok.kind in _PAIRED_KINDS and tok.partner >= 0:
            continue  # the closing half of a unit already listed
        else:
            lone = tok.kind in _KEYLESS or (tok.kind == TAG and _is_paired_tag(tok))
            units.append(MarkupUnit(tok.kind, _unit_key(tok), tok.text, "", (i,), not lone))
    return units


def _unit_key(tok: Token) -> str:
    if tok.kind in _KEYLESS:
        return ""
    if tok.kind == TAG:
        return tok.key.replace("</", "<")
    return tok.key


def _is_paired_tag(tok: Token) -> bool:
    """Whether a tag normally comes with a closing tag (<b>), unlike <br> or <img>."""
    name = tok.key.strip("</>").split(" ")[0]
    return name not in ("br", "hr", "img", "wbr", "col") and not tok.text.endswith("/>")


def _match(source: list[MarkupUnit], target: list[MarkupUnit]) -> list[MarkupUnit | None]:
    """For each source unit, the target unit that is its counterpart, or None."""
    pool: dict[tuple[str, str], list[MarkupUnit]] = {}
    for unit in target:
        pool.setdefault((unit.kind, unit.key), []).append(unit)
    out: list[MarkupUnit | None] = []
    for unit in source:
        candidates = pool.get((unit.kind, unit.key), [])
        # A complete counterpart first; a lone half only stands in for a lone half.
        pick = next((c for c in candidates if c.complete == unit.complete), None)
        if pick is None and candidates and unit.complete:
            pick = candidates[0]
        if pick is not None:
            candidates.remove(pick)
        out.append(pick)
    return out


def _source_units(source: str) -> list[MarkupUnit]:
    """The source's units worth inserting: a lone * or _ in the source is a literal character."""
    return [u for u in markup_units(source) if u.complete or u.kind not in _KEYLESS]


def missing_markup(source: str, target: str) -> list[MarkupUnit]:
    """Source markup units with no counterpart in the target (or only half of one), in order."""
    s_units = _source_units(source)
    matched = _match(s_units, markup_units(target))
    return [
        unit
        for unit, counterpart in zip(s_units, matched, strict=True)
        if counterpart is None or (unit.complete and not counterpart.complete)
    ]


def insert_next_markup(
    source: str, target: str, cursor: int, anchor: int | None = None
) -> TextEdit | None:
    """The edit that inserts the source's next missing markup at the cursor or around the
    selection, as memoQ and Trados insert the next tag; None when nothing is missing.

    A pair (bold, a link, a tag pair) wraps the selection, or is inserted empty with the cursor
    inside it; a lone half left in the target gets its other half at the cursor.
    """
    if anchor is None:
        anchor = cursor
    s_units = _source_units(source)
    t_units = markup_units(target)
    matched = _match(s_units, t_units)
    tokens = tokenize(target)
    start, end = _snap(tokens, min(cursor, anchor), max(cursor, anchor))
    skip = None
    for unit, counterpart in zip(s_units, matched, strict=True):
        if counterpart is not None and counterpart.complete == unit.complete:
            continue
        if skip is None and start == end and _in_empty_pair(target, start, unit):
            # Pressed again before typing into the pair just inserted: go on to the next
            # unit, after that pair.
            skip = unit
            start = end = start + len(unit.closing)
            continue
        if counterpart is not None and unit.complete and not counterpart.complete:
            # A lone ** or <b> in the target: add the missing half at the cursor.
            lone = tokens[counterpart.tokens[0]]
            half = unit.closing if lone.end <= start else unit.opening
            at = end if lone.end <= start else start
            return TextEdit(at, at, half, at + len(half), at + len(half), (), f"inserted {half}")
        if counterpart is not None:
            continue
        return _insert_unit(target, unit, start, end)
    return None


def _in_empty_pair(target: str, at: int, unit: MarkupUnit) -> bool:
    return bool(unit.closing) and (
        target.endswith(unit.opening, 0, at) and target.startswith(unit.closing, at)
    )


def _insert_unit(target: str, unit: MarkupUnit, start: int, end: int) -> TextEdit:
    if not unit.closing:
        text = unit.opening
        at = start
        pos = at + len(text)
        return TextEdit(start, end, text, pos, pos, (), f"inserted {text}")
    if start < end:
        # Leading and trailing spaces stay outside: "** Opslaan**" would not be bold.
        selected = target[start:end]
        start += len(selected) - len(selected.lstrip())
        end -= len(selected) - len(selected.rstrip())
        if start >= end:
            start = end = max(start, end)
    inner = target[start:end]
    text = unit.opening + inner + unit.closing
    if inner:
        pos = start + len(text)
        return TextEdit(start, end, text, pos, pos, (), f"inserted {unit.label}")
    pos = start + len(unit.opening)
    return TextEdit(start, end, text, pos, pos, (), f"inserted {unit.label}")


def _snap(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Move selection edges that fall inside markup tokens to the token's far edge."""
    i = token_at(tokens, start)
    if i >= 0 and tokens[i].kind in MARKUP_KINDS and tokens[i].start < start:
        start = tokens[i].end if start == end else tokens[i].start
        end = max(end, start)
    j = token_at(tokens, end)
    if j >= 0 and tokens[j].kind in MARKUP_KINDS and tokens[j].start < end:
        end = tokens[j].end
    return start, end


# -- pairing while typing ------------------------------------------------------------------

_CLOSERS_AFTER = frozenset(" \t\n\u00a0.,;:!?)]}*_|")


def auto_pair(text: str, cursor: int, anchor: int, typed: str) -> TextEdit | None:
    """What typing ``typed`` should do beyond inserting it, or None to insert it plainly.

    ``[`` gives ``[]``, ``(`` after ``]`` gives ``()``, a backtick gives a pair of backticks and
    a second ``*`` gives ``****`` with the cursor in the middle; with a selection, ``[``, a
    backtick and ``*`` wrap it (``*`` keeps the selection, so ``**`` makes it bold). Typing a
    closer that is already next to the cursor steps over it.
    """
    start, end = min(cursor, anchor), max(cursor, anchor)
    if start < end:
        inner = text[start:end]
        if typed == "[":
            wrapped = f"[{inner}]"
            pos = start + len(wrapped)
            return TextEdit(start, end, wrapped, pos, pos)
        if typed in ("`", "*", "_"):
            wrapped = f"{typed}{inner}{typed}"
            # The inner text stays selected, so a second * makes the selection bold.
            return TextEdit(start, end, wrapped, start + 1 + len(inner), start + 1)
        return None
    before = text[cursor - 1] if cursor > 0 else ""
    after = text[cursor] if cursor < len(text) else ""
    free = after == "" or after in _CLOSERS_AFTER
    if typed in ("]", ")", "`") and after == typed:
        return TextEdit(cursor, cursor, "", cursor + 1, cursor + 1)
    if typed == "*":
        if after == "*" and before not in ("", " ", "\n", "*"):
            return TextEdit(cursor, cursor, "", cursor + 1, cursor + 1)
        before2 = text[cursor - 2] if cursor > 1 else ""
        # The second star of an opening ** (after a space or bracket, not after a word).
        opening = before2 == "" or not (before2.isalnum() or before2 == "*")
        if before == "*" and opening and after != "*" and free:
            return TextEdit(cursor, cursor, "***", cursor + 1, cursor + 1)
        return None
    if not free:
        return None
    if typed == "[":
        return TextEdit(cursor, cursor, "[]", cursor + 1, cursor + 1)
    if typed == "(" and before == "]":
        return TextEdit(cursor, cursor, "()", cursor + 1, cursor + 1)
    if typed == "`" and (before == "" or not before.isalnum()):
        return TextEdit(cursor, cursor, "``", cursor + 1, cursor + 1)
    return None


# -- protection against partial deletes ---------------------------------------------------


def protected_delete(text: str, cursor: int, anchor: int, forward: bool) -> TextEdit | None:
    """The edit for Delete (``forward``) or Backspace when it would cut a markup token, or None
    when the key may act as usual.

    Without a selection, a key that would delete one character of ``**``, ``](url)``, ``<b>``,
    ``&amp;`` or ``\\>`` removes the whole token instead (the content of code and the URL of a
    link stay editable character by character). A selection that cuts a token is widened to
    the whole token. ``removed`` names the tokens, so the editor can warn.
    """
    tokens = tokenize(text)
    start, end = min(cursor, anchor), max(cursor, anchor)
    if start == end:
        at = cursor if forward else cursor - 1
        if at < 0 or at >= len(text):
            return None
        i = token_at(tokens, at)
        tok = tokens[i]
        if tok.kind not in MARKUP_KINDS:
            return None
        if tok.inner is not None and tok.inner[0] <= at < tok.inner[1]:
            return None
        return TextEdit(
            tok.start, tok.end, "", tok.start, tok.start, (tok.text,), _removed_message([tok])
        )
    first = token_at(tokens, start)
    last = token_at(tokens, end - 1)
    if first < 0 or last < 0:
        return None
    cut = [tokens[k] for k in range(first, last + 1) if tokens[k].kind in MARKUP_KINDS]
    if not cut:
        return None
    new_start, new_end = start, end
    head, tail = tokens[first], tokens[last]
    if head.kind in MARKUP_KINDS and head.start < start and not _inside_inner(head, start, end):
        new_start = head.start
    if tail.kind in MARKUP_KINDS and tail.end > end and not _inside_inner(tail, start, end):
        new_end = tail.end
    whole = [t for t in cut if t.start >= new_start and t.end <= new_end]
    if not whole:
        return None  # the selection lies inside the editable part of one token
    removed = tuple(t.text for t in whole)
    return TextEdit(new_start, new_end, "", new_start, new_start, removed, _removed_message(whole))


def _inside_inner(tok: Token, start: int, end: int) -> bool:
    return tok.inner is not None and tok.inner[0] <= start and end <= tok.inner[1]


def _removed_message(tokens: list[Token]) -> str:
    shown = ", ".join(_short(t.text) for t in tokens)
    return f"removed markup {shown}: undo to restore it"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def token_span(text: str, offset: int) -> tuple[int, int] | None:
    """The (start, end) of the markup token at ``offset``, or None on plain text."""
    tokens = tokenize(text)
    i = token_at(tokens, offset)
    if i < 0 or tokens[i].kind not in MARKUP_KINDS:
        return None
    return tokens[i].start, tokens[i].end
