"""VietQR payloads against the NAPAS reference vectors, validation, PNG output, bank list."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import PIL.Image
import pytest
import zxingcpp
from hypothesis import (
    given,
    settings,
)
from hypothesis import strategies as st

from app.errors import InputError
from app.payments import (
    Bank,
    build_vietqr,
    crc16_ccitt_false,
    find_bank,
    load_banks,
    parse_emv,
    verify_crc,
    vietqr_png,
)

# domain.md §5: the verified example, and the NAPAS spec vectors.
FLOOD_RELIEF = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)
STATIC_ACCOUNT = (
    "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4"
)
DYNAMIC_ACCOUNT = (
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA"
    "530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"
)
# NAPAS spec 6.1.2 and 6.1.4: the same transfers to a card.
STATIC_CARD = (
    "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52"
)
DYNAMIC_CARD = (
    "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC"
    "530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203"
)


# --- reference vectors -------------------------------------------------------------------


def test_flood_relief_example() -> None:
    built = build_vietqr(bin="970415", account="0011001932418", amount=120000, info="ung ho lu lut")
    assert built == FLOOD_RELIEF


def test_static_account_vector() -> None:
    assert build_vietqr(bin="970423", account="0099999999") == STATIC_ACCOUNT


def test_dynamic_account_vector_with_bill_number() -> None:
    built = build_vietqr(
        bin="970403",
        account="0011012345678",
        amount=180000,
        bill_number="NPS6869",
        info="thanh toan don hang",
    )
    assert built == DYNAMIC_ACCOUNT


def test_card_vectors() -> None:
    assert build_vietqr(bin="970403", account="9704031101234567", to_card=True) == STATIC_CARD
    built = build_vietqr(
        bin="970403",
        account="9704031101234567",
        amount=180000,
        bill_number="NPS6869",
        info="thanh toan don hang",
        to_card=True,
    )
    assert built == DYNAMIC_CARD


def test_crc_function_on_the_spec_vectors() -> None:
    assert crc16_ccitt_false(STATIC_ACCOUNT[:-4].encode()) == 0xCBB4
    assert STATIC_ACCOUNT[:-4].endswith("5802VN6304")
    assert crc16_ccitt_false(DYNAMIC_ACCOUNT[:-4].encode()) == 0x2E2E
    assert DYNAMIC_ACCOUNT[:-4].endswith("0819thanh toan don hang6304")
    assert crc16_ccitt_false(FLOOD_RELIEF[:-4].encode()) == 0xC15C


def test_crc_standard_check_value() -> None:
    # The catalogue check value of CRC-16/CCITT-FALSE; the reflected variant gives 0x6F91.
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF


def test_crc_with_a_leading_zero_is_zero_padded() -> None:
    built = build_vietqr(bin="970415", account="0011001932418", amount=120000, info="TEST5")
    assert built.endswith("63040FF5")
    assert verify_crc(built)


# --- static / dynamic, service code ------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "dynamic", "initiation"),
    [(None, None, "11"), (50000, None, "12"), (50000, False, "11"), (None, True, "12")],
)
def test_static_or_dynamic(amount: int | None, dynamic: bool | None, initiation: str) -> None:
    fields = parse_emv(build_vietqr(bin="970436", account="0123456789", amount=amount, dynamic=dynamic))
    assert fields["01"] == initiation
    assert ("54" in fields) is (amount is not None)


def test_service_code_follows_to_card() -> None:
    assert parse_emv(build_vietqr(bin="970436", account="1"))["38"]["02"] == "QRIBFTTA"  # type: ignore[index]
    card = parse_emv(build_vietqr(bin="970436", account="9704361234567890", to_card=True))
    assert card["38"]["02"] == "QRIBFTTC"  # type: ignore[index]


# --- purpose text ------------------------------------------------------------------------


def purpose(info: str) -> str | None:
    additional = parse_emv(build_vietqr(bin="970405", account="1234567890123", info=info)).get("62")
    return None if additional is None else additional.get("08")  # type: ignore[union-attr]


def test_vietnamese_info_is_folded_and_truncated() -> None:
    assert purpose("Nộp phí hồ sơ 000.00.06.H56-231027-0361") == "Nop phi ho so 000.00.06.H"
    assert purpose("Đóng lệ phí đăng ký") == "Dong le phi dang ky"
    assert purpose(unicodedata.normalize("NFD", "Đóng lệ phí")) == "Dong le phi"


def test_info_cut_at_a_space_loses_the_trailing_space() -> None:
    assert purpose("a" * 24 + " tail") == "a" * 24


def test_info_drops_control_characters_and_non_latin_text() -> None:
    assert purpose("le\r\nphi\t2025") == "le phi 2025"
    assert purpose("中文") is None
    assert purpose("   ") is None


def test_bill_number_is_kept_whole_or_refused() -> None:
    code = "000.00.06.H56-231027-0361"
    fields = parse_emv(build_vietqr(bin="970405", account="1", bill_number=code))
    assert fields["62"] == {"01": code}
    with pytest.raises(InputError, match="bill_number"):
        build_vietqr(bin="970405", account="1", bill_number=code + "X")


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"bin": "97041"}, "bin"),
        ({"bin": "9704150"}, "bin"),
        ({"bin": "97041A"}, "bin"),
        ({"bin": "123456"}, "bin"),
        ({"bin": 970415}, "bin"),
        ({"account": ""}, "account"),
        ({"account": "1" * 20}, "account"),
        ({"account": "0011 0019"}, "account"),
        ({"account": "0011-0019"}, "account"),
        ({"account": "tàikhoản"}, "account"),
        ({"amount": 0}, "amount"),
        ({"amount": -5}, "amount"),
        ({"amount": 1.5}, "amount"),
        ({"amount": "1000"}, "amount"),
        ({"amount": True}, "amount"),
        ({"amount": 10**13}, "amount"),
        ({"info": 5}, "info"),
        ({"bill_number": 5}, "bill_number"),
    ],
)
def test_bad_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"bin": "970415", "account": "0011001932418"} | kwargs
    with pytest.raises(InputError) as caught:
        build_vietqr(**arguments)  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"{field}:")


def test_limits_that_are_allowed() -> None:
    fields = parse_emv(build_vietqr(bin="970415", account="A" * 19, amount=10**13 - 1))
    assert fields["54"] == "9" * 13
    assert fields["38"]["01"]["01"] == "A" * 19  # type: ignore[index]


def test_surrounding_spaces_of_bin_and_account_are_ignored() -> None:
    assert build_vietqr(bin=" 970423 ", account=" 0099999999\n") == STATIC_ACCOUNT


# --- parse and verify --------------------------------------------------------------------


def test_parse_emv_nests_templates() -> None:
    assert parse_emv(FLOOD_RELIEF) == {
        "00": "01",
        "01": "12",
        "38": {"00": "A000000727", "01": {"00": "970415", "01": "0011001932418"}, "02": "QRIBFTTA"},
        "53": "704",
        "54": "120000",
        "58": "VN",
        "62": {"08": "ung ho lu lut"},
        "63": "C15C",
    }


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ("", "empty"),
        ("0002", "field 00 declares 2 characters but only 0 remain"),
        ("000201012", "position 7"),
        ("AB0201", "position 1"),
        ("00020100", "position 7"),
        ("000201000201", "field 00 appears twice"),
        ("3804ab12", "template 38"),
        ("38080103abcd", "template 38/01"),
        ("00٠٢01", "position 1"),
    ],
)
def test_parse_emv_refuses_malformed_text(payload: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parse_emv(payload)


def test_parse_emv_refuses_non_text() -> None:
    with pytest.raises(InputError):
        parse_emv(None)  # type: ignore[arg-type]


def test_verify_crc() -> None:
    assert verify_crc(FLOOD_RELIEF)
    assert verify_crc(FLOOD_RELIEF + "\r\n")
    assert verify_crc(FLOOD_RELIEF[:-4] + "c15c")
    assert not verify_crc(FLOOD_RELIEF.replace("120000", "920000"))
    assert not verify_crc(FLOOD_RELIEF[:-4] + "C15D")
    assert not verify_crc(FLOOD_RELIEF[:-8])
    for junk in ("", "6304", "63041234", "xx6304ZZZZ", "\ud8006304FFFF", None, 12):
        assert verify_crc(junk) is False  # type: ignore[arg-type]


# --- PNG ---------------------------------------------------------------------------------


def decode(png: bytes) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(PIL.Image.open(io.BytesIO(png)))]


def test_png_decodes_back_to_the_payload(tmp_path: Path) -> None:
    out = tmp_path / "vietqr.png"
    png = vietqr_png(DYNAMIC_ACCOUNT, out, box_size=4)
    assert png.startswith(b"\x89PNG")
    assert out.read_bytes() == png
    assert decode(png) == [DYNAMIC_ACCOUNT]
    assert not list(tmp_path.glob("*.tmp"))


def test_png_refuses_a_payload_with_a_bad_crc() -> None:
    with pytest.raises(InputError, match="CRC"):
        vietqr_png(FLOOD_RELIEF[:-4] + "0000")


@pytest.mark.parametrize("box_size", [0, -1, 101, 2.5, True])
def test_png_refuses_a_bad_box_size(box_size: object) -> None:
    with pytest.raises(InputError, match="box_size"):
        vietqr_png(FLOOD_RELIEF, box_size=box_size)  # type: ignore[arg-type]


def test_png_write_failure_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="out: cannot write"):
        vietqr_png(FLOOD_RELIEF, tmp_path / "missing" / "qr.png")


# --- bank list ---------------------------------------------------------------------------


COMMON = {
    "970405": "Agribank",
    "970415": "VietinBank",
    "970418": "BIDV",
    "970436": "Vietcombank",
    "970403": "Sacombank",
    "970422": "MBBank",
    "970407": "Techcombank",
}


def test_common_banks_are_listed() -> None:
    banks = load_banks()
    for bin_, short_name in COMMON.items():
        assert banks[bin_].short_name == short_name
    assert len(banks) >= 50


def test_bank_rows_are_clean() -> None:
    for bank in load_banks().values():
        assert len(bank.bin) == 6 and bank.bin.isdigit()
        assert bank.short_name and bank.name
        assert unicodedata.is_normalized("NFC", bank.name)


@pytest.mark.parametrize(
    ("text", "bin_"),
    [
        ("970436", "970436"),
        (" 970436 ", "970436"),
        ("Vietcombank", "970436"),
        ("vietcombank", "970436"),
        ("VCB", "970436"),
        ("Vietin Bank", "970415"),
        ("icb", "970415"),
        ("IBK-HN", "970455"),
        ("ibk hcm", "970456"),
        ("PVcomBank Pay", "971133"),
        ("PVcomBank", "970412"),
    ],
)
def test_find_bank(text: str, bin_: str) -> None:
    bank = find_bank(text)
    assert isinstance(bank, Bank)
    assert bank.bin == bin_


@pytest.mark.parametrize("text", ["", "123456", "No Such Bank", "97043", None])
def test_find_bank_unknown(text: object) -> None:
    assert find_bank(text) is None  # type: ignore[arg-type]


# --- properties --------------------------------------------------------------------------


PRINTABLE = st.characters(min_codepoint=33, max_codepoint=126)


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_any_text_with_its_crc_verifies(body: str) -> None:
    text = body.strip() + "6304"
    try:
        crc = crc16_ccitt_false(text.encode("utf-8"))
    except UnicodeEncodeError:
        return
    assert verify_crc(f"{text}{crc:04X}")


@settings(max_examples=200)
@given(st.text(alphabet=PRINTABLE, min_size=1, max_size=120), st.data())
def test_a_changed_character_fails_the_crc(body: str, data: st.DataObject) -> None:
    text = body + "6304"
    payload = f"{text}{crc16_ccitt_false(text.encode()):04X}"
    index = data.draw(st.integers(0, len(body) - 1))
    replacement = data.draw(PRINTABLE.filter(lambda ch: ch != body[index]))
    assert not verify_crc(payload[:index] + replacement + payload[index + 1 :])


@settings(max_examples=200)
@given(
    bin_=st.sampled_from(sorted(load_banks())),
    account=st.from_regex(r"[0-9A-Za-z]{1,19}", fullmatch=True),
    amount=st.none() | st.integers(1, 10**13 - 1),
    info=st.none() | st.text(max_size=60),
    bill=st.none() | st.from_regex(r"[0-9A-Z.\-]{1,25}", fullmatch=True),
    to_card=st.booleans(),
    dynamic=st.none() | st.booleans(),
)
def test_build_then_parse_round_trips(
    bin_: str,
    account: str,
    amount: int | None,
    info: str | None,
    bill: str | None,
    to_card: bool,
    dynamic: bool | None,
) -> None:
    payload = build_vietqr(
        bin=bin_,
        account=account,
        amount=amount,
        info=info,
        bill_number=bill,
        to_card=to_card,
        dynamic=dynamic,
    )
    assert payload.isascii()
    assert verify_crc(payload)
    fields = parse_emv(payload)
    assert fields["00"] == "01"
    assert fields["01"] == ("12" if (amount is not None if dynamic is None else dynamic) else "11")
    assert fields["38"] == {
        "00": "A000000727",
        "01": {"00": bin_, "01": account},
        "02": "QRIBFTTC" if to_card else "QRIBFTTA",
    }
    assert fields["53"] == "704" and fields["58"] == "VN"
    assert fields.get("54") == (None if amount is None else str(amount))
    additional = fields.get("62", {})
    assert isinstance(additional, dict)
    assert additional.get("01") == bill
    assert len(additional.get("08", "")) <= 25
    assert list(fields)[-1] == "63"
