"""Sentences of refused register and report requests (app/reports, app/register)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

TEXTS: dict[str, Callable[[], str]] = {
    "reports.range_reversed": lambda: QCoreApplication.translate(
        "Problems", "The period starts on %(start), after it ends on %(end): put the earlier date first."),
    "reports.range_too_long": lambda: QCoreApplication.translate(
        "Problems", "The period spans %(days) days; choose at most %(limit) days at a time."),
    "reports.date_out_of_range": lambda: QCoreApplication.translate(
        "Problems", "%(value) is not between %(first) and %(last), the years dossiers are kept for."),
    "reports.date_bad": lambda: QCoreApplication.translate(
        "Problems", "%(field): “%(value)” is not a date; write it as YYYY-MM-DD."),
    "reports.register_format": lambda: QCoreApplication.translate(
        "Problems", "The register can be saved as PDF, Excel (.xlsx) or CSV; “%(name)” is none of them."),
}
