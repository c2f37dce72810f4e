"""Training mode (app/training.py, demo/training.py): a separate store of sample data whose every
printout carries the training mark, which never reaches a portal, and whose reset leaves the real
store's files byte for byte as they were."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app import options
from app.errors import InputError
from app.forms.render import render_form_pdf
from app.forms.templates import KNOWN_FORMS, REGISTER
from app.paths import DataPaths
from app.register.export import export_register
from app.reports.period import Period
from app.store.service import open_store
from app.training import (MARKER_FILE, TRAINING_ADMIN, TRAINING_MARK, TRAINING_PASSWORD, TRAINING_USERNAME, is_training_paths,
                          training_paths)
from demo.training import STORIES, open_training, reset_training
from portal.admin import create_enrolment_token
from portal.db import dispose
from tests.portal.conftest import ThreadedPortal
from tests.screens import screen_path
from tests.sync.proxy import FaultProxy

REAL_PASSWORD = "mật-khẩu-thật-đủ-dài"
ROOT = Path(__file__).resolve().parents[2]


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / "form.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def file_hashes(root: Path) -> dict[str, str]:
    """Every file of the real desk outside its training folder, by path: what must never change."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and "training" not in p.relative_to(root).parts[:1]
            and p.parent.name != "logs"}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DataPaths]:
    """A real desk with a few dossiers of its own, and its training store seeded beside it."""
    from app.desk_setup import create_desk
    from demo.run import CITIZENS
    from demo.training import _receive_sample

    root = tmp_path_factory.mktemp("desk")
    paths = DataPaths(root=root / "data", logs=root / "data" / "logs")
    store, _key = create_desk(paths, unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                              admin_username="admin", admin_full_name="Lê Thị Hoa", admin_password=REAL_PASSWORD)
    try:
        store.add_user(username="canbo", full_name="Nguyễn Văn Cán", role="receiver", password=REAL_PASSWORD)
        store.reset_password(username="canbo", new_password=REAL_PASSWORD, must_change=False)
    finally:
        store.close()
    real = open_store(paths, username="canbo", password=REAL_PASSWORD)
    try:
        work = root / "work"
        (work / "scans").mkdir(parents=True)
        (work / "receipts").mkdir()
        _receive_sample(real, work, 0, *CITIZENS[0])
    finally:
        real.close()
    reset_training(paths)
    yield paths


@pytest.fixture
def training(desk: DataPaths) -> Iterator[object]:
    store = open_training(desk)
    yield store
    store.close()


def test_the_training_store_is_separate_seeded_and_marked(desk: DataPaths, training) -> None:  # type: ignore[no-untyped-def]
    target = training_paths(desk)
    assert target.root == desk.root / "training" and is_training_paths(target) and not is_training_paths(desk)
    assert training.paths == target and training.user.username == TRAINING_USERNAME
    assert training.get_setting(options.TRAINING_STORE.key) is True
    with training.read_session() as session:
        from sqlalchemy import select

        from app.store.models import Dossier
        statuses = set(session.execute(select(Dossier.status)).scalars())
    # Every status an official meets at the desk is there to practise on.
    assert statuses >= {"DA_TIEP_NHAN", "DANG_XU_LY", "CHO_BO_SUNG", "TU_CHOI", "CO_KET_QUA", "DA_TRA", "DUNG"}
    assert len(STORIES) == 8


def test_every_form_of_the_training_store_carries_the_mark(training, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.store.models import Dossier

    with training.read_session() as session:
        codes = list(session.execute(select(Dossier.code)).scalars())
    rendered: set[str] = set()
    for code in codes:
        for form in KNOWN_FORMS:
            try:
                pdf = render_form_pdf(training, code, form)
            except InputError as error:
                assert error.kind == "forms.not_available", error
                continue
            text = pdf_text(pdf, tmp_path)
            assert TRAINING_MARK in text, f"form {form} of {code} lacks the training mark"
            rendered.add(form)
    # 01 to 06, every one printed at least once; 07 is the register (the next test).
    assert rendered == set(KNOWN_FORMS) - {REGISTER}
    publish_receipt(render_form_pdf(training, sorted(codes)[0], "01"), tmp_path)


def publish_receipt(pdf: bytes, tmp: Path) -> None:
    """The training receipt as the user guide shows it (docs/screens/training-receipt.png)."""
    target = screen_path("training-receipt.png", publish=True)
    if target is None:
        return
    (tmp / "receipt.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", "-f", "1", "-l", "1", str(tmp / "receipt.pdf"),
                    str(target.with_suffix(""))], check=True)


