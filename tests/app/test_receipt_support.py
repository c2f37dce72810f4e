"""Shared helpers for the receipt and dossier-view tests: a real desk, real receptions, and the
poppler/zxing tools that read a rendered PDF back."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from app.desk_setup import create_desk
from app.paths import data_paths
from app.reception.model import (ApplicantInput, DocumentInput, PageInput, ReceptionRequest,
                                 RepresentativeInput)
from app.reception.service import checklist_for, confirm_reception
from app.reception.validation import version_in_force
from app.store.service import Store

UNIT = "000.00.06.H56"
UNIT_NAME = "Trung tâm Phục vụ hành chính công xã Tân Lập"
OFFICIAL = "Trần Thị Bình"
PASSWORD = "password-123"
BIRTH = "1.001193"  # Đăng ký khai sinh: same day, 15:00 cut-off, free
CERTIFY = "2.000815"  # Chứng thực bản sao: 2,000 đ/page (pages 1–2), 1,000 đ from page 3
# Monday 24/11/2025 09:05, a working day.
RECEIVED = datetime(2025, 11, 24, 9, 5)
NOW = datetime(2025, 11, 24, 9, 6)
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "receipts"


def make_desk(folder: Path) -> Store:
    store, _ = create_desk(data_paths(folder), unit_code=UNIT, unit_name=UNIT_NAME, admin_username="binh",
                           admin_full_name=OFFICIAL, admin_password=PASSWORD)
    return store


def configure(store: Store, **extra: object) -> None:
    values: dict[str, object] = {"unit.place_name": "Tân Lập", "unit.parent_agency": "UBND xã Tân Lập",
                                 "unit.hotline": "0210 3888 999"}
    values.update(extra)
    for key, value in values.items():
        store.set_setting(key, value)


def applicant() -> ApplicantInput:
    # 001 = Hà Nội; digits 4–6 "0" + "90" = a man born in 1990 (20th century).
    return ApplicantInput(full_name="Nguyễn Văn An", id_number="001090012345", birth_date=date(1990, 5, 17),
                          sex="Nam", address="Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
                          phone="0912345678", email="an.nguyen@example.vn")


def checklist(store: Store, code: str) -> list[DocumentInput]:
    """The procedure's checklist as the screen pre-fills it."""
    with store.read_session() as session:
        version = version_in_force(session, code, RECEIVED.date())
    assert version is not None
    return checklist_for(version)


def tick(document: DocumentInput, *, form: str, pages: list[Path], copies: int = 1) -> DocumentInput:
    document.received, document.form, document.copies = True, form, copies
    document.pages = [PageInput(path) for path in pages]
    return document


def birth_request(store: Store, page: Path, **changes: object) -> ReceptionRequest:
    """A birth registration: the form and the birth certificate received, ID card shown."""
    form, certificate, *_, identity = checklist(store, BIRTH)
    documents = [tick(form, form="original", pages=[page]),
                 tick(certificate, form="original", pages=[page, page]),
                 tick(identity, form="original", pages=[])]
    request = ReceptionRequest(procedure_code=BIRTH, applicant=applicant(), documents=documents,
                               received_at=RECEIVED)
    for key, value in changes.items():
        setattr(request, key, value)
    return request


def certify_request(store: Store, page: Path, *, pages: int, payment: str = "cash") -> ReceptionRequest:
    """A copy certification charged per page, submitted by an authorised representative."""
    original, copy = checklist(store, CERTIFY)
    return ReceptionRequest(
        procedure_code=CERTIFY, applicant=applicant(),
        documents=[tick(original, form="original", pages=[page]), tick(copy, form="copy", pages=[page])],
        fee_pages=pages, fee_copies=1, payment_method=payment, received_at=RECEIVED,
        representative=RepresentativeInput(full_name="Lê Thị Cúc", id_number="001185000123",
                                           authorisation="Văn bản ủy quyền số 12/2025"))


def receive(store: Store, request: ReceptionRequest) -> str:
    return confirm_reception(store, request, now=NOW).code


def page_file(folder: Path) -> Path:
    """A small real PNG standing in for a scanned page."""
    from PIL import Image

    path = folder / "page.png"
    Image.new("RGB", (60, 80), "white").save(path)
    return path


# --- reading a PDF back ------------------------------------------------------------------------


def need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def pdf_pages(pdf: Path) -> list[str]:
    """Text of each page as `pdftotext -layout` lays it out."""
    out = subprocess.run([need("pdftotext"), "-layout", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, check=True, text=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def cells(page: str) -> list[str]:
    """Non-empty lines, with the gaps between columns shown as ' | '."""
    return [re.sub(r" {2,}", " | ", line.strip()) for line in page.splitlines() if line.strip()]


def png_of_page(pdf: Path, page: int, out: Path, *, dpi: int = 200) -> Path:
    stem = out.with_suffix("")
    stem.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([need("pdftoppm"), "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(pdf), str(stem)], check=True, capture_output=True)
    return stem.with_suffix(".png")


def qr_texts(png: Path) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    with Image.open(png) as image:
        found = zxingcpp.read_barcodes(image.convert("L"))
    return [barcode.text for barcode in found if barcode.format == zxingcpp.BarcodeFormat.QRCode]
