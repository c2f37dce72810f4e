"""Making a received dossier's scans searchable: text from each stored page into the index.

Runs in the background after a reception (and at start for anything left over), never on the
confirm path: a citizen must not wait for OCR. A PDF written with `--ocr` (or any PDF with a text
layer) gives its text directly; an image, or a PDF without text, is rendered and read by
Tesseract. Each page is indexed in its own short transaction, so stopping half-way (a closed app,
a cancel) loses nothing and the next run picks up the pages still missing.

A page that cannot be decoded (damaged, not an image, a decompression bomb received by an older
version) is recorded as read with no text (language `UNREADABLE`), so it is skipped instead of
being tried, and failing, at every sign-in; the other pages are indexed all the same. A failure of
the OCR engine itself is not the page's fault: that page is tried again next time.
"""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PIL import Image
from sqlalchemy import select

from app.errors import InputError, MotcuaError
from app.limits import DEFAULT_LIMITS
from app.store.models import Document, Dossier, Page, PageText

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

log = logging.getLogger(__name__)
OCR_DPI = 200  # the documents' floor: what the pages were processed at
MIN_TEXT_CHARS = 20  # less than this in a text layer means "no real text layer"
UNREADABLE = "unreadable"  # page_texts.language of a page recorded as skipped


class UnreadablePage(InputError):
    """A stored page that cannot be decoded: skipped for good, not retried."""


@dataclass(frozen=True)
class PageRef:
    dossier_id: str
    document_id: str
    sha256: str
    mime: str


def pages_without_text(store: Store, *, dossier_id: str | None = None, since: datetime | None = None,
                       limit: int = 500) -> list[PageRef]:
    """Stored pages whose text is not indexed yet (of one dossier, or of the dossiers received
    since `since`, or of all), oldest first."""
    query = (select(Document.dossier_id, Document.id, Page.sha256, Page.mime)
             .join(Page, Page.document_id == Document.id)
             # An anti-join on (dossier, page): served by page_texts' unique index.
             .outerjoin(PageText, (PageText.dossier_id == Document.dossier_id)
                        & (PageText.page_sha256 == Page.sha256))
             .where(PageText.id.is_(None))
             .order_by(Document.dossier_id, Document.seq, Page.seq).limit(limit))
    if dossier_id is not None:
        query = query.where(Document.dossier_id == dossier_id)
    if since is not None:
        query = query.where(Document.dossier_id.in_(select(Dossier.id).where(Dossier.received_at >= since)))
    with store.read_session() as session:
        return [PageRef(*row) for row in session.execute(query).all()]


def page_text(data: bytes, mime: str) -> str:
    """The text of one stored page: its PDF text layer, or OCR of its image(s).

    Raises UnreadablePage when the page itself cannot be decoded or drawn (checked against the
    pixel limit before anything is decoded)."""
    from app.capture.ocr import recognise

    texts, images = _decode(data)
    texts += [recognise(image, dpi).text for image, dpi in images]
    return "\n".join(texts)


def _decode(data: bytes) -> tuple[list[str], list[tuple[Image.Image, float]]]:
    """Text layers, and page images to read with OCR; any failure is UnreadablePage."""
    from app.capture.page_files import check_pixels

    limit = DEFAULT_LIMITS.max_page_pixels
    try:
        if data.startswith(b"%PDF-"):
            import pypdfium2

            document = pypdfium2.PdfDocument(data)
            try:
                texts, images = [], []
                for index, page in enumerate(document):
                    layer = page.get_textpage().get_text_range()
                    if len(layer.strip()) >= MIN_TEXT_CHARS:
                        texts.append(layer)
                        continue
                    size = (round(page.get_width() / 72 * OCR_DPI), round(page.get_height() / 72 * OCR_DPI))
                    check_pixels(f"page {index + 1}", size, limit, params={})
                    images.append((page.render(scale=OCR_DPI / 72).to_pil(), float(OCR_DPI)))
            finally:
                document.close()
            return texts, images
        with Image.open(io.BytesIO(data)) as image:
            check_pixels("the image", image.size, limit, params={})
            dpi = float((image.info.get("dpi") or (OCR_DPI,))[0] or OCR_DPI)
            return [], [(image.convert("RGB"), dpi)]
    except Exception as error:  # noqa: BLE001 - decoders fail with many types; all mean "bad page"
        message = error.message if isinstance(error, MotcuaError) else f"{type(error).__name__}: {error}"
        raise UnreadablePage(f"cannot be decoded ({message[:200]})") from error


def index_dossier_text(store: Store, dossier_id: str | None = None, *, since: datetime | None = None,
                       cancel: threading.Event | None = None,
                       on_page: Callable[[int, int], None] | None = None) -> int:
    """Index the pages still without text (of one dossier, or of the dossiers received since
    `since`, or all); returns how many were recorded (read, or found unreadable).

    `on_page(done, total)` reports progress; `cancel` stops between pages. A page that cannot be
    decoded is recorded as unreadable and skipped for good; one the OCR engine failed on stays
    unindexed, to be tried again next time. Neither stops the rest.
    """
    from app.capture.text_index import index_page_text

    pending = pages_without_text(store, dossier_id=dossier_id, since=since)
    done = 0
    for number, ref in enumerate(pending, start=1):
        if cancel is not None and cancel.is_set():
            break
        language = "vie"
        try:
            text = page_text(store.blobs.get(ref.sha256), ref.mime)
        except UnreadablePage as error:
            log.warning("page %s… of dossier %s skipped: %s", ref.sha256[:12], ref.dossier_id, error)
            text, language = "", UNREADABLE
        except Exception as error:  # noqa: BLE001 - OCR engine or blob trouble: next time, not never
            log.warning("page %s… not indexed this time: %r", ref.sha256[:12], error)
            continue
        index_page_text(store, ref.dossier_id, ref.sha256, text, document_id=ref.document_id,
                        language=language)
        done += 1
        if on_page is not None:
            on_page(number, len(pending))
    return done
