"""Catalogue files: good files load, bad files are refused whole with entry and field named."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.catalog.loader import load_catalog, load_catalog_file, validate_catalog
from app.catalog.model import ProcedureVersionData, document_from_text
from app.deadlines import TimeRule
from app.errors import InputError
from app.paths import resource

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog"
BUILTIN = resource("catalog", "procedures.yaml")

# fixture file -> fragments the message must contain (entry, code, line where known, field, cause)
BAD_FILES = {
    "bad_not_list.yaml": ["'procedures' must be a list"],
    "bad_syntax.yaml": ["YAML syntax error", "line 6"],
    "bad_missing_name.yaml": ["entry 2", "'1.000894'", "line 5", "name: missing"],
    "bad_missing_code.yaml": ["entry 2", "line 5", "code: missing"],
    "bad_code_number.yaml": ["entry 1", "code: must be text", "quotes"],
    "bad_duplicate.yaml": ["entries 1 and 3", "'1.001193'", "2025-07-01", "duplicate"],
    "bad_overlap.yaml": ["entry 1", "2027-06-30", "entry 2", "overlapping"],
    "bad_negative_fee.yaml": ["entry 1", "'2.000884'", "fee_vnd", "negative"],
    "bad_negative_channel_fee.yaml": ["'1.004194'", "fee_by_channel.truc_tuyen", "negative"],
    "bad_time_unit.yaml": ["'1.004873'", "time.unit", "'week'"],
    "bad_channel.yaml": ["'1.004222'", "fee_by_channel", "unknown channel 'qua_zalo'"],
    "bad_channel_list.yaml": ["'3.000722'", "channels", "unknown channel 'fax'"],
    "bad_wrong_type.yaml": ["'1.001193'", "documents: must be a list"],
    "bad_wrong_type_required.yaml": ["documents[1].required", "true or false"],
    "bad_valid_until.yaml": ["valid_until", "2025-06-30", "before valid_from"],
    "bad_bad_date.yaml": ["valid_from", "'01/07/2025'", "YYYY-MM-DD"],
    "bad_unknown_field.yaml": ["unknown field 'fee_vdn'", "did you mean 'fee_vnd'"],
    "bad_two_fee_keys.yaml": ["only one of fee_vnd, fee_by_channel"],
    "bad_verify_tag.yaml": ["verify.fee", "V, S or U"],
    "bad_duplicate_key.yaml": ["line 6", "'fee_vnd' appears twice"],
    "bad_empty.yaml": ["the file is empty"],
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_naming_entry_and_field(name: str) -> None:
    path = FIXTURES / name
    with pytest.raises(InputError) as caught:
        load_catalog_file(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for fragment in BAD_FILES[name]:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in FIXTURES.glob("bad_*.yaml")} == set(BAD_FILES)


def test_good_province_file() -> None:
    catalog = load_catalog(FIXTURES / "good_province.yaml")
    assert catalog.catalog_version == "thanh-hoa-2027-01"
    codes = [(v.code, v.valid_from) for v in catalog.versions]
    assert codes[:2] == [("1.001193", date(2025, 7, 1)), ("1.001193", date(2027, 3, 1))]
    birth = catalog.versions[0]
    assert birth.valid_until == date(2027, 2, 28)
    assert birth.time_rule == TimeRule("same_day", 0, True)
    assert [(d.required, d.kind, d.inferred) for d in birth.documents] == [
        (True, "submit", False), (True, "submit", False), (True, "present", False),
        (False, "submit", True)]  # the bare string was inferred, and says so
    residence = next(v for v in catalog.versions if v.code == "1.004222")
    assert residence.channels == ("truc_tiep", "truc_tuyen")
    local = catalog.versions[-1]
    assert local.code_is_local and local.time_rule is None
    assert {"code", "time"} <= local.unverified_fields
    assert local.notes == ("Chưa có thời hạn công bố",)


def test_json_file_is_accepted_and_json_syntax_errors_give_the_line(tmp_path: Path) -> None:
    entries = [v.to_json() for v in load_catalog_file(FIXTURES / "good_province.yaml")]
    good = tmp_path / "province.json"
    good.write_text(json.dumps({"catalog_version": "j1", "procedures": entries}, ensure_ascii=False),
                    encoding="utf-8")
    assert [v.to_json() for v in load_catalog_file(good)] == entries
    bad = tmp_path / "bad.json"
    bad.write_text('{"procedures": [\n  {"code": "1.001193",\n   "name": }\n]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3 column 12: JSON syntax error"):
        load_catalog_file(bad)


def test_bare_list_and_top_level_problems(tmp_path: Path) -> None:
    entry = {"code": "1.001193", "name": "Đăng ký khai sinh", "valid_from": "2025-07-01"}
    assert len(validate_catalog([entry], source="mem")) == 1
    with pytest.raises(InputError, match="mem: no 'procedures' list"):
        validate_catalog({"catalog_version": "x"}, source="mem")
    with pytest.raises(InputError, match="mem: 'procedures' must be a list"):
        validate_catalog("just text", source="mem")
    with pytest.raises(InputError, match="format 'motcua-catalog/9'"):
        validate_catalog({"format": "motcua-catalog/9", "procedures": [entry]}, source="mem")
    with pytest.raises(InputError, match="mem: entry 1: must be a mapping"):
        validate_catalog(["1.001193"], source="mem")
    missing = tmp_path / "nope.yaml"
    with pytest.raises(InputError, match="no such file"):
        load_catalog_file(missing)
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("procedures: [{name: 'Đăng ký'}]".encode("utf-16"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_catalog_file(latin1)


def test_one_bad_entry_refuses_the_whole_file() -> None:
    good = {"code": "1.001193", "name": "Đăng ký khai sinh", "valid_from": "2025-07-01"}
    bad = {"code": "1.000894", "name": "Đăng ký kết hôn", "valid_from": "2025-07-01", "fee_vnd": -5}
    with pytest.raises(InputError, match="entry 2"):
        validate_catalog([good, good | {"valid_from": "2026-01-01"}, bad][::2], source="mem")


def test_unknown_time_is_allowed_and_flagged() -> None:
    base = {"code": "1.003197", "name": "Xóa đăng ký thường trú", "valid_from": "2025-07-01",
            "verify": {"code": "V", "name": "V", "time": "V", "fee": "V", "documents": "V"}}
    for time in ({"value": None}, None):
        version = validate_catalog([base | {"time": time}], source="mem")[0]
        assert version.time_rule is None and version.unverified_fields == {"time"}
    missing = validate_catalog([base], source="mem")[0]
    assert missing.time_rule is None and "time" in missing.unverified_fields


def test_unverified_fields_follow_the_tags() -> None:
    entry = {"code": "1.004873", "name": "Cấp Giấy xác nhận tình trạng hôn nhân", "valid_from": "2025-07-01",
             "time": {"unit": "working_day", "value": 3},
             "extension": {"unit": "working_day", "value": 3, "when": "cần xác minh"},
             "verify": {"code": "V", "name": "S", "time": "U", "fee": "S"}}
    version = validate_catalog([entry], source="mem")[0]
    # time tagged U; documents and extension carry no tag at all
    assert version.unverified_fields == {"time", "documents", "extension"}
    assert version.extension is not None and version.extension.when == "cần xác minh"


@pytest.mark.parametrize(("text", "required", "kind"), [
    ("Tờ khai đăng ký khai tử", True, "submit"),
    ("Xuất trình giấy tờ tùy thân", True, "present"),
    ("Xuất trình giấy tờ tùy thân (hoặc chỉ cung cấp số định danh)", True, "present"),
    ("Văn bản ủy quyền nếu nộp thay", False, "submit"),
    ("Giấy tờ chứng minh chỗ ở hợp pháp (nếu không khai thác được dữ liệu)", False, "submit"),
    ("Biên bản xác nhận trẻ bị bỏ rơi (trường hợp bỏ rơi)", False, "submit"),
    # "nếu không có: X" offers a substitute; the item itself is still required
    ("Giấy chứng sinh; nếu không có: văn bản người làm chứng", True, "submit"),
    # the condition belongs to the alternative after "hoặc"
    ("Tờ khai đăng ký khai sinh hoặc biểu mẫu điện tử tương tác nếu nộp trực tuyến", True, "submit"),
    # "Nếu" inside another word does not count
    ("Giấy tờ nêu rõ nội dung", True, "submit"),
])
def test_document_wording_inference(text: str, required: bool, kind: str) -> None:
    document = document_from_text(text)
    assert (document.required, document.kind, document.inferred) == (required, kind, True)


def test_builtin_catalogue_loads_and_round_trips_through_json() -> None:
    catalog = load_catalog(BUILTIN)
    assert catalog.catalog_version and len(catalog.versions) >= 25
    for version in catalog.versions:
        data = json.loads(json.dumps(version.to_json(), ensure_ascii=False))
        assert ProcedureVersionData.from_json(data) == version
        # An effective date is assumed unless the draft states one with its source.
        assert version.valid_from_assumed or version.sources.get("valid_from")


def test_builtin_catalogue_keeps_provenance() -> None:
    versions = {v.code: v for v in load_catalog_file(BUILTIN)}
    birth = versions["1.001193"]
    assert birth.verify["time"] == "V" and len(birth.sources_for("time")) == 2
    assert any("dichvucong.gov.vn" in source for source in birth.sources_for("code"))
    assert birth.time_rule == TimeRule("same_day", 0, True)
    assert birth.fee.kind == "free" and "người khuyết tật" in birth.fee.exempt
    assert "LOCAL.CT-HD-01" not in versions  # the contract certification has its national code now
    contract = versions["2.001035"]
    assert contract.time_rule == TimeRule("working_day", 2) and contract.fee.amount_vnd == 50000
    copies = versions["2.000815"]
    assert copies.fee.kind == "per_page" and copies.fee.max_per_copy == 200000 and copies.fee.first_pages == 2
    temporary = versions["1.004194"]
    assert set(temporary.fee.by_channel) == {"truc_tiep", "truc_tuyen"}
    assert versions["1.003197"].time_rule == TimeRule("working_day", 5)
    assert versions["3.000722"].channels == ("truc_tuyen",)
    death = versions["1.000656"]
    assert death.extension is not None and "extension" in death.unverified_fields
    assert death.fee.kind == "unknown" and "đăng ký khai tử đúng hạn" in death.fee.exempt


def billion_laughs(field: str) -> str:
    """Nine levels of nine-fold aliases: 9**9 (387 million) strings once expanded, in 800 bytes."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    entry = {"code": '"1.000001"', "name": '"Thủ tục"', "valid_from": "2025-07-01", field: "*a9"}
    body = "\n".join(f"    {key}: {value}" for key, value in entry.items()).replace("    ", "  - ", 1)
    return "format: motcua-catalog/1\nlaughs:\n" + "\n".join(f"  {line}" for line in lines) + \
        "\nprocedures:\n" + body + "\n"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("field", ["name", "code", "legal"])
