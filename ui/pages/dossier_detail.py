"""One dossier at a glance: what was received, its timeline, and whether the portal has it.

This is the answer to a citizen's "where is my dossier?": the status the portal last sent back,
when, and whether anything of this dossier is still waiting or was refused at the desk. From
here a lost receipt is reprinted ("Reprint": every form the dossier has, in the in-app viewer)
and the scanned pages are looked at (the capture panel's zoom viewer), all from memory.

Keyboard: Ctrl+P reprint (the list of forms) · Ctrl+G the scanned pages · Esc close.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.catalog.fees import format_vnd
from app.errors import MotcuaError
from ui.lifecycle_text import action_text
from ui.problems import problem_text, worded
from ui.words import form_text
from ui.words import status_text
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store


@dataclass(frozen=True)
class DossierDetail:
    view: Any  # app.reception.views.DossierView
    history: list[Any]  # StatusStep
    sync_state: str  # sent | waiting | quarantined | local
    problems: list[Any]  # the portal's refusals (SyncProblems: its words, in both languages)
    forms: list[tuple[str, str]]  # (form number, name) of every form the dossier can be printed with
    page_files: list[tuple[str, str, str]]  # (document name, sha256, mime) of its stored page files
    actions: list[str] = field(default_factory=list)  # lifecycle actions this official may take now


def load_detail(store: Store, code: str) -> DossierDetail:
    """Runs on the store lane."""
    from app.capture.stored_pages import page_rows
    from app.forms.render import forms_for
    from app.forms.templates import template_for
    from app.reception.views import load_dossier_view
    from app.reception.views import status_history
    from sync.status import dossier_sync_states
    from sync.status import outbox_entries

    from app.lifecycle.actions import actions_for, find_dossier

    with store.read_session() as session:
        view = load_dossier_view(session, code)
        history = status_history(session, view.dossier_id)
        state = dossier_sync_states(session, [view.dossier_id])[view.dossier_id]
        actions = actions_for(store, session, find_dossier(session, view.code))
        # Every form the dossier has by its events (02 after a supplement request, …), in the set
        # in force on the day it was received.
        received = view.received_at.date()
        forms = [(form, template_for(form, received).name) for form in forms_for(session, view)]
    refused = outbox_entries(store, states=("quarantined",), dossier_id=view.dossier_id)
    return DossierDetail(view, history, state, [e.last_error for e in refused if e.last_error], forms,
                         page_rows(store, view.dossier_id), actions)


def sync_state_text(state: str) -> str:
    return {
        "sent": QCoreApplication.translate("DossierDetail", "Delivered to the portal"),
        "waiting": QCoreApplication.translate("DossierDetail", "Waiting to be sent to the portal"),
        "quarantined": QCoreApplication.translate("DossierDetail", "Refused by the portal: see the Sync page"),
    }.get(state, QCoreApplication.translate("DossierDetail", "Kept on this desk only"))


def detail_html(detail: DossierDetail) -> str:
    v = detail.view
    e = html.escape
    due = f"{v.due_at:%H:%M %d/%m/%Y}" if v.due_at else "—"
    translate = QCoreApplication.translate
    rows = [
        (translate("DossierDetail", "Procedure"), f"{v.procedure.name} ({v.procedure.code})"),
        (translate("DossierDetail", "Applicant"), v.applicant.full_name),
        (translate("DossierDetail", "Received"), f"{v.received_at:%H:%M %d/%m/%Y} — {v.received_by}"),
        (translate("DossierDetail", "Appointment"), due),
        (translate("DossierDetail", "Fees"), format_vnd(v.fee_vnd)),
        (translate("DossierDetail", "Status"), status_text(v.status)),
        (translate("DossierDetail", "Sync"), sync_state_text(detail.sync_state)),
    ]
    not_submitted = translate("DossierDetail", "not submitted")
    documents = translate("DossierDetail", "Documents")
    timeline = translate("DossierDetail", "Timeline")
    parts = [f"<h2>{e(v.code)}</h2><table cellpadding='3'>"]
    parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(val)}</td></tr>" for k, val in rows]
    parts.append("</table>")
    for problem in detail.problems:
        parts.append(f"<p style='color:#b00020'>{e(worded(problem))}</p>")
    parts.append(f"<h3>{e(documents)}</h3><ol>")
    for d in v.documents:
        missing = "" if d.received else f" — <i>{e(not_submitted)}</i>"
        parts.append(f"<li>{e(d.name)} — {e(form_text(d.form))}, {d.copies} × {d.pages}{missing}</li>")
    parts.append(f"</ol><h3>{e(timeline)}</h3><table cellpadding='3'>")
    for step in detail.history:
        what = status_text(step.status)
        if step.action and step.action != "portal":
            what = f"{action_text(step.action)} → {what}"
        note = "; ".join(part for part in (step.note, step_summary(step)) if part)
        if step.refused:  # a portal change the lifecycle machine did not apply
            note = problem_text("lifecycle.portal_status_refused",
                                {"code": v.code, "from": step.details.get("status_from", ""), "to": step.status}) or ""
            parts.append(f"<tr style='color:#b00020'><td>{step.at:%H:%M %d/%m/%Y}</td><td><s>{e(what)}</s></td>"
                         f"<td>{e(step.by)}</td><td>{e(note)}</td></tr>")
            continue
        parts.append(f"<tr><td>{step.at:%H:%M %d/%m/%Y}</td><td><b>{e(what)}</b></td>"
                     f"<td>{e(step.by)}</td><td>{e(note)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def step_summary(step: Any) -> str:
    """The gist of an action's details for the timeline: items, reason, body, new appointment,
    tracking number (names and ID numbers stay on the printed form)."""
    details = step.details or {}
    if step.refused:
        return ""
    parts = [", ".join(details.get("items") or []), details.get("reason") or "",
             details.get("to_body") or details.get("from_body") or "", details.get("tracking") or ""]
    if step.action in ("apologise", "supplement_received") and details.get("new_due"):
        from datetime import datetime

        parts.append(f"→ {datetime.fromisoformat(details['new_due']):%H:%M %d/%m/%Y}")
    return "; ".join(str(part) for part in parts if part)


class DossierDialog(QDialog):
    """The detail, with Reprint (any form, in the viewer) and the scanned pages."""

    acted = Signal(object)  # an action was taken here (ActResult): the list and the sync follow

    def __init__(self, detail: DossierDetail, store: Store, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        from ui.reception.printing import ReceiptPrinter

        super().__init__(parent)
        self.detail = detail
        self.store, self.runner = store, runner
        self.page_viewer: QDialog | None = None
        self.printer = ReceiptPrinter(store, runner, self)
        self.printer.print_failed.connect(lambda _code, why: self.show_message(why, error=True))
        self.setWindowTitle(self.tr("Dossier %1").replace("%1", detail.view.code))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(detail_html(detail))
        layout.addWidget(self.text)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.reprint_button = QPushButton(self.tr("&Reprint (Ctrl+P)"))
        self.forms_menu = QMenu(self.reprint_button)
        for number, name in detail.forms:
            action = self.forms_menu.addAction(self.tr("Form %1 — %2").replace("%1", number).replace("%2", name))
            action.triggered.connect(lambda _checked=False, form=number: self.reprint(form))
        self.reprint_button.setMenu(self.forms_menu)
        self.reprint_button.setEnabled(bool(detail.forms))
        count = len(detail.page_files)
        self.pages_button = QPushButton(self.tr("Scanned &pages (Ctrl+G)") if count
                                        else self.tr("No scanned pages"))
        self.pages_button.setEnabled(bool(count))
        self.pages_button.clicked.connect(self.show_pages)
        self.actions_button = QPushButton(self.tr("&Actions (Ctrl+K)"))
        self.actions_menu = QMenu(self.actions_button)
        self.actions_button.setMenu(self.actions_menu)
        self._fill_actions()
        for button in (self.actions_button, self.reprint_button, self.pages_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.action_dialog: QDialog | None = None
        QShortcut(QKeySequence("Ctrl+P"), self, self._offer_forms)
        QShortcut(QKeySequence("Ctrl+G"), self, self.show_pages)
        QShortcut(QKeySequence("Ctrl+K"), self, self._offer_actions)
        self.resize(760, 640)

    def show_message(self, text: str, *, error: bool = False) -> None:
        from ui.widgets.form_field import ERROR_STYLE

        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

    # -- lifecycle actions ------------------------------------------------------------------------
    def _fill_actions(self) -> None:
        self.actions_menu.clear()
        for name in self.detail.actions:
            item = self.actions_menu.addAction(action_text(name))
            item.triggered.connect(lambda _checked=False, chosen=name: self.start_action(chosen))
        self.actions_button.setEnabled(bool(self.detail.actions))

    def _offer_actions(self) -> None:
        """Ctrl+K: the actions as a menu under the button, first one selected (arrows, Enter).
        popup() rather than showMenu(): it does not run a nested event loop."""
        if not self.detail.actions:
            return
        self.actions_menu.popup(self.actions_button.mapToGlobal(self.actions_button.rect().bottomLeft()))
        self.actions_menu.setActiveAction(self.actions_menu.actions()[0])

    def start_action(self, action: str) -> None:
        """The action's small dialog; once taken, the detail reloads and its form is shown."""
        from ui.pages.lifecycle_dialogs import ActionDialog

        if action == "return":
            from ui.pages.lifecycle_dialogs import ReturnDialog

            dialog: QDialog = ReturnDialog(self.store, self.runner, self)
            dialog.scan.setText(self.detail.view.code)
            dialog.look_up()
            dialog.returned.connect(self._acted)
            dialog.returned.connect(lambda _result: dialog.accept())
        else:
            dialog = ActionDialog(self.store, self.runner, self.detail.view.code, action,
                                  due_at=self.detail.view.due_at, parent=self)
            dialog.acted.connect(self._acted)
        self.action_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _acted(self, result: Any) -> None:
        self.acted.emit(result)
        store, code = self.store, result.code
        self.runner.run_db(lambda: load_detail(store, code), self._reloaded, self._reload_failed)
        self.show_message(self.tr("Done: %1.").replace("%1", action_text(result.action)))
        if result.form:
            self._show_action_form(result.code, result.form)

    def _reload_failed(self, exc: BaseException) -> None:
        from ui.errors import error_text, report_unexpected

        if not isinstance(exc, MotcuaError):
            report_unexpected(exc)
            return
        self.show_message(error_text(exc), error=True)

    def _reloaded(self, detail: DossierDetail) -> None:
        self.detail = detail
        self.text.setHtml(detail_html(detail))
        self._fill_actions()

    def _show_action_form(self, code: str, form: str) -> None:
        """The form of the action in the viewer, when this build has it; otherwise say so (the
        action itself is recorded either way)."""
        from app.forms.templates import template_for

        received = self.detail.view.received_at.date()

        def available() -> bool:
            try:
                template_for(form, received)
            except MotcuaError:
                return False
            return True

        def shown(ok: bool) -> None:
            if ok:
                self.printer.show_form(code, form)
            else:
                self.show_message(self.tr("The action was recorded; form %1 is not available in this "
                                          "version yet.").replace("%1", form), error=True)

        self.runner.run_io(available, shown)

    # -- reprint --------------------------------------------------------------------------------
    def _offer_forms(self) -> None:
        if len(self.detail.forms) == 1:
            self.reprint(self.detail.forms[0][0])  # nothing to choose
        elif self.detail.forms:
            self.reprint_button.showMenu()

    def reprint(self, form: str) -> None:
        """Form `form` of this dossier in the viewer, with Print and Save as PDF."""
        self.show_message("")
        self.printer.show_form(self.detail.view.code, form)

    # -- scanned pages --------------------------------------------------------------------------
    def show_pages(self) -> None:
        from app.capture.stored_pages import dossier_pages

        if not self.detail.page_files:
            return
        store, rows = self.store, self.detail.page_files
        self.show_message(self.tr("Opening the scanned pages…"))
        self.runner.run_io(lambda: dossier_pages(store, rows), self._pages_read, self._pages_failed)

    def _pages_read(self, pages: list[Any]) -> None:
        from app.capture.stored_pages import render_stored_page
        from ui.reception.capture.viewer import PageViewer

        self.show_message("")
        if not pages:
            return
        viewer = PageViewer(self.runner, pages, 0, self, render=render_stored_page,
                            caption=lambda page: page.document)
        self.page_viewer = viewer
        viewer.open()

    def _pages_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (MotcuaError, OSError, ValueError)):
            from ui.errors import report_unexpected

            report_unexpected(exc)
        from ui.errors import error_text

        self.show_message(self.tr("The scanned pages could not be opened: %1").replace("%1", error_text(exc)),
                          error=True)
