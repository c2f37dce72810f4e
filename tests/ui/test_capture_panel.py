"""Capture in the reception screen, driven by the keyboard: scan, phone photo, page editing, ID QR.

Real components throughout: the SANE `test` backend through scanimage, the page pipeline, the
PDF writer with OCR, zxing-cpp for the card's QR, and the encrypted store at confirmation.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.capture.sources import SourceRegistry
from app.capture.sources.sane import SaneSource
from app.capture.specimens import specimen_set
from app.store.models import Document
from app.store.models import Dossier
from app.store.models import Page
from tests.ui.conftest import press_enter
from tests.ui.conftest import save_screen
from tests.ui.conftest import type_text
from tests.ui.test_reception_flow import focused
from tests.ui.test_reception_flow import open_reception
from tests.ui.test_reception_flow import print_to
from ui.reception.capture import capture_panel
from ui.reception.capture.webcam_dialog import WebcamDialog
from ui.reception.capture.webcam_dialog import raw_from_frame

ID_ROW = 4  # "Giấy tờ tùy thân / căn cước" in the birth registration checklist

pytestmark = pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")


@pytest.fixture
def sane_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """List only SANE devices (no mDNS wait); the listing itself still runs scanimage."""
    monkeypatch.setattr(capture_panel, "registry_factory", lambda _settings: SourceRegistry([SaneSource()]))
    monkeypatch.setattr(capture_panel, "_listing", None)


def _specimens() -> dict[str, object]:
    return {spec.name.split("_")[0] if spec.name.startswith("id_card") else spec.name: spec
            for spec in specimen_set(0)}


def _pdf_of(store, document, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    """The document's one captured PDF, decrypted from the blob store into a test file."""
    assert len(document.pages) == 1 and document.pages[0].mime == "application/pdf"
    sha = document.pages[0].blob
    assert sha, "captured pages are sealed in the encrypted blob store, not left as files"
    out = folder / f"{sha}.pdf"
    out.write_bytes(store.blobs.get(sha))
    return out


def _page_sizes(pdf: Path) -> list[tuple[int, int]]:
    with pikepdf.open(pdf) as opened:
        return [(round(float(p.mediabox[2])), round(float(p.mediabox[3]))) for p in opened.pages]


