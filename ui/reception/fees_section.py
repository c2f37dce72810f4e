"""Section 4 of reception: the fee from the procedure's rule, and how it is paid.

The amount comes from the live preview (the service's `compute_fee`), never computed here. A
per-page rule shows a page-count field; a rule the catalogue does not know ("set by the
provincial council") shows an amount field. Paying by transfer shows the unit's VietQR with the
amount, so the citizen can pay from a phone while the receipt prints.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QWidget

from app.catalog.fees import FeeQuote
from app.catalog.fees import format_vnd
from app.reception.model import PAYMENT_METHODS
from ui.widgets.form_field import FormField

QR_SIZE = 150
# Transfer purpose before the dossier code exists (VietQR carries ASCII only).
PROVISIONAL_INFO = "Le phi ho so"
MAX_PAGES = 10_000


class FeesSection(QGroupBox):
    """Fee lines, pages / amount entry, payment method, exemption reason, VietQR."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("4. Fees"))
        self.vietqr: dict[str, Any] | None = None
        self.quote: FeeQuote | None = None
        self._qr_key: tuple[Any, ...] = ()
        row = QHBoxLayout(self)
        form = QFormLayout()
        self.lines = QLabel(self.tr("Choose a procedure first."))
        self.lines.setWordWrap(True)
        form.addRow(self.tr("Fee"), self.lines)
        self.pages = QSpinBox()
        self.pages.setRange(0, MAX_PAGES)
        self.pages.setSpecialValueText(self.tr("—"))
        self.pages.valueChanged.connect(lambda _v: self.changed.emit())
        self.pages_label = QLabel(self.tr("Pages to charge"))
        form.addRow(self.pages_label, self.pages)
        self.amount = FormField(placeholder=self.tr("Amount in đồng, e.g. 50000"))
        self.amount.edit.textEdited.connect(self.changed)
        self.amount_label = QLabel(self.tr("Amount (đ)"))
        form.addRow(self.amount_label, self.amount)
        self.method = QComboBox()
        for key, text in zip(PAYMENT_METHODS, (self.tr("Cash"), self.tr("Bank transfer (VietQR)"),
                                               self.tr("Exempt"))):
            self.method.addItem(text, key)
        self.method.currentIndexChanged.connect(self._method_changed)
        # A procedure without a fee has nothing to pay: no payment method is offered (nor
        # preselected as "Cash"); the receipt prints "Không thu".
        self.no_fee = QLabel(self.tr("Nothing to pay (no fee)"))
        method_row = QHBoxLayout()
        method_row.setContentsMargins(0, 0, 0, 0)
        method_row.addWidget(self.method)
        method_row.addWidget(self.no_fee)
        method_row.addStretch(1)
        self.method_label = QLabel(self.tr("Payment"))
        form.addRow(self.method_label, method_row)
        self.exempt_reason = FormField(placeholder=self.tr("Reason for exemption (e.g. poor household)"))
        self.exempt_reason.edit.textEdited.connect(self.changed)
        self.exempt_label = QLabel(self.tr("Exemption reason"))
        form.addRow(self.exempt_label, self.exempt_reason)
        row.addLayout(form, 1)
        self.qr = QLabel()
        self.qr.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setScaledContents(True)
        row.addWidget(self.qr)
        self._update_visibility()

    # -- values ---------------------------------------------------------------------------------
    @property
    def payment_method(self) -> str:
        return str(self.method.currentData())

    def fee_pages(self) -> int | None:
        return self.pages.value() or None  # 0 is the "—" shown before anything is typed

    def fee_amount(self) -> tuple[int | None, str]:
        """The typed amount and a problem text when it is not a whole number of đồng."""
        text = self.amount.text().replace(".", "").replace(",", "").replace("đ", "").strip()
        if not text:
            return None, ""
        if not text.isdigit():
            return None, self.tr("Type the amount in đồng, digits only.")
        return int(text), ""

    def set_values(self, *, method: str, exempt_reason: str, pages: int | None, amount: int | None) -> None:
        self.method.setCurrentIndex(max(self.method.findData(method), 0))
        self.exempt_reason.edit.setText(exempt_reason)
        self.pages.setValue(pages or 0)
        self.amount.edit.setText(str(amount) if amount is not None else "")

    def reset(self) -> None:
        self.set_values(method="cash", exempt_reason="", pages=None, amount=None)
        self.show_quote(None, needs_pages=False)
        self.show_problems({})

    # -- preview --------------------------------------------------------------------------------
    def show_quote(self, quote: FeeQuote | None, *, needs_pages: bool, info: str = "") -> None:
        self.quote = quote
        self._needs_pages = needs_pages
        if quote is None:
            self.lines.setText(self.tr("Choose a procedure first.") if not needs_pages
                               else self.tr("Enter the number of pages."))
        else:
            parts = [f"{line.label}: {format_vnd(line.amount_vnd)}" for line in quote.lines]
            total = (self.tr("Total: %1").replace("%1", format_vnd(quote.amount_vnd))
                     if quote.amount_vnd is not None else self.tr("Amount to be entered"))
            note = f"\n{quote.note}" if quote.note else ""
            self.lines.setText("\n".join(parts + [total]) + note)
        self._update_visibility()
        self._show_vietqr(info)

    def _method_changed(self, _index: int) -> None:
        self._update_visibility()
        self._show_vietqr("")
        self.changed.emit()

    def _update_visibility(self) -> None:
        needs_pages = getattr(self, "_needs_pages", False)
        self.pages.setVisible(needs_pages)
        self.pages_label.setVisible(needs_pages)
        needs_amount = self.quote is not None and self.quote.needs_entry
        self.amount.setVisible(needs_amount)
        self.amount_label.setVisible(needs_amount)
        free = self.quote is not None and self.quote.amount_vnd == 0 and not self.quote.needs_entry
        if free and self.payment_method != "cash":
            self.method.setCurrentIndex(max(self.method.findData("cash"), 0))  # nothing to exempt or transfer
        self.method.setVisible(not free)
        self.no_fee.setVisible(free)
        exempt = self.payment_method == "exempt"
        self.exempt_reason.setVisible(exempt)
        self.exempt_label.setVisible(exempt)

    def total(self) -> int | None:
        if self.payment_method == "exempt":
            return 0
        if self.quote is not None and self.quote.amount_vnd is not None:
            return self.quote.amount_vnd
        return self.fee_amount()[0]

    def _show_vietqr(self, info: str) -> None:
        """The transfer QR for the current amount; hidden unless paying by transfer."""
        amount = self.total()
        if self.payment_method != "transfer" or not self.vietqr or not amount:
            self.qr.clear()
            self.qr.setVisible(False)
            return
        key = (amount, info, tuple(sorted(self.vietqr.items())))
        if key != self._qr_key:
            self._qr_key = key
            pixmap = vietqr_pixmap(self.vietqr, amount, info or PROVISIONAL_INFO)
            if pixmap is None:
                self.qr.setText(self.tr("VietQR settings are incomplete."))
            else:
                self.qr.setPixmap(pixmap)
        self.qr.setToolTip(self.tr("Transfer %1 to %2").replace("%1", format_vnd(amount))
                           .replace("%2", str(self.vietqr.get("account_name", ""))))
        self.qr.setVisible(True)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.amount.set_error(problems.get("fee_amount"))
        self.exempt_reason.set_error(problems.get("exempt_reason"))
        pages = problems.get("fee_pages")
        self.pages.setToolTip(pages or "")
        self.pages.setStyleSheet("QSpinBox { border: 1px solid #b3261e; }" if pages else "")


def vietqr_pixmap(settings: dict[str, Any], amount: int, info: str) -> QPixmap | None:
    """PNG of the unit's VietQR for `amount`; None when the settings cannot make a valid code."""
    from app.errors import InputError
    from app.payments.vietqr import build_vietqr
    from app.payments.vietqr import vietqr_png

    try:
        payload = build_vietqr(bin=str(settings.get("bin", "")), account=str(settings.get("account", "")),
                               amount=amount, info=info)
        data = vietqr_png(payload, box_size=4)
    except InputError:
        return None
    pixmap = QPixmap()
    pixmap.loadFromData(data, "PNG")
    return pixmap
