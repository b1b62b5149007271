"""Language choice, Qt translators, and the UI-edge translations of stored values.

The services speak English; the UI translates what it knows *by code*, never by message text
(error codes in ``ui/kit/errors.py`` and each feature's ``errors.py``; role names and status
values here). Strings that live at module level are
marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects them (see ``i18n_build``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from bowebb_console.resources import resource_path

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []

ROLES = {
    "agent": QT_TRANSLATE_NOOP("Roles", "agent"),
    "lead": QT_TRANSLATE_NOOP("Roles", "team lead"),
    "admin": QT_TRANSLATE_NOOP("Roles", "admin"),
}

CUSTOMER_STATUS = {
    "trial": QT_TRANSLATE_NOOP("CustomerStatus", "trial"),
    "active": QT_TRANSLATE_NOOP("CustomerStatus", "active"),
    "terminated": QT_TRANSLATE_NOOP("CustomerStatus", "terminated"),
}

SUB_PROCESSOR_STATUS = {
    "active": QT_TRANSLATE_NOOP("SubProcessorStatus", "active"),
    "ended": QT_TRANSLATE_NOOP("SubProcessorStatus", "ended"),
}


def code_text(context: str, table: dict[str, str], code: object) -> str:
    """The translated word for ``code`` from ``table`` (marked under ``context``); an unknown
    code is shown as it is, None as nothing."""
    if code is None:
        return ""
    key = str(code)
    return QCoreApplication.translate(context, table[key]) if key in table else key


def role_text(role: str) -> str:
    return code_text("Roles", ROLES, role)


def customer_status_text(status: str) -> str:
    return code_text("CustomerStatus", CUSTOMER_STATUS, status)


def sub_processor_status_text(status: str) -> str:
    return code_text("SubProcessorStatus", SUB_PROCESSOR_STATUS, status)


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """``sv`` or ``en``: the setting if given, else Swedish when the system locale is Swedish."""
    if setting in ("sv", "en"):
        return setting
    locale = system if system is not None else QLocale.system()
    return "sv" if locale.language() == QLocale.Language.Swedish else "en"


def install_translators(language: str) -> bool:
    """Replace the app's translators with ``language``'s (ours plus Qt's own dialogs)."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    remove_translators()
    QLocale.setDefault(
        QLocale(QLocale.Language.Swedish if language == "sv" else QLocale.Language.English)
    )
    ok = True
    ours = QTranslator(app)
    if ours.load(str(resource_path(f"translations/bowebb_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    elif language != "en":  # English is the source language: nothing to load is fine
        log.warning("translation for %s not found", language)
        ok = False
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return ok


def remove_translators() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