def test_scan_photo_edit_id_card_and_confirm(qtbot, desk_store, paths, runner, vietnamese, tmp_path,
                                            sane_only) -> None:
    window = open_reception(qtbot, desk_store, paths, runner)
    window.resize(1280, 760)
    page = window.reception_page
    print_to(page, tmp_path / "receipt.pdf")
    panel = page.capture
    assert panel.devices.findData("sane:test:0") >= 0, [panel.devices.itemData(i) for i in range(panel.devices.count())]
    panel.devices.setCurrentIndex(panel.devices.findData("sane:test:0"))
    type_text(qtbot, focused(), "khai sinh")
    press_enter(qtbot, focused())
    table = page.form.documents.table
    table.setFocus()
    assert table.currentIndex().row() == 0
    docs = page.form.documents.documents()

    # F8 scans the current document from the SANE test device.
    qtbot.keyClick(table, Qt.Key.Key_F8)
    assert panel.strip.count() == 1 and docs[0].received
    first_blob = docs[0].pages[0].blob
    first_pdf = _pdf_of(desk_store, docs[0], tmp_path)
    assert _page_sizes(first_pdf) and len(_page_sizes(first_pdf)) == 1
    assert "Tổng dung lượng gửi:" in panel.totals.text() and "kB" in panel.totals.text()
    assert desk_store.get_setting("capture.device") == "sane:test:0"

    # A phone photo (EXIF names the phone) is flattened to an A4 page.
    specimens = _specimens()
    photo = tmp_path / "anh-dien-thoai.jpg"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    specimens["phone_photo"].image.save(photo, quality=90, exif=exif)
    panel.file_chooser = lambda _parent: [photo]
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert panel.strip.count() == 2, panel.message.text()
    assert "paper found and flattened" in panel.book.pages(0)[1].page.notes
    sizes = _page_sizes(_pdf_of(desk_store, docs[0], tmp_path))
    scanned, flat = sizes
    assert abs(flat[1] / flat[0] - 297 / 210) < 0.02  # A4 proportions after flattening
    assert docs[0].pages[0].blob != first_blob  # the newer build replaced the older one

    # Ctrl+Right moves the scanned page after the photo; R turns it; Delete removes it.
    strip = panel.strip
    strip.setFocus()
    strip.setCurrentRow(0)
    qtbot.keyClick(strip, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _page_sizes(_pdf_of(desk_store, docs[0], tmp_path)) == [flat, scanned] and strip.currentRow() == 1
    before = panel.upload_bytes()
    qtbot.keyClick(focused(), Qt.Key.Key_R)
    assert _page_sizes(_pdf_of(desk_store, docs[0], tmp_path)) == [flat, (scanned[1], scanned[0])]
    assert panel.upload_bytes() != before  # the rebuilt PDF is what the size counts
    save_screen(window, "reception_capture")
    before = panel.totals.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    final_pdf = _pdf_of(desk_store, docs[0], tmp_path)
    assert _page_sizes(final_pdf) == [flat] and strip.count() == 1
    assert panel.totals.text() != before
    text = subprocess.run(["pdftotext", str(final_pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "khai sinh" in text.lower()  # the PDF is searchable

    # A corrupt file is refused by name; the page already there stays.
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    panel.file_chooser = lambda _parent: [broken]
    panel.import_files()
    assert panel.message.text().startswith("hong.jpg: tệp bị hỏng hoặc không đầy đủ") or \
        panel.message.text().startswith("hong.jpg: không phải ảnh hay PDF"), panel.message.text()
    assert panel.message.isVisible()
    assert strip.count() == 1 and _pdf_of(desk_store, docs[0], tmp_path) == final_pdf

    # The ID card page, imported into the ID document, fills the applicant from its QR.
    card = specimens["id"]
    card_file = tmp_path / "cccd.png"
    card.image.save(card_file, dpi=(card.dpi, card.dpi))
    table.setCurrentIndex(page.form.documents.model.index(ID_ROW, 0))
    assert "căn cước" in docs[ID_ROW].name.lower() or "tùy thân" in docs[ID_ROW].name.lower()
    panel.file_chooser = lambda _parent: [card_file]
    panel.import_files()
    assert panel.strip.count() == 1, panel.message.text()
    id_number = card.qr_payload.split("|")[0]
    assert page.form.applicant.fields["id_number"].text() == id_number
    assert page.form.applicant.source == "qr"

    # Confirm: the stored dossier holds the two PDFs.
    table.setFocus()
    table.setCurrentIndex(page.form.documents.model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # the birth certificate, shown on paper
    page.refresh_preview()
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = page.last_result
    assert result is not None, page.summary.problems.toolTip()
    with desk_store.read_session() as session:
        dossier = session.scalar(select(Dossier).where(Dossier.code == result.code))
        stored = session.scalars(select(Page).join(Document, Page.document_id == Document.id)
                                 .where(Document.dossier_id == dossier.id)).all()
        assert len(stored) == 2
    assert not panel.book.pages(0)  # a fresh form for the next citizen
    # Nothing the citizen brought lies in the clear in the data folder (a stolen laptop).
    heads = (b"%PDF-", b"\xff\xd8\xff\xe0\x00")
    clear = [p for p in Path(paths.root).rglob("*") if p.is_file() and p.read_bytes()[:5] in heads]
    assert clear == []
    window.close()


def test_webcam_without_camera_says_so_and_frames_become_photographed_pages(qtbot) -> None:
    from PySide6.QtGui import QColor
    from PySide6.QtGui import QImage

    dialog = WebcamDialog()
    qtbot.addWidget(dialog)
    assert not dialog.take_button.isEnabled()
    assert "camera" in dialog.message.text().lower()
    frame = QImage(64, 48, QImage.Format.Format_ARGB32)
    frame.fill(QColor(200, 10, 30))
    raw = raw_from_frame(frame, 3)
    assert raw.photographed and raw.image.size == (64, 48) and raw.image.getpixel((5, 5)) == (200, 10, 30)
    assert raw.source == "webcam photo 3"
    with pytest.raises(Exception, match="webcam photo 4"):
        raw_from_frame(QImage(), 4)



def test_a_page_imported_upside_down_is_turned_upright(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.reception.capture.pages import import_files

    plain = _specimens()["plain"]
    upside_down = tmp_path / "nguoc.png"
    plain.image.rotate(180).save(upside_down, dpi=(plain.dpi, plain.dpi))
    outcome = import_files([upside_down], kind="document", look_for_qr=False)
    assert not outcome.problems
    [captured] = outcome.pages
    assert captured.page.rotation == 180


def test_a_low_resolution_real_page_says_why_on_its_thumbnail(qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    from tests.capture.real_pages import real_page
    from ui.reception.capture.pages import import_files
    from ui.reception.capture.thumbs import ThumbStrip

    # A real letter of 572 x 960 px with no resolution field (about 82 dpi): kept, with a warning.
    outcome = import_files([real_page("va4_2.jpg")], kind="document", look_for_qr=False)
    assert not outcome.problems
    strip = ThumbStrip()
    qtbot.addWidget(strip)
    strip.show_pages(outcome.pages)
    item = strip.item(0)
    assert item.text().startswith("⚠")
    tip = item.toolTip()
    assert "va4_2.jpg" in tip and "82 dpi" in tip and "dpi is too low" not in tip  # worded in Vietnamese
