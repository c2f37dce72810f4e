"""Fee rules of a procedure version and the fee quote for one dossier.

A catalogue entry carries at most one of three fee keys (the catalogue format in
docs/catalog-format.md):

- `fee_vnd: N` — a flat amount per case/copy; 0 means the procedure is free by law;
  null means the amount is set by the provincial People's Council and the official enters it;
- `fee_by_channel: {truc_tiep: N, truc_tuyen: N, buu_chinh: N}` — amount per submission channel;
- `fee_rule: {per_page_first_2: N, per_page_from_3: N, max_per_copy: N}` — copy certification
  under TT 226/2016/TT-BTC (2,000 đ per page for pages 1–2, 1,000 đ per page from page 3,
  at most 200,000 đ per copy).

No key at all is the same as `fee_vnd: null`. `compute_fee` turns a rule into a `FeeQuote` whose
lines can be printed on the receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.errors import InputError
from app.text import excerpt

# Submission channels (DVCQG "kênh": 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích).
CHANNELS: dict[str, str] = {
    "truc_tiep": "Trực tiếp",
    "truc_tuyen": "Trực tuyến",
    "buu_chinh": "Bưu chính công ích",
}

FeeKind = Literal["free", "flat", "unknown", "per_channel", "per_page"]
FEE_KEYS = ("fee_vnd", "fee_by_channel", "fee_rule")
PER_PAGE_KEYS = ("per_page_first_2", "per_page_from_3", "max_per_copy")
UNKNOWN_NOTE = "Mức thu do HĐND cấp tỉnh quy định; nhập số tiền."


@dataclass(frozen=True)
class FeeRule:
    """How the fee of one procedure version is computed; see the module docstring."""

    kind: FeeKind
    amount_vnd: int | None = None  # flat: per case/copy
    by_channel: Mapping[str, int] = field(default_factory=dict)  # per_channel
    per_page_first_2: int = 0  # per_page: đ per page for pages 1–2
    per_page_from_3: int = 0  # per_page: đ per page from page 3
    max_per_copy: int | None = None  # per_page: cap per copy, None = no cap
    note: str = ""  # the catalogue's fee_note, shown next to the amount

    @property
    def needs_pages(self) -> bool:
        return self.kind == "per_page"

    def to_entry(self) -> dict[str, Any]:
        """The fee keys of a catalogue entry (inverse of `fee_rule_from_entry`)."""
        out: dict[str, Any]
        if self.kind == "per_channel":
            out = {"fee_by_channel": dict(self.by_channel)}
        elif self.kind == "per_page":
            out = {"fee_rule": {"per_page_first_2": self.per_page_first_2,
                                "per_page_from_3": self.per_page_from_3,
                                "max_per_copy": self.max_per_copy}}
        else:
            out = {"fee_vnd": self.amount_vnd}
        if self.note:
            out["fee_note"] = self.note
        return out


@dataclass(frozen=True)
class FeeLine:
    """One printed line of a fee quote: `quantity × unit_vnd = amount_vnd`."""

    label: str
    quantity: int
    unit_vnd: int
    amount_vnd: int


@dataclass(frozen=True)
class FeeQuote:
    """The amount to collect; `amount_vnd` None means the official must enter it (see `note`)."""

    amount_vnd: int | None
    lines: list[FeeLine]
    note: str

    @property
    def needs_entry(self) -> bool:
        return self.amount_vnd is None


def format_vnd(amount: int) -> str:
    """Vietnamese money text: 200000 -> "200.000 đ"."""
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + " đ"


# --- parsing catalogue entries -------------------------------------------------------------


def _money(value: Any, *, where: str, allow_null: bool = False) -> int | None:
    if value is None and allow_null:
        return None
    # bool is an int subclass; "true" as a fee is a typo, not 1 đ.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{where}: must be a whole number of đồng, got {excerpt(value)}")
    if value < 0:
        raise InputError(f"{where}: fee must not be negative, got {value}")
    return value


def fee_rule_from_entry(entry: Mapping[str, Any], *, where: str) -> FeeRule:
    """Read the fee keys of one catalogue entry; InputError names the entry and the key."""
    present = [key for key in FEE_KEYS if key in entry]
    if len(present) > 1:
        raise InputError(f"{where}: give only one of {', '.join(present)} (they conflict)")
    note = entry.get("fee_note") or ""
    if not isinstance(note, str):
        raise InputError(f"{where}, fee_note: must be text, got {excerpt(note)}")
    if not present:
        return FeeRule(kind="unknown", note=note)
    key = present[0]
    value = entry[key]
    if key == "fee_vnd":
        amount = _money(value, where=f"{where}, fee_vnd", allow_null=True)
        kind: FeeKind = "unknown" if amount is None else ("free" if amount == 0 else "flat")
        return FeeRule(kind=kind, amount_vnd=amount, note=note)
    if key == "fee_by_channel":
        return FeeRule(kind="per_channel", by_channel=_by_channel(value, where=f"{where}, fee_by_channel"),
                       note=note)
    return _per_page(value, where=f"{where}, fee_rule", note=note)


def _by_channel(value: Any, *, where: str) -> dict[str, int]:
    if not isinstance(value, Mapping) or not value:
        raise InputError(f"{where}: must be a non-empty mapping of channel to amount, got {excerpt(value)}")
    amounts: dict[str, int] = {}
    for channel, amount in value.items():
        if channel not in CHANNELS:
            raise InputError(f"{where}: unknown channel {excerpt(channel)}; expected one of "
                             f"{', '.join(CHANNELS)}")
        amounts[channel] = _money(amount, where=f"{where}.{channel}")  # type: ignore[assignment]
    return amounts


def _per_page(value: Any, *, where: str, note: str) -> FeeRule:
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping with {', '.join(PER_PAGE_KEYS)}, got {excerpt(value)}")
    unknown = sorted(set(value) - set(PER_PAGE_KEYS))
    if unknown:
        raise InputError(f"{where}: unknown key {excerpt(unknown[0])}; expected {', '.join(PER_PAGE_KEYS)}")
    for key in ("per_page_first_2", "per_page_from_3"):
        if key not in value:
            raise InputError(f"{where}: missing {key}")
    first = _money(value["per_page_first_2"], where=f"{where}.per_page_first_2")
    rest = _money(value["per_page_from_3"], where=f"{where}.per_page_from_3")
    cap = _money(value.get("max_per_copy"), where=f"{where}.max_per_copy", allow_null=True)
    return FeeRule(kind="per_page", per_page_first_2=first or 0, per_page_from_3=rest or 0,
                   max_per_copy=cap, note=note)


# --- computing a quote ---------------------------------------------------------------------


def _count(value: Any, *, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name}: must be a whole number, got {excerpt(value)}")
    if value < 1:
        raise InputError(f"{name}: must be at least 1, got {value}")
    return value


def compute_fee(rule: FeeRule, *, channel: str = "truc_tiep", pages: int | None = None,
                copies: int = 1, exempt_reason: str | None = None) -> FeeQuote:
    """The fee for one dossier under `rule`.

    Flat and per-channel amounts are per copy/case and multiplied by `copies`. An exemption makes
    the amount 0 and keeps the normal amount as a line when it can be computed, so reports show
    what was waived. Raises InputError for an unknown channel, counts below 1, or a per-page rule
    without `pages`.
    """
    if channel not in CHANNELS:
        raise InputError(f"channel: unknown channel {excerpt(channel)}; expected one of {', '.join(CHANNELS)}")
    copies = _count(copies, name="copies")
    if pages is not None:
        pages = _count(pages, name="pages")
    if exempt_reason is not None:
        return _exempt(rule, channel=channel, pages=pages, copies=copies, reason=exempt_reason)
    if rule.kind == "per_page" and pages is None:
        raise InputError("pages: this procedure's fee is charged per page; enter the number of pages")
    return _quote(rule, channel=channel, pages=pages, copies=copies)


def _quote(rule: FeeRule, *, channel: str, pages: int | None, copies: int) -> FeeQuote:
    note = rule.note
    if rule.kind == "free":
        return FeeQuote(0, [FeeLine("Không thu phí, lệ phí", copies, 0, 0)], note)
    if rule.kind == "unknown":
        return FeeQuote(None, [], _join(UNKNOWN_NOTE, note))
    if rule.kind == "flat":
        assert rule.amount_vnd is not None
        return _single(f"Phí, lệ phí ({format_vnd(rule.amount_vnd)}/bản)", rule.amount_vnd, copies, note)
    if rule.kind == "per_channel":
        amount = rule.by_channel.get(channel)
        if amount is None:
            missing = f"Chưa có mức thu cho kênh {CHANNELS[channel].lower()}; nhập số tiền."
            return FeeQuote(None, [], _join(missing, note))
        return _single(f"Phí, lệ phí – {CHANNELS[channel].lower()}", amount, copies, note)
    assert pages is not None
    return _per_page_quote(rule, pages=pages, copies=copies)


def _single(label: str, unit: int, copies: int, note: str) -> FeeQuote:
    return FeeQuote(unit * copies, [FeeLine(label, copies, unit, unit * copies)], note)


def _per_page_quote(rule: FeeRule, *, pages: int, copies: int) -> FeeQuote:
    first_pages = min(pages, 2)
    later_pages = pages - first_pages
    per_copy = first_pages * rule.per_page_first_2 + later_pages * rule.per_page_from_3
    if rule.max_per_copy is not None and per_copy > rule.max_per_copy:
        # The cap replaces the page lines: the receipt shows the capped amount per copy.
        label = f"{pages} trang/bản, tối đa {format_vnd(rule.max_per_copy)}/bản"
        return _single(label, rule.max_per_copy, copies, rule.note)
    lines = [FeeLine(f"Trang 1–{first_pages}" if first_pages > 1 else "Trang 1",
                     first_pages * copies, rule.per_page_first_2,
                     first_pages * copies * rule.per_page_first_2)]
    if later_pages:
        lines.append(FeeLine(f"Trang 3–{pages}" if pages > 3 else "Trang 3",
                             later_pages * copies, rule.per_page_from_3,
                             later_pages * copies * rule.per_page_from_3))
    return FeeQuote(per_copy * copies, lines, rule.note)


def _exempt(rule: FeeRule, *, channel: str, pages: int | None, copies: int, reason: str) -> FeeQuote:
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        raise InputError("exempt_reason: say why the fee is waived (e.g. hộ nghèo, người khuyết tật)")
    lines: list[FeeLine] = []
    if not (rule.kind == "per_page" and pages is None):
        normal = _quote(rule, channel=channel, pages=pages, copies=copies)
        if normal.amount_vnd:
            lines = list(normal.lines)
            lines.append(FeeLine(f"Miễn: {reason}", 1, -normal.amount_vnd, -normal.amount_vnd))
    if not lines:
        lines = [FeeLine(f"Miễn: {reason}", 1, 0, 0)]
    return FeeQuote(0, lines, _join(f"Được miễn phí, lệ phí: {reason}.", rule.note))


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)
