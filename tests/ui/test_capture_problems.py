"""Capture problems shown in Vietnamese, worded from their kind and naming the file, page or scanner
they concern; never the back end's English."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from app.capture.sources.base import DeviceLostError, NoPaperError
from ui.reception.capture import pages as capture
from ui.reception.capture.problem_text import capture_error_text


def _shown(paths: list[Path]) -> list[str]:
    outcome = capture.import_files(paths, kind="document", look_for_qr=False)
    return [capture_error_text(problem) for problem in outcome.problems]


def test_refused_files_are_named_in_vietnamese(vietnamese, tmp_path: Path) -> None:
    empty = tmp_path / "rong.png"
    empty.write_bytes(b"")
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    text = tmp_path / "ghi chu.docx"
    text.write_text("hello", encoding="utf-8")
    low = tmp_path / "anh.png"
    Image.new("L", (600, 840), 255).save(low, dpi=(72, 72))
    shown = _shown([empty, broken, text, tmp_path / "mat.png", low])
    assert shown[0] == "rong.png: tệp trống (0 byte)."
    assert shown[1] == "hong.jpg: tệp bị hỏng hoặc không đầy đủ; hãy sao chép hoặc quét lại."
    assert shown[2] == "ghi chu.docx: không phải ảnh hay PDF; hãy dùng JPEG, PNG, TIFF hoặc PDF."
    assert shown[3] == "mat.png: tệp không còn nữa."
    assert len(shown) == 4  # a 72 dpi page is kept, with a warning on its thumbnail instead
    assert not any(str(tmp_path) in line for line in shown)  # the name, never the whole path
    [kept] = capture.import_files([low], kind="document", look_for_qr=False).pages
    from ui.reception.capture.thumbs import page_warnings

    assert page_warnings(kept) == ["anh.png, trang 1: độ phân giải 72 dpi quá thấp để đọc được chắc chắn; "
                                   "hãy quét lại ở 200 dpi trở lên."]


def test_scanner_failures_name_the_scanner_and_say_what_was_kept(vietnamese) -> None:
    lost = DeviceLostError("escl:http://x: page 3 never became ready", device_id="escl:http://x",
                           pages=[object(), object()], kind="capture.scanner_lost_at_page", params={"page": 3})
    assert capture_error_text(lost) == ("Máy quét escl:http://x ngừng trả lời ở trang 3. "
                                        "Đã giữ lại 2 trang quét trước đó.")
    assert capture_error_text(NoPaperError("x: the document feeder is empty", device_id="x")) == \
        "Khay nạp giấy đang trống: đặt giấy vào rồi quét lại."
    vanished = DeviceLostError("sane:a: the scanner stopped answering", device_id="sane:a")
    assert capture_error_text(vanished) == "Máy quét sane:a ngừng trả lời giữa chừng."
