"""The unit's scanners in Settings: a scan share becomes a scanner at the reception desk."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt

from app.capture.sources import SourceRegistry
from app.capture.sources.folder import FolderSource
from app.capture.sources.settings import ESCL_SETTING, FOLDERS_SETTING
from tests.ui.conftest import press_enter, type_text
from tests.ui.test_reception_flow import focused, open_reception
from ui.reception.capture import capture_panel


def test_a_scan_folder_set_in_settings_is_a_scanner_at_reception(qtbot, desk_store, paths, runner, vietnamese,
                                                                 tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Only the folder source, so the test does not wait for SANE or mDNS.
    monkeypatch.setattr(capture_panel, "registry_factory",
                        lambda settings: SourceRegistry([FolderSource([Path(f) for f in settings.folders],
                                                                      stable_ms=0)]))
    share = tmp_path / "scan-share"
    share.mkdir()
    window = open_reception(qtbot, desk_store, paths, runner)
    window.show_page("settings")
    page = window.settings_page
    # A bad entry names itself and nothing is saved.
    page.watch_folders.setText(str(tmp_path / "khong-co"))
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert "khong-co" in page.message.text() and desk_store.get_setting(FOLDERS_SETTING) is None
    page.escl_addresses.setText("ftp://may-quet")
    page.watch_folders.setText(str(share))
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert "ftp://may-quet" in page.message.text() and desk_store.get_setting(ESCL_SETTING) is None
    page.escl_addresses.setText("192.168.1.20")
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    assert page.message.text() == "Đã lưu cài đặt."
    assert desk_store.get_setting(FOLDERS_SETTING) == [str(share)]
    assert desk_store.get_setting(ESCL_SETTING) == ["192.168.1.20"]

    # The reception's scanner list now offers the folder; F8 takes what the scanner saved there.
    panel = window.reception_page.capture
    assert panel.devices.findData(f"folder:{share}") >= 0
    Image.new("RGB", (1654, 2339), "white").save(share / "scan0001.jpg", dpi=(200, 200))
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    reception = window.reception_page
    type_text(qtbot, focused(), "khai sinh")
    press_enter(qtbot, focused())
    panel.devices.setCurrentIndex(panel.devices.findData(f"folder:{share}"))
    table = reception.form.documents.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F8)
    assert panel.strip.count() == 1, panel.message.text()
    assert (share / "processed" / "scan0001.jpg").exists() and not (share / "scan0001.jpg").exists()
    window.close()
