"""The procedure catalogue (thủ tục hành chính): data model, file validation, fees, search, storage.

- `model`: `ProcedureVersionData`, one effective-dated version of a procedure with its provenance;
- `loader`: reading and validating catalogue files (format in docs/catalog-format.md);
- `fees`: fee rules and `compute_fee`;
- `search`: `CatalogIndex`, accent-insensitive search and lookup by code and date;
- `storage`: import into and load from the local store (imported on its own: it needs the store).
"""

from __future__ import annotations

from app.catalog.fees import CHANNELS, FeeLine, FeeQuote, FeeRule, compute_fee, format_vnd
from app.catalog.loader import Catalog, load_catalog, load_catalog_file, validate_catalog
from app.catalog.model import DocumentItem, Extension, ProcedureVersionData
from app.catalog.search import CatalogIndex, SearchHit

__all__ = [
    "CHANNELS", "Catalog", "CatalogIndex", "DocumentItem", "Extension", "FeeLine", "FeeQuote",
    "FeeRule", "ProcedureVersionData", "SearchHit", "compute_fee", "format_vnd", "load_catalog",
    "load_catalog_file", "validate_catalog",
]
