"""How screens name the core's codes and rules, in the desk's language: dossier statuses,
document forms and processing-time rules.

The core hands over codes and rule data only (app/statuses.py, app/deadlines.py); the printed
forms use their own legal Vietnamese (app/forms/legal_text.py). Everything here goes through
tr(), so an English desk reads English and a Vietnamese one Vietnamese.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QCoreApplication

from app.deadlines import TimeRule

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

_STATUSES: dict[str, Callable[[], str]] = {
    "DA_TIEP_NHAN": lambda: translate("Statuses", "Newly received"),
    "TU_CHOI": lambda: translate("Statuses", "Refused at reception"),
    "DANG_XU_LY": lambda: translate("Statuses", "Being processed"),
    "CHO_BO_SUNG": lambda: translate("Statuses", "Waiting for more documents"),
    "CHO_NVTC": lambda: translate("Statuses", "Waiting for fees or taxes to be paid"),
    "RUT": lambda: translate("Statuses", "Withdrawn by the citizen"),
    "DUNG": lambda: translate("Statuses", "Processing stopped"),
    "CO_KET_QUA": lambda: translate("Statuses", "Result ready to be returned"),
    "DA_TRA": lambda: translate("Statuses", "Result returned"),
}
_FORMS: dict[str, Callable[[], str]] = {
    "original": lambda: translate("Statuses", "Original"),
    "certified_copy": lambda: translate("Statuses", "Certified copy"),
    "copy": lambda: translate("Statuses", "Copy"),
}


STATUS_CODES = frozenset(_STATUSES)


def status_text(code: str) -> str:
    """A dossier status for the screen; an unknown code as it is (data the portal sent)."""
    worded = _STATUSES.get(code)
    return worded() if worded else code


def form_text(code: str) -> str:
    """Original, certified copy or copy, for the screen."""
    worded = _FORMS.get(code)
    return worded() if worded else code


def _clock(clock: time) -> str:
    if clock.minute:
        return translate("TimeRules", "%1:%2").replace("%1", str(clock.hour)).replace("%2", f"{clock.minute:02d}")
    return translate("TimeRules", "%1:00").replace("%1", str(clock.hour))


def rule_text(rule: TimeRule, *, cutoff: time = time(15, 0), qualified: bool = True) -> str:
    """A processing-time rule, e.g. '3 working days (received after 15:00: counted from the next
    working day)'; without the qualifier when `qualified` is False (a narrow table cell)."""
    if rule.unit == "same_day":
        text = translate("TimeRules", "Same day")
        qualifier = translate("TimeRules", "(received after %1: the next working day)")
    else:
        text = {"working_day": translate("TimeRules", "%1 working day(s)"),
                "day": translate("TimeRules", "%1 day(s)"),
                "hour": translate("TimeRules", "%1 working hour(s)")}[rule.unit].replace("%1", str(rule.value))
        qualifier = translate("TimeRules", "(received after %1: counted from the next working day)")
    if rule.cutoff_15h and qualified:
        return f"{text} {qualifier.replace('%1', _clock(cutoff))}"
    return text
