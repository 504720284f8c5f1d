"""The project as a translation memory: earlier translations of a source, and consistency."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.core.checks import CheckConfig, load_builtin_checks
from reviewer.core.checks import base as checks_base
from reviewer.core.format import Document, parse_text
from reviewer.core.project.repetitions import source_index, source_key
from reviewer.core.segments import State

if TYPE_CHECKING:
    from reviewer.core.project.index import Project

# Approved first, then reviewed ...: the order a reviewer trusts a translation in.
_TRUST = {
    State.APPROVED: 0,
    State.REVIEWED: 1,
    State.EDITED: 2,
    State.NEEDS_WORK: 4,
    State.UNREVIEWED: 3,
}


@dataclass(frozen=True, slots=True)
class MemoryMatch:
    """An earlier translation of the same or a similar source elsewhere in the project."""

    score: float  # 100 for the same source; rapidfuzz similarity (0-100) otherwise
    rel: str
    row: int
    pair_id: str
    source: str
    target: str
    state: State

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


class TranslationMemory:
    """Fuzzy lookup of a source among every source of the project (built once per revision
    of the project: one list of the distinct sources, searched by rapidfuzz in C)."""

    def __init__(self, project: Project) -> None:
        from rapidfuzz import utils

        self.project = project
        self.revision = project.revision
        self._index = source_index(project)
        self._keys = list(self._index)
        # Lowercased, punctuation dropped, once: a lookup then compares in C only.
        self._processed = [utils.default_process(k) for k in self._keys]

    def places(self, source: str) -> list[tuple[str, int]]:
        """Every (article, row) whose source is ``source`` (edge whitespace aside), as of the
        revision the memory was built for."""
        return list(self._index.get(source_key(source), ()))

    def lookup(
        self,
        source: str,
        *,
        limit: int = 10,
        cutoff: float = 70.0,
        exclude: Iterable[tuple[str, int]] = (),
        states: Iterable[State] | None = None,
    ) -> list[MemoryMatch]:
        """Translations of ``source`` and of sources at least ``cutoff`` similar, best first:
        by similarity, then approved before reviewed before the rest, one entry per distinct
        target of each source. ``exclude`` leaves out segments (the one being translated)."""
        from rapidfuzz import fuzz, process, utils

        key = source_key(source)
        if not key:
            return []
        skip = set(exclude)
        allowed = None if states is None else set(states)
        # A few more sources than asked: their occurrences may all be excluded or filtered out.
        found = process.extract(
            utils.default_process(key),
            self._processed,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            limit=max(limit * 3, 10),
        )
        matches: list[MemoryMatch] = []
        for _, score, k in found:
            candidate = self._keys[k]
            exact = candidate == key
            best: dict[str, MemoryMatch] = {}
            for rel, row in self._index[candidate]:
                if (rel, row) in skip:
                    continue
                record = self.project.record(rel)
                state = record.state_of(row)
                if allowed is not None and state not in allowed:
                    continue
                target = record.targets[row]
                m = MemoryMatch(
                    100.0 if exact else min(float(score), 99.9),
                    rel,
                    row,
                    record.ids[row],
                    record.sources[row],
                    target,
                    state,
                )
                seen = best.get(target.strip())
                if seen is None or _TRUST[state] < _TRUST[seen.state]:
                    best[target.strip()] = m
            matches.extend(best.values())
        matches.sort(key=lambda m: (-m.score, _TRUST[m.state], m.rel, m.row))
        return matches[:limit]


def translation_memory(project: Project) -> TranslationMemory:
    """The project's memory, built once per revision of the project (~0.7 s for 185k pairs:
    build it on a worker thread; a lookup then takes tens of milliseconds)."""
    return project.memo("memory", lambda: TranslationMemory(project))


# -- consistency across articles ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Variant:
    """One way a repeated source is translated, and where."""

    target: str
    places: tuple[tuple[str, int], ...]  # (article, row)
    states: tuple[State, ...]


@dataclass(frozen=True, slots=True)
class InconsistentSource:
    """A source translated differently in different articles, as the consistency check sees
    it: the segments it flags, with its message, and every variant for a lead to pick from."""

    source: str
    variants: tuple[Variant, ...]
    flagged: tuple[tuple[str, int, str], ...]  # (article, row, message)

    @property
    def articles(self) -> int:
        return len({rel for v in self.variants for rel, _ in v.places})


_CODE = "inconsistent-target"


def _document(rel: str, pairs: list[tuple[str, str, str]]) -> Document:
    """A real Document (the real parser) holding only the given (id, target, source) pairs, so
    the registered check runs on exactly what it runs on in an article."""
    text = "".join(
        f'<span data-ttu-id="{pid}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pid}">{source}</span></span>\n'
        for pid, target, source in pairs
    )
    return parse_text(text, rel)


def project_consistency(
    project: Project, config: CheckConfig | None = None
) -> list[InconsistentSource]:
    """Sources translated differently across articles, judged by the article-level check
    ``inconsistent-target`` (the same rules, called, not copied): a segment counts when that
    check flags it with every article's segments together but not within its own article.
    [] when the check is turned off."""
    load_builtin_checks()
    check = checks_base.REGISTRY.get(_CODE)
    config = config or project.config.check_config()
    if check is None or check.document_fn is None or not config.enabled(check):
        return []
    groups = {
        key: places
        for key, places in source_index(project).items()
        if len({rel for rel, _ in places}) > 1
        and len({project.record(rel).targets[row].strip() for rel, row in places}) > 1
    }
    # Only the segments of those sources, one small document per article, in project order.
    per_article: dict[str, list[int]] = {}
    for places in groups.values():
        for rel, row in places:
            per_article.setdefault(rel, []).append(row)
    docs: list[Document] = []
    rows_of: dict[int, list[int]] = {}
    for rel in project.rels:
        rows = sorted(per_article.get(rel, ()))
        if not rows:
            continue
        record = project.record(rel)
        doc = _document(rel, [(record.ids[r], record.targets[r], record.sources[r]) for r in rows])
        if len(doc.pairs) != len(rows):
            # A segment that does not stand alone (stray markup): keep those that do.
            rows = [
                r
                for r in rows
                if len(
                    _document(rel, [(record.ids[r], record.targets[r], record.sources[r])]).pairs
                )
                == 1
            ]
            doc = _document(
                rel, [(record.ids[r], record.targets[r], record.sources[r]) for r in rows]
            )
            if len(doc.pairs) != len(rows):
                continue
        docs.append(doc)
        rows_of[id(doc)] = rows
    local = {(id(doc), pair.index) for d in docs for doc, pair, _ in check.document_fn([d])}
    flagged: dict[str, list[tuple[str, int, str]]] = {}
    for doc, pair, message in check.document_fn(docs):
        if (id(doc), pair.index) in local:
            continue  # the article-level check already reports it
        rel = doc.path or ""
        row = rows_of[id(doc)][pair.index]
        key = source_key(project.record(rel).sources[row])
        flagged.setdefault(key, []).append((rel, row, message))
    out = [
        InconsistentSource(key, _variants(project, groups[key]), tuple(found))
        for key, found in flagged.items()
        if key in groups
    ]
    out.sort(key=lambda g: (-len(g.flagged), g.source))
    return out


def _variants(project: Project, places: list[tuple[str, int]]) -> tuple[Variant, ...]:
    by_target: dict[str, list[tuple[str, int]]] = {}
    for rel, row in places:
        by_target.setdefault(project.record(rel).targets[row].strip(), []).append((rel, row))
    variants = [
        Variant(
            target,
            tuple(where),
            tuple(project.record(rel).state_of(row) for rel, row in where),
        )
        for target, where in by_target.items()
    ]
    variants.sort(key=lambda v: -len(v.places))
    return tuple(variants)
