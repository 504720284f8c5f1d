"""Glossaries a user owns: terms with required Dutch renderings, as TBX or CSV files."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reviewer.core.errors import FormatError, ReviewerError
from reviewer.core.fileio import atomic_write, read_guarded

# Term lists are a few MB at most; the guarded reader refuses a FIFO, a device or far more.
MAX_LIST_BYTES = 64 * 1024 * 1024

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN_STATUS = ("deprecatedterm-admn", "supersededterm-admn", "forbidden", "deprecated")
_ADMITTED_STATUS = ("admittedterm-admn", "admitted")
CSV_HEADER = ("english", "dutch", "forbidden", "note", "admitted")


class GlossaryError(ReviewerError):
    """A glossary file that cannot be read; names the file and, where known, the line."""


@dataclass(slots=True)
class Term:
    """An English term, the Dutch term a translation must use, variants it must not use, and
    variants that are also acceptable (admitted: bewaartermijn beside bewaarperiode).

    A do-not-translate name has ``dutch == english``.
    """

    english: str
    dutch: str
    forbidden: list[str] = field(default_factory=list)
    note: str = ""
    admitted: list[str] = field(default_factory=list)

    @property
    def keep_english(self) -> bool:
        return self.dutch == self.english


@dataclass(frozen=True, slots=True)
class TermHit:
    """Where a term occurs in a text: offsets into it."""

    start: int
    end: int
    term: Term


@dataclass(slots=True)
class Glossary:
    terms: list[Term] = field(default_factory=list)
    path: str | None = None
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)  # None: rebuild
    _by_key: dict[str, Term] = field(default_factory=dict, repr=False)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    # First word → (key, the key's other words but the last, its last word).
    _by_first: dict[str, list[tuple[str, frozenset[str], str]]] = field(
        default_factory=dict, repr=False
    )
    _firsts: frozenset[str] = field(default_factory=frozenset, repr=False)
    # The terms' English in lowercase: adding a term finds the one it replaces without a walk.
    _keys: set[str] = field(default_factory=set, repr=False, compare=False)

    def add(
        self,
        english: str,
        dutch: str,
        forbidden: list[str] | None = None,
        note: str = "",
        admitted: list[str] | None = None,
    ) -> Term:
        """Add a term, or replace the one with the same English text; returns it."""
        english, dutch = " ".join(english.split()), " ".join(dutch.split())
        if not english or not dutch:
            raise ValueError("a term needs an English and a Dutch text")
        term = Term(
            english,
            dutch,
            [f for f in (forbidden or []) if f.strip()],
            note,
            [a for a in (admitted or []) if a.strip()],
        )
        key = english.lower()
        if len(self._keys) != len(self.terms):  # a list given or changed from outside
            self._keys = {t.english.lower() for t in self.terms}
        # Loading a glossary adds hundreds of terms: only a replacement walks the list.
        if key in self._keys:
            self.terms = [t for t in self.terms if t.english.lower() != key]
        self.terms.append(term)
        self._keys.add(key)
        self._pattern = None
        return term

    def remove(self, english: str) -> bool:
        before = len(self.terms)
        self.terms = [t for t in self.terms if t.english.lower() != english.lower()]
        self._keys.discard(english.lower())
        self._pattern = None
        return len(self.terms) != before

    def find(self, source: str) -> list[TermHit]:
        """Every term occurrence in an English ``source``, longest match first, not overlapping:
        a name matches with its case, a lowercase term in any case."""
        if not self.terms:
            return []
        self._compiled()
        # Only terms whose first word the source holds are tried: a few of hundreds.
        firsts = self._by_first
        words = _words_of(source)
        found = self._firsts.intersection(words)
        # A term is tried only when the source holds all of its words (the last maybe plural).
        candidates = {
            key
            for word in found
            for key, inner, last in firsts[word]
            if inner <= words and (last in words or last + "s" in words or last + "es" in words)
        }
        if not candidates:
            return []
        hits: list[TermHit] = []
        patterns = self._patterns
        for key in candidates:
            term = self._by_key[key]
            pattern = patterns.get(key)
            if pattern is None:
                pattern = re.compile(rf"(?<![\w-])(?:{_term_regex(key)})(?![\w-])")
                patterns[key] = pattern
            for m in pattern.finditer(source):
                hits.append(TermHit(m.start(), m.end(), term))
        if len(hits) > 1:
            # Leftmost first, the longest at one place, none overlapping (as a regex
            # alternation of the terms, longest first, would pick them).
            hits.sort(key=lambda h: (h.start, -h.end, -len(h.term.english)))
            kept: list[TermHit] = []
            end = -1
            for h in hits:
                if h.start >= end:
                    kept.append(h)
                    end = h.end
            hits = kept
        return hits

    def _compiled(self) -> None:
        if self._pattern is None:
            self._by_key = {}
            for t in self.terms:
                key = t.english if _is_name(t.english) else t.english.lower()
                self._by_key.setdefault(key, t)
            self._patterns = {}  # compiled on first use: most terms never occur
            self._by_first = {}
            for key in self._by_key:
                words = _WORD_RE.findall(key.lower()) or [""]
                first, last = words[0], words[-1]
                entry = (key, frozenset(words[:-1]), last)
                # A one-word term may come in the plural (admins, boxes): index those too.
                forms = [first, first + "s", first + "es"] if len(words) == 1 else [first]
                for form in forms:
                    self._by_first.setdefault(form, []).append(entry)
            self._firsts = frozenset(self._by_first)
            self._pattern = _COMPILED


_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=64)
def _words_of(source: str) -> frozenset[str]:
    """The lowercase words of a source: the glossary and the names list both look at it."""
    return frozenset(_WORD_RE.findall(source.lower()))


_COMPILED = re.compile("")  # marks the per-term patterns as built


def _is_name(text: str) -> bool:
    return any(c.isupper() for c in text)


def _term_regex(key: str) -> str:
    words = [re.escape(w) for w in key.split()]
    body = r"\s+".join(words)
    if _is_name(key):
        return body
    # Lowercase terms match in any case (a sentence-initial "Global administrator") and in the
    # plural (administrators, policies).
    return rf"(?i:{body}(?:s|es)?)"


# -- reading and writing ----------------------------------------------------------------------


def load_glossary(path: str | os.PathLike[str]) -> Glossary:
    """A glossary from a .tbx (TBX, any version with termEntry/langSet) or a .csv file."""
    name = str(path)
    try:
        data = read_guarded(name, MAX_LIST_BYTES, "a glossary")
    except FormatError as exc:
        raise GlossaryError(f"glossary {name}: {exc.message}") from None
    if name.lower().endswith((".tbx", ".xml")):
        terms = _read_tbx(data, name)
    else:
        terms = _read_csv(data, name)
    glossary = Glossary(path=name)
    for t in terms:
        glossary.add(t.english, t.dutch, t.forbidden, t.note, t.admitted)
    return glossary


def save_glossary(glossary: Glossary, path: str | os.PathLike[str] | None = None) -> str:
    """Write the glossary atomically as TBX or CSV, by the file's extension; returns the file."""
    name = str(path or glossary.path or "")
    if not name:
        raise ValueError("no file to save the glossary to")
    if name.lower().endswith((".tbx", ".xml")):
        data = _write_tbx(glossary.terms)
    else:
        data = _write_csv(glossary.terms)
    os.makedirs(os.path.dirname(os.path.abspath(name)), exist_ok=True)  # first start: no folder
    atomic_write(name, data)
    glossary.path = name
    return name


