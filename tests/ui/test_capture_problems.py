"""Capture problems shown in Vietnamese, keeping the name of the file or page they concern."""

from __future__ import annotations

from app.capture.sources.base import DeviceLostError, NoPaperError
from app.errors import InputError
from ui.capture.problem_text import capture_error_text, capture_problem_text


def test_file_problems_keep_the_file_name(vietnamese) -> None:
    assert capture_problem_text("/tmp/x/hong.jpg: the image is damaged or truncated (OSError())") == \
        "hong.jpg: tệp bị hỏng hoặc không đầy đủ; hãy sao chép hoặc quét lại."
    assert capture_problem_text("/a/rong.png: the file is empty (0 bytes)") == "rong.png: tệp trống (0 byte)."
    assert capture_problem_text("/a/hs.pdf: the PDF is encrypted with a password; save …").startswith(
        "hs.pdf: tệp PDF có mật khẩu")
    assert capture_problem_text("file:/a/anh.jpg page 2: 96 dpi is below the 200 dpi floor for documents") \
        .startswith("anh.jpg page 2: độ phân giải quá thấp")
    # What the table does not know is shown as the back end wrote it: nothing is hidden.
    assert capture_problem_text("scanner X: something new happened") == "scanner X: something new happened"


def test_scanner_failures_say_what_was_kept(vietnamese) -> None:
    lost = DeviceLostError("escl:http://x: page 3 never became ready", device_id="escl:http://x",
                           pages=[object(), object()])
    assert capture_error_text(lost) == ("Máy quét ngừng trả lời giữa chừng. "
                                        "Đã giữ lại 2 trang quét trước đó.")
    assert capture_error_text(NoPaperError("x: the document feeder is empty", device_id="x")) == \
        "Khay nạp giấy đang trống: đặt giấy vào rồi quét lại."
    assert capture_error_text(InputError("/a/b.docx: not a supported file type (use JPEG…)")) == \
        "b.docx: không phải ảnh hay PDF; hãy dùng JPEG, PNG, TIFF hoặc PDF."
