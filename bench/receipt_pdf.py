"""Benchmark: milliseconds to render one receipt (Mẫu 01, both copies, A5) from a loaded view.

The view is built in memory the way `load_dossier_view` returns it (the store read is measured
by `confirm_latency`): a birth registration with three checklist items, a paid transfer with
per-page fee tiers, a representative, and all three QR codes (lookup, survey, VietQR), so every
part of the layout is drawn. Fonts are registered once before timing, as in the running app.
Target: 80 ms per receipt.
"""

from __future__ import annotations

from datetime import date, datetime

from app.deadlines import TimeRule
from app.forms.receipt import render_receipt
from app.forms.settings import ReceiptSettings
from app.reception.views import (ApplicantView, DocumentLine, DossierView, FeeLineView, ProcedureRef,
                                 RepresentativeView, UnitRef)
from bench._common import report, time_per_call

SETTINGS = ReceiptSettings.from_values({
    "unit.place_name": "Tân Lập", "unit.parent_agency": "UBND xã Tân Lập", "unit.hotline": "0210 3888 999",
    "receipt.survey_url": "https://khaosat.example.vn/ks?ma={code}",
    "payment.vietqr": {"bin": "970436", "account": "0011004455667", "account_name": "UBND XA TAN LAP"},
})


def sample_view(number: int) -> DossierView:
    code = f"000.00.06.H56-251124-{number:04d}"
    rule = TimeRule("same_day", 0, True)
    return DossierView(
        dossier_id="bench", code=code,
        unit=UnitRef("000.00.06.H56", "Trung tâm Phục vụ hành chính công xã Tân Lập"),
        procedure=ProcedureRef("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, "
                               "tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận", date(2025, 7, 1),
                               rule.legal_days(), rule),
        applicant=ApplicantView("Nguyễn Văn An", "001090012345", date(1990, 5, 17), "Nam",
                                "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ", "0912345678",
                                "an.nguyen@example.vn"),
        representative=RepresentativeView("Lê Thị Cúc", "001185000123", "", "Văn bản ủy quyền số 12/2025"),
        documents=(DocumentLine("Bản chính giấy tờ", "original", 1, 1, True),
                   DocumentLine("Bản sao cần chứng thực (hoặc cơ quan chụp)", "copy", 1, 5, True),
                   DocumentLine("Xuất trình giấy tờ tùy thân", "original", 1, 0, True, kind="present")),
        sets=1, received_at=datetime(2025, 11, 24, 9, 5), due_at=datetime(2025, 11, 24, 17, 0),
        fee_vnd=7000, fee_lines=(FeeLineView("Trang 1–2", 2, 2000, 4000), FeeLineView("Trang 3–5", 3, 1000, 3000)),
        fee_note="", payment_method="transfer", exempt_reason="", delivery="desk", delivery_address="",
        channel="desk", destination_unit="", visit_place="", received_by="Trần Thị Bình",
        register_book=2025, register_seq=number, status="DA_TIEP_NHAN", note="")


def main() -> None:
    views = [sample_view(n) for n in range(1, 201)]  # distinct codes: no QR cache hits across calls
    render_receipt(views[0], SETTINGS)  # fonts and styles loaded once, as in the running app
    feed = iter(views * 10)
    size = len(render_receipt(views[1], SETTINGS))
    seconds = time_per_call(lambda: render_receipt(next(feed), SETTINGS), repeat=7, number=20)
    report("receipt_pdf", unit="ms", samples=[s * 1e3 for s in seconds], target=80.0,
           paper="A5", copies=2, qr_codes=3, pdf_bytes=size, calls_per_sample=20)


if __name__ == "__main__":
    main()
