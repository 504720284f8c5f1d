"""The application icon and Qt's own translations for the system locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.resources import resource_path

ICON_PATH = resource_path("icons", "reviewer.svg")
_INSTALLED = "_reviewer_qt_translator"


def app_icon() -> QIcon:
    """The reviewer icon (an empty icon when the resources folder is not installed)."""
    return QIcon(str(ICON_PATH)) if ICON_PATH.is_file() else QIcon()


def install_qt_translations(app: QCoreApplication, locale: QLocale | None = None) -> bool:
    """Load qtbase_<locale> once, so standard buttons (Save, Cancel…) speak the user's language.

    True when a translation was loaded; English and unknown locales need none.
    """
    if getattr(app, _INSTALLED, None) is not None:
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(locale or QLocale.system(), "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    setattr(app, _INSTALLED, translator)  # installTranslator does not keep it alive
    return True


def dress(window: QWidget) -> None:
    """Give a main window the icon (the application too), and load Qt's own translations."""
    icon = app_icon()
    window.setWindowIcon(icon)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if app.windowIcon().isNull():
            app.setWindowIcon(icon)
        install_qt_translations(app)
