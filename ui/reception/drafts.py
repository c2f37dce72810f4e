"""Keeping an unfinished reception as a draft, and offering it back after a crash or close.

`DraftKeeper` saves the form about a second after the last change (and on demand, e.g. when the
window closes) on the store lane, so a killed process loses at most that second. When the page
opens it looks for this official's drafts; `DraftBanner` offers the newest one ("Continue the
unfinished reception?") without a modal dialog, so the keyboard flow is never interrupted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from app.errors import MotcuaError
from app.reception.model import ReceptionRequest
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

SAVE_DELAY_MS = 1000
# Returns the request to save, or None when the form holds nothing worth keeping.
Collector = Callable[[], ReceptionRequest | None]


def _save(store: Store, request: ReceptionRequest) -> str:
    from app.reception.drafts import save_draft

    with store.session() as session:
        return save_draft(session, store.user.id, request)


def _newest(store: Store) -> tuple[Any, int] | None:
    from app.reception.drafts import list_drafts

    with store.read_session() as session:
        drafts = list_drafts(session, store.user.id)
    return (drafts[0], len(drafts)) if drafts else None


def _load(store: Store, draft_id: str) -> ReceptionRequest:
    from app.reception.drafts import load_draft

    with store.read_session() as session:
        return load_draft(session, draft_id)


def _discard(store: Store, draft_id: str) -> None:
    from app.reception.drafts import discard_draft

    with store.session() as session:
        discard_draft(session, draft_id)


class DraftKeeper(QObject):
    """Debounced draft saving plus the look-up/load/discard calls, all on the store lane."""

    draft_saved = Signal(str)
    draft_found = Signal(object, int)  # newest DraftInfo, how many drafts
    draft_loaded = Signal(object)  # ReceptionRequest
    failed = Signal(str)

    def __init__(self, store: Store, runner: TaskRunner, collect: Collector, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.collect = collect
        # One pending save at a time; every change pushes it back, so typing never floods the lane.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def schedule(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()

    def save_now(self) -> None:
        self._timer.stop()
        request = self.collect()
        if request is None:
            return
        store = self.store
        self.runner.run_db(lambda: _save(store, request), self.draft_saved.emit, self._failed)

    def look_for_drafts(self) -> None:
        store = self.store
        self.runner.run_db(lambda: _newest(store), self._found, self._failed)

    def _found(self, newest: tuple[Any, int] | None) -> None:
        if newest is not None:
            self.draft_found.emit(*newest)

    def load(self, draft_id: str) -> None:
        store = self.store
        self.runner.run_db(lambda: _load(store, draft_id), self.draft_loaded.emit, self._failed)

    def discard(self, draft_id: str) -> None:
        store = self.store
        self.runner.run_db(lambda: _discard(store, draft_id), None, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.failed.emit(error_text(exc))


class DraftBanner(QFrame):
    """"Continue the unfinished reception?" with Continue (Ctrl+R) and Discard (asks first)."""

    resume_requested = Signal(str)
    discard_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("DraftBanner { background: #fff4d6; }")
        self.draft_id = ""
        self.summary = ""
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Continue (Ctrl+R)"))
        self.resume_button.clicked.connect(lambda: self.resume_requested.emit(self.draft_id))
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.discard_button.clicked.connect(lambda: self.discard_requested.emit(self.draft_id))
        row.addWidget(self.text, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        self.hide()

    def offer(self, info: Any, count: int) -> None:
        self.draft_id = info.id
        self.summary = info.summary
        text = self.tr("Continue the unfinished reception? %1").replace("%1", info.summary)
        if count > 1:
            text += " " + self.tr("(%1 unfinished receptions in all)").replace("%1", str(count))
        self.text.setText(text)
        self.show()

    def withdraw(self) -> None:
        self.draft_id = self.summary = ""
        self.hide()
