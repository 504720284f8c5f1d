"""lxml parsers that never resolve entities, read local files or touch the network."""

# Every XML or HTML parse in reviewer goes through these factories;
# tests/core/test_hostile_input.py scans reviewer/ and fails on any other lxml parser use.

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]


def safe_parser() -> Any:
    """An XML parser immune to XXE and entity bombs: no entities, no DTD, no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )


def safe_html_parser() -> Any:
    """An HTML parser with network access off; libxml2's HTML mode loads no external entities."""
    return etree.HTMLParser(no_network=True, huge_tree=False, remove_pis=True)


def parse_xml(data: bytes) -> Any:
    """The root element of an XML document, parsed with ``safe_parser``."""
    return etree.fromstring(data, safe_parser())


def parse_html(data: bytes) -> Any:
    """The root element of an HTML document, parsed with ``safe_html_parser``."""
    return etree.fromstring(data, safe_html_parser())


class XmlRefused(ValueError):
    """An XML document from outside that is not read: malformed, or carrying a DTD."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_CODECS = ("utf-8", "utf-16-le", "utf-16-be")
_DTD_REFUSED = (
    "contains a document type declaration (<!DOCTYPE …>), which can hide entity expansion "
    "(billion laughs) or external entity (XXE) attacks; it is not read. Exchange files never "
    "need one: export the file again from its tool, or remove the <!DOCTYPE …> line."
)


def parse_untrusted(data: bytes) -> Any:
    """The root of an XML document from another program, or XmlRefused saying why not.

    A document type declaration is refused outright, before parsing: exchange formats never
    need one, and it is how entity expansion and external entity attacks are carried.
    """
    for codec in _CODECS:
        at = data.find("<!DOCTYPE".encode(codec))
        if at >= 0:
            raise XmlRefused(_DTD_REFUSED, data[:at].count("\n".encode(codec)) + 1)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise XmlRefused(f"is not well-formed XML: {exc.msg}.", exc.lineno) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XmlRefused(_DTD_REFUSED, 1)  # an encoding the scan above does not know
    return root
