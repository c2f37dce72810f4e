"""Reference data for read-only commands: the store's catalogue and holidays when the store can
be opened (a user and password are given), otherwise the catalogue and calendar shipped with the app.

Catalogue and holidays are not personal data, so `catalog search` and `due` work on a machine
with no store; the output says which source answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.deadlines import WorkCalendar

import argparse
import os
from dataclasses import dataclass

from app.cli.common import PASSWORD_ENV, USER_ENV, opened_store, paths_from


@dataclass
class Reference:
    versions: list
    calendar: WorkCalendar
    source: str


def store_credentials_given(args: argparse.Namespace) -> bool:
    has_user = bool(getattr(args, "user", None) or os.environ.get(USER_ENV))
    has_password = bool(getattr(args, "password_stdin", False) or os.environ.get(PASSWORD_ENV))
    return has_user and has_password


def load_reference(args: argparse.Namespace) -> Reference:
    from app.catalog.loader import load_catalog_file
    from app.holiday_table import default_calendar
    from app.paths import resource
    from app.store.service import store_exists

    if store_credentials_given(args) and store_exists(paths_from(args)):
        from app.calendar_store import load_calendar
        from app.catalog.storage import load_versions

        with opened_store(args) as store, store.read_session() as session:
            return Reference(load_versions(session), load_calendar(session), "store")
    versions = load_catalog_file(resource("catalog", "procedures.yaml"))
    return Reference(versions, default_calendar(), "built-in")
