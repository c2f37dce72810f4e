"""The desk app driven through every path of a dossier's life by keyboard, on a real X server.

The real app (`python -m ui.launcher`) runs as its own process on Xvfb with Qt's xcb platform,
enrolled with a real portal on loopback; xdotool sends real X key events to whichever window has
the input focus, as a keyboard does. The official signs in, receives a dossier (procedure,
chip-ID QR from a wedge reader, documents ticked, Ctrl+Enter), saves the receipt as PDF through
the file dialog, receives one with a required document missing (form 02, no appointment), then
takes dossiers through every action: hand over → receive back → result ready → return to the
applicant; return to a representative; return by post; request supplements → supplements
received (form 01 with the new appointment); refuse; apologise with a new appointment; stop;
withdraw. Each step waits for the window it expects to have the focus and for the store to say
what happened; then the portal must have every change. The app starts again and the supervisor
reads the first dossier's audit trail (Ctrl+Shift+L).

Skipped only when Xvfb, xdotool or xmodmap is missing or the X server cannot start
(scripts/setup.sh test installs them). Screens of each step go to tests/screens.py's folder;
`MOTCUA_SCREENS=docs/screens` refreshes the docs' list.png, detail.png, return.png and
reports.png from this run of the real app.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.clock import local_now
from app.forms.templates import template_for
from app.lifecycle.actions import act
from app.lifecycle.machine import allowed_actions
from app.paths import DataPaths
from app.reception.service import confirm_reception
from app.store.models import Dossier, Draft, OutboxItem, StatusEvent
from tests.app.lifecycle_support import OFFICIAL_PASSWORD, desk_copy, sign_in
from tests.app.reception_support import birth_request
from tests.screens import publishing_docs, screens_folder
from tests.ui.x11 import Keyboard, missing_tools, wait_for, xvfb

ROOT = Path(__file__).resolve().parents[2]
APP = " — MotCua Desk$"
MAIN = "^UBND xã Tân Lập" + APP
BIRTH = "1.001193"
SYNTHETIC = 160  # dossiers already in the store: the list looks like a desk's, search must find one
# Chip-ID QR payloads as a wedge reader types them (fictitious citizens).
QR_LAN = "001190012345|012345678|Nguyễn Thị Lan|01051990|Nữ|Số 5, thôn Đông, xã Tân Lập|15082021"
QR_HUNG = "036088004321||Trần Văn Hùng|12031988|Nam|Xóm 3, xã Tân Lập|20042022"

pytestmark = pytest.mark.skipif(bool(missing_tools()),
                                reason=f"needs {', '.join(missing_tools())} on PATH (scripts/setup.sh test)")


def form_title(form: str, code: str) -> str:
    """The viewer's window title for form `form` of dossier `code` (received today)."""
    return f"^{template_for(form, local_now().date()).name} — hồ sơ {code}{APP}"


