"""Reading and validating catalogue files (YAML or JSON, format in docs/catalog-format.md).

A file is accepted whole or refused whole: the first bad entry raises InputError naming the
file, the entry (its position, code and line where known) and the field. Nothing is half-imported.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from app.catalog.fees import CHANNELS, FEE_KEYS, fee_rule_from_entry
from app.catalog.model import (
    COPY_FORMS,
    NO_LIMIT,
    SOURCED_FIELDS,
    VERIFY_TAGS,
    DocumentItem,
    Extension,
    ProcedureVersionData,
    document_from_text,
)
from app.deadlines import TimeRule
from app.errors import InputError
from app.limits import DEFAULT_LIMITS
from app.text import collapse_spaces, excerpt, nfc

ENTRY_KEYS = frozenset({
    "code", "name", "field", "authority", "valid_from", "valid_until", "channels", "time",
    "time_note", "extension", "fee_note", "documents", "legal", "verify", "source", "notes",
    "inferred", "valid_until_hint", "related_codes", "desk_forms", "sources", "fee_exempt", *FEE_KEYS,
})
FORMAT = "motcua-catalog/1"
# A whole province's catalogue is a few MB; more is the wrong file (or one built to exhaust memory).
MAX_CATALOG_BYTES = 32 * 1024 * 1024
TIME_KEYS = ("unit", "value", "cutoff_15h")
DOCUMENT_KEYS = ("name", "required", "kind", "inferred", "originals", "copies", "copy_form", "condition",
                 "form")
# Originals or copies of one document beyond this are a typo (a year, a page count), not a checklist.
MAX_DOCUMENT_COUNT = 20
# National codes are N.NNNNNN; provinces also use service codes (1.001193.000.00.00.H56) and
# LOCAL.* codes for procedures whose national code is unknown, so only the alphabet is checked.
_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")


@dataclass(frozen=True)
class Catalog:
    """A validated catalogue file: its versions and the label it gives itself."""

    versions: list[ProcedureVersionData]
    catalog_version: str | None
    source: str


def load_catalog_file(path: Path) -> list[ProcedureVersionData]:
    """All procedure versions of a YAML/JSON catalogue file; InputError if any entry is bad."""
    return load_catalog(path).versions


def load_catalog(path: Path) -> Catalog:
    """Like `load_catalog_file`, also returning the file's `catalog_version`."""
    path = Path(path)
    source = str(path)
    text = read_catalog_text(path, what="a catalogue file")
    if path.suffix.lower() == ".json":
        data, lines = _parse_json(text, source=source), None
    else:
        data, lines = _parse_yaml(text, source=source)
    versions = validate_catalog(data, source=source, entry_lines=lines)
    label = data.get("catalog_version") if isinstance(data, Mapping) else None
    if label is not None and not isinstance(label, str):
        raise InputError(f"{source}: catalog_version must be text, got {excerpt(label)}")
    return Catalog(versions=versions, catalog_version=label, source=source)


def read_catalog_text(path: Path, *, what: str) -> str:
    """The UTF-8 text of a catalogue-sized file; InputError naming the file when it cannot be."""
    try:
        if path.stat().st_size > MAX_CATALOG_BYTES:
            raise InputError(f"{path}: larger than {MAX_CATALOG_BYTES:,} bytes; not {what}")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from None


