"""What a link in the preview is, said in words; only an external one opens, after asking."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from reviewer.core.render.sanitize import (
    LINK_ANCHOR,
    LINK_EXTERNAL,
    LINK_MAIL,
    LINK_RELATIVE,
    LINK_XREF,
    link_kind,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("PreviewLinks", text)


def describe(url: str) -> str:
    """One line for the status bar: what the link is and what a click does."""
    kind = link_kind(url)
    if kind == LINK_EXTERNAL:
        return QCoreApplication.translate(
            "PreviewLinks", "Web link: {url} (click to open it in your browser)"
        ).format(url=url)
    if kind == LINK_MAIL:
        return QCoreApplication.translate(
            "PreviewLinks", "E-mail link: {url} (click to write in your mail program)"
        ).format(url=url)
    if kind == LINK_ANCHOR:
        return QCoreApplication.translate(
            "PreviewLinks", "Link to the section {url} of this article; not followed in the preview"
        ).format(url=url)
    if kind == LINK_RELATIVE:
        return QCoreApplication.translate(
            "PreviewLinks", "Link to another docs page or file: {url}; not opened here"
        ).format(url=url)
    if kind == LINK_XREF:
        return QCoreApplication.translate(
            "PreviewLinks",
            "Cross-reference {url}: the docs site resolves it when it publishes the page",
        ).format(url=url[len("xref:") :])
    return QCoreApplication.translate(
        "PreviewLinks", "Blocked link (not a web or mail address): {url}"
    ).format(url=url)


def follow(parent: QWidget, url: QUrl) -> str:
    """A click on ``url``: a web or mail link opens in the user's programs once they agree;
    any other says what it is. Returns the status bar message."""
    from reviewer.gui import dialogs

    text = url.toString()
    if link_kind(text) not in (LINK_EXTERNAL, LINK_MAIL):
        return describe(text)
    question = QCoreApplication.translate(
        "PreviewLinks", "Open this link outside the reviewer?\n\n{url}"
    ).format(url=text)
    if not dialogs.confirm(
        parent,
        QCoreApplication.translate("PreviewLinks", "Open link"),
        question,
        QCoreApplication.translate("PreviewLinks", "Open"),
    ):
        return QCoreApplication.translate("PreviewLinks", "Link not opened")
    QDesktopServices.openUrl(url)
    return QCoreApplication.translate("PreviewLinks", "Opened {url} in your browser").format(
        url=text
    )