class Desk:
    """The running app seen from outside: keys in, the store and the screen out."""

    def __init__(self, keyboard: Keyboard, store: Any) -> None:
        self.kb, self.store = keyboard, store

    def wait(self, what: str, check: Any, timeout: float = 20.0) -> Any:
        return wait_for(what, check, timeout, lambda: f"Focused: {self.kb.focused_title()!r}; "
                                                      f"screen: {self.kb.shot('timeout')}")

    def status(self, code: str) -> str:
        with self.store.read_session() as session:
            return str(session.scalar(select(Dossier.status).where(Dossier.code == code)))

    def wait_status(self, code: str, status: str) -> None:
        wait_for(f"{code} to be {status}", lambda: self.status(code) == status,
                 on_timeout=lambda: f"it is {self.status(code)}; screen: {self.kb.shot('timeout')}")

    def last_event(self, code: str) -> StatusEvent:
        with self.store.read_session() as session:
            dossier_id = session.scalar(select(Dossier.id).where(Dossier.code == code))
            return session.scalars(select(StatusEvent).where(StatusEvent.dossier_id == dossier_id)
                                   .order_by(StatusEvent.at.desc(), StatusEvent.id.desc())).first()

    def draft(self) -> dict[str, Any]:
        with self.store.read_session() as session:
            row = session.scalars(select(Draft).order_by(Draft.updated_at.desc())).first()
            return dict(row.data) if row is not None else {}

    def scan_card(self, payload: str, id_number: str) -> None:
        """The wedge reader types the card's QR; the draft then holds the applicant. A scan the
        desk refuses (a letter xdotool garbled) changes nothing, so it is scanned again, as an
        official would."""
        def filled() -> bool:
            return (self.draft().get("applicant") or {}).get("id_number") == id_number
        for _attempt in range(2):
            self.kb.type(payload)
            try:
                wait_for("the QR to fill the applicant", filled, timeout=8)
                return
            except AssertionError:
                continue
        self.wait("the QR to fill the applicant", filled)

    def newest_code(self, known: set[str]) -> str | None:
        with self.store.read_session() as session:
            codes = set(session.scalars(select(Dossier.code)))
        new = codes - known
        return new.pop() if len(new) == 1 else None

    def open_dossier(self, code: str) -> None:
        """Hồ sơ page, Ctrl+F, the code, Enter to the list, Enter opens the detail."""
        self.kb.wait_focus(MAIN)  # a dialog just closed: keys sent before the focus is back are lost
        self.kb.key("ctrl+2")
        self.kb.key("ctrl+f", "ctrl+a")
        self.kb.type(code)
        self.kb.key("Return", "Return")
        self.kb.wait_focus(f"^Hồ sơ {code}{APP}")

    def act(self, code: str, action: str, role: str, *fields: str, form: str | None, shot: str = "") -> None:
        """From the open detail: Ctrl+K, arrows to the action, Enter, fill the fields (Tab
        between them), Ctrl+Enter; then the form in the viewer (Esc closes it)."""
        actions = allowed_actions(self.status(code), role)
        self.kb.key("ctrl+k", *(["Down"] * actions.index(action)), "Return")
        self.kb.wait_focus(f" — hồ sơ {code}{APP}")
        for i, text in enumerate(fields):
            if i:
                self.kb.key("Tab")
            self.kb.type(text)
        if shot:
            self.kb.shot(shot)
        self.kb.key("ctrl+Return")
        if form is not None:
            self.kb.wait_focus(form_title(form, code))
            self.kb.shot(f"{action}-form-{form}")
            self.kb.key("Escape")
        self.kb.wait_focus(f"^Hồ sơ {code}{APP}")


def seed(paths: DataPaths, folder: Path, count: int) -> list[str]:
    """A unit's last weeks (generated: names, procedures, officials, due colours), then `count`
    birth registrations received by lan a fortnight ago (so already late)."""
    from bench.synthetic import fill_store

    store = sign_in(paths, "lan")
    try:
        fill_store(store, SYNTHETIC, today=local_now().date(), days=12, details=False)
        codes = []
        for i in range(count):
            request = dataclasses.replace(birth_request(store, folder / f"pages-{i}"),
                                          received_at=(local_now() - timedelta(days=14)).replace(microsecond=0))
            codes.append(confirm_reception(store, request).code)
        return codes
    finally:
        store.close()


@pytest.fixture
def x_display(tmp_path: Path) -> Any:
    try:
        with xvfb(tmp_path / "xvfb.log") as display:
            yield display
    except RuntimeError as exc:
        pytest.skip(f"the X server cannot run here: {exc}")


def test_every_path_of_a_dossier_by_keyboard_on_x(tmp_path: Path, x_display: str, built_translations: None) -> None:
    from portal.admin import create_enrolment_token
    from sync.enrolment import enrol
    from testing.portal_child import portal_child

    paths = desk_copy(tmp_path / "desk")
    seeded = seed(paths, tmp_path, 7)
    representative, post, supplements, refused, late, stopped, withdrawn = seeded
    portal_db = f"sqlite:///{tmp_path / 'portal.db'}"
    # Every step's screen beside the other tests' pictures; never into the docs (only published() goes there).
    shots = tmp_path / "screens" if publishing_docs() else screens_folder() / "x11-drive"
    with portal_child(portal_db, tmp_path / "blobs", tmp_path / "portal.log") as portal:
        admin = sign_in(paths, "admin")
        enrol(admin, portal.url, create_enrolment_token(portal_db, admin.unit.code))
        admin.close()
        lan = sign_in(paths, "lan")
        for code in (representative, post):
            act(lan, code, "result_ready")
        env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "MOTCUA_LANG": "vi",
               "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
        keyboard = Keyboard(x_display, shots)
        keyboard.map_letters([Path(__file__).read_text(encoding="utf-8")])  # every text typed is here
        try:
            with desk_app(paths, env, tmp_path / "app.log") as app:
                received = drive(Desk(keyboard, lan), seeded, tmp_path)
                assert app.poll() is None
                # Every change reached the portal: the outbox empties on its own (the app syncs).
                wait_for("the outbox to be delivered", lambda: not pending(lan), timeout=30,
                         on_timeout=lambda: f"pending: {pending(lan)}")
                # …and the portal holds each dossier in the status the desk shows.
                from portal.admin import list_dossiers

                at_portal = {row["code"]: row["status"] for row in list_dossiers(portal_db)}
                desk_now = Desk(keyboard, lan)
                assert {code: at_portal.get(code) for code in [received, *seeded]} == \
                    {code: desk_now.status(code) for code in [received, *seeded]}
            with desk_app(paths, env, tmp_path / "app.log"):
                audit(Desk(keyboard, lan), received)
        finally:
            lan.close()
    crash = (tmp_path / "app.log").read_text(errors="replace")
    assert "Traceback" not in crash, crash