def _read_csv(data: bytes, name: str) -> list[Term]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(f"glossary {name}: is not UTF-8 text; save it as UTF-8 CSV.") from None
    import csv  # CSV glossaries are read and written on demand
    import io

    sample = text[:2048]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    terms: list[Term] = []
    for line, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if line == 1 and cells[0].lower() in ("english", "en", "source", "term"):
            continue  # the header
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise GlossaryError(
                f"glossary {name}:{line}: needs an English term and a Dutch term "
                "(columns: english, dutch, forbidden, note, admitted)."
            )
        forbidden = _variants(cells[2]) if len(cells) > 2 else []
        note = cells[3] if len(cells) > 3 else ""
        admitted = _variants(cells[4]) if len(cells) > 4 else []
        terms.append(Term(cells[0], cells[1], forbidden, note, admitted))
    return terms


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in re.split(r"[|;]", cell) if v.strip()]


def _write_csv(terms: list[Term]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for t in terms:
        writer.writerow((t.english, t.dutch, "|".join(t.forbidden), t.note, "|".join(t.admitted)))
    return out.getvalue().encode("utf-8")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_tbx(data: bytes, name: str) -> list[Term]:
    from lxml import etree  # type: ignore[import-untyped]

    from reviewer.core.safe_xml import parse_xml

    try:
        root = parse_xml(data)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else None
        where = f"{name}:{line}" if line else name
        raise GlossaryError(f"glossary {where}: not valid TBX/XML: {exc.msg}.") from None
    terms: list[Term] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        english: list[str] = []
        dutch: list[str] = []
        forbidden: list[str] = []
        admitted: list[str] = []
        note = ""
        for lang_set in entry:
            if _local(lang_set.tag) != "langSet":
                if _local(lang_set.tag) in ("descrip", "note") and lang_set.text:
                    note = lang_set.text.strip()
                continue
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()
            for term_el in lang_set.iter():
                if _local(term_el.tag) != "term" or not (term_el.text or "").strip():
                    continue
                text = " ".join(term_el.text.split())
                status = ""
                parent = term_el.getparent()
                if parent is not None:
                    for sib in parent:
                        if _local(sib.tag) in ("termNote", "descrip") and sib.get("type") in (
                            "administrativeStatus",
                            "normativeAuthorization",
                        ):
                            status = (sib.text or "").strip().lower()
                if lang.startswith("en"):
                    english.append(text)
                elif lang.startswith("nl"):
                    if status in _FORBIDDEN_STATUS:
                        forbidden.append(text)
                    elif status in _ADMITTED_STATUS:
                        admitted.append(text)
                    else:
                        dutch.append(text)
        if english and dutch:
            for e in english:
                terms.append(Term(e, dutch[0], forbidden, note, admitted + dutch[1:]))
    return terms


def _write_tbx(terms: list[Term]) -> bytes:
    from xml.sax.saxutils import escape, quoteattr

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<martif type="TBX" xml:lang="en">',
        "<martifHeader><fileDesc><sourceDesc><p>reviewer glossary</p></sourceDesc>"
        "</fileDesc></martifHeader>",
        "<text><body>",
    ]
    for i, t in enumerate(terms, 1):
        lines.append(f"<termEntry id={quoteattr(f't{i}')}>")
        if t.note:
            lines.append(f'<descrip type="definition">{escape(t.note)}</descrip>')
        lines.append(
            f'<langSet xml:lang="en"><tig><term>{escape(t.english)}</term></tig></langSet>'
        )
        lines.append('<langSet xml:lang="nl">')
        lines.append(f"<tig><term>{escape(t.dutch)}</term></tig>")
        for f in t.forbidden:
            lines.append(
                f'<tig><term>{escape(f)}</term><termNote type="administrativeStatus">'
                "deprecatedTerm-admn</termNote></tig>"
            )
        for a in t.admitted:
            lines.append(
                f'<tig><term>{escape(a)}</term><termNote type="administrativeStatus">'
                "admittedTerm-admn</termNote></tig>"
            )
        lines.append("</langSet>")
        lines.append("</termEntry>")
    lines.append("</body></text></martif>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def load_names(path: str | os.PathLike[str]) -> list[str]:
    """A do-not-translate list: one product or feature name a line, # comments allowed."""
    name = str(path)
    try:
        text = read_guarded(name, MAX_LIST_BYTES, "a do-not-translate list").decode("utf-8-sig")
    except FormatError as exc:
        raise GlossaryError(f"do-not-translate list {name}: {exc.message}") from None
    except UnicodeDecodeError:
        raise GlossaryError(f"do-not-translate list {name}: is not UTF-8 text.") from None
    return [
        " ".join(n.split())
        for n in text.splitlines()
        if n.strip() and not n.lstrip().startswith("#")
    ]
