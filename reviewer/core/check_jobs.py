"""Checking one article for a window: stored results first, the rows in view next, both cores.

``run`` is the whole job in this process and yields what a window shows as it comes:
``Partial`` (the pair checks' findings of the rows in view) and then ``Done`` (every
finding, in report order, and the source word count). ``run_forked`` runs it in a forked
child, which shares the parsed article copy-on-write and leaves this process's interpreter
free, and reads the child's messages from a pipe. A job reuses the check cache
(``check_cache``): an unchanged article costs one file read; otherwise every unchanged
segment's pair findings are reused, every distinct source and target is checked once however
often it repeats, and the rest is split with a second forked helper when there is enough of it.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from reviewer.core import check_cache, scoring
from reviewer.core.check_cache import DOCUMENT, PAIR, Plain
from reviewer.core.checks import base, lexicon, running
from reviewer.core.checks.base import CheckConfig, Finding, Level
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.format import Document

# What a pair check found on one source and target, before it is placed on a row:
# (code, level, category, title, message).
Item = tuple[str, str, str, str, str]
SPLIT_AT = 400  # distinct segments left to check before a second core is worth a fork
CHUNK = 100  # segments checked between two looks at whether a helper may start


@dataclass
class Request:
    """One article to check, and how."""

    article: str  # the path its stored results are kept under
    doc: Document
    config: CheckConfig
    key: str  # check_cache.fingerprint of the checks as they run now
    digest: str  # the digest of the bytes ``doc`` was parsed from; "" once its text changed
    want_words: bool = True
    first: Sequence[int] = ()  # rows in view: checked before the others
    store: bool = True  # keep the results for the next open
    language: LanguageSettings | None = None  # the language files ``key`` was made with


@dataclass
class Partial:
    """The pair checks' findings of some rows (every pair check on them has run; what the
    document checks find on them comes with ``Done``)."""

    rows: list[int]
    findings: list[Plain]


@dataclass
class Done:
    findings: list[Plain]  # every finding, in report order
    words: int | None
    cached: bool = False  # read from the check cache as they were stored
    failed: bool = False  # the job could not run (nothing else is set)


Message = Partial | Done


def findings_of(plains: Sequence[Plain], path: str | None) -> list[Finding]:
    """Findings as the session holds them, from the stored or sent form."""
    level = check_cache.LEVELS
    return [
        Finding(code, level[lv], cat, title, msg, path, pid, line)
        for (_, code, lv, cat, title, msg, pid, line, _) in plains
    ]


@dataclass
class _Job:
    req: Request
    checks: list[tuple[base.Check, Level]]
    ranks: dict[str, int]
    hashes: list[bytes]
    known: dict[bytes, list[Item]] = field(default_factory=dict)
    by_document: dict[int, list[Item]] = field(default_factory=dict)

    def item_list(self, source: str, target: str) -> list[Item]:
        return [
            (check.code, level.value, check.category, check.title, message)
            for check, level, message in running.pair_messages(self.checks, source, target)
        ]

    def ensure(self, rows: Sequence[int]) -> None:
        pairs, known, hashes = self.req.doc.pairs, self.known, self.hashes
        for row in rows:
            h = hashes[row]
            if h not in known:
                pair = pairs[row]
                known[h] = self.item_list(pair.source, pair.target)

    def place(self, rows: Sequence[int]) -> list[Plain]:
        """The findings of ``rows`` in report order: each row's errors, warnings, notes."""
        pairs, ids, known, hashes = (
            self.req.doc.pairs,
            self.req.doc.pairs.ids(),
            self.known,
            self.hashes,
        )
        out: list[Plain] = []
        rank = self.ranks
        for row in rows:
            items = known[hashes[row]]
            extra = self.by_document.get(row)
            if not items and not extra:
                continue
            kinds = [PAIR] * len(items)
            if extra:
                items = items + extra
                kinds += [DOCUMENT] * len(extra)
            order = sorted(range(len(items)), key=lambda k: rank[items[k][0]])
            pid, line = ids[row], pairs[row].line
            for k in order:
                code, lv, cat, title, msg = items[k]
                out.append((row, code, lv, cat, title, msg, pid, line, kinds[k]))
        return out


def _document_findings(job: _Job) -> None:
    doc = job.req.doc
    config = job.req.config
    for check in base.document_checks(config):
        fn = check.document_fn
        assert fn is not None
        level = config.level(check).value
        for found_in, pair, message in fn([doc]):
            if found_in is doc:
                item = (check.code, level, check.category, check.title, message)
                job.by_document.setdefault(pair.index, []).append(item)


def _words(doc: Document) -> int:
    counts = Counter(doc.pairs.sources())
    return sum(scoring.count_words(source) * n for source, n in counts.items())


