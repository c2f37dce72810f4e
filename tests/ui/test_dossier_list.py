"""The Hồ sơ list over 100,000 generated dossiers: Qt's model tester, pages far down the list,
sorting and filters under the tester, the keyboard path to a dossier, colours, masking, and the
early-warning badge."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import text

from app.collation import name_sort_key
from app.desk_setup import create_desk
from app.paths import data_paths
from app.reception.listing import ListFilter
from bench.synthetic import fill_store
from tests.ui.conftest import save_screen
from ui.models.dossier_list_model import BLOCK
from ui.models.dossier_list_model import COLUMNS
from ui.models.dossier_list_model import LOADING
from ui.models.dossier_list_model import MAX_BLOCKS
from ui.models.dossier_list_model import DossierListModel

COUNT = 100_000
WAIT_MS = 20_000


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("list100k") / "data"
    store, _ = create_desk(data_paths(folder), unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                           admin_username="quantri", admin_full_name="Quản Trị", admin_password="mat-khau-1")
    # Received over the last 400 days up to yesterday: today's date gives real overdue/soon rows.
    fill_store(store, COUNT, today=date.today(), days=400, details=False)
    yield store
    store.close()


def read_in(store: Any) -> Any:
    def read(work: Any) -> Any:
        with store.read_session() as session:
            return work(session)
    return read


def sql(store: Any, query: str) -> list[Any]:
    with store.read_session() as session:
        return [row[0] for row in session.execute(text(query))]


@pytest.mark.slow
def test_model_tester_over_100000_rows(qtbot, qtmodeltester, runner, big_store) -> None:  # type: ignore[no-untyped-def]
    model = DossierListModel(runner, read_in(big_store))
    model.set_filter(ListFilter())
    assert model.rowCount() == COUNT  # no cap: before, the list stopped at 500
    qtmodeltester.check(model)
    newest_first = sql(big_store, "SELECT code FROM dossiers ORDER BY received_at DESC, rowid DESC")
    # The last row: its block is asked for, arrives from the store lane, and the view is told.
    assert model.data(model.index(COUNT - 1, 0)) in (LOADING, newest_first[-1])
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS):
        model.item_at(COUNT - 1)
    assert model.data(model.index(COUNT - 1, 0)) == newest_first[-1]
    assert model.data(model.index(COUNT // 2 + 7, 0)) in (LOADING, newest_first[COUNT // 2 + 7])
    qtbot.waitUntil(lambda: model.data(model.index(COUNT // 2 + 7, 0)) == newest_first[COUNT // 2 + 7],
                    timeout=WAIT_MS)

def test_sorting_filtering_and_bounded_memory(qtbot, runner, big_store) -> None:  # type: ignore[no-untyped-def]
    # A second model: Qt's tester re-checks all 100,000 rows after every reset.
    model = DossierListModel(runner, read_in(big_store))
    model.set_filter(ListFilter())
    model.sort(COLUMNS.index("due"), Qt.SortOrder.AscendingOrder)
    by_due = sql(big_store, "SELECT code FROM dossiers ORDER BY due_at, rowid")
    assert model.rowCount() == COUNT and model.data(model.index(0, 0)) == by_due[0]
    model.sort(COLUMNS.index("id_number"), Qt.SortOrder.AscendingOrder)  # not sortable: nothing happens
    assert model.filter.sort == "due"
    # Applicant and procedure sort in Vietnamese order (given name first) from their indexes.
    model.sort(COLUMNS.index("applicant"), Qt.SortOrder.DescendingOrder)
    by_applicant = sql(big_store, "SELECT code FROM dossiers ORDER BY applicant_key DESC, rowid DESC")
    assert model.filter.sort == "applicant" and model.data(model.index(0, 0)) == by_applicant[0]
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT_MS):
        model.item_at(COUNT - 1)  # the jump to the end
    assert model.data(model.index(COUNT - 1, 0)) == by_applicant[-1]
    names = [model.data(model.index(row, COLUMNS.index("applicant"))) for row in range(20)]
    assert [name_sort_key(n) for n in names] == sorted((name_sort_key(n) for n in names), reverse=True)
    model.sort(COLUMNS.index("procedure"), Qt.SortOrder.AscendingOrder)
    by_procedure = sql(big_store, "SELECT code FROM dossiers ORDER BY procedure_key, rowid")
    assert model.filter.sort == "procedure" and model.data(model.index(0, 0)) == by_procedure[0]
    model.set_filter(ListFilter(channel="community"))
    assert model.rowCount() == len(sql(big_store, "SELECT code FROM dossiers WHERE channel = 'community'"))
    # Memory stays bounded however far the official scrolls.
    model.set_filter(ListFilter())
    for row in range(0, COUNT, COUNT // 90):  # more blocks than are kept
        model.item_at(row)
    qtbot.waitUntil(lambda: not runner.busy and not model._wanted, timeout=WAIT_MS)
    assert len(model._blocks) <= MAX_BLOCKS and BLOCK * len(model._blocks) <= 3000


def test_keyboard_colours_masking_and_warnings(qtbot, vietnamese, runner, big_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(big_store, big_store.paths, runner)
    qtbot.addWidget(window)
    window.show()
    window.start()  # sign-in: pages load, early warnings are checked once the window is painted
    qtbot.waitUntil(lambda: window.settled, timeout=10_000)
    page = window.dossiers_page
    window.show_page("dossiers")
    assert page.summary.text() == "100.000 hồ sơ."
    warnings = window._warnings
    assert warnings is not None and warnings.whole_unit and warnings.overdue > 0
    nav = window.nav.item(1).text()
    assert nav == f"Hồ sơ ({warnings.total})"
    assert window.status.warnings.isVisible()
    assert f"{warnings.overdue} quá hạn" in window.status.warnings.text()

    # Colours: the badge opens the overdue dossiers, each one red.
    window.show_warned_dossiers()
    model = page.model
    assert model.rowCount() == warnings.overdue and page.due_filter.currentData() == "overdue"
    due = COLUMNS.index("due")
    assert model.data(model.index(0, due), Qt.ItemDataRole.BackgroundRole) == QColor("#f8c9c9")
    assert model.data(model.index(0, due), Qt.ItemDataRole.ToolTipRole).startswith("Quá hạn")
    window.resize(1440, 800)  # a desk PC's screen
    save_screen(window, "dossier-list", publish=True)

    # A reload with the same filter (a sync pass) keeps the official's place in the list.
    page.table.setFocus()
    page.table.selectRow(7)
    page.load()
    assert page.table.currentIndex().row() == 7 and model.rowCount() == warnings.overdue

    # ID numbers masked unless asked.
    column = COLUMNS.index("id_number")
    shown = model.data(model.index(0, column))
    full = model.item_at(0).id_number
    assert shown == full[:4] + "****" + full[-4:]
    page.show_ids.setChecked(True)
    assert model.data(model.index(0, column)) == full
    page.show_ids.setChecked(False)

    # Keyboard: Ctrl+F, type a code, Enter moves to the list, Enter opens the dossier.
    code = sql(big_store, "SELECT code FROM dossiers ORDER BY received_at LIMIT 1")[0]
    page.reset_filters()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.table.hasFocus() and model.rowCount() == 1 and page.summary.text() == "1 hồ sơ phù hợp."
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT_MS) as shown_dialog:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = shown_dialog.args[0]
    assert code in dialog.windowTitle() or code in dialog.text.toPlainText()
    dialog.close()

    # A reversed date range is refused in words, and nothing is listed differently.
    page.date_from.setText("02/02/2026")
    page.date_to.setText("01/01/2026")
    page.load()
    assert page.summary.text() == ("Khoảng ngày tiếp nhận bị ngược: từ ngày 02/02/2026 sau đến ngày "
                                   "01/01/2026.")
    assert model.rowCount() == 1
    window.close()
