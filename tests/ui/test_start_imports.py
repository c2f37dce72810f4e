"""What the desk imports before its first window: the sign-in screen must not need the store.

Each check runs a fresh Python process (imports are per process) and reads its `sys.modules`
after the step: behaviour, not timing. SQLAlchemy, Alembic, the wire schema, the HTTP client,
PDF and chart libraries cost the start over a second together; they are loaded when the main
window or a command needs them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.paths import DataPaths
from app.paths import data_paths
from app.store.service import create_store

# Heavy modules the first window (sign-in or first-run setup) must not pull in.
NOT_BEFORE_SIGN_IN = ("sqlalchemy", "alembic", "pydantic", "requests", "reportlab", "qrcode",
                      "openpyxl", "pikepdf", "sync.engine", "app.wire", "app.store.service",
                      "ui.main_window", "PySide6.QtCharts", "PySide6.QtPdf")
# Opening a store already at the newest schema revision needs no Alembic (nor its Mako).
NOT_AT_OPEN = ("alembic", "mako")
# Pages other than Tiếp nhận are built (and their modules imported) when first shown; printing,
# export, charts, PDF and image processing are imported by what first uses them. None of it is
# loaded by the time the main window is painted and the start's background work has finished
# (the scanner listing included).
PAGE_MODULES = ("ui.pages.dossiers", "ui.pages.sync", "ui.pages.reports", "ui.pages.catalog",
                "ui.pages.settings")
NOT_AT_MAIN_WINDOW = (*PAGE_MODULES, "reportlab", "qrcode", "openpyxl", "PySide6.QtCharts",
                      "PySide6.QtPdf", "pikepdf", "cv2", "numpy", "tesserocr", "app.capture.imports",
                      "alembic", "pydantic", "sync.engine", "yaml")
# What nothing on the first screen shows starts once the window is painted: the scanner listing
# (the network scanners' HTTP client and mDNS) and the early warnings' counting.
NOT_AT_FIRST_PAINT = ("requests", "zeroconf", "app.capture.sources.escl", "app.reception.listing")
# The password is checked against the key file before the store's modules are needed.
NOT_TO_UNLOCK = ("sqlalchemy", "app.store.models", "app.store.service", "alembic")

SIGN_IN = """
import json, sys
from PySide6.QtWidgets import QApplication
from app.paths import data_paths
from ui.app import DeskApp
from ui.tasks import TaskRunner
app = QApplication(sys.argv)
runner = TaskRunner()
desk = DeskApp(data_paths(sys.argv[1]), runner, language="vi")
desk.start()
app.processEvents()
print(json.dumps({"screen": type(desk.screen).__name__, "modules": sorted(sys.modules)}))
runner.shutdown(wait=True)
"""

OPEN = """
import json, sys
from app.paths import data_paths
from app.store.service import open_store
store = open_store(data_paths(sys.argv[1]), username="admin", password=sys.argv[2])
print(json.dumps({"user": store.user.username, "modules": sorted(sys.modules)}))
store.close()
"""

MAIN = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.paths import data_paths
from app.store.service import open_store
from ui.app import DeskApp
from ui.tasks import TaskRunner
app = QApplication(sys.argv)
runner = TaskRunner()
paths = data_paths(sys.argv[1])
desk = DeskApp(paths, runner, language="vi")
desk.show_main(open_store(paths, username="admin", password=sys.argv[2]))
window = desk.main_window
seen = {}
def painted():
    window.grab()  # a full paint, as bench.startup does
    seen.update(page=window.current_page, built=sorted(window.pages), settled_at_paint=window.settled,
                at_paint=sorted(sys.modules))
    QTimer.singleShot(0, settled)
def settled():  # the work that waits for the first paint starts right after it: warnings counted
    if window._warnings is None:
        QTimer.singleShot(10, settled)
        return
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
runner.shutdown(wait=True)  # the start's background work (scanners, warnings) has finished too
print(json.dumps({**seen, "modules": sorted(sys.modules)}))
"""

WARM_UP = """
import json, sys
from PySide6.QtWidgets import QApplication
from app.paths import data_paths
from ui import warm_up
from ui.app import DeskApp
from ui.tasks import TaskRunner
app = QApplication(sys.argv)
runner = TaskRunner()
desk = DeskApp(data_paths(sys.argv[1]), runner, language="vi", warm_up=True)
desk.start()
thread = warm_up._thread
thread.join(120)
print(json.dumps({"screen": type(desk.screen).__name__, "thread": thread.name, "done": not thread.is_alive(),
                  "modules": sorted(sys.modules)}))
runner.shutdown(wait=True)
"""

