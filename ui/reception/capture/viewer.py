"""Page viewer: one captured page at a readable size, exactly as the PDF will show it.

The picture is `modes.render` of the page (after the turns asked for), made on the IO lane,
so the official judges the stored result (black-and-white text, kept colour) and not the
camera picture. Zoom: + / - keys, Ctrl+wheel, the buttons; 0 or "Fit" fits the window;
PageUp / PageDown go to the previous / next page.

The same viewer shows a received dossier's stored pages (the dossier detail): it takes any
sequence of pages with the function that draws one (on the IO lane) and, optionally, a caption.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence
from typing import Any

from PIL import Image
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtGui import QPixmap
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.capture import modes
from ui.reception.capture.pages import CapturedPage
from ui.reception.capture.thumbs import qimage_of
from ui.tasks import TaskRunner

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.05, 4.0)


def rendered(captured: CapturedPage) -> Image.Image:
    return modes.render(captured.oriented())


# One page as a picture (run on the IO lane) and, optionally, what the title says it is.
PageRenderer = Callable[[Any], Image.Image]
PageCaption = Callable[[Any], str]


class PageViewer(QDialog):
    """Zoomable view of one page of a document, with paging through the others."""

    def __init__(self, runner: TaskRunner, pages: Sequence[Any], index: int,
                 parent: QWidget | None = None, *, render: PageRenderer = rendered,
                 caption: PageCaption | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.render = render
        self.caption = caption
        self.pages = list(pages)
        self.index = index
        self.zoom = 1.0
        self.fit = True
        self._pixmap: QPixmap | None = None
        self.resize(760, 900)
        layout = QVBoxLayout(self)
        self.scroll = QScrollArea()
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture = QLabel(self.tr("Loading…"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.picture)
        self.scroll.viewport().installEventFilter(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(self._buttons())
        self._load()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in ((self.tr("Zoom out (-)"), self.zoom_out), (self.tr("Zoom in (+)"), self.zoom_in),
                           (self.tr("Fit (0)"), self.fit_window)):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        self.zoom_label = QLabel()
        row.addWidget(self.zoom_label)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        return row

    def _load(self) -> None:
        captured = self.pages[self.index]
        title = self.tr("Page %1 of %2").replace("%1", str(self.index + 1)).replace("%2", str(len(self.pages)))
        self.setWindowTitle(f"{title} — {self.caption(captured)}" if self.caption else title)
        index, render = self.index, self.render
        self.runner.run_io(lambda: qimage_of(render(captured)), lambda image: self._shown(index, image),
                           lambda exc: self._failed(index, exc))

    def _failed(self, index: int, exc: BaseException) -> None:
        from app.errors import MotcuaError
        from ui.errors import report_unexpected

        if not isinstance(exc, (MotcuaError, OSError, ValueError)):
            report_unexpected(exc)
        if index == self.index:
            self._pixmap = None
            self.picture.setText(self.tr("This page cannot be shown."))

    def _shown(self, index: int, image: object) -> None:
        if index != self.index:
            return  # the official already paged on
        self._pixmap = QPixmap.fromImage(image)  # type: ignore[arg-type]
        self._apply()

    # -- zoom -----------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom / ZOOM_STEP)

    def fit_window(self) -> None:
        self.fit = True
        self._apply()

    def _set_zoom(self, zoom: float) -> None:
        self.fit = False
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        self._apply()

    def _apply(self) -> None:
        if self._pixmap is None:
            return
        if self.fit:
            area = self.scroll.viewport().size()
            self.zoom = min(area.width() / max(1, self._pixmap.width()),
                            area.height() / max(1, self._pixmap.height()))
        scaled = self._pixmap.scaled(max(1, round(self._pixmap.width() * self.zoom)),
                                     max(1, round(self._pixmap.height() * self.zoom)),
                                     Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(scaled)
        self.picture.resize(scaled.size())
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")

    # -- input ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit_window()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = 1 if key == Qt.Key.Key_PageDown else -1
            if 0 <= self.index + step < len(self.pages):
                self.index += step
                self._load()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The scroll area would scroll on Ctrl+wheel; here it zooms, as in every viewer.
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
            return True
        return False

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit:
            self._apply()
