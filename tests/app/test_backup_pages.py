"""Backups hold every page: restoring into an empty folder on a new computer gives a working desk
(sign in, see dossiers, open pages, drafts keep their captured pages); restore verifies every page
and refuses a truncated or tampered backup naming the file and what is wrong; `check --full`
names missing or damaged pages by dossier code."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.errors import AuthError, InputError, StoreCorruptError, StoreExistsError
from app.paths import data_paths
from app.reception.drafts import save_draft
from app.reception.model import PageInput
from app.reception.service import confirm_reception
from app.store import open_store, restore_backup
from app.store.models import Document, Dossier, Page
from tests.app.reception_support import PASSWORD, birth_request, open_copy, page_file, template

COLOURS = ("red", "green", "blue", "black")


def unlock_admin(keyfile):  # type: ignore[no-untyped-def]
    return keyfile.unlock_user("admin", PASSWORD)[0]


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A desk with two confirmed dossiers (two pages each) and a draft holding a captured page."""
    store = open_copy(template(), tmp_path / "desk")
    codes = []
    for i in range(2):
        request = birth_request(store, tmp_path / f"pages-{i}")
        for j, doc in enumerate(request.documents[:2]):  # distinct content per dossier and page
            doc.pages = [PageInput(page_file(tmp_path / "pages", f"d{i}-p{j}.png", COLOURS[2 * i + j]))]
        codes.append(confirm_reception(store, request).code)
    draft = birth_request(store, tmp_path / "pages-draft")
    sealed, _ = store.blobs.put_bytes(b"captured page held only by a draft")
    draft.documents[0].pages = [PageInput(Path(""), "image/png", blob=sealed)]
    with store.session() as session:
        save_draft(session, store.user.id, draft)
    yield store, codes, sealed
    store.close()


