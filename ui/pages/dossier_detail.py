"""One dossier at a glance: what was received, its timeline, and whether the portal has it.

This is the answer to a citizen's "where is my dossier?": the status the portal last sent back,
when, and whether anything of this dossier is still waiting or was refused at the desk.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.catalog.fees import format_vnd


@dataclass(frozen=True)
class DossierDetail:
    view: Any  # app.reception.views.DossierView
    history: list[Any]  # StatusStep
    sync_state: str  # sent | waiting | quarantined | local
    problems: list[str]  # the portal's refusals, verbatim


def load_detail(store: Any, code: str) -> DossierDetail:
    """Runs on the store lane."""
    from app.reception.views import load_dossier_view
    from app.reception.views import status_history
    from sync.status import dossier_sync_states
    from sync.status import outbox_entries

    with store.read_session() as session:
        view = load_dossier_view(session, code)
        history = status_history(session, view.dossier_id)
        state = dossier_sync_states(session, [view.dossier_id])[view.dossier_id]
    refused = outbox_entries(store, states=("quarantined",), dossier_id=view.dossier_id)
    return DossierDetail(view, history, state, [e.last_error or "" for e in refused])


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
        (translate("DossierDetail", "Status"), v.status_label),
        (translate("DossierDetail", "Sync"), sync_state_text(detail.sync_state)),
    ]
    not_submitted = translate("DossierDetail", "not submitted")
    documents = translate("DossierDetail", "Documents")
    timeline = translate("DossierDetail", "Timeline")
    parts = [f"<h2>{e(v.code)}</h2><table cellpadding='3'>"]
    parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(val)}</td></tr>" for k, val in rows]
    parts.append("</table>")
    for problem in detail.problems:
        parts.append(f"<p style='color:#b00020'>{e(problem)}</p>")
    parts.append(f"<h3>{e(documents)}</h3><ol>")
    for d in v.documents:
        missing = "" if d.received else f" — <i>{e(not_submitted)}</i>"
        parts.append(f"<li>{e(d.name)} — {e(d.form_label)}, {d.copies} × {d.pages}{missing}</li>")
    parts.append(f"</ol><h3>{e(timeline)}</h3><table cellpadding='3'>")
    for step in detail.history:
        parts.append(f"<tr><td>{step.at:%H:%M %d/%m/%Y}</td><td><b>{e(step.label)}</b></td>"
                     f"<td>{e(step.by)}</td><td>{e(step.note)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class DossierDialog(QDialog):
    def __init__(self, detail: DossierDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setWindowTitle(self.tr("Dossier %1").replace("%1", detail.view.code))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(detail_html(detail))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 600)
