"""The built-in catalogue as a whole: usable at the desk and honest about where each fact comes from.

Every procedure has a checklist and a time rule (or an explicit "no time limit" with its source);
every fact it states has a source; a V tag rests on two sources of different origin; the
commune's common procedures are found by search with their checklists.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.catalog.loader import load_catalog_file
from app.catalog.model import ProcedureVersionData
from app.catalog.provenance import origin, provenance_problems
from app.catalog.search import CatalogIndex
from app.limits import DEFAULT_LIMITS
from app.paths import resource

BUILTIN = load_catalog_file(resource("catalog", "procedures.yaml"))
IDS = [f"{v.code}@{v.valid_from}" for v in BUILTIN]


@pytest.mark.parametrize("version", BUILTIN, ids=IDS)
def test_every_procedure_has_a_checklist_and_a_time_rule(version: ProcedureVersionData) -> None:
    assert version.documents, "no document checklist"
    # Something is always required, unless every item belongs to one of the procedure's cases.
    assert any(doc.required for doc in version.documents) or all(doc.condition for doc in version.documents)
    assert version.time_rule is not None or version.no_time_limit, "no time rule"
    if version.no_time_limit:
        assert version.sources_for("time"), "'no time limit' without its source"


@pytest.mark.parametrize("version", BUILTIN, ids=IDS)
def test_every_fact_has_a_source_and_v_has_two_origins(version: ProcedureVersionData) -> None:
    assert provenance_problems(version) == []


@pytest.mark.parametrize("version", BUILTIN, ids=IDS)
def test_checklist_items_fit_the_desk(version: ProcedureVersionData) -> None:
    for doc in version.documents:
        assert len(doc.name) <= DEFAULT_LIMITS.max_name_chars, doc.name[:60]
    assert len(version.name) <= DEFAULT_LIMITS.max_name_chars


def test_size_codes_and_fields() -> None:
    versions = [(v.code, v.valid_from) for v in BUILTIN]
    assert len(set(versions)) == len(versions) and len({v.code for v in BUILTIN}) >= 80
    # A procedure whose national code was not found keeps a LOCAL code, always flagged at the desk.
    assert all("code" in v.unverified_fields for v in BUILTIN if v.code_is_local)
    assert sum(v.code_is_local for v in BUILTIN) < len(BUILTIN) / 10
    fields = {v.field for v in BUILTIN}
    assert {"Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú", "Bảo trợ xã hội", "Trẻ em", "Người có công",
            "Khiếu nại, tố cáo"} <= fields


def test_origins_of_the_source_forms_the_catalogue_uses() -> None:
    assert origin("dichvucong.gov.vn/thu-tuc-hanh-chinh/019d (crawl a/b@5322948:x.json)") == "dichvucong.gov.vn"
    assert origin("https://www.thuvienphapluat.vn/x") == "thuvienphapluat.vn"
    assert origin("diepxuan/diepxuan.github.io@fbaa690e:ho-tich.md — Luật 60/2014/QH13") == \
        "diepxuan/diepxuan.github.io"
    assert origin("Luật Hộ tịch 60/2014/QH13 Đ16") == origin("Luật Hộ tịch 60/2014/QH13 Đ11")
    assert origin("NĐ 23/2015/NĐ-CP Đ7") != origin("TT 226/2016/TT-BTC")


@pytest.mark.parametrize(("query", "code"), [
    ("dang ky khai sinh", "1.001193"), ("ket hon", "1.000894"), ("khai tu", "1.000656"),
    ("xac nhan tinh trang hon nhan", "1.004873"), ("giam ho", "1.004837"),
    ("nhan cha me con", "1.001022"), ("cai chinh ho tich", "1.004859"),
    ("trich luc", "2.000635"), ("chung thuc ban sao", "2.000815"), ("chung thuc chu ky", "2.000884"),
    ("chung thuc hop dong", "2.001035"), ("thuong tru", "1.004222"), ("tam tru", "1.004194"),
    ("tam vang", "1.003677"), ("tach ho", "1.010038"), ("mai tang", "1.001731"),
    ("khuyet tat", "1.001699"), ("tro cap xa hoi", "1.001776"), ("ho ngheo", "1.011607"),
    ("cach ly tre em", "1.004946"),
])
def test_search_finds_the_common_procedures_with_full_checklists(query: str, code: str) -> None:
    hits = CatalogIndex(BUILTIN).search(query, limit=5, at=date(2026, 1, 15))
    assert code in [hit.version.code for hit in hits], query
    found = next(hit.version for hit in hits if hit.version.code == code)
    assert found.documents and (found.time_rule is not None or found.no_time_limit)


def test_items_asked_for_as_originals_are_ticked_as_originals() -> None:
    from app.reception.service import checklist_for

    guardianship = next(v for v in BUILTIN if v.code == "1.004837")
    forms = {item.name: form.form for item, form in zip(guardianship.documents, checklist_for(guardianship))}
    for item in guardianship.documents:
        if item.kind == "present" or (item.originals and not item.copies):
            assert forms[item.name] == "original", item.name[:60]
        else:
            assert forms[item.name] == "copy", item.name[:60]
    assert "original" in forms.values()
