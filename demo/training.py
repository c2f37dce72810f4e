"""Seeding and resetting the training store (chế độ tập huấn), with the demo's sample people.

`reset_training` builds a fresh training store beside the real one (app/training.py says where and
why its password is published): the built-in catalogue and holidays, the training official, and
dossiers received through the same services as the reception screen, some then moved through
the lifecycle so every status an official meets is there to practise on. It is built in a
sibling folder and swapped in whole, so a reset that fails leaves the previous training store;
the real store's folder is never written.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import InputError
from app.paths import DataPaths
from app.training import (MARKER_FILE, TRAINING_ADMIN, TRAINING_ADMIN_NAME, TRAINING_FULL_NAME,
                          TRAINING_PASSWORD, TRAINING_ROLE, TRAINING_UNIT_CODE, TRAINING_UNIT_NAME,
                          TRAINING_FOLDER, TRAINING_USERNAME, is_training_paths, is_training_store, mark_store,
                          training_paths)
from demo.run import CITIZENS

if TYPE_CHECKING:  # the store imports much of app/; only the type is needed here
    from app.store.service import Store

BODY = "Công chức Tư pháp - Hộ tịch"
# What happens to each sample dossier after reception: (action, ActionInput fields) in order.
STORIES: tuple[tuple[tuple[str, dict[str, Any]], ...], ...] = (
    (),  # just received
    (("handover", {"body": BODY}),),
    (("request_supplement", {"items": ("Bản sao giấy khai sinh",), "reason": "Bản chụp bị mờ"}),),
    (("refuse", {"reason": "Hồ sơ không thuộc thẩm quyền giải quyết của xã"}),),
    (("handover", {"body": BODY}), ("receive_back", {"body": BODY}), ("result_ready", {})),
    (("result_ready", {}), ("return", {"to": "applicant"})),
    (("apologise", {"reason": "Cần xác minh thêm thông tin", "new_due": "+3d"}),),
    (("stop", {"reason": "Người nộp đề nghị dừng giải quyết"}),),
)


@dataclass
class TrainingInfo:
    """What a reset made: where, how to sign in, the sample dossiers and their statuses."""

    folder: str
    username: str = TRAINING_USERNAME
    admin: str = TRAINING_ADMIN
    password: str = TRAINING_PASSWORD
    dossiers: dict[str, str] = field(default_factory=dict)  # code -> status

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def reset_training(paths: DataPaths, *, say: Callable[[str], None] = lambda _text: None) -> TrainingInfo:
    """Wipe the training store of the desk at `paths` and seed a new one; returns what it holds."""
    target = training_paths(paths)
    _refuse_real_store(target)
    target.root.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.root.name}-new-", dir=target.root.parent))
    try:
        info = _seed(DataPaths(root=building, logs=target.logs), say)
        old = target.root.with_name(f".{target.root.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.root.exists():
            target.root.rename(old)
        building.rename(target.root)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    info.folder = str(target.root)
    return info


def open_training(paths: DataPaths) -> Store:
    """Sign in to the training store as the training official, seeding it first when there is none."""
    from app.store.service import open_store, store_exists

    target = training_paths(paths)
    if not (store_exists(target) and is_training_paths(target)):
        reset_training(paths)
    return open_store(target, username=TRAINING_USERNAME, password=TRAINING_PASSWORD)


def _refuse_real_store(target: DataPaths) -> None:
    """Never wipe a folder holding a store that is not a training store: the folder must be named
    and marked as one, and its store must open with the training account and say it is one (a
    marker file dropped into a real desk's folder is not enough)."""
    from app.errors import MotcuaError
    from app.store.service import open_store

    if not target.store.exists():
        return
    refused = InputError(f"training: {target.root} holds a store that is not a training store; "
                         f"it was not touched", kind="training.not_training_store")
    if target.root.name != TRAINING_FOLDER or not (target.root / MARKER_FILE).is_file():
        raise refused
    try:
        store = open_store(target, username=TRAINING_USERNAME, password=TRAINING_PASSWORD)
    except MotcuaError:
        raise refused from None
    try:
        if not is_training_store(store):
            raise refused
    finally:
        store.close()


def _seed(paths: DataPaths, say: Callable[[str], None]) -> TrainingInfo:
    from app.desk_setup import create_desk
    from app.store.service import open_store

    say("creating the training store (catalogue, holidays, the training officials)")
    admin, _recovery = create_desk(paths, unit_code=TRAINING_UNIT_CODE, unit_name=TRAINING_UNIT_NAME,
                                   admin_username=TRAINING_ADMIN, admin_full_name=TRAINING_ADMIN_NAME,
                                   admin_password=TRAINING_PASSWORD)
    try:
        mark_store(admin)  # first: nothing in it may ever look like real data
        admin.add_user(username=TRAINING_USERNAME, full_name=TRAINING_FULL_NAME, role=TRAINING_ROLE,
                       password=TRAINING_PASSWORD)
        # Published password: nobody is asked to choose their own at the first sign-in.
        admin.reset_password(username=TRAINING_USERNAME, new_password=TRAINING_PASSWORD, must_change=False)
    finally:
        admin.close()
    # The samples are received and moved on by the receiving official, as at a real desk.
    store = open_store(paths, username=TRAINING_USERNAME, password=TRAINING_PASSWORD)
    try:
        info = TrainingInfo(str(paths.root))
        work = paths.root / "seeding"
        for sub in ("scans", "receipts"):
            (work / sub).mkdir(parents=True, exist_ok=True)
        for index, story in enumerate(STORIES):
            procedure, payload = CITIZENS[index % len(CITIZENS)]
            say(f"sample dossier {index + 1} of {len(STORIES)}")
            code = _receive_sample(store, work, index, procedure, payload)
            status = _play(store, code, story)
            info.dossiers[code] = status
        shutil.rmtree(work, ignore_errors=True)  # receipts are printed from the store, not kept
    finally:
        store.close()
    return info


def _receive_sample(store: Store, work: Path, index: int, procedure: str, payload: str) -> str:
    from demo.run import _receive

    return _receive(store, work / "scans", work / "receipts", index, procedure, payload, scan=_one_scan).code


def _one_scan(folder: Path, name: str, _seed: int) -> tuple[Path, int]:
    """Every sample document is the same scanned page: processing a page per document made a reset
    take most of a minute, and a trainee practises on the dossiers, not on the pages' content."""
    from demo.run import scanned_document

    first = folder / "page-0.pdf"
    if not first.exists():
        scanned_document(folder, "page-0", 0)
    copy = folder / f"{name}.pdf"
    shutil.copyfile(first, copy)
    return copy, copy.stat().st_size


def _play(store: Store, code: str, story: tuple[tuple[str, dict[str, Any]], ...]) -> str:
    """Take the story's actions on `code` now, as the training official; returns the status."""
    from datetime import timedelta

    from app.clock import local_now
    from app.lifecycle.actions import act
    from app.lifecycle.machine import ActionInput
    from app.store.models import Dossier
    from sqlalchemy import select

    for action, fields in story:
        values = dict(fields)
        if values.get("new_due") == "+3d":
            with store.read_session() as session:
                due = session.execute(select(Dossier.due_at).where(Dossier.code == code)).scalar_one()
            values["new_due"] = (due or local_now()).replace(microsecond=0) + timedelta(days=3)
        act(store, code, action, ActionInput(**values))
    with store.read_session() as session:
        return str(session.execute(select(Dossier.status).where(Dossier.code == code)).scalar_one())
