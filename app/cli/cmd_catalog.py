"""`motcua catalog search|list|show|import`: the procedure catalogue from the command line.

`list` and `show` read the same catalogue as `search`: the store's when a user and password are
given, otherwise the one shipped with the app (app/cli/reference.py)."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Any

from app.catalog.model import SOURCED_FIELDS, TAGGED_FIELDS
from app.cli.common import add_store_user_options, emit, opened_store
from app.errors import InputError
from app.text import excerpt

_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")
_SERVICE_HEAD = re.compile(r"^\d\.\d{6}")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    catalog = sub.add_parser("catalog", help="procedure catalogue")
    actions = catalog.add_subparsers(dest="action", metavar="ACTION", required=True)
    search = actions.add_parser("search", parents=[common], help="accent-insensitive search")
    search.add_argument("text", help='words or a procedure code, e.g. "dang ky ket hon" or 1.001193')
    search.add_argument("--limit", type=int, default=10)
    add_store_user_options(search)
    search.set_defaults(handler=run_search)

    listing = actions.add_parser("list", parents=[common], help="every procedure with its version and tags")
    add_store_user_options(listing)
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", parents=[common],
                              help="one procedure: checklist, time rule, fees, legal basis, sources")
    show.add_argument("code", help="procedure code, e.g. 1.001193 (a service code such as "
                                   "1.001193.000.00.00.H56 also works)")
    show.add_argument("--at", default=None, metavar="YYYY-MM-DD",
                      help="the version in force on this day (default: today)")
    add_store_user_options(show)
    show.set_defaults(handler=run_show)

    imp = actions.add_parser("import", parents=[common], help="import a province's catalogue file")
    imp.add_argument("file", type=Path, help="YAML or JSON catalogue (docs/catalog-format.md)")
    add_store_user_options(imp)
    imp.set_defaults(handler=run_import)

    portal = actions.add_parser("import-portal", parents=[common],
                                help="import procedure pages of the national portal (dichvucong.gov.vn)")
    portal.add_argument("files", type=Path, nargs="+", metavar="FILE",
                        help="JSON object, JSON list or JSON Lines of crawled procedure pages")
    portal.add_argument("--valid-from", required=True, metavar="YYYY-MM-DD",
                        help="the day the published version applies from (the publishing decision's)")
    add_store_user_options(portal)
    portal.set_defaults(handler=run_import_portal)


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


def _day(text: str | None, *, option: str = "--at") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option}: {excerpt(text)} is not a date of the form YYYY-MM-DD") from None


def run_list(args: argparse.Namespace) -> int:
    from app.cli.reference import load_reference

    reference = load_reference(args)
    versions = sorted(reference.versions, key=lambda v: (v.code, v.valid_from))
    rows = [{"code": v.code, "name": v.name, "field": v.field, "valid_from": v.valid_from,
             "valid_until": v.valid_until, "verify": dict(v.verify),
             "unverified": sorted(v.unverified_fields)} for v in versions]
    lines = [f"{v.code:<16} {_period(v):<24} {_tags(v):<28} {v.name}" for v in versions]
    emit(args, {"source": reference.source, "procedures": rows},
         "\n".join(lines) + f"\n{len(rows)} procedure versions ({reference.source})")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from app.catalog.search import CatalogIndex
    from app.cli.reference import load_reference

    code = args.code.strip()
    at = _day(args.at)
    if not _CODE.match(code):
        raise InputError(f"CODE: {excerpt(args.code)} is not a procedure code (e.g. 1.001193)")
    reference = load_reference(args)
    index = CatalogIndex(reference.versions)
    version = index.get(code, at=at) or _by_service_code(index, code, at)
    if version is None:
        when = f" in force on {at.isoformat()}" if at else " in force today"
        raise InputError(f"CODE: no procedure {excerpt(code)}{when} in the {reference.source} catalogue; "
                         "see `motcua catalog list`")
    data = {"source": reference.source, "procedure": version.to_json(),
            "unverified": sorted(version.unverified_fields)}
    emit(args, data, describe(version))
    return 0


def _by_service_code(index: Any, code: str, at: date | None) -> Any:
    """A provincial service code (1.001193.000.00.00.H56) names the national procedure it starts with."""
    head = _SERVICE_HEAD.match(code)
    return index.get(head.group(0), at=at) if head else None


def _period(version: Any) -> str:
    until = version.valid_until.isoformat() if version.valid_until else "…"
    return f"{version.valid_from.isoformat()} → {until}"


def _tags(version: Any) -> str:
    return " ".join(f"{name}:{version.verify.get(name, '-')}" for name in TAGGED_FIELDS)


def describe(version: Any) -> str:
    """The human form of `catalog show`: every fact with its tag and sources."""
    from app.catalog.fees import CHANNELS
    from app.forms.legal_text import rule_text

    tag = version.verify.get
    lines = [f"{version.code}  {version.name}",
             f"Lĩnh vực: {version.field or '—'}; cơ quan: {version.authority or '—'}",
             f"Hiệu lực: {_period(version)}" + (" (ngày giả định)" if version.valid_from_assumed else ""),
             "Kênh: " + ", ".join(CHANNELS[c] for c in version.channels)]
    if version.no_time_limit:
        time_text = "Không quy định thời hạn"
    elif version.time_rule is not None:
        time_text = rule_text(version.time_rule)
    else:
        time_text = "chưa rõ"
    lines.append(f"Thời hạn [{tag('time', '-')}]: {time_text}" + (f" — {version.time_note}" if version.time_note else ""))
    if version.extension is not None:
        lines.append(f"Gia hạn [{tag('extension', '-')}]: {rule_text(version.extension.rule)}"
                     + (f" ({version.extension.when})" if version.extension.when else ""))
    lines.append(f"Phí, lệ phí [{tag('fee', '-')}]: {fee_text(version.fee)}")
    if version.fee.exempt:
        lines.append("  Miễn: " + "; ".join(version.fee.exempt))
    lines.append(f"Thành phần hồ sơ [{tag('documents', '-')}]:")
    lines += [f"  {i}. {'' if doc.required else '(không bắt buộc) '}{doc.describe()}"
              for i, doc in enumerate(version.documents, 1)] or ["  chưa có"]
    if version.legal:
        lines.append("Căn cứ pháp lý: " + "; ".join(version.legal))
    lines.append("Nguồn:")
    for name in SOURCED_FIELDS:
        for source in version.sources_for(name):
            lines.append(f"  {name}: {source}")
    if version.unverified_fields:
        lines.append("Chưa xác minh: " + ", ".join(sorted(version.unverified_fields)))
    lines += [f"Ghi chú: {note}" for note in version.notes]
    return "\n".join(lines)


def fee_text(fee: Any) -> str:
    """A fee rule in one line of Vietnamese."""
    from app.catalog.fees import CHANNELS, format_vnd

    if fee.kind == "free":
        text = "không thu"
    elif fee.kind == "flat":
        text = f"{format_vnd(fee.amount_vnd)}"
    elif fee.kind == "unknown":
        text = "chưa rõ (HĐND tỉnh quy định; cán bộ nhập số tiền)"
    elif fee.kind == "per_channel":
        text = "; ".join(f"{CHANNELS[c].lower()} {format_vnd(a)}" for c, a in fee.by_channel.items())
    elif fee.kind == "per_page":
        text = (f"{format_vnd(fee.per_page_first_2)}/trang cho {fee.first_pages} trang đầu, "
                f"{format_vnd(fee.per_page_from_3)}/trang từ trang {fee.first_pages + 1}")
        if fee.max_per_copy is not None:
            text += f", tối đa {format_vnd(fee.max_per_copy)}/bản"
    elif fee.kind == "per_unit":
        text = f"{format_vnd(fee.amount_vnd)}/{fee.basis}"
        if fee.max_vnd is not None:
            text += f", tối đa {format_vnd(fee.max_vnd)}"
    elif fee.kind == "tiers":
        bands = []
        for tier in fee.tiers:
            amount = f"{tier.percent:g}%" if tier.percent is not None else format_vnd(tier.amount_vnd)
            bands.append(f"đến {tier.up_to:,}: {amount}".replace(",", ".") if tier.up_to is not None
                         else f"trên đó: {amount}")
        text = f"theo {fee.basis} — " + "; ".join(bands)
    else:  # by_channel
        text = "; ".join(f"{CHANNELS[c].lower()}: {fee_text(rule)}" for c, rule in fee.channel_rules.items())
    return text + (f" ({fee.note})" if fee.note else "")


def run_import_portal(args: argparse.Namespace) -> int:
    from app.catalog.portal import load_portal_pages, versions_from_pages

    valid_from = _day(args.valid_from, option="--valid-from")
    assert valid_from is not None
    versions = []
    for path in args.files:  # every file converts and validates before anything is written
        versions += versions_from_pages(load_portal_pages(path), source=str(path), valid_from=valid_from)
    label = "portal:" + ",".join(path.name for path in args.files)
    return _import(args, versions, label=label[:80], file=", ".join(str(p) for p in args.files))


def run_import(args: argparse.Namespace) -> int:
    from app.catalog.loader import load_catalog

    catalog = load_catalog(args.file)  # validates the whole file before anything is written
    label = catalog.catalog_version or args.file.name
    return _import(args, list(catalog.versions), label=label, file=str(args.file))


def _import(args: argparse.Namespace, versions: list[Any], *, label: str, file: str) -> int:
    from app.catalog.loader import check_versions
    from app.catalog.storage import import_catalog
    from app.permissions import require_role

    check_versions(versions, source=file)
    with opened_store(args) as store:
        require_role(store, "admin")
        with store.session() as session:
            report = import_catalog(session, versions, catalog_version=label)
            store.record_audit(session, action="catalog.import", object_type="catalog",
                               object_id=label,
                               details={"added": report.added, "updated": report.updated})
    data = {"file": file, "added": report.added, "updated": report.updated,
            "unchanged": report.unchanged}
    emit(args, data, f"Imported {file}: {report.added} added, {report.updated} updated, "
                     f"{report.unchanged} unchanged")
    return 0
