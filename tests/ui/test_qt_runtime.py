"""Guards against Qt-binding defects that would crash a long desk session.

PySide6 6.12.0 drops a reference to `True` on every signal emit from Python; on Python 3.11 the
interpreter aborts ("bool_dealloc") once the count reaches zero. pyproject.toml keeps that release
out; this test fails if an upgrade brings the defect back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtCore import Signal


class _Emitter(QObject):
    with_value = Signal(object)
    bare = Signal()


def test_signal_emits_do_not_leak_references_to_true(qapp) -> None:
    emitter = _Emitter()
    emitter.with_value.connect(lambda _value: None)
    emitter.bare.connect(lambda: None)
    before = sys.getrefcount(True)
    for number in range(500):  # few enough never to reach zero, enough to see any drift
        emitter.with_value.emit(number)
        emitter.bare.emit()
    # The defect loses one reference per emit (1,000 here); other code may hold a few more.
    assert sys.getrefcount(True) >= before - 10
