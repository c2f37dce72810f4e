"""Sentences of problems with the printed forms (app/forms)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

TEXTS: dict[str, Callable[[], str]] = {
    "forms.not_available": lambda: translate(
        "Problems", "Form %(form) cannot be printed for dossier %(code): the dossier has not been through the "
                    "step this form records, or the set of forms in force on the day it was received has no "
                    "such form (form 07, the register, is made for a date range, not for one dossier)."),
}
