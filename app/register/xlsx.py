"""The register as an Excel workbook (openpyxl): real dates and numbers, not text.

One sheet: the unit, title, period and layout on the first rows, then one heading row in
Vietnamese with a filter, frozen so it stays in view, and one row per dossier. Moments are
Excel date-times shown as dd/mm/yyyy hh:mm, STT and the number of sets are integers, so a
desk can sort, filter and count without converting anything. Every text cell is written as
text even when it starts with "=": a name typed as a formula never runs in someone's Excel.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.register.layout import TABULAR
from app.register.rows import Register
from app.training import TRAINING_MARK

MOMENT_FORMAT = "dd/mm/yyyy hh:mm"
HEAD_ROW = 6
SHEET_TITLE = "Sổ theo dõi hồ sơ"
# Column widths in characters, by column key.
WIDTHS = {"seq": 6, "code": 27, "procedure_code": 14, "procedure_name": 45, "sets": 10,
          "applicant_name": 24, "address": 40, "phone": 14, "processing_body": 24,
          "received_by": 22, "returned_to": 26, "note": 40}
MOMENT_WIDTH = 17


def render_register_xlsx(register: Register) -> bytes:
    """The register as .xlsx bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    book.properties.title = f"{SHEET_TITLE} – {register.unit_name}"
    book.properties.creator = "MotCua Desk"
    _title_rows(sheet, register)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, column in enumerate(TABULAR, 1):
        cell = sheet.cell(HEAD_ROW, index, column.flat)
        cell.font, cell.alignment = bold, wrap
        letter = get_column_letter(index)
        width = MOMENT_WIDTH if column.kind == "moment" else WIDTHS.get(column.key, 16)
        sheet.column_dimensions[letter].width = width
    sheet.row_dimensions[HEAD_ROW].height = 45
    keys = [column.key for column in TABULAR]
    texts = [index for index, column in enumerate(TABULAR, 1) if column.kind == "text"]
    moments = [index for index, column in enumerate(TABULAR, 1) if column.kind == "moment"]
    for number, row in enumerate(register.rows, HEAD_ROW + 1):
        values = [None if value == "" else value for value in map(row.value, keys)]
        sheet.append(values)  # the cheap way in: a month is 70,000 cells
        for index in moments:
            if values[index - 1] is not None:
                sheet.cell(number, index).number_format = MOMENT_FORMAT
        for index in texts:
            value = values[index - 1]
            if isinstance(value, str) and value.startswith("="):
                sheet.cell(number, index).data_type = "s"  # text stays text, never a formula
    last = HEAD_ROW + len(register.rows)
    sheet.auto_filter.ref = f"A{HEAD_ROW}:{get_column_letter(len(TABULAR))}{max(last, HEAD_ROW)}"
    # Headings and the STT/code columns stay in view while scrolling.
    sheet.freeze_panes = sheet.cell(HEAD_ROW + 1, 3)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    if register.training:  # printed from Excel, every page still says it is a training copy
        sheet.oddHeader.center.text = TRAINING_MARK
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _title_rows(sheet: object, register: Register) -> None:
    period = f"Từ ngày {register.period.start:%d/%m/%Y} đến ngày {register.period.end:%d/%m/%Y}"
    lines = (
        (1, register.unit_name.upper(), Font(bold=True)),
        (2, "SỔ THEO DÕI HỒ SƠ" + (f" – {TRAINING_MARK}" if register.training else ""), Font(bold=True, size=14)),
        (3, period, Font(italic=True)),
        (4, f"Mẫu số {register.layout.form} – {register.layout.basis}. Tổng số: {len(register.rows)} hồ sơ.",
         Font(italic=True, size=9)),
    )
    for row, text, font in lines:
        cell = sheet.cell(row, 1, text)  # type: ignore[attr-defined]
        cell.font = font
        cell.data_type = "s"
