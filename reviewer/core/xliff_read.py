"""Reading XLIFF 1.2 and 2.x files from CAT tools: units with their exact source and target."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from reviewer.core.errors import FormatError
from reviewer.core.interchange import REVIEW_NS
from reviewer.core.safe_xml import XmlRefused, parse_untrusted
from reviewer.core.xliff import NS12, NS20


@dataclass(slots=True)
class UnitIn:
    """One unit as a CAT tool left it: its text with every code turned back into markup."""

    id: str
    line: int
    source: str
    target: str | None  # None: the tool left no target (untranslated)
    target_codes: Counter[str] = field(default_factory=Counter)  # markup of the target's codes
    problem: str = ""  # why the unit cannot be trusted, when it cannot
    codes_changed: bool = False  # the problem is with its inline codes


@dataclass(slots=True)
class FileIn:
    original: str
    line: int
    units: list[UnitIn]
    coded: bool  # markup travels as inline codes (False: the raw-text export)


@dataclass(slots=True)
class XliffIn:
    version: str
    files: list[FileIn]


class _Unreadable(Exception):
    """A unit's content that cannot be turned back into text."""


class _CodesChanged(_Unreadable):
    """Inline codes the export did not write, or whose markup is missing."""


def _local(el: Any) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


class _Inline:
    """Text and code markup of one <source> or <target>, in document order."""

    def __init__(self, version: str, data: dict[str, str]) -> None:
        self.version = version
        self.data = data
        self.parts: list[str] = []
        self.codes: Counter[str] = Counter()

    def code(self, text: str) -> None:
        self.parts.append(text)
        self.codes[text] += 1

    def data_ref(self, el: Any, attr: str) -> str:
        ref = el.get(attr)
        if ref is None or ref not in self.data:
            raise _CodesChanged(
                f"<{_local(el)} id={el.get('id')!r}> has no original markup ({attr}); "
                "the tool changed the codes"
            )
        return self.data[ref]

    def walk(self, el: Any) -> None:
        if el.text:
            self.parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                self.element(child)
            if child.tail:
                self.parts.append(child.tail)

    def element(self, el: Any) -> None:
        name = _local(el)
        if self.version == "1.2":
            if name in ("ph", "bpt", "ept", "it"):
                ctype = el.get("ctype") or ""
                if name == "ph" and ctype.startswith("x-char-"):
                    self.code(_char(ctype[7:], el))
                else:
                    self.code("".join(el.itertext()))
            elif name == "mrk":
                self.walk(el)
            else:
                raise _CodesChanged(
                    f"<{name}> codes were not in the exported file; export again and "
                    "translate the new file"
                )
            return
        if name == "ph":
            self.code(self.data_ref(el, "dataRef"))
        elif name == "pc":
            self.code(self.data_ref(el, "dataRefStart"))
            self.walk(el)
            self.code(self.data_ref(el, "dataRefEnd"))
        elif name in ("sc", "ec"):
            self.code(self.data_ref(el, "dataRef"))
        elif name == "cp":
            self.code(_char(el.get("hex") or "", el))
        elif name == "mrk":
            self.walk(el)
        elif name not in ("sm", "em"):
            raise _Unreadable(f"unexpected element <{name}> in the text")


def _char(hex_value: str, el: Any) -> str:
    try:
        return chr(int(hex_value, 16))
    except (ValueError, OverflowError):
        raise _Unreadable(f"<{_local(el)}> names no character ({hex_value!r})") from None


def _text(el: Any, version: str, data: dict[str, str]) -> tuple[str, Counter[str]]:
    reader = _Inline(version, data)
    reader.walk(el)
    return "".join(reader.parts), reader.codes


def _child(el: Any, ns: str, name: str) -> Any:
    return el.find(f"{{{ns}}}{name}")


