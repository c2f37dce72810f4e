"""The PyInstaller build (installer/motcua.spec) runs on its own: commands, a new encrypted store
(Alembic revisions, SQLCipher, Argon2id all found inside the bundle) and the desk app offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("PyInstaller")


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--workpath", str(work / "build"), "--distpath", str(work / "dist"),
                    str(ROOT / "installer" / "motcua.spec")], check=True, cwd=ROOT, timeout=900)
    return work / "dist" / "motcua" / "motcua"


def run(exe: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


@pytest.mark.slow
def test_frozen_commands_store_and_desk_app(frozen: Path, tmp_path: Path) -> None:
    assert run(frozen, "--version").stdout.startswith("motcua ")
    found = run(frozen, "catalog", "search", "dang ky ket hon")
    assert found.returncode == 0 and "Đăng ký kết hôn" in found.stdout.splitlines()[0]
    data = str(tmp_path / "data")
    made = run(frozen, "--data-dir", data, "init", "--unit-code", "000.00.06.H56", "--unit-name",
               "UBND xã Tân Lập", "--admin", "quantri", MOTCUA_PASSWORD="mat-khau-2026")
    assert made.returncode == 0, made.stderr
    checked = run(frozen, "--data-dir", data, "check", MOTCUA_USER="quantri", MOTCUA_PASSWORD="mat-khau-2026")
    assert checked.returncode == 0 and "intact" in checked.stdout
    # The desk app starts and stays up (offscreen) until stopped.
    proc = subprocess.Popen([str(frozen), "--data-dir", data], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=6)
    finally:
        proc.kill()
        proc.wait()
    assert "desk app started" in (tmp_path / "data" / "logs" / "motcua.log").read_text(encoding="utf-8")


@pytest.mark.slow
def test_frozen_capture_cleans_and_reads_a_page(frozen: Path, tmp_path: Path) -> None:
    # The installed program finds its OCR models and image libraries without the source tree.
    import json

    from app.capture.specimens import specimen_set

    plain = next(s for s in specimen_set(0) if s.name == "plain")
    page = tmp_path / "to-khai.png"
    plain.image.save(page, dpi=(plain.dpi, plain.dpi))
    done = run(frozen, "--json", "scan2pdf", str(page), "--out", str(tmp_path / "out.pdf"), "--ocr")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ocr"] and report["pages"][0]["mode"] == "bw" and report["bytes"] < 60_000
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True).stdout
    assert "ĐĂNG KÝ KHAI SINH" in text
