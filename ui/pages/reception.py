"""The Reception page. Not built yet: it says plainly what will come here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.placeholder import PlaceholderPage


class ReceptionPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ReceptionPage", "Reception"),
            QCoreApplication.translate(
                "ReceptionPage",
                "Receiving a dossier will come here: choosing the procedure, the "
                "applicant, the documents and fees, and printing the receipt."
            ),
            parent,
        )