def _unit_12(tu: Any) -> UnitIn:
    unit = UnitIn(tu.get("id") or "", tu.sourceline or 0, "", None)
    source, target = _child(tu, NS12, "source"), _child(tu, NS12, "target")
    try:
        if source is None:
            raise _Unreadable("the unit has no <source>")
        unit.source, _ = _text(source, "1.2", {})
        if target is not None:
            unit.target, unit.target_codes = _text(target, "1.2", {})
    except _Unreadable as exc:
        unit.problem = str(exc)
        unit.codes_changed = isinstance(exc, _CodesChanged)
    return unit


def _unit_2(el: Any) -> UnitIn:
    unit = UnitIn(el.get("id") or "", el.sourceline or 0, "", None)
    data: dict[str, str] = {}
    try:
        original = _child(el, NS20, "originalData")
        if original is not None:
            for item in original.iterfind(f"{{{NS20}}}data"):
                data[item.get("id") or ""], _ = _text(item, "2", {})
        sources: list[str] = []
        targets: list[str | None] = []
        codes: Counter[str] = Counter()
        for part in el:
            name = _local(part)
            if name not in ("segment", "ignorable"):
                continue
            source, target = _child(part, NS20, "source"), _child(part, NS20, "target")
            if source is None:
                raise _Unreadable(f"a <{name}> has no <source>")
            if target is not None and target.get("order") is not None:
                raise _Unreadable("the tool reordered the unit's segments")
            text, _ = _text(source, "2", data)
            sources.append(text)
            if target is not None:
                t, c = _text(target, "2", data)
                targets.append(t)
                codes += c
            else:
                # An ignorable with no target stands for itself (XLIFF 2 section 4.3.1.14).
                targets.append(text if name == "ignorable" else None)
        unit.source = "".join(sources)
        if any(t is not None for t in targets):
            if any(t is None for t in targets):
                raise _Unreadable("some of the unit's segments have no target")
            unit.target = "".join(t for t in targets if t is not None)
            unit.target_codes = codes
    except _Unreadable as exc:
        unit.problem = str(exc)
        unit.codes_changed = isinstance(exc, _CodesChanged)
    return unit


def read_xliff(data: bytes, name: str) -> XliffIn:
    """Every <file> and unit of an XLIFF 1.2 or 2.x document, or a FormatError naming the file.

    Refused outright: malformed XML, a DTD (billion laughs, XXE), another root element, and a
    unit id that repeats within one <file> (the file cannot say which of them is meant).
    """
    try:
        root = parse_untrusted(data)
    except XmlRefused as exc:
        damaged = exc.message.startswith("is not well-formed")
        hint = "It was cut short or damaged: save it again in its tool and import that file."
        raise FormatError(exc.message, name, exc.line, hint=hint if damaged else "") from None
    tag = etree.QName(root)
    if tag.localname != "xliff" or tag.namespace not in (NS12, NS20):
        raise FormatError(
            f"is not an XLIFF 1.2 or 2.x file (its root element is <{tag.localname}>).",
            name,
            root.sourceline,
            hint="Choose the .xlf file exported from reviewer and translated in your tool.",
        )
    version = root.get("version") or ""
    if tag.namespace == NS20 and not version.startswith("2."):
        raise FormatError(f"has XLIFF version {version!r}, not 2.x.", name, root.sourceline)
    files: list[FileIn] = []
    for file_el in root:
        if _local(file_el) != "file":
            continue
        coded = file_el.get(f"{{{REVIEW_NS}}}inline") != "raw"
        if tag.namespace == NS12:
            units = [_unit_12(tu) for tu in file_el.iter(f"{{{NS12}}}trans-unit")]
        else:
            units = [_unit_2(u) for u in file_el.iter(f"{{{NS20}}}unit")]
        seen: dict[str, int] = {}
        for unit in units:
            if not unit.id:
                raise FormatError("has a unit without an id.", name, unit.line)
            if unit.id in seen:
                raise FormatError(
                    f"has the unit id {unit.id!r} twice (lines {seen[unit.id]} and {unit.line}) "
                    "in one <file>; it cannot tell which one is meant, so nothing is imported.",
                    name,
                    unit.line,
                )
            seen[unit.id] = unit.line
        files.append(FileIn(file_el.get("original") or "", file_el.sourceline or 0, units, coded))
    return XliffIn(version, files)
