"""The core speaks in problem kinds; the screens word them. Every kind the core can raise has a
translated sentence, and an error of an unknown kind is still shown in Vietnamese, never in the
core's English."""

from __future__ import annotations

import re
from pathlib import Path

from app.errors import InputError, StoreError
from app.reception.model import FieldProblem
from ui.errors import error_text
from ui.problems import TEXTS
from ui.reception.problem_text import problem_text

ROOT = Path(__file__).resolve().parents[2]
# kind="…" in a raise or a FieldProblem: the literal kinds the core can produce.
_KIND = re.compile(r"""\bkind\s*=\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def kinds_in_the_code() -> set[str]:
    found: set[str] = set()
    for folder in ("app", "sync", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(_KIND.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_kind_the_core_raises_has_a_sentence() -> None:
    kinds = kinds_in_the_code()
    assert "reception.not_authorised_for_unit" in kinds  # the scan itself works
    assert kinds <= set(TEXTS), f"kinds without a sentence in ui/problems.py: {sorted(kinds - set(TEXTS))}"


def test_a_kind_is_worded_in_vietnamese_with_its_parameters(vietnamese) -> None:
    problem = FieldProblem("destination_unit", "this desk is not authorised … 000.00.07.H56",
                           kind="reception.not_authorised_for_unit", params={"unit": "000.00.07.H56"})
    text = problem_text(problem)
    assert text.startswith("Máy này chưa được cấp quyền") and "000.00.07.H56" in text
    assert "authorised" not in text


def test_an_error_without_a_sentence_never_shows_its_english(vietnamese) -> None:
    shown = error_text(InputError("procedure code: 'X' is not in the catalogue", kind="catalog.unknown_thing"))
    assert shown == "Có thông tin nhập hoặc lựa chọn chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu rồi thử lại."
    assert error_text(StoreError("disk I/O error on /data")) == "Hiện chưa dùng được dữ liệu trên máy này."


def test_the_core_hands_screens_codes_not_vietnamese_labels() -> None:
    """Statuses and time rules are codes and data in app/; the screens word them (ui/words.py) and
    only the printed forms and the command line use the legal Vietnamese (app/forms/legal_text.py)."""
    display = re.compile(r"\b(?:label_vi|describe_vi)\b|def (?:status_label|form_label)\(")
    for folder in ("app", "sync", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not display.search(text), f"{path.relative_to(ROOT)} hands out Vietnamese display text"
            if folder == "ui":
                assert not re.search(r"legal_text import|import [\w.]*legal_text", text), \
                    f"{path.relative_to(ROOT)} shows the forms' legal wording"


def test_a_sync_problem_keeps_its_kind_through_storage_and_copies() -> None:
    """What the engine stores (an outbox row's last_error, the sync state) comes back with its kind;
    text stored by an earlier version is read back as a problem too."""
    import copy
    from dataclasses import asdict

    from sync.engine import SyncReport
    from sync.problems import SyncProblem

    refused = SyncProblem("Trường x: bị thiếu — Field x: is missing", kind="sync.portal_refused",
                          params={"reason_vi": "Trường x: bị thiếu", "reason_en": "Field x: is missing"})
    for back in (SyncProblem.load(refused.dumps()), SyncProblem.load(refused.to_state()), copy.deepcopy(refused)):
        assert back == refused and back is not None and back.kind == refused.kind and back.params == refused.params
    assert asdict(SyncReport(errors=[refused]))["errors"] == [refused.message]  # --json shows the text
    old = SyncProblem.load("Trường x: bị thiếu — Field x: is missing")
    assert old is not None and old.kind == "sync.portal_refused" and old.params["reason_en"] == "Field x: is missing"
    offline = SyncProblem.load("network: GET /v1/limits: ConnectionError")
    assert offline is not None and offline.kind == "sync.portal_unreachable"
    assert SyncProblem.load(None) is None and SyncProblem.load("") is None


def test_the_portal_words_follow_the_screen_language(vietnamese) -> None:
    """The portal refuses in two languages: a Vietnamese screen shows its Vietnamese, an English one
    its English; never both glued together."""
    from PySide6.QtCore import QLocale

    from sync.client import Reply
    from sync.classify import refused
    from ui.problems import worded

    body = {"error": {"code": "forbidden", "message": "Không được — Not allowed",
                      "message_vi": "Không được phép.", "message_en": "Not allowed."}}
    problem = refused(Reply(403, {}, body))
    assert worded(problem) == "Không được phép"
    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        assert worded(problem) == "Not allowed"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese))
    huge = refused(Reply(403, {}, {"error": {"code": "forbidden", "message_vi": "x" * 100_000}}))
    assert len(huge.params["reason_vi"]) <= 400  # a hostile portal cannot flood the screen


def test_a_full_disk_and_a_busy_store_say_so_in_vietnamese(vietnamese, tmp_path) -> None:
    from app.errors import StoreError
    from app.files import write_atomically

    full = StoreError("disk full: …", kind="store.disk_full", params={"folder": "/srv/motcua"})
    assert error_text(full) == ("Ổ đĩa chứa /srv/motcua đã đầy: hãy giải phóng bớt dung lượng rồi thử lại. "
                                "Không có dữ liệu nào bị mất.")
    assert error_text(StoreError("busy", kind="store.busy")).startswith("Dữ liệu đang bận")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    try:
        write_atomically(blocked / "x.pdf", b"%PDF", what="file")
    except InputError as error:
        assert error.kind == "files.cannot_write" and error_text(error) == \
            "Không ghi được x.pdf vào đó; hãy chọn thư mục khác."
    else:
        raise AssertionError("a write under a file must be refused")
