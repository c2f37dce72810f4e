"""Printing and the receipt viewer: Qt's print preview with real printers (a CUPS-PDF queue and a
PDF-file QPrinter) that survives garbage collection, the viewer with and without a printer,
Save as PDF, and Reprint and the scanned pages from the dossier detail.

The CUPS test starts its own scheduler (`cupsd -f`, as the test run's user; CI runs as root)
when none is running, adds a CUPS-PDF queue, and takes both away again afterwards.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QDialog

from app.reception.service import confirm_reception
from tests.app.reception_support import birth_request
from tests.machine_locks import PRINTERS
from tests.machine_locks import machine_lock
from tests.ui.conftest import save_screen
from tests.ui.test_reception_flow import pdf_printer
from ui.reception.printing import ReceiptPreview
from ui.reception.printing import ReceiptPrinter
from ui.reception.printing import default_printer

QUEUE = "MotCuaTestPDF"
CUPS_WAIT_S = 20


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def dark_share(image: QImage) -> float:
    """Share of sampled pixels that are clearly dark: the receipt's text and rules."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    samples = dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            samples += 1
            dark += image.pixelColor(x, y).lightness() < 100
    return dark / max(samples, 1)


def cups_running() -> bool:
    return subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False).stdout.startswith(
        "scheduler is running")


@pytest.fixture(scope="module")
def cups_queue() -> Iterator[str]:
    """A CUPS-PDF print queue on a running scheduler (started here when none runs)."""
    missing = [tool for tool in ("cupsd", "lpadmin", "lpstat", "lpinfo") if not shutil.which(tool)
               and not Path("/usr/sbin", tool).exists()]
    if missing:
        pytest.skip(f"CUPS is not installed ({', '.join(missing)} missing): scripts/setup.sh test "
                    "installs cups and printer-driver-cups-pdf")
    with machine_lock(PRINTERS):  # a dialog test on the other worker must not see this queue
        yield from _queue_on_cups()


