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
