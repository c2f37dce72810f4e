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