def test_yaml_aliases_are_refused_at_once(tmp_path: Path, field: str) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs(field), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalog(path)
    message = caught.value.message
    assert "line 3" in message and "anchor ('a0') is not allowed" in message
    assert len(message) < 300


@pytest.mark.timeout(10)
def test_the_catalog_import_command_refuses_a_billion_laughs(tmp_path: Path, capsys) -> None:
    from app.cli.main import main

    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs("legal"), encoding="utf-8")
    data = tmp_path / "data"
    assert main(["catalog", "import", str(path), "--data-dir", str(data)]) == 2
    _out, err = capsys.readouterr()
    assert err.count("\n") == 1 and len(err) < 400 and "is not allowed in a catalogue" in err


def test_a_huge_bad_value_is_not_quoted_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    entry = {"code": "1.000001", "name": ["Thủ tục " * 10] * 50_000, "valid_from": "2025-07-01"}
    path.write_text(json.dumps({"format": "motcua-catalog/1", "procedures": [entry]}), encoding="utf-8")
    with pytest.raises(InputError, match="name: must be text, got a list of 50000 items") as caught:
        load_catalog(path)
    assert len(caught.value.message) < 300


@pytest.mark.parametrize(("entry", "field"), [
    ({"name": "Đ" * 201}, r"entry 1 \(code '1.000001'\), name: 201 characters"),
    ({"documents": [{"name": "Tờ khai " + "x" * 200}]}, r"documents\[1\].name: 208 characters"),
    ({"documents": ["Tờ khai " + "x" * 200]}, r"documents\[1\]: 208 characters"),
])
def test_names_a_dossier_cannot_carry_are_refused(entry: dict, field: str) -> None:
    # A procedure or document name over the wire's limit would make every dossier received
    # under it fail at sync; the catalogue refuses it at import instead.
    raw = {"code": "1.000001", "name": "Thủ tục", "valid_from": "2025-07-01", **entry}
    with pytest.raises(InputError, match=field):
        validate_catalog({"procedures": [raw]}, source="p.yaml")


