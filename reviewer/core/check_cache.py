"""Check results kept between sessions, per article: a reopened article shows them at once.

One file per article (by absolute path) in the user's cache folder, never beside the
article. It holds the findings of the last full run with what they depend on: the article's
digest, a fingerprint of the checks (their code and data on disk, the program version, the
check settings and the user's language files) and, per segment, a hash of its source and
target. An unchanged article reuses every finding; an edited one reuses the pair-check
findings of every unchanged segment and runs the rest (document checks always run again).

The cache is disposable: a file that is unreadable, damaged, from another version or another
Python is ignored and replaced; writes are atomic (temp file, ``os.replace``); the folder is
kept under ``MAX_TOTAL_BYTES`` by dropping the files used longest ago. It holds only plain
data (marshal: strings, numbers, tuples), so reading it can never run code.
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer import __version__
from reviewer.core import digests, fileio
from reviewer.core.checks import lexicon
from reviewer.core.checks.base import CheckConfig, Level
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.errors import ReviewerError
from reviewer.core.format import Document
from reviewer.core.user_cache import cache_dir, keyed_file

_MAGIC = b"reviewer check cache 1\n"
MAX_FILE_BYTES = 64 * 1024 * 1024  # one article's results; far beyond any real one
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # the whole folder: the files used longest ago go first
PAIR = 0  # a finding of a pair check: depends on its segment's source and target only
DOCUMENT = 1  # a finding of a document check: depends on the whole article
LEVELS = {level.value: level for level in Level}
# (row, code, level, category, title, message, pair id, line, kind)
Plain = tuple[int, str, str, str, str, str, str, int, int]


def cache_file(article: str) -> Path:
    return keyed_file("checks", article, ".checks")


# -- what the findings depend on ---------------------------------------------------------


def code_stamp() -> list[tuple[str, int, int]]:
    """Name, size and mtime of every file the checks are made of (code and shipped data), in
    path order. One scandir walk that skips the bytecode folders (~0.5 ms, not ~1.5)."""
    from reviewer.core import checks as checks_package
    from reviewer.resources import resource_path

    out: list[tuple[str, int, int]] = []
    for folder in (Path(checks_package.__file__).parent, resource_path()):
        files: list[os.DirEntry[str]] = []
        _walk(str(folder), files)
        files.sort(key=lambda entry: Path(entry.path))
        for entry in files:
            with contextlib.suppress(OSError):
                st = entry.stat()
                out.append((entry.name, st.st_size, st.st_mtime_ns))
    return out


def _walk(folder: str, files: list[os.DirEntry[str]]) -> None:
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        _walk(entry.path, files)
                elif entry.is_file():
                    files.append(entry)


def _file_stamp(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def fingerprint(config: CheckConfig, language: LanguageSettings) -> str:
    """Equal exactly when the same checks would run the same way on the same text: the check
    code and data on disk, the program version, which checks run at which level, and the
    user's language files (dictionary, glossaries, do-not-translate lists) as they are now."""
    disabled, extra, levels = config.key()
    files = [language.user_dictionary or "", *language.glossaries, *language.do_not_translate]
    blob = json.dumps(
        [
            __version__,
            code_stamp(),
            sorted(disabled),
            sorted(extra),
            sorted(levels),
            [language.shipped_terms, *((name, *_file_stamp(name)) for name in files)],
            # The dictionaries enchant reads: the shipped ones unless the user chose others.
            os.environ.get(lexicon.ENCHANT_CONFIG_DIR, str(lexicon.shipped_dictionary_folder())),
        ]
    ).encode("utf-8")
    return digests.sha256(blob).hexdigest()[:32]


def pair_hash(source: str, target: str) -> bytes:
    data = (
        source.encode("utf-8", "surrogatepass") + b"\x00" + target.encode("utf-8", "surrogatepass")
    )
    return digests.blake2b(data, digest_size=16).digest()


def pair_hashes(doc: Document) -> list[bytes]:
    """One hash per segment, from its source and target (no Pair is built)."""
    return list(map(pair_hash, doc.pairs.sources(), doc.pairs.targets()))


# -- reading -----------------------------------------------------------------------------------


def _header(article: str) -> bytes:
    # Marshal's format belongs to one Python version; the findings to one program version.
    head = {
        "python": list(sys.version_info[:2]),
        "reviewer": __version__,
        "article": os.path.abspath(article),
    }
    return _MAGIC + json.dumps(head, sort_keys=True).encode("utf-8") + b"\n"


