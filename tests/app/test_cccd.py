"""Chip-ID (CCCD) QR parsing: valid cards, wedge-reader noise, every refusal, properties."""

from __future__ import annotations

import unicodedata
from datetime import (
    date,
    timedelta,
)

import pytest
from hypothesis import (
    given,
    settings,
)
from hypothesis import strategies as st

from app.errors import InputError
from app.identity.cccd import CccdLayoutError
from app.identity import (
    CccdParseError,
    CccdRecord,
    check_id_number,
    load_provinces,
    looks_like_cccd_qr,
    mask_id_number,
    parse_cccd_qr,
    province_name,
)

TODAY = date(2026, 6, 1)

HANOI_MAN = (
    "001090012345|123456789|Nguyễn Văn An|15031990|Nam"
    "|Số 12, ngõ 34 Phố Huế, Hai Bà Trưng, Hà Nội|15062021"
)
HCM_WOMAN = (
    "079300004567||Trần Thị Bích Ngọc|29022000|Nữ|Phường 1, Quận 3, TP. Hồ Chí Minh|01032022"
)


def parse(text: str) -> CccdRecord:
    return parse_cccd_qr(text, today=TODAY)


def payload(**changes: str) -> str:
    """HANOI_MAN with some fields replaced by name."""
    names = ["id", "old", "name", "birth", "sex", "address", "issue"]
    fields = dict(zip(names, HANOI_MAN.split("|")))
    fields.update(changes)
    return "|".join(fields[name] for name in names)


# --- valid cards -------------------------------------------------------------------------


def test_parses_a_man_born_in_the_1900s_with_an_old_cmnd() -> None:
    record = parse(HANOI_MAN)
    assert record == CccdRecord(
        id_number="001090012345",
        old_id_number="123456789",
        full_name="Nguyễn Văn An",
        birth_date=date(1990, 3, 15),
        sex="Nam",
        address="Số 12, ngõ 34 Phố Huế, Hai Bà Trưng, Hà Nội",
        issue_date=date(2021, 6, 15),
    )


def test_parses_a_woman_born_on_a_leap_day_without_an_old_id() -> None:
    record = parse(HCM_WOMAN)
    assert record.old_id_number is None
    assert record.sex == "Nữ"
    assert record.birth_date == date(2000, 2, 29)
    assert record.full_name == "Trần Thị Bích Ngọc"


def test_accepts_a_12_digit_old_id() -> None:
    assert parse(payload(old="001090099999")).old_id_number == "001090099999"


def test_masked_id_and_dict() -> None:
    record = parse(HANOI_MAN)
    assert record.masked_id() == "0010****2345"
    assert record.to_dict() == {
        "id_number": "001090012345",
        "old_id_number": "123456789",
        "full_name": "Nguyễn Văn An",
        "birth_date": "1990-03-15",
        "sex": "Nam",
        "address": "Số 12, ngõ 34 Phố Huế, Hai Bà Trưng, Hà Nội",
        "issue_date": "2021-06-15",
    }


@pytest.mark.parametrize(
    ("number", "masked"),
    [("001090012345", "0010****2345"), ("123456789", "12*****89"), ("1234", "****"), ("", "")],
)
def test_mask_id_number(number: str, masked: str) -> None:
    assert mask_id_number(number) == masked


def test_default_today_is_the_real_date() -> None:
    assert parse_cccd_qr(HANOI_MAN).id_number == "001090012345"


# --- wedge-reader noise ------------------------------------------------------------------


@pytest.mark.parametrize(
    "noisy",
    [
        HANOI_MAN + "\r\n",
        HANOI_MAN + "\n",
        HANOI_MAN + "\t",
        "\r\n  " + HANOI_MAN + "  \r",
        "\ufeff" + HANOI_MAN,
        HANOI_MAN.replace("|", " | "),
        HANOI_MAN.replace("|", "\r\n|"),
        HANOI_MAN.replace("|", "|\t"),
        unicodedata.normalize("NFD", HANOI_MAN) + "\r\n",
        HANOI_MAN.replace("Nguyễn Văn An", "  Nguyễn   Văn\tAn "),
        HANOI_MAN.replace("001090012345", "001090\r\n012345"),
        HANOI_MAN.replace("|Nam|", "|nam|"),
        HANOI_MAN.replace("|Nam|", "|NAM|"),
    ],
)
def test_wedge_noise_is_cleaned(noisy: str) -> None:
    assert parse(noisy) == parse(HANOI_MAN)


