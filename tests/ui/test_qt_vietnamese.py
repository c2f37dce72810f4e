"""Qt's own dialogs (file, print, preview, colour, message, input, context menus) in Vietnamese.

Qt ships no Vietnamese catalogue of its own strings, so the desk carries one
(resources/i18n/qtbase_vi.ts). The ground truth of what it must hold is what a running Qt asks
for: a recording translator notes every (context, source, disambiguation) while each dialog is
open, and every one of them must have a Vietnamese entry.
"""

from __future__ import annotations

import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QDateTime
from PySide6.QtCore import QSettings
from PySide6.QtCore import QStandardPaths
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QTreeView
from PySide6.QtWidgets import QWidget

from app.paths import resource
from tests.ui.conftest import save_screen
from tests.ui.qt_dialogs import Opened
from tests.ui.qt_dialogs import RecordingTranslator
from tests.ui.qt_dialogs import open_colour_dialog
from tests.ui.qt_dialogs import open_context_menus
from tests.ui.qt_dialogs import open_file_dialog
from tests.ui.qt_dialogs import open_input_dialog
from tests.ui.qt_dialogs import open_message_box
from tests.ui.qt_dialogs import open_print_dialog
from tests.ui.qt_dialogs import open_print_preview
from tests.machine_locks import PRINTERS
from tests.machine_locks import machine_lock
from ui.dates import date_edit
from ui.dates import date_text
from ui.dates import time_date_text
from ui.i18n import install_translators
from ui.i18n import remove_translators
from ui.widgets.file_dialogs import file_dialog

Key = tuple[str, str, str]
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def catalogue() -> dict[Key, str]:
    """(context, source, disambiguation) -> Vietnamese, from the committed qtbase_vi.ts."""
    root = ET.parse(resource("i18n", "qtbase_vi.ts")).getroot()
    out = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, message.findtext("source")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            assert len(forms) == 1, "Vietnamese has one plural form"
            out[(context.findtext("name", ""), message.findtext("source", ""),
                 message.findtext("comment", ""))] = forms[0]
    return out


def mnemonic(text: str) -> str | None:
    """The Alt+ letter of a label or button text, if it has one."""
    plain = text.replace("&&", "\0\0")
    return plain[plain.index("&") + 1] if "&" in plain else None


@pytest.fixture(autouse=True)
def qt_settings_in(tmp_path: Path) -> Iterator[None]:
    """QFileDialog keeps its history and last folder in the user's QtProject settings: point
    them at the test's folder, so no run leaves traces in ~/.config or sees another run's."""
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, default)


@pytest.fixture
def recorder(qapp: QApplication, vietnamese: None) -> Iterator[RecordingTranslator]:
    """Installed after the catalogues, so Qt asks it first and it sees every question."""
    recording = RecordingTranslator()
    qapp.installTranslator(recording)
    yield recording
    qapp.removeTranslator(recording)


def test_catalogue_is_finished_nfc_and_keeps_placeholders_and_mnemonics() -> None:
    entries = catalogue()
    assert len(entries) > 400
    for (context, source, _comment), text in entries.items():
        where = f"{context}: {source!r}"
        assert text.strip(), f"{where} is empty"
        assert unicodedata.is_normalized("NFC", text), f"{where} is not NFC"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), where
        assert (mnemonic(source.replace("&nbsp;", "")) is None) == (mnemonic(text) is None), \
            f"{where}: mnemonic lost or added"
        key = mnemonic(text)
        assert key is None or (key.isascii() and key.isalnum()), f"{where}: Alt+{key!r} cannot be typed"
    # Qt reads the layout direction from this entry: anything but LTR would mirror every screen.
    assert {t for (_c, s, _d), t in entries.items() if s == "QT_LAYOUT_DIRECTION"} == {"LTR"}


def test_vietnamese_installs_the_qt_catalogue(vietnamese: None) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "Tê&n tệp:"
    assert QCoreApplication.translate("QPrintDialog", "&Print") == "&In"


def test_english_keeps_qt_in_english(qapp: QApplication, built_translations: None) -> None:
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        remove_translators(qapp, translators)


DIALOGS: dict[str, Callable[[Path], Opened]] = {
    "qt-file-dialog": lambda folder: open_file_dialog(folder),
    "qt-save-dialog": lambda folder: open_file_dialog(folder, save=True),
    "qt-print-dialog": lambda folder: open_print_dialog(folder),
    "qt-print-preview": lambda folder: open_print_preview(folder),
    "qt-colour-dialog": lambda _folder: open_colour_dialog(),
    "qt-message-box": lambda _folder: open_message_box(),
    "qt-input-dialog": lambda _folder: open_input_dialog(),
    "qt-context-menus": lambda _folder: open_context_menus(),
}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_string_a_qt_dialog_shows_is_vietnamese(name: str, recorder: RecordingTranslator,
                                                       tmp_path: Path) -> None:
    entries = catalogue()
    # The print dialogs list the machine's printers: not while another test adds a CUPS queue,
    # whose driver names its paper sizes itself ("Envelope C5"), in English.
    with machine_lock(PRINTERS) if name.startswith("qt-print") else nullcontext():
        opened = DIALOGS[name](tmp_path)
    try:
        save_screen(opened.window, name)
        missing = sorted(recorder.asked - set(entries))
        assert not missing, f"{name}: Qt asked for strings qtbase_vi.ts does not have: {missing[:8]}"
        # Sources whose Vietnamese differs (key names, "OK", "A4" are the same in both).
        english = {source for (_c, source, _d), text in entries.items() if text != source}
        assert opened.texts, f"{name} showed nothing to read"
        leftovers = sorted({text for text in opened.texts if text in english})
        assert not leftovers, f"{name} shows English: {leftovers[:8]}"
        keys = mnemonic_keys(opened.window)
        assert len(keys) == len(set(keys)), f"{name}: two controls share a shortcut letter: {keys}"
    finally:
        opened.window.close()


