"""The catalogue in the local store: importing versions, reading them back, seeding the built-in file.

Rows live in `procedure_versions` (app/store/models.py), one per (code, valid_from), with the
whole `ProcedureVersionData.to_json()` in `data`. A dossier points at the row it was received
under, so such a row is frozen: a changed procedure must come as a new version (later
`valid_from`), and an import that would rewrite a used row is refused whole.

Every function takes the caller's session and runs inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog.model import ProcedureVersionData
from app.errors import InputError, NotFoundError
from app.paths import resource
from app.store.models import Dossier, ProcedureVersion, utcnow

BUILTIN_CATALOG = ("catalog", "procedures.yaml")


@dataclass(frozen=True)
class ImportReport:
    """How many versions an import added, changed and found already identical."""

    added: int
    updated: int
    unchanged: int
    # Versions left as they were because dossiers were received under them (keep_used=True):
    # "CODE valid from YYYY-MM-DD" each.
    kept: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "kept": list(self.kept)}


def version_hash(data: dict[str, Any]) -> str:
    """SHA-256 of a version's catalogue entry (`ProcedureVersionData.to_json()`, as stored in
    `procedure_versions.data`) in canonical JSON: what a dossier records as the version it keeps."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_catalog(session: Session, versions: list[ProcedureVersionData], *,
                   catalog_version: str, keep_used: bool = False) -> ImportReport:
    """Add or update `versions`; importing the same data twice changes nothing.

    Versions already in the store but absent from `versions` are kept: a province may send only
    what changed. Raises InputError, before writing anything, for a duplicate (code, valid_from)
    in `versions` or for a change to a version that dossiers were received under; with
    `keep_used` (a catalogue from the portal, which cannot know what this desk used) such a
    version is left as it is and named in the report's `kept` instead, and the rest is imported.
    """
    if not catalog_version or not catalog_version.strip():
        raise InputError("catalog_version: must name the catalogue being imported")
    _refuse_duplicates(versions)
    existing = {(row.code, row.valid_from): row for row in session.scalars(select(ProcedureVersion))}
    added: list[ProcedureVersion] = []
    changes: list[tuple[ProcedureVersion, ProcedureVersionData, dict]] = []
    unchanged = 0
    for version in versions:
        data = version.to_json()
        row = existing.get((version.code, version.valid_from))
        if row is None:
            added.append(_new_row(version, data, catalog_version))
        elif _same(row, version, data):
            unchanged += 1
        else:
            changes.append((row, version, data))
    kept: tuple[str, ...] = ()
    if keep_used:
        used = _used_row_ids(session, [row for row, _, _ in changes])
        kept = tuple(f"{row.code} valid from {row.valid_from.isoformat()}" for row, _, _ in changes
                     if row.id in used)
        changes = [change for change in changes if change[0].id not in used]
    else:
        _refuse_changes_to_used_rows(session, [row for row, _, _ in changes])
    # Everything is checked; only now is the session touched, so a refusal leaves it clean.
    session.add_all(added)
    now = utcnow()
    for row, version, data in changes:
        row.name, row.field, row.valid_until = version.name, version.field, version.valid_until
        row.data = data  # a new dict: JSON columns do not track changes made in place
        row.catalog_version, row.imported_at = catalog_version, now
    session.flush()
    return ImportReport(added=len(added), updated=len(changes), unchanged=unchanged, kept=kept)


def load_versions(session: Session) -> list[ProcedureVersionData]:
    """Every stored procedure version, ordered by code then valid_from."""
    rows = session.scalars(select(ProcedureVersion).order_by(ProcedureVersion.code,
                                                             ProcedureVersion.valid_from))
    return [ProcedureVersionData.from_json(
        row.data, where=f"stored procedure {row.code} valid from {row.valid_from.isoformat()}")
        for row in rows]


def version_row_id(session: Session, code: str, valid_from: date) -> str:
    """The row id a dossier must reference for this version; NotFoundError if not stored."""
    row_id = session.scalar(select(ProcedureVersion.id).where(ProcedureVersion.code == code,
                                                              ProcedureVersion.valid_from == valid_from))
    if row_id is None:
        raise NotFoundError(f"procedure {code} valid from {valid_from.isoformat()} is not in the "
                            "local catalogue")
    return row_id


def seed_builtin_catalog(session: Session) -> ImportReport:
    """Import the catalogue shipped with the app (resources/catalog/procedures.yaml)."""
    # The file reader (and its YAML parser) only here: reading the stored catalogue needs neither.
    from app.catalog.loader import load_catalog

    catalog = load_catalog(resource(*BUILTIN_CATALOG))
    label = catalog.catalog_version or "built-in"
    return import_catalog(session, catalog.versions, catalog_version=label)


def _new_row(version: ProcedureVersionData, data: dict, catalog_version: str) -> ProcedureVersion:
    return ProcedureVersion(code=version.code, valid_from=version.valid_from,
                            valid_until=version.valid_until, name=version.name, field=version.field,
                            data=data, catalog_version=catalog_version, imported_at=utcnow())


def _same(row: ProcedureVersion, version: ProcedureVersionData, data: dict) -> bool:
    return (row.data == data and row.name == version.name and row.field == version.field
            and row.valid_until == version.valid_until)


def _refuse_duplicates(versions: list[ProcedureVersionData]) -> None:
    seen: dict[tuple[str, date], int] = {}
    for index, version in enumerate(versions):
        key = (version.code, version.valid_from)
        if key in seen:
            raise InputError(f"entries {seen[key] + 1} and {index + 1} are both code {version.code!r} "
                             f"valid from {version.valid_from.isoformat()} (duplicate)")
        seen[key] = index


def _used_row_ids(session: Session, rows: list[ProcedureVersion]) -> set[str]:
    if not rows:
        return set()
    return set(session.scalars(select(Dossier.procedure_version_id).distinct()
                               .where(Dossier.procedure_version_id.in_([row.id for row in rows]))))


def _refuse_changes_to_used_rows(session: Session, rows: list[ProcedureVersion]) -> None:
    if not rows:
        return
    by_id = {row.id: row for row in rows}
    used = session.execute(select(Dossier.procedure_version_id, Dossier.code)
                           .where(Dossier.procedure_version_id.in_(by_id))
                           .order_by(Dossier.code)).first()
    if used is not None:
        row = by_id[used.procedure_version_id]
        raise InputError(
            f"procedure {row.code} valid from {row.valid_from.isoformat()}: dossiers were received "
            f"under this version (e.g. {used.code}), so it cannot be changed; publish the change as a "
            "new version with a later valid_from")
