"""Section 2 of reception: the applicant (and an authorised representative).

Every field of the section is watched by a `QrWedge`: a chip-ID QR typed by a barcode reader
into any of them fills the whole section. A malformed or contradictory QR leaves every field as
it was and says why in the section. Dates are typed as dd/mm/yyyy; a date that cannot be read
is reported under its field like any other problem.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.identity.cccd import CccdRecord
from app.identity.cccd import CccdParseError
from app.identity.cccd import parse_cccd_qr
from app.reception.model import ApplicantInput
from app.reception.model import FieldProblem
from app.reception.model import RepresentativeInput
from ui.reception.problem_text import qr_problem_text
from ui.reception.qr_wedge import QrWedge
from ui.widgets.form_field import ERROR_STYLE
from ui.widgets.form_field import FormField

NOTE_STYLE = "color: #1d5c2e;"
SEXES = ("", "Nam", "Nữ")
_DATE_PATTERNS = (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), re.compile(r"^(\d{2})(\d{2})(\d{4})$"))
APPLICANT_FIELDS = ("full_name", "id_number", "birth_date", "old_id_number", "id_issue_date", "address",
                    "phone", "email")
REPRESENTATIVE_FIELDS = ("full_name", "id_number", "phone", "authorisation")


def parse_day(text: str) -> date | None:
    """dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy, ddmmyyyy, ISO); None for empty; ValueError if unreadable."""
    text = text.strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    return date.fromisoformat(text)


def day_text(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class ApplicantSection(QGroupBox):
    """Applicant fields, representative box, QR readers; `changed` on any edit."""

    changed = Signal()
    id_number_completed = Signal(str)  # 12 digits typed or read: time to look for a returning applicant
    read_qr_file_requested = Signal()
    read_qr_webcam_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("2. Applicant"))
        self.source = "manual"
        self.fields: dict[str, FormField] = {}
        self.rep_fields: dict[str, FormField] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_tools())
        layout.addLayout(self._build_applicant())
        layout.addWidget(self._build_representative())
        self.wedge = QrWedge(self)
        self.wedge.watch([f.edit for f in self.fields.values()] + [self.sex]
                         + [f.edit for f in self.rep_fields.values()])
        self.wedge.payload_read.connect(self.apply_qr_text)
        self.setFocusProxy(self.fields["full_name"])

    # -- construction ---------------------------------------------------------------------------
    def _build_tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.file_button = QPushButton(self.tr("Read QR from image/PDF…"))
        self.file_button.clicked.connect(self.read_qr_file_requested)
        self.webcam_button = QPushButton(self.tr("Read QR from webcam"))
        self.webcam_button.clicked.connect(self.read_qr_webcam_requested)
        for button in (self.file_button, self.webcam_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keep Tab inside the fields
        hint = QLabel(self.tr("Scan the chip ID card's QR into any field."))
        hint.setStyleSheet("color: #555;")
        row.addWidget(hint, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.webcam_button)
        return row

    def set_camera_available(self, available: bool) -> None:
        self.webcam_button.setEnabled(available)
        self.webcam_button.setToolTip("" if available else self.tr("No camera found on this computer."))

    def _field(self, store: dict[str, FormField], key: str, placeholder: str = "") -> FormField:
        field = FormField(placeholder=placeholder)
        field.edit.textEdited.connect(self.changed)
        store[key] = field
        return field

    def _build_applicant(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(self.message)
        grid = QGridLayout()
        labels = {
            "full_name": self.tr("Full name"), "id_number": self.tr("ID number"),
            "old_id_number": self.tr("Old ID number"), "birth_date": self.tr("Date of birth"),
            "address": self.tr("Address"), "id_issue_date": self.tr("ID issue date"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"),
        }
        date_hint = self.tr("dd/mm/yyyy")
        for key in APPLICANT_FIELDS:
            self._field(self.fields, key, date_hint if key.endswith("date") else "")
        self.sex = QComboBox()
        self.sex.addItems([self.tr("—"), "Nam", "Nữ"])
        self.sex.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.fields["id_number"].edit.textEdited.connect(self._id_number_edited)
        # Cells are added in Tab order: widgets take their Tab order from when they join the window.
        placement = [("full_name", 0, 0, 3), ("id_number", 0, 3, 1), ("birth_date", 1, 0, 1),
                     ("sex", 1, 1, 1), ("old_id_number", 1, 2, 1), ("id_issue_date", 1, 3, 1),
                     ("address", 2, 0, 4), ("phone", 3, 0, 2), ("email", 3, 2, 2)]
        for key, row, column, span in placement:
            cell = QFormLayout()
            if key == "sex":
                cell.addRow(self.tr("Sex"), self.sex)
            else:
                cell.addRow(labels[key], self.fields[key])
            grid.addLayout(cell, row, column, 1, span)
        box.addLayout(grid)
        return box

    def _build_representative(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rep_box = QCheckBox(self.tr("Authorised representative submits"))
        # The fields live in an inner widget so that unticking collapses them to nothing.
        self.rep_inner = QWidget()
        form = QFormLayout(self.rep_inner)
        labels = {"full_name": self.tr("Full name"), "id_number": self.tr("ID number"),
                  "phone": self.tr("Phone"),
                  "authorisation": self.tr("Authorisation (e.g. power of attorney no. …)")}
        for key in REPRESENTATIVE_FIELDS:
            form.addRow(labels[key], self._field(self.rep_fields, key))
        layout.addWidget(self.rep_box)
        layout.addWidget(self.rep_inner)
        self.rep_inner.setVisible(False)
        self.rep_box.toggled.connect(self._rep_toggled)
        return box

    def _rep_toggled(self, on: bool) -> None:
        self.rep_inner.setVisible(on)
        self.changed.emit()

    # -- QR -------------------------------------------------------------------------------------
    def apply_qr_text(self, text: str) -> bool:
        """Fill the section from a QR payload; on a bad payload say why and change nothing."""
        try:
            record = parse_cccd_qr(text)
        except CccdParseError as exc:
            self.show_message(self.tr("The ID card QR could not be used: %1. Nothing was changed.")
                              .replace("%1", qr_problem_text(exc).rstrip(". ")), error=True)  # one full stop
            return False
        self.fill_from_record(record)
        return True

    def fill_from_record(self, record: CccdRecord) -> None:
        from app.reception.service import applicant_from_cccd

        current = self.applicant()[0]
        applicant = applicant_from_cccd(record)
        # The card has no phone or e-mail: keep what was typed or reused.
        applicant.phone = applicant.phone or current.phone
        applicant.email = applicant.email or current.email
        self.set_applicant(applicant)
        self.show_message(self.tr("Filled from the ID card QR."), error=False)
        self.changed.emit()
        self.id_number_completed.emit(applicant.id_number)

    def _id_number_edited(self, text: str) -> None:
        if len(text.strip()) == 12 and text.strip().isdigit():
            self.id_number_completed.emit(text.strip())

    def offer_returning(self, known: ApplicantInput) -> None:
        """"Provide once": fill what is still empty from the applicant's stored data."""
        current, _problems = self.applicant()
        if known.id_number != current.id_number.strip():
            return
        filled = []
        for key in ("full_name", "old_id_number", "address", "phone", "email"):
            if not getattr(current, key) and getattr(known, key):
                self.fields[key].edit.setText(getattr(known, key))
                filled.append(key)
        for key in ("birth_date", "id_issue_date"):
            if not getattr(current, key) and getattr(known, key):
                self.fields[key].edit.setText(day_text(getattr(known, key)))
                filled.append(key)
        if not current.sex and known.sex in SEXES:
            self.sex.setCurrentIndex(SEXES.index(known.sex))
        if filled:
            self.show_message(self.tr("Returning applicant: stored details reused (%1).")
                              .replace("%1", known.full_name), error=False)
            self.changed.emit()

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)
        self.message.setVisible(bool(text))

    # -- values ---------------------------------------------------------------------------------
    def applicant(self) -> tuple[ApplicantInput, list[FieldProblem]]:
        """The typed applicant plus problems only the screen can see (dates it cannot read)."""
        problems: list[FieldProblem] = []
        days: dict[str, date | None] = {}
        for key in ("birth_date", "id_issue_date"):
            try:
                days[key] = parse_day(self.fields[key].text())
            except ValueError:
                days[key] = None
                problems.append(FieldProblem(f"applicant.{key}", self.tr("Type the date as dd/mm/yyyy.")))
        text = {key: self.fields[key].text().strip() for key in APPLICANT_FIELDS}
        applicant = ApplicantInput(
            full_name=text["full_name"], id_number=text["id_number"], old_id_number=text["old_id_number"],
            birth_date=days["birth_date"], sex=SEXES[max(self.sex.currentIndex(), 0)],
            address=text["address"], id_issue_date=days["id_issue_date"], phone=text["phone"],
            email=text["email"], source=self.source)
        return applicant, problems

    def representative(self) -> RepresentativeInput | None:
        if not self.rep_box.isChecked():
            return None
        text = {key: self.rep_fields[key].text().strip() for key in REPRESENTATIVE_FIELDS}
        return RepresentativeInput(**text)

    def set_applicant(self, applicant: ApplicantInput) -> None:
        for key in APPLICANT_FIELDS:
            value = getattr(applicant, key)
            self.fields[key].edit.setText(day_text(value) if key.endswith("date") else (value or ""))
        self.sex.setCurrentIndex(SEXES.index(applicant.sex) if applicant.sex in SEXES else 0)
        self.source = applicant.source

    def set_representative(self, representative: RepresentativeInput | None) -> None:
        self.rep_box.setChecked(representative is not None)
        for key in REPRESENTATIVE_FIELDS:
            self.rep_fields[key].edit.setText(getattr(representative, key) if representative else "")

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, field in self.fields.items():
            field.set_error(problems.get(f"applicant.{key}"))
        for key, field in self.rep_fields.items():
            field.set_error(problems.get(f"representative.{key}"))

    def reset(self) -> None:
        self.set_applicant(ApplicantInput())
        self.set_representative(None)
        self.show_problems({})
        self.show_message("", error=False)
