"""Reading an article: bytes decoded with a located error, then scanned into a Document."""

from __future__ import annotations

import gc

from reviewer.core.errors import FormatError
from reviewer.core.format.diagnostics import collect_warnings
from reviewer.core.format.document import Document
from reviewer.core.format.front_matter import read_front_matter
from reviewer.core.format.pairs import PairList
from reviewer.core.format.scan import pairs_fast, pairs_stepwise


def decode(data: bytes, path: str | None = None) -> str:
    """UTF-8 text of an article, or a FormatError naming where the bytes went wrong."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError(
            "the file is UTF-16, not UTF-8.",
            path,
            1,
            1,
            "Save it as UTF-8 (without BOM) and open it again.",
        )
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        if _looks_like_utf16(data):
            raise FormatError(
                "the file holds NUL bytes: it looks like UTF-16 without a BOM, not UTF-8.",
                path,
                line,
                column,
                "Save it as UTF-8 (without BOM) and open it again.",
            )
        raise FormatError(
            "the file holds NUL bytes: it is binary, not a Markdown article.",
            path,
            line,
            column,
            "Open the .md article itself.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FormatError(
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8 (byte offset {exc.start}).",
            path,
            line,
            column,
            "Re-save the file as UTF-8 and open it again.",
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    """BOM-less UTF-16 text: NULs on one parity only, as ASCII-range text leaves them."""
    head = data[:4096]
    if len(head) < 2:
        return False
    even, odd = head[0::2], head[1::2]
    for zeros, other in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.4 * len(zeros) and other.count(0) == 0:
            return True
    return False


def parse(data: bytes, path: str | None = None) -> Document:
    """Parse an article's bytes. ``parse(b).serialize() == b`` for every input that parses."""
    doc = parse_text(decode(data, path), path)
    doc._adopt_bytes(bytes(data))
    return doc


def parse_text(text: str, path: str | None = None) -> Document:
    front_matter = read_front_matter(text)
    fm_end = front_matter.end if front_matter else 0
    # The scan builds tens of thousands of acyclic objects; collections during it are wasted work.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        found = pairs_fast(text, fm_end)
    finally:
        if gc_was_enabled:
            gc.enable()
    pairs, unpaired, unclosed, oversized = (
        found if found is not None else pairs_stepwise(text, fm_end)
    )
    pairs = pairs if isinstance(pairs, PairList) else PairList(pairs)
    warnings = collect_warnings(text, pairs, front_matter, unpaired, unclosed, oversized)
    return Document(text, pairs, front_matter, warnings, path)
