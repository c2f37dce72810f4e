"""Training mode (chế độ tập huấn): a separate practice store, and how everything recognises it.

The training store lives in its own folder, `training/` under the desk's data folder, with its own
key file; the real store beside it is never opened, read or written by training mode. It holds
only invented sample data, so its one account has a fixed, published password (shown on the
sign-in screen): anyone may practise, and nothing in it is worth protecting. It is still
encrypted like any store, because the code that opens stores knows no other kind.

A training store is known two ways, both written when it is seeded: the `desk.training` setting
inside the encrypted database (what the sync engine and the printed forms read, so a copied
training database is still refused and still marked) and a marker file in its folder (what the
screens read without touching the database).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app import options
from app.errors import InputError
from app.paths import DataPaths
from app.store.models import Setting

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

# What every training screen and printout says.
TRAINING_MARK = "BẢN TẬP HUẤN – KHÔNG CÓ GIÁ TRỊ"
TRAINING_FOLDER = "training"
MARKER_FILE = "training-store.txt"
# Published on purpose (see the module docstring); at least 8 characters like any password.
TRAINING_USERNAME = "taphuan"
TRAINING_PASSWORD = "taphuan1"
TRAINING_FULL_NAME = "Cán bộ tập huấn"
TRAINING_ROLE = "receiver"  # practises what a receiving official does
# The training store's administrator (users, settings), with the same published password.
TRAINING_ADMIN = "quantri"
TRAINING_ADMIN_NAME = "Quản trị tập huấn"
TRAINING_UNIT_CODE = "000.00.99.H99"
TRAINING_UNIT_NAME = "UBND xã Tập Huấn (bản tập huấn)"


def training_paths(paths: DataPaths) -> DataPaths:
    """The training store's own folder under the real desk's data folder (logs are shared)."""
    if paths.root.name == TRAINING_FOLDER and is_training_paths(paths):
        return paths
    return DataPaths(root=paths.root / TRAINING_FOLDER, logs=paths.logs)


def is_training_paths(paths: DataPaths) -> bool:
    """True for the folder of a training store (its marker file is there)."""
    return (paths.root / MARKER_FILE).is_file()


def is_training_session(session: Session) -> bool:
    """True when the store this session reads is a training store (its own setting says so)."""
    row = session.get(Setting, options.TRAINING_STORE.key)
    return bool(row is not None and row.value)


def is_training_store(store: Store) -> bool:
    with store.read_session() as session:
        return is_training_session(session)


def refuse_in_training(source: Any, what: str) -> None:
    """InputError of kind "training.not_synced" when `source` (a store or a session) is a training
    store: sample data must never reach a portal, by sync, enrolment or USB bundle."""
    training = (is_training_session(source) if isinstance(source, Session) else is_training_store(source))
    if training:
        raise InputError(f"{what}: this is the training store; training data is never sent to a portal",
                         kind="training.not_synced", params={"what": what})


def mark_store(store: Store) -> None:
    """Make `store` a training store (setting and marker file); called when it is seeded."""
    store.set_setting(options.TRAINING_STORE.key, True)
    write_marker(store.paths)


def write_marker(paths: DataPaths) -> Path:
    marker = paths.root / MARKER_FILE
    marker.write_text(f"{TRAINING_MARK}\nThis folder holds MotCua Desk's training store (sample data only).\n"
                      f"Sign in as {TRAINING_USERNAME} or {TRAINING_ADMIN}, password {TRAINING_PASSWORD}.\n", encoding="utf-8")
    return marker
