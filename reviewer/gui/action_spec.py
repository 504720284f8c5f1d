"""One row of the action table: an action's name, text, handler, menu, keys and enablement."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

Key = str | QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str  # objectName: scripts and tests find the action by it
    text: str  # menu text, untranslated (QT_TRANSLATE_NOOP "Actions")
    handler: str  # "part.method" on the window ("files.save"), or "window.method"
    menu: str  # menu path: "File", "Review/Batch Approval"
    keys: tuple[Key, ...] = ()
    tip: str = ""  # status tip and tooltip, untranslated
    group: str = "always"  # enabled when the window says this group is: see Actions.enable
    separator: bool = False  # a separator before it in its menu
    in_editors: bool = False  # its keys reach the window even from a target editor
    label: str = ""  # short toolbar label (the menu text when empty)
    dock: str = ""  # objectName of the dock whose show/hide action this row describes
    checkable: bool = False  # an on/off setting: the handler gets the new state
    after: str = ""  # put it after this action of its menu (rows kept in another module)