def test_structured_documents_and_no_time_limit_round_trip() -> None:
    raw = {"code": "1.003677", "name": "Khai báo tạm vắng", "valid_from": "2025-07-01",
           "time": {"unit": "no_limit"}, "sources": {"time": ["Luật Cư trú 68/2020/QH14 Đ31"]},
           "verify": {"time": "S"},
           "documents": [{"name": "Tờ khai", "originals": 1, "copies": 0, "copy_form": "certified",
                          "form": "CT01", "condition": "", "required": True}]}
    (version,) = validate_catalog({"procedures": [raw]}, source="p.yaml")
    assert version.no_time_limit and "time" not in version.unverified_fields
    assert ProcedureVersionData.from_json(version.to_json()) == version
    assert version.documents[0].describe() == "Tờ khai (bản chính: 1; bản sao có chứng thực)"


@pytest.mark.parametrize(("change", "message"), [
    ({"time": {"unit": "no_limit", "value": 3}}, "time.value: unit no_limit .* takes no value"),
    ({"documents": [{"name": "A", "originals": 21}]}, r"documents\[1\].originals: must be a whole number from 0 to 20"),
    ({"documents": [{"name": "A", "copies": -1}]}, r"documents\[1\].copies: must be"),
    ({"documents": [{"name": "A", "copy_form": "scan"}]}, r"documents\[1\].copy_form: must be one of"),
    ({"sources": {"time": "x", "colour": ["y"]}}, "sources: unknown field 'colour'"),
    ({"sources": ["x"]}, "sources: must be a mapping"),
    ({"verify": {"legal": "X"}}, "verify.legal: must be V, S or U"),
])
def test_bad_new_entry_keys_name_the_field(change: dict, message: str) -> None:
    raw = {"code": "1.000001", "name": "Thủ tục", "valid_from": "2025-07-01", **change}
    with pytest.raises(InputError, match=message) as caught:
        validate_catalog({"procedures": [raw]}, source="p.yaml")
    assert "p.yaml: entry 1 (code '1.000001')" in str(caught.value)
