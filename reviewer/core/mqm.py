"""The MQM-Core typology, severities with their weights, and manual review issues."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field


class Severity(enum.Enum):
    """MQM severity levels; the value is the penalty multiplier (MQM default 0-1-5-25)."""

    NEUTRAL = "neutral"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def weight(self) -> int:
        return _WEIGHTS[self]

    @property
    def label(self) -> str:
        return self.value.capitalize()


_WEIGHTS = {Severity.NEUTRAL: 0, Severity.MINOR: 1, Severity.MAJOR: 5, Severity.CRITICAL: 25}


class IssueStatus(enum.Enum):
    OPEN = "open"
    RESOLVED = "resolved"
    WONT_FIX = "wontfix"

    @property
    def label(self) -> str:
        return {"open": "Open", "resolved": "Resolved", "wontfix": "Won't fix"}[self.value]


@dataclass(frozen=True, slots=True)
class Category:
    """One MQM error type, addressed by a stable key such as ``accuracy/omission``."""

    key: str
    dimension: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.dimension} › {self.name}"


# MQM-Core (MQM 2.0): seven dimensions with their main types, plus Custom for anything else.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "Terminology": (
        "Inconsistent with terminology resource",
        "Inconsistent use of terminology",
        "Wrong term",
    ),
    "Accuracy": (
        "Mistranslation",
        "Over-translation",
        "Under-translation",
        "Addition",
        "Omission",
        "Do not translate",
        "Untranslated",
    ),
    "Linguistic conventions": (
        "Grammar",
        "Punctuation",
        "Spelling",
        "Unintelligible",
        "Character encoding",
        "Textual conventions",
    ),
    "Style": (
        "Organizational style",
        "Third-party style",
        "Inconsistent with external reference",
        "Register",
        "Awkward style",
        "Unidiomatic style",
        "Inconsistent style",
    ),
    "Locale conventions": (
        "Number format",
        "Currency format",
        "Measurement format",
        "Time format",
        "Date format",
        "Address format",
        "Telephone format",
        "Shortcut key",
    ),
    "Audience appropriateness": ("Culture-specific reference", "Offensive"),
    "Design and markup": (
        "Layout",
        "Markup tag",
        "Truncation/text expansion",
        "Missing text",
        "Link/cross-reference",
    ),
    "Custom": ("Other",),
}


def _slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


CATEGORIES: dict[str, Category] = {}
for _dimension, _types in DIMENSIONS.items():
    for _name in _types:
        _cat = Category(f"{_slug(_dimension)}/{_slug(_name)}", _dimension, _name)
        CATEGORIES[_cat.key] = _cat


def category(key: str) -> Category:
    """The category for ``key``; unknown keys (say, from a newer typology) map to Custom."""
    found = CATEGORIES.get(key)
    if found is not None:
        return found
    return Category(key, "Custom", key.split("/")[-1] or "Other")


@dataclass(slots=True)
class Issue:
    """A reviewer's finding on one segment."""

    category: str
    severity: Severity
    comment: str = ""
    author: str = ""
    created: str = ""  # ISO 8601, UTC
    status: IssueStatus = IssueStatus.OPEN
    check_code: str = ""  # set when the issue was raised from an automatic check
    uid: str = field(default_factory=lambda: os.urandom(6).hex())  # 12 random hex digits

    @property
    def is_open(self) -> bool:
        return self.status is IssueStatus.OPEN
