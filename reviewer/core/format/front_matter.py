"""The YAML front matter: located, read (plain form first, PyYAML only when needed), shown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reviewer.core import simple_yaml

_FM_KEY_RE = re.compile(r"^(title|description):[ \t]*(.*?)\r?$", re.M)
# Front matter opens the file (after a BOM, if any) and closes at the first "---" line; lines
# may end in LF or CRLF (Windows), mixed or not: all read alike.
_FM_OPEN_RE = re.compile(r"\ufeff?---\r?\n")
_FM_CLOSE_RE = re.compile(r"\n---(?:\r?\n|\r?\Z)")
# Real keys are names such as ms.custom or f1.keywords; spaces or commas mean a garbled line.
_PLAIN_KEY_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")

DISPLAY_KEYS = (
    "title",
    "description",
    "ms.translationtype",
    "ms.contentlocale",
    "ms.locfileid",
    "ms.lasthandoff",
    "ms.date",
    "author",
    "ms.author",
    "manager",
    "ms.topic",
    "ms.service",
)


@dataclass(frozen=True, slots=True)
class FrontMatterField:
    """A front-matter value translated in place, with no source: shown, never paired."""

    key: str
    value: str
    line: int


@dataclass(slots=True)
class FrontMatter:
    """The YAML block between the opening and closing ``---``, kept as opaque text."""

    raw: str
    start: int
    end: int  # offset just past the closing ``---`` line
    data: dict[str, Any] | None
    error: str | None
    fields: list[FrontMatterField] = field(default_factory=list)
    error_line: int = 2  # the file line the error points at

    def display_items(self) -> list[tuple[str, str]]:
        """Key/value pairs worth showing a user, in a stable order."""
        if not self.data:
            return [(f.key, f.value) for f in self.fields]
        items = []
        for key in DISPLAY_KEYS:
            if key in self.data and self.data[key] not in (None, ""):
                items.append((key, _plain(self.data[key])))
        return items


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


class _YamlProblem(Exception):
    """Front matter PyYAML refused: the message for the user and its line in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _load_yaml(raw: str) -> Any:
    """Front matter that is not in the plain form, read by PyYAML (imported only here)."""
    import yaml

    from reviewer.core import yaml_safe

    try:
        return yaml_safe.safe_load_fast(raw)
    except yaml_safe.AliasError as exc:
        # Aliases can hide an expansion bomb in a few hundred bytes: never expanded.
        line = exc.problem_mark.line + 2 if exc.problem_mark is not None else 2
        raise _YamlProblem(
            f"front matter uses a YAML alias (line {line}); reviewer never expands one", line
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        where = f" at line {line}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise _YamlProblem(f"front matter is not valid YAML{where}: {problem}", line) from None


def read_front_matter(text: str) -> FrontMatter | None:
    opener = _FM_OPEN_RE.match(text)
    if opener is None:
        return None
    closer = _FM_CLOSE_RE.search(text, opener.end() - 1)
    if closer is None:
        return None
    close, end = closer.start(), closer.end()
    raw = text[opener.end() : close + 1]
    data: dict[str, Any] | None = None
    error: str | None = None
    error_line = 2
    plain = simple_yaml.load(raw)  # nearly every article: no YAML parser needed
    try:
        loaded = plain if plain is not None else _load_yaml(raw)
    except _YamlProblem as exc:
        error, error_line = exc.message, exc.line
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # safe_load's constructors raise plain errors on values such as 2021-13-01 or a bad
        # !!int, and deep nesting exhausts the stack; the front matter is display-only.
        error = f"front matter has a value YAML cannot read ({type(exc).__name__}: {exc})"
    else:
        if isinstance(loaded, dict):
            data = {str(k): v for k, v in loaded.items()}
            odd = [k for k in data if not _PLAIN_KEY_RE.fullmatch(k)]
            if odd:
                error_line = _line_of_key(raw, odd[0])
                error = (
                    f"front matter key {odd[0]!r} on line {error_line} looks garbled "
                    "(keys are plain names such as ms.custom)"
                )
        elif loaded is not None:
            error = "front matter is not a YAML mapping"
    fields: list[FrontMatterField] = []
    for m in _FM_KEY_RE.finditer(raw):
        key = m.group(1)
        value = data.get(key) if data else None
        shown = _plain(value) if value is not None else _unquote(m.group(2))
        fields.append(FrontMatterField(key, shown, raw.count("\n", 0, m.start()) + 2))
    return FrontMatter(raw, _bom(text), end, data, error, fields, error_line)


def _bom(text: str) -> int:
    """Length of a byte order mark at the start of the text (0 or 1)."""
    return 1 if text.startswith("\ufeff") else 0


def _line_of_key(raw: str, key: str) -> int:
    at = raw.find(key + ":")
    return raw.count("\n", 0, at) + 2 if at != -1 else 2


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