def run(req: Request, split: Callable[[], bool] | None = None) -> Iterator[Message]:
    """The job in this process. When ``split()`` says so, half of a long remainder goes to a
    forked helper (only in a process that may fork: no other thread running)."""
    doc = req.doc
    n = len(doc.pairs)
    stored = check_cache.load(req.article)
    if (
        stored is not None
        and stored.key == req.key
        and req.digest
        and stored.digest == req.digest
        and len(stored.hashes) == 16 * n
        and (stored.words is not None or not req.want_words)
    ):
        yield Done(stored.findings, stored.words, cached=True)
        return
    if req.language is not None and lexicon.settings() != req.language:
        lexicon.configure(req.language)  # the files the key says, whatever this process used
    base.load_builtin_checks()
    job = _Job(req, running.with_levels(req.config), running.finding_ranks(req.config), [])
    if stored is not None and stored.key == req.key:
        job.known = {h: [p[1:6] for p in plains] for h, plains in stored.by_pair().items()}
    first = [row for row in req.first if 0 <= row < n]
    if first:
        # The rows in view go out before anything that reads the whole article (hashing
        # every segment, the document checks): their pair findings now, and the document
        # checks' findings on them with the rest.
        job.hashes = [b""] * n
        for row in first:
            pair = doc.pairs[row]
            job.hashes[row] = check_cache.pair_hash(pair.source, pair.target)
        job.ensure(first)
        yield Partial(first, job.place(first))
    job.hashes = check_cache.pair_hashes(doc)
    _document_findings(job)
    todo: dict[bytes, int] = {}
    for row, h in enumerate(job.hashes):
        if h not in job.known and h not in todo:
            todo[h] = row
    rows = list(todo.values())
    done = 0
    helper = None
    while done < len(rows):
        left = len(rows) - done
        if helper is None and split is not None and left >= SPLIT_AT and split() and _can_fork():
            keep = done + left // 2
            helper = _fork_helper(job, rows[keep:])
            rows = rows[:keep]
        job.ensure(rows[done : done + CHUNK])
        done += CHUNK
    if helper is not None:
        job.known.update(helper())
    plains = job.place(range(n))
    words = _words(doc) if req.want_words else None
    yield Done(plains, words)
    if req.store:
        check_cache.store(req.article, req.key, req.digest, plains, job.hashes, words)
    keep_verdicts()


def keep_verdicts() -> None:
    """The words this process judged, kept for the next check process (tables.verdicts)."""
    lexicon.save_verdicts()
    if base.builtin_checks_loaded():
        from reviewer.core.checks import english

        english.save_verdicts()


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def _fork_helper(job: _Job, rows: list[int]) -> Callable[[], dict[bytes, list[Item]]]:
    """Check ``rows`` in a forked helper; the returned call waits for its results."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the helper process
        status = 1
        gc.disable()
        try:
            os.close(read_fd)
            job.ensure(rows)
            found = {job.hashes[row]: job.known[job.hashes[row]] for row in rows}
            with os.fdopen(write_fd, "wb") as out:
                out.write(marshal.dumps(found))
            keep_verdicts()
            status = 0
        finally:
            os._exit(status)
    os.close(write_fd)

    def collect() -> dict[bytes, list[Item]]:
        with os.fdopen(read_fd, "rb") as pipe:
            data = pipe.read()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        try:
            found = marshal.loads(data) if data else {}
        except (EOFError, ValueError, TypeError):
            found = {}
        return found if isinstance(found, dict) else {}

    return collect


# -- in a forked child -----------------------------------------------------------------------


def send_frame(fd: int, value: tuple[object, ...]) -> None:
    """Write one tuple of plain data to a pipe, length first."""
    data = marshal.dumps(value)  # type: ignore[arg-type]
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[os.write(fd, view) :]


def receive_frame(fd: int) -> object | None:
    """The next value ``send_frame`` wrote; None at the end of the pipe or on damage."""
    head = _read_exact(fd, 8)
    if head is None:
        return None
    data = _read_exact(fd, int.from_bytes(head, "little"))
    if data is None:
        return None
    try:
        value: object = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return value


def _send(fd: int, message: Message) -> None:
    if isinstance(message, Partial):
        send_frame(fd, ("partial", message.rows, message.findings))
    else:
        send_frame(fd, ("done", message.findings, message.words, message.cached))


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def receive(fd: int) -> Message | None:
    """The next message of a job's child; None at the end of the pipe or on damage."""
    msg = receive_frame(fd)
    if not isinstance(msg, tuple) or not msg:
        return None
    if msg[0] == "partial" and len(msg) == 3:
        return Partial(msg[1], msg[2])
    if msg[0] == "done" and len(msg) == 4:
        return Done(msg[1], msg[2], cached=msg[3])
    return None


def child_main(fd: int, messages: Iterable[Message]) -> None:  # pragma: no cover - in a child
    """Send every message of a job over ``fd``, then leave the process without cleanup."""
    status = 1
    # No collection in the child: freeing a Qt wrapper here could wait forever on a lock that
    # another thread of the parent held at the moment of the fork.
    gc.disable()
    try:
        for message in messages:
            _send(fd, message)
            if isinstance(message, Done):
                os.close(fd)  # the window has all it needs; storing the results follows
                fd = -1
        status = 0
    finally:
        os._exit(status)


def run_forked(req: Request) -> Iterator[Message]:
    """The job in a forked child (both cores); this process only reads its messages. When the
    child fails before it is done, the rest is computed here."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child process
        os.close(read_fd)
        child_main(write_fd, run(req, split=lambda: True))
    os.close(write_fd)
    done = False
    try:
        while (message := receive(read_fd)) is not None:
            yield message
            if isinstance(message, Done):
                done = True
                break
    finally:
        os.close(read_fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)  # it only stores the results after Done
    if not done:
        yield from run(Request(**{**req.__dict__, "first": ()}))


def can_fork() -> bool:
    return _can_fork()
