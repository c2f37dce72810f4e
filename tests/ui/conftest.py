"""UI test fixtures: a synchronous task runner, Vietnamese translations, desk-procedure verbs.

Screens are driven with the keyboard (qtbot.keyClicks / keyClick), the way an official works,
against a real encrypted store in a temp folder.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QWidget

from app.paths import DataPaths
from app.paths import data_paths
from tests.screens import screen_path
from ui.i18n import install_translators
from ui.i18n import remove_translators
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built_translations() -> None:
    """Compile the .ts catalogues once per run (the .qm files are build outputs)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    assert build_translations.main() == 0, "translation catalogues are incomplete"


@pytest.fixture
def vietnamese(qapp: QApplication, built_translations: None) -> Iterator[None]:
    """The app's default language installed for one test."""
    translators = install_translators(qapp, "vi")
    assert translators, "motcua_vi.qm did not load"
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """Background work runs inline, callbacks before the call returns."""
    tasks = TaskRunner(synchronous=True)
    yield tasks
    tasks.shutdown()


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return data_paths(data_dir).ensure()


def fill(qtbot, edit: QLineEdit | QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into a field as a person would: focus it, clear it, type."""
    target = getattr(edit, "edit", edit)
    target.setFocus()
    target.selectAll()
    qtbot.keyClick(target, Qt.Key.Key_Backspace)
    type_text(qtbot, target, text)


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """keyClicks for ASCII; Vietnamese letters as key events carrying the text, the way an
    input method (Unikey, Windows Telex) delivers them. QTest.keyClicks aborts on non-Latin-1."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def press_enter(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def save_screen(widget: QWidget, name: str, *, publish: bool = False) -> Path | None:
    """Render a widget offscreen as `name`.png where tests/screens.py says (outside the checkout
    unless asked); `publish` marks the docs' screens. None when not written."""
    target = screen_path(f"{name}.png", publish=publish)
    if target is None:
        return None
    # Layout changes (a message shown or hidden) travel up one parent per event-loop pass.
    for _ in range(4):
        QApplication.processEvents()
    image = widget.grab()
    assert image.save(str(target)), f"could not save {target}"
    return target


@pytest.fixture
def desk_store(paths: DataPaths) -> Iterator[object]:
    """A freshly created desk (store + built-in catalogue), signed in as the admin."""
    from app.desk_setup import create_desk

    store, _key = create_desk(paths, unit_code="000.00.06.H56",
                              unit_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
                              admin_username="admin", admin_full_name="Nguyễn Thị Hoà",
                              admin_password=DESK_PASSWORD)
    yield store
    store.close()


DESK_PASSWORD = "mật-khẩu-đủ-dài"


@pytest.fixture(autouse=True)
def no_scanner_discovery(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Screens list no scanners unless a test asks for the SANE test device: listing every
    backend (and waiting for mDNS answers) takes seconds, inline under the synchronous runner."""
    from app.capture.sources import SourceRegistry
    from ui.reception.capture import capture_panel

    monkeypatch.setattr(capture_panel, "registry_factory", lambda _settings: SourceRegistry([]))
    monkeypatch.setattr(capture_panel, "_listing", None)
