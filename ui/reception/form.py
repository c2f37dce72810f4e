"""The reception form: the six sections stacked top to bottom, read and written as one request.

`ReceptionForm.request()` turns what is on screen into a `ReceptionRequest` plus the problems
only the screen can see (an unreadable date or amount); `set_request()` puts a request (a draft)
back on screen; `show_problems()` sends each problem to the field it is about. The page owns
everything that talks to the store.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.catalog.model import ProcedureVersionData
from app.reception.model import FieldProblem
from app.reception.model import ReceptionRequest
from ui.reception.applicant_section import APPLICANT_FIELDS
from ui.reception.applicant_section import ApplicantSection
from ui.reception.delivery_section import ChannelSection
from ui.reception.delivery_section import DeliverySection
from ui.reception.documents_section import DocumentsSection
from ui.reception.fees_section import FeesSection
from ui.reception.procedure_picker import ProcedurePicker


class ReceptionForm(QWidget):
    """All sections; `changed` whenever anything on the form changes."""

    changed = Signal()
    procedure_chosen = Signal(object)
    last_field_entered = Signal()  # Enter in the form's last field: confirm

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.picker = ProcedurePicker()
        self.applicant = ApplicantSection()
        self.documents = DocumentsSection()
        self.fees = FeesSection()
        self.delivery = DeliverySection()
        self.channel = ChannelSection()
        layout.addWidget(self.picker)
        layout.addWidget(self.applicant)
        layout.addWidget(self.documents)
        layout.addWidget(self.fees)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delivery, 1)
        bottom.addWidget(self.channel, 1)
        layout.addLayout(bottom)
        layout.addStretch(1)
        for section in (self.applicant, self.documents, self.fees, self.delivery, self.channel):
            section.changed.connect(self.changed)
        self.applicant.changed.connect(self._applicant_changed)
        self.picker.procedure_chosen.connect(self._procedure_chosen)
        self._enter_order = [self.applicant.fields[key].edit for key in APPLICANT_FIELDS]
        for edit in self._enter_order + [self.delivery.address.edit, self.channel.destination.edit,
                                         self.channel.visit_place.edit]:
            edit.installEventFilter(self)

    # -- reactions ------------------------------------------------------------------------------
    def _procedure_chosen(self, version: ProcedureVersionData | None) -> None:
        from app.reception.service import checklist_for

        self.documents.set_documents(checklist_for(version) if version is not None else [])
        self.fees.pages.setValue(0)
        self.procedure_chosen.emit(version)
        self.changed.emit()
        if version is not None:
            self.applicant.setFocus()

    def _applicant_changed(self) -> None:
        self.delivery.follow_applicant_address(self.applicant.fields["address"].text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Enter walks the applicant fields like Tab; Enter in the last field of the form confirms.
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QLineEdit):
            return False
        if self.applicant.wedge.capturing:
            return False  # this Enter ends a QR burst; the wedge (next filter) takes it
        assert isinstance(event, QKeyEvent)
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.modifiers() & \
                Qt.KeyboardModifier.ControlModifier:
            return False
        if watched in self._enter_order:
            position = self._enter_order.index(watched)
            if position + 1 < len(self._enter_order):
                self._enter_order[position + 1].setFocus()
            else:
                self.documents.setFocus()
            return True
        self.last_field_entered.emit()
        return True

    # -- the request ----------------------------------------------------------------------------
    def request(self, draft_id: str = "") -> tuple[ReceptionRequest, list[FieldProblem]]:
        applicant, problems = self.applicant.applicant()
        amount, amount_problem = self.fees.fee_amount()
        if amount_problem:
            problems.append(FieldProblem("fee_amount", amount_problem))
        version = self.picker.version
        request = ReceptionRequest(
            procedure_code=version.code if version is not None else "",
            applicant=applicant, representative=self.applicant.representative(),
            documents=self.documents.documents(), missing_reason=self.documents.reason.text().strip(),
            channel=self.channel.channel, destination_unit=self.channel.destination.text().strip(),
            visit_place=self.channel.visit_place.text().strip(),
            payment_method=self.fees.payment_method, exempt_reason=self.fees.exempt_reason.text().strip(),
            fee_pages=self.fees.fee_pages(), fee_amount=amount,
            delivery=self.delivery.delivery, delivery_address=self.delivery.address.text().strip(),
            draft_id=draft_id)
        return request, problems

    def is_blank(self) -> bool:
        request, _problems = self.request()
        a = request.applicant
        return not (request.procedure_code or a.full_name or a.id_number or a.phone
                    or any(d.pages for d in request.documents))

    def set_request(self, request: ReceptionRequest) -> None:
        self.picker.reset()
        if not self.picker.choose_code(request.procedure_code):
            self.picker.version = None
        self.applicant.set_applicant(request.applicant)
        self.applicant.set_representative(request.representative)
        self.documents.set_documents(list(request.documents))
        self.documents.reason.edit.setText(request.missing_reason)
        self.fees.set_values(method=request.payment_method, exempt_reason=request.exempt_reason,
                             pages=request.fee_pages, amount=request.fee_amount)
        self.delivery.set_values(request.delivery, request.delivery_address)
        self.channel.set_values(request.channel, request.destination_unit, request.visit_place)
        self.changed.emit()

    def reset(self) -> None:
        for section in (self.picker, self.applicant, self.documents, self.fees, self.delivery, self.channel):
            section.reset()
        self.picker.setFocus()

    def section_for(self, field: str) -> QWidget:
        """The section holding `field` (a FieldProblem path)."""
        head = field.split(".", 1)[0].split("[", 1)[0]
        if head == "procedure_code":
            return self.picker
        if head in ("applicant", "representative", "received_at"):
            return self.applicant
        if head in ("documents", "missing_reason", "sets"):
            return self.documents
        if head.startswith(("fee", "payment", "exempt")):
            return self.fees
        if head.startswith("delivery"):
            return self.delivery
        return self.channel

    def show_problems(self, problems: dict[str, str]) -> None:
        self.picker.set_error(problems.get("procedure_code", ""))
        for section in (self.applicant, self.documents, self.fees, self.delivery, self.channel):
            section.show_problems(problems)
