"""The Dossiers page. Not built yet: it says plainly what will come here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.placeholder import PlaceholderPage


class DossiersPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("DossiersPage", "Dossiers"),
            QCoreApplication.translate(
                "DossiersPage",
                "The list of received dossiers will come here, with search, filters, "
                "due dates and lifecycle actions."
            ),
            parent,
        )
