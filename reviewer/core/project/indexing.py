"""Records for found articles: the cached ones that still match the disk, the rest read anew."""

from __future__ import annotations

import marshal
from collections.abc import Sequence

from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import digest, read_bytes
from reviewer.core.project.discovery import Found
from reviewer.core.project.parallel import CancelToken, ProgressFn, chunked, run_chunks
from reviewer.core.project.records import ArticleRecord
from reviewer.core.project.settings import ArticleConfigs
from reviewer.core.project.worker import SummarizeJob
from reviewer.core.yamlio import paused_gc

# Below these many files the work runs in this process: starting workers costs more.
PARALLEL_INDEX_FROM = 200
INDEX_CHUNK = 48


def unchanged(record: ArticleRecord, found: Found) -> bool:
    return record.stamp == found.stamp and record.sidecar == found.sidecar and not record.error


def _same_bytes(record: ArticleRecord, found: Found) -> bool:
    """A file whose stamp changed but whose bytes did not (a checkout, a copy, a touch)."""
    if record.error or record.sidecar != found.sidecar or record.stamp.size != found.stamp.size:
        return False
    try:
        return digest(read_bytes(found.path)) == record.digest
    except ReviewerError:
        return False


def index_records(
    found: Sequence[Found],
    known: dict[str, ArticleRecord],
    configs: ArticleConfigs,
    progress: ProgressFn | None,
    cancel: CancelToken | None,
    changed: list[str],
) -> dict[str, ArticleRecord]:
    """Records for ``found`` in path order: the known ones that still match the disk, the
    others read anew; ``changed`` gets the paths of both kinds of change. Each record read is
    also put in ``known``, so that after a cancel the caller can cache what was read."""
    stale: list[Found] = []
    for f in found:
        old = known.get(f.rel)
        if old is not None and unchanged(old, f):
            continue
        if old is not None and _same_bytes(old, f):
            old.stamp = f.stamp
            changed.append(f.rel)
        else:
            stale.append(f)
            changed.append(f.rel)
    if stale:
        paths = {f.rel: f.path for f in stale}
        chunks = chunked(stale, INDEX_CHUNK)
        with paused_gc():
            for _, data in run_chunks(
                SummarizeJob(configs.base),
                chunks,
                parallel=len(stale) >= PARALLEL_INDEX_FROM,
                progress=progress,
                cancel=cancel,
                what="Reading",
            ):
                for plain, texts in marshal.loads(data):
                    new = ArticleRecord.from_plain(plain, texts)
                    old = known.get(new.rel)
                    if (
                        old is not None
                        and old.digest == new.digest
                        and old.findings is not None
                        and old.findings_key == configs.key_for(paths[new.rel])
                    ):
                        new.findings, new.findings_key = old.findings, old.findings_key
                    known[new.rel] = new
    return {f.rel: known[f.rel] for f in found}
