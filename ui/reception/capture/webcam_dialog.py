"""Webcam capture: a live preview and a "Take photo" button; each photo becomes a RawPage.

Photos are marked `photographed=True`, so processing looks for the sheet in the frame and
flattens it like a phone photo. Without a camera (or without QtMultimedia's system libraries)
the dialog says so and the button stays disabled; nothing is started.
"""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QBuffer
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QIODevice
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from app.capture.pages import RawPage
from app.errors import InputError

# A webcam frame carries no resolution; processing measures the sheet in it instead.
NOMINAL_FRAME_DPI = 200.0


def camera_available() -> bool:
    try:
        from ui.reception.qr_sources import has_camera

        return has_camera()
    except ImportError:  # QtMultimedia's system libraries are missing: no webcam support
        return False


def raw_from_frame(image: QImage, number: int) -> RawPage:
    """One captured frame as a photographed page (PNG round trip: exact, any QImage format)."""
    if image.isNull():
        raise InputError(f"webcam photo {number}: the camera delivered an empty picture",
                         kind="capture.camera_empty_picture")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    # The label names the photo in problems shown on screen, so it is in the desk's language.
    label = QCoreApplication.translate("WebcamDialog", "webcam photo %1").replace("%1", str(number))
    return RawPage(picture, NOMINAL_FRAME_DPI, label, photographed=True)


class WebcamDialog(QDialog):
    """Live preview; "Take photo" as often as needed; "Use photos" hands them over."""

    pages_taken = Signal(list)  # list[RawPage]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Webcam"))
        self.pages: list[RawPage] = []
        self._camera: object = None
        self._session: object = None
        self._capture: object = None
        layout = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.take_button = QPushButton(self.tr("Take photo (Space)"))
        self.take_button.setShortcut("Space")
        self.take_button.clicked.connect(self.take)
        self.use_button = QPushButton(self.tr("Use photos"))
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self._use)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        if camera_available():
            layout.insertWidget(0, self._start_preview(), 1)
            self.message.setText(self.tr("Hold the sheet flat in front of the camera, filling the picture."))
        else:
            self.take_button.setEnabled(False)
            self.message.setText(self.tr("No camera was found on this computer. Connect a webcam, or take "
                                         "the photo with a phone and use \"Import files / phone photo…\"."))
        layout.addLayout(buttons)

    def _start_preview(self) -> QWidget:
        from PySide6.QtMultimedia import QCamera
        from PySide6.QtMultimedia import QImageCapture
        from PySide6.QtMultimedia import QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        preview = QVideoWidget()
        preview.setMinimumSize(480, 360)
        camera, session, capture = QCamera(self), QMediaCaptureSession(self), QImageCapture(self)
        session.setCamera(camera)
        session.setImageCapture(capture)
        session.setVideoOutput(preview)
        capture.imageCaptured.connect(self._captured)
        capture.errorOccurred.connect(lambda _id, _error, text: self._show_error(text))
        camera.errorOccurred.connect(lambda _error, text: self._show_error(text))
        self._camera, self._session, self._capture = camera, session, capture
        camera.start()
        return preview

    def take(self) -> None:
        if self._capture is not None and self._capture.isReadyForCapture():  # type: ignore[attr-defined]
            self._capture.capture()  # type: ignore[attr-defined]

    def _captured(self, _request_id: int, image: QImage) -> None:
        try:
            self.pages.append(raw_from_frame(image, len(self.pages) + 1))
        except InputError as error:
            from ui.errors import error_text

            self._show_error(error_text(error))
            return
        self.use_button.setEnabled(True)
        self.message.setText(self.tr("%1 photo(s) taken.").replace("%1", str(len(self.pages))))

    def _show_error(self, text: str) -> None:
        self.message.setText(self.tr("The camera reported a problem: %1").replace("%1", text))

    def _use(self) -> None:
        self.pages_taken.emit(list(self.pages))
        self.accept()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override: stop the camera on any close
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]
        self._camera = self._session = self._capture = None
        super().done(result)
