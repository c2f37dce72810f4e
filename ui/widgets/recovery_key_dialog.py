"""The one and only showing of the recovery key, right after the store is created.

The key is the last way into the store if every password is lost, so the dialog will not
let the admin continue until they confirm they have written it down or printed it. The printed
sheet names the unit (code and name) and the date, and sets the key out as a table of groups,
so a group is never split across lines however the printer lays the page out.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QSizeF
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtGui import QFontDatabase
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.clock import local_today


# (groups a row, font points) tried in turn until the key table fits the paper's width.
KEY_LAYOUTS = ((5, 20), (5, 15), (2, 20), (2, 14), (1, 14))


class RecoveryKeyDialog(QDialog):
    """Shows the key in large monospace; Continue is enabled only after the checkbox is ticked."""

    def __init__(self, key_text: str, unit_name: str, parent: QWidget | None = None, *,
                 unit_code: str = "", made_on: date | None = None) -> None:
        super().__init__(parent)
        self.key_text = key_text
        self.unit_name = unit_name
        self.unit_code = unit_code
        self.made_on = made_on or local_today()  # the unit's date, printed on the sheet
        self.setWindowTitle(self.tr("Recovery key"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This is the recovery key of the local store. It is shown only once. "
                "Write it down or print it and keep it locked away: with it, an administrator "
                "can open the store if every password is lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.setMinimumWidth(600)
        self.key_label = QLabel(key_lines(key_text))
        self.key_label.setFont(_key_font())
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setStyleSheet("padding: 12px; border: 1px solid #888; background: #fffbe6;")
        layout.addWidget(self.key_label)
        layout.addLayout(self._action_row())
        self.confirm = QCheckBox(self.tr("I have &written down the recovery key"))
        layout.addWidget(self.confirm)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        layout.addWidget(self.continue_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.confirm.setFocus()

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_key)
        self.copy_button = QPushButton(self.tr("Cop&y"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_key)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.copy_button)
        return row

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key_text)

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        self.printable_document(printer).print_(printer)

    def printable_document(self, printer: QPrinter) -> QTextDocument:
        """The sheet laid out for this printer's paper: fewer groups a row, or a smaller font,
        until the key table fits the page width, so no group is cut off at the edge (A6, A5)."""
        for per_row, points in KEY_LAYOUTS:
            doc = self.key_document(per_row, points)
            # Measured the way QTextDocument.print_ lays out: the printer's page, 2 cm margins.
            probe = doc.clone(doc)
            probe.documentLayout().setPaintDevice(printer)
            margin = 2 / 2.54 * printer.logicalDpiY()
            probe.setPageSize(QSizeF(printer.width() - 2 * margin, printer.height() - 2 * margin))
            if probe.size().width() <= probe.pageSize().width() + 1:
                return doc
        return doc

    def key_document(self, groups_per_row: int = 5, points: int = 20) -> QTextDocument:
        """The printable sheet: unit code and name, date, the key as a table of groups."""
        doc = QTextDocument(self)
        title = html.escape(self.tr("MotCua Desk recovery key"))
        unit = html.escape(self.tr("Unit: %1 – %2").replace("%1", self.unit_code).replace("%2", self.unit_name))
        made = html.escape(self.tr("Made on: %1").replace("%1", self.made_on.strftime("%d/%m/%Y")))
        how = html.escape(self.tr("Read the groups row by row, left to right. At the sign-in screen: "
                                  "“Forgot the password? Use the recovery key”."))
        warning = html.escape(self.tr("Keep this sheet locked away. Anyone holding it can open the store."))
        doc.setHtml(
            f"<h2>{title}</h2><p>{unit}<br>{made}</p>{key_table(self.key_text, groups_per_row, points)}"
            f"<p>{how}</p><p><b>{warning}</b></p>"
        )
        return doc

    def reject(self) -> None:
        # Escape must not skip the confirmation: the key would be lost for good.
        if self.confirm.isChecked():
            super().accept()

    def accept(self) -> None:
        if self.confirm.isChecked():
            super().accept()


def key_lines(key_text: str, groups_per_line: int = 5) -> str:
    """The key in lines of a few groups, each line ending at a hyphen, so it is easy to copy
    by hand without a group being split between lines."""
    groups = key_text.split("-")
    lines = ["-".join(groups[i:i + groups_per_line]) for i in range(0, len(groups), groups_per_line)]
    return "-\n".join(lines)


def key_table(key_text: str, groups_per_row: int = 5, points: int = 20) -> str:
    """The key as an HTML table, one group per cell: a cell is never split between lines."""
    groups = [html.escape(group) for group in key_text.split("-")]
    rows = []
    for start in range(0, len(groups), groups_per_row):
        cells = "".join(f"<td style='white-space:nowrap; padding:6px 14px'>{group}</td>"
                        for group in groups[start:start + groups_per_row])
        rows.append(f"<tr>{cells}</tr>")
    return ("<table border='1' cellspacing='0' cellpadding='6' "
            f"style='font-family:monospace; font-size:{points}pt; font-weight:bold'>{''.join(rows)}</table>")


def _key_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(20)
    font.setBold(True)
    return font
