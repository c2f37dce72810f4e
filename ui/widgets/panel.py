"""A fixed-width card centred in its parent, for short forms (sign-in, unlock) on big screens."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget


def centered_card(host: QWidget, width: int = 460) -> QVBoxLayout:
    """Give `host` a layout that centres a framed card; returns the card's layout to fill."""
    grid = QGridLayout(host)
    grid.setRowStretch(0, 1)
    grid.setRowStretch(2, 2)
    grid.setColumnStretch(0, 1)
    grid.setColumnStretch(2, 1)
    card = QFrame()
    card.setObjectName("card")
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setFixedWidth(width)
    grid.addWidget(card, 1, 1)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(10)
    return layout
