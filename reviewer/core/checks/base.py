"""The check registry: small registered functions, each with a code, severity and MQM category."""

from __future__ import annotations

import enum
import functools
import importlib
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.core.format import Document, Pair
from reviewer.core.mqm import Severity


class Level(enum.Enum):
    """How sure and how serious a check is: errors block "approve all clean"."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One automatic check result on one segment."""

    code: str
    level: Level
    category: str  # an MQM category key, see reviewer.core.mqm.CATEGORIES
    title: str
    message: str  # names what differs, e.g. "link URL changed: a.htm → b.htm"
    path: str | None
    pair_id: str
    line: int

    @property
    def mqm_severity(self) -> Severity:
        """The MQM severity a reviewer would most likely give this finding when flagging it."""
        return _SEVERITY_FOR_LEVEL[self.level]


_SEVERITY_FOR_LEVEL = {
    Level.ERROR: Severity.MAJOR,
    Level.WARNING: Severity.MINOR,
    Level.INFO: Severity.NEUTRAL,
}

# A pair check gets source and target and returns messages, one per problem found.
PairCheckFn = Callable[[str, str], Iterable[str]]
# A document check sees whole articles at once (consistency, register) and yields (pair, message).
DocumentCheckFn = Callable[[Sequence[Document]], Iterable[tuple[Document, Pair, str]]]


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    level: Level
    category: str
    title: str
    pair_fn: PairCheckFn | None = None
    document_fn: DocumentCheckFn | None = None
    description: str = ""
    # False: runs only when a profile or the config turns it on (low-precision hints).
    default_on: bool = True
    # The registered function behind pair_fn's readable-message wrapper: a run over many pairs
    # calls it and makes messages readable only when there are any (None: a check made
    # without register_pair_check, whose pair_fn is called as it is).
    raw_pair_fn: PairCheckFn | None = None


@dataclass(slots=True)
class CheckConfig:
    """Which checks run and at what level: the registered defaults, changed by a profile.

    ``disabled`` turns checks off, ``enabled_extra`` turns on checks that are off by default, and
    ``levels`` overrides a check's registered level (reviewer.core.profiles builds all three
    from the config files).
    """

    disabled: set[str] = field(default_factory=set)
    enabled_extra: set[str] = field(default_factory=set)  # checks that are off by default
    levels: dict[str, Level] = field(default_factory=dict)

    def enabled(self, check: Check) -> bool:
        if check.code in self.disabled:
            return False
        return check.default_on or check.code in self.enabled_extra

    def level(self, check: Check) -> Level:
        return self.levels.get(check.code, check.level)

    def key(self) -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]]:
        """Equal for two configs that run the same checks at the same levels."""
        return (
            frozenset(self.disabled),
            frozenset(self.enabled_extra),
            frozenset((code, level.value) for code, level in self.levels.items()),
        )


REGISTRY: dict[str, Check] = {}
# Imported (and so registered) in this order, which is the report order.
BUILTIN_MODULES = (
    "consistency",
    "links",
    "literals",
    "values",
    "markup",
    "boundaries",
    "position",
    "numbers",
    "text",
    "grammar",
    "spelling",
    "casing",
    "terms",
    "english",
    "alignment",
    "meaning",
    "senses",
)
_loaded = False
_load_lock = threading.Lock()


def load_builtin_checks() -> None:
    """Import the built-in check modules once; each registers its checks."""
    global _loaded
    if _loaded:
        return
    with _load_lock:  # a second thread waits until the registry is complete
        if not _loaded:
            for name in BUILTIN_MODULES:
                importlib.import_module(f"reviewer.core.checks.{name}")
            _in_module_order()
            _loaded = True