@dataclass
class Stored:
    """What a cache file holds for one article."""

    key: str  # fingerprint of the checks that made them
    digest: str  # the article's digest when checked
    words: int | None  # source words, counted with them
    findings: list[Plain]  # in report order
    hashes: bytes  # 16 bytes per segment: pair_hash of its source and target

    def by_pair(self) -> dict[bytes, list[Plain]]:
        """The pair-check findings of each stored segment, by its hash."""
        rows: dict[int, list[Plain]] = {}
        for plain in self.findings:
            if plain[8] == PAIR:
                rows.setdefault(plain[0], []).append(plain)
        h = self.hashes
        out: dict[bytes, list[Plain]] = {}
        for k in range(len(h) // 16):
            out.setdefault(h[16 * k : 16 * k + 16], rows.get(k, []))
        return out


_COLUMNS = (int, str, str, str, str, str, str, int, int)  # the types of a Plain, in order


def _rows(columns: object) -> list[Plain] | None:
    """Findings stored as columns (quick to check and to read), back as rows; None when any
    column is not what it must be."""
    if not (isinstance(columns, tuple) and len(columns) == len(_COLUMNS)):
        return None
    length = None
    for column, kind in zip(columns, _COLUMNS, strict=True):
        if not isinstance(column, list) or (length is not None and len(column) != length):
            return None
        length = len(column)
        if column and set(map(type, column)) != {kind}:
            return None
    if not set(columns[2]) <= LEVELS.keys():
        return None
    return list(zip(*columns, strict=True))


def load(article: str, key: str | None = None, digest: str | None = None) -> Stored | None:
    """The stored results of ``article``; None when there are none, they are unusable, or they
    were made with another ``key`` or for another ``digest`` (when given)."""
    path = cache_file(article)
    try:
        # Through the guard like every read: a FIFO or a device put there never hangs us.
        data = fileio.read_optional(path, MAX_FILE_BYTES + 8192, "the check cache")
    except ReviewerError:
        return None
    if data is None:
        return None
    head = _header(article)
    if not data.startswith(head):
        return None
    start = len(head) + 8
    size = int.from_bytes(data[len(head) : start], "little")
    if not 0 < size < 4096:
        return None
    try:
        meta = marshal.loads(data[start : start + size])
        if not (isinstance(meta, tuple) and len(meta) == 4):
            return None
        stored_key, stored_digest, words, length = meta
        if key is not None and stored_key != key:
            return None
        if digest is not None and stored_digest != digest:
            return None
        if not (isinstance(length, int) and 0 <= length <= MAX_FILE_BYTES):
            return None
        body = marshal.loads(data[start + size : start + size + length])
    except (EOFError, ValueError, TypeError):
        return None
    del data
    if not (isinstance(body, tuple) and len(body) == 2):
        return None
    columns, hashes = body
    findings = _rows(columns)
    if findings is None or not (isinstance(hashes, bytes) and len(hashes) % 16 == 0):
        return None
    if not (isinstance(stored_key, str) and isinstance(stored_digest, str)):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be dropped when the folder is trimmed
    return Stored(
        stored_key, stored_digest, words if isinstance(words, int) else None, findings, hashes
    )


# -- writing -----------------------------------------------------------------------------------


def store(
    article: str,
    key: str,
    digest: str,
    findings: list[Plain],
    hashes: Sequence[bytes],
    words: int | None,
) -> None:
    """Keep ``findings`` (in report order) for ``article``; a failure is ignored."""
    path = cache_file(article)
    with contextlib.suppress(OSError, ValueError):
        columns = tuple(map(list, zip(*findings, strict=True))) if findings else ([],) * 9
        body = marshal.dumps((columns, b"".join(hashes)))
        if len(body) > MAX_FILE_BYTES:
            return
        meta = marshal.dumps((key, digest, -1 if words is None else words, len(body)))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".checks.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_header(article))
                fh.write(len(meta).to_bytes(8, "little"))
                fh.write(meta)
                fh.write(body)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        trim(path.parent)


def trim(folder: Path, limit: int = MAX_TOTAL_BYTES) -> None:
    """Drop the files used longest ago until the folder holds at most ``limit`` bytes."""
    entries = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                entries.append((st.st_mtime_ns, st.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    for _, size, name in sorted(entries):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(name)
            total -= size


__all__ = [
    "DOCUMENT",
    "PAIR",
    "Stored",
    "cache_dir",
    "cache_file",
    "fingerprint",
    "load",
    "pair_hash",
    "pair_hashes",
    "store",
]