@contextmanager
def desk_app(paths: DataPaths, env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The desk app (`python -m ui.launcher`) running on the X display in `env`; a failure
    inside ends with the app's exit status and log, the first thing to read."""
    with open(log_path, "ab") as log:
        app = subprocess.Popen([sys.executable, "-m", "ui.launcher", "--data-dir", str(paths.root)],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield app
    except AssertionError as exc:
        tail = log_path.read_text(errors="replace")[-3000:]
        raise AssertionError(f"{exc}\napp exit status: {app.poll()}; app log:\n{tail}") from None
    finally:
        app.terminate()
        app.wait(20)


def sign_in_as(kb: Keyboard, user: str) -> None:
    kb.wait_focus("^Đăng nhập" + APP, timeout=90)
    kb.type(user)
    kb.key("Tab")
    kb.type(OFFICIAL_PASSWORD)
    kb.key("Return")
    kb.wait_focus(MAIN, timeout=60)


def audit(desk: Desk, code: str) -> None:
    """The supervisor signs in and reads the dossier's audit trail (Ctrl+Shift+L)."""
    kb = desk.kb
    sign_in_as(kb, "hoa")
    kb.key("ctrl+shift+l")
    kb.wait_focus("^Nhật ký kiểm tra" + APP)
    kb.type(code)
    kb.key("Return")
    kb.settled_shot(kb.shots / "audit.png", tries=10)
    kb.key("Escape")
    kb.wait_focus(MAIN)


def published(name: str) -> Path:
    """docs/screens/NAME.png when the run refreshes the docs' pictures, else beside the others."""
    return screens_folder() / f"{name}.png" if publishing_docs() else screens_folder() / "x11-drive" / f"{name}.png"


def pending(store: Any) -> list[str]:
    with store.read_session() as session:
        return list(session.scalars(select(OutboxItem.kind).where(OutboxItem.state != "sent")))


def drive(desk: Desk, seeded: list[str], tmp_path: Path) -> str:
    """Every path; returns the code of the dossier received by keyboard."""
    kb = desk.kb
    representative, post, supplements, refused, late, stopped, withdrawn = seeded
    with desk.store.read_session() as session:
        known = set(session.scalars(select(Dossier.code)))
    sign_in_as(kb, "lan")
    kb.fill_screen(kb.focused())
    kb.shot("signed-in")

    # Reception by keyboard: the procedure, the chip-ID QR, every required document, Ctrl+Enter.
    kb.type(BIRTH)
    kb.key("Return")
    desk.wait("the draft to have the procedure", lambda: desk.draft().get("procedure_code") == BIRTH)
    desk.scan_card(QR_LAN, "001190012345")
    kb.key("ctrl+shift+a", "ctrl+Return")
    received = desk.wait("the new dossier", lambda: desk.newest_code(known))
    known.add(received)
    kb.wait_focus(form_title("01", received))
    kb.shot("receipt")
    # Save the receipt as PDF through the file dialog, by keyboard.
    saved = tmp_path / "receipt.pdf"
    kb.key("ctrl+s")
    kb.wait_focus("PDF")
    kb.key("ctrl+a")
    kb.type(str(saved))
    kb.key("Return")
    desk.wait("the receipt saved", lambda: saved.exists() and saved.read_bytes().startswith(b"%PDF"))
    kb.key("Escape")
    kb.wait_focus(MAIN)
    assert desk.status(received) == "DA_TIEP_NHAN"

    # A required document missing and no reason: the supplements path, form 02, no appointment.
    kb.key("ctrl+1")
    kb.type(BIRTH)
    kb.key("Return")
    desk.wait("the second draft", lambda: desk.draft().get("procedure_code") == BIRTH)
    desk.scan_card(QR_HUNG, "036088004321")
    kb.key("ctrl+Return")
    incomplete = desk.wait("the incomplete dossier", lambda: desk.newest_code(known))
    known.add(incomplete)
    kb.wait_focus(form_title("02", incomplete))
    kb.shot("incomplete-form-02")
    kb.key("Escape")
    kb.wait_focus(MAIN)
    desk.wait_status(incomplete, "CHO_BO_SUNG")
    with desk.store.read_session() as session:
        assert session.scalar(select(Dossier.due_at).where(Dossier.code == incomplete)) is None

    # Hand over → receive back → result ready, then returned to the applicant in person.
    desk.open_dossier(received)
    kb.shot("detail")
    desk.act(received, "handover", "receiver", "Công chức Tư pháp - Hộ tịch", form="06")
    desk.wait_status(received, "DANG_XU_LY")
    desk.act(received, "receive_back", "receiver", "", form="06")
    assert desk.last_event(received).action == "receive_back"
    desk.act(received, "result_ready", "receiver", "Đã ký trích lục", form=None)
    desk.wait_status(received, "CO_KET_QUA")
    assert desk.last_event(received).details["note"] == "Đã ký trích lục"  # every letter arrived
    kb.key("Escape")
    kb.wait_focus(MAIN)

    # Ctrl+T: scan the receipt's QR (the lookup address), choose who receives it, Ctrl+Enter.
    kb.key("ctrl+t")
    kb.wait_focus("^Trả kết quả" + APP)
    returns = (
        (received, f"https://dichvucong.gov.vn/tra-cuu-ho-so?ma={received}", [], "applicant", {}),
        (representative, representative, ["Down", "Tab"], "representative",
         {"name": "Trần Văn Nam", "id_number": "001089012345"}),
        (post, post, ["Down", "Down", "Tab"], "post", {"tracking": "EB123456789VN"}),
    )
    for code, scanned, keys, to, typed in returns:
        kb.type(scanned)
        kb.key("Return")
        kb.wait_focus(f"^Trả kết quả — hồ sơ {code}{APP}")
        if keys:
            kb.key(*keys)
        for i, text in enumerate(typed.values()):
            if i:
                kb.key("Tab")
            kb.type(text)
        kb.shot(f"return-{to}")
        if to == "representative":
            kb.settled_shot(published("return"), tries=3)
        kb.key("ctrl+Return")
        desk.wait_status(code, "DA_TRA")
        kb.wait_focus("^Trả kết quả" + APP)
        details = desk.last_event(code).details
        assert details["to"] == to and all(details[k] == v for k, v in typed.items()), details
    kb.key("Escape")
    kb.wait_focus(MAIN)

    # Request supplements, then supplements received: form 01 with the new appointment.
    desk.open_dossier(supplements)
    desk.act(supplements, "request_supplement", "receiver", "Giấy chứng sinh bản chính", "Bản chụp mờ",
             form="02", shot="request-supplement")
    desk.wait_status(supplements, "CHO_BO_SUNG")
    desk.act(supplements, "supplement_received", "receiver", form="01")
    desk.wait_status(supplements, "DANG_XU_LY")
    assert desk.last_event(supplements).details["new_due"]
    kb.key("Escape")

    # Refuse (form 03), apologise with a new appointment (form 04), stop (05), withdraw.
    for code, action, fields, form, status in (
            (refused, "refuse", ["Không thuộc thẩm quyền của xã"], "03", "TU_CHOI"),
            (late, "apologise", ["", "Chờ xác minh của công an xã"], "04", "DA_TIEP_NHAN"),
            (stopped, "stop", ["Công dân đề nghị dừng"], "05", "DUNG"),
            (withdrawn, "withdraw", ["Công dân xin rút hồ sơ"], None, "RUT")):
        desk.open_dossier(code)
        desk.act(code, action, "receiver", *fields, form=form)
        desk.wait_status(code, status)
        assert desk.last_event(code).action == action
        kb.key("Escape")
    apology = desk.last_event(late).details
    assert apology["new_due"] > apology["old_due"], apology
    kb.wait_focus(MAIN)
    # The pictures of the docs: the list, the first dossier's whole journey, the Báo cáo page.
    kb.key("ctrl+2", "ctrl+f", "ctrl+a", "BackSpace", "Return")  # every dossier, the cursor in the list
    kb.settled_shot(published("list"))
    desk.open_dossier(received)
    kb.settled_shot(published("detail"))
    kb.key("Escape")
    kb.wait_focus(MAIN)
    kb.key("ctrl+4")
    kb.settled_shot(published("reports"))
    kb.key("ctrl+3", "F5")  # Đồng bộ ngay
    kb.shot("sync")
    return received