def test_the_training_register_is_marked_and_the_real_one_is_not(desk: DataPaths, training,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    from app.clock import local_today

    today = local_today()
    period = Period(date(today.year, today.month, 1), today)
    with training.read_session() as session:
        path, rows = export_register(session, period, tmp_path / "so-tap-huan.pdf")
    assert rows == len(STORIES)
    assert TRAINING_MARK in pdf_text(path.read_bytes(), tmp_path)
    with training.read_session() as session:
        sheet_path, _rows = export_register(session, period, tmp_path / "so-tap-huan.xlsx")
    sheet = openpyxl.load_workbook(sheet_path).active
    assert TRAINING_MARK in sheet.cell(2, 1).value and sheet.oddHeader.center.text == TRAINING_MARK
    real = open_store(desk, username="canbo", password=REAL_PASSWORD)
    try:
        with real.read_session() as session:
            path, rows = export_register(session, period, tmp_path / "so-that.pdf")
        assert rows == 1 and "TẬP HUẤN" not in pdf_text(path.read_bytes(), tmp_path)
        with real.read_session() as session:
            sheet_path, _rows = export_register(session, period, tmp_path / "so-that.xlsx")
        sheet = openpyxl.load_workbook(sheet_path).active
        assert "TẬP HUẤN" not in sheet.cell(2, 1).value and not sheet.oddHeader.center.text
        code = _first_code(real)
        assert "TẬP HUẤN" not in pdf_text(render_form_pdf(real, code, "01"), tmp_path)
    finally:
        real.close()


def _first_code(store) -> str:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.store.models import Dossier

    with store.read_session() as session:
        return str(session.execute(select(Dossier.code)).scalars().first())


def test_the_training_store_never_talks_to_a_portal(desk: DataPaths, tmp_path: Path) -> None:
    """A real portal on loopback behind a counting proxy: enrolment, sync and a USB bundle are all
    refused before any connection, even when the training store carries a device's credentials."""
    from sync import state
    from sync.bundle_export import export_bundle
    from sync.engine import sync_once
    from sync.enrolment import enrol

    db_url = f"sqlite:///{tmp_path / 'portal.db'}"
    # The training administrator: the one who could enrol, were it a real desk.
    training = open_store(training_paths(desk), username=TRAINING_ADMIN, password=TRAINING_PASSWORD)
    try:
        with ThreadedPortal(db_url, tmp_path / "blobs") as portal, FaultProxy(portal.port) as proxy:
            token = create_enrolment_token(db_url, training.unit.code)
            with pytest.raises(InputError) as refused:
                enrol(training, proxy.url, token)
            assert refused.value.kind == "training.not_synced"
            # As if the training database had been copied from an enrolled desk.
            for option, value in ((state.PORTAL_URL, proxy.url), (state.DEVICE_ID, "dev-1"),
                                  (state.DEVICE_SECRET, "s" * 32)):
                training.set_setting(option, value)
            report = sync_once(training)
            assert [e.kind for e in report.errors] == ["training.not_synced"] and not report.online
            with pytest.raises(InputError) as bundle:
                export_bundle(training, tmp_path / "goi.mcb")
            assert bundle.value.kind == "training.not_synced" and not (tmp_path / "goi.mcb").exists()
            assert proxy.connections == 0 and proxy.bytes_up == 0
    finally:
        training.close()
        dispose(db_url)


def test_reset_wipes_the_practice_and_never_touches_the_real_store(desk: DataPaths) -> None:
    from app.lifecycle.actions import act

    before = file_hashes(desk.root)
    assert "store.db" in before and "keys.json" in before
    store = open_training(desk)
    try:
        code = _first_code(store)
        act(store, code, "result_ready")  # practice
    finally:
        store.close()
    info = reset_training(desk)
    assert info.dossiers[code] == "DA_TIEP_NHAN" and info.password == TRAINING_PASSWORD
    store = open_training(desk)
    try:
        from sqlalchemy import select

        from app.store.models import Dossier
        with store.read_session() as session:
            assert session.execute(select(Dossier.status).where(Dossier.code == code)).scalar_one() == "DA_TIEP_NHAN"
    finally:
        store.close()
    assert file_hashes(desk.root) == before
    assert not [p for p in desk.root.iterdir() if p.name.startswith(".training")]  # no leftovers


def test_reset_refuses_a_folder_holding_a_store_that_is_not_a_training_store(tmp_path: Path) -> None:
    from app.desk_setup import create_desk

    paths = DataPaths(root=tmp_path / "data", logs=tmp_path / "logs")
    impostor = DataPaths(root=paths.root / "training", logs=paths.logs)
    store, _key = create_desk(impostor, unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                              admin_username="admin", admin_full_name="Lê Thị Hoa", admin_password=REAL_PASSWORD)
    store.close()
    before = file_hashes(impostor.root)
    with pytest.raises(InputError) as refused:
        reset_training(paths)
    assert refused.value.kind == "training.not_training_store"
    assert file_hashes(impostor.root) == before and not (impostor.root / MARKER_FILE).exists()


def test_a_marker_file_dropped_into_the_real_desk_does_not_make_it_wipeable(desk: DataPaths) -> None:
    """The real store's folder with a forged marker: training mode still uses its own folder, and a
    forged marker in a folder named "training" is refused because the store is not one."""
    from app.desk_setup import create_desk
    from app.training import write_marker

    forged = write_marker(desk)
    try:
        before = file_hashes(desk.root)
        assert training_paths(desk).root == desk.root / "training"
        reset_training(desk)
        assert file_hashes(desk.root) == before
    finally:
        forged.unlink()
    other = DataPaths(root=desk.root.parent / "other", logs=desk.root.parent / "other-logs")
    impostor = DataPaths(root=other.root / "training", logs=other.logs)
    store, _key = create_desk(impostor, unit_code="000.00.06.H56", unit_name="UBND xã Tân Lập",
                              admin_username="admin", admin_full_name="Lê Thị Hoa", admin_password=REAL_PASSWORD)
    store.close()
    write_marker(impostor)
    before = file_hashes(impostor.root)
    with pytest.raises(InputError) as refused:
        reset_training(other)
    assert refused.value.kind == "training.not_training_store"
    assert {k: v for k, v in file_hashes(impostor.root).items() if k != "keys.json"} == {
        k: v for k, v in before.items() if k != "keys.json"}  # the failed sign-in is counted in keys.json


def test_cli_training_reset_json(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "--data-dir", str(tmp_path / "data"), "--json",
                           "training", "reset"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["username"] == TRAINING_USERNAME and len(info["dossiers"]) == len(STORIES)
    assert Path(info["folder"]) == (tmp_path / "data" / "training").resolve()
    assert not (tmp_path / "data" / "store.db").exists()  # no real store was made
