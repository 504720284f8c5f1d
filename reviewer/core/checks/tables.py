"""Language tables kept ready to load: built once from their files into the user cache folder."""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from reviewer import __version__
from reviewer.core import digests
from reviewer.core.errors import ReviewerError
from reviewer.core.fileio import read_guarded, read_optional
from reviewer.core.forking import GC_PAUSE, fork_safe

# Reading the shipped tables means parsing text into ~100k Python objects (0.1-0.2 s each);
# loading the same objects from marshal takes 10-30 ms. A snapshot is keyed by the contents
# of every file its table depends on (the data files and the module that derives it), the
# Python version (marshal's format) and the program version, so a changed file is never
# served stale; the cache folder is disposable: a missing, unwritable or damaged one only
# means the table is built from its files again.
FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_SOURCE_BYTES = 256 * 1024 * 1024
FOLDER = "tables"
SUFFIX = ".marshal"

T = TypeVar("T")


def folder() -> Path:
    from reviewer.core.user_cache import cache_dir

    return cache_dir() / FOLDER


def key(name: str, sources: Sequence[Path]) -> str:
    """A digest of everything a table is made from (ReviewerError or OSError when a source
    cannot be read)."""
    h = digests.blake2b(digest_size=16)
    h.update(repr((FORMAT, name, tuple(sys.version_info[:2]), __version__)).encode())
    for source in sources:
        # Through the guard: a FIFO or a device named like a dictionary never hangs a check.
        data = read_guarded(source, MAX_SOURCE_BYTES, "a language table's source")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def cached(
    name: str,
    sources: Sequence[Path],
    build: Callable[[], T],
    valid: Callable[[object], bool],
) -> T:
    """``build()``'s plain data (marshal types only), from the snapshot when one made from the
    same ``sources`` exists and passes ``valid``; otherwise built and kept for the next time."""
    try:
        path = folder() / f"{name}-{key(name, sources)}{SUFFIX}"
    except (ReviewerError, OSError, ImportError, ValueError):
        return build()  # a source that cannot be read fails in build() as it always did
    stored = _read(path)
    if stored is not None and valid(stored):
        return stored  # type: ignore[return-value]
    with paused_gc():
        value = build()
    _write(path, name, value)
    return value


def _read(path: Path) -> object | None:
    try:
        data = read_optional(path, MAX_BYTES, "a language table snapshot")
    except (ReviewerError, OSError):
        return None
    if data is None:
        return None
    try:
        with paused_gc():  # ~100k objects, none of them in a cycle
            value: object = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return value


def _write(path: Path, name: str, value: object) -> None:
    """Atomically (a temp file, then ``os.replace``); older snapshots of ``name`` go. Any
    failure leaves things as they were."""
    with contextlib.suppress(OSError, ValueError):
        data = marshal.dumps(value)  # type: ignore[arg-type]
        if len(data) > MAX_BYTES:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        for old in path.parent.glob(f"{name}-*{SUFFIX}"):
            if old.name != path.name:
                with contextlib.suppress(OSError):
                    old.unlink()


_pause_lock = fork_safe(threading.Lock(), GC_PAUSE)
_paused = 0
_was_enabled = False


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection while many long-lived objects are made: each collection would walk
    them all again (a third of a table's load, a fifth of a check run). Nested and concurrent
    uses are counted; the last to end leaves the collector as the first found it."""
    global _paused, _was_enabled
    with _pause_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()


def column_rows(columns: object, kinds: Sequence[type]) -> bool:
    """``columns`` is a tuple of equally long lists, the k-th holding only ``kinds[k]``."""
    if not (isinstance(columns, tuple) and len(columns) == len(kinds)):
        return False
    length = None
    for column, kind in zip(columns, kinds, strict=True):
        if not isinstance(column, list) or (length is not None and len(column) != length):
            return False
        length = len(column)
        if column and set(map(type, column)) != {kind}:
            return False
    return True


# -- verdicts kept between runs ----------------------------------------------------------------


V = TypeVar("V")


def verdicts(
    name: str, key: str, values_ok: Callable[[Collection[object]], bool]
) -> dict[str, V] | None:
    """The word → verdict memo stored under ``key`` (None when there is none or it is unusable);
    ``values_ok`` looks at all the verdicts at once."""
    try:
        value = _read(folder() / f"{name}-{key}{SUFFIX}")
    except (OSError, ImportError, ValueError):
        return None
    if isinstance(value, dict) and of_types(value, str) and values_ok(value.values()):
        return value
    return None


def of_types(values: Iterable[object], *kinds: type) -> bool:
    """Every value is exactly of one of ``kinds`` (a C-level pass: ~1 ms for 50k values)."""
    return set(map(type, values)) <= set(kinds)


def save_verdicts(
    name: str,
    key: str,
    found: dict[str, V],
    values_ok: Callable[[Collection[object]], bool],
    limit: int,
) -> None:
    """Add ``found`` to the memo stored under ``key`` (at most ``limit`` words are kept); two
    processes saving at once may lose each other's additions, never a whole file."""
    try:
        path = folder() / f"{name}-{key}{SUFFIX}"
    except (OSError, ImportError, ValueError):
        return
    stored: dict[str, V] = verdicts(name, key, values_ok) or {}
    if len(stored) >= limit or all(word in stored for word in found):
        return
    merged = {**found, **stored}
    if len(merged) > limit:
        merged = dict(list(merged.items())[:limit])
    _write(path, name, merged)