UNLOCK = """
import json, sys
from app.errors import AuthError
from app.paths import data_paths
from app.store.unlock import unlock
paths = data_paths(sys.argv[1])
try:
    unlock(paths, username="admin", password="not-the-password")
    wrong = "accepted"
except AuthError as error:
    wrong = error.code
unlocked = unlock(paths, username="admin", password=sys.argv[2])
print(json.dumps({"wrong": wrong, "key": len(unlocked.data_key), "shown": repr(unlocked),
                  "modules": sorted(sys.modules)}))
"""

PASSWORD = "mật-khẩu-đủ-dài"


def run_child(code: str, *args: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                           os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def loaded(modules: object, names: tuple[str, ...]) -> list[str]:
    assert isinstance(modules, list)
    return [name for name in names if name in modules]


def make_store(folder: Path) -> DataPaths:
    paths = data_paths(str(folder))
    store, _recovery = create_store(paths, unit_code="000.00.06.H56", unit_name="Xã Tân Lập",
                                    admin_username="admin", admin_full_name="Nguyễn Thị Hoà",
                                    admin_password=PASSWORD)
    store.close()
    return paths


def test_sign_in_screen_imports_no_store_orm_or_heavy_libraries(data_dir: Path) -> None:
    make_store(data_dir)
    result = run_child(SIGN_IN, str(data_dir))
    assert result["screen"] == "LoginScreen"
    assert loaded(result["modules"], NOT_BEFORE_SIGN_IN) == []


def test_first_run_setup_screen_imports_no_store_orm_or_heavy_libraries(data_dir: Path) -> None:
    result = run_child(SIGN_IN, str(data_dir))
    assert result["screen"] == "SetupScreen"
    assert loaded(result["modules"], NOT_BEFORE_SIGN_IN) == []


def test_opening_a_store_at_the_newest_revision_imports_no_alembic(data_dir: Path) -> None:
    make_store(data_dir)
    result = run_child(OPEN, str(data_dir), PASSWORD)
    assert result["user"] == "admin"
    assert loaded(result["modules"], NOT_AT_OPEN) == []


def test_the_painted_main_window_imports_only_its_first_page(data_dir: Path) -> None:
    make_store(data_dir)
    result = run_child(MAIN, str(data_dir), PASSWORD)
    assert result["page"] == "reception" and result["built"] == ["reception"]
    assert loaded(result["modules"], NOT_AT_MAIN_WINDOW) == []
    # Scanners and warnings wait for the first paint, then start (the listing imports its clients).
    assert result["settled_at_paint"] is False and loaded(result["at_paint"], NOT_AT_FIRST_PAINT) == []
    assert loaded(result["modules"], NOT_AT_FIRST_PAINT) == list(NOT_AT_FIRST_PAINT)


def test_the_sign_in_screen_imports_the_store_and_main_window_in_the_background(data_dir: Path) -> None:
    make_store(data_dir)
    result = run_child(WARM_UP, str(data_dir))
    assert result["screen"] == "LoginScreen" and result["thread"] == "motcua-warm-up" and result["done"]
    # Nobody signed in, yet what signing in needs is there; what the main window defers is not.
    assert loaded(result["modules"], ("app.store.service", "ui.main_window")) == \
        ["app.store.service", "ui.main_window"]
    assert loaded(result["modules"], NOT_AT_MAIN_WINDOW) == []


def test_the_password_is_checked_without_the_store_modules(data_dir: Path) -> None:
    make_store(data_dir)
    result = run_child(UNLOCK, str(data_dir), PASSWORD)
    assert result["wrong"] == "auth" and result["key"] == 32
    assert "data_key" not in result["shown"] and "admin" in result["shown"]  # the key is never shown
    assert loaded(result["modules"], NOT_TO_UNLOCK) == []


def test_the_sync_thread_waits_for_the_first_screen_unless_asked(qtbot, runner, desk_store) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import SYNC_THREAD_DELAY_MS
    from ui.main_window import MainWindow

    window = MainWindow(desk_store, desk_store.paths, runner)
    qtbot.addWidget(window)
    window.show()
    window.start()
    thread = window.sync._sync._thread  # noqa: SLF001 - the thread itself is what is checked
    assert not thread.is_alive()  # its imports would compete with the first paint
    qtbot.waitUntil(thread.is_alive, timeout=SYNC_THREAD_DELAY_MS + 5_000)
    window.close()

    second = MainWindow(desk_store, desk_store.paths, runner)
    qtbot.addWidget(second)
    second.show()
    second.start()
    second.sync.notify()  # a dossier confirmed at once: the pass is not kept waiting
    assert second.sync._sync._thread.is_alive()  # noqa: SLF001
    second.close()


def test_a_window_closed_before_the_sync_thread_started_never_starts_it(qtbot, runner, desk_store) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import SYNC_THREAD_DELAY_MS
    from ui.main_window import MainWindow

    window = MainWindow(desk_store, desk_store.paths, runner)
    qtbot.addWidget(window)
    window.show()
    window.start()
    thread = window.sync._sync._thread  # noqa: SLF001
    window.close()  # before the delay: closing must neither fail nor leave a thread behind
    qtbot.wait(SYNC_THREAD_DELAY_MS + 500)
    assert not thread.is_alive() and thread.ident is None


def test_each_page_is_built_when_first_shown_and_its_shortcuts_work(qtbot, runner, paths, desk_store, vietnamese) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ui.main_window import PAGE_KEYS
    from ui.main_window import MainWindow
    from ui.pages.dossiers import DossiersPage
    from ui.pages.lifecycle_dialogs import ReturnDialog
    from ui.pages.sync import SyncPage

    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # window shortcuts need the window active
        window.show()
        window.activateWindow()
    window.start()
    assert list(window.pages) == ["reception"]  # only the page in front is built
    placeholders = [window.page_stack.widget(i) for i in range(1, len(PAGE_KEYS))]
    assert all(type(widget).__name__ == "QWidget" for widget in placeholders)

    # Ctrl+T (return of results) needs no page built.
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.return_dialog, ReturnDialog) and window.return_dialog.isVisible()
    window.return_dialog.reject()
    assert list(window.pages) == ["reception"]
    with qtbot.waitActive(window):
        window.activateWindow()

    # Ctrl+1…6 build each page on the first press, put it in its place and show it.
    for number, key in enumerate(PAGE_KEYS, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page == key
        page = window.pages[key]
        assert window.page_stack.currentWidget() is page and page.isVisible()
        assert window.page_stack.indexOf(page) == number - 1
    # Each placeholder gave way to its page, in the navigation's order.
    assert [window.page_stack.widget(i) for i in range(window.page_stack.count())] == \
        [window.pages[key] for key in PAGE_KEYS]

    # A page built after the start reads its data: the Danh mục list and the Đồng bộ page fill.
    qtbot.waitUntil(lambda: window.catalog_page.model.rowCount() > 5, timeout=20_000)
    dossiers = window.pages["dossiers"]
    assert isinstance(dossiers, DossiersPage)
    sync = window.pages["sync"]
    assert isinstance(sync, SyncPage)
    qtbot.waitUntil(lambda: sync.model is not None, timeout=20_000)
    # F5 on the Đồng bộ page (built by the shortcut above) asks for a pass: not enrolled, it says so.
    window.show_page("sync")
    qtbot.keyClick(sync, Qt.Key.Key_F5)
    assert "chưa đăng ký với cổng" in sync.message.text()
    # Going back keeps the same page objects: each page is built once.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages["dossiers"] is dossiers and window.current_page == "dossiers"
    window.close()


def test_a_shortcut_into_a_page_not_built_yet_builds_it(qtbot, runner, paths, desk_store, vietnamese) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(desk_store, paths, runner)
    qtbot.addWidget(window)
    window.show()
    window.start()
    # The warnings badge leads to the Hồ sơ list with a due filter: the page is built for it.
    from app.reception.listing import Warnings

    window._show_warnings(Warnings(whole_unit=False, overdue=1, due_soon=0, soon_days=2,  # noqa: SLF001
                                   unconfirmed=0, first_overdue=("X",)))
    window.show_warned_dossiers()
    assert window.current_page == "dossiers"
    assert window.dossiers_page.due_filter.currentData() == "overdue"
    # The Cài đặt page's settings reach the window once it is built: the idle time applies.
    window.show_page("settings")
    window.settings_page.idle_minutes_changed.emit(3)
    assert window.idle._timer.interval() == 3 * 60_000  # noqa: SLF001
    window.close()