def _queue_on_cups() -> Iterator[str]:
    started: subprocess.Popen[bytes] | None = None
    if not cups_running():
        cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
        started = subprocess.Popen([cupsd, "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + CUPS_WAIT_S
        while not cups_running() and started.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        if not cups_running():
            started.kill()
            error = (started.communicate()[1] or b"").decode(errors="replace")[:200]
            pytest.fail(f"cupsd would not start (user id {os.getuid()}): {error}")
    models = subprocess.run(["lpinfo", "-m"], capture_output=True, text=True, check=True).stdout
    ppd = next((line.split()[0] for line in models.splitlines() if "CUPS-PDF_opt.ppd" in line), None)
    assert ppd, "printer-driver-cups-pdf is not installed: no CUPS-PDF model for lpadmin"
    subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", ppd], check=True,
                   capture_output=True)
    try:
        yield QUEUE
    finally:
        subprocess.run(["lpadmin", "-x", QUEUE], check=False, capture_output=True)
        if started is not None:
            started.terminate()
            started.wait(timeout=CUPS_WAIT_S)


@pytest.fixture
def received(desk_store, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """The code of a birth registration received at this desk."""
    return confirm_reception(desk_store, birth_request(desk_store, tmp_path / "pages")).code


def open_preview(printer: ReceiptPrinter, code: str) -> ReceiptPreview:
    printer.show_form(code)
    viewer = printer.viewer
    assert viewer is not None and viewer.print_button.isEnabled()
    viewer.request_print()
    assert printer.preview is not None
    return printer.preview


def test_preview_with_a_cups_printer_opens_paints_and_closes(qtbot, desk_store, runner, received,
                                                              cups_queue) -> None:
    """The crash of the field (3 of 3 tries): a real printer, the preview opened, Python's
    garbage collector run, the preview painted and closed."""
    info = next(p for p in QPrinterInfo.availablePrinters() if p.printerName() == cups_queue)
    printer = ReceiptPrinter(desk_store, runner)
    # A printer made fresh for each print, as the product's default_printer does.
    printer.printer_factory = lambda: QPrinter(info, QPrinter.PrinterMode.HighResolution)
    outcomes: list[tuple[str, ...]] = []
    printer.printed.connect(lambda code: outcomes.append(("printed", code)))
    printer.print_failed.connect(lambda code, why: outcomes.append(("failed", code, why)))
    preview = open_preview(printer, received)
    assert preview.printer().printerName() == cups_queue
    settle()
    gc.collect()
    image = preview.grab()
    assert dark_share(image.toImage()) > 0.002  # the receipt's pages, painted from the printer
    preview.reject()
    settle()
    gc.collect()
    assert outcomes == [("failed", received, "printing was cancelled")]
    # Printing straight to the queue (the "direct" setting) is accepted by CUPS.
    printer.direct = True
    printer.print_form(printer.viewer.shown)
    assert outcomes[-1] == ("printed", received)
    printer.viewer.reject()


def test_preview_with_a_pdf_file_printer_survives_garbage_collection(qtbot, desk_store, runner,
                                                                     received, tmp_path: Path) -> None:
    printer = ReceiptPrinter(desk_store, runner)
    printer.printer_factory = pdf_printer(tmp_path / "receipt.pdf")  # a new QPrinter per call
    preview = open_preview(printer, received)
    assert preview.printer().outputFormat() == QPrinter.OutputFormat.PdfFormat
    settle()
    gc.collect()  # before the fix: the QPrinter is freed here, and the next paint crashes
    for _ in range(3):
        image = preview.grab()
        gc.collect()
    assert dark_share(image.toImage()) > 0.002
    preview.reject()
    settle()
    # A second preview replaces the first, which Qt has deleted meanwhile.
    second = open_preview(printer, received)
    gc.collect()
    assert dark_share(second.grab().toImage()) > 0.002
    second.reject()
    printer.viewer.reject()
    settle()
    gc.collect()


def test_viewer_without_a_printer_saves_the_receipt_as_pdf(qtbot, desk_store, runner, received,
                                                           vietnamese, tmp_path: Path) -> None:
    printer = ReceiptPrinter(desk_store, runner)
    printer.printer_factory = lambda: None  # this computer has no printer
    failures: list[str] = []
    printer.print_failed.connect(lambda _code, why: failures.append(why))
    printer.show_form(received, print_now=True)
    viewer = printer.viewer
    qtbot.addWidget(viewer)
    with qtbot.waitActive(viewer):
        viewer.activateWindow()
    assert viewer.isVisible() and viewer.pages >= 2  # both copies of the receipt
    assert not viewer.print_button.isEnabled()
    # The same viewer shows every form (a control slip, a refusal…): not only "biên nhận".
    assert viewer.status.text() == "Máy tính này chưa cài máy in: hãy lưu thành PDF rồi in ở máy khác."
    assert failures == ["máy tính này chưa cài máy in"]
    assert viewer.print_button.text() == "&In (Ctrl+P)" and viewer.save_button.text() == "&Lưu thành PDF (Ctrl+S)"
    target = tmp_path / "out" / "bien-nhan.pdf"
    viewer.save_chooser = lambda _parent, suggested: (target if suggested.startswith(f"mau-01-{received}")
                                                     else None)
    qtbot.keyClick(viewer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.read_bytes() == printer.last_pdf and target.read_bytes().startswith(b"%PDF")
    assert viewer.status.text() == f"Đã lưu: {target}"
    qtbot.keyClick(viewer, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # nothing to print on
    assert printer.preview is None
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    viewer.save_chooser = lambda _parent, _suggested: blocked / "x.pdf"
    qtbot.keyClick(viewer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert viewer.status.text() == "Chưa lưu được: Không ghi được x.pdf vào đó; hãy chọn thư mục khác."
    save_screen(viewer, "receipt_viewer_no_printer")
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_default_printer_is_none_or_a_real_printer() -> None:
    printer = default_printer()
    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    assert (printer is None) == (not names)
    if printer is not None:
        assert printer.printerName() in names


def test_preview_dialog_class_holds_its_printer(qtbot, tmp_path: Path) -> None:
    made = pdf_printer(tmp_path / "x.pdf")
    dialog = ReceiptPreview(made())  # the only reference to the printer is the dialog's
    qtbot.addWidget(dialog)
    gc.collect()
    assert dialog.printer() is dialog.held_printer
    dialog.open()
    settle()
    gc.collect()
    dialog.grab()
    dialog.done(QDialog.DialogCode.Rejected)


def test_the_viewer_fits_on_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a 1366×768 laptop the viewer (900 px high) had its buttons below the screen's edge."""
    from PySide6.QtGui import QGuiApplication

    from ui.reception.printing import ShownForm
    from ui.tasks import TaskRunner
    from ui.widgets.pdf_viewer import PdfViewer

    viewer = PdfViewer(ShownForm("000.00.06.H56-261207-0001", "01", "Giấy tiếp nhận", b"%PDF-1.4\n", "A5"),
                       TaskRunner(synchronous=True))
    qtbot.addWidget(viewer)
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert room.height() < 900  # the offscreen screen is smaller than the viewer's wish
    viewer.show()
    assert viewer.frameGeometry().height() <= room.height() and viewer.width() <= room.width()
