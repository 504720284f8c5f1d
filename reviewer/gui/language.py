"""The window's language: the system locale unless the settings choose one; its translators."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from reviewer.gui.i18n import QT_TRANSLATE_NOOP
from reviewer.resources import resource_path

SETTING = "interface/language"
SYSTEM = "system"
# The choices the settings offer: each language is named in itself, as every program does.
CHOICES = (
    (SYSTEM, QT_TRANSLATE_NOOP("Language", "System ({language})")),
    ("en", "English"),
    ("nl", "Nederlands"),
)
CATALOG = "reviewer"  # reviewer_nl.qm in reviewer/resources/i18n
FOLDER = resource_path("i18n")
_INSTALLED = "_reviewer_translators"


def chosen(settings: QSettings) -> str:
    """The language the settings ask for: ``system``, ``en`` or ``nl``."""
    value = settings.value(SETTING, SYSTEM)
    return value if isinstance(value, str) and value in dict(CHOICES) else SYSTEM


def locale_for(choice: str) -> QLocale:
    if choice == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    if choice == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale.system()


def choice_label(choice: str) -> str:
    """How the settings name a choice; the system one says which language that is."""
    text = dict(CHOICES)[choice]
    if choice != SYSTEM:
        return text
    system = QLocale.system()
    name = "Nederlands" if system.language() == QLocale.Language.Dutch else "English"
    return QCoreApplication.translate("Language", text).format(language=name)


def install(app: QCoreApplication, choice: str) -> QLocale:
    """Translate the window (and Qt's own dialogs and buttons) into ``choice``'s language.

    Call it before the window is built; it replaces what an earlier call installed. English,
    and any language without a catalog, shows the English the code is written in.
    """
    uninstall(app)
    locale = locale_for(choice)
    if locale.language() != QLocale.Language.Dutch:
        # Only Dutch has a catalog: every other locale sees the English the code is written
        # in, with English buttons and dates rather than a mix.
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((CATALOG, str(FOLDER)), ("qtbase", qt_folder)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    setattr(app, _INSTALLED, translators)  # installTranslator does not keep them alive
    return locale


def uninstall(app: QCoreApplication) -> None:
    """Back to the English of the code (tests switch languages within one process)."""
    for translator in getattr(app, _INSTALLED, []):
        app.removeTranslator(translator)
    setattr(app, _INSTALLED, [])
    QLocale.setDefault(QLocale.system())


def installed(app: QCoreApplication) -> list[str]:
    """The files of the catalogs in use, for the About box and the tests."""
    return [t.filePath() for t in getattr(app, _INSTALLED, [])]
