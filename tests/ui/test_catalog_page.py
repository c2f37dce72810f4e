"""The catalogue page: as-you-type accent-insensitive search, results model, detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.paths import DataPaths
from tests.ui.conftest import save_screen
from tests.ui.conftest import type_text
from ui.main_window import MainWindow
from ui.models.catalog_model import CatalogTableModel
from ui.models.catalog_model import UnverifiedRole
from ui.models.catalog_model import VersionRole
from ui.tasks import TaskRunner


def open_catalog(qtbot, desk_store, paths: DataPaths, runner: TaskRunner) -> MainWindow:  # type: ignore
    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # window shortcuts only fire in the active window
        window.show()
        window.activateWindow()
    window.start()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "catalog"
    return window


def test_unaccented_words_find_marriage_first(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = open_catalog(qtbot, desk_store, paths, runner)
    page = window.catalog_page
    assert page.model.rowCount() > 5  # the whole catalogue before typing
    type_text(qtbot, page.search, "dang ky ket hon")
    first = page.model.index(0, 1)
    assert page.model.data(first) == "Đăng ký kết hôn"
    assert page.detail.version is not None and page.detail.version.code == "1.000894"
    text = page.detail.toPlainText()
    assert "Tờ khai đăng ký kết hôn" in text and "Căn cứ pháp lý" in text
    save_screen(window, "catalog", publish=True)
    window.close()


def test_detail_flags_unverified_fields(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = open_catalog(qtbot, desk_store, paths, runner)
    page = window.catalog_page
    model = page.model
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    flagged = [i for i in rows if model.data(i, UnverifiedRole)]
    trusted = [i for i in rows if not model.data(i, UnverifiedRole)]
    assert flagged, "the built-in catalogue has unverified values; the page must show some"
    page.table.selectRow(flagged[0].row())
    assert "chưa xác minh" in page.detail.toPlainText()
    save_screen(page, "catalog_unverified")
    if trusted:
        page.table.selectRow(trusted[0].row())
        assert "chưa xác minh" not in page.detail.toPlainText()
    window.close()


def test_no_match_says_so(qtbot, desk_store, paths, runner, vietnamese) -> None:
    window = open_catalog(qtbot, desk_store, paths, runner)
    page = window.catalog_page
    type_text(qtbot, page.search, "zzqq xxww")
    assert page.model.rowCount() == 0
    assert "zzqq xxww" in page.summary.text()
    assert page.detail.version is None
    window.close()


def test_catalog_model_passes_model_tester(qtmodeltester, desk_store) -> None:
    from app.catalog.storage import load_versions

    with desk_store.read_session() as session:
        versions = load_versions(session)
    model = CatalogTableModel()
    qtmodeltester.check(model)
    model.set_versions(versions)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), VersionRole) is versions[0]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Procedure"
    model.set_versions(versions[:1])
    qtmodeltester.check(model)
    assert model.rowCount() == 1
