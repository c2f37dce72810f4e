"""Forms 02–05: what the desk hands the applicant after an action on the dossier.

- 02 PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ (request_supplement: items, reason);
- 03 PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ (refuse: reason);
- 04 PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ (2018) / VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI
  GIAN GIẢI QUYẾT (2025) (apologise: old and new appointment, reason);
- 05 THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ (2025 only; stop: reason).

Each is an `EventForm`: one layout, instantiated once per circular with that circular's number,
name and effective date (app/forms/templates.py). The field lists follow Circular 01/2018/TT-VPCP;
the 2025 field lists were not found, so the 2025 versions print the 2018 fields under the 2025
names, and form 05 (new in 2025) is laid out like the 2018 letters — docs/forms.md says which
wording is verified, single-source or inferred.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.errors import InputError
from app.forms.events import FormEvent
from app.forms.layout import DESK, EMPTY, ROW_SPLIT, Signer, build, contact_lines, grid, header, signatures
from app.forms.pdf import Paper, Styles, esc, paper_for, styles_for, vi_moment
from app.forms.settings import ReceiptSettings
from app.reception.views import DossierView


@dataclass(frozen=True)
class FormPage:
    """Everything one rendering lays out: the dossier, the unit's settings, the paper, the events."""

    view: DossierView
    settings: ReceiptSettings
    sheet: Paper
    st: Styles
    events: tuple[FormEvent, ...]

    @property
    def event(self) -> FormEvent:
        """The event the form is about (the last one given)."""
        return self.events[-1]

    @property
    def gap(self) -> float:
        return self.sheet.font_size * 0.45

    def body(self, markup: str) -> Paragraph:
        return Paragraph(markup, self.st.body)

    # The lines several forms print about the dossier, worded once.

    def desk_line(self) -> Paragraph:
        return self.body(f"{DESK}: {esc(self.view.unit.name)}")

    def applicant_line(self, lead: str) -> Paragraph:
        return self.body(f"{lead}: <b>{esc(self.view.applicant.full_name)}</b>")

    def procedure_line(self) -> Paragraph:
        return self.body(f"Nội dung yêu cầu giải quyết: <b>{esc(self.view.procedure.name)}</b>")

    def contacts(self) -> list[Flowable]:
        applicant = self.view.applicant
        return contact_lines(applicant.address, applicant.phone, applicant.email, self.st)

    def addressee(self) -> list[Flowable]:
        """`Kính gửi: Ông/Bà …`, centred, as letters open."""
        return [Paragraph(f"Kính gửi: Ông/Bà <b>{esc(self.view.applicant.full_name)}</b>", self.st.center),
                Spacer(0, self.gap * 0.6)]

    def reason(self) -> Paragraph:
        return self.body(f"Lý do: {esc(self.event.text('reason') or EMPTY)}")

    def signed(self, left: Signer | Sequence[Flowable] | None, right: Signer) -> list[Flowable]:
        """The signature block, kept whole on one page."""
        return [Spacer(0, self.gap), KeepTogether([signatures(self.sheet, self.st, left, right)])]

    def received(self) -> str:
        """The letters' opening: when the dossier was received, for what, under which code."""
        view = self.view
        return (f"{esc(view.unit.name)} đã tiếp nhận hồ sơ của Ông/Bà vào {vi_moment(view.received_at)}, về "
                f"việc {esc(view.procedure.name)}, mã hồ sơ {esc(view.code)}.")


