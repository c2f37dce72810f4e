"""Qt's own dialogs opened the way the desk opens them, for the Vietnamese-catalogue tests.

Each opener shows one dialog (non-native: the widget dialogs Qt draws on Linux desks and in
previews), including the parts that appear only on a click (Options, Properties, context menus),
and returns it with every text it showed. `RecordingTranslator` notes every (context, source,
disambiguation) Qt asks a translator for: the ground truth of what qtbase_vi.ts must hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtCore import QTimer
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAction
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QColorDialog
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QInputDialog
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QWidget

from ui.widgets.file_dialogs import file_dialog


class RecordingTranslator(QTranslator):
    """Answers nothing, remembers every question (install it last: it is asked first)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        self.asked.add((context, source, disambiguation or ""))
        return None  # a null answer lets the next translator (ours, then Qt's) reply

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


@dataclass
class Opened:
    """A dialog on screen (to grab) and every text it showed, including the parts that open
    from it and are gone now (Properties, context menus)."""

    window: QWidget
    texts: list[str]


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def pdf_printer(folder: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "out.pdf"))
    return printer


def while_modal(trigger: Callable[[], object]) -> list[str]:
    """Run `trigger` (which opens a modal dialog or popup menu and blocks until it closes) and
    return the visible texts of that window, read just before closing it."""
    texts: list[str] = []

    def look() -> None:
        window = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if window is None:
            QTimer.singleShot(20, look)
            return
        settle()
        texts.extend(visible_texts(window))
        window.close()

    QTimer.singleShot(0, look)
    trigger()
    return texts


def open_file_dialog(folder: Path, save: bool = False) -> Opened:
    pdf = folder / "giấy khai sinh.pdf"
    if not pdf.exists():
        pdf.write_bytes(b"%PDF-1.4\n")
    (folder / "ảnh").mkdir(exist_ok=True)
    dialog = file_dialog(None, "Chọn tệp", str(folder), "Ảnh và PDF (*.png *.pdf);;Mọi tệp (*)",
                         save=save, native=False)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    settle()
    return Opened(dialog, visible_texts(dialog))


def open_print_dialog(folder: Path, parent: QWidget | None = None) -> Opened:
    printer = pdf_printer(folder)
    dialog = QPrintDialog(printer, parent)
    dialog.printer_kept = printer  # type: ignore[attr-defined]  # Qt does not own the printer
    dialog.show()
    settle()
    for button in dialog.findChildren(QAbstractButton):
        if button.objectName() == "options" or "Tùy chọn" in button.text() or "Options" in button.text():
            button.click()  # the "Options >>" expander shows the copies/pages/colour tabs
            settle()
    texts = visible_texts(dialog)
    for button in dialog.findChildren(QAbstractButton):
        if button.objectName() == "properties" and button.isEnabled():
            texts += while_modal(button.click)
    return Opened(dialog, texts)


def open_print_preview(folder: Path) -> Opened:
    printer = pdf_printer(folder)
    dialog = QPrintPreviewDialog(printer)
    dialog.printer_kept = printer  # type: ignore[attr-defined]  # Qt does not own the printer

    def paint(printer: QPrinter) -> None:
        painter = QPainter(printer)
        painter.drawText(100, 100, "Phiếu tiếp nhận")
        painter.end()

    dialog.paintRequested.connect(paint)
    dialog.show()
    settle()
    return Opened(dialog, visible_texts(dialog))


def open_colour_dialog() -> Opened:
    dialog = QColorDialog()
    dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    dialog.show()
    settle()
    return Opened(dialog, visible_texts(dialog))


ALL_STANDARD_BUTTONS = [
    QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Open, QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Apply, QMessageBox.StandardButton.Reset,
    QMessageBox.StandardButton.RestoreDefaults, QMessageBox.StandardButton.Help,
    QMessageBox.StandardButton.SaveAll, QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.YesToAll,
    QMessageBox.StandardButton.No, QMessageBox.StandardButton.NoToAll, QMessageBox.StandardButton.Abort,
    QMessageBox.StandardButton.Retry, QMessageBox.StandardButton.Ignore]


def open_message_box(buttons: list[QMessageBox.StandardButton] | None = None) -> Opened:
    box = QMessageBox(QMessageBox.Icon.Question, "Lưu hồ sơ", "Lưu các thay đổi của hồ sơ này?")
    chosen = QMessageBox.StandardButton.NoButton
    for button in buttons or ALL_STANDARD_BUTTONS:
        chosen |= button
    box.setStandardButtons(chosen)
    box.setDetailedText("Hồ sơ 000.00.06.H56-260101-0001")
    box.show()
    settle()
    return Opened(box, visible_texts(box))


def open_input_dialog() -> Opened:
    dialog = QInputDialog()
    dialog.setWindowTitle("Nhập")
    dialog.setLabelText("Số bản:")
    dialog.show()
    settle()
    return Opened(dialog, visible_texts(dialog))


def open_context_menus() -> Opened:
    """The right-click menus of a line edit, a text box and a number box."""
    menus: list[QWidget] = []
    line = QLineEdit("Nguyễn Văn A")
    menus.append(line.createStandardContextMenu())
    text = QPlainTextEdit("Ghi chú")
    menus.append(text.createStandardContextMenu())
    spin = QSpinBox()
    spin.show()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2), spin.mapToGlobal(QPoint(2, 2)))
    texts = while_modal(lambda: QApplication.sendEvent(spin, event))
    spin.close()
    menu = menus[0]
    menu.keep_alive = (line, text, menus)  # type: ignore[attr-defined]
    return Opened(menu, texts + [t for m in menus for t in visible_texts(m)])


def visible_texts(widget: QWidget) -> list[str]:
    """What a person can read in `widget`: title, labels, buttons, tabs, combo items, headers,
    group titles, menu and tool-bar actions (with their tool tips)."""
    texts = [widget.windowTitle()]
    for label in widget.findChildren(QLabel):
        if label.isVisibleTo(widget):
            texts.append(label.text())
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            texts += [button.text(), button.toolTip()]
    for group in widget.findChildren(QGroupBox):
        if group.isVisibleTo(widget):
            texts.append(group.title())
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in widget.findChildren(QComboBox):
        if combo.isVisibleTo(widget):
            texts += [combo.itemText(i) for i in range(combo.count())]
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if header.isVisibleTo(widget) and model is not None:
            texts += [str(model.headerData(i, header.orientation()) or "") for i in range(header.count())]
    actions = widget.findChildren(QAction) + (widget.actions() if isinstance(widget, QMenu) else [])
    for action in actions:
        if action.isVisible() and not action.isSeparator():
            texts += [action.text(), action.toolTip()]
    return [t for t in texts if t and t.strip()]

