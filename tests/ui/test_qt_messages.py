"""Qt's messages: to the log, and no deadlock when QtMultimedia's backend loads beside an import.

The desk installs a Python message handler; QtMultimedia's backend logs while the dynamic
loader's lock is held. The child below loads it (the desk's first camera check) while another
thread imports the extension modules the desk imports in the background: without Qt's own
handler around the import and the load, this hung in one run of six.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import qWarning

from ui.qt_messages import plain_qt_messages

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys, threading, time, importlib
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from ui.qt_messages import route_qt_messages
qInstallMessageHandler(route_qt_messages)
app = QApplication(sys.argv)
MODULES = ("numpy", "cv2", "PIL.Image", "sqlalchemy.orm", "argon2", "tesserocr", "zxingcpp",
           "pikepdf", "cryptography.hazmat.primitives.ciphers.aead", "sqlite3", "ssl", "decimal")
def imports():
    for name in MODULES:
        importlib.import_module(name)
worker = threading.Thread(target=imports, daemon=True)
worker.start()
time.sleep(float(sys.argv[1]))
from ui.reception.qr_sources import has_camera
found = has_camera()
worker.join()
again = has_camera()
print(json.dumps({"camera": found, "again": again}))
"""


def test_the_camera_check_does_not_deadlock_with_an_import_on_another_thread() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    for delay in ("0", "0.01", "0.02", "0.03", "0.04", "0.05", "0.1"):
        try:
            done = subprocess.run([sys.executable, "-c", CHILD, delay], capture_output=True, text=True,
                                  env=env, timeout=60, check=True, cwd=ROOT)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the camera check hung beside an import (started after {delay} s)") from None
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result["camera"] == result["again"]


def test_the_desk_handler_comes_back_after_a_plugin_load(qapp, caplog) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    from ui.qt_messages import route_qt_messages

    previous = qInstallMessageHandler(route_qt_messages)
    try:
        with caplog.at_level(logging.WARNING, logger="qt"):
            with plain_qt_messages():
                qWarning("during the load")
            qWarning("after the load")
        logged = [record.getMessage() for record in caplog.records if record.name == "qt"]
        assert logged == ["after the load"]
    finally:
        qInstallMessageHandler(previous)
