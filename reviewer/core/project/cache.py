"""The per-project index cache: one file per project folder in the user's cache folder.

It lives in the user's cache folder (platformdirs), not beside the articles: a project folder
is usually a git working tree shared with a team, where a 40 MB binary file would show up in
``git status``, be committed by mistake, or be read by another user's version of the program.
The cache is disposable: anything unreadable, from another version or another Python, is
ignored and rebuilt. It holds only plain data (marshal: strings, numbers, lists, dicts), so
reading it can never run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import json
import marshal
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reviewer import __version__
from reviewer.core import checks as checks_package
from reviewer.core import digests
from reviewer.core.checks import base as checks_base
from reviewer.core.checks import load_builtin_checks
from reviewer.core.config import Config
from reviewer.core.errors import FormatError
from reviewer.core.fileio import read_guarded
from reviewer.core.project.records import RECORD_VERSION, ArticleRecord
from reviewer.core.user_cache import keyed_file
from reviewer.core.yamlio import paused_gc
from reviewer.resources import resource_path

_MAGIC = b"reviewer project index\n"

# Records and texts of thousands of articles; far beyond that is no cache of ours.
_MAX_CACHE_BYTES = 2 * 1024 * 1024 * 1024


def cache_file(root: str) -> Path:
    """The cache of the project at ``root`` (one per absolute folder path)."""
    return keyed_file("projects", root, ".index")


def _header(root: str) -> bytes:
    # Marshal's format belongs to one Python version; records to one program version.
    head = {
        "record": RECORD_VERSION,
        "python": list(sys.version_info[:2]),
        "reviewer": __version__,
        "root": os.path.abspath(root),
    }
    return _MAGIC + json.dumps(head, sort_keys=True).encode("utf-8") + b"\n"


class Loaded:
    """A cache as read: the records (without their segments' text) at once, and the text of
    every article's segments when first asked for (``fill_texts``), which a list does not
    need: a warm open reads about a tenth of the file."""

    def __init__(self, records: dict[str, ArticleRecord], texts: memoryview | None) -> None:
        self.records = records
        self._order = list(records)
        self._texts = texts

    def fill_texts(self, records: Mapping[str, ArticleRecord]) -> None:
        """Give the records that came from this cache (and still lack it) their text."""
        blob, self._texts = self._texts, None
        if blob is None:
            return
        try:
            with paused_gc():
                texts = marshal.loads(blob)
        except Exception:  # a damaged tail: those records are read from their files again
            return
        for rel, item in zip(self._order, texts, strict=False):
            record = records.get(rel)
            if record is not None:
                record.adopt_texts(tuple(item))


def load(root: str) -> Loaded:
    """The cached records of the project by relative path; none when there is no usable cache."""
    path = cache_file(root)
    try:
        # Guarded: a FIFO or a device in its place must not hang the open of a project.
        data = read_guarded(path, _MAX_CACHE_BYTES, "a project cache")
    except FormatError:
        return Loaded({}, None)
    head = _header(root)
    if not data.startswith(head):
        return Loaded({}, None)
    view = memoryview(data)[len(head) :]
    try:
        size = int.from_bytes(view[:8], "little")
        with paused_gc():  # ~5,000 records of plain data, no cycles
            plain = marshal.loads(view[8 : 8 + size])
            records = {item[0]: ArticleRecord.from_plain(item) for item in plain}
    except Exception:  # a damaged cache is only a slower open, never an error
        return Loaded({}, None)
    return Loaded(records, view[8 + size :])


def save(root: str, records: list[ArticleRecord]) -> None:
    """Write the cache atomically (a crash leaves the old one or none, never half of one).

    Every record must have its text (``has_texts``). A failure (read-only home, full disk)
    is ignored: the next open is only slower.
    """
    path = cache_file(root)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with paused_gc():
            meta = marshal.dumps([r.to_plain() for r in records])
            texts = marshal.dumps([r.texts_plain() for r in records])
        fd, tmp = tempfile.mkstemp(prefix=".index.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_header(root))
                fh.write(len(meta).to_bytes(8, "little"))
                fh.write(meta)
                fh.write(texts)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


# -- what the stored findings depend on --------------------------------------------------


def _code_stamp() -> list[tuple[str, int, int]]:
    """Name, size and mtime of every file the checks are made of (code and shipped data)."""
    out: list[tuple[str, int, int]] = []
    folders = [Path(checks_package.__file__).parent, resource_path()]
    for folder in folders:
        for p in sorted(folder.rglob("*")):
            with contextlib.suppress(OSError):
                if p.is_file() and "__pycache__" not in p.parts:
                    st = p.stat()
                    out.append((p.name, st.st_size, st.st_mtime_ns))
    return out


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return sorted((str(k), _canonical(v)) for k, v in value.items())
    if isinstance(value, set | frozenset):
        return sorted(str(_canonical(v)) for v in value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def findings_key(config: Config) -> str:
    """Equal exactly when the same checks would run the same way: the check code and data on
    disk, the checks registered, the program version, the check settings and the user's
    language files (dictionary, glossaries, do-not-translate lists). Stored findings with
    another key are stale and run again."""
    load_builtin_checks()
    registered = [
        (c.code, c.level.value, getattr(c.pair_fn or c.document_fn, "__qualname__", ""))
        for c in checks_base.REGISTRY.values()
    ]
    language = config.language_settings()
    files = [language.user_dictionary or "", *language.glossaries, *language.do_not_translate]
    blob = json.dumps(
        [
            __version__,
            _code_stamp(),
            registered,
            _canonical(config.check_config()),
            _canonical(language),
            [(name, *_stamp(name)) for name in files],
        ],
        sort_keys=True,
        default=str,
    ).encode("utf-8")
    return digests.sha256(blob).hexdigest()[:32]


def _stamp(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)
