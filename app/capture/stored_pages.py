"""The scanned pages of a received dossier, read back from the encrypted page store for viewing.

A stored page file is one captured PDF per document (often several pages) or an attached image;
`dossier_pages` splits them into single pages the viewer can step through, in checklist order.
The decrypted bytes stay in memory: nothing of a citizen's papers is written to disk in the clear.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image
from sqlalchemy import select

from app.errors import InputError
from app.store.models import Document, Page

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

VIEW_DPI = 150  # sharp enough to read a scanned page on screen, light enough to page through


@dataclass(frozen=True)
class StoredPage:
    """Page `index` (0-based) of one stored file of one document."""

    document: str  # the checklist item's name
    data: bytes
    mime: str
    index: int

    @property
    def is_pdf(self) -> bool:
        return self.data.startswith(b"%PDF-")


def page_rows(store: Store, dossier_id: str) -> list[tuple[str, str, str]]:
    """Store lane: (document name, sha256, mime) of every stored page file, checklist order."""
    query = (select(Document.name, Page.sha256, Page.mime).join(Page, Page.document_id == Document.id)
             .where(Document.dossier_id == dossier_id).order_by(Document.seq, Page.seq))
    with store.read_session() as session:
        return [(name, sha256, mime) for name, sha256, mime in session.execute(query).all()]


def dossier_pages(store: Store, rows: list[tuple[str, str, str]]) -> list[StoredPage]:
    """IO lane: the files decrypted and split into pages (a PDF gives one entry per page)."""
    import pypdfium2

    pages: list[StoredPage] = []
    for name, sha256, mime in rows:
        data = store.blobs.get(sha256)
        count = 1
        if data.startswith(b"%PDF-"):
            try:
                document = pypdfium2.PdfDocument(data)
            except pypdfium2.PdfiumError as error:
                raise InputError(f"page file of {name[:40]}: not a readable PDF ({error})") from None
            try:
                count = len(document)
            finally:
                document.close()
        pages += [StoredPage(name, data, mime, index) for index in range(count)]
    return pages


def render_stored_page(page: StoredPage, dpi: int = VIEW_DPI) -> Image.Image:
    """IO lane: one page as a picture."""
    if not page.is_pdf:
        try:
            with Image.open(io.BytesIO(page.data)) as image:
                return image.convert("RGB")
        except OSError as error:
            raise InputError(f"page of {page.document[:40]}: not a readable picture ({error})") from None
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(page.data)
    except pypdfium2.PdfiumError as error:
        raise InputError(f"page of {page.document[:40]}: not a readable PDF ({error})") from None
    try:
        return document[page.index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