def pages_of(store, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    with store.read_session() as session:
        return list(session.scalars(select(Page.sha256).join(Document).join(Dossier).where(Dossier.code == code)))


def test_backup_restores_a_working_desk_into_an_empty_folder(desk, tmp_path: Path) -> None:
    store, codes, sealed = desk
    expected = {code: [store.blobs.get(sha) for sha in pages_of(store, code)] for code in codes}
    backup = store.backup()
    with zipfile.ZipFile(backup) as archive:
        packed = {name for name in archive.namelist() if name.startswith("pages/")}
        manifest = json.loads(archive.read("manifest.json"))
    assert len(packed) == 5 and f"pages/{sealed}" in packed  # 2 dossiers × 2 pages + the draft's
    assert manifest["missing_pages"] == [] and manifest["audit_anchor"]["seq"] >= 1

    new_pc = data_paths(tmp_path / "new-pc")
    report = restore_backup(new_pc, backup, unlock=unlock_admin, replace=False)
    assert (report.pages, report.pages_from_backup, report.verified) == (5, 5, True)
    restored = open_store(new_pc, username="admin", password=PASSWORD)
    try:
        for code in codes:
            assert [restored.blobs.get(sha) for sha in pages_of(restored, code)] == expected[code]
        assert restored.blobs.get(sealed) == b"captured page held only by a draft"
        full = restored.check(full=True)
        assert full.ok and full.pages_checked == 5, full.problems
    finally:
        restored.close()
    assert not list(new_pc.root.glob(".restore-*"))  # nothing left over


def test_restore_refuses_an_existing_store_unless_told(desk, tmp_path: Path) -> None:
    store, _, _ = desk
    backup = store.backup()
    with pytest.raises(StoreExistsError, match="already holds a store"):
        restore_backup(store.paths, backup, unlock=unlock_admin, replace=False)
    with pytest.raises(AuthError, match="does not open"):
        restore_backup(data_paths(tmp_path / "x"), backup, unlock=lambda k: k.unlock_user("admin", "nope")[0])
    assert not (tmp_path / "x" / "store.db").exists()


def rewrite_zip(source: Path, target: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Copy a backup member by member; `change(name, data)` returns new bytes or None to drop it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for name in src.namelist():
            data = change(name, src.read(name))
            if data is not None:
                dst.writestr(name, data)


def test_tampered_page_is_refused_naming_the_dossier(desk, tmp_path: Path) -> None:
    store, codes, _ = desk
    victim = pages_of(store, codes[1])[0]
    backup = store.backup()
    bad = tmp_path / "tampered.zip"
    rewrite_zip(backup, bad, lambda name, data: data[:-1] + bytes([data[-1] ^ 1])
                if name == f"pages/{victim}" else data)
    target = data_paths(tmp_path / "new-pc")
    with pytest.raises(StoreCorruptError) as info:
        restore_backup(target, bad, unlock=unlock_admin, replace=False)
    message = info.value.message
    assert str(bad) in message and f"dossier {codes[1]}" in message and victim[:12] in message
    assert "damaged" in message and codes[0] not in message
    assert not target.store.exists() and not list(target.blobs.glob("??/??/*"))  # nothing half-written


def test_page_dropped_from_backup_and_manifest_is_named_missing(desk, tmp_path: Path) -> None:
    store, codes, _ = desk
    victim = pages_of(store, codes[0])[1]
    backup = store.backup()
    bad = tmp_path / "dropped.zip"

    def drop(name: str, data: bytes) -> bytes | None:
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["pages"].remove(victim)
            return json.dumps(manifest).encode()
        return None if name == f"pages/{victim}" else data

    rewrite_zip(backup, bad, drop)
    target = data_paths(tmp_path / "new-pc")
    with pytest.raises(StoreCorruptError, match=f"dossier {codes[0]}: page {victim[:12]}… is missing"):
        restore_backup(target, bad, unlock=unlock_admin, replace=False)
    assert not target.store.exists()
    # Told to go on anyway, the desk is restored and the missing page is listed.
    report = restore_backup(target, bad, unlock=unlock_admin, replace=False, allow_missing_pages=True)
    assert report.page_problems == [f"dossier {codes[0]}: page {victim[:12]}… is missing"]


def test_truncated_or_incomplete_backup_is_refused_naming_the_file(desk, tmp_path: Path) -> None:
    store, codes, _ = desk
    backup = store.backup()
    data = backup.read_bytes()
    target = data_paths(tmp_path / "new-pc")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"cut\.zip: truncated"):
        restore_backup(target, cut, unlock=unlock_admin, replace=False)
    listed = tmp_path / "listed.zip"
    victim = pages_of(store, codes[0])[0]
    rewrite_zip(backup, listed, lambda name, d: None if name == f"pages/{victim}" else d)
    with pytest.raises(InputError, match=r"listed\.zip: 1 page file\(s\) listed in its manifest are not in it"):
        restore_backup(target, listed, unlock=unlock_admin, replace=False)
    assert not target.store.exists()


def test_check_full_names_missing_and_damaged_pages_by_dossier(desk) -> None:
    store, codes, _ = desk
    lost, broken = pages_of(store, codes[0])[0], pages_of(store, codes[1])[1]
    store.blobs.path_of(lost).unlink()
    path = store.blobs.path_of(broken)
    path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    assert store.check().ok  # plain check stays fast: it does not read pages
    report = store.check(full=True)
    assert not report.ok and report.pages_checked == 5
    assert f"dossier {codes[0]}: page {lost[:12]}… is missing" in report.problems
    assert any(p.startswith(f"dossier {codes[1]}: page {broken[:12]}… is damaged") for p in report.problems)


def test_cli_backup_restore_check_on_a_new_computer(desk, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store, codes, _ = desk
    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    monkeypatch.setenv("MOTCUA_USER", "admin")
    usb = tmp_path / "usb"
    assert main(["--data-dir", str(store.paths.root), "backup", "--out", str(usb / "desk.zip")]) == 0
    capsys.readouterr()
    new_pc = tmp_path / "new-pc"
    assert main(["--data-dir", str(new_pc), "restore", str(usb / "desk.zip"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 5
    assert main(["--data-dir", str(new_pc), "restore", str(usb / "desk.zip")]) == 2
    assert "already holds a store" in capsys.readouterr().err
    assert main(["--data-dir", str(new_pc), "check", "--full"]) == 0
    assert "Pages: 5 read and decrypted" in capsys.readouterr().out
    shutil.rmtree(data_paths(new_pc).blobs)
    assert main(["--data-dir", str(new_pc), "check", "--full"]) == 3
    out = capsys.readouterr().out
    assert all(f"dossier {code}" in out for code in codes) and "PROBLEMS FOUND" in out
