"""How the desk writes dates and times: dd/MM/yyyy and HH:mm, whatever the locale says.

Qt's Vietnamese locale would write a short date as 1/7/24; Vietnamese forms and officials
write 01/07/2024. Every date the UI shows, and every date field, goes through here.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime

from PySide6.QtCore import QDate
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateEdit
from PySide6.QtWidgets import QWidget

DATE_FORMAT = "dd/MM/yyyy"
TIME_FORMAT = "HH:mm"
# The order of the official's own receipts and lists: time first, as in "15:15 24/11/2026".
TIME_DATE_FORMAT = f"{TIME_FORMAT} {DATE_FORMAT}"
# The order of Windows Explorer in Vietnamese, for file lists: "24/11/2026 15:15".
DATE_TIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"


def _text(value: date | datetime | QDate | QDateTime | None, qt_format: str, py_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (QDate, QDateTime)):
        return value.toString(qt_format) if value.isValid() else ""
    return value.strftime(py_format)


def date_text(value: date | QDate | None) -> str:
    """'01/07/2024'; '' for no date."""
    return _text(value, DATE_FORMAT, "%d/%m/%Y")


def time_date_text(value: datetime | QDateTime | None) -> str:
    """'15:15 24/11/2026'; '' for no moment."""
    return _text(value, TIME_DATE_FORMAT, "%H:%M %d/%m/%Y")


def date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date field that reads and writes dd/MM/yyyy, with a calendar to pick from."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit
