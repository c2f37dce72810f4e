"""The register's columns and the two official layouts it is printed in.

Circular 03/2025/TT-VPCP (in force 15/9/2025) numbers the register Mẫu 07; Circular
01/2018/TT-VPCP numbered it Mẫu 06. The 2025 field list was not found (domain.md §2.2), so both
layouts share the 2018 columns and differ in the form number and legal basis they print.
docs/register.md tags each column as verified, from a production export, or inferred.

A register covers a period; it is printed in the layout in force on the period's last day (a
register for September 2025 is closed after 15/9/2025, under the 2025 circular).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DATE_GROUP = "Ngày, tháng, năm"


@dataclass(frozen=True)
class RegisterLayout:
    form: str  # the form number in its circular, as printed
    basis: str
    valid_from: date


LAYOUT_2018 = RegisterLayout("06", "Thông tư số 01/2018/TT-VPCP", date(2019, 1, 6))
LAYOUT_2025 = RegisterLayout("07", "Thông tư số 03/2025/TT-VPCP", date(2025, 9, 15))
LAYOUTS = (LAYOUT_2018, LAYOUT_2025)  # oldest first


def layout_for(day: date) -> RegisterLayout:
    """The layout in force on `day` (the oldest for days before any took effect)."""
    in_force = [layout for layout in LAYOUTS if layout.valid_from <= day]
    return in_force[-1] if in_force else LAYOUTS[0]


@dataclass(frozen=True)
class Column:
    """One column: `key` names the RegisterRow value; `head` is the heading on paper (under
    `group` when it has one) and `flat` the one-line heading of spreadsheets."""

    key: str
    head: str
    flat: str
    kind: str  # "int" | "text" | "moment"
    group: str = ""


# On paper: address and phone share a cell, as in the 2018 form.
PRINTED: tuple[Column, ...] = (
    Column("seq", "STT", "STT", "int"),
    Column("code", "Mã hồ sơ", "Mã hồ sơ", "text"),
    Column("procedure_name", "Tên thủ tục hành chính", "Tên thủ tục hành chính", "text"),
    Column("sets", "Số lượng hồ sơ (bộ)", "Số lượng hồ sơ (bộ)", "int"),
    Column("applicant_name", "Tên cá nhân, tổ chức", "Tên cá nhân, tổ chức", "text"),
    Column("address_phone", "Địa chỉ, số điện thoại", "Địa chỉ, số điện thoại", "text"),
    Column("processing_body", "Cơ quan chủ trì giải quyết", "Cơ quan chủ trì giải quyết", "text"),
    Column("received_at", "Nhận hồ sơ", "Ngày nhận hồ sơ", "moment", DATE_GROUP),
    Column("due_at", "Hẹn trả kết quả", "Ngày hẹn trả kết quả", "moment", DATE_GROUP),
    Column("handed_over_at", "Chuyển hồ sơ đến cơ quan giải quyết",
           "Ngày chuyển hồ sơ đến cơ quan giải quyết", "moment", DATE_GROUP),
    Column("received_back_at", "Nhận kết quả từ cơ quan giải quyết",
           "Ngày nhận kết quả từ cơ quan giải quyết", "moment", DATE_GROUP),
    Column("returned_at", "Trả kết quả cho cá nhân, tổ chức",
           "Ngày trả kết quả cho cá nhân, tổ chức", "moment", DATE_GROUP),
    Column("received_by", "Người tiếp nhận", "Người tiếp nhận", "text"),
    Column("returned_to", "Ký nhận", "Ký nhận (người nhận kết quả)", "text"),
    Column("note", "Ghi chú", "Ghi chú", "text"),
)

# In spreadsheets every value has a column of its own, so it can be sorted and filtered:
# address and phone apart, and the procedure's code added.
_SPLIT = {
    "address_phone": (Column("address", "Địa chỉ", "Địa chỉ", "text"),
                      Column("phone", "Số điện thoại", "Số điện thoại", "text")),
    "procedure_name": (Column("procedure_code", "Mã thủ tục", "Mã thủ tục", "text"),
                       Column("procedure_name", "Tên thủ tục hành chính", "Tên thủ tục hành chính", "text")),
}
TABULAR: tuple[Column, ...] = tuple(
    part for column in PRINTED for part in _SPLIT.get(column.key, (column,))
)