def mnemonic_keys(window: QWidget) -> list[str]:
    """Alt+letter keys of the visible labels and buttons of one window (menus have their own)."""
    texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
             if w.isVisibleTo(window)]
    return [key.lower() for key in map(mnemonic, texts) if key]


def test_message_box_buttons_in_vietnamese(vietnamese: None) -> None:
    opened = open_message_box([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
                               QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save,
                               QMessageBox.StandardButton.Open])
    try:
        box = opened.window
        assert isinstance(box, QMessageBox)
        assert sorted(b.text() for b in box.buttons()) == sorted(
            ["&Có", "&Không", "Hủy", "Lưu", "Mở", "Hiện chi tiết..."])
        save_screen(box, "qt-message-box-yes-no")
    finally:
        opened.window.close()


def test_file_dialog_dates_files_dd_mm_yyyy_and_sizes_in_vietnamese(qtbot, vietnamese: None,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    sample = tmp_path / "giấy khai sinh.pdf"
    sample.write_bytes(b"x" * 1500)
    moment = datetime(2024, 7, 1, 8, 5)
    os.utime(sample, (moment.timestamp(), moment.timestamp()))
    dialog = file_dialog(None, "Chọn tệp", str(tmp_path), "PDF (*.pdf)", native=False)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
    row = [model.index(0, column, view.rootIndex()).data() for column in range(4)]
    assert row[0] == "giấy khai sinh.pdf"
    assert row[1] == "1,5 kB"
    assert row[3] == "01/07/2024 08:05"
    # Wide enough not to be cut to "01/07/... 08:05".
    assert view.header().sectionSize(3) >= view.fontMetrics().horizontalAdvance(row[3])


def test_save_dialog_offers_the_suggested_name(qtbot, vietnamese: None) -> None:  # type: ignore[no-untyped-def]
    dialog = file_dialog(None, "Xuất gói USB", "motcua.mcbundle", "Gói MotCua (*.mcbundle)", save=True,
                         native=False)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name.text() == "motcua.mcbundle"
    assert any(b.text() == "&Lưu" for b in dialog.findChildren(QAbstractButton))


def test_dates_are_dd_mm_yyyy_whatever_the_locale(qtbot, vietnamese: None) -> None:  # type: ignore[no-untyped-def]
    assert date_text(QDate(2024, 7, 1)) == "01/07/2024"
    assert date_text(datetime(2024, 7, 1).date()) == "01/07/2024"
    assert date_text(QDate()) == "" and date_text(None) == ""
    assert time_date_text(datetime(2024, 7, 1, 7, 30)) == "07:30 01/07/2024"
    assert time_date_text(QDateTime(QDate(2024, 7, 1), QTime(7, 30))) == "07:30 01/07/2024"
    edit = date_edit()
    qtbot.addWidget(edit)
    edit.setDate(QDate(2024, 7, 1))
    # Qt's Vietnamese short format would read 1/7/24.
    assert edit.text() == "01/07/2024"


def test_sync_queue_dates_carry_the_year(vietnamese: None) -> None:
    from sync.status import OutboxEntry
    from ui.pages.sync import entry_cells
    from ui.pages.sync import local_time_text

    entry = OutboxEntry(id="1", seq=1, dossier_id=None, code="000.00.06.H56-240701-0001",
                        kind="dossier.create", state="pending", attempts=1, last_error=None,
                        next_attempt_at=datetime(2024, 7, 1, 0, 30), created_at=datetime(2024, 7, 1))
    assert entry_cells(entry)[4] == "07:30 01/07/2024"  # the outbox keeps UTC; the desk shows Vietnam time
    assert local_time_text("2024-07-01T00:30:00") == "07:30 01/07/2024"


def test_build_refuses_unfinished_plural_forms_and_accepts_finished_ones(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    ts = tmp_path / "qtbase_vi.ts"
    template = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="vi">'
                "<context><name>QFileDialog</name>"
                '<message numerus="yes"><source>%n file(s)</source><translation>'
                "<numerusform>{form}</numerusform></translation></message></context></TS>")
    ts.write_text(template.format(form="%n tệp"), encoding="utf-8")
    assert build_translations.unfinished(ts) == []
    assert build_translations.build([ts]) == 0 and ts.with_suffix(".qm").exists()
    ts.write_text(template.format(form=""), encoding="utf-8")
    assert build_translations.unfinished(ts) == ["%n file(s)"]
