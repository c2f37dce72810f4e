"""A line edit with its validation message right under it, for forms checked as you go."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QSizePolicy
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

ERROR_STYLE = "color: #b3261e;"


class FormField(QWidget):
    """`edit` plus an error label that stays hidden (taking no space) until there is a problem."""

    def __init__(
        self, *, placeholder: str = "", password: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        # Height follows the message: never stretched, so a hidden message leaves no gap.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self.edit.text()

    def set_error(self, text: str | None) -> None:
        """Show `text` under the field, or clear it with None/empty."""
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self.edit.setProperty("invalid", bool(text))
        self.edit.setAccessibleDescription(text or "")

    @property
    def error(self) -> str:
        return self.message.text()
