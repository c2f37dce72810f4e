"""One dossier at a glance: what was received, its timeline, and whether the portal has it.

This is the answer to a citizen's "where is my dossier?": the status the portal last sent back,
when, and whether anything of this dossier is still waiting or was refused at the desk. From
here a lost receipt is reprinted ("Reprint": every form the dossier has, in the in-app viewer)
and the scanned pages are looked at (the capture panel's zoom viewer), all from memory.

Keyboard: Ctrl+P reprint (the list of forms) · Ctrl+G the scanned pages · Esc close.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
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
from ui.problems import worded
from ui.words import form_text
from ui.words import status_text
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class DossierDetail:
    view: Any  # app.reception.views.DossierView
    history: list[Any]  # StatusStep
    sync_state: str  # sent | waiting | quarantined | local
    problems: list[Any]  # the portal's refusals (SyncProblems: its words, in both languages)
    forms: list[tuple[str, str]]  # (form number, name) of every form the dossier can be printed with
    page_files: list[tuple[str, str, str]]  # (document name, sha256, mime) of its stored page files


def load_detail(store: Any, code: str) -> DossierDetail:
    """Runs on the store lane."""
    from app.capture.stored_pages import page_rows
    from app.forms.templates import forms_for
    from app.reception.views import load_dossier_view
    from app.reception.views import status_history
    from sync.status import dossier_sync_states
    from sync.status import outbox_entries

    with store.read_session() as session:
        view = load_dossier_view(session, code)
        history = status_history(session, view.dossier_id)
        state = dossier_sync_states(session, [view.dossier_id])[view.dossier_id]
    refused = outbox_entries(store, states=("quarantined",), dossier_id=view.dossier_id)
    forms = [(template.form, template.name) for template in forms_for(view.received_at.date())]
    return DossierDetail(view, history, state, [e.last_error for e in refused if e.last_error], forms,
                         page_rows(store, view.dossier_id))


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
        parts.append(f"<tr><td>{step.at:%H:%M %d/%m/%Y}</td><td><b>{e(status_text(step.status))}</b></td>"
                     f"<td>{e(step.by)}</td><td>{e(step.note)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class DossierDialog(QDialog):
    """The detail, with Reprint (any form, in the viewer) and the scanned pages."""

    def __init__(self, detail: DossierDetail, store: Any, runner: TaskRunner,
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
        for button in (self.reprint_button, self.pages_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+P"), self, self._offer_forms)
        QShortcut(QKeySequence("Ctrl+G"), self, self.show_pages)
        self.resize(760, 640)

    def show_message(self, text: str, *, error: bool = False) -> None:
        from ui.widgets.form_field import ERROR_STYLE

        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

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
        from ui.capture.viewer import PageViewer

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
