"""Every key of the window does one thing: no two actions or shortcuts share a key."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence, QShortcut

from reviewer.gui.main_window import MainWindow


def test_no_two_actions_share_a_key(window: MainWindow) -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners[key.toString()].append(action.objectName() or action.text())
    for shortcut in window.findChildren(QShortcut):
        owners[shortcut.key().toString()].append(shortcut.objectName() or "QShortcut")
    shared = {key: names for key, names in owners.items() if len(names) > 1 and key}
    assert shared == {}
    # The keys the preview and the markup help took, and what they left to others.
    assert owners["Ctrl+Alt+Down"] == ["actionInsertNextMarkup"]
    assert owners["F6"] == ["actionPreview"]
    assert owners["F9"] == ["actionProjectView"]
    assert owners["Ctrl+Shift+8"] == ["actionShowWhitespace"]


def test_the_markup_actions_sit_in_their_menus_and_reach_the_editors(window: MainWindow) -> None:
    edit = [a.objectName() for a in window.registry.menus["Edit"].actions()]
    assert edit.index("actionInsertNextMarkup") == edit.index("actionCopySource") + 1
    view = [a.objectName() for a in window.registry.menus["View"].actions()]
    assert view.index("actionShowWhitespace") == view.index("actionPreview") + 1
    passed = {k.toString() for k in window.detail.target.passthrough}
    assert {"Ctrl+Alt+Down", "Ctrl+Shift+M", "F6", "Ctrl+Shift+8"} <= passed
    rows = dict(window.registry.shortcut_rows())
    assert (
        QKeySequence("Ctrl+Alt+Down").toString(QKeySequence.SequenceFormat.NativeText)
        in (rows["Insert Next Markup"])
    )