@dataclass(frozen=True)
class EventForm:
    """One layout of a form printed from a dossier's events; stateless, shared by every render."""

    form: str  # the code callers use: the 2025 numbering ("06" is the control slip in both sets)
    number: str  # the number in its own circular (the 2018 control slip is Mẫu 05)
    name: str
    title: str
    basis: str  # the legal text the layout follows
    valid_from: date
    actions: tuple[str, ...]  # the event actions the form is printed from
    default_paper: str | None = None  # None: the unit's "receipt.paper" setting
    all_events: bool = False  # True: the form lists every event of its actions (the control slip)

    def render(self, view: DossierView, settings: ReceiptSettings, *, paper: str = "A5",
               events: Sequence[FormEvent] = ()) -> bytes:
        if not events:  # render.py never gets here: it refuses first, naming the dossier
            raise InputError(f"form {self.form}: no {'/'.join(self.actions)} event to print",
                             kind="forms.not_available", params={"form": self.form, "code": view.code})
        sheet = paper_for(paper)
        page = FormPage(view, settings, sheet, styles_for(sheet.name), tuple(events))
        return build(self.story(page), sheet, code=view.code, title=f"{self.name} – {view.code}",
                     author=view.unit.name, subject=f"Mẫu {self.number} – {self.basis}")

    def story(self, page: FormPage) -> list[Flowable]:
        raise NotImplementedError

    def top(self, page: FormPage, *, day: date, subject: str = "") -> list[Flowable]:
        """Header, title and the dossier code: how every form starts."""
        view, st = page.view, page.st
        return [header(view.unit.name, page.settings, page.sheet, st, number=f"{view.register_seq:04d}",
                       day=day, subject=subject),
                # A long title is given with its line break where it reads best ("\n").
                Spacer(0, page.gap * 1.6), Paragraph(esc(self.title).replace("\n", "<br/>"), st.title),
                Paragraph(f"Mã hồ sơ: <b>{esc(view.code)}</b>", st.center), Spacer(0, page.gap)]


# --- 02 --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupplementRequest(EventForm):
    """Mẫu 02: what the applicant must add or complete, and why."""

    def story(self, page: FormPage) -> list[Flowable]:
        view, event = page.view, page.event
        story = self.top(page, day=event.at.date())
        story += [
            page.desk_line(), page.applicant_line("Tiếp nhận hồ sơ của Ông/Bà"), page.procedure_line(),
            *page.contacts(),
            page.body("Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:"),
            _items_table(event.texts("items"), page),
            Spacer(0, page.gap * 0.5),
            page.reason(),
            page.body(f"Thời gian yêu cầu: {vi_moment(event.at)}"),
        ]
        paused = event.moment("paused_at")
        if paused is not None and view.due_at is not None:
            # Only a dossier that had an appointment has a running clock to stop.
            story.append(page.body(f"Thời hạn giải quyết hồ sơ tạm dừng từ {vi_moment(paused)} và được tính "
                                   "tiếp khi Ông/Bà nộp đủ hồ sơ bổ sung, hoàn thiện."))
        phone = f", số điện thoại {esc(page.settings.hotline)}" if page.settings.hotline else ""
        official = f" {esc(event.by)}" if event.by else ""
        story += [
            page.body("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ "
                      f"công chức{official} "
                      f"tại {DESK}{phone} để được hướng dẫn./."),
            *page.signed(None, Signer("NGƯỜI HƯỚNG DẪN", event.by)),
        ]
        return story


def _items_table(items: list[str], page: FormPage) -> Table:
    st, width = page.st, page.sheet.width
    rows: list[list[Flowable | str]] = [[Paragraph("TT", st.cell_head),
                                         Paragraph("Nội dung cần bổ sung, hoàn thiện", st.cell_head)]]
    rows += [[Paragraph(str(number), st.cell_center), Paragraph(esc(item), st.cell)]
             for number, item in enumerate(items, 1)]
    if not items:
        rows.append(["", Paragraph(EMPTY, st.cell)])
    table = Table(rows, colWidths=[width * 0.08, width * 0.92], repeatRows=1, splitInRow=ROW_SPLIT)
    table.setStyle(grid())
    return table


