"""Catalogue search speed: milliseconds per query over 2,000 procedures (target 5 ms).

The names combine real Vietnamese administrative vocabulary (actions, subjects, qualifiers), so
words repeat the way they do in a provincial catalogue ("đăng ký", "cấp", "giấy chứng nhận"),
which is what makes prefix sets large. The query mix has codes, code prefixes, accented and
unaccented names, word prefixes as typed, single common words and misses.

Run: python -m bench.catalog_search
"""

from __future__ import annotations

import random
import time
from datetime import date

from app.catalog.model import ProcedureVersionData
from app.catalog.search import CatalogIndex
from app.text import strip_accents
from bench._common import report, time_per_call

PROCEDURES = 2000
ACTIONS = ["Đăng ký", "Đăng ký lại", "Cấp", "Cấp lại", "Cấp đổi", "Cấp bản sao", "Chứng thực",
           "Xác nhận", "Gia hạn", "Điều chỉnh", "Thay đổi", "Xóa đăng ký", "Công nhận", "Hỗ trợ",
           "Thẩm định", "Phê duyệt", "Giải quyết", "Thông báo", "Trích lục", "Thu hồi"]
SUBJECTS = ["khai sinh", "kết hôn", "khai tử", "nhận cha, mẹ, con", "giám hộ", "thường trú", "tạm trú",
            "giấy chứng nhận quyền sử dụng đất", "hộ kinh doanh", "trợ cấp xã hội hằng tháng",
            "chi phí mai táng", "mức độ khuyết tật", "hộ nghèo, hộ cận nghèo", "chữ ký",
            "hợp đồng, giao dịch", "bản sao từ bản chính", "tình trạng hôn nhân", "thay đổi hộ tịch",
            "giấy phép xây dựng", "hoạt động tín ngưỡng", "lễ hội truyền thống", "câu lạc bộ thể thao",
            "trường mầm non tư thục", "nhóm trẻ độc lập", "người có công với cách mạng",
            "bảo hiểm y tế cho trẻ em", "hỗ trợ nhà ở", "chuyển mục đích sử dụng đất", "tách thửa",
            "hòa giải tranh chấp đất đai", "khen thưởng", "đăng ký nghĩa vụ quân sự", "tổ hợp tác"]
QUALIFIERS = ["", "", "", "có yếu tố nước ngoài", "lưu động", "cho người khuyết tật",
              "cho trẻ em dưới 6 tuổi",
              "tại Ủy ban nhân dân cấp xã", "trực tuyến", "theo danh sách", "thường xuyên hằng năm",
              "đột xuất", "trong trường hợp bị mất", "khi thay đổi nơi cư trú", "đối với người cao tuổi"]


def make_versions(count: int = PROCEDURES, *, seed: int = 7) -> list[ProcedureVersionData]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        name = " ".join(part for part in (rng.choice(ACTIONS), rng.choice(SUBJECTS),
                                          rng.choice(QUALIFIERS)) if part)
        names.add(name[0].upper() + name[1:])
    return [ProcedureVersionData(code=f"{1 + i % 3}.{1000 + i * 7:06d}", name=name,
                                 valid_from=date(2025, 7, 1))
            for i, name in enumerate(sorted(names))]


def make_queries(versions: list[ProcedureVersionData], *, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    sample = rng.sample(versions, 40)
    queries: list[str] = []
    for v in sample[:8]:
        queries.append(v.code)  # exact code
        queries.append(v.code[:5])  # code prefix, e.g. "1.001"
    for v in sample[8:16]:
        queries.append(v.name)  # accented, as pasted
    for v in sample[16:24]:
        queries.append(strip_accents(v.name).lower())  # unaccented, as typed on a plain keyboard
    for v in sample[24:32]:
        words = strip_accents(v.name).lower().split()
        queries.append(" ".join(w[: max(1, len(w) - 1)] for w in words[:3]))  # word prefixes
    queries += ["dang", "ky", "cap", "giay chung nhan", "d", "ho tro", "chung thuc ban sao"]
    queries += ["xyzzy", "9.999999", "dang ky may bay", "qwerty uiop"]  # misses
    return queries


def main() -> None:
    versions = make_versions()
    start = time.perf_counter()
    index = CatalogIndex(versions)
    build_ms = (time.perf_counter() - start) * 1000
    queries = make_queries(versions)
    today = date(2026, 1, 15)
    index.search("warm up", at=today)

    def run_all() -> None:
        for query in queries:
            index.search(query, at=today)

    rounds = time_per_call(run_all, repeat=7, number=5)
    samples = [seconds * 1000 / len(queries) for seconds in rounds]
    worst = max(_time_one(index, query, today) for query in queries)
    report("catalog_search", unit="ms per query", samples=samples, target=5.0,
           procedures=len(versions), queries=len(queries), index_build_ms=round(build_ms, 1),
           worst_query_ms=round(worst, 3))


def _time_one(index: CatalogIndex, query: str, today: date) -> float:
    rounds = time_per_call(lambda: index.search(query, at=today), repeat=3, number=20)
    return min(rounds) * 1000


if __name__ == "__main__":
    main()
