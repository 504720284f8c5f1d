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