# --- 03 --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal(EventForm):
    """Mẫu 03: the dossier is not accepted for processing, and why."""

    def story(self, page: FormPage) -> list[Flowable]:
        view, event = page.view, page.event
        story = self.top(page, day=event.at.date())
        story += [
            page.desk_line(), page.applicant_line("Tiếp nhận hồ sơ của"), *page.contacts(), page.procedure_line(),
            page.body(f"Qua xem xét, {esc(view.unit.name)} thông báo không tiếp nhận, giải quyết hồ sơ này "
                      "với lý do cụ thể như sau:"),
            page.body(f"<b>{esc(event.text('reason') or EMPTY)}</b>"),
            page.body("Xin thông báo cho Ông/Bà được biết và thực hiện./."),
            *page.signed(Signer("NGƯỜI NỘP HỒ SƠ", view.submitted_by), Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", event.by)),
        ]
        return story


# --- 04 --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Apology(EventForm):
    """Mẫu 04: the result is late; an apology and the new appointment (2025: a request to extend)."""

    subject: str = ""
    extension: bool = False  # 2025 wording: the letter asks the applicant to accept the extension

    def story(self, page: FormPage) -> list[Flowable]:
        view, event = page.view, page.event
        old_due = event.moment("old_due") or view.due_at
        new_due = event.moment("new_due")
        unit = esc(view.unit.name)
        story = self.top(page, day=event.at.date(), subject=self.subject)
        story += [
            *page.addressee(),
            page.body(f"{page.received()} Thời gian hẹn trả kết quả là {_moment(old_due)}."),
            page.body("Tuy nhiên, hồ sơ của Ông/Bà chưa có kết quả đúng thời gian đã hẹn. "
                      f"Lý do: {esc(_sentence(event.text('reason')))}."),
        ]
        if self.extension:
            story.append(page.body(f"{unit} chân thành xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị "
                                   f"Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ đến {_moment(new_due)}."))
        else:
            story.append(page.body(f"{unit} chân thành xin lỗi Ông/Bà vì sự chậm trễ này và rất mong nhận "
                                   "được sự thông cảm của Ông/Bà."))
        story += [
            page.body(f"Hồ sơ của Ông/Bà được hẹn trả kết quả vào <b>{_moment(new_due)}</b>, tại "
                      f"{esc(_delivery(view))}."),
            page.body("Trân trọng./."),
            *page.signed([Paragraph(text, page.st.note) for text in
                          ("<b><i>Nơi nhận:</i></b>", "- Như trên;", f"- {DESK};", "- Lưu: VT.")],
                         Signer("THỦ TRƯỞNG CƠ QUAN", "", "(Ký, ghi rõ họ tên và đóng dấu)")),
        ]
        return story


def _moment(moment: datetime | None) -> str:
    return vi_moment(moment) if moment is not None else "chưa xác định"


def _sentence(text: str) -> str:
    """A reason printed inside a sentence: no trailing full stop (the form adds its own)."""
    return text.rstrip(" .") or EMPTY


def _delivery(view: DossierView) -> str:
    if view.delivery == "post":
        address = view.delivery_address or view.applicant.address or EMPTY
        return f"địa chỉ nhận qua dịch vụ bưu chính công ích: {address}"
    return DESK


# --- 05 (2025) -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StopNotice(EventForm):
    """Mẫu 05 of 2025: processing stops at the applicant's request."""

    def story(self, page: FormPage) -> list[Flowable]:
        view, event = page.view, page.event
        unit = esc(view.unit.name)
        story = self.top(page, day=event.at.date())
        story += [
            *page.addressee(), *page.contacts(), page.body(page.received()),
            page.body(f"Theo đề nghị của Ông/Bà, {unit} thông báo dừng giải quyết hồ sơ nêu trên kể từ "
                      f"{vi_moment(event.at)}."),
            page.reason(),
            page.body("Xin thông báo để Ông/Bà được biết./."),
            *page.signed(Signer("NGƯỜI NỘP HỒ SƠ", view.submitted_by), Signer("NGƯỜI LẬP THÔNG BÁO", event.by)),
        ]
        return story
