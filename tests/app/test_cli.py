"""The `motcua` command surface: human and JSON output, exit codes, one-line errors, nothing
half-written on bad input. Most tests call `main()` in-process; a few run the installed script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UNIT = "000.00.06.H56"
PASSWORD = "mat-khau-2026"
VALID_QR = "001099012345|123456789|Nguyễn Văn An|01011999|Nam|Số 1, thôn Đông, xã Tân Lập|15062021"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "init", "--unit-code", UNIT,
                       "--unit-name", "UBND xã Tân Lập", "--admin", "quantri")
    assert code == 0, out
    monkeypatch.setenv("MOTCUA_USER", "quantri")
    return data_dir


def test_init_prints_recovery_key_once_and_refuses_a_second_store(
        desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (desk / "store.db").exists() and (desk / "keys.json").exists()
    code, _, err = run(capsys, "--data-dir", str(desk), "init", "--unit-code", UNIT,
                       "--unit-name", "X", "--admin", "quantri")
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_init_json_and_bad_unit_code(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "init", "--unit-code", "H56",
                       "--unit-name", "X", "--admin", "quantri")
    assert code == 2 and "unit" in err.lower()
    assert not (data_dir / "store.db").exists()
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "init", "--json", "--unit-code", UNIT,
                       "--unit-name", "UBND xã Tân Lập", "--admin", "quantri")
    assert code == 0
    key = json.loads(out)["recovery_key"]
    assert len(key.replace("-", "")) >= 32


def test_password_is_never_taken_from_argv(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOTCUA_PASSWORD", raising=False)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "init", "--unit-code", UNIT,
                       "--unit-name", "X", "--admin", "quantri")
    assert code == 2 and "--password-stdin" in err


def test_catalog_search_is_accent_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "search", "dang ky ket hon", "--json")
    assert code == 0
    results = json.loads(out)["results"]
    assert results[0]["name"] == "Đăng ký kết hôn"
    code, out, _ = run(capsys, "catalog", "search", "1.001193")
    assert out.splitlines()[0].startswith("1.001193") and "Đăng ký khai sinh" in out


def test_catalog_list_gives_every_version_with_its_tags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "list", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["source"] == "built-in" and len(data["procedures"]) >= 75
    birth = next(row for row in data["procedures"] if row["code"] == "1.001193")
    assert birth["valid_from"] == "2025-07-01" and birth["verify"]["time"] == "V"
    assert "unverified" in birth
    code, out, _ = run(capsys, "catalog", "list")
    assert code == 0 and "1.001193" in out and "time:V" in out and "procedure versions (built-in)" in out


def test_catalog_show_human_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "catalog", "show", "1.000656")
    assert code == 0
    assert "Đăng ký khai tử" in out and "Thời hạn [V]: Trong ngày" in out
    assert "Thành phần hồ sơ [S]:" in out and "Tờ khai đăng ký khai tử" in out
    assert "Miễn: đăng ký khai tử đúng hạn" in out and "Căn cứ pháp lý:" in out
    assert "fee: diepxuan/diepxuan.github.io@" in out  # each fact's sources
    code, out, _ = run(capsys, "catalog", "show", "2.000815.000.00.00.H56", "--json")
    assert code == 0
    procedure = json.loads(out)["procedure"]
    assert procedure["code"] == "2.000815" and procedure["fee_rule"]["kind"] == "per_page"
    assert procedure["sources"]["time"] and procedure["documents"]


@pytest.mark.parametrize(("argv", "needle"), [
    (["catalog", "show", "9.999999"], "CODE: no procedure '9.999999' in force today"),
    (["catalog", "show", "1.001193; rm -rf"], "CODE: '1.001193; rm -rf' is not a procedure code"),
    (["catalog", "show", "\x1b[2J" + "9" * 80], "CODE:"),
    (["catalog", "show", "1.001193", "--at", "2025-06-30"], "in force on 2025-06-30"),
    (["catalog", "show", "1.001193", "--at", "30/06/2025"], "--at"),
])
def test_catalog_show_bad_input_is_one_line_naming_the_field(capsys: pytest.CaptureFixture[str],
                                                            argv: list[str], needle: str) -> None:
    with _exits_or_returns() as result:
        result.code = main(argv)
    _, err = capsys.readouterr()
    assert result.code == 2
    assert len(err.strip().splitlines()) == 1 and needle in err
    assert "\x1b" not in err and len(err) < 300  # no raw escape, no unbounded echo


class _Result:
    code: int | None = None


class _exits_or_returns:
    """argparse errors exit(2); our own errors return 2: both are the same to the user."""

    def __enter__(self) -> _Result:
        self.result = _Result()
        return self.result

    def __exit__(self, kind: object, error: object, tb: object) -> bool:
        if isinstance(error, SystemExit):
            self.result.code = int(error.code or 0)
            return True
        return False


def test_catalog_show_reads_the_store_after_an_import(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    code, _, err = run(capsys, *base, "catalog", "import", str(FIXTURES / "catalog" / "good_province.yaml"))
    assert code == 0, err
    code, out, _ = run(capsys, *base, "catalog", "show", "LOCAL.TH-01", "--json")
    assert code == 0 and json.loads(out)["source"] == "store"
    assert "code" in json.loads(out)["unverified"]
    code, out, _ = run(capsys, *base, "catalog", "list", "--json")
    assert code == 0 and "LOCAL.TH-01" in {row["code"] for row in json.loads(out)["procedures"]}


def test_catalog_import_portal_pages(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    pages = FIXTURES / "catalog" / "portal"
    code, out, err = run(capsys, *base, "catalog", "import-portal", str(pages / "1.004837.json"),
                         str(pages / "1.004222.json"), "--valid-from", "2026-03-01", "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == 2
    code, out, _ = run(capsys, *base, "catalog", "show", "1.004837", "--at", "2026-03-02", "--json")
    shown = json.loads(out)
    assert shown["source"] == "store" and shown["procedure"]["valid_from"] == "2026-03-01"
    # One bad file among good ones: nothing is written.
    bad = desk / "bad.json"
    bad.write_text('{"ten_thu_tuc": "X"}', encoding="utf-8")
    code, _, err = run(capsys, *base, "catalog", "import-portal", str(pages / "1.004873.json"), str(bad),
                       "--valid-from", "2026-03-01")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "ma_thu_tuc" in err
    code, out, _ = run(capsys, *base, "catalog", "show", "1.004873", "--at", "2026-03-02", "--json")
    assert json.loads(out)["procedure"]["valid_from"] == "2025-07-01"  # still the built-in version
    code, _, err = run(capsys, *base, "catalog", "import-portal", str(pages / "1.004873.json"),
                       "--valid-from", "1/3/2026")
    assert code == 2 and "--at" not in err and "1/3/2026" in err


def test_catalog_import_good_then_bad_file_changes_nothing(desk: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    code, out, err = run(capsys, *base, "catalog", "import", str(FIXTURES / "catalog" / "good_province.yaml"),
                         "--json")
    assert code == 0, err
    first = json.loads(out)
    assert first["added"] + first["updated"] > 0
    code, out, _ = run(capsys, *base, "catalog", "search", "LOCAL.TH-01", "--json")
    assert json.loads(out)["results"][0]["code"] == "LOCAL.TH-01"
    # Importing again changes nothing.
    code, out, _ = run(capsys, *base, "catalog", "import", str(FIXTURES / "catalog" / "good_province.yaml"),
                       "--json")
    assert json.loads(out)["added"] == 0 and json.loads(out)["updated"] == 0
    code, _, err = run(capsys, *base, "catalog", "import", str(FIXTURES / "catalog" / "bad_negative_fee.yaml"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "2.000884" in err and "fee" in err


def test_cccd_parse_human_json_and_refusal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cccd", "parse", VALID_QR)
    assert code == 0 and "Nguyễn Văn An" in out and "01/01/1999" in out
    code, out, _ = run(capsys, "cccd", "parse", "\r\n " + VALID_QR + "\r\n", "--json")
    assert json.loads(out)["birth_date"] == "1999-01-01"
    code, out, err = run(capsys, "cccd", "parse", VALID_QR.replace("01011999", "31021999"))
    assert code == 2 and out == ""
    assert "field 4" in err and "31021999" not in err
    assert len(err.strip().splitlines()) == 1


def test_due_uses_the_procedure_rule(capsys: pytest.CaptureFixture[str]) -> None:
    # Birth registration: same day with the 15:00 cut-off; Wednesday 25/11/2026 at 15:20.
    code, out, _ = run(capsys, "due", "--procedure", "1.001193", "--received", "2026-11-25 15:20", "--json")
    assert code == 0
    assert json.loads(out)["due"] == "2026-11-26T17:00:00"
    code, out, _ = run(capsys, "due", "--procedure", "1.001193", "--received", "2026-11-25 09:10")
    assert "17:00 25/11/2026" in out
    # 24/11/2026 is Vietnam Culture Day in the seeded holiday table: counts from the next working day.
    code, out, _ = run(capsys, "due", "--procedure", "1.001193", "--received", "2026-11-24 09:10", "--json")
    assert json.loads(out)["due"] == "2026-11-25T17:00:00"


@pytest.mark.parametrize("argv, fragment", [
    (["due", "--procedure", "1.001193", "--received", "2026-02-30 09:00"], "--received"),
    (["due", "--procedure", "9.999999", "--received", "2026-11-24 09:00"], "9.999999"),
    (["vietqr", "--bin", "12345", "--account", "1"], "bin"),
    (["vietqr", "--bin", "970415", "--account", "113366668888", "--amount", "-5"], "amount"),
])
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str],
                                         fragment: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err


def test_vietqr_payload_and_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "qr.png"
    code, out, _ = run(capsys, "vietqr", "--bin", "970415", "--account", "113366668888",
                       "--amount", "79000", "--info", "Lệ phí hồ sơ", "--png", str(png), "--json")
    data = json.loads(out)
    assert code == 0 and data["bank"] and png.stat().st_size > 0
    assert "0812Le phi ho so" in data["payload"]


def test_backup_check_and_wrong_password(desk: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    base = ["--data-dir", str(desk)]
    code, out, _ = run(capsys, *base, "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["audit_ok"] and report["audit_events"] >= 1
    code, out, _ = run(capsys, *base, "backup", "--json")
    assert code == 0 and Path(json.loads(out)["backup"]).exists()
    monkeypatch.setenv("MOTCUA_PASSWORD", "not-the-password")
    code, _, err = run(capsys, *base, "check")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_password_from_stdin(desk: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.delenv("MOTCUA_PASSWORD")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code, out, _ = run(capsys, "--data-dir", str(desk), "check", "--password-stdin")
    assert code == 0 and "OK" in out


def test_installed_script_without_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    script = Path(sys.executable).with_name("motcua")
    result = subprocess.run([str(script), "--data-dir", str(tmp_path)], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "display" in result.stderr
    assert "motcua demo" in result.stderr and "offscreen" in result.stderr


def test_holidays_export_edit_import(desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(desk)]
    csv_file = tmp_path / "ngay-nghi.csv"
    code, _, _ = run(capsys, *base, "holidays", "export", "--out", str(csv_file))
    assert code == 0 and "2026-09-02,non_working" in csv_file.read_text(encoding="utf-8")
    edited = tmp_path / "edited.csv"
    edited.write_text("day,kind,name\n2026-12-31,nghỉ,Nghỉ theo quyết định của tỉnh\n", encoding="utf-8")
    code, _, err = run(capsys, *base, "holidays", "import", str(edited))
    assert code == 0, err
    code, out, _ = run(capsys, *base, "due", "--procedure", "1.001193", "--received", "2026-12-31 09:00",
                       "--json")
    assert json.loads(out)["calendar"] == "store" and json.loads(out)["due"] == "2027-01-04T17:00:00"
    bad = tmp_path / "bad.csv"
    bad.write_text("2026-12-30,nghỉ,A\n2026-02-30,nghỉ,B\n", encoding="utf-8")
    code, _, err = run(capsys, *base, "holidays", "import", str(bad))
    assert code == 2 and "line 2" in err
    code, out, _ = run(capsys, *base, "holidays", "list", "--year", "2026", "--json")
    days = {row["day"] for row in json.loads(out)}
    assert "2026-12-31" in days and "2026-12-30" not in days
