"""Searching dossiers by their scanned text: accent-insensitive, prefix as one types, replaceable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.capture import text_index
from app.capture.text_index import index_page_text
from app.capture.text_index import rebuild_text_index
from app.capture.text_index import search_dossiers_by_text
from app.errors import InputError
from app.errors import NotFoundError
from app.reception.service import confirm_reception
from app.store.service import Store
from tests.app.reception_support import MONDAY_9
from tests.app.reception_support import birth_request
from tests.app.reception_support import store  # noqa: F401 - fixture

TEXT_A = ("Tờ khai đăng ký khai sinh\n"
          "Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Hồng Nhung")
TEXT_B = ("Giấy chứng nhận kết hôn\n"
          "Họ và tên chồng: Trần Văn Đức; nơi cư trú: xã Tân Lập")


def _sha(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


@pytest.fixture
def dossiers(store: Store, tmp_path: Path) -> tuple[str, str]:  # noqa: F811
    ids = []
    for n in range(2):
        request = birth_request(store, tmp_path / f"pages{n}", draft_id=f"draft-{n}")
        ids.append(confirm_reception(store, request, now=MONDAY_9).dossier_id)
    return ids[0], ids[1]


def test_search_ignores_accents_and_case(store: Store, dossiers: tuple[str, str]) -> None:  # noqa: F811
    first, second = dossiers
    index_page_text(store, first, _sha("a"), TEXT_A)
    index_page_text(store, second, _sha("b"), TEXT_B)
    assert search_dossiers_by_text(store, "nguyen thi hong nhung") == [first]
    assert search_dossiers_by_text(store, "TRẦN VĂN ĐỨC") == [second]
    assert search_dossiers_by_text(store, "Tran van du") == [second]  # the last word as typed so far
    assert sorted(search_dossiers_by_text(store, "ho")) == sorted([first, second])
    assert search_dossiers_by_text(store, "nhung duc") == []  # both words on one page
    assert search_dossiers_by_text(store, " ,.; ") == []


def test_reindexing_a_page_replaces_its_text(store: Store, dossiers: tuple[str, str]) -> None:  # noqa: F811
    first, _ = dossiers
    index_page_text(store, first, _sha("a"), TEXT_A)
    index_page_text(store, first, _sha("a"), TEXT_B)
    assert search_dossiers_by_text(store, "nhung") == []
    assert search_dossiers_by_text(store, "duc") == [first]


def test_like_fallback_gives_the_same_answers(store: Store, dossiers: tuple[str, str],  # noqa: F811
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = dossiers
    index_page_text(store, first, _sha("a"), TEXT_A)
    index_page_text(store, second, _sha("b"), TEXT_B)
    monkeypatch.setitem(text_index._fts_state, "available", False)  # an SQLite without FTS5
    assert search_dossiers_by_text(store, "nguyễn thị hồng") == [first]
    assert search_dossiers_by_text(store, "tan lap") == [second]


def test_index_is_rebuilt_from_the_page_table(store: Store, dossiers: tuple[str, str]) -> None:  # noqa: F811
    first, second = dossiers
    index_page_text(store, first, _sha("a"), TEXT_A)
    index_page_text(store, second, _sha("b"), TEXT_B)
    assert rebuild_text_index(store) == 2
    assert search_dossiers_by_text(store, "hong nhung") == [first]


def test_bad_input_is_named(store: Store, dossiers: tuple[str, str]) -> None:  # noqa: F811
    first, _ = dossiers
    with pytest.raises(NotFoundError, match="dossier 'nope'"):
        index_page_text(store, "nope", _sha("a"), TEXT_A)
    with pytest.raises(InputError, match="page_sha256"):
        index_page_text(store, first, "ABC", TEXT_A)
    with pytest.raises(NotFoundError, match="document 'x'"):
        index_page_text(store, first, _sha("a"), TEXT_A, document_id="x")
    with pytest.raises(InputError, match="limit"):
        search_dossiers_by_text(store, "nhung", limit=0)
