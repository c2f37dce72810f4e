"""Catalogue search: folding, ranking tiers, effective dates, lookup by code; folding properties."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.loader import load_catalog_file
from app.catalog.model import ProcedureVersionData
from app.catalog.search import CatalogIndex
from app.paths import resource
from app.text import fold, strip_accents

DAY = date(2026, 1, 15)


def version(code: str, name: str, *, valid_from: date = date(2025, 7, 1),
            valid_until: date | None = None) -> ProcedureVersionData:
    return ProcedureVersionData(code=code, name=name, valid_from=valid_from, valid_until=valid_until)


@pytest.fixture(scope="module")
def builtin() -> CatalogIndex:
    return CatalogIndex(load_catalog_file(resource("catalog", "procedures.yaml")))


def codes(index: CatalogIndex, text: str, **kwargs: object) -> list[str]:
    return [hit.version.code for hit in index.search(text, at=DAY, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize("query", ["dang ky ket hon", "Đăng ký kết hôn", "ĐĂNG KÝ KẾT HÔN",
                                   "  dang   KY ket hon "])
def test_accent_and_case_insensitive(builtin: CatalogIndex, query: str) -> None:
    assert codes(builtin, query)[0] == "1.000894"


def test_d_with_stroke_folds_to_d(builtin: CatalogIndex) -> None:
    assert "1.004222" in codes(builtin, "dang ky thuong tru")
    assert codes(builtin, "đăng ký thường trú")[0] == "1.004222"


def test_code_exact_prefix_and_service_code(builtin: CatalogIndex) -> None:
    assert codes(builtin, "1.001193")[0] == "1.001193"
    assert codes(builtin, "1.001193.000.00.00.H56")[0] == "1.001193"
    prefix = codes(builtin, "1.0011")
    assert prefix == ["1.001193"]
    assert codes(builtin, "9.9999") == []
    found = codes(builtin, "2.000", limit=100)
    assert {"2.000635", "2.000815", "2.000884", "2.000908"} <= set(found)
    assert all(code.startswith("2.000") for code in found)
    local = CatalogIndex([version("LOCAL.CT-HD-01", "Chứng thực hợp đồng"), version("1.000001", "Khác")])
    assert codes(local, "local.ct-hd-01") == ["LOCAL.CT-HD-01"]


def test_ranking_tiers() -> None:
    index = CatalogIndex([
        version("9.000001", "Đăng ký kết hôn có yếu tố nước ngoài"),
        version("9.000002", "Đăng ký kết hôn"),
        version("9.000003", "Đăng ký lại kết hôn"),  # every word a prefix, not a phrase
        version("9.000004", "Kết hôn lưu động"),  # only some words
        version("9.000005", "Đăng ký khai sinh"),
        version("1.000894", "Cấp bản sao"),
    ])
    assert codes(index, "dang ky ket hon") == ["9.000002", "9.000001", "9.000003", "9.000004",
                                               "9.000005"]
    scores = [hit.score for hit in index.search("dang ky ket hon", at=DAY)]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[2] > scores[3]
    # a code beats any name
    assert codes(index, "1.000894")[0] == "1.000894"
    # word prefixes: "dang ky khai" finds "Đăng ký khai sinh"; "dk" is not a word prefix of anything
    assert codes(index, "dang ky khai")[0] == "9.000005"
    assert codes(index, "dang ky khai")[1:] == ["9.000002", "9.000003", "9.000001"]  # "dang ky" only
    assert codes(index, "dang ky kh")[0] == "9.000005"
    assert codes(index, "dk khai sinh") == ["9.000005"]  # through the any-word tier only


@pytest.mark.parametrize(("query", "first", "after"), [
    ("ket hon", "1.000894", "1.004746"),  # Đăng ký kết hôn before Đăng ký lại kết hôn
    ("tạm trú", "1.004194", "1.002755"),  # Đăng ký tạm trú before Gia hạn tạm trú
    ("khai sinh", "1.001193", "1.004884"),  # Đăng ký khai sinh before Đăng ký lại khai sinh
    ("thuong tru", "1.004222", "1.003197"),  # Đăng ký thường trú before Xóa đăng ký thường trú
])
def test_the_procedure_a_phrase_is_about_ranks_first(builtin: CatalogIndex, query: str, first: str,
                                                     after: str) -> None:
    found = codes(builtin, query)
    assert found[0] == first and found.index(after) > 0, found


def test_a_phrase_after_a_leading_verb_beats_one_after_a_modifier() -> None:
    index = CatalogIndex([
        version("9.000011", "Gia hạn tạm trú"),
        version("9.000012", "Đăng ký lại kết hôn"),
        version("9.000013", "Đăng ký tạm trú cho người nước ngoài"),
        version("9.000014", "Đăng ký kết hôn có yếu tố nước ngoài"),
        version("9.000015", "Cấp lại giấy chứng nhận"),
        version("9.000016", "Cấp giấy chứng nhận"),
    ])
    assert codes(index, "tam tru") == ["9.000013", "9.000011"]
    assert codes(index, "ket hon") == ["9.000014", "9.000012"]
    assert codes(index, "giay chung nhan") == ["9.000016", "9.000015"]


def test_ties_go_to_shorter_name_then_code() -> None:
    index = CatalogIndex([version("2.000002", "Chứng thực chữ ký"),
                          version("2.000001", "Chứng thực chữ ký"),
                          version("2.000000", "Chứng thực chữ ký người dịch")])
    assert codes(index, "chung thuc") == ["2.000001", "2.000002", "2.000000"]


def test_limit_and_misses(builtin: CatalogIndex) -> None:
    assert len(builtin.search("dang ky", limit=3, at=DAY)) == 3
    assert builtin.search("xyzzy", at=DAY) == []
    assert builtin.search("   ", at=DAY) == []
    local = CatalogIndex([version("LOCAL.CT-HD-01", "Chứng thực hợp đồng")])
    assert local.search("lo", at=DAY) == []  # letters alone do not prefix-match LOCAL.* codes


def test_only_versions_in_force_take_part() -> None:
    old = version("1.001193", "Đăng ký khai sinh", valid_until=date(2027, 2, 28))
    new = version("1.001193", "Đăng ký khai sinh (Luật Hộ tịch 2026)", valid_from=date(2027, 3, 1))
    ended = version("1.000001", "Đăng ký khai sinh cũ", valid_until=date(2025, 12, 31))
    future = version("1.000002", "Đăng ký khai sinh mới", valid_from=date(2030, 1, 1))
    index = CatalogIndex([old, new, ended, future])
    assert [h.version for h in index.search("khai sinh", at=date(2026, 1, 1))] == [old]
    assert [h.version for h in index.search("khai sinh", at=date(2027, 3, 1))] == [new]
    assert index.get("1.001193", at=date(2027, 2, 28)) is old
    assert index.get("1.001193", at=date(2027, 3, 1)) is new
    assert index.get("1.000001", at=date(2026, 1, 1)) is None
    assert index.get("1.001193", at=date(2025, 6, 30)) is None
    assert index.get("9.999999") is None


def test_later_version_replaces_an_open_ended_one() -> None:
    first = version("1.004222", "Đăng ký thường trú")
    second = version("1.004222", "Đăng ký thường trú", valid_from=date(2026, 7, 1))
    index = CatalogIndex([second, first])
    assert index.get("1.004222", at=date(2026, 6, 30)) is first
    assert index.get("1.004222", at=date(2026, 7, 1)) is second
    assert len(index.search("thuong tru", at=date(2026, 8, 1))) == 1
    assert len(index.versions_at(date(2026, 8, 1))) == 1


def test_get_is_case_insensitive_and_defaults_to_today(builtin: CatalogIndex) -> None:
    assert CatalogIndex([version("LOCAL.CT-HD-01", "Chứng thực")]).get("local.ct-hd-01") is not None
    assert builtin.get(" 1.001193 ") is not None  # valid from 2025-07-01, open-ended


# --- properties ----------------------------------------------------------------------------

VIETNAMESE_WORDS = ["đăng", "ký", "kết", "hôn", "khai", "sinh", "tử", "chứng", "thực", "bản", "sao",
                    "xác", "nhận", "tình", "trạng", "hộ", "tịch", "thường", "trú", "tạm", "cấp",
                    "giấy", "trích", "lục", "nghèo", "Điều", "Ủy", "ban", "nhân", "dân", "xã", "lại",
                    "thay", "đổi", "cải", "chính", "bổ", "sung", "người", "khuyết", "tật"]
names = st.lists(st.sampled_from(VIETNAMESE_WORDS), min_size=1, max_size=7).map(" ".join)
any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_fold_is_idempotent_and_leaves_no_marks_or_d_stroke(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", folded))
    assert "đ" not in folded and "Đ" not in folded


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_fold_ignores_case_and_normal_form(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@settings(max_examples=200, deadline=None)
@given(st.lists(names, min_size=1, max_size=12, unique=True), st.data())
def test_own_name_stripped_or_upper_cased_is_found_first(all_names: list[str], data: st.DataObject) -> None:
    versions = [version(f"1.{i:06d}", name) for i, name in enumerate(all_names)]
    index = CatalogIndex(versions)
    target = data.draw(st.sampled_from(versions))
    for query in (strip_accents(target.name), target.name.upper(), fold(target.name)):
        hits = index.search(query, at=DAY)
        assert hits, query
        best = hits[0].score
        tied = [hit.version for hit in hits if hit.score == best]
        assert target in tied, (query, [h.version.name for h in hits[:3]])


def test_spaces_collapse_as_the_regular_expression_did_for_every_white_space_character() -> None:
    import re
    import sys

    from app.text import collapse_spaces

    spaces = re.compile(r"\s+")
    for code in (c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF):
        text = f" a{chr(code)}{chr(code)}b {chr(code)}"
        assert collapse_spaces(text) == spaces.sub(" ", text).strip(), hex(code)
    assert collapse_spaces("\u00a0 Nguyễn\u2003\tThị\n Lan \u3000") == "Nguyễn Thị Lan"
