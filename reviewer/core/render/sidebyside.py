"""Target and source blocks aligned in rows, for a side-by-side view of an article."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.core.render.preview import ArticlePreview


def align_blocks(left: ArticlePreview, right: ArticlePreview) -> list[tuple[list[int], list[int]]]:
    """Rows of (left block indexes, right block indexes) that show the same segments.

    Blocks without segments (code, images) stay with the segments before them; where the two
    sides split an article differently, the row holds several blocks on one side.
    """
    spans: list[tuple[float, float, int, int]] = []  # (first, last, side, block)
    for side, preview in enumerate((left, right)):
        last = -1.0
        index_of = {pid: k for k, pid in enumerate(preview.ids)}
        for b in range(len(preview)):
            rows = [index_of[pid] for pid in preview.block_pairs(b)]
            if rows:
                first, last = float(min(rows)), float(max(rows))
                spans.append((first, last, side, b))
            else:
                spans.append((last + 0.5, last + 0.5, side, b))
    spans.sort(key=lambda s: (s[0], s[2], s[3]))
    out: list[tuple[list[int], list[int]]] = []
    end = -2.0
    for first, last, side, block in spans:
        if not out or first > end:
            out.append(([], []))
            end = last
        else:
            end = max(end, last)
        out[-1][side].append(block)
    for row in out:
        row[0].sort()
        row[1].sort()
    return out


def side_by_side_html(left: ArticlePreview, right: ArticlePreview) -> str:
    """A two-column table: each row the target blocks beside the source blocks they translate."""
    out = ['<table class="sxs" width="100%" cellspacing="0" cellpadding="6">']
    left_blocks, right_blocks = left.blocks(), right.blocks()
    for lefts, rights in align_blocks(left, right):
        out.append('<tr><td width="50%" valign="top">')
        out.extend(left_blocks[b] for b in lefts)
        out.append('</td><td width="50%" valign="top">')
        out.extend(right_blocks[b] for b in rights)
        out.append("</td></tr>")
    out.append("</table>\n")
    return "".join(out)
