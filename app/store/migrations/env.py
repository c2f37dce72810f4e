"""Alembic environment for the local store: always runs on a connection handed in by the caller.

The store is encrypted, so Alembic can never open it from a URL. `app.store.migrate` passes a
keyed connection (already inside the one upgrade transaction) in `config.attributes`; the
developer helper `python -m app.store.migrate revision -m "…"` passes a plain SQLite connection
to a scratch database built at head, so autogenerate can diff the models against it.
"""

from __future__ import annotations

from alembic import context

from app.store.migrate import include_name
from app.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("store migrations run through app.store.migrate, which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode recreates tables instead
    compare_type=True,
    include_name=include_name,  # derived search tables are not models
    on_version_apply=config.attributes.get("on_version_apply"),
)
with context.begin_transaction():
    context.run_migrations()
