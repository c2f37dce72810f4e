"""Importing the store and the main window in the background while the sign-in screen waits.

The sign-in screen needs neither SQLAlchemy, the models nor the main window's modules (about
0.7 s of CPU on a desk PC), so they are not imported before it shows. They are needed as soon as
the password is accepted; a background thread imports them while the official types it (and,
with no time to type, while Argon2id checks the password: argon2-cffi releases the interpreter).
Importing only defines modules; nothing here touches a widget or the store.

QtMultimedia's backend is loaded later, on the first camera check, with Qt's own message handler
(ui/qt_messages.py): loaded with the desk's Python handler while this thread imports an
extension module, the two would deadlock.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

log = logging.getLogger(__name__)

# What signing in needs first, in that order: the store (opening it), then the main window.
MODULES = ("app.store.service", "ui.main_window")

_thread: threading.Thread | None = None


def start() -> threading.Thread | None:
    """Begin importing `MODULES` in a daemon thread (once per process); None if all are loaded."""
    global _thread
    if _thread is not None:
        return _thread
    if all(name in sys.modules for name in MODULES):
        return None
    _thread = threading.Thread(target=_import_all, name="motcua-warm-up", daemon=True)
    _thread.start()
    return _thread


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - the import where the module is used reports it
            log.warning("background import of %s failed: %s", name, error)
            return
