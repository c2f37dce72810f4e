"""Sentences of refused dossier-list filters and warning settings (app/reception/listing.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

TEXTS: dict[str, Callable[[], str]] = {
    "list.reversed_dates": lambda: QCoreApplication.translate(
        "Problems", "The reception dates are reversed: from %(from) is after to %(to)."),
    "list.bad_date": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a date; write it as 25/11/2026."),
    "list.unknown_status": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a dossier status."),
    "list.unknown_channel": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a reception channel (desk, post office, community team)."),
    "list.unknown_sync_state": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a sync state (local, waiting, sent, refused)."),
    "list.unknown_due_window": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a due window: choose overdue, today or 1 to %(max) working days."),
    "list.unknown_sort": lambda: QCoreApplication.translate(
        "Problems", "The list cannot be sorted by “%(value)”."),
    "list.unknown_procedure": lambda: QCoreApplication.translate(
        "Problems", "No procedure with code “%(value)” is in the catalogue."),
    "list.unknown_official": lambda: QCoreApplication.translate(
        "Problems", "No official with user name “%(value)” works on this desk."),
    "list.search_too_long": lambda: QCoreApplication.translate(
        "Problems", "The search text is longer than %(max) characters; search for a name, a code or an ID "
                    "number."),
    "list.bad_windows": lambda: QCoreApplication.translate(
        "Problems", "Warning thresholds must be whole numbers of working days from 1 to %(max)."),
}
