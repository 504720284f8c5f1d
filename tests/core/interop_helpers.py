"""Schema validators for the exchange-file tests: XLIFF 1.2 strict, XLIFF 2.1, TMX 1.4 DTD."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

DATA = Path(__file__).resolve().parents[1] / "data"
XLIFF_DIR = DATA / "xliff"
XML_XSD = XLIFF_DIR / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"


class _Local(etree.Resolver):  # type: ignore[misc]
    """The W3C xml.xsd the 1.2 schema imports from the web, read from tests/data instead."""

    def resolve(self, url: str, pubid: str, context: Any) -> Any:
        if url.endswith("/xml.xsd") or url == "xml.xsd":
            return self.resolve_filename(str(XML_XSD), context)
        return None


def _parser() -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_Local())
    return parser


def _driver(namespace: str, location: str) -> Any:
    """A schema importing an OASIS schema and ours, so rv: attributes validate too."""
    text = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{namespace}" schemaLocation="{(XLIFF_DIR / location).as_uri()}"/>
      <xs:import namespace="urn:reviewer:review:1"
                 schemaLocation="{(XLIFF_DIR / "reviewer-review-1.xsd").as_uri()}"/>
    </xs:schema>"""
    doc = etree.fromstring(text.encode(), _parser(), base_url=str(XLIFF_DIR) + "/")
    return etree.XMLSchema(etree.ElementTree(doc))


@cache
def xliff12_schema() -> Any:
    return _driver("urn:oasis:names:tc:xliff:document:1.2", "xliff-core-1.2-strict.xsd")


@cache
def xliff21_schema() -> Any:
    return _driver("urn:oasis:names:tc:xliff:document:2.0", "xliff_core_2.0.xsd")


@cache
def tmx_dtd() -> Any:
    return etree.DTD(str(DATA / "tmx" / "tmx14.dtd"))


def validate(data: bytes, version: str) -> list[str]:
    """Schema errors of an XLIFF document ([] when valid)."""
    schema = xliff12_schema() if version == "1.2" else xliff21_schema()
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(doc):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def validate_tmx(data: bytes) -> list[str]:
    dtd = tmx_dtd()
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if dtd.validate(doc):
        return []
    return [f"{e.line}: {e.message}" for e in dtd.error_log]
