"""The Vietnamese wording official documents print: status names, document forms, payment methods,
reception channels and the processing time of a procedure.

Official forms are Vietnamese documents by law, so these words are fixed Vietnamese text, kept
here beside the forms rather than as `*_vi` attributes of domain objects (app/statuses.py,
app/deadlines.py and app/reception/views.py hold codes and rule data only). They are used by the
forms in this package and by the command line's summaries, which print what the forms print.
Screens never use them: ui/ words statuses, forms and rules itself with tr(), in the desk's
language (ui/words.py); tests/ui/test_no_english.py checks what the screens show.
"""

from __future__ import annotations

from datetime import time

from app.deadlines import TimeRule

STATUS_NAMES = {
    "DA_TIEP_NHAN": "Mới tiếp nhận",
    "TU_CHOI": "Từ chối tiếp nhận",
    "DANG_XU_LY": "Đang xử lý",
    "CHO_BO_SUNG": "Chờ bổ sung",
    "CHO_NVTC": "Chờ thực hiện nghĩa vụ tài chính",
    "RUT": "Công dân rút hồ sơ",
    "DUNG": "Dừng xử lý",
    "CO_KET_QUA": "Đã có kết quả, chờ trả",
    "DA_TRA": "Đã trả kết quả",
}
FORM_NAMES = {"original": "Bản chính", "certified_copy": "Bản sao chứng thực", "copy": "Bản chụp"}
PAYMENT_NAMES = {"cash": "Tiền mặt", "transfer": "Chuyển khoản", "exempt": "Miễn"}
CHANNEL_NAMES = {"desk": "Trực tiếp tại Bộ phận một cửa", "post_office": "Qua điểm bưu điện",
                 "community": "Qua Tổ công nghệ số cộng đồng"}
_UNIT_WORDS = {"working_day": "ngày làm việc", "day": "ngày", "hour": "giờ làm việc"}


def status_name(code: str) -> str:
    """The status as the forms name it; an unknown code as it is."""
    return STATUS_NAMES.get(code, code)


def form_name(code: str) -> str:
    return FORM_NAMES.get(code, code)


def _clock(clock: time) -> str:
    """'15 giờ' or '15 giờ 30', the way a Vietnamese receipt states a time of day."""
    return f"{clock.hour} giờ" + (f" {clock.minute:02d}" if clock.minute else "")


def rule_text(rule: TimeRule, *, cutoff: time = time(15, 0)) -> str:
    """The rule as officials write it, e.g. '3 ngày làm việc'; `cutoff` is the unit's cut-off."""
    after = f"nhận sau {_clock(cutoff)}"
    if rule.unit == "same_day":
        return f"Trong ngày ({after}: ngày làm việc tiếp theo)" if rule.cutoff_15h else "Trong ngày"
    text = f"{rule.value} {_UNIT_WORDS[rule.unit]}"
    return f"{text} ({after}: tính từ ngày làm việc tiếp theo)" if rule.cutoff_15h else text
