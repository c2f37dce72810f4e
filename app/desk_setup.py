"""Creating a desk: the encrypted store plus the reference data every reception needs.

Both the setup screen and `motcua init` call `create_desk`, so a new installation always has the
built-in catalogue and the seeded holiday table, whichever way it was made.
"""

from __future__ import annotations

from app.calendar_store import seed_holiday_table
from app.catalog.storage import seed_builtin_catalog
from app.paths import DataPaths
from app.store.service import Store, create_store


def create_desk(paths: DataPaths, *, unit_code: str, unit_name: str, admin_username: str,
                admin_full_name: str, admin_password: str) -> tuple[Store, str]:
    """Create the store, seed catalogue and holidays; returns the open store and the recovery key."""
    store, recovery_key = create_store(
        paths, unit_code=unit_code, unit_name=unit_name, admin_username=admin_username,
        admin_full_name=admin_full_name, admin_password=admin_password)
    try:
        with store.session() as session:
            catalog = seed_builtin_catalog(session)
            holidays = seed_holiday_table(session)
            store.record_audit(session, action="desk.seed", object_type="store", object_id=None,
                               details={"procedures": catalog.added, "holidays": holidays})
    except BaseException:
        store.close()
        raise
    return store, recovery_key
