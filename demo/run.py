"""`motcua demo`: the whole product end to end, headless, on throw-away data.

A reference portal is started in a child process on a free loopback port; a desk is created in a
temporary folder, enrolled with a one-time token, and receives a few dossiers through the same
services as the reception screen: the applicant read from a chip-ID QR payload, scanned pages
turned into compact PDF/A by the capture pipeline, the receipt (Mẫu 01) rendered. One sync pass
delivers them; the portal then changes a status as the processing body would, and a second pass
brings it back to the desk. The summary says what happened and how long each step took.

Nothing here imports `portal`: the portal is driven through its own `motcua portal …` commands,
exactly as an administrator would, which also keeps the desk's import boundaries.
"""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.clock import local_today
from app.errors import MotcuaError
from app.forms.legal_text import status_name
from app.identity.cccd import mask_id_number

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

UNIT_CODE = "000.00.06.H56"
UNIT_NAME = "UBND xã Tân Lập"
# (procedure code, CCCD QR payload): fictitious people with valid-looking chip-ID QR payloads.
CITIZENS = (
    ("1.001193", "001190012345|012345678|Nguyễn Thị Lan|01051990|Nữ|Số 5, thôn Đông, xã Tân Lập, Hà Nội|15082021"),
    ("1.004873", "036088004321||Trần Văn Hùng|12031988|Nam|Xóm 3, xã Tân Lập, Hà Nội|20042022"),
    ("1.000656", "001175009876|011223344|Phạm Thị Hồng|30121975|Nữ|Thôn Tây, xã Tân Lập, Hà Nội|02012023"),
    ("2.000635", "001201000777||Lê Minh Đức|05072001|Nam|Số 12, ngõ 4, xã Tân Lập, Hà Nội|11112021"),
)
STATUS_AT_PORTAL = "DANG_XU_LY"
DEMO_FEE_VND = 8_000
PORTAL_START_S = 60.0


@dataclass
class DemoDossier:
    code: str
    procedure: str
    applicant: str
    due: str
    pages: int
    scan_bytes: int
    receipt: str
    desk_status: str = ""


