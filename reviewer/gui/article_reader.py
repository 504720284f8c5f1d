"""Opening an article for the window: the read under a wait cursor, a dialog for each problem."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reviewer.core.config import Config, config_for_article
from reviewer.core.errors import ReviewerError
from reviewer.core.store import SidecarError
from reviewer.core.workspace import Workspace, open_article

# The messages keep the catalog's "FileController" context: they are what File › Open says.
Busy = Callable[[str], AbstractContextManager[None]]  # a wait cursor and a status message


def article_config(window: QWidget, path: str, user: Config | None) -> Config:
    """The user's settings with the article's project .reviewer.yaml merged over them, as
    `reviewer check` reads them; an unreadable project file is named, and left out."""
    user = user or Config()
    try:
        return config_for_article(path, user)
    except ReviewerError as exc:
        from reviewer.gui import dialogs

        dialogs.show_warning(
            window,
            QCoreApplication.translate("FileController", "Project settings not read"),
            str(exc),
        )
        return user


def read_article(
    window: QWidget, path: str, author: Callable[[], str], user: Config | None, busy: Busy
) -> Workspace | None:
    """The article at ``path`` read with its review data, or None when it cannot be (the user
    was told why, or chose not to open it without its unreadable review data)."""
    name = os.path.basename(path)
    title = QCoreApplication.translate("FileController", "Cannot open the article")
    config = article_config(window, path, user)
    opening = QCoreApplication.translate("FileController", "Opening {name}…")
    try:
        with busy(opening.format(name=name)):
            try:
                return open_article(path, user=author(), config=config)
            except SidecarError as exc:
                error = exc
        from reviewer.gui import dialogs  # only when something went wrong: the open is quick

        if not dialogs.confirm(
            window,
            QCoreApplication.translate("FileController", "Review data unreadable"),
            QCoreApplication.translate(
                "FileController", "{error}\n\nOpen the article without its review data?"
            ).format(error=error),
            QCoreApplication.translate("FileController", "Open without"),
        ):
            return None
        with busy(opening.format(name=name)):
            return open_article(path, user=author(), config=config, ignore_sidecar=True)
    except ReviewerError as exc:
        from reviewer.gui import dialogs

        dialogs.show_error(window, title, str(exc))
    except Exception as exc:
        from reviewer.gui import dialogs

        # A bug below (e.g. a YAML library error the sidecar loader does not wrap) must
        # still end in a dialog, not a stuck wait cursor and a traceback on the terminal.
        dialogs.show_error(
            window,
            title,
            QCoreApplication.translate(
                "FileController",
                "{path} could not be opened ({kind}: {error}). Nothing was changed on disk. "
                "If the problem is in its review data ({name}.review.yaml: a hand edit or a "
                "merge conflict?), move that file aside and open the article again; please "
                "report this as a bug.",
            ).format(path=path, name=name, kind=type(exc).__name__, error=exc),
        )
    return None


def warn_about_problems(window: QWidget, workspace: Workspace) -> None:
    """Parse warnings mean parts of the file are not segments: say so once, on open."""
    warnings = workspace.session.doc.warnings
    if not warnings:
        return
    from reviewer.gui import dialogs

    n = len(warnings)
    lines = [
        QCoreApplication.translate(
            "FileController", "line {line}, column {column}: {message}"
        ).format(line=w.line, column=w.column, message=w.message)
        for w in warnings[:5]
    ]
    if n > 5:
        lines.append(
            QCoreApplication.translate(
                "FileController", "… and {n} more (see the Issues dock)."
            ).format(n=n - 5)
        )
    heading = (
        QCoreApplication.translate("FileController", "{path} has 1 problem:")
        if n == 1
        else QCoreApplication.translate("FileController", "{path} has {n} problems:")
    )
    dialogs.show_warning(
        window,
        QCoreApplication.translate("FileController", "Problems in the article"),
        heading.format(path=workspace.path, n=n)
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + QCoreApplication.translate(
            "FileController",
            "Text kept as raw text stays exactly as it is and cannot be edited here; every "
            "segment, including one with a repeated id, can be reviewed and saved as usual. "
            "To fix them, correct the file in a text editor (the Issues dock lists each "
            "problem with its line), then reload it.",
        ),
    )
