"""Running the registered checks: a segment's messages, one finding per problem, report order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.core.checks.base import (
    REGISTRY,
    Check,
    CheckConfig,
    Finding,
    Level,
    document_checks,
    load_builtin_checks,
    pair_checks,
    readable,
)
from reviewer.core.format import Document, Pair

_DEFAULT = CheckConfig()

# One problem, one finding: where two checks see the same problem, the more specific one
# speaks. A finding of a check on the right is dropped when a check on the left reported the
# same word in the same segment (CSV → CVS is an acronym, not also a forbidden term; English
# left in the target is one finding, not one per untranslated check).
SUPERSEDES: dict[str, tuple[str, ...]] = {
    "acronym": ("forbidden-term",),
    "forbidden-term": ("glossary-term", "wrong-sense"),
    "identifier": ("dnt-translated", "untranslated", "spelling"),
    "identifier-case": ("dnt-translated", "name-case"),
    "untranslated": ("partly-untranslated",),
    "dnt-translated": ("untranslated", "compound-hyphen"),
    "code-value": ("acronym",),
}
_QUOTED_RE = re.compile(r"'([^']+)'|([A-Za-z][\w.-]*[A-Za-z0-9])")


def _words_of(message: str) -> set[str]:
    return {
        w.lower() for m in _QUOTED_RE.finditer(message) for w in re.split(r"[\s-]+", m[1] or m[2])
    }


def superseded(findings: Sequence[tuple[str, str]]) -> set[int]:
    """Indexes of (code, message) findings of one segment that a more specific check's finding
    about the same word makes redundant."""
    codes = {code for code, _ in findings}
    if not any(code in SUPERSEDES for code in codes):
        return set()
    drop: set[int] = set()
    for i, (code, message) in enumerate(findings):
        over = [c for c, lesser in SUPERSEDES.items() if code in lesser and c in codes]
        if not over:
            continue
        words = {w for w in _words_of(message) if len(w) > 2} - _MESSAGE_WORDS
        for j, (other, other_message) in enumerate(findings):
            if j != i and other in over and words & _words_of(other_message):
                drop.add(i)
                break
    return drop


# Words of the messages themselves, which say nothing about the token.
_MESSAGE_WORDS = frozenset(
    [
        "the",
        "target",
        "source",
        "changed",
        "missing",
        "altered",
        "name",
        "not",
        "acronym",
        "identifier",
        "english",
        "left",
        "do-not-translate",
        "word",
        "unknown",
        "write",
        "hyphen",
        "forbidden",
        "variant",
        "use",
        "glued",
        "words",
        "around",
        "translated",
        "value",
        "query",
        "operator",
    ]
)


def pair_messages(
    checks: Sequence[tuple[Check, Level]], source: str, target: str
) -> list[tuple[Check, Level, str]]:
    """What the pair checks say about one source and target: (check, its level, message),
    in check order, without the findings a more specific one makes redundant."""
    out: list[tuple[Check, Level, str]] = []
    for check, level in checks:
        raw = check.raw_pair_fn
        if raw is not None:
            messages = raw(source, target)
            if messages:
                out.extend((check, level, readable(m, source, target)) for m in messages)
        else:  # a check made without register_pair_check
            fn = check.pair_fn
            assert fn is not None
            out.extend((check, level, message) for message in fn(source, target))
    if len(out) > 1:
        drop = superseded([(c.code, m) for c, _, m in out])
        if drop:
            out = [item for i, item in enumerate(out) if i not in drop]
    return out


def _pair_findings(
    checks: Sequence[tuple[Check, Level]], pair: Pair, path: str | None
) -> list[Finding]:
    return [
        Finding(check.code, level, check.category, check.title, message, path, pair.id, pair.line)
        for check, level, message in pair_messages(checks, pair.source, pair.target)
    ]


def with_levels(config: CheckConfig | None = None) -> list[tuple[Check, Level]]:
    """The enabled pair checks, each with the level it reports at."""
    return _with_levels(pair_checks(config), config)


def _with_levels(checks: list[Check], config: CheckConfig | None) -> list[tuple[Check, Level]]:
    config = config or _DEFAULT
    return [(c, config.level(c)) for c in checks]


def check_pair(
    pair: Pair, path: str | None = None, config: CheckConfig | None = None
) -> list[Finding]:
    """Pair-level findings for one segment, e.g. to re-check it after an edit."""
    return _pair_findings(_with_levels(pair_checks(config), config), pair, path)


def finding_ranks(config: CheckConfig | None = None) -> dict[str, int]:
    """Check code -> its place among one segment's findings: errors first, then warnings, then
    notes, each in registry order."""
    load_builtin_checks()
    levels = config or _DEFAULT
    severity = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}
    return {
        code: severity[levels.level(check)] * 1000 + i
        for i, (code, check) in enumerate(REGISTRY.items())
    }


def run_checks(documents: Sequence[Document], config: CheckConfig | None = None) -> list[Finding]:
    """Every enabled check over every pair of the documents, in document order.

    Findings are ordered by document, then by the pair's position in it, then by level and
    check registration order; document-level findings sort in beside the pair they name.
    """
    from reviewer.core.checks.tables import paused_gc

    with paused_gc():  # the checks make many short-lived objects and no cycles
        return _run_checks(documents, config)


def _run_checks(documents: Sequence[Document], config: CheckConfig | None) -> list[Finding]:
    checks = _with_levels(pair_checks(config), config)
    levels = config or _DEFAULT
    rank = finding_ranks(config)
    keyed: list[tuple[int, int, int, Finding]] = []
    for d, doc in enumerate(documents):
        path = doc.path
        for pair in doc.pairs:
            for finding in _pair_findings(checks, pair, path):
                keyed.append((d, pair.index, rank[finding.code], finding))
    position = {id(doc): d for d, doc in enumerate(documents)}
    for check in document_checks(config):
        fn = check.document_fn
        assert fn is not None
        for doc, pair, message in fn(documents):
            finding = Finding(
                check.code,
                levels.level(check),
                check.category,
                check.title,
                message,
                doc.path,
                pair.id,
                pair.line,
            )
            keyed.append(
                (position.get(id(doc), len(documents)), pair.index, rank[check.code], finding)
            )
    keyed.sort(key=lambda k: k[:3])
    return [k[3] for k in keyed]
