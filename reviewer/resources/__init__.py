"""Files shipped inside the package: icon, sample article, translations and check data."""

from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file (pip installs the package unzipped, so it is a real file).

    Beside this module, as ``importlib.resources.files`` would say for an unzipped package,
    without importing its readers (~3 ms at start-up, after PySide6 loads)."""
    return _HERE.joinpath(*parts)


SAMPLE_ARTICLE = "sample/canceling-your-office-365-subscription.md"


def sample_copy(folder: Path) -> Path:
    """A copy of the sample article in ``folder``, so saving it never writes into the install.

    An existing copy is kept (it may hold the user's review); when ``folder`` cannot be written
    the shipped file itself is returned, and saving it then reports the read-only folder.
    """
    shipped = resource_path(SAMPLE_ARTICLE)
    copy = folder / shipped.name
    if copy.is_file():
        return copy
    partial = copy.with_name(copy.name + ".part")  # renamed when whole: no half-copied sample
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(shipped.read_bytes())
        os.replace(partial, copy)
    except OSError:
        return shipped
    return copy
