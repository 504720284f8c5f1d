"""What a new target may hold: refused when it would break the file, warned when risky."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.errors import TargetRejected
from reviewer.core.format.syntax import FORBIDDEN_IN_TARGET


@dataclass(frozen=True, slots=True)
class EditWarning:
    """A change that is allowed but may break the article's layout (FORMAT.md section 5)."""

    code: str
    message: str


def check_target(original: str, new_target: str) -> list[EditWarning]:
    """Refuse a target that would break the file; list warnings for risky changes."""
    if new_target == "" or new_target.strip() == "":
        raise TargetRejected("A target cannot be empty: the file would no longer parse.")
    if "\x00" in new_target:
        raise TargetRejected(
            "A target cannot contain a NUL character: the saved article could not be opened again."
        )
    try:
        new_target.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise TargetRejected(
            f"A target cannot contain the unpaired surrogate U+{ord(new_target[exc.start]):04X}: "
            "it cannot be written as UTF-8. Retype or re-paste that character."
        ) from None
    for marker in FORBIDDEN_IN_TARGET:
        if marker in new_target:
            raise TargetRejected(
                f"A target cannot contain {marker!r}: the file would no longer parse. "
                "Remove that markup from the target."
            )
    warnings: list[EditWarning] = []
    if original.count("\n") != new_target.count("\n"):
        warnings.append(
            EditWarning(
                "newlines",
                f"The number of line breaks changed ({original.count(chr(10))} → "
                f"{new_target.count(chr(10))}); the Markdown layout may break.",
            )
        )
    old_balance = original.count("<span") - original.count("</span>")
    new_balance = new_target.count("<span") - new_target.count("</span>")
    if original.count("<span") != new_target.count("<span") or old_balance != new_balance:
        warnings.append(
            EditWarning("span-balance", "The <span>/</span> tags changed; the page may break.")
        )
    if _edge(original) != _edge(new_target):
        warnings.append(
            EditWarning(
                "edge-whitespace",
                "Leading or trailing whitespace changed; it is significant in this format.",
            )
        )
    return warnings


def _edge(text: str) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        return text, ""
    head = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()) :]
    return head, tail
