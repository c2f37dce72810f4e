"""Vietnamese sort keys (app/collation.py): alphabet order, tones as tie-breakers, given name first."""

from __future__ import annotations

from app.collation import name_sort_key, sort_key


def ordered(texts: list[str]) -> list[str]:
    return sorted(texts, key=lambda t: sort_key(t) or "")


def test_the_vietnamese_alphabet_order_not_unicode_order() -> None:
    # Unicode (and SQLite's byte order) would put Đ after Z and Ă/Â after every plain letter.
    assert ordered(["Zô", "Đức", "Dung", "Em", "Ân", "Ăn", "An", "Bình", "Ưng", "Uy", "Vân", "Ơn", "Ôn", "On"]) == [
        "An", "Ăn", "Ân", "Bình", "Dung", "Đức", "Em", "On", "Ôn", "Ơn", "Uy", "Ưng", "Vân", "Zô"]


def test_tones_only_break_ties_in_dictionary_order() -> None:
    assert ordered(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    # The letters decide first: "Ánh" (a-n-h) comes after "Anh" and "Ạn"... and before "Ba".
    assert ordered(["Ba", "Ánh", "Ạn", "Anh"]) == ["Ạn", "Anh", "Ánh", "Ba"]


def test_case_spacing_and_composition_do_not_matter() -> None:
    decomposed = "Nguye\u0302\u0303n  Va\u0306n An"  # NFD, two spaces
    assert sort_key(decomposed) == sort_key("nguyễn văn an") == sort_key("NGUYỄN VĂN AN")
    assert ordered(["Anh", "An Bình", "An"]) == ["An", "An Bình", "Anh"]


def test_names_sort_by_given_name_then_from_the_family_name() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn An", "Đỗ Minh Anh", "Nguyễn Văn An", "Dương Văn Đạt",
             "Dương Văn Dũng"]
    assert sorted(names, key=lambda n: name_sort_key(n) or "") == [
        "Lê Văn An", "Nguyễn Văn An", "Trần Thị An", "Đỗ Minh Anh", "Nguyễn Văn Bình", "Dương Văn Dũng",
        "Dương Văn Đạt"]


def test_empty_and_missing_values() -> None:
    assert sort_key(None) is None and name_sort_key(None) is None
    assert (name_sort_key("") or "") < (name_sort_key("An") or "")  # a purged (blank) name sorts first
