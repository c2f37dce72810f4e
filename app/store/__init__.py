"""The encrypted local store: SQLCipher database, key file, migrations, audit log, backups.

Callers use the facade in `app.store.service`, re-exported here lazily so that importing
`app.store.models` (as `app.codes` and the catalogue do) does not pull in the whole service.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["ROLES", "CheckReport", "OutboxStats", "Store", "UnitInfo", "UserInfo", "create_store",
           "list_backups", "open_store", "open_store_with_recovery", "restore_backup", "store_exists"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("app.store.service"), name)
    raise AttributeError(f"module 'app.store' has no attribute {name!r}")