def test_nfd_text_comes_out_nfc() -> None:
    record = parse(unicodedata.normalize("NFD", HCM_WOMAN))
    assert record.full_name == "Trần Thị Bích Ngọc"
    assert unicodedata.is_normalized("NFC", record.full_name)
    assert unicodedata.is_normalized("NFC", record.address)
    assert record.sex == "Nữ"


@pytest.mark.parametrize("sex", ["NỮ", "nữ", unicodedata.normalize("NFD", "NỮ")])
def test_sex_is_normalised(sex: str) -> None:
    assert parse(HCM_WOMAN.replace("|Nữ|", f"|{sex}|")).sex == "Nữ"


def test_line_break_inside_the_address_becomes_a_space() -> None:
    record = parse(HANOI_MAN.replace("Phố Huế, ", "Phố Huế,\r\n"))
    assert record.address == "Số 12, ngõ 34 Phố Huế, Hai Bà Trưng, Hà Nội"


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 6, 8, 9, 10, 12])
def test_other_field_counts_are_refused_without_guessing(count: int) -> None:
    fields = HANOI_MAN.split("|")
    text = "|".join((fields + fields)[:count])
    with pytest.raises(CccdParseError) as caught:
        parse(text)
    assert caught.value.field is None
    assert str(caught.value) == f"expected 7 or 11 fields separated by '|', got {count}"


# --- cards issued since 07/2024 (Thẻ căn cước): 11 fields, the last four empty ------------------


@pytest.mark.parametrize("tail", ["||||", "| | |\t|", "||||\r\n"])
def test_the_2024_card_layout_reads_like_the_old_one(tail: str) -> None:
    assert parse(HANOI_MAN + tail) == parse(HANOI_MAN)
    assert parse(HCM_WOMAN + tail) == parse(HCM_WOMAN)


@pytest.mark.parametrize(("tail", "named"), [
    ("|x|||", "fields 8 "), ("|||Nguyễn Văn B|", "fields 10 "), ("|1|2|3|4", "fields 8, 9, 10, 11 ")])
def test_a_2024_layout_with_data_in_the_new_fields_is_refused_naming_them(tail: str, named: str) -> None:
    with pytest.raises(CccdLayoutError) as caught:
        parse(HANOI_MAN + tail)
    assert str(caught.value).startswith(named) and caught.value.field == "extra_fields"
    assert "Nguyễn" not in str(caught.value)  # the content is never echoed


def test_six_field_layout_without_old_id_is_refused() -> None:
    fields = HANOI_MAN.split("|")
    with pytest.raises(CccdParseError, match="got 6"):
        parse("|".join(fields[:1] + fields[2:]))


