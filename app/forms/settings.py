"""What a printed receipt needs from the unit's settings, read and checked in one place.

Settings (declared in app/options.py, stored in the `settings` table, set by an administrator):
- "receipt.paper": "A5" (default, the legal size of Mẫu 01) or "A4";
- "receipt.lookup_url": the portal's lookup address, `{code}` replaced by the dossier code;
- "receipt.survey_url": satisfaction survey address (`{code}` allowed); empty = no survey QR;
- "payment.vietqr": {bin, account, account_name} of the unit's collection account, or absent;
- "unit.place_name": the place in "{Địa danh}, ngày … tháng … năm …";
- "unit.parent_agency": the line above the unit's name in the header, e.g. "UBND XÃ TÂN LẬP";
- "unit.hotline": printed in the footnotes when set;
- "sync.citizen_url" (with "sync.portal_url", i.e. an enrolled desk): the portal's public
  address; a dossier with a lookup secret then gets QR codes to the portal's citizen pages
  (/tra-cuu and /danh-gia, app/citizen.py) instead of the two settings above.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import options
from app.citizen import LOOKUP_PATH, SURVEY_PATH, page_url
from app.errors import InputError
from app.payments.banks import load_banks
from app.payments.vietqr import build_vietqr
from app.store.models import Setting
from app.text import collapse_spaces, nfc

PAPERS = ("A5", "A4")
DEFAULT_LOOKUP_URL = "https://dichvucong.gov.vn/tra-cuu-ho-so?ma={code}"
KEYS = tuple(option.key for option in (options.RECEIPT_PAPER, options.LOOKUP_URL, options.SURVEY_URL,
                                       options.VIETQR_ACCOUNT, options.PLACE_NAME, options.PARENT_AGENCY,
                                       options.HOTLINE, options.CITIZEN_URL, options.PORTAL_URL,
                                       options.TRAINING_STORE))


@dataclass(frozen=True)
class VietQrAccount:
    """The unit's account for fees paid by transfer."""

    bin: str
    account: str
    account_name: str

    @property
    def bank_name(self) -> str:
        """Short bank name for the printed line; the BIN itself when the bank list lacks it."""
        bank = load_banks().get(self.bin)
        return bank.short_name if bank else f"BIN {self.bin}"


@dataclass(frozen=True)
class ReceiptSettings:
    """The unit's choices for receipts; every field has a usable default."""

    paper: str = "A5"
    lookup_url: str = DEFAULT_LOOKUP_URL
    survey_url: str = ""
    vietqr: VietQrAccount | None = None
    place_name: str = ""
    parent_agency: str = ""
    hotline: str = ""
    citizen_url: str = ""  # the enrolled portal's public address; "" before enrolment
    training: bool = False  # a training store: every printout carries the training mark

    def lookup_for(self, code: str, secret: str = "") -> str:
        if self.citizen_url and secret:
            return page_url(self.citizen_url, LOOKUP_PATH, code, secret)
        return self.lookup_url.replace("{code}", code)

    def survey_for(self, code: str, secret: str = "") -> str:
        """The survey QR's address; "" when the receipt has none."""
        if self.citizen_url and secret:
            return page_url(self.citizen_url, SURVEY_PATH, code, secret)
        return self.survey_url.replace("{code}", code)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> ReceiptSettings:
        """Build from {setting key: stored value}; InputError names the bad setting."""
        return cls(
            paper=check_paper(values.get(options.RECEIPT_PAPER.key) or "A5",
                              field=f"setting {options.RECEIPT_PAPER.key}"),
            lookup_url=_url(values.get(options.LOOKUP_URL.key), options.LOOKUP_URL.key,
                            default=DEFAULT_LOOKUP_URL, need_code=True),
            survey_url=_url(values.get(options.SURVEY_URL.key), options.SURVEY_URL.key, default=""),
            vietqr=_vietqr(values.get(options.VIETQR_ACCOUNT.key)),
            place_name=_text(values.get(options.PLACE_NAME.key), options.PLACE_NAME.key),
            parent_agency=_text(values.get(options.PARENT_AGENCY.key), options.PARENT_AGENCY.key),
            hotline=_text(values.get(options.HOTLINE.key), options.HOTLINE.key),
            # Only an enrolled desk's receipts point at the portal's pages.
            citizen_url=(_url(values.get(options.CITIZEN_URL.key), options.CITIZEN_URL.key, default="")
                         if values.get(options.PORTAL_URL.key) else ""),
            training=bool(values.get(options.TRAINING_STORE.key)),
        )


def receipt_settings(session: Session) -> ReceiptSettings:
    """The receipt settings stored with the data, read inside the caller's session."""
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(KEYS)))
    return ReceiptSettings.from_values(dict(rows.all()))


def check_paper(value: object, *, field: str = "paper") -> str:
    if not isinstance(value, str) or value.strip().upper() not in PAPERS:
        raise InputError(f"{field}: {value!r} is not a paper size; use A5 or A4")
    return value.strip().upper()


def _text(value: object, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"setting {key}: must be text, got {value!r}")
    return collapse_spaces(nfc(value))


def _url(value: object, key: str, *, default: str, need_code: bool = False) -> str:
    text = _text(value, key)
    if not text:
        return default
    if not text.lower().startswith(("https://", "http://")):
        raise InputError(f"setting {key}: {text!r} is not a web address (http:// or https://)")
    if need_code and "{code}" not in text:
        # Without the code every receipt would carry the same QR, useless for lookup.
        raise InputError(f"setting {key}: {text!r} has no {{code}} placeholder for the dossier code")
    return text


def _vietqr(value: object) -> VietQrAccount | None:
    if value in (None, "", {}):
        return None
    if not isinstance(value, Mapping):
        raise InputError(f"setting payment.vietqr: expected {{bin, account, account_name}}, got {value!r}")
    parts = {key: _text(value.get(key), f"payment.vietqr.{key}") for key in ("bin", "account", "account_name")}
    for key, text in parts.items():
        if not text:
            raise InputError(f"setting payment.vietqr.{key}: missing")
    try:
        build_vietqr(bin=parts["bin"], account=parts["account"])  # the same checks a payment will get
    except InputError as error:
        raise InputError(f"setting payment.vietqr: {error}") from None
    return VietQrAccount(**parts)
