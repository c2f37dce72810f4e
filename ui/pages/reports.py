"""The Reports page. Not built yet: it says plainly what will come here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.placeholder import PlaceholderPage


class ReportsPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ReportsPage", "Reports"),
            QCoreApplication.translate(
                "ReportsPage",
                "Reports will come here: the tracking register and statistics as PDF "
                "and Excel."
            ),
            parent,
        )
