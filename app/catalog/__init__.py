"""The procedure catalogue (thủ tục hành chính): data model, file validation, fees, search, storage.

- `model`: `ProcedureVersionData`, one effective-dated version of a procedure with its provenance;
- `loader`: reading and validating catalogue files (format in docs/catalog-format.md);
- `fees`: fee rules and `compute_fee`;
- `search`: `CatalogIndex`, accent-insensitive search and lookup by code and date;
- `storage`: import into and load from the local store (imported on its own: it needs the store).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.catalog.fees import CHANNELS, FeeLine, FeeQuote, FeeRule, compute_fee, format_vnd
    from app.catalog.loader import Catalog, load_catalog, load_catalog_file, validate_catalog
    from app.catalog.model import DocumentItem, Extension, ProcedureVersionData
    from app.catalog.search import CatalogIndex, SearchHit

# Where each name lives. Imported when first asked for, not with the package: importing
# `app.catalog.fees` (the desk's first screen does) must not pull in the file loader and its YAML
# parser, which only catalogue imports need.
_HOMES = {
    "CHANNELS": "fees", "FeeLine": "fees", "FeeQuote": "fees", "FeeRule": "fees", "compute_fee": "fees",
    "format_vnd": "fees", "Catalog": "loader", "load_catalog": "loader", "load_catalog_file": "loader",
    "validate_catalog": "loader", "DocumentItem": "model", "Extension": "model",
    "ProcedureVersionData": "model", "CatalogIndex": "search", "SearchHit": "search",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
