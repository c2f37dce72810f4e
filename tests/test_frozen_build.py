"""The PyInstaller build (installer/motcua.spec) runs on its own: commands, a new encrypted store
(Alembic revisions, SQLCipher, Argon2id all found inside the bundle) and the desk app offscreen;
the same bundle packaged as a .deb (scripts/build_deb.py) installs, runs and purges cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import build_deb

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("PyInstaller")
# The first test also waits for the PyInstaller build (its module fixture): minutes on a busy machine.
pytestmark = pytest.mark.timeout(1200)


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
    assert "desk app started" in desk_log([str(frozen), "--data-dir", data], tmp_path / "data" / "logs" / "motcua.log")


def desk_log(command: list[str], log: Path, **env: str) -> str:
    """The log of the desk app started offscreen by `command`, once it is up (it must stay up)."""
    proc = subprocess.Popen(command, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=6)
    finally:
        proc.kill()
        proc.wait()
    return log.read_text(encoding="utf-8")


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


@pytest.mark.slow
def test_deb_installs_runs_and_keeps_user_data_on_purge(frozen: Path, tmp_path: Path) -> None:
    # The same bundle, packaged; installed by dpkg itself into a throw-away root (no container:
    # --force-script-chrootless runs the maintainer scripts with $DPKG_ROOT set to that root).
    deb = build_deb.build(frozen.parent, tmp_path / "out", level=1)
    fields = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Depends"], capture_output=True,
                            text=True, check=True).stdout
    depends = fields.split("Depends:", 1)[1].replace(",", " ").split()
    assert {"libxcb-cursor0", "fonts-dejavu-core", "libsane1", "sane-utils"} <= set(depends)
    # Every dependency is a real Debian package: scripts/setup.sh installed each one on this machine.
    assert subprocess.run(["dpkg-query", "-W", *depends], capture_output=True).returncode == 0
    root, home = tmp_path / "root", tmp_path / "home"
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    for name in ("status", "available"):
        (admin / name).touch()
    user = {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state")}

    def dpkg(*args: str) -> None:
        done = subprocess.run(["dpkg", f"--root={root}", "--force-script-chrootless", "--force-not-root",
                               "--force-depends", "--log=/dev/null", *args], capture_output=True, text=True,
                              env={**os.environ, **user}, timeout=300)
        assert done.returncode == 0, done.stderr

    dpkg("--install", str(deb))
    motcua = root / "usr" / "bin" / "motcua"
    assert (root / "usr" / "share" / "applications" / "motcua-desk.desktop").is_file()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "motcua-desk.svg").is_file()
    demo = run(motcua, "demo", "--receptions", "1", "--folder", str(tmp_path / "demo"), **user)
    assert demo.returncode == 0, demo.stderr[-2000:]
    # No data folder given: the installed desk opens first-run setup with its data in the user's
    # platform folder (platformdirs), never under /opt.
    data = home / ".local" / "share" / "MotCuaDesk"
    log = desk_log([str(root / "usr" / "bin" / "motcua-desk")], home / ".local" / "state" / "MotCuaDesk" / "log" / "motcua.log", **user)
    assert "first-run setup shown" in log
    assert data.is_dir()
    (data / "keep-me.txt").write_text("hồ sơ", encoding="utf-8")
    dpkg("--purge", "motcua-desk")
    assert not (root / "opt" / "motcua-desk").exists() and not motcua.exists()
    assert (data / "keep-me.txt").read_text(encoding="utf-8") == "hồ sơ"
