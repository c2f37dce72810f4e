"""The province's catalogue on the portal: importing a catalogue document and handing it to desks.

`motcua portal catalog import FILE --db URL` checks the file with the desk's own loader
(app/catalog/loader.py), keeps its bytes as they are (so whatever the catalogue format has grown
reaches desks unchanged: they read it with the same loader) and announces it in the change feed
(`catalog.document`, docs/sync-protocol.md §6) with every procedure version it carries and its
effective dates. A desk fetches the bytes with `GET /v1/catalog/{sha256}`, checks the hash and
imports the versions; dossiers keep the version they were received under.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.catalog.loader import MAX_CATALOG_BYTES, load_catalog
from app.errors import InputError
from portal.changes import emit
from portal.db import read_session, write_session
from portal.errors import not_found
from portal.models import CatalogDocument, utcnow

FORMATS = {"json": "application/json", "yaml": "application/yaml"}


def document_format(path: Path) -> str:
    """How the desk's loader reads a file of this name: `.json` as JSON, anything else as YAML."""
    return "json" if Path(path).suffix.lower() == ".json" else "yaml"


def import_catalog_file(engine: Engine, path: Path) -> dict[str, Any]:
    """Check, store and announce a catalogue file; importing the same bytes again announces nothing."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CATALOG_BYTES:
            raise InputError(f"{path.name}: larger than {MAX_CATALOG_BYTES:,} bytes; not a catalogue file")
        raw = path.read_bytes()  # read once: the bytes checked are the bytes stored
    except FileNotFoundError:
        raise InputError(f"{path.name}: no such file") from None
    except OSError as error:
        raise InputError(f"{path.name}: cannot read the file ({error.strerror})") from None
    fmt = document_format(path)
    catalog = load_catalog(path)  # the desk's own loader: messages name the file, entry and field
    if path.read_bytes() != raw:
        raise InputError(f"{path.name}: the file changed while it was being imported; import it again")
    sha = hashlib.sha256(raw).hexdigest()
    label = (catalog.catalog_version or "").strip()[:100] or f"sha256:{sha[:12]}"
    versions = [{"code": v.code, "valid_from": v.valid_from.isoformat(),
                 "valid_until": v.valid_until.isoformat() if v.valid_until else None}
                for v in catalog.versions]
    with write_session(engine) as session:
        if session.get(CatalogDocument, sha) is not None:
            return {"catalog_version": label, "sha256": sha, "procedures": len(versions), "seq": None,
                    "already_imported": True}
        session.add(CatalogDocument(sha256=sha, catalog_version=label, format=fmt, content=raw,
                                    procedures=len(versions), imported_at=utcnow()))
        seq = emit(session, "catalog.document", {"catalog_version": label, "sha256": sha, "format": fmt,
                                                 "size": len(raw), "versions": versions})
    return {"catalog_version": label, "sha256": sha, "procedures": len(versions), "seq": seq,
            "already_imported": False}


def read_document(engine: Engine, sha256: str) -> tuple[bytes, str]:
    """(bytes, media type) of an imported catalogue document; 404 for any other hash."""
    with read_session(engine) as session:
        row = session.get(CatalogDocument, sha256)
        if row is None:
            raise not_found("danh mục thủ tục", "catalogue document", sha256)
        return bytes(row.content), FORMATS.get(row.format, "application/octet-stream")