def _parse_json(text: str, *, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}, line {exc.lineno} column {exc.colno}: "
                         f"JSON syntax error: {exc.msg}") from None


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice in one mapping (PyYAML keeps the last silently,
    which would hide a second `fee_vnd` typed by mistake), and anchors and aliases (`&x`, `*x`).

    A catalogue has no use for aliases, and they are how a few hundred bytes ("billion laughs")
    expand into billions of values once something walks the data; refusing them while the file
    is parsed keeps reading it linear in its size."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            kind = "an alias" if isinstance(event, yaml.AliasEvent) else "an anchor"
            raise yaml.composer.ComposerError(
                None, None, f"{kind} ({excerpt(event.anchor)}) is not allowed in a catalogue; write the "
                            "value out in full", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue  # super() reports unhashable keys itself
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {excerpt(key)} appears twice in the same mapping", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse_yaml(text: str, *, source: str) -> tuple[Any, list[int] | None]:
    """The data and, when `procedures` is a list, the 1-based line of each entry."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1} column {mark.column + 1}" if mark else ""
        raise InputError(f"{source}{where}: YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: YAML syntax error: {exc}") from None
    finally:
        loader.dispose()
    return data, _entry_lines(node)


def _entry_lines(node: yaml.Node | None) -> list[int] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "procedures":
                node = value
                break
    if isinstance(node, yaml.SequenceNode):
        return [item.start_mark.line + 1 for item in node.value]
    return None


def validate_catalog(data: Any, *, source: str,
                     entry_lines: Sequence[int] | None = None) -> list[ProcedureVersionData]:
    """Validate parsed catalogue data (a mapping with `procedures`, or the bare list).

    `source` names the file in messages; `entry_lines` (from the YAML reader) adds line numbers.
    """
    if data is None:
        raise InputError(f"{source}: the file is empty; expected a 'procedures' list")
    entries = data.get("procedures") if isinstance(data, Mapping) else data
    if isinstance(data, Mapping) and data.get("format", FORMAT) != FORMAT:
        raise InputError(f"{source}: format {excerpt(data.get('format'))} is not {excerpt(FORMAT)}; this version of "
                         "MotCua Desk cannot read it")
    if isinstance(data, Mapping) and "procedures" not in data:
        raise InputError(f"{source}: no 'procedures' list at the top level")
    if not isinstance(entries, list):
        raise InputError(f"{source}: 'procedures' must be a list of procedures, "
                         f"got {type(entries).__name__}")
    versions: list[ProcedureVersionData] = []
    for index, raw in enumerate(entries):
        where = _entry_where(source, index, raw, entry_lines)
        versions.append(parse_entry(raw, where=where))
    check_versions(versions, source=source)
    return versions


def _entry_where(source: str, index: int, raw: Any, lines: Sequence[int] | None) -> str:
    where = f"{source}: entry {index + 1}"
    code = raw.get("code") if isinstance(raw, Mapping) else None
    if code is not None:
        where += f" (code {excerpt(str(code))})"
    if lines is not None and index < len(lines):
        where += f", line {lines[index]}"
    return where


def check_versions(versions: list[ProcedureVersionData], *, source: str) -> None:
    """Refuse two versions of one code starting the same day, or explicitly overlapping."""
    by_code: dict[str, list[tuple[int, ProcedureVersionData]]] = {}
    for index, version in enumerate(versions):
        by_code.setdefault(version.code.casefold(), []).append((index, version))
    for group in by_code.values():
        group.sort(key=lambda item: item[1].valid_from)
        for (i, older), (j, newer) in zip(group, group[1:]):
            first, second = sorted((i, j))
            if older.valid_from == newer.valid_from:
                raise InputError(f"{source}: entries {first + 1} and {second + 1} are both code "
                                 f"{excerpt(newer.code)} valid from {newer.valid_from.isoformat()} (duplicate)")
            if older.valid_until is not None and older.valid_until >= newer.valid_from:
                raise InputError(
                    f"{source}: entry {i + 1} (code {excerpt(older.code)}) is valid until "
                    f"{older.valid_until.isoformat()}, overlapping entry {j + 1} valid from "
                    f"{newer.valid_from.isoformat()}")


# --- one entry -----------------------------------------------------------------------------


def parse_entry(raw: Any, *, where: str) -> ProcedureVersionData:
    """Validate one catalogue entry; InputError names `where` and the field."""
    if not isinstance(raw, Mapping):
        raise InputError(f"{where}: must be a mapping of fields, got {type(raw).__name__}")
    _refuse_unknown_keys(raw, ENTRY_KEYS, where=where)
    code = _code(raw.get("code"), where=f"{where}, code")
    name = _name(raw.get("name"), where=f"{where}, name")
    valid_from = _date(raw.get("valid_from"), where=f"{where}, valid_from", required=True)
    valid_until = _date(raw.get("valid_until"), where=f"{where}, valid_until", required=False)
    if valid_from is not None and valid_until is not None and valid_until < valid_from:
        raise InputError(f"{where}, valid_until: {valid_until.isoformat()} is before valid_from "
                         f"{valid_from.isoformat()}")
    assert valid_from is not None
    return ProcedureVersionData(
        code=code,
        name=name,
        valid_from=valid_from,
        valid_until=valid_until,
        field=_text(raw.get("field"), where=f"{where}, field"),
        authority=_text(raw.get("authority"), where=f"{where}, authority"),
        channels=_channels(raw.get("channels"), where=f"{where}, channels"),
        time_rule=_time(raw.get("time"), where=f"{where}, time"),
        no_time_limit=_no_limit(raw.get("time")),
        time_note=_text(raw.get("time_note"), where=f"{where}, time_note") or "",
        extension=_extension(raw.get("extension"), where=f"{where}, extension"),
        fee=fee_rule_from_entry(raw, where=where),
        documents=_documents(raw.get("documents"), where=f"{where}, documents"),
        legal=_texts(raw.get("legal"), where=f"{where}, legal"),
        verify=_verify(raw.get("verify"), where=f"{where}, verify"),
        source=_text(raw.get("source"), where=f"{where}, source") or "",
        notes=_texts(raw.get("notes"), where=f"{where}, notes"),
        inferred=_texts(raw.get("inferred"), where=f"{where}, inferred"),
        valid_until_hint=_text(raw.get("valid_until_hint"), where=f"{where}, valid_until_hint") or "",
        related_codes=_related(raw.get("related_codes"), where=f"{where}, related_codes"),
        desk_forms=_texts(raw.get("desk_forms"), where=f"{where}, desk_forms"),
        sources=_sources(raw.get("sources"), where=f"{where}, sources"),
    )


def _refuse_unknown_keys(raw: Mapping[Any, Any], allowed: Any, *, where: str) -> None:
    for key in raw:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f" (did you mean {excerpt(close[0])}?)" if close else ""
            raise InputError(f"{where}: unknown field {excerpt(key)}{hint}")


def _code(value: Any, *, where: str) -> str:
    if value is None:
        raise InputError(f"{where}: missing; every procedure needs its code (LOCAL.… if it has none)")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise InputError(f"{where}: must be text; put the code in quotes (YAML read {excerpt(value)} as a number)")
    if not isinstance(value, str):
        raise InputError(f"{where}: must be text, got {excerpt(value)}")
    code = value.strip()
    if not _CODE.match(code):
        raise InputError(f"{where}: {excerpt(value)} is not a procedure code (letters, digits, '.', '-', '_')")
    return code


def _text(value: Any, *, where: str, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError(f"{where}: missing")
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: must be text, got {excerpt(value)}")
    return collapse_spaces(nfc(value))


def _name(value: Any, *, where: str) -> str:
    """A procedure or document name: required, and short enough for a dossier to carry it on the
    wire and at the desk (DEFAULT_LIMITS.max_name_chars); a longer one would be refused at sync."""
    name = _text(value, where=where, required=True) or ""
    if len(name) > DEFAULT_LIMITS.max_name_chars:
        raise InputError(f"{where}: {len(name):,} characters is more than the {DEFAULT_LIMITS.max_name_chars} "
                         f"a dossier can carry; shorten it (keep the full wording in notes): {excerpt(name)}")
    return name


def _texts(value: Any, *, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):  # a single note or citation is common enough to accept bare
        value = [value]
    if not isinstance(value, list):
        raise InputError(f"{where}: must be a list of text, got {excerpt(value)}")
    return tuple(_text(item, where=f"{where}[{i + 1}]", required=True) or "" for i, item in enumerate(value))


def _date(value: Any, *, where: str, required: bool) -> date | None:
    if value is None:
        if required:
            raise InputError(f"{where}: missing; give the effective date as YYYY-MM-DD")
        return None
    if isinstance(value, datetime):
        raise InputError(f"{where}: must be a date (YYYY-MM-DD) without a time, got {excerpt(value)}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"{where}: {excerpt(value)} is not a date of the form YYYY-MM-DD")


def _channels(value: Any, *, where: str) -> tuple[str, ...]:
    if value is None:
        return tuple(CHANNELS)
    if not isinstance(value, list) or not value:
        raise InputError(f"{where}: must be a non-empty list of channels, got {excerpt(value)}")
    for channel in value:
        if channel not in CHANNELS:
            raise InputError(f"{where}: unknown channel {excerpt(channel)}; expected one of {', '.join(CHANNELS)}")
    if len(set(value)) != len(value):
        raise InputError(f"{where}: a channel is listed twice")
    return tuple(value)


def _time_rule(value: Mapping[str, Any], *, where: str) -> TimeRule:
    return TimeRule.from_mapping({key: value[key] for key in TIME_KEYS if key in value}, where=where)


def _time(value: Any, *, where: str) -> TimeRule | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping like {{unit: working_day, value: 3}}, got {excerpt(value)}")
    _refuse_unknown_keys(value, TIME_KEYS, where=where)
    if value.get("unit") == NO_LIMIT:
        if value.get("value") is not None:
            raise InputError(f"{where}.value: unit {NO_LIMIT} (no time limit by law) takes no value, "
                             f"got {excerpt(value['value'])}")
        return None
    if "value" in value and value["value"] is None:
        return None  # known to be unknown: allowed, flagged through unverified_fields
    return _time_rule(value, where=where)


def _no_limit(value: Any) -> bool:
    return isinstance(value, Mapping) and value.get("unit") == NO_LIMIT


def _extension(value: Any, *, where: str) -> Extension | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping like {{unit: working_day, value: 5, when: …}}")
    _refuse_unknown_keys(value, (*TIME_KEYS, "when"), where=where)
    when = _text(value.get("when"), where=f"{where}.when") or ""
    return Extension(rule=_time_rule(value, where=where), when=when)


def _documents(value: Any, *, where: str) -> tuple[DocumentItem, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}: must be a list, got {type(value).__name__}")
    return tuple(_document(item, where=f"{where}[{i + 1}]") for i, item in enumerate(value))


def _document(value: Any, *, where: str) -> DocumentItem:
    if isinstance(value, str):  # plain wording: required/kind inferred and flagged as such
        return document_from_text(_name(value, where=where))
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be text or a mapping with {', '.join(DOCUMENT_KEYS)}")
    _refuse_unknown_keys(value, DOCUMENT_KEYS, where=where)
    name = _name(value.get("name"), where=f"{where}.name")
    required, inferred = value.get("required", True), value.get("inferred", False)
    for key, flag in (("required", required), ("inferred", inferred)):
        if not isinstance(flag, bool):
            raise InputError(f"{where}.{key}: must be true or false, got {excerpt(flag)}")
    kind = value.get("kind", "submit")
    if kind not in ("submit", "present"):
        raise InputError(f"{where}.kind: must be 'submit' or 'present', got {excerpt(kind)}")
    counts = {key: _document_count(value.get(key), where=f"{where}.{key}") for key in ("originals", "copies")}
    copy_form = value.get("copy_form")
    if copy_form is not None and copy_form not in COPY_FORMS:
        raise InputError(f"{where}.copy_form: must be one of {', '.join(COPY_FORMS)}, got {excerpt(copy_form)}")
    return DocumentItem(name=name, required=required, kind=kind, inferred=inferred,
                        originals=counts["originals"], copies=counts["copies"], copy_form=copy_form,
                        condition=_text(value.get("condition"), where=f"{where}.condition") or "",
                        form=_text(value.get("form"), where=f"{where}.form") or "")


def _document_count(value: Any, *, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DOCUMENT_COUNT:
        raise InputError(f"{where}: must be a whole number from 0 to {MAX_DOCUMENT_COUNT}, got {excerpt(value)}")
    return value


def _sources(value: Any, *, where: str) -> dict[str, tuple[str, ...]]:
    """Per-fact sources: `{field: [source, …]}` for the fields of SOURCED_FIELDS."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping of field to a list of sources, got {excerpt(value)}")
    _refuse_unknown_keys(value, SOURCED_FIELDS, where=where)
    return {key: _texts(items, where=f"{where}.{key}") for key, items in value.items()}


def _verify(value: Any, *, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping of field to V/S/U, got {excerpt(value)}")
    _refuse_unknown_keys(value, SOURCED_FIELDS, where=where)
    for key, tag in value.items():
        if tag not in VERIFY_TAGS:
            raise InputError(f"{where}.{key}: must be V, S or U, got {excerpt(tag)}")
    return dict(value)


def _related(value: Any, *, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping of relation to code, got {excerpt(value)}")
    return {str(key): _code(code, where=f"{where}.{key}") for key, code in value.items()}
