"""Importing procedure pages of the national portal: real crawled pages become sound catalogue
entries, and anything that is not such a page is refused naming the file, page and field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.catalog.portal import load_portal_pages, versions_from_pages
from app.deadlines import TimeRule
from app.errors import InputError

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog" / "portal"
DAY = date(2025, 7, 1)


def convert(name: str):  # type: ignore[no-untyped-def]
    path = SAMPLES / name
    (version,) = versions_from_pages(load_portal_pages(path), source=path.name, valid_from=DAY)
    return version


def test_guardianship_page() -> None:
    version = convert("1.004837.json")
    assert version.code == "1.004837" and version.name == "Đăng ký giám hộ"
    assert version.field == "Hộ tịch" and version.valid_from == DAY
    assert version.time_rule == TimeRule("working_day", 3) and version.verify["time"] == "S"
    assert version.fee.kind == "free"
    assert version.documents and all(len(doc.name) <= 200 for doc in version.documents)
    assert any(doc.kind == "present" for doc in version.documents)  # "Giấy tờ phải xuất trình"
    assert version.source.startswith("dichvucong.gov.vn/thu-tuc-hanh-chinh/")
    assert "NĐ 123/2015/NĐ-CP" in version.legal


def test_fee_set_by_the_council_is_unknown_with_its_exemptions_and_a_bare_time_is_flagged() -> None:
    version = convert("1.004873.json")
    assert version.fee.kind == "unknown"  # the column says "Miễn phí", the description the council
    assert version.fee.exempt == ("người thuộc gia đình có công với cách mạng", "người thuộc hộ nghèo",
                                  "người khuyết tật")
    assert version.time_rule == TimeRule("working_day", 3)
    assert version.verify["time"] == "U" and "không kèm đơn vị" in version.time_note


def test_copy_certification_is_charged_per_page_and_the_embassy_fee_is_ignored() -> None:
    version = convert("2.000815.json")
    assert version.fee.kind == "per_page"
    assert (version.fee.per_page_first_2, version.fee.per_page_from_3, version.fee.max_per_copy) == (2000, 1000, 200000)
    assert version.time_rule is None and "time" in version.unverified_fields  # the page gives none
    assert len(version.name) <= 200 and any("Tên đầy đủ" in note for note in version.notes)


def test_permanent_residence_fees_per_channel_and_cases_as_conditions() -> None:
    version = convert("1.004222.json")
    assert dict(version.fee.by_channel) == {"truc_tuyen": 10000, "truc_tiep": 20000}
    assert version.time_rule == TimeRule("working_day", 7)
    assert version.channels == ("truc_tuyen", "truc_tiep")
    conditions = {doc.condition for doc in version.documents if doc.condition}
    assert len(conditions) > 2  # each case of the procedure is an item's condition


def test_a_list_and_json_lines_are_read(tmp_path: Path) -> None:
    pages = [json.loads((SAMPLES / name).read_text(encoding="utf-8")) for name in ("1.004837.json", "1.004222.json")]
    listed = tmp_path / "pages.json"
    listed.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    lines = tmp_path / "pages.jsonl"
    lines.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in pages) + "\n", encoding="utf-8")
    for path in (listed, lines):
        codes = [v.code for v in versions_from_pages(load_portal_pages(path), source=path.name, valid_from=DAY)]
        assert codes == ["1.004837", "1.004222"]


@pytest.mark.parametrize(("content", "message"), [
    ('{"ten_thu_tuc": "X"}', "pages.json: page 1, ma_thu_tuc: missing"),
    ('[{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "X"}, 3]', "page 2 must be a JSON object"),
    ('{"ma_thu_tuc": "1.000001"}\n{oops', "pages.json, line 2: not JSON"),
    ('{"ma_thu_tuc": "1.0 01", "ten_thu_tuc": "X"}', "code: '1.0 01' is not a procedure code"),
    ('{"ma_thu_tuc": "1.000001", "ten_thu_tuc": 5}', "ten_thu_tuc: missing"),
])
def test_bad_pages_are_refused_whole(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "pages.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        versions_from_pages(load_portal_pages(path), source=path.name, valid_from=DAY)


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_portal_pages(tmp_path / "none.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes("{\"ma_thu_tuc\": \"Đ\"}".encode("utf-16"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_portal_pages(latin)