@dataclass
class DemoSummary:
    folder: str
    portal_url: str
    dossiers: list[DemoDossier] = field(default_factory=list)
    delivered: int = 0
    at_portal: int = 0
    status_changed: str = ""
    status_seen_at_desk: bool = False
    steps_s: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return (self.delivered == len(self.dossiers) == self.at_portal and self.status_seen_at_desk)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def motcua_command() -> list[str]:
    """How to run `motcua` in a child process: the frozen executable, or this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "ui.launcher"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _portal_cli(db_url: str, *args: str) -> Any:
    done = subprocess.run([*motcua_command(), "--json", "portal", *args, "--db", db_url],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise MotcuaError(f"portal {args[0]}: {done.stderr.strip() or done.stdout.strip()}")
    return json.loads(done.stdout)


def _answers(url: str) -> bool:
    """True once the portal answers (before that, nothing is listening yet)."""
    import requests

    try:
        return requests.get(url, timeout=1).ok
    except requests.RequestException:
        return False


@contextmanager
def portal_on_loopback(folder: Path) -> Iterator[tuple[str, str]]:
    """(base URL, database URL) of a portal serving from `folder` until the block ends."""
    db_url = f"sqlite:///{folder / 'portal.db'}"
    port = _free_port()
    log = (folder / "portal.log").open("wb")
    child = subprocess.Popen([*motcua_command(), "portal", "serve", "--db", db_url, "--blobs",
                              str(folder / "blobs"), "--host", "127.0.0.1", "--port", str(port)],
                             stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + PORTAL_START_S
        while True:
            if child.poll() is not None:
                raise MotcuaError(f"the reference portal did not start; see {folder / 'portal.log'}")
            if _answers(f"{url}/v1/limits"):
                break
            if time.monotonic() > deadline:
                raise MotcuaError(f"the reference portal did not answer within {PORTAL_START_S:.0f} s")
            time.sleep(0.1)
        yield url, db_url
    finally:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
        log.close()


@cache
def _paper(seed: int) -> list[Any]:
    """A few generated A4 sheets (drawing them costs more than processing them: keep them)."""
    from app.capture.specimens import specimen_set

    return [s for s in specimen_set(seed=seed) if "qr" not in s.features]


def scanned_document(folder: Path, name: str, seed: int) -> tuple[Path, int]:
    """A generated paper page, captured as a real scan would be: processed, written as PDF/A."""
    from app.capture.pages import RawPage
    from app.capture.pdfa import write_pdf
    from app.capture.pipeline import process_page

    sheets = _paper(seed % 2)
    specimen = sheets[(seed // 2) % len(sheets)]
    page = process_page(RawPage(specimen.image, specimen.dpi, f"demo:{specimen.name}",
                                photographed="photo" in specimen.features))
    out = folder / f"{name}.pdf"
    write_pdf([page], out, title=name)
    return out, out.stat().st_size


class _Timer:
    def __init__(self, summary: DemoSummary, say: Callable[[str], None]) -> None:
        self.summary, self.say = summary, say

    @contextmanager
    def step(self, key: str, text: str) -> Iterator[None]:
        self.say(f"· {text} …")
        started = time.perf_counter()
        yield
        self.summary.steps_s[key] = round(time.perf_counter() - started, 3)


def _receive(store: Store, scans: Path, receipts: Path, index: int, procedure: str, payload: str, *,
             scan: Callable[[Path, str, int], tuple[Path, int]] = scanned_document) -> DemoDossier:
    from app.forms.render import render_form
    from app.identity.cccd import parse_cccd_qr
    from app.reception.model import PageInput, ReceptionRequest
    from app.reception.service import applicant_from_cccd, checklist_for, confirm_reception
    from app.reception.validation import version_in_force

    applicant = applicant_from_cccd(parse_cccd_qr(payload))
    applicant.phone = f"09{index:02d} 345 678"
    with store.read_session() as session:
        version = version_in_force(session, procedure, local_today())
    if version is None:
        raise MotcuaError(f"demo: procedure {procedure} is not in the seeded catalogue")
    documents = checklist_for(version)
    size = pages = 0
    for number, document in enumerate(d for d in documents if d.required):
        path, written = scan(scans, f"d{index}-{number}", index * 7 + number)
        # Sealed as the capture panel seals what it scans; a PDF given by path would be rebuilt.
        sealed, _size = store.blobs.put_file(path)
        document.received, document.pages = True, [PageInput(Path(), "application/pdf", blob=sealed)]
        size, pages = size + written, pages + 1
    # Where the province sets the fee, the official types the amount from the province's table.
    fee = DEMO_FEE_VND if version.fee.kind == "unknown" else None
    result = confirm_reception(store, ReceptionRequest(procedure_code=procedure, applicant=applicant,
                                                       documents=documents, draft_id=f"demo-{index}",
                                                       fee_amount=fee))
    with store.read_session() as session:
        receipt = render_form(session, store, result.code, "01", out=receipts / f"{result.code}.pdf")
    return DemoDossier(result.code, version.name, f"{applicant.full_name} ({mask_id_number(applicant.id_number)})",
                       f"{result.due_at:%H:%M %d/%m/%Y}", pages, size, str(receipt))


def run_demo(folder: Path | None = None, *, receptions: int = len(CITIZENS),
             say: Callable[[str], None] = print) -> DemoSummary:
    """Run the demo in `folder` (a new temporary folder when None) and return what happened."""
    from app.desk_setup import create_desk
    from app.paths import data_paths
    from sync.engine import sync_once
    from sync.enrolment import enrol

    folder = Path(folder or tempfile.mkdtemp(prefix="motcua-demo-"))
    for sub in ("portal", "scans", "receipts"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    with portal_on_loopback(folder / "portal") as (url, db_url):
        summary = DemoSummary(str(folder), url)
        timer = _Timer(summary, say)
        say(f"Reference portal on {url}")
        with timer.step("desk", "creating the desk (encrypted store, catalogue, holidays)"):
            password = secrets.token_urlsafe(12)
            store, _recovery = create_desk(data_paths(folder / "desk"), unit_code=UNIT_CODE,
                                           unit_name=UNIT_NAME, admin_username="admin",
                                           admin_full_name="Lê Thị Hoa", admin_password=password)
            (folder / "desk-password.txt").write_text(password + "\n", encoding="utf-8")
        try:
            with timer.step("enrol", "enrolling it with a one-time token"):
                token = _portal_cli(db_url, "token", "create", "--unit", UNIT_CODE)["token"]
                enrol(store, url, token, device_name="Máy tiếp nhận (demo)")
            with timer.step("receptions", f"receiving {receptions} dossiers with scans and receipts"):
                for index in range(receptions):
                    procedure, payload = CITIZENS[index % len(CITIZENS)]
                    summary.dossiers.append(_receive(store, folder / "scans", folder / "receipts",
                                                     index, procedure, payload))
            with timer.step("sync", "syncing with the portal"):
                report = sync_once(store)
                summary.delivered = report.sent
            at_portal = _portal_cli(db_url, "dossiers")
            summary.at_portal = len(at_portal)
            first = summary.dossiers[0].code
            with timer.step("status", f"the portal sets {first} to {STATUS_AT_PORTAL}; the desk pulls it"):
                _portal_cli(db_url, "status", first, "--set", STATUS_AT_PORTAL, "--note", "Đã chuyển xử lý")
                again = sync_once(store)
                summary.status_changed = first
                summary.status_seen_at_desk = any(c["code"] == first and c["status"] == STATUS_AT_PORTAL
                                                  for c in again.status_changes)
            _read_desk_statuses(store, summary)
        finally:
            store.close()
    return summary


def _read_desk_statuses(store: Store, summary: DemoSummary) -> None:
    from sqlalchemy import select

    from app.store.models import Dossier

    with store.read_session() as session:
        statuses = dict(session.execute(select(Dossier.code, Dossier.status)).all())
    for dossier in summary.dossiers:
        dossier.desk_status = status_name(statuses.get(dossier.code, ""))


def summary_text(summary: DemoSummary) -> str:
    lines = ["", f"{'Mã hồ sơ':<26} {'Hẹn trả':<17} {'Trang':>5} {'Bytes':>8}  {'Trạng thái':<14} "
             "Thủ tục — người nộp"]
    for d in summary.dossiers:
        lines.append(f"{d.code:<26} {d.due:<17} {d.pages:>5} {d.scan_bytes:>8}  {d.desk_status:<14} "
                     f"{d.procedure[:40]} — {d.applicant}")
    lines += ["",
              f"Delivered {summary.delivered} of {len(summary.dossiers)}; the portal holds {summary.at_portal}.",
              f"Status {STATUS_AT_PORTAL} set at the portal for {summary.status_changed}: "
              + ("seen at the desk." if summary.status_seen_at_desk else "NOT seen at the desk."),
              "Steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in summary.steps_s.items()),
              f"Everything is in {summary.folder} (receipts/, scans/, desk/, portal/; the desk's admin "
              "password is in desk-password.txt).",
              "Result: OK" if summary.ok else "Result: FAILED"]
    return "\n".join(lines)
