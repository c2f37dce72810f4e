"""Recognising a chip-ID QR that a keyboard-wedge barcode reader types into any applicant field.

A wedge reader is a keyboard: the QR text arrives as a fast burst of key events into whatever
field has the focus. `QrWedge` watches the key presses of a set of fields (an event filter, so
the fields stay plain widgets) and remembers the last keys typed into the focused field, each with
the field's value before it. When a "|" follows 12 digits, those digits were a reader's: the
field gets back its value from before them (whatever the person had typed stays), every following
key is swallowed, and the burst ends at Enter or after a short idle gap. The whole payload is then handed on with `payload_read`; parsing and
filling the fields belong to the section.

Anything else (a person typing an ID number, then Tab) is ordinary typing and passes through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QWidget

# A reader types a few hundred characters within ~0.1-0.5 s; a gap this long ends the burst when
# the reader is configured without a terminating Enter.
IDLE_GAP_MS = 300
MAX_BURST_CHARS = 4096
HISTORY_KEYS = 16  # enough for the 12 digits (and stray spaces) before the first "|"
# The reader's part of the typed keys when the first "|" arrives (what precedes is the person's).
_ID_TAIL = re.compile(r"[0-9]{12}[ \t]*$")
_ENDING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A reader is a USB keyboard: it presses Shift for "|" and capitals (AltGr or an input method for
# some letters). Those presses carry no text and must neither end nor reset a burst.
_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr,
                            Qt.Key.Key_Meta, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock,
                            Qt.Key.Key_Mode_switch})


class _Snapshot:
    """A field's value before a burst, to put back once the burst turns out to be a QR."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        if isinstance(widget, QLineEdit):
            self.value: object = (widget.text(), widget.cursorPosition())
        elif isinstance(widget, QComboBox):
            self.value = widget.currentIndex()
        else:
            self.value = None

    def restore(self) -> None:
        if isinstance(self.widget, QLineEdit) and isinstance(self.value, tuple):
            text, cursor = self.value
            self.widget.setText(text)
            self.widget.setCursorPosition(cursor)
        elif isinstance(self.widget, QComboBox) and isinstance(self.value, int):
            self.widget.setCurrentIndex(self.value)


class QrWedge(QObject):
    """Event filter over the fields of one section; emits `payload_read(text)` per QR burst."""

    payload_read = Signal(str)

    def __init__(self, parent: QObject | None = None, *, idle_gap_ms: int = IDLE_GAP_MS) -> None:
        super().__init__(parent)
        self._fields: set[QWidget] = set()
        self._buffer = ""
        # The last keys typed into one field, each with the field's value before it: when a "|"
        # shows that the previous 12 digits came from a reader, the value before them comes back.
        self._typed = ""
        self._snapshots: list[_Snapshot] = []
        self._widget: QWidget | None = None
        self._capturing = False
        # Ends a burst from a reader that sends no Enter; restarted by every key of the burst.
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_gap_ms)
        self._idle.timeout.connect(self._finish)

    @property
    def capturing(self) -> bool:
        """True between the moment a burst was recognised as a QR and its end."""
        return self._capturing

    def watch(self, widgets: Iterable[QWidget]) -> None:
        for widget in widgets:
            if widget not in self._fields:
                self._fields.add(widget)
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched not in self._fields:
            return False
        if event.type() == QEvent.Type.FocusOut and not self._capturing:
            self._reset()
            return False
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        if event.type() == QEvent.Type.ShortcutOverride:
            # While capturing, claim every key so no window shortcut fires mid-burst.
            if self._capturing:
                event.accept()
                return True
            return False
        return self._key_pressed(watched, event)

    def _key_pressed(self, widget: QObject, event: QKeyEvent) -> bool:
        if event.key() in _MODIFIER_KEYS:
            return self._capturing  # swallowed inside a burst, otherwise left to the field
        if event.key() in _ENDING_KEYS:
            if self._capturing:
                self._finish()
                return True
            self._reset()
            return False
        text = event.text()
        printable = bool(text) and text.isprintable()
        if self._capturing:
            if printable and len(self._buffer) < MAX_BURST_CHARS:
                self._buffer += text
            self._idle.start()
            return True
        if not printable:
            self._reset()  # Tab, arrows, Backspace: a person is editing, not a reader
            return False
        assert isinstance(widget, QWidget)
        if self._widget is not widget:
            self._reset()
            self._widget = widget
        if text == "|":
            match = _ID_TAIL.search(self._typed)
            if match is not None:
                # The 12 digits before this "|" were the reader's: undo them, keep what was there.
                self._snapshots[match.start()].restore()
                self._buffer = self._typed[match.start():] + text
                self._capturing = True
                self._idle.start()
                return True
        self._snapshots.append(_Snapshot(widget))
        self._typed += text
        if len(self._typed) > HISTORY_KEYS:
            self._typed = self._typed[1:]
            self._snapshots.pop(0)
        return False

    def _finish(self) -> None:
        self._idle.stop()
        payload = self._buffer
        captured = self._capturing
        self._reset()
        if captured:
            self.payload_read.emit(payload)

    def _reset(self) -> None:
        self._idle.stop()
        self._buffer = ""
        self._typed = ""
        self._snapshots = []
        self._widget = None
        self._capturing = False
