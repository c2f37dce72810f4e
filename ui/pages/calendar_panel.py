"""The Calendar tab of Cài đặt: each year's calendar, estimated or confirmed and by which decision.

Read-only: a year is confirmed by the province's portal (through sync) or by an administrator with
`motcua calendar confirm` (docs/admin-guide.md). An estimated year is shown first in words that
say so, because appointments counted over its holidays are marked "*" in the dossier list and on
the desk's copy of the receipt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.calendar_years import YearState, calendar_status
from app.errors import MotcuaError
from ui.errors import error_text, report_unexpected
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.store.service import Store


class CalendarPanel(QWidget):
    """One line per year of the holiday table."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Each year's days off and make-up working days. An estimated year comes from the "
                               "built-in holiday list; appointments counted over its holidays are marked * until "
                               "the province confirms the year."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.years = QLabel()
        self.years.setWordWrap(True)
        self.years.setTextFormat(Qt.TextFormat.PlainText)  # decisions are typed text
        layout.addWidget(self.years)
        layout.addStretch(1)

    def load(self) -> None:
        store = self.store

        def read() -> list[YearState]:
            with store.read_session() as session:
                return calendar_status(session)

        self.runner.run_db(read, self._shown, self._failed)

    def line(self, state: YearState) -> str:
        counts = self.tr("%1 days off, %2 make-up days").replace("%1", str(state.days_off)).replace(
            "%2", str(state.extra_working))
        if state.state != "confirmed":
            return self.tr("%1: estimated, not confirmed").replace("%1", str(state.year)) + f" ({counts})"
        who = self.tr("the province's portal") if state.origin == "portal" else self.tr("this desk's administrator")
        return (self.tr("%1: confirmed by decision %2 (%3)").replace("%1", str(state.year))
                .replace("%2", state.decision).replace("%3", who) + f" ({counts})")

    def _shown(self, states: list[YearState]) -> None:
        self.years.setText("\n".join(self.line(state) for state in states) or self.tr("No calendar years."))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.years.setText(error_text(exc))
