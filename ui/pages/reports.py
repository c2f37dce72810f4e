"""The Reports page (Báo cáo): the figures of a period, a chart of receptions and returns per
day, the report printed, and the tracking register saved as PDF, Excel or CSV.

Every number comes from `app.reports.figures.compute_report`, the function behind `motcua
report --json`, run on the store lane; the page only words and draws it. The report is read
when the page is first shown (not at sign-in, where it would compete with the first screens)
and again with Show (Enter in a date field). The register is read on the store lane, rendered
and written on the IO lane, then the export is audited on the store lane again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.clock import local_today
from app.errors import MotcuaError
from app.forms.training_mark import marked_if
from app.limits import DEFAULT_LIMITS
from app.training import is_training_paths
from ui.dates import date_edit
from ui.dates import date_text
from ui.errors import error_text
from ui.errors import report_unexpected
from ui.models.rows_model import RowsTableModel
from ui.pages.report_chart import DailyChart
from ui.pages.report_text import ReportWords
from ui.tasks import TaskRunner
from ui.widgets.file_dialogs import save_file_name
from ui.widgets.form_field import ERROR_STYLE
from ui.widgets.tables import make_table

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

OK_STYLE = "color: #1d5c2e;"
TILE_STYLE = "QLabel#value { font-size: 18pt; font-weight: 600; }"
# (parent, suggested file name) -> the chosen path ('' when cancelled); tests replace it.
RegisterChooser = Callable[[QWidget, str], str]


def choose_register_path(parent: QWidget, suggested: str) -> str:
    translate = QCoreApplication.translate
    return save_file_name(parent, translate("ReportsPage", "Save the tracking register"), suggested,
                          translate("ReportsPage", "PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv)"))


def month_of(day: date, *, back: int = 0) -> tuple[date, date]:
    """First and last day of the month `back` months before `day`'s."""
    first = day.replace(day=1)
    for _ in range(back):
        first = (first - timedelta(days=1)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


class ReportsPage(QWidget):
    """Period fields and buttons, figure tiles, the daily chart, four tables of counts."""

    report_shown = Signal(object)  # the app.reports.figures.Report now on screen
    register_saved = Signal(object, int)  # path, rows
    viewer_shown = Signal(object)  # the PdfViewer showing the printable report

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.report: Any = None
        self.viewer: Any = None
        self.register_chooser: RegisterChooser = choose_register_path
        self._loaded_once = False
        self.words = ReportWords()
        self._build()
        self.set_period(*month_of(local_today()))

    # -- construction ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        heading = QLabel(self.tr("Reports"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        outer.addWidget(heading)
        outer.addLayout(self._period_row())
        self.message = QLabel()
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._tiles())
        self.chart = DailyChart(self.words)
        self.chart.setMinimumHeight(240)
        self.chart.setMaximumHeight(300)
        layout.addWidget(self.chart)
        layout.addLayout(self._tables())
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.setFocusProxy(self.start_edit)

    def _period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_edit, self.end_edit = date_edit(), date_edit()
        for text, edit in ((self.tr("&From"), self.start_edit), (self.tr("&To"), self.end_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit)
            edit.setDateRange(QDate(DEFAULT_LIMITS.earliest_year, 1, 1),
                              QDate(DEFAULT_LIMITS.latest_year, 12, 31))
            edit.installEventFilter(self)  # Enter shows the report (eventFilter)
        self.this_month_button = QPushButton(self.tr("This &month"))
        self.this_month_button.clicked.connect(lambda: self._pick_month(0))
        self.last_month_button = QPushButton(self.tr("&Last month"))
        self.last_month_button.clicked.connect(lambda: self._pick_month(1))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.clicked.connect(self.load)
        self.print_button = QPushButton(self.tr("&Print report…"))
        self.print_button.clicked.connect(self.show_printable)
        self.register_button = QPushButton(self.tr("Save the &register…"))
        self.register_button.clicked.connect(self.save_register)
        for button in (self.this_month_button, self.last_month_button, self.show_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.register_button)
        return row

    def _tiles(self) -> QGridLayout:
        grid = QGridLayout()
        captions = {
            "received": self.tr("Received"), "returned": self.tr("Results returned"),
            "on_time": self.tr("Returned on time"), "overdue": self.tr("Overdue, still being processed"),
            "post": self.tr("Returned by post"), "unsynced": self.tr("Not yet accepted by the portal"),
            "survey": self.tr("Citizens satisfied (survey)"),
        }
        self.tiles: dict[str, tuple[QLabel, QLabel]] = {}
        for index, (key, caption) in enumerate(captions.items()):
            value, detail = QLabel("—"), QLabel()
            value.setObjectName("value")
            value.setStyleSheet(TILE_STYLE)
            detail.setWordWrap(True)
            box = QVBoxLayout()
            box.addWidget(QLabel(caption))
            box.addWidget(value)
            box.addWidget(detail)
            grid.addLayout(box, index // 3, index % 3)
            self.tiles[key] = (value, detail)
        return grid

    def _tables(self) -> QGridLayout:
        grid = QGridLayout()
        self.status_model = RowsTableModel([self.tr("Status"), self.tr("Dossiers")], self)
        self.channel_model = RowsTableModel([self.tr("Channel"), self.tr("Dossiers")], self)
        self.procedure_model = RowsTableModel([self.tr("Code"), self.tr("Procedure"), self.tr("Dossiers")],
                                              self)
        self.official_model = RowsTableModel([self.tr("Official"), self.tr("Dossiers")], self)
        tables = ((self.tr("By status"), self.status_model, 0),
                  (self.tr("By channel"), self.channel_model, 0),
                  (self.tr("By procedure"), self.procedure_model, 1),
                  (self.tr("By official"), self.official_model, 0))
        for index, (title, model, stretch) in enumerate(tables):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{title}</b>"))
            table = make_table(model, stretch_column=stretch)
            table.setMinimumHeight(180)
            box.addWidget(table)
            grid.addLayout(box, index // 2, index % 2)
        return grid

    # -- period ---------------------------------------------------------------------------------
    def set_period(self, start: date, end: date) -> None:
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))

    def period(self) -> Any:
        """The chosen period (app.reports.period.Period); InputError when it runs backwards."""
        from app.reports.period import make_period

        return make_period(self.start_edit.date().toPython(), self.end_edit.date().toPython())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter in a date field shows the report, so the keyboard never has to leave them."""
        if (watched in (self.start_edit, self.end_edit) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.load()
            return True
        return super().eventFilter(watched, event)

    def _pick_month(self, back: int) -> None:
        self.set_period(*month_of(local_today(), back=back))
        self.load()

    def _checked_period(self) -> Any:
        try:
            return self.period()
        except MotcuaError as exc:
            self.say(error_text(exc), error=True)
            return None

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)

    # -- the report -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.load()

    def load(self) -> None:
        """Compute the report of the chosen period on the store lane."""
        period = self._checked_period()
        if period is None:
            return
        self._loaded_once = True
        self.say(self.tr("Counting…"))
        from app.reports.figures import compute_report

        store = self.store
        self.runner.run_db(lambda: _read(store, compute_report, period), self._shown, self._failed)

    def _shown(self, report: Any) -> None:
        self.report = report
        self.say("")
        self._fill_tiles(report)
        self._fill_tables(report)
        self.chart.show_days(report.per_day)
        self.report_shown.emit(report)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.say(error_text(exc), error=True)

    def _fill_tiles(self, report: Any) -> None:
        words = self.words
        values = {
            "received": (str(report.received), ""),
            "returned": (str(report.returned), words.returned_detail(report)),
            "on_time": (words.rate(report.on_time_rate), words.on_time_detail(report)),
            "overdue": (str(report.overdue_open), ""),
            "post": (str(report.returned_by_post), ""),
            "unsynced": (str(report.unsynced), words.oldest_unsynced(report.oldest_unsynced)),
            "survey": (words.rate(report.survey.satisfied_rate), words.survey_detail(report.survey)),
        }
        for key, (value, detail) in values.items():
            self.tiles[key][0].setText(value)
            self.tiles[key][1].setText(detail)

    def _fill_tables(self, report: Any) -> None:
        words = self.words
        self.status_model.set_rows([(code, (words.status(code), str(count)), None)
                                    for code, count in report.by_status.items() if count])
        self.channel_model.set_rows([(code, (words.channel(code), str(count)), None)
                                     for code, count in report.by_channel.items() if count])
        self.procedure_model.set_rows([(p, (p.code, p.name, str(p.count)), None)
                                       for p in report.by_procedure])
        self.official_model.set_rows([(o, (o.full_name or o.username, str(o.count)), None)
                                      for o in report.by_official])

    # -- printing -------------------------------------------------------------------------------
    def show_printable(self) -> None:
        """The report as an A4 PDF in the viewer, to print or save."""
        if self.report is None:
            self.say(self.tr("Show a report first, then print it."), error=True)
            return
        from ui.pages.report_document import render_report_pdf
        from ui.pages.report_document import ShownReport
        from ui.widgets.pdf_viewer import PdfViewer

        report = self.report
        pdf = marked_if(is_training_paths(self.store.paths),
                        render_report_pdf(report, self.words, self.store.unit.name, self.chart.picture()))
        shown = ShownReport(code=f"{date_text(report.period.start)}–{date_text(report.period.end)}",
                            form="bao-cao", name=self.tr("Report"), pdf=pdf, paper="A4")
        if self.viewer is not None:
            self.viewer.close()
        title = self.tr("Report %1 – %2").replace("%1", date_text(report.period.start))
        viewer = PdfViewer(shown, self.runner, title=title.replace("%2", date_text(report.period.end)),
                           parent=self)
        viewer.print_requested.connect(lambda: self._print(viewer, shown))
        viewer.finished.connect(lambda _result: self._viewer_closed(viewer))
        self.viewer = viewer
        viewer.open()
        self.viewer_shown.emit(viewer)

    def _print(self, viewer: Any, shown: Any) -> None:
        from ui.reception.printing import ReceiptPrinter

        printer = ReceiptPrinter(self.store, self.runner, self)
        printer.viewer = viewer  # the outcome is shown in the viewer the official printed from
        printer.print_form(shown)

    def _viewer_closed(self, viewer: Any) -> None:
        if self.viewer is viewer:
            self.viewer = None
        viewer.deleteLater()

    # -- the register ---------------------------------------------------------------------------
    def save_register(self) -> None:
        """Ask where, then write the register of the chosen period (format by the extension)."""
        period = self._checked_period()
        if period is None:
            return
        suggested = f"so-theo-doi-ho-so-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
        path = self.register_chooser(self, suggested)
        if path:
            self.save_register_to(Path(path))

    def save_register_to(self, path: Path) -> None:
        from app.register.export import writer_for

        period = self._checked_period()
        if period is None:
            return
        try:
            render = writer_for(path)
        except MotcuaError as exc:
            self.say(error_text(exc), error=True)
            return
        from app.register.rows import load_register

        self.say(self.tr("Writing the register…"))
        store = self.store
        self.runner.run_db(lambda: _read(store, load_register, period),
                           lambda register: self.runner.run_io(
                               lambda: _write(path, render, register),
                               lambda rows: self._register_written(period, path, rows), self._failed),
                           self._failed)

    def _register_written(self, period: Any, path: Path, rows: int) -> None:
        from app.register.export import record_export

        store = self.store
        self.runner.run_db(lambda: record_export(store, period, path, rows), None, self._failed)
        text = self.tr("Register saved: %1 dossiers in %2").replace("%1", str(rows))
        self.say(text.replace("%2", str(path)))
        self.register_saved.emit(path, rows)


def _read(store: Store, read: Callable[[Any, Any], Any], period: Any) -> Any:
    """Store lane: `read(session, period)` in a read session (the report, the register's rows)."""
    with store.read_session() as session:
        return read(session, period)


def _write(path: Path, render: Callable[[Any], bytes], register: Any) -> int:
    """IO lane: render and write the file whole."""
    from app.files import write_atomically

    write_atomically(path, render(register), what="file")
    return len(register.rows)
