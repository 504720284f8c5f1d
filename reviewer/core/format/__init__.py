"""Lossless reader and writer for sxs-lookup bilingual Markdown articles (FORMAT.md 3-5)."""

from __future__ import annotations

from reviewer.core.format.diagnostics import ParseWarning
from reviewer.core.format.document import Document, RawChunk
from reviewer.core.format.front_matter import FrontMatter, FrontMatterField
from reviewer.core.format.pairs import Pair, PairList
from reviewer.core.format.reader import decode, parse, parse_text
from reviewer.core.format.syntax import FORBIDDEN_IN_TARGET, MAX_SEGMENT_CHARS, OPENER_RE
from reviewer.core.format.targets import EditWarning, check_target

__all__ = [
    "FORBIDDEN_IN_TARGET",
    "MAX_SEGMENT_CHARS",
    "OPENER_RE",
    "Document",
    "EditWarning",
    "FrontMatter",
    "FrontMatterField",
    "Pair",
    "PairList",
    "ParseWarning",
    "RawChunk",
    "check_target",
    "decode",
    "parse",
    "parse_text",
]
