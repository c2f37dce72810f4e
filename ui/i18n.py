"""Which language the desk app speaks, and loading its Qt translation catalogues.

Source strings are English; Vietnamese is the default. The choice lives in a small INI file
beside the store (not in the store itself) because it is needed before anyone has signed in
and the store is encrypted. `MOTCUA_LANG` overrides it, for support staff and tests.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLibraryInfo
from PySide6.QtCore import QLocale
from PySide6.QtCore import QSettings
from PySide6.QtCore import QTranslator

from app.paths import DataPaths
from app.paths import resource

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "vi"
# Shown in the language chooser in their own language, so they are not translated.
LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
LANGUAGE_KEY = "ui/language"
ENV_LANGUAGE = "MOTCUA_LANG"


def desk_settings(paths: DataPaths) -> QSettings:
    """Machine-level UI preferences (INI beside the store), readable before sign-in."""
    return QSettings(str(paths.root / "desk.ini"), QSettings.Format.IniFormat)


def chosen_language(paths: DataPaths | None) -> str:
    """The language to start in: environment, then the saved choice, then Vietnamese."""
    env = os.environ.get(ENV_LANGUAGE, "").strip().lower()
    if env in LANGUAGES:
        return env
    if paths is not None:
        saved = str(desk_settings(paths).value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or "").lower()
        if saved in LANGUAGES:
            return saved
    return DEFAULT_LANGUAGE


def save_language(paths: DataPaths, language: str) -> None:
    """Remember the language for the next start (called on the background lane)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = desk_settings(paths)
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def translation_file(language: str) -> str:
    """Path of our compiled catalogue for `language` (built by scripts/build_translations.py)."""
    return str(resource("i18n", f"motcua_{language}.qm"))


def qt_translation_file(language: str) -> str:
    """Path of our catalogue of Qt's own strings (dialogs, standard buttons, context menus).

    Qt ships no Vietnamese qtbase catalogue, so resources/i18n/qtbase_vi.ts is ours."""
    return str(resource("i18n", f"qtbase_{language}.qm"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and one for Qt's own strings (ours, else Qt's); keep the result alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(translation_file(language)):
        app.installTranslator(ours)
        installed.append(ours)
    elif language != "en":
        # English is the source language, so only a missing non-English catalogue matters.
        log.warning("translation catalogue for %s not found; run scripts/build_translations.py", language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(qt_translation_file(language)) or qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    elif language != "en":
        # Without it the file, print and message dialogs would speak English.
        log.warning("Qt's own strings have no %s catalogue; run scripts/build_translations.py", language)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo `install_translators` (tests switch languages within one process)."""
    for translator in translators:
        app.removeTranslator(translator)
