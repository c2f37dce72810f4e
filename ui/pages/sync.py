"""The Sync page. Not built yet: it says plainly what will come here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.widgets.placeholder import PlaceholderPage


class SyncPage(PlaceholderPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("SyncPage", "Sync"),
            QCoreApplication.translate(
                "SyncPage",
                "Synchronisation with the central portal will come here: device "
                "enrolment, what is waiting, what was refused and why."
            ),
            parent,
        )
