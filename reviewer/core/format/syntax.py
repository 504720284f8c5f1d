"""The sxs-lookup markup a pair is made of, and the patterns that find it (FORMAT.md 3-4)."""

from __future__ import annotations

import re

OPENER_RE = re.compile(r'<span data-ttu-id="([^"<>]*)">')
DELIM_HEAD = '</span><span class="sxs-lookup"><span data-stu-id="'
CLOSER = "</span></span>"
# No real target or source comes near this (the longest of 231,533 is 1,376 characters); a pair
# beyond it is kept as raw text with a warning, so no check, editor or view ever works on one.
MAX_SEGMENT_CHARS = 20_000
# A whole pair whose target runs to the first delimiter with its own id and whose source holds no
# <span or </span before the closer: the common case, matched in one C-level pass. Its target may
# not hold another opener either (no real one does): that pair goes step by step, and an opener
# with no source is never followed past the next opener, so the pass stays linear. When the tail
# does not match, only the opener matches and parse_text applies section 4 step by step, so both
# paths give the same pairs (tests check this against pairs_stepwise).
# The quantifiers are possessive because giving characters back can never find an earlier end:
# each run stops at the first "<" that may end it. That saves the engine its backtrack records.
PAIR_RE = re.compile(
    r'<span data-ttu-id="([^"<>]*+)">'
    r"(?:"
    r'([^<]*+(?:<(?!/span><span class="sxs-lookup"><span data-stu-id="\1">)'
    r'(?!span data-ttu-id=")[^<]*+)*+)'
    r'</span><span class="sxs-lookup"><span data-stu-id="\1">'
    r"([^<]*+(?:<(?!/?span)[^<]*+)*+)"
    r"</span></span>"
    r")?"
)
# A pair the stepwise rule found, matched again within its known extent: the target runs to the
# first delimiter with its id (lazy) and the source to the end (greedy up to endpos).
STEPWISE_RE = re.compile(
    r'<span data-ttu-id="([^"<>]*+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="\1">'
    r"(.*)</span></span>",
    re.S,
)
DELIM_RE = re.compile(r'</span><span class="sxs-lookup"><span data-stu-id="([^"<>]*)">')
# Inner span tokens of a source, for the depth scan of FORMAT.md section 4 step 3.
SPAN_TOKEN_RE = re.compile(r"</span>|<span(?=[\s>/])[^>]*>")
CORRUPT_OPENER_RE = re.compile(r'<span data-ttu-id=(?:"|&quot;)[^"<>]*?&quot;>')
ORPHAN_LOOKUP = '<span class="sxs-lookup"><span data-stu-id="'
CORRUPT_LOOKUP = "<span class=&quot;sxs-lookup&quot;>"

FORBIDDEN_IN_TARGET = ('</span><span class="sxs-lookup">', "<span data-ttu-id=")
