"""Translations: complete, NFC Vietnamese, loaded by default, English on request."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.paths import resource
from ui.i18n import chosen_language
from ui.i18n import install_translators
from ui.i18n import remove_translators
from ui.login_screen import LoginScreen

ROOT = Path(__file__).resolve().parents[2]


def messages(language: str) -> list[tuple[str, str, str | None, str | None]]:
    root = ET.parse(resource("i18n", f"motcua_{language}.ts")).getroot()
    out = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            out.append((context.findtext("name", ""), message.findtext("source", ""),
                        translation.text if translation is not None else None,
                        translation.get("type") if translation is not None else None))
    return out


def test_vietnamese_catalogue_is_complete_and_nfc() -> None:
    entries = messages("vi")
    assert len(entries) > 100
    for context, source, text, kind in entries:
        assert text and kind is None, f"{context}: {source!r} has no finished translation"
        assert unicodedata.is_normalized("NFC", text), f"{context}: {text!r} is not NFC"
        assert source.count("%1") == text.count("%1") and source.count("%2") == text.count("%2"), source
        has_mnemonic = "&" in source.replace("&&", "")
        assert has_mnemonic == ("&" in text.replace("&&", "")), f"mnemonic lost: {source!r}"


def test_every_source_string_is_in_the_catalogues(tmp_path: Path) -> None:
    """A string added to ui/ without updating the .ts files would silently show in English."""
    fresh = tmp_path / "fresh.ts"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("pyside6-lupdate")),
         *map(str, sorted((ROOT / "ui").rglob("*.py"))), "-ts", str(fresh), "-silent"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"lupdate failed: {result.stderr}"
    extracted = {(c.findtext("name"), m.findtext("source"))
                 for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
    assert extracted
    for language in ("vi", "en"):
        have = {(context, source) for context, source, _t, _k in messages(language)}
        assert extracted <= have, f"missing from motcua_{language}.ts: {sorted(extracted - have)[:5]}"


def test_mnemonics_do_not_clash_on_one_screen(qtbot, paths, runner, vietnamese) -> None:
    from ui.setup_screen import SetupScreen

    for screen in (SetupScreen(paths, runner), LoginScreen(paths, runner)):
        qtbot.addWidget(screen)
        from PySide6.QtWidgets import QAbstractButton, QLabel

        texts = [w.text() for w in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton)]
        keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t.replace("&&", "")]
        assert len(keys) == len(set(keys)), f"{type(screen).__name__}: {texts}"


def test_english_on_request(qtbot, qapp, paths, runner, built_translations, monkeypatch) -> None:
    monkeypatch.setenv("MOTCUA_LANG", "en")
    assert chosen_language(paths) == "en"
    translators = install_translators(qapp, chosen_language(paths))
    try:
        screen = LoginScreen(paths, runner)
        qtbot.addWidget(screen)
        assert screen.sign_in_button.text() == "&Sign in"
    finally:
        remove_translators(qapp, translators)


def test_vietnamese_by_default(qtbot, paths, runner, vietnamese, monkeypatch) -> None:
    monkeypatch.delenv("MOTCUA_LANG", raising=False)
    assert chosen_language(paths) == "vi"
    screen = LoginScreen(paths, runner)
    qtbot.addWidget(screen)
    assert screen.sign_in_button.text() == "Đăng &nhập"
    assert QCoreApplication.translate("errors", "Error") == "Lỗi"


def test_bootstrap_opens_setup_in_vietnamese_and_logs(paths, built_translations) -> None:
    """`ui.app.run` end to end in a child process (it owns the QApplication and the excepthook)."""
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from app.paths import data_paths
        from ui.app import run
        app = QApplication(sys.argv)
        seen = []
        def look():
            seen.extend(w.windowTitle() for w in app.topLevelWidgets() if w.isVisible())
            app.quit()
        QTimer.singleShot(300, look)
        status = run(data_paths({str(paths.root)!r}))
        print("TITLES", seen, "STATUS", status, "APP", app.applicationName())
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(paths.root),
           "PATH": "/usr/bin:/bin", "MOTCUA_KDF_PROFILE": "test"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Thiết lập ban đầu" in result.stdout and "MotCua Desk –" not in result.stdout
    assert "STATUS 0" in result.stdout and "APP MotCuaDesk" in result.stdout
    assert (paths.logs / "motcua.log").exists()
