"""`motcua calendar status|confirm` on a real desk store: states, decisions, the calendar file, and
bad input (exit 2, one line naming the entry and the field, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.app.test_cli import desk, run  # noqa: F401  (desk is a fixture)

FILE_2026 = """# Lịch nghỉ 2026 (văn bản 12729/VPCP-KGVX; Tết: thông báo của Bộ Nội vụ)
day,kind,name
2026-01-01,nghỉ,Tết Dương lịch
2026-01-02,nghỉ,Nghỉ hoán đổi sang thứ Bảy 10/01/2026
2026-01-10,làm bù,Làm bù cho ngày 02/01/2026
2026-02-16,nghỉ,Tết Nguyên đán
2026-02-17,nghỉ,Tết Nguyên đán
2026-02-18,nghỉ,Tết Nguyên đán
2026-02-19,nghỉ,Tết Nguyên đán
2026-02-20,nghỉ,Tết Nguyên đán
2026-04-27,nghỉ,Giỗ Tổ Hùng Vương (nghỉ bù)
2026-04-30,nghỉ,Ngày Chiến thắng
2026-05-01,nghỉ,Ngày Quốc tế Lao động
2026-09-01,nghỉ,Quốc khánh
2026-09-02,nghỉ,Quốc khánh
"""


def states(capsys: pytest.CaptureFixture[str], base: list[str]) -> dict[int, dict]:
    code, out, err = run(capsys, *base, "calendar", "status", "--json")
    assert code == 0, err
    return {row["year"]: row for row in json.loads(out)}


def test_confirm_with_a_file_makes_it_the_whole_year(desk: Path, tmp_path: Path,  # noqa: F811
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    before = states(capsys, base)
    assert before[2026]["state"] == "estimated" and before[2027]["state"] == "estimated"
    file = tmp_path / "lich-2026.csv"
    file.write_text(FILE_2026, encoding="utf-8")
    code, out, err = run(capsys, *base, "calendar", "confirm", "2026", "--decision", "12729/VPCP-KGVX",
                         "--file", str(file), "--source", "baohiemxahoi.gov.vn 25/12/2025")
    assert code == 0, err
    assert out.startswith("2026  confirmed  12729/VPCP-KGVX (quantri, desk)  12 off, 1 làm bù")
    after = states(capsys, base)
    assert after[2026]["state"] == "confirmed" and after[2026]["origin"] == "desk"
    assert after[2026]["source"] == "baohiemxahoi.gov.vn 25/12/2025" and after[2027]["state"] == "estimated"
    code, out, _ = run(capsys, *base, "holidays", "list", "--year", "2026", "--json")
    days = {row["day"]: row for row in json.loads(out)}
    assert "2026-11-24" not in days  # left out by the file: the file is the whole year
    assert days["2026-01-10"]["kind"] == "extra_working" and all(r["source"] == "admin" for r in days.values())
    # A Friday 02/01 receipt of a same-day procedure after 15:00 is due Monday 05/01 (10/01 is far).
    code, out, _ = run(capsys, *base, "due", "--procedure", "1.001193", "--received", "2025-12-31 15:30", "--json")
    assert json.loads(out)["due"] == "2026-01-05T17:00:00"


def test_confirm_without_a_file_confirms_the_table_as_it_is(desk: Path,  # noqa: F811
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    code, _, err = run(capsys, *base, "holidays", "list", "--year", "2027", "--json")
    code, out, err = run(capsys, *base, "calendar", "confirm", "2027", "--decision", "01/QĐ-UBND", "--json")
    assert code == 0, err
    confirmed = json.loads(out)
    assert confirmed["state"] == "confirmed" and confirmed["days_off"] > 0
    code, out, _ = run(capsys, *base, "holidays", "list", "--year", "2027", "--json")
    assert {row["source"] for row in json.loads(out)} == {"admin"}


@pytest.mark.parametrize(("content", "args", "expected"), [
    ("day,kind,name\n2026-05-01,nghỉ,A\n2027-01-01,nghỉ,B\n", [], "lich.csv, entry 2 (01/01/2027), day: not in 2026"),
    ("day,kind,name\n2026-05-01,nghỉ,A\n2026-13-01,nghỉ,B\n", [], "lich.csv, line 3, day: '2026-13-01' is not a real calendar date"),
    ("day,kind,name\n2026-05-01,ngủ,A\n", [], "lich.csv, line 2, kind: 'ngủ'"),
    ("day,kind,name\n2026-05-01,nghỉ,A\n", ["--decision", "   "], "--decision: missing"),
    ("day,kind,name\n2026-05-01,nghỉ,A\n", ["--decision", "x" * 300], "--decision: longer than 200"),
])
def test_bad_input_exits_2_naming_entry_and_field_and_writes_nothing(
        desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
        content: str, args: list[str], expected: str) -> None:
    base = ["--data-dir", str(desk)]
    file = tmp_path / "lich.csv"
    file.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, *base, "calendar", "confirm", "2026", "--file", str(file),
                         *(args or ["--decision", "12729/VPCP-KGVX"]))
    assert code == 2 and expected in err and len(err.strip().splitlines()) == 1, err
    assert "x" * 41 not in err  # a long value is cut in the message
    assert states(capsys, base)[2026]["state"] == "estimated"


def test_a_year_outside_the_calendar_and_a_non_admin_are_refused(desk: Path,  # noqa: F811
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    code, _, err = run(capsys, *base, "calendar", "confirm", "1999", "--decision", "x")
    assert code == 2 and "YEAR: 1999 is outside 2000–2199" in err
    assert main([*base, "calendar", "status"]) == 0
