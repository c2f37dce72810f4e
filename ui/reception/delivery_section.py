"""Sections 5 and 6 of reception: how the result goes back, and through which channel it came.

Delivery by post needs an address; it defaults to the applicant's address until the official
types another one. The channel says who received the dossier: the desk itself, a post-office
agent (who names the destination unit) or the community technology team (who name the place
of the visit).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from app.reception.model import CHANNELS
from app.reception.model import DELIVERY
from ui.widgets.form_field import FormField


class DeliverySection(QGroupBox):
    """Result delivery: at the desk or by post (with an address)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("5. Result delivery"))
        self._address_typed = False
        form = QFormLayout(self)
        self.method = QComboBox()
        for key, text in zip(DELIVERY, (self.tr("At the desk"), self.tr("By post"))):
            self.method.addItem(text, key)
        self.method.currentIndexChanged.connect(self._method_changed)
        form.addRow(self.tr("Delivery"), self.method)
        self.address = FormField(placeholder=self.tr("Postal address for the result"))
        self.address.edit.textEdited.connect(self._address_edited)
        self.address_label = QLabel(self.tr("Address"))
        form.addRow(self.address_label, self.address)
        self._method_changed(0)

    @property
    def delivery(self) -> str:
        return str(self.method.currentData())

    def _method_changed(self, _index: int) -> None:
        by_post = self.delivery == "post"
        self.address.setVisible(by_post)
        self.address_label.setVisible(by_post)
        self.changed.emit()

    def _address_edited(self, text: str) -> None:
        self._address_typed = bool(text)
        self.changed.emit()

    def follow_applicant_address(self, address: str) -> None:
        """Keep the default (the applicant's address) until the official types another."""
        if not self._address_typed:
            self.address.edit.setText(address)

    def set_values(self, delivery: str, address: str) -> None:
        self.method.setCurrentIndex(max(self.method.findData(delivery), 0))
        self.address.edit.setText(address)
        self._address_typed = False

    def reset(self) -> None:
        self.set_values("desk", "")
        self.address.set_error(None)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.address.set_error(problems.get("delivery_address"))


class ChannelSection(QGroupBox):
    """Reception channel with the field each channel needs."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("6. Channel"))
        row = QHBoxLayout(self)
        form = QFormLayout()
        self.method = QComboBox()
        texts = (self.tr("At the desk"), self.tr("Post-office agent"), self.tr("Community technology team"))
        for key, text in zip(CHANNELS, texts):
            self.method.addItem(text, key)
        self.method.currentIndexChanged.connect(self._channel_changed)
        form.addRow(self.tr("Received through"), self.method)
        self.destination = FormField(placeholder=self.tr("Unit the dossier is for"))
        self.destination.edit.textEdited.connect(self.changed)
        self.destination_label = QLabel(self.tr("Destination unit"))
        form.addRow(self.destination_label, self.destination)
        self.visit_place = FormField(placeholder=self.tr("Village, hamlet or place of the visit"))
        self.visit_place.edit.textEdited.connect(self.changed)
        self.visit_label = QLabel(self.tr("Visit place"))
        form.addRow(self.visit_label, self.visit_place)
        row.addLayout(form)
        self._channel_changed(0)

    @property
    def channel(self) -> str:
        return str(self.method.currentData())

    def _channel_changed(self, _index: int) -> None:
        agent, team = self.channel == "post_office", self.channel == "community"
        for widget in (self.destination, self.destination_label):
            widget.setVisible(agent)
        for widget in (self.visit_place, self.visit_label):
            widget.setVisible(team)
        self.changed.emit()

    def set_values(self, channel: str, destination: str, visit_place: str) -> None:
        self.method.setCurrentIndex(max(self.method.findData(channel), 0))
        self.destination.edit.setText(destination)
        self.visit_place.edit.setText(visit_place)

    def reset(self) -> None:
        self.set_values("desk", "", "")
        self.show_problems({})

    def show_problems(self, problems: dict[str, str]) -> None:
        self.destination.set_error(problems.get("destination_unit"))
        self.visit_place.set_error(problems.get("visit_place"))
