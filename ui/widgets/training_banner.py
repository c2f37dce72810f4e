"""The orange strip across the top of the main window in training mode (chế độ tập huấn).

It says what the window is (sample data, no legal value), how to sign in to it again (the
published training accounts) and offers "Làm lại dữ liệu tập huấn…", which asks first: a reset
throws away everything practised so far.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from app.training import TRAINING_ADMIN
from app.training import TRAINING_MARK
from app.training import TRAINING_PASSWORD
from app.training import TRAINING_USERNAME

BANNER_STYLE = ("QFrame#trainingBanner { background: #e8730c; }"
                " QFrame#trainingBanner QLabel { color: white; }"
                " QLabel#trainingMark { font-size: 13pt; font-weight: 700; }")


class TrainingBanner(QFrame):
    """Mark, accounts and the reset button; `reset_confirmed` once the official said yes."""

    reset_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.confirm_box: QMessageBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.mark = QLabel(TRAINING_MARK)  # the same words as on the printouts, in every language
        self.mark.setObjectName("trainingMark")
        layout.addWidget(self.mark)
        self.accounts = QLabel(self.tr("Training mode: sample data only, never sent to the portal. "
                                       "Accounts %1 and %2, password %3.")
                               .replace("%1", TRAINING_USERNAME).replace("%2", TRAINING_ADMIN)
                               .replace("%3", TRAINING_PASSWORD))
        self.accounts.setWordWrap(True)
        layout.addWidget(self.accounts, 1)
        self.reset_button = QPushButton(self.tr("&Reset the training data…"))
        self.reset_button.clicked.connect(self.confirm_reset)
        layout.addWidget(self.reset_button)

    def confirm_reset(self) -> None:
        """Ask before wiping: everything practised so far goes."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reset the training data"),
                          self.tr("Delete everything done in training mode and start again with fresh "
                                  "sample data? The real store is not touched."), parent=self)
        yes = box.addButton(self.tr("&Reset"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is yes))
        self.confirm_box = box
        box.open()

    def _answered(self, yes: bool) -> None:
        self.confirm_box = None
        if yes:
            self.reset_button.setEnabled(False)
            self.reset_confirmed.emit()
