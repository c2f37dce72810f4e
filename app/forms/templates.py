"""Form templates in sets, one set per circular, chosen by the day the dossier was received: a
dossier prints with the layouts in force that day, so a reprint years later looks like the original.

- Circular 01/2018/TT-VPCP (from 06/01/2019): 01 receipt, 02 supplements, 03 refusal, 04 apology,
  05 control slip, 06 register.
- Circular 03/2025/TT-VPCP (from 15/09/2025): 01 receipt, 02 supplements, 03 refusal, 04 apology
  and extension, 05 stop of processing, 06 control slip, 07 register.

Callers name a form by its 2025 code ("01".."07"); a dossier of the 2018 set gets the 2018 form of
the same meaning (code "06" prints the 2018 Mẫu 05 control slip), and a code the set lacks (05,
stop of processing, before 15/09/2025) is not available. The register (07) covers many dossiers
and is made by `motcua register`, never here. docs/forms.md lists the sources of each field list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from app.errors import InputError
from app.forms.control_slip import HANDOVER, RECEIVE_BACK, ControlSlip
from app.forms.events import FormEvent
from app.forms.notices import Apology, Refusal, StopNotice, SupplementRequest
from app.forms.receipt_2018 import Receipt2018
from app.forms.settings import ReceiptSettings
from app.reception.views import DossierView
from app.text import excerpt

KNOWN_FORMS = ("01", "02", "03", "04", "05", "06", "07")
REGISTER = "07"
CIRCULAR_2018 = "Thông tư 01/2018/TT-VPCP"
CIRCULAR_2025 = "Thông tư 03/2025/TT-VPCP"
FROM_2018 = date(2019, 1, 6)  # Circular 01/2018 took effect
FROM_2025 = date(2025, 9, 15)  # Circular 03/2025 took effect


class FormTemplate(Protocol):
    """One layout of one official form (read-only: one instance serves every render)."""

    @property
    def form(self) -> str: ...  # the 2025 code callers use

    @property
    def name(self) -> str: ...

    @property
    def basis(self) -> str: ...  # the legal text the layout follows

    @property
    def valid_from(self) -> date: ...

    def render(self, view: DossierView, settings: ReceiptSettings, *, paper: str = "A5",
               events: Sequence[FormEvent] = ()) -> bytes: ...


class Receipt2025(Receipt2018):
    """Mẫu 01 of 2025: its own field list was not found, so it prints the 2018 fields (docs/forms.md)."""

    basis = f"{CIRCULAR_2025}, Mẫu 01"
    valid_from = FROM_2025


@dataclass(frozen=True)
class FormSet:
    """The forms of one circular, by 2025 code."""

    basis: str
    valid_from: date
    templates: Mapping[str, FormTemplate]


def _sets() -> tuple[FormSet, ...]:
    def per(circular: str, start: date, number: str) -> dict[str, Any]:
        return {"number": number, "basis": f"{circular}, Mẫu {number}", "valid_from": start}

    supplement: dict[str, Any] = {"form": "02", "name": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
                  "title": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "actions": ("request_supplement",)}
    refusal: dict[str, Any] = {"form": "03", "name": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
               "title": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "actions": ("refuse",)}
    # The control slip has a four-column table with signature boxes: A4 unless asked otherwise.
    slip: dict[str, Any] = {"form": "06", "name": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            "title": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "actions": (HANDOVER, RECEIVE_BACK),
            "default_paper": "A4"}
    old, new = (CIRCULAR_2018, FROM_2018), (CIRCULAR_2025, FROM_2025)
    forms_2018: dict[str, FormTemplate] = {
        "01": Receipt2018(),
        "02": SupplementRequest(**supplement, **per(*old, "02")),
        "03": Refusal(**refusal, **per(*old, "03")),
        "04": Apology(form="04", name="Phiếu xin lỗi và hẹn lại ngày trả kết quả",
                      title="PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", actions=("apologise",),
                      subject="V/v xin lỗi đối với hồ sơ giải quyết quá hạn và hẹn lại thời gian trả kết quả",
                      **per(*old, "04")),
        "06": ControlSlip(**slip, **per(*old, "05")),
    }
    forms_2025: dict[str, FormTemplate] = {
        "01": Receipt2025(),
        "02": SupplementRequest(**supplement, **per(*new, "02")),
        "03": Refusal(**refusal, **per(*new, "03")),
        "04": Apology(form="04", name="Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
                      title="VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN\nTHỜI GIAN GIẢI QUYẾT",
                      actions=("apologise",),
                      subject="V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ", extension=True,
                      **per(*new, "04")),
        "05": StopNotice(form="05", name="Thông báo dừng giải quyết hồ sơ",
                         title="THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                         actions=("stop",), **per(*new, "05")),
        "06": ControlSlip(**slip, **per(*new, "06")),
    }
    return (FormSet(CIRCULAR_2018, FROM_2018, forms_2018), FormSet(CIRCULAR_2025, FROM_2025, forms_2025))


FORM_SETS: tuple[FormSet, ...] = _sets()


def set_for(on: date) -> FormSet:
    """The set in force on `on`; a dossier dated before the first set still prints with it."""
    in_force = [form_set for form_set in FORM_SETS if form_set.valid_from <= on]
    return in_force[-1] if in_force else FORM_SETS[0]


def form_code(form: object) -> str:
    """ "2" or " 02 " → "02"; InputError for anything that is not a one-stop form number."""
    number = form.strip() if isinstance(form, str) else ""
    if number.isdigit() and len(number) == 1:
        number = f"0{number}"
    if number not in KNOWN_FORMS:
        raise InputError(f"form: {excerpt(form)} is not a one-stop form number (01–07)")
    return number


def not_available(code: str, dossier: str, message: str) -> InputError:
    """The refusal of a form a dossier does not have (shown from kind forms.not_available)."""
    return InputError(message, kind="forms.not_available", params={"form": code, "code": dossier})


def template_for(form: str, on: date, *, dossier: str = "") -> FormTemplate:
    """The layout of `form` for a dossier received on `on`; InputError (kind forms.not_available)
    for the register and for a form the set of that day does not have."""
    code = form_code(form)
    if code == REGISTER:
        raise not_available(code, dossier, "form 07 is the register (sổ theo dõi hồ sơ) of many dossiers, "
                                           "not a form of one dossier: use `motcua register --from D --to D "
                                           "--out F.pdf`")
    form_set = set_for(on)
    template = form_set.templates.get(code)
    if template is None:
        whose = f"dossier {dossier}, received" if dossier else "a dossier received"
        raise not_available(code, dossier, f"form {code} is not available: {whose} on {on:%d/%m/%Y} prints "
                                           f"with {form_set.basis}, which has no form {code}")
    return template


def forms_for(on: date) -> list[FormTemplate]:
    """The forms any dossier received on `on` can be printed with, needing no later event: the
    receipt. The forms of one dossier, by its events, come from app.forms.render.forms_for."""
    template = set_for(on).templates.get("01")
    return [template] if template is not None else []


def actions_for(template: FormTemplate) -> tuple[str, ...]:
    """The event actions a template prints from; () for the receipt."""
    return tuple(getattr(template, "actions", ()))
