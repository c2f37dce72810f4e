"""A hard crash of the desk process (a fatal signal in Qt's C++ code) leaves its record in the log
folder and is reported, once, at the next start — end to end through `ui.app.run` in child
processes, the way the official meets it."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.crash_log import FAULTS_FILE_NAME
from app.crash_log import previous_crash
from app.crash_log import start_crash_log
from app.crash_log import stop_crash_log
from app.paths import DataPaths

ROOT = Path(__file__).resolve().parents[2]


def run_desk(paths: DataPaths, then: str) -> subprocess.CompletedProcess[str]:
    """`ui.app.run` in a child; `then` runs 300 ms after start (the windows are up)."""
    script = textwrap.dedent(f"""
        import os, signal, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from app.paths import data_paths
        from ui.app import run
        app = QApplication(sys.argv)
        def then():
            boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            for box in boxes:
                print("NOTICE", box.windowTitle(), "|", box.text(), "|", box.informativeText())
            {then}
        QTimer.singleShot(300, then)
        print("STATUS", run(data_paths({str(paths.root)!r})))
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(paths.root),
           "PATH": "/usr/bin:/bin", "MOTCUA_KDF_PROFILE": "test"}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          timeout=90, check=False)


def test_a_segfault_is_logged_and_reported_at_the_next_start(paths, built_translations) -> None:
    crashed = run_desk(paths, "os.kill(os.getpid(), signal.SIGSEGV)")
    assert crashed.returncode == -signal.SIGSEGV, crashed.stderr[-500:]
    faults = (paths.logs / FAULTS_FILE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in faults
    assert "=== MotCua Desk started " in faults

    again = run_desk(paths, "app.quit()")
    assert again.returncode == 0, again.stderr[-500:]
    notices = [line for line in again.stdout.splitlines() if line.startswith("NOTICE")]
    assert len(notices) == 1, again.stdout
    assert notices[0].startswith("NOTICE Ứng dụng đã bị đóng đột ngột | Lần trước MotCua Desk đã bị "
                                 "đóng đột ngột (phiên bắt đầu lúc ")
    assert f"hãy gửi tệp này cho quản trị viên: {paths.logs / FAULTS_FILE_NAME}" in notices[0]
    log = (paths.logs / "motcua.log").read_text(encoding="utf-8")
    assert "the previous run of the desk app ended in a crash" in log
    assert "Fatal Python error: Segmentation fault" in log

    third = run_desk(paths, "app.quit()")  # reported once: a clean run in between says nothing
    assert third.returncode == 0 and "NOTICE" not in third.stdout, third.stdout


def test_an_abort_is_reported_and_a_clean_run_is_not(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    assert start_crash_log(logs) is None  # first start ever
    stop_crash_log()
    assert previous_crash(logs) is None  # a run that ended normally
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os
        from pathlib import Path
        from app.crash_log import start_crash_log
        start_crash_log(Path({str(logs)!r}))
        os.abort()
    """)], env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, capture_output=True, timeout=60,
        check=False)
    assert child.returncode == -signal.SIGABRT
    crash = previous_crash(logs)
    assert crash is not None and crash.summary == "Fatal Python error: Aborted"
    assert crash.started and crash.path == logs / FAULTS_FILE_NAME
    assert start_crash_log(logs) == crash  # reported at this start …
    stop_crash_log()
    assert previous_crash(logs) is None  # … and only once
