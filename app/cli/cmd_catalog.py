"""`motcua catalog search TEXT` and `motcua catalog import FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import add_store_user_options, emit, opened_store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    catalog = sub.add_parser("catalog", help="procedure catalogue")
    actions = catalog.add_subparsers(dest="action", metavar="ACTION", required=True)
    search = actions.add_parser("search", parents=[common], help="accent-insensitive search")
    search.add_argument("text", help='words or a procedure code, e.g. "dang ky ket hon" or 1.001193')
    search.add_argument("--limit", type=int, default=10)
    add_store_user_options(search)
    search.set_defaults(handler=run_search)

    imp = actions.add_parser("import", parents=[common], help="import a province's catalogue file")
    imp.add_argument("file", type=Path, help="YAML or JSON catalogue (docs/catalog-format.md)")
    add_store_user_options(imp)
    imp.set_defaults(handler=run_import)


def run_search(args: argparse.Namespace) -> int:
    from app.catalog.search import CatalogIndex
    from app.cli.reference import load_reference
    from app.forms.legal_text import rule_text

    reference = load_reference(args)
    hits = CatalogIndex(reference.versions).search(args.text, limit=args.limit)
    rows = [{"code": hit.version.code, "name": hit.version.name,
             "time": rule_text(hit.version.time_rule) if hit.version.time_rule else None,
             "score": hit.score} for hit in hits]
    lines = [f"{row['code']:<16} {row['name']}" + (f"  [{row['time']}]" if row["time"] else "")
             for row in rows]
    human = "\n".join(lines) if lines else f"No procedure matches {args.text!r}."
    emit(args, {"source": reference.source, "results": rows}, human)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from app.catalog.loader import load_catalog
    from app.catalog.storage import import_catalog
    from app.permissions import require_role

    catalog = load_catalog(args.file)  # validates the whole file before anything is written
    label = catalog.catalog_version or args.file.name
    with opened_store(args) as store:
        require_role(store, "admin")
        with store.session() as session:
            report = import_catalog(session, list(catalog.versions), catalog_version=label)
            store.record_audit(session, action="catalog.import", object_type="catalog",
                               object_id=label,
                               details={"added": report.added, "updated": report.updated})
    data = {"file": str(args.file), "added": report.added, "updated": report.updated,
            "unchanged": report.unchanged}
    emit(args, data, f"Imported {args.file.name}: {report.added} added, {report.updated} updated, "
                     f"{report.unchanged} unchanged")
    return 0
