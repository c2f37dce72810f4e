"""Reading a chip-ID QR from a picture: an image or PDF file, or one webcam frame.

Decoding uses zxing-cpp. A PDF (a scanned card) is rendered page 1 first with QtPdf. The file
functions run on the IO lane (they read disk); the webcam grabber lives on the GUI thread
because QtMultimedia objects do, and hands the frame to the IO lane for decoding.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer
from PySide6.QtCore import QIODevice
from PySide6.QtCore import QObject
from PySide6.QtCore import QSize
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from app.capture.page_files import file_params
from app.errors import InputError
from ui.qt_messages import plain_qt_messages

PDF_RENDER_WIDTH = 1800  # px for page 1 of a scanned card: enough for the card's small QR


def _pil_from_qimage(image: QImage) -> object:
    from PIL import Image

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    import io

    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")


def render_pdf_first_page(path: Path) -> QImage:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise InputError(f"{path.name}: not a readable PDF", kind="capture.pdf_damaged",
                         params=file_params(path))
    size = document.pagePointSize(0)
    scale = PDF_RENDER_WIDTH / max(size.width(), 1.0)
    image = document.render(0, QSize(PDF_RENDER_WIDTH, int(size.height() * scale)))
    document.close()
    return image


def decode_image(image: object) -> list[str]:
    """Texts of every QR code zxing-cpp finds in a PIL image (or QImage)."""
    try:
        import zxingcpp
    except ImportError:  # an optional extra ("capture"); the wedge reader works without it
        raise InputError("reading a QR code from a picture needs the zxing-cpp package "
                         "(pip install 'motcua-desk[capture]')", kind="capture.qr_reader_missing",
                         params={"program": "zxing-cpp"}) from None

    if isinstance(image, QImage):
        image = _pil_from_qimage(image)
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [result.text for result in results if result.text]


def read_qr_file(path: Path) -> str:
    """The QR text found in an image or PDF file; InputError naming the file when there is none."""
    from PIL import Image
    from PIL import UnidentifiedImageError

    if not path.is_file():
        raise InputError(f"{path}: file not found", kind="capture.file_missing", params=file_params(path))
    if path.suffix.lower() == ".pdf":
        image: object = render_pdf_first_page(path)
    else:
        try:
            with Image.open(path) as opened:
                image = opened.convert("RGB")
        except (UnidentifiedImageError, OSError):
            raise InputError(f"{path.name}: not an image file (PNG, JPEG, …) or a PDF", kind="capture.file_not_page",
                             params=file_params(path)) from None
    texts = decode_image(image)
    if not texts:
        raise InputError(f"{path.name}: no QR code found", kind="capture.qr_not_found", params=file_params(path))
    # A card photo may also show other codes; the ID card's is the one with "|" fields.
    return next((text for text in texts if "|" in text), texts[0])


def has_camera() -> bool:
    """Whether a webcam is connected."""
    load_multimedia()
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.videoInputs())


def load_multimedia() -> None:
    """Import QtMultimedia and load its backend, once, with Qt's own message handler around both
    (ui/qt_messages.py): its library logs from its initialiser while the dynamic loader's lock is
    held, so with the desk's Python handler a thread importing an extension module at that
    moment deadlocks with it. Every use of QtMultimedia comes after this (the camera check
    decides whether any camera button is enabled)."""
    global _multimedia_loaded
    if _multimedia_loaded:
        return
    from PySide6.QtCore import QLoggingCategory

    # Optional codec helpers (pipewire, VA-API) that most desks lack: not worth a line each.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    with plain_qt_messages():
        import PySide6.QtMultimediaWidgets  # noqa: F401 - loaded here for the same reason
        from PySide6.QtMultimedia import QMediaDevices

        QMediaDevices.videoInputs()  # the first call loads the backend plugin
    _multimedia_loaded = True


_multimedia_loaded = False


class WebcamGrabber(QObject):
    """Starts the default camera, captures one frame, stops; `frame_captured(QImage)` or `failed(str)`."""

    frame_captured = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera: object = None
        self._session: object = None
        self._capture: object = None

    def grab(self) -> None:
        from PySide6.QtMultimedia import QCamera
        from PySide6.QtMultimedia import QImageCapture
        from PySide6.QtMultimedia import QMediaCaptureSession

        camera = QCamera(self)
        session = QMediaCaptureSession(self)
        capture = QImageCapture(self)
        session.setCamera(camera)
        session.setImageCapture(capture)
        capture.imageCaptured.connect(self._captured)
        capture.errorOccurred.connect(lambda _id, _err, text: self._fail(text))
        capture.readyForCaptureChanged.connect(lambda ready: ready and capture.capture())
        camera.errorOccurred.connect(lambda _err, text: self._fail(text))
        self._camera, self._session, self._capture = camera, session, capture
        camera.start()

    def _captured(self, _request_id: int, image: QImage) -> None:
        self._stop()
        self.frame_captured.emit(image)

    def _fail(self, text: str) -> None:
        self._stop()
        self.failed.emit(text)

    def _stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()  # type: ignore[attr-defined]
        self._camera = self._session = self._capture = None
