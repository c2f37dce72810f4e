"""The in-memory form of one procedure version (TTHC), independent of files and the store.

`ProcedureVersionData` is what the loader produces from a catalogue file, what the store keeps in
`procedure_versions.data` (through `to_json`/`from_json`) and what search, fees and deadlines read.
It keeps the provenance of every value: the confidence tags (V verified, S single source,
U unverified), the source, notes, and which values were inferred when the catalogue was built, so
the desk can flag anything that is not verified (`unverified_fields`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from typing import Any, Literal

from app.catalog.fees import CHANNELS, FeeRule
from app.deadlines import TimeRule
from app.text import collapse_spaces, nfc

LOCAL_CODE_PREFIX = "LOCAL."
NO_LIMIT = "no_limit"  # time unit: the law sets no time limit
ALL_CHANNELS: tuple[str, ...] = tuple(CHANNELS)
# Fields that carry a confidence tag in `verify`; a missing tag counts as unverified.
TAGGED_FIELDS = ("code", "name", "time", "fee", "documents")
# Further facts that may carry a tag and sources, but are not flagged at the desk when untagged.
OTHER_TAGGED_FIELDS = ("extension", "legal", "channels", "valid_from")
SOURCED_FIELDS = (*TAGGED_FIELDS, *OTHER_TAGGED_FIELDS)
# How a copy must be made, in the words of procedure publications.
COPY_FORMS = {
    "plain": "bản sao/bản chụp",
    "certified": "bản sao có chứng thực",
    "certified_or_compare": "bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu",
}
VERIFY_TAGS = ("V", "S", "U")
TRUSTED_TAGS = ("V", "S")
DocumentKind = Literal["submit", "present"]

# Matched on accented text: folding would confuse "nếu" (if) with "nêu" (state).
_CONDITION = re.compile(r"\bnếu\b")
_ALTERNATIVE_CONDITION = re.compile(r"\bnếu không có\b")
_OR = re.compile(r"\bhoặc\b")


@dataclass(frozen=True)
class DocumentItem:
    """One item of a procedure's checklist.

    `kind` "present" means the citizen shows the original (xuất trình) and nothing is kept;
    `inferred` says `required`/`kind` were derived from the wording, not read from a source.
    `originals`/`copies` are the counts publications give as "Bản chính: 1 - Bản sao: 0" (None:
    not published), `copy_form` how a copy must be made (COPY_FORMS), `condition` when a
    not-required item is needed, `form` its template (mẫu).
    """

    name: str
    required: bool = True
    kind: DocumentKind = "submit"
    inferred: bool = False
    originals: int | None = None
    copies: int | None = None
    copy_form: str | None = None
    condition: str = ""
    form: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "required": self.required, "kind": self.kind}
        for key in ("originals", "copies", "copy_form", "condition", "form"):
            value = getattr(self, key)
            if value not in (None, ""):
                out[key] = value
        if self.inferred:
            out["inferred"] = True
        return out

    def describe(self) -> str:
        """The item in one line of Vietnamese: name, counts, copy form and condition."""
        parts = []
        if self.kind == "present":
            parts.append("xuất trình")
        if self.originals:
            parts.append(f"bản chính: {self.originals}")
        if self.copies:
            parts.append(f"bản sao: {self.copies}")
        if self.copy_form:
            parts.append(COPY_FORMS.get(self.copy_form, self.copy_form))
        if self.condition:
            parts.append(self.condition)
        elif not self.required:
            parts.append("nếu có")
        return self.name + (f" ({'; '.join(parts)})" if parts else "")


def document_from_text(text: str) -> DocumentItem:
    """Derive `required` and `kind` from a checklist line as written in procedure publications.

    Conditional wording ("nếu …", "(nếu …)", "trường hợp …") makes the item not required, except
    where the condition only qualifies an alternative: "…; nếu không có: X" (X replaces the item)
    and "A hoặc B nếu …" (the condition belongs to B). "Xuất trình …" is shown, not submitted.
    """
    key = collapse_spaces(nfc(text).casefold())
    kind: DocumentKind = "present" if key.startswith("xuất trình") else "submit"
    conditional = "trường hợp" in key
    for match in _CONDITION.finditer(key):
        if _ALTERNATIVE_CONDITION.match(key, match.start()):
            continue
        if _OR.search(key, 0, match.start()):
            continue
        conditional = True
    return DocumentItem(name=text, required=not conditional, kind=kind, inferred=True)


@dataclass(frozen=True)
class Extension:
    """How far the time limit may be extended, and when (e.g. 5 working days if verification is needed)."""

    rule: TimeRule
    when: str = ""


@dataclass(frozen=True)
class ProcedureVersionData:
    """One procedure as in force from `valid_from` to `valid_until` (inclusive; None = open-ended)."""

    code: str
    name: str
    valid_from: date
    valid_until: date | None = None
    field: str | None = None
    authority: str | None = None
    channels: tuple[str, ...] = ALL_CHANNELS
    time_rule: TimeRule | None = None  # None: unknown (or no limit); due dates cannot be computed
    no_time_limit: bool = False  # the law sets no time limit (time: {unit: no_limit})
    time_note: str = ""
    extension: Extension | None = None
    fee: FeeRule = dc_field(default_factory=lambda: FeeRule(kind="unknown"))
    documents: tuple[DocumentItem, ...] = ()
    legal: tuple[str, ...] = ()
    verify: Mapping[str, str] = dc_field(default_factory=dict)
    source: str = ""
    notes: tuple[str, ...] = ()
    inferred: tuple[str, ...] = ()  # values the catalogue build derived, e.g. "valid_from"
    valid_until_hint: str = ""
    related_codes: Mapping[str, str] = dc_field(default_factory=dict)
    desk_forms: tuple[str, ...] = ()
    sources: Mapping[str, tuple[str, ...]] = dc_field(default_factory=dict)  # per fact (SOURCED_FIELDS)

    def sources_for(self, field_name: str) -> tuple[str, ...]:
        """Where `field_name` comes from: its own sources, else the entry's `source`."""
        own = self.sources.get(field_name)
        if own:
            return tuple(own)
        return (self.source,) if self.source else ()

    @property
    def code_is_local(self) -> bool:
        """True for a code made up locally because the national code is not known."""
        return self.code.upper().startswith(LOCAL_CODE_PREFIX)

    @property
    def valid_from_assumed(self) -> bool:
        return "valid_from" in self.inferred

    @property
    def unverified_fields(self) -> frozenset[str]:
        """Fields the desk must flag: tagged U, not tagged at all, made up, or unknown.

        An assumed `valid_from` is reported by `valid_from_assumed` instead: the whole built-in
        catalogue shares it, and flagging every procedure would hide the flags that matter.
        """
        fields = {name for name in TAGGED_FIELDS if self.verify.get(name) not in TRUSTED_TAGS}
        if self.extension is not None and self.verify.get("extension") not in TRUSTED_TAGS:
            fields.add("extension")
        if self.code_is_local:
            fields.add("code")
        if self.time_rule is None and not self.no_time_limit:
            fields.add("time")
        return frozenset(fields)

    def is_valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def to_json(self) -> dict[str, Any]:
        """The catalogue-entry form (docs/catalog-format.md), JSON-safe; `from_json` reads it back.

        Keys come in a fixed order and empty optional values are left out, so the built catalogue
        file reads well and stored copies compare equal when nothing changed.
        """
        out: dict[str, Any] = {
            "code": self.code, "name": self.name, "field": self.field, "authority": self.authority,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "channels": list(self.channels) if set(self.channels) != set(ALL_CHANNELS) else None,
        }
        out = {key: value for key, value in out.items() if value is not None}
        out["time"] = _time_json(self.time_rule, self.no_time_limit)  # kept even when None: "unknown" is information
        if self.time_note:
            out["time_note"] = self.time_note
        if self.extension is not None:
            out["extension"] = _extension_json(self.extension)
        out.update(self.fee.to_entry())
        extras: dict[str, Any] = {
            "documents": [doc.to_json() for doc in self.documents],
            "legal": list(self.legal), "desk_forms": list(self.desk_forms),
            "related_codes": dict(self.related_codes), "valid_until_hint": self.valid_until_hint,
            "verify": dict(self.verify), "source": self.source, "notes": list(self.notes),
            "inferred": list(self.inferred),
            "sources": {key: list(value) for key, value in self.sources.items()},
        }
        out.update({key: value for key, value in extras.items() if value})
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, where: str = "procedure") -> ProcedureVersionData:
        """Rebuild from `to_json` output (or any valid catalogue entry); InputError if invalid."""
        # Imported here: the loader builds these objects, so it imports this module first.
        from app.catalog.loader import parse_entry

        return parse_entry(data, where=where)


def _time_json(rule: TimeRule | None, no_limit: bool = False) -> dict[str, Any] | None:
    if no_limit:
        return {"unit": NO_LIMIT}
    if rule is None:
        return None
    return {"unit": rule.unit, "value": rule.value, "cutoff_15h": rule.cutoff_15h}


def _extension_json(extension: Extension | None) -> dict[str, Any] | None:
    if extension is None:
        return None
    out = _time_json(extension.rule) or {}
    if extension.when:
        out["when"] = extension.when
    return out
