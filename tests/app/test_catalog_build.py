"""scripts/build_catalog.py: draft entries become valid catalogue entries with their inferences listed."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from app.catalog.loader import validate_catalog
from app.deadlines import TimeRule
from app.errors import InputError
from app.paths import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "build_catalog.py"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_catalog", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PORTAL = "dichvucong.gov.vn/thu-tuc-hanh-chinh/019d (crawl owner/repo@abcdef1:raw/1.json)"
LAW = "diepxuan/diepxuan.github.io@fbaa690e:ho-tich.md — Luật Hộ tịch 60/2014/QH13 Đ34"
DRAFT = {
    "catalog_version": "draft-test",
    "sources": {"portal": PORTAL, "law": LAW},
    "procedures": [
        {"code": "1.000656", "name": "Đăng ký khai tử", "field": "Hộ tịch",
         "time": {"value": 0, "unit": "same_day", "cutoff_15h": True, "note": "ghi chú",
                  "extension": {"value": 3, "unit": "working_day", "when": "cần xác minh", "verify": "U"}},
         "fee_vnd": 0,
         "documents": ["Tờ khai", "Xuất trình giấy tờ tùy thân", "Văn bản ủy quyền nếu nộp thay"],
         "verify": {"code": "V", "time": "V", "fee": "V", "documents": "S"},
         "sources": {"code": ["portal", "law"], "name": ["portal", "law"], "time": ["portal", "law"],
                     "fee": ["portal", "law"], "documents": ["portal"], "extension": ["portal"]}},
        {"code": None, "name": "Chứng thực hợp đồng, giao dịch (động sản)", "field": "Chứng thực",
         "time": {"value": 2, "unit": "working_day"}, "fee_vnd": 50000, "verify": {"code": "U", "time": "S"},
         "source": "NĐ 23/2015/NĐ-CP Đ37"},
        {"code": None, "name": "Thủ tục chưa có mã", "field": "Bảo trợ xã hội", "source": "NĐ 20/2021/NĐ-CP"},
        {"code": "1.004194", "name": "Đăng ký tạm trú",
         "time": {"value": 3, "unit": "working_day", "verify": "U"},
         "fee_by_channel": {"truc_tiep": 15000, "truc_tuyen": 7000,
                            "theo_danh_sach_truc_tiep_moi_nguoi": 10000},
         "verify": {"code": "S", "time": "S", "fee": "S"}, "note": "một ghi chú", "source": PORTAL},
        {"code": "1.003197", "name": "Xóa đăng ký thường trú", "time": {"value": None, "verify": "U"},
         "source": PORTAL},
    ],
}


def test_draft_entries_become_valid_flagged_versions(builder: ModuleType) -> None:
    document = builder.build(DRAFT)
    versions = {v.name: v for v in validate_catalog(document, source="built")}
    death = versions["Đăng ký khai tử"]
    assert death.valid_from_assumed and death.valid_from.isoformat() == "2025-07-01"
    assert death.time_rule == TimeRule("same_day", 0, True) and death.time_note == "ghi chú"
    assert death.extension is not None and death.extension.rule == TimeRule("working_day", 3)
    assert death.verify["extension"] == "U" and "extension" in death.unverified_fields
    assert death.verify["name"] == "V" and "verify.name" in death.inferred
    assert [(d.required, d.kind) for d in death.documents] == [(True, "submit"), (True, "present"),
                                                               (False, "submit")]
    assert "documents.required" in death.inferred
    assert death.sources["time"] == (PORTAL, LAW)  # table keys resolved to the sources they name

    contract = versions["Chứng thực hợp đồng, giao dịch (động sản)"]
    assert contract.code == "LOCAL.CT-HD-01" and "code" in contract.inferred
    assert "name" in contract.unverified_fields  # a made-up code lends no tag to the name
    assert contract.sources_for("time") == ("NĐ 23/2015/NĐ-CP Đ37",)  # the entry's source stands in
    assert versions["Thủ tục chưa có mã"].code == "LOCAL.BTXH-03"

    temporary = versions["Đăng ký tạm trú"]
    assert temporary.verify["time"] == "U"  # the weaker of the two tags wins
    assert dict(temporary.fee.by_channel) == {"truc_tiep": 15000, "truc_tuyen": 7000}
    assert temporary.fee.note == "Đăng ký theo danh sách, nộp trực tiếp: 10.000 đ/người"
    assert temporary.notes == ("một ghi chú",)
    assert versions["Xóa đăng ký thường trú"].time_rule is None


def test_structured_documents_no_limit_dates_and_new_fee_keys(builder: ModuleType) -> None:
    draft = {"procedures": [{
        "code": "1.003677", "name": "Khai báo tạm vắng", "valid_from": "2026-01-01",
        "time": {"unit": "no_limit"}, "fee_vnd": None, "fee_exempt": ["hộ nghèo"],
        "documents": [{"name": "Tờ khai", "originals": 1, "form": "CT01"},
                      {"name": "Văn bản ủy quyền", "originals": 1, "condition": "nếu nộp thay"},
                      {"name": "Giấy tờ tùy thân", "kind": "present"}],
        "verify": {"code": "S", "time": "S", "documents": "S"},
        "sources": {"code": [PORTAL], "name": [PORTAL], "time": ["Luật Cư trú 68/2020/QH14 Đ31"], "valid_from": [PORTAL],
                    "documents": [PORTAL]}}]}
    (absence,) = validate_catalog(builder.build(draft), source="built")
    assert absence.no_time_limit and absence.time_rule is None and "time" not in absence.unverified_fields
    assert absence.valid_from.isoformat() == "2026-01-01" and not absence.valid_from_assumed
    assert [(d.originals, d.required, d.condition, d.kind) for d in absence.documents] == [
        (1, True, "", "submit"), (1, False, "nếu nộp thay", "submit"), (None, True, "", "present")]
    assert absence.fee.exempt == ("hộ nghèo",) and absence.fee.kind == "unknown"
    assert "documents.required" not in absence.inferred  # structured items are taken as written


@pytest.mark.parametrize(("change", "message"), [
    ({"verify": {"time": "V"}, "sources": {"time": [PORTAL]}}, "verify.time: V needs two sources"),
    # Two crawls of the same portal are one origin, not two independent sources.
    ({"verify": {"time": "V"}, "sources": {"time": [PORTAL, PORTAL.replace("019d", "019e")]}},
     "verify.time: V needs two sources"),
    ({"verify": {"time": "V"}, "sources": {"time": [LAW, LAW.replace("Đ34", "Đ33")]}},
     "verify.time: V needs two sources"),
    ({}, "sources.time: no source for this fact"),
    ({"sources": {"tiem": [PORTAL]}}, "sources.'tiem'"),
    ({"sources": {"time": "law", "code": [3]}}, "sources.code: must be a list"),
    ({"colour": "red"}, "'colour': unknown field"),
    ({"valid_from": "2026-01-01", "sources": {"time": [PORTAL]}}, "sources.valid_from: no source for this fact"),
    ({"sources": {"time": ["lwa"]}}, "sources.time: 'lwa' is neither a key"),
    ({"code": 1.0001}, "code: must be text in quotes"),
])
def test_unsourced_or_overtagged_facts_stop_the_build(builder: ModuleType, change: dict,
                                                       message: str) -> None:
    entry = {"code": "1.000001", "name": "X", "time": {"unit": "working_day", "value": 3}, **change}
    entry["sources"] = {"code": [PORTAL], "name": [PORTAL], **change.get("sources", {})}
    with pytest.raises(InputError, match=message.replace("(", r"\(")) as caught:
        builder.build({"sources": {"law": LAW}, "procedures": [entry]})
    assert "entry 1 (code" in caught.value.message or "code:" in message


def test_v_with_two_origins_passes(builder: ModuleType) -> None:
    entry = {"code": "1.000001", "name": "X", "time": {"unit": "working_day", "value": 3},
             "verify": {"time": "V"}, "sources": {"time": [PORTAL, LAW], "code": [PORTAL], "name": [PORTAL]}}
    (version,) = validate_catalog(builder.build({"procedures": [entry]}), source="built")
    assert version.verify["time"] == "V" and version.unverified_fields == frozenset({"fee", "documents", "code", "name"})


def test_drafts_folder_is_read_whole_and_duplicates_name_both_files(builder: ModuleType, tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    entry = {"code": "1.000001", "name": "X", "source": PORTAL, "time": {"unit": "working_day", "value": 1}}
    (folder / "a.yaml").write_text(yaml.safe_dump({"procedures": [entry]}), encoding="utf-8")
    (folder / "b.yaml").write_text(yaml.safe_dump({"procedures": [{**entry, "code": "1.000002"}]}),
                                   encoding="utf-8")
    (folder / "notes.txt").write_text("not a draft", encoding="utf-8")
    out = tmp_path / "procedures.yaml"
    assert builder.main(["--drafts", str(folder), "--out", str(out)]) == 0
    assert [v.code for v in validate_catalog(yaml.safe_load(out.read_text(encoding="utf-8")),
                                             source="out")] == ["1.000001", "1.000002"]
    assert builder.main(["--drafts", str(folder), "--out", str(out), "--check"]) == 0
    extra = tmp_path / "c.yaml"
    extra.write_text(yaml.safe_dump({"procedures": [entry]}), encoding="utf-8")
    before = out.read_bytes()
    with pytest.raises(InputError, match=r"c.yaml: entry 1 \(code '1.000001'\), code: .* already in a.yaml: entry 1"):
        builder.build(*(builder.read_draft(p) for p in builder.draft_paths(folder, [extra])))
    assert builder.main(["--drafts", str(folder), "--draft", str(extra), "--out", str(out)]) == 2
    assert out.read_bytes() == before  # a refused build writes nothing
    assert builder.main(["--drafts", str(folder), "--draft", str(extra), "--out", str(out), "--check"]) == 2


def test_unknown_fee_variant_stops_the_build(builder: ModuleType) -> None:
    draft = {"procedures": [{"code": "1.0", "name": "X", "fee_by_channel": {"fax": 1}}]}
    with pytest.raises(InputError, match="fee_by_channel.'fax'"):
        builder.build(draft)


def test_render_is_loadable_yaml_with_a_generated_header(builder: ModuleType) -> None:
    text = builder.render(builder.build(DRAFT))
    assert text.startswith("# GENERATED by scripts/build_catalog.py")
    assert len(validate_catalog(yaml.safe_load(text), source="rendered")) == len(DRAFT["procedures"])


def test_committed_catalogue_matches_the_drafts(builder: ModuleType) -> None:
    assert builder.main(["--check"]) == 0


def test_an_extensions_own_tag_in_verify_is_kept(builder: ModuleType) -> None:
    # The time is V; the extension, from one source only, is tagged S in `verify`. Inferring the
    # extension's tag from the time's would make it V with one source.
    entry = {"code": "1.000001", "name": "X", "verify": {"time": "V", "extension": "S"},
             "time": {"unit": "working_day", "value": 3, "extension": {"unit": "working_day", "value": 5, "when": "x"}},
             "sources": {"code": [PORTAL], "name": [PORTAL], "time": [PORTAL, LAW], "extension": [LAW]}}
    (version,) = validate_catalog(builder.build({"procedures": [entry]}), source="built")
    assert version.verify["extension"] == "S" and "verify.extension" not in version.inferred