REFUSALS = [
    (payload(id="00109001234"), "id_number", "field 1 (ID number) must be 12 digits"),
    (payload(id="0010900123456"), "id_number", "field 1 (ID number) must be 12 digits"),
    (payload(id="00109001234a"), "id_number", "field 1 (ID number) must contain digits only"),
    (payload(id="00109001234٥"), "id_number", "field 1 (ID number) must contain digits only"),
    (payload(id=""), "id_number", "field 1 (ID number) must be 12 digits"),
    (payload(id="003090012345"), "id_number", "does not start with a known province code"),
    (payload(id="097090012345"), "id_number", "does not start with a known province code"),
    (payload(id="001190012345"), "id_number", "4th digit (century and sex code)"),
    (payload(id="001290012345"), "id_number", "4th digit (century and sex code)"),
    (payload(id="001091012345"), "id_number", "5th-6th digits"),
    (payload(old="12345678"), "old_id_number", "field 2 (old ID number) must be empty, 9 digits or 12"),
    (payload(old="1234567890"), "old_id_number", "must be empty, 9 digits or 12 digits"),
    (payload(old="12345678x"), "old_id_number", "must contain digits only"),
    (payload(name="   "), "full_name", "field 3 (full name) is empty"),
    (payload(birth="31021990"), "birth_date", "field 4 (birth date) is not a real date (expected ddMMyyyy)"),
    (payload(birth="29021990"), "birth_date", "is not a real date"),
    (payload(birth="1503199"), "birth_date", "field 4 (birth date) is not a date (expected ddMMyyyy)"),
    (payload(birth="1990-03-15"), "birth_date", "is not a date"),
    (payload(birth="15031990", issue="15062021", id="001090012345", sex="Nữ"), "id_number", "4th digit"),
    (payload(sex="Nu"), "sex", "field 5 (sex) must be Nam or Nữ"),
    (payload(sex="Male"), "sex", "must be Nam or Nữ"),
    (payload(sex=""), "sex", "must be Nam or Nữ"),
    (payload(address=""), "address", "field 6 (address) is empty"),
    (payload(issue="00062021"), "issue_date", "field 7 (issue date) is not a real date"),
    (payload(issue="2021"), "issue_date", "field 7 (issue date) is not a date"),
    (payload(issue="14031990"), "issue_date", "field 7 (issue date) is not after field 4 (birth date)"),
    (payload(issue="15031990"), "issue_date", "is not after field 4 (birth date)"),
    (payload(issue="02062026"), "issue_date", "field 7 (issue date) is in the future"),
    (payload(id="001326012345", birth="01012026", issue="01012027"), "issue_date", "is in the future"),
    (payload(id="001226012345", birth="02062026", issue="03062026"), "birth_date", "is in the future"),
]


@pytest.mark.parametrize(("text", "field", "message"), REFUSALS)
def test_each_refusal_names_the_field(text: str, field: str, message: str) -> None:
    with pytest.raises(CccdParseError) as caught:
        parse(text)
    assert caught.value.field == field
    assert message in str(caught.value)


@pytest.mark.parametrize(("text", "field", "message"), REFUSALS)
def test_refusals_do_not_echo_personal_data(text: str, field: str, message: str) -> None:
    with pytest.raises(CccdParseError) as caught:
        parse(text)
    shown = str(caught.value)
    for value in ("0010900", "123456789", "Nguyễn", "Phố Huế", "1503199", "2021"):
        assert value not in shown


def test_parse_error_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse("nonsense")


@pytest.mark.parametrize("text", ["", "   ", "\r\n\t", "\ufeff"])
def test_empty_payload_is_refused(text: str) -> None:
    with pytest.raises(CccdParseError, match="empty") as caught:
        parse(text)
    assert caught.value.field is None


def test_huge_payload_is_refused_quickly() -> None:
    with pytest.raises(CccdParseError, match="too long"):
        parse("0" * 1_000_000)


@pytest.mark.parametrize("value", [None, 42, b"001090012345|", ["a"]])
def test_non_text_input_is_refused(value: object) -> None:
    with pytest.raises(CccdParseError, match="must be text"):
        parse_cccd_qr(value)  # type: ignore[arg-type]


# --- ID number structure -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("001090012345", date(1990, 1, 1), "Nam"),
        ("001190012345", date(1990, 1, 1), "Nữ"),
        ("001200012345", date(2000, 1, 1), "Nam"),
        ("001399012345", date(2099, 12, 31), "Nữ"),
        ("001400012345", date(2100, 1, 1), "Nam"),
        ("001501012345", date(2101, 1, 1), "nữ"),
        ("001600012345", date(2200, 1, 1), "Nam"),
        ("001700012345", date(2200, 1, 1), "Nữ"),
        ("001800012345", date(2300, 1, 1), "Nam"),
        ("001999012345", date(2399, 1, 1), "Nữ"),
    ],
)
def test_century_and_sex_codes(number: str, born: date, sex: str) -> None:
    check_id_number(number, birth_date=born, sex=sex)


def test_birth_year_outside_encodable_centuries_names_the_birth_date() -> None:
    with pytest.raises(CccdParseError) as caught:
        check_id_number("001099012345", birth_date=date(1899, 12, 31), sex="Nam")
    assert caught.value.field == "birth_date"


