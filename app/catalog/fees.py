"""Fee rules of a procedure version and the fee quote for one dossier.

A catalogue entry carries at most one of three fee keys (the catalogue format in
docs/catalog-format.md):

- `fee_vnd: N` — a flat amount per case/copy; 0 means the procedure is free by law;
  null means the amount is set by the provincial People's Council and the official enters it;
- `fee_by_channel: {truc_tiep: N, truc_tuyen: N, buu_chinh: N}` — amount per submission channel;
- `fee_rule: {…}` — a computed rule, one of
  - `{kind: per_page, first_pages: 2, first_page_vnd: N, next_page_vnd: N, max_per_copy: N}`
    (copy certification under TT 226/2016/TT-BTC: 2,000 đ per page for pages 1–2, 1,000 đ per
    page from page 3, at most 200,000 đ per copy); the older spelling
    `{per_page_first_2, per_page_from_3, max_per_copy}` is read as the same rule;
  - `{kind: tiers, basis: TEXT, tiers: [{up_to: N|null, amount_vnd: N} | {up_to, percent: P}],
    min_vnd, max_vnd}` — the amount depends on a quantity the desk asks for (a contract value,
    an area); `up_to` is inclusive and the last tier is open (`up_to: null`);
  - `{kind: per_unit, unit: TEXT, amount_vnd: N, max_vnd: N}` — N đồng per person, item, …;
  - `{kind: by_channel, truc_tiep: RULE, truc_tuyen: RULE, buu_chinh: RULE}` — a rule per
    channel, where RULE is any of the above or `{kind: flat, amount_vnd: N}`.

Any of them may come with `fee_exempt: [TEXT, …]`: who the law exempts, offered to the official
as the exemption reason. No key at all is the same as `fee_vnd: null`. `compute_fee` turns a rule into a `FeeQuote` whose
lines can be printed on the receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from app.errors import InputError
from app.text import excerpt

# Submission channels (DVCQG "kênh": 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích).
CHANNELS: dict[str, str] = {
    "truc_tiep": "Trực tiếp",
    "truc_tuyen": "Trực tuyến",
    "buu_chinh": "Bưu chính công ích",
}

FeeKind = Literal["free", "flat", "unknown", "per_channel", "per_page", "tiers", "per_unit", "by_channel"]
FEE_KEYS = ("fee_vnd", "fee_by_channel", "fee_rule")
PER_PAGE_KEYS = ("per_page_first_2", "per_page_from_3", "max_per_copy")  # the older spelling
PER_PAGE_RULE_KEYS = ("kind", "first_pages", "first_page_vnd", "next_page_vnd", "max_per_copy")
TIERS_KEYS = ("kind", "basis", "tiers", "min_vnd", "max_vnd")
TIER_KEYS = ("up_to", "amount_vnd", "percent")
PER_UNIT_KEYS = ("kind", "unit", "amount_vnd", "max_vnd")
COMPUTED_KINDS = ("per_page", "tiers", "per_unit", "by_channel")
RULE_KINDS = (*COMPUTED_KINDS, "flat")  # flat only inside by_channel
UNKNOWN_NOTE = "Mức thu do HĐND cấp tỉnh quy định; nhập số tiền."
# A percentage above this is a typo for a fraction (0.1 % written as 10): refused, not charged.
MAX_PERCENT = 100


@dataclass(frozen=True)
class FeeRule:
    """How the fee of one procedure version is computed; see the module docstring."""

    kind: FeeKind
    amount_vnd: int | None = None  # flat: per case/copy
    by_channel: Mapping[str, int] = field(default_factory=dict)  # per_channel
    per_page_first_2: int = 0  # per_page: đ per page for pages 1–2
    per_page_from_3: int = 0  # per_page: đ per page from page 3
    max_per_copy: int | None = None  # per_page: cap per copy, None = no cap
    first_pages: int = 2  # per_page: how many pages are charged at per_page_first_2
    tiers: tuple[FeeTier, ...] = ()  # tiers: in increasing `up_to`, the last open-ended
    basis: str = ""  # tiers: what the quantity is; per_unit: the unit (người, bản, …)
    min_vnd: int | None = None  # tiers: floor of the computed amount
    max_vnd: int | None = None  # tiers, per_unit: cap of the computed amount
    channel_rules: Mapping[str, FeeRule] = field(default_factory=dict)  # by_channel
    exempt: tuple[str, ...] = ()  # who the law exempts (fee_exempt)
    note: str = ""  # the catalogue's fee_note, shown next to the amount

    @property
    def needs_pages(self) -> bool:
        if self.kind == "by_channel":
            return any(rule.needs_pages for rule in self.channel_rules.values())
        return self.kind == "per_page"

    @property
    def needs_quantity(self) -> bool:
        """True when the amount depends on a quantity (a value, a count) the desk must ask for."""
        return self.kind in ("tiers", "per_unit")

    def for_channel(self, channel: str) -> FeeRule | None:
        """The rule that applies on `channel`: itself, or for by_channel the channel's own rule
        (None when the catalogue gives none for that channel)."""
        if self.kind != "by_channel":
            return self
        return self.channel_rules.get(channel)

    def to_entry(self) -> dict[str, Any]:
        """The fee keys of a catalogue entry (inverse of `fee_rule_from_entry`)."""
        out: dict[str, Any]
        if self.kind == "per_channel":
            out = {"fee_by_channel": dict(self.by_channel)}
        elif self.kind in COMPUTED_KINDS:
            out = {"fee_rule": self.rule_json()}
        else:
            out = {"fee_vnd": self.amount_vnd}
        if self.exempt:
            out["fee_exempt"] = list(self.exempt)
        if self.note:
            out["fee_note"] = self.note
        return out

    def rule_json(self) -> dict[str, Any]:
        """The `fee_rule` mapping of a computed rule (also used inside by_channel)."""
        if self.kind == "per_page":
            return {"kind": "per_page", "first_pages": self.first_pages,
                    "first_page_vnd": self.per_page_first_2, "next_page_vnd": self.per_page_from_3,
                    "max_per_copy": self.max_per_copy}
        if self.kind == "tiers":
            out: dict[str, Any] = {"kind": "tiers", "basis": self.basis,
                                   "tiers": [tier.to_json() for tier in self.tiers]}
            out.update({key: value for key, value in (("min_vnd", self.min_vnd), ("max_vnd", self.max_vnd))
                        if value is not None})
            return out
        if self.kind == "per_unit":
            unit: dict[str, Any] = {"kind": "per_unit", "unit": self.basis, "amount_vnd": self.amount_vnd}
            if self.max_vnd is not None:
                unit["max_vnd"] = self.max_vnd
            return unit
        if self.kind == "by_channel":
            return {"kind": "by_channel", **{channel: rule.rule_json()
                                             for channel, rule in self.channel_rules.items()}}
        return {"kind": "flat", "amount_vnd": self.amount_vnd}


@dataclass(frozen=True)
class FeeTier:
    """One band of a tiered fee: up to `up_to` (inclusive; None = no upper bound) the fee is
    `amount_vnd`, or `percent` per cent of the quantity."""

    up_to: int | None
    amount_vnd: int | None = None
    percent: float | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"up_to": self.up_to}
        if self.percent is not None:
            out["percent"] = self.percent
        else:
            out["amount_vnd"] = self.amount_vnd
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
    exempt = _exempt_list(entry.get("fee_exempt"), where=f"{where}, fee_exempt")
    if not present:
        return FeeRule(kind="unknown", note=note, exempt=exempt)
    key = present[0]
    value = entry[key]
    if key == "fee_vnd":
        amount = _money(value, where=f"{where}, fee_vnd", allow_null=True)
        kind: FeeKind = "unknown" if amount is None else ("free" if amount == 0 else "flat")
        return FeeRule(kind=kind, amount_vnd=amount, note=note, exempt=exempt)
    if key == "fee_by_channel":
        return FeeRule(kind="per_channel", by_channel=_by_channel(value, where=f"{where}, fee_by_channel"),
                       note=note, exempt=exempt)
    rule = _rule(value, where=f"{where}, fee_rule", nested=False)
    return replace(rule, note=note, exempt=exempt)


def _exempt_list(value: Any, *, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise InputError(f"{where}: must be a list of text (who is exempt), got {excerpt(value)}")
    return tuple(" ".join(item.split()) for item in value)


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


def _rule(value: Any, *, where: str, nested: bool) -> FeeRule:
    """A `fee_rule` mapping; `nested` inside by_channel, where a flat amount is also allowed."""
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: must be a mapping with a kind ({', '.join(COMPUTED_KINDS)}), "
                         f"got {excerpt(value)}")
    kind = value.get("kind")
    if kind is None and set(value) & set(PER_PAGE_KEYS):
        return _per_page_old(value, where=where)
    allowed = RULE_KINDS if nested else COMPUTED_KINDS
    if kind not in allowed:
        raise InputError(f"{where}.kind: must be one of {', '.join(allowed)}, got {excerpt(kind)}")
    if kind == "per_page":
        return _per_page(value, where=where)
    if kind == "tiers":
        return _tiers(value, where=where)
    if kind == "per_unit":
        _refuse_keys(value, PER_UNIT_KEYS, where=where)
        unit = value.get("unit")
        if not isinstance(unit, str) or not unit.strip():
            raise InputError(f"{where}.unit: missing; say what is counted (người, bản, …)")
        return FeeRule(kind="per_unit", basis=unit.strip(),
                       amount_vnd=_money(value.get("amount_vnd"), where=f"{where}.amount_vnd"),
                       max_vnd=_money(value.get("max_vnd"), where=f"{where}.max_vnd", allow_null=True))
    if kind == "flat":
        _refuse_keys(value, ("kind", "amount_vnd"), where=where)
        amount = _money(value.get("amount_vnd"), where=f"{where}.amount_vnd", allow_null=True)
        return FeeRule(kind="unknown" if amount is None else ("free" if amount == 0 else "flat"),
                       amount_vnd=amount)
    if nested:
        raise InputError(f"{where}.kind: by_channel cannot be nested in by_channel")
    _refuse_keys(value, ("kind", *CHANNELS), where=where)
    rules = {channel: _rule(value[channel], where=f"{where}.{channel}", nested=True)
             for channel in CHANNELS if channel in value}
    if not rules:
        raise InputError(f"{where}: by_channel needs a rule for at least one of {', '.join(CHANNELS)}")
    return FeeRule(kind="by_channel", channel_rules=rules)


def _refuse_keys(value: Mapping[str, Any], allowed: tuple[str, ...], *, where: str) -> None:
    unknown = sorted(str(key) for key in set(value) - set(allowed))
    if unknown:
        raise InputError(f"{where}: unknown key {excerpt(unknown[0])}; expected {', '.join(allowed)}")


def _per_page_old(value: Mapping[str, Any], *, where: str) -> FeeRule:
    _refuse_keys(value, PER_PAGE_KEYS, where=where)
    for key in ("per_page_first_2", "per_page_from_3"):
        if key not in value:
            raise InputError(f"{where}: missing {key}")
    first = _money(value["per_page_first_2"], where=f"{where}.per_page_first_2")
    rest = _money(value["per_page_from_3"], where=f"{where}.per_page_from_3")
    cap = _money(value.get("max_per_copy"), where=f"{where}.max_per_copy", allow_null=True)
    return FeeRule(kind="per_page", per_page_first_2=first or 0, per_page_from_3=rest or 0, max_per_copy=cap)


def _per_page(value: Mapping[str, Any], *, where: str) -> FeeRule:
    _refuse_keys(value, PER_PAGE_RULE_KEYS, where=where)
    for key in ("first_page_vnd", "next_page_vnd"):
        if key not in value:
            raise InputError(f"{where}: missing {key}")
    first_pages = value.get("first_pages", 2)
    if isinstance(first_pages, bool) or not isinstance(first_pages, int) or first_pages < 1:
        raise InputError(f"{where}.first_pages: must be a whole number of at least 1, got {excerpt(first_pages)}")
    return FeeRule(kind="per_page", first_pages=first_pages,
                   per_page_first_2=_money(value["first_page_vnd"], where=f"{where}.first_page_vnd") or 0,
                   per_page_from_3=_money(value["next_page_vnd"], where=f"{where}.next_page_vnd") or 0,
                   max_per_copy=_money(value.get("max_per_copy"), where=f"{where}.max_per_copy", allow_null=True))


def _tiers(value: Mapping[str, Any], *, where: str) -> FeeRule:
    _refuse_keys(value, TIERS_KEYS, where=where)
    basis = value.get("basis")
    if not isinstance(basis, str) or not basis.strip():
        raise InputError(f"{where}.basis: missing; say what the tiers are measured in "
                         "(e.g. giá trị hợp đồng, đồng)")
    raw = value.get("tiers")
    if not isinstance(raw, list) or not raw:
        raise InputError(f"{where}.tiers: must be a non-empty list of {{up_to, amount_vnd | percent}}")
    tiers: list[FeeTier] = []
    for i, item in enumerate(raw):
        tiers.append(_tier(item, where=f"{where}.tiers[{i + 1}]", previous=tiers[-1] if tiers else None,
                           last=i == len(raw) - 1))
    low = _money(value.get("min_vnd"), where=f"{where}.min_vnd", allow_null=True)
    high = _money(value.get("max_vnd"), where=f"{where}.max_vnd", allow_null=True)
    if low is not None and high is not None and low > high:
        raise InputError(f"{where}.min_vnd: {low} is above max_vnd {high}")
    return FeeRule(kind="tiers", basis=basis.strip(), tiers=tuple(tiers), min_vnd=low, max_vnd=high)


def _tier(item: Any, *, where: str, previous: FeeTier | None, last: bool) -> FeeTier:
    if not isinstance(item, Mapping):
        raise InputError(f"{where}: must be a mapping {{up_to, amount_vnd | percent}}, got {excerpt(item)}")
    _refuse_keys(item, TIER_KEYS, where=where)
    if "up_to" not in item:
        raise InputError(f"{where}.up_to: missing (null for the last, open tier)")
    up_to = _money(item["up_to"], where=f"{where}.up_to", allow_null=True)
    if up_to is None and not last:
        raise InputError(f"{where}.up_to: only the last tier may be open (null)")
    if up_to is not None and last:
        raise InputError(f"{where}.up_to: the last tier must be open (null) so every quantity has a fee")
    if previous is not None and up_to is not None and previous.up_to is not None and up_to <= previous.up_to:
        raise InputError(f"{where}.up_to: {up_to} is not above the previous tier's {previous.up_to}")
    if ("amount_vnd" in item) == ("percent" in item):
        raise InputError(f"{where}: give exactly one of amount_vnd and percent")
    if "amount_vnd" in item:
        return FeeTier(up_to=up_to, amount_vnd=_money(item["amount_vnd"], where=f"{where}.amount_vnd"))
    percent = item["percent"]
    if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not 0 <= percent <= MAX_PERCENT:
        raise InputError(f"{where}.percent: must be a number from 0 to {MAX_PERCENT}, got {excerpt(percent)}")
    return FeeTier(up_to=up_to, percent=float(percent))


# --- computing a quote ---------------------------------------------------------------------


def _count(value: Any, *, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name}: must be a whole number, got {excerpt(value)}")
    if value < 1:
        raise InputError(f"{name}: must be at least 1, got {value}")
    return value


def compute_fee(rule: FeeRule, *, channel: str = "truc_tiep", pages: int | None = None,
                copies: int = 1, exempt_reason: str | None = None,
                quantity: int | None = None) -> FeeQuote:
    """The fee for one dossier under `rule`.

    Flat, per-channel and per-unit amounts are per copy/case and multiplied by `copies`;
    `quantity` is what a tiered rule is measured in (a contract value, an area) or the count of
    a per-unit rule. Without it such a quote leaves the amount to the official, like an unknown
    fee. An exemption makes the amount 0 and keeps the normal amount as a line when it can be
    computed, so reports show what was waived. Raises InputError for an unknown channel, counts
    below 1, or a per-page rule without `pages`.
    """
    if channel not in CHANNELS:
        raise InputError(f"channel: unknown channel {excerpt(channel)}; expected one of {', '.join(CHANNELS)}")
    copies = _count(copies, name="copies")
    if pages is not None:
        pages = _count(pages, name="pages")
    if quantity is not None:
        quantity = _count(quantity, name="quantity")
    if exempt_reason is not None:
        return _exempt(rule, channel=channel, pages=pages, copies=copies, reason=exempt_reason,
                       quantity=quantity)
    applied = rule.for_channel(channel)
    if applied is not None and applied.kind == "per_page" and pages is None:
        raise InputError("pages: this procedure's fee is charged per page; enter the number of pages")
    return _quote(rule, channel=channel, pages=pages, copies=copies, quantity=quantity)


def _quote(rule: FeeRule, *, channel: str, pages: int | None, copies: int,
           quantity: int | None = None) -> FeeQuote:
    note = rule.note
    if rule.kind == "by_channel":
        applied = rule.for_channel(channel)
        if applied is None:
            missing = f"Chưa có mức thu cho kênh {CHANNELS[channel].lower()}; nhập số tiền."
            return FeeQuote(None, [], _join(missing, note))
        quote = _quote(applied, channel=channel, pages=pages, copies=copies, quantity=quantity)
        return FeeQuote(quote.amount_vnd, quote.lines, _join(quote.note, note))
    if rule.kind in ("tiers", "per_unit"):
        return _quantity_quote(rule, quantity=quantity, copies=copies)
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


def _quantity_quote(rule: FeeRule, *, quantity: int | None, copies: int) -> FeeQuote:
    """Tiered and per-unit fees: computed from `quantity`, or left to the official without it."""
    if quantity is None:
        what = rule.basis if rule.kind == "tiers" else f"số {rule.basis}"
        return FeeQuote(None, [], _join(f"Mức thu tính theo {what}; nhập số tiền.", rule.note))
    if rule.kind == "per_unit":
        assert rule.amount_vnd is not None
        amount = quantity * rule.amount_vnd
        label = f"{quantity} {rule.basis} × {format_vnd(rule.amount_vnd)}"
    else:
        tier = next(t for t in rule.tiers if t.up_to is None or quantity <= t.up_to)
        # Whole đồng: a percentage is rounded half up, as receipts never show fractions.
        banded = tier.amount_vnd if tier.percent is None else int(quantity * tier.percent / 100 + 0.5)
        assert banded is not None
        amount = banded
        if rule.min_vnd is not None:
            amount = max(amount, rule.min_vnd)
        label = f"{rule.basis}: {quantity:,}".replace(",", ".")
    if rule.max_vnd is not None and amount > rule.max_vnd:
        amount = rule.max_vnd
        label += f", tối đa {format_vnd(rule.max_vnd)}"
    return _single(label, amount, copies, rule.note)


def _per_page_quote(rule: FeeRule, *, pages: int, copies: int) -> FeeQuote:
    first_pages = min(pages, rule.first_pages)
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
        start = rule.first_pages + 1
        lines.append(FeeLine(f"Trang {start}–{pages}" if pages > start else f"Trang {start}",
                             later_pages * copies, rule.per_page_from_3,
                             later_pages * copies * rule.per_page_from_3))
    return FeeQuote(per_copy * copies, lines, rule.note)


def _exempt(rule: FeeRule, *, channel: str, pages: int | None, copies: int, reason: str,
            quantity: int | None = None) -> FeeQuote:
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        raise InputError("exempt_reason: say why the fee is waived (e.g. hộ nghèo, người khuyết tật)")
    lines: list[FeeLine] = []
    applied = rule.for_channel(channel)
    if not (applied is not None and applied.kind == "per_page" and pages is None):
        normal = _quote(rule, channel=channel, pages=pages, copies=copies, quantity=quantity)
        if normal.amount_vnd:
            lines = list(normal.lines)
            lines.append(FeeLine(f"Miễn: {reason}", 1, -normal.amount_vnd, -normal.amount_vnd))
    if not lines:
        lines = [FeeLine(f"Miễn: {reason}", 1, 0, 0)]
    return FeeQuote(0, lines, _join(f"Được miễn phí, lệ phí: {reason}.", rule.note))


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)
