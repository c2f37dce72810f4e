"""The desk's main window: navigation on the left, one page per task, status bar, idle lock.

The window owns the signed-in store for its lifetime; closing it (or switching user) hands the
store back to the app, which closes it on the store lane.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import TYPE_CHECKING
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtGui import QColor
from PySide6.QtGui import QCloseEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.clock import local_now
from app.paths import DataPaths
from app.training import TRAINING_MARK
from app.training import is_training_paths
from ui.lock_screen import DEFAULT_IDLE_MINUTES
from ui.lock_screen import IdleWatcher
from ui.lock_screen import LockScreen
from ui.lock_screen import read_idle_minutes
from ui.pages.reception import ReceptionPage
from ui.status_bar import NOTICE_MS
from ui.status_bar import DeskStatusBar
from ui.status_bar import warning_notice
from ui.sync_bridge import SyncBridge
from ui.tasks import TaskRunner
from ui.widgets.change_password_dialog import ChangePasswordDialog
from ui.widgets.training_banner import TrainingBanner

if TYPE_CHECKING:  # the types only: the other pages are imported when first shown
    from ui.pages.catalog import CatalogPage
    from ui.pages.dossiers import DossiersPage
    from ui.pages.reports import ReportsPage
    from ui.pages.settings import SettingsPage
    from ui.pages.sync import SyncPage

log = logging.getLogger(__name__)
MINUTE_MS = 60_000
HOUSEKEEPING_DELAY_MS = 20_000
# The sync thread starts once the first screen is painted (ui/sync_bridge.py says why); a dossier
# confirmed or "sync now" before that starts it at once.
SYNC_THREAD_DELAY_MS = 2_000
# What the first screen does not show (early warnings, scanners, camera) starts once it is painted;
# a window never painted (minimised at start) starts it after this long anyway.
SETTLE_FALLBACK_MS = 2_000
WARNING_INTERVAL_MS = 5 * MINUTE_MS  # early warnings are checked at sign-in and this often
CATCH_UP = timedelta(days=7)  # scanned text left unread is read again at sign-in this long
PAGE_KEYS = ("reception", "dossiers", "sync", "reports", "catalog", "settings")
# Pages whose data is read when they are built after the window started (Báo cáo reads on demand).
LOADED_PAGES = ("reception", "dossiers", "sync", "catalog", "settings")
AUDIT_ROLES = ("supervisor", "admin")


class MainWindow(QMainWindow):
    """Navigation + pages, covered by the lock screen when the desk has been left idle."""

    closed = Signal(object)  # the store, for the app to close
    training_reset_requested = Signal(object)  # the training store, to close, wipe and seed again
    switch_user_requested = Signal(object)  # the store, for the app to close before login
    locked = Signal()
    # The store, for the app to close and then restore `pending_restore` (the Sao lưu tab's ask).
    restore_requested = Signal(object)
    # (pages read, pages to read) of the background OCR; emitted from its worker thread.
    text_progress = Signal(int, int)

    def __init__(self, store: Any, paths: DataPaths, runner: TaskRunner, *, language: str = "vi",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.paths = paths
        self.runner = runner
        self._handed_back = False
        # The sync thread lives as long as this window: it belongs to the signed-in official.
        self.sync = SyncBridge(store, runner)
        self._ocr_cancel = threading.Event()
        self.text_progress.connect(self._show_text_progress)
        # Qt adds the application's display name ("— MotCua Desk") itself: naming it here too
        # made the title say it twice.
        self.training = is_training_paths(paths)
        self.setWindowTitle(f"{TRAINING_MARK} – {store.unit.name}" if self.training else store.unit.name)
        self.resize(1200, 760)
        self._painted = False
        self._settled = False
        self.installEventFilter(self)  # until the first paint (`eventFilter`)
        self._build_pages(language)
        self._build_desk()
        self.lock_screen = LockScreen(store, runner)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_user_requested.connect(self._switch_user)
        self.cover = QStackedWidget()
        self.cover.addWidget(self.desk)
        self.cover.addWidget(self.lock_screen)
        self.setCentralWidget(self._with_training_banner(self.cover))
        self.status = DeskStatusBar(store, self.sync)
        self.setStatusBar(self.status)
        self.idle = IdleWatcher(DEFAULT_IDLE_MINUTES * MINUTE_MS, self)
        self.idle.went_idle.connect(self.lock)
        self.password_dialog: ChangePasswordDialog | None = None
        self._build_backups()
        self._warnings: Any = None  # the last early-warning counts (app.reception.listing.Warnings)
        self.warning_timer = QTimer(self)
        self.warning_timer.setInterval(WARNING_INTERVAL_MS)
        self.warning_timer.timeout.connect(self.check_warnings)
        self.status.warnings_clicked.connect(self.show_warned_dossiers)
        change_password = QAction(self.tr("Change password"), self)
        change_password.setShortcut(QKeySequence("Ctrl+Shift+P"))
        change_password.triggered.connect(lambda _checked=False: self.change_password())
        self.addAction(change_password)
        # Return of results from anywhere (the citizen at the counter holds out the receipt), and
        # the audit log for those who oversee the desk.
        self.return_dialog: Any = None
        give_back = QAction(self.tr("Return a result"), self)
        give_back.setShortcut(QKeySequence("Ctrl+T"))
        give_back.triggered.connect(lambda _checked=False: self.open_return())
        self.addAction(give_back)
        if store.user.role in AUDIT_ROLES:
            audit = QAction(self.tr("Audit log"), self)
            audit.setShortcut(QKeySequence("Ctrl+Shift+L"))
            audit.triggered.connect(lambda _checked=False: self.open_audit())
            self.addAction(audit)

    # -- construction ---------------------------------------------------------------------------
    def _build_pages(self, language: str) -> None:
        """Build the first page now; the others when first shown (`page`): their modules and
        widgets cost the start about half a second, and most shifts never open most of them."""
        self._language = language
        self._started = False
        self.pages: dict[str, QWidget] = {}
        self.reception_page = ReceptionPage(self.store, self.runner)
        # A confirmed dossier is in the outbox: wake the sync thread and refresh the lists.
        self.reception_page.reception_confirmed.connect(self._dossier_added)
        self.pages["reception"] = self.reception_page
        self.sync.report_arrived.connect(lambda _report: self._reload("dossiers"))

    def _make_page(self, key: str) -> QWidget:
        """The real page for `key`, its modules imported now, wired to the rest of the window."""
        page: QWidget
        if key == "dossiers":
            from ui.pages.dossiers import DossiersPage

            page = DossiersPage(self.store, self.runner)
            # An action taken in a dossier's detail goes to the portal now and shows in the list.
            page.detail_shown.connect(
                lambda dialog: dialog.acted.connect(lambda _result: self._dossier_changed()))
        elif key == "sync":
            from ui.pages.sync import SyncPage

            page = SyncPage(self.store, self.runner, self.sync)
            page.open_dossier_requested.connect(lambda code: self.dossiers_page.open_code(code))
        elif key == "reports":
            from ui.pages.reports import ReportsPage

            page = ReportsPage(self.store, self.runner)
        elif key == "catalog":
            from ui.pages.catalog import CatalogPage

            page = CatalogPage(self.store, self.runner)
        elif key == "settings":
            from ui.pages.settings import SettingsPage

            page = SettingsPage(self.store, self.paths, self.runner, self._language, backup_scheduler=self.backups)
            if page.backup_panel is not None:
                page.backup_panel.restore_requested.connect(self._restore)
            page.idle_minutes_changed.connect(self.set_idle_minutes)
            page.settings_saved.connect(self.reception_page.capture.refresh_devices)
            page.change_password_requested.connect(self.change_password)
            if page.users_panel is not None:
                page.users_panel.own_account_changed.connect(self._switch_user)
        else:
            raise KeyError(key)
        return page

    def page(self, key: str) -> QWidget:
        """The page for `key`, built (in place of its placeholder in the stack) if not yet."""
        built = self.pages.get(key)
        if built is not None:
            return built
        page = self.pages[key] = self._make_page(key)
        index = PAGE_KEYS.index(key)
        placeholder = self.page_stack.widget(index)
        # Replaced while another page is current, so the stack's current page does not move.
        self.page_stack.insertWidget(index, page)
        self.page_stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if self._started and key in LOADED_PAGES:
            page.load()  # type: ignore[attr-defined]
        return page

    def _reload(self, key: str) -> None:
        """Read a page's data again if it is built (a page built later reads it then)."""
        page = self.pages.get(key)
        if page is not None:
            page.load()  # type: ignore[attr-defined]

    @property
    def dossiers_page(self) -> DossiersPage:
        return self.page("dossiers")  # type: ignore[return-value]

    @property
    def sync_page(self) -> SyncPage:
        return self.page("sync")  # type: ignore[return-value]

    @property
    def reports_page(self) -> ReportsPage:
        return self.page("reports")  # type: ignore[return-value]

    @property
    def catalog_page(self) -> CatalogPage:
        return self.page("catalog")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    def _nav_titles(self) -> list[str]:
        return [self.tr("Reception"), self.tr("Dossiers"), self.tr("Sync"), self.tr("Reports"),
                self.tr("Catalogue"), self.tr("Settings")]

    def _build_desk(self) -> None:
        self.desk = QWidget()
        layout = QHBoxLayout(self.desk)
        self.nav = QListWidget()
        self.nav.setFixedWidth(180)
        self.nav.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { padding: 8px; }")
        self.page_stack = QStackedWidget()
        for number, (key, title) in enumerate(zip(PAGE_KEYS, self._nav_titles()), start=1):
            self.nav.addItem(title)
            self.nav.item(number - 1).setToolTip(f"Ctrl+{number}")
            self.page_stack.addWidget(self.pages.get(key) or QWidget())  # a placeholder until shown
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.nav)
        layout.addWidget(self.page_stack, 1)

    def _build_backups(self) -> None:
        """The daily backup (ui/backup_scheduler.py) runs for whoever is signed in; its warning
        sits in the status bar and opens the Sao lưu tab, which administrators have (the tab,
        built when first shown, drives this same scheduler)."""
        from ui.backup_scheduler import BackupScheduler, BackupWarning

        self.backups = BackupScheduler(self.store, self.runner, self)
        self.backup_warning = BackupWarning()
        self.status.insertPermanentWidget(0, self.backup_warning)
        self.backups.state_changed.connect(self.backup_warning.show_state)
        self.backup_warning.clicked.connect(self.show_backups)
        self.pending_restore: Any = None

    def show_backups(self) -> None:
        panel = self.settings_page.backup_panel
        self.show_page("settings")
        if panel is not None:
            self.settings_page.tabs.setCurrentWidget(panel)

    def _restore(self, request: Any) -> None:
        self.pending_restore = request
        self._hand_back(self.restore_requested)
        self.close()

    def _with_training_banner(self, content: QWidget) -> QWidget:
        """In training mode, the orange strip above everything (the lock screen too)."""
        self.training_banner: TrainingBanner | None = None
        if not self.training:
            return content
        self.training_banner = TrainingBanner()
        self.training_banner.reset_confirmed.connect(self._reset_training)
        framed = QWidget()
        column = QVBoxLayout(framed)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.training_banner)
        column.addWidget(content, 1)
        return framed

    def _reset_training(self) -> None:
        """The store goes back to the app, which closes it before wiping its folder."""
        self._hand_back(self.training_reset_requested)
        self.close()

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS):
            self.page(PAGE_KEYS[row])  # built before it becomes current
        self.page_stack.setCurrentIndex(row)

    # -- life cycle -----------------------------------------------------------------------------
    def start(self) -> None:
        """Begin background refreshes and idle watching; call once the window is shown."""
        self._started = True
        for key in LOADED_PAGES:
            self._reload(key)  # the pages built so far; the others read theirs when built
        store = self.store
        self.runner.run_db(lambda: read_idle_minutes(store), self.set_idle_minutes)
        self.sync.start(thread_delay_ms=SYNC_THREAD_DELAY_MS)
        self.backups.start()
        # Housekeeping waits until the official has started working: it must not compete with
        # the first screens for the two cores of a desk PC.
        QTimer.singleShot(HOUSEKEEPING_DELAY_MS, self._housekeeping)
        self.idle.start()
        self.show_page("reception")
        if self._painted:
            self._settle()
        else:
            QTimer.singleShot(SETTLE_FALLBACK_MS, self._settle)
        if self.store.must_change_password:
            # A password an administrator set: the official replaces it before working.
            self.change_password(forced=True)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        """The window's first paint: what it does not show starts right after (`_settle`)."""
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            self._painted = True
            if self._started:
                QTimer.singleShot(0, self._settle)
        return False

    def _settle(self) -> None:
        """The start's work that nothing on the first screen shows: early warnings (a notice and
        the badge), the scanner listing and the camera check. Run once the window is painted,
        they no longer compete with building and painting it for the interpreter."""
        if self._settled or self._handed_back:
            return
        self._settled = True
        self.check_warnings()
        self.warning_timer.start()
        self.reception_page.load_devices()

    @property
    def settled(self) -> bool:
        """True once `_settle` ran: warnings checked, scanners and camera looked for."""
        return self._settled

    def change_password(self, *, forced: bool = False) -> None:
        """Đổi mật khẩu (Ctrl+Shift+P or Cài đặt). `forced`: closing it signs the official out."""
        if self.is_locked or self.password_dialog is not None:
            return
        dialog = ChangePasswordDialog(self.store, self.runner, forced=forced, parent=self)
        self.password_dialog = dialog

        def closed(result: int) -> None:
            self.password_dialog = None
            if result == ChangePasswordDialog.DialogCode.Accepted:
                self.status.showMessage(self.tr("Your password was changed."), 10_000)
            elif forced:
                self._switch_user()

        dialog.finished.connect(closed)
        dialog.open()

    def open_return(self) -> Any:
        """Trả kết quả (Ctrl+T): scan the receipt or type the code; None while locked."""
        from ui.pages.lifecycle_dialogs import ReturnDialog

        if self.is_locked:
            return None
        if self.return_dialog is None:
            self.return_dialog = ReturnDialog(self.store, self.runner, self)
            self.return_dialog.returned.connect(lambda _result: self._dossier_changed())
        self.return_dialog.open()
        self.return_dialog.activateWindow()  # the barcode reader types into the focused window
        self.return_dialog.scan.setFocus()
        return self.return_dialog

    def open_audit(self) -> Any:
        """The audit log (Ctrl+Shift+L), for the supervisor and the administrator."""
        from ui.pages.lifecycle_dialogs import AuditDialog

        if self.is_locked or self.store.user.role not in AUDIT_ROLES:
            return None
        dialog = AuditDialog(self.store, self.runner, self)
        dialog.open()
        dialog.load()
        return dialog

    def _dossier_changed(self) -> None:
        self.sync.notify()
        self._reload("dossiers")

    def show_page(self, key: str) -> None:
        """Switch to a page and put the keyboard focus on it (a locked desk ignores this)."""
        if self.is_locked:
            return
        self.nav.setCurrentRow(PAGE_KEYS.index(key))
        self.page(key).setFocus()

    def _dossier_added(self, result: Any) -> None:
        self.sync.notify()
        self._reload("dossiers")
        self._reload("sync")
        self.index_scanned_text(result.dossier_id)

    def index_scanned_text(self, dossier_id: str | None = None) -> None:
        """OCR the scans (of one dossier, or whatever was left unread) in the background, so the
        dossier list can find dossiers by words on their pages; the citizen never waits for it.
        Progress shows in the status bar; signing out cancels between pages (the rest is read
        at the next sign-in)."""
        from app.capture.dossier_text import index_dossier_text

        store, cancel, progress = self.store, self._ocr_cancel, self.text_progress
        # Without a dossier: catch up on the last week's receptions only (a reading cut short by
        # a sign-out), never a whole history at once on a desk PC during office hours.
        since = None if dossier_id else local_now() - CATCH_UP
        self.runner.run_io(lambda: index_dossier_text(store, dossier_id, since=since, cancel=cancel,
                                                      on_page=progress.emit),
                           lambda count: self._reload("dossiers") if count else None,
                           lambda exc: log.warning("scanned text not indexed: %s", exc))

    # -- early warning --------------------------------------------------------------------------
    def check_warnings(self) -> None:
        """Count this official's (a supervisor's: the unit's) overdue and due-soon dossiers on the
        store lane; the badge and, when there is more to warn about than before, a notice follow."""
        from app.reception.listing import early_warnings

        if self._handed_back:
            return
        store, user = self.store, self.store.user

        def work() -> Any:
            with store.read_session() as session:
                return early_warnings(session, user_id=user.id, username=user.username, role=user.role)

        self.runner.run_db(work, self._show_warnings,
                           lambda exc: log.warning("early warnings not checked: %s", exc))

    def _show_warnings(self, warnings: Any) -> None:
        previous, self._warnings = self._warnings, warnings
        item = self.nav.item(PAGE_KEYS.index("dossiers"))
        title = self._nav_titles()[PAGE_KEYS.index("dossiers")]
        item.setText(f"{title} ({warnings.total})" if warnings.total else title)
        item.setForeground(QColor("#b00020") if warnings.overdue else
                           QColor("#8a4b00") if warnings.due_soon else self.nav.palette().text().color())
        item.setToolTip("Ctrl+2" + ("\n" + warning_notice(warnings) if warnings.total else ""))
        self.status.show_warnings(warnings)
        grew = (previous is None or warnings.overdue > previous.overdue
                or warnings.due_soon > previous.due_soon)
        if (warnings.total or warnings.unconfirmed) and grew:
            self.status.showMessage(warning_notice(warnings), NOTICE_MS)

    def show_warned_dossiers(self) -> None:
        """The badge was clicked: the overdue dossiers (else those due soon) in the Hồ sơ list."""
        warnings = self._warnings
        if warnings is None:
            return
        due = "overdue" if warnings.overdue or not warnings.due_soon else str(warnings.soon_days)
        self.show_page("dossiers")
        self.dossiers_page.set_filters(due=due, official=warnings.official)

    def _housekeeping(self) -> None:
        if self._handed_back:
            return
        self.index_scanned_text()
        self.sweep_unused_pages()

    def sweep_unused_pages(self) -> None:
        """Remove encrypted page files nothing refers to any more (earlier builds of captured
        documents, abandoned receptions), a day after they were last used; in the background."""
        from app.store.blobs import sweep_unused_pages

        store = self.store
        self.runner.run_io(lambda: sweep_unused_pages(store), None,
                           lambda exc: log.warning("unused page files not swept: %s", exc))

    def _show_text_progress(self, done: int, total: int) -> None:
        if done < total:
            text = self.tr("Reading the text of scanned pages: %1/%2").replace("%1", str(done))
            self.status.showMessage(text.replace("%2", str(total)), 10_000)
        elif total:
            self.status.showMessage(self.tr("Scanned pages can now be found by their words."), 5_000)

    @property
    def current_page(self) -> str:
        return PAGE_KEYS[self.page_stack.currentIndex()]

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_timeout_ms(minutes * MINUTE_MS)

    # -- idle lock ------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.cover.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide the desk behind the lock screen until the same official's password is typed."""
        if self.is_locked:
            return
        self.idle.stop()
        self.cover.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()
        self.locked.emit()

    def unlock(self) -> None:
        self.cover.setCurrentWidget(self.desk)
        self.idle.start()
        self.page_stack.currentWidget().setFocus()

    def _switch_user(self) -> None:
        self._hand_back(self.switch_user_requested)
        self.close()

    # -- closing --------------------------------------------------------------------------------
    def _hand_back(self, signal: Any) -> None:
        if self._handed_back:
            return
        self._handed_back = True
        # Queued on the store lane before the store is closed, so the unfinished form is kept.
        self.reception_page.save_draft_now()
        self.idle.stop()
        self.warning_timer.stop()
        self.backups.stop()
        self.sync.stop()
        self._ocr_cancel.set()
        signal.emit(self.store)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._hand_back(self.closed)
        super().closeEvent(event)