def test_check_id_number_refuses_a_bad_sex_or_number() -> None:
    with pytest.raises(CccdParseError) as caught:
        check_id_number("001090012345", birth_date=date(1990, 1, 1), sex="X")
    assert caught.value.field == "sex"
    with pytest.raises(CccdParseError) as caught:
        check_id_number("0010900123", birth_date=date(1990, 1, 1), sex="Nam")
    assert caught.value.field == "id_number"


# --- keystroke check ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HANOI_MAN, True),
        ("001090012345|", True),
        ("\r\n 001090012345|12", True),
        ("001090012345 | 123", True),
        ("00109001234|", False),
        ("001090012345", False),
        ("0010900123456|", False),
        ("Nguyễn Văn An", False),
        ("٠٠١٠٩٠٠١٢٣٤٥|", False),
        ("", False),
    ],
)
def test_looks_like_cccd_qr(text: str, expected: bool) -> None:
    assert looks_like_cccd_qr(text) is expected


# --- province data -----------------------------------------------------------------------


def test_province_table_has_the_63_codes() -> None:
    provinces = load_provinces()
    assert len(provinces) == 63
    assert province_name("001") == "Hà Nội"
    assert province_name("079") == "Hồ Chí Minh"
    assert province_name("096") == "Cà Mau"
    assert province_name("003") is None
    assert min(provinces) == "001" and max(provinces) == "096"
    assert all(unicodedata.is_normalized("NFC", name) for name in provinces.values())


# --- properties --------------------------------------------------------------------------


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_any_text_parses_or_raises_cccd_parse_error(text: str) -> None:
    try:
        record = parse(text)
    except CccdParseError:
        return
    assert isinstance(record, CccdRecord)


@settings(max_examples=200)
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
        | st.from_regex(r"[0-9]{8,12}", fullmatch=True),
        min_size=7,
        max_size=7,
    )
)
def test_seven_random_fields_parse_or_raise_cccd_parse_error(fields: list[str]) -> None:
    try:
        parse("|".join(fields))
    except CccdParseError as error:
        assert error.field is None or error.field in CccdRecord.__dataclass_fields__


LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
LETTERS += LETTERS.upper()
words = st.text(alphabet=LETTERS, min_size=1, max_size=8)


@st.composite
def records(draw: st.DrawFn) -> CccdRecord:
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY - timedelta(days=1)))
    issue = draw(st.dates(min_value=birth + timedelta(days=1), max_value=TODAY))
    sex = draw(st.sampled_from(["Nam", "Nữ"]))
    province = draw(st.sampled_from(sorted(load_provinces())))
    century_sex = 2 * ((birth.year - 1900) // 100) + (sex == "Nữ")
    serial = draw(st.integers(0, 999_999))
    old = draw(st.none() | st.from_regex(r"[0-9]{9}|[0-9]{12}", fullmatch=True))
    house_number = st.from_regex(r"[0-9]{1,4}(/[0-9]{1,3})?", fullmatch=True)
    address_parts = st.lists(words | house_number, min_size=1, max_size=6)
    return CccdRecord(
        id_number=f"{province}{century_sex}{birth.year % 100:02d}{serial:06d}",
        old_id_number=old,
        full_name=" ".join(draw(st.lists(words, min_size=1, max_size=5))),
        birth_date=birth,
        sex=sex,
        address=", ".join(" ".join(draw(address_parts)) for _ in range(draw(st.integers(1, 4)))),
        issue_date=issue,
    )


def join(record: CccdRecord) -> str:
    return "|".join([
        record.id_number,
        record.old_id_number or "",
        record.full_name,
        record.birth_date.strftime("%d%m%Y"),
        record.sex,
        record.address,
        record.issue_date.strftime("%d%m%Y"),
    ])


@settings(max_examples=200)
@given(records())
def test_round_trip(record: CccdRecord) -> None:
    assert parse(join(record)) == record


@settings(max_examples=200)
@given(records(), st.sampled_from(["\r\n", "\n", "\r", "\t", " ", ""]), st.booleans())
def test_round_trip_through_wedge_noise(record: CccdRecord, suffix: str, spaced: bool) -> None:
    text = unicodedata.normalize("NFD", join(record)) + suffix
    if spaced:
        text = "  " + text.replace("|", " |\t")
    assert parse(text) == record
