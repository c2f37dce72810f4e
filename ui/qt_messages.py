"""Where Qt's own messages go: the desk's log file, except while a Qt plugin is being loaded.

`route_qt_messages` is installed by `ui.app.run`. A message handler written in Python needs the
interpreter lock, and some Qt libraries log while the dynamic loader's lock is held
(QtMultimedia does, from its library's initialiser and as its backend plugin loads). If another
thread holds the interpreter lock and is itself waiting for the loader's lock (importing an
extension module), the two wait for each other for ever: seen under X11 as a window that never
appeared, and reproduced by importing extension modules on one thread while another imports
QtMultimedia (a stack taken in the hang: the importing thread inside `dlopen`, in Qt's message
output, waiting for the interpreter lock; the other holding it, waiting for the loader's lock).
Around such a load, `plain_qt_messages` puts Qt's own handler back, which needs no Python.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QtMsgType
from PySide6.QtCore import qInstallMessageHandler

_qt_log = logging.getLogger("qt")


def route_qt_messages(mode: QtMsgType, _context: Any, message: str) -> None:
    """Qt's own warnings go to our log file instead of a console nobody sees."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    _qt_log.log(level, "%s", message)


@contextmanager
def plain_qt_messages() -> Iterator[None]:
    """Qt's default message handler for the duration (its messages go to standard error), then
    whichever handler was installed before."""
    previous = qInstallMessageHandler(None)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