def _in_module_order() -> None:
    """Order the registry by BUILTIN_MODULES, then by registration within a module: a check
    module that imports another at its top registers that one's checks first."""
    rank = {f"reviewer.core.checks.{name}": i for i, name in enumerate(BUILTIN_MODULES)}

    def module_rank(check: Check) -> int:
        fn = check.pair_fn or check.document_fn
        return rank.get(getattr(fn, "__module__", ""), len(rank))

    ordered = sorted(REGISTRY.values(), key=module_rank)  # stable: keeps registration order
    REGISTRY.clear()
    REGISTRY.update((c.code, c) for c in ordered)


def preload(config: CheckConfig | None = None) -> None:
    """Load the built-in checks and the data the enabled ones read (Dutch dictionary, word lists,
    glossaries; the alignment table when its hints or the hyphen rule are on), e.g. in a
    background thread
    before a worker is forked, so that no check run pays for loading them."""
    load_builtin_checks()
    from reviewer.core.checks import alignment, english, lexicon, terms

    codes = {c.code for c in pair_checks(config)}
    lexicon.preload()
    english.preload()
    terms.preload()
    if codes & alignment.CODES:
        alignment.table()
    if "compound-hyphen" in codes:
        alignment.best_english("")  # the hyphen rule asks the table what a word translates


def builtin_checks_loaded() -> bool:
    return _loaded


# The private-use characters the shared scan (analysis.py) masks markup with.
_MASK_RE = re.compile("[\ue000-\ue1ff]")


def readable(message: str, source: str, target: str) -> str:
    """A message quoting masked text shows the article's own text instead."""
    if _MASK_RE.search(message) is None:
        return message
    from reviewer.core.checks.unmasking import readable_message

    return readable_message(message, target, source)


def _readable_pair_fn(fn: PairCheckFn) -> PairCheckFn:
    # wraps: the registry orders and the check catalog recognises checks by fn.__module__
    @functools.wraps(fn)
    def check(source: str, target: str) -> Iterable[str]:
        messages = fn(source, target)
        if not messages:
            return messages
        return [readable(m, source, target) for m in messages]

    return check


def _readable_document_fn(fn: DocumentCheckFn) -> DocumentCheckFn:
    @functools.wraps(fn)
    def check(documents: Sequence[Document]) -> Iterable[tuple[Document, Pair, str]]:
        for doc, pair, message in fn(documents):
            yield doc, pair, readable(message, pair.source, pair.target)

    return check


def register_pair_check(
    code: str, level: Level, category: str, title: str, default_on: bool = True
) -> Callable[[PairCheckFn], PairCheckFn]:
    def decorate(fn: PairCheckFn) -> PairCheckFn:
        doc = (fn.__doc__ or "").strip()
        _add(
            Check(
                code,
                level,
                category,
                title,
                pair_fn=_readable_pair_fn(fn),
                description=" ".join(doc.split()),
                default_on=default_on,
                raw_pair_fn=fn,
            )
        )
        return fn

    return decorate


def register_document_check(
    code: str, level: Level, category: str, title: str, default_on: bool = True
) -> Callable[[DocumentCheckFn], DocumentCheckFn]:
    def decorate(fn: DocumentCheckFn) -> DocumentCheckFn:
        _add(
            Check(
                code,
                level,
                category,
                title,
                document_fn=_readable_document_fn(fn),
                description=" ".join((fn.__doc__ or "").split()),
                default_on=default_on,
            )
        )
        return fn

    return decorate


def _add(check: Check) -> None:
    if check.code in REGISTRY:
        raise ValueError(f"check code {check.code!r} registered twice")
    REGISTRY[check.code] = check


_DEFAULT = CheckConfig()


def pair_checks(config: CheckConfig | None = None) -> list[Check]:
    """The enabled pair-level checks, in registration order (no config: the defaults)."""
    load_builtin_checks()
    config = config or _DEFAULT
    return [c for c in REGISTRY.values() if c.pair_fn is not None and config.enabled(c)]


def document_checks(config: CheckConfig | None = None) -> list[Check]:
    """The enabled document-level checks, in registration order (no config: the defaults)."""
    load_builtin_checks()
    config = config or _DEFAULT
    return [c for c in REGISTRY.values() if c.document_fn is not None and config.enabled(c)]
