"""Catalogue entries from the national portal's published procedure pages (dichvucong.gov.vn).

The national procedure database publishes each procedure as a page of the national public-service
portal; public crawls keep each page as one JSON object whose values are the page's text, the
tables flattened (the layout of `chatbot-tthc/chatbot_tthc`, `scripts/crawler/data/raw/…`):

- `ma_thu_tuc`, `ten_thu_tuc`, `linh_vuc`, `co_quan_thuc_hien`, `so_quyet_dinh`, `detail_url`;
- `cach_thuc_thuc_hien`: "Hình thức nộpThời gianPhí, lệ phíMô tả" then, per channel, "Trực tuyến" /
  "Trực tiếp" / "Dịch vụ bưu chính", the time ("7 Ngày làm việc", a bare "1", or "Không có thông
  tin"), the fee ("Miễn phí", "20,000 Việt Nam Đồng", "8,000 VNĐ", "10 USD" at embassies) and a
  description;
- `thanh_phan_ho_so`: groups headed "Tên giấy tờMẫu đơn, tờ khaiSố lượng"; each item ends with
  "N bản chính" and/or "N bản sao"; the text before a header names the group (a case of the
  procedure, or "Giấy tờ phải xuất trình");
- `can_cu_phap_ly`: the legal texts, their numbers glued to their titles.

`entries_from_pages` turns such objects into catalogue entries (docs/catalog-format.md) tagged S,
with the page's address as the source of every fact; what the page leaves unclear stays unknown
or is tagged U with a note, never guessed: a time without a unit is read as working days (U); an
amount shown as "Miễn phí" whose description says the provincial council sets the fee is an
unknown fee with the exemptions it lists. The result goes through the ordinary catalogue
validation and import (`motcua catalog import-portal`), so nothing is imported unless every page
converts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.catalog.loader import read_catalog_text, validate_catalog
from app.catalog.model import ProcedureVersionData
from app.errors import InputError
from app.limits import DEFAULT_LIMITS
from app.text import collapse_spaces, excerpt, nfc

REQUIRED_KEYS = ("ma_thu_tuc", "ten_thu_tuc")
_CHANNELS = {"Trực tuyến": "truc_tuyen", "Trực tiếp": "truc_tiep", "Dịch vụ bưu chính": "buu_chinh"}
_METHOD_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
_NO_INFO = "Không có thông tin"
_ROW = re.compile(r"(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\d|Không có thông tin)")
_TIME = re.compile(r"(\d{1,4})\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ)?")
_FEE = re.compile(r"Miễn phí|([\d.,]+) (?:Việt Nam Đồng|VNĐ)|[\d.,]+ USD")
_UNITS = {"Ngày làm việc": "working_day", "Ngày": "day", "Giờ": "hour", "Giờ làm việc": "hour"}
_DOC_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
_COUNT = re.compile(r"(\d{1,2}) bản chính(?:,\s*(\d{1,2}) bản sao)?|(\d{1,2}) bản sao")
_TEMPLATE_FILE = re.compile(r"\s*\S*\.(?:docx?|pdf|xlsx?)\s*$", re.IGNORECASE)
_EXEMPT = re.compile(r"Miễn lệ phí (?:đối với|cho) (?:các )?(?:trường hợp )?([^.)]*)")
_LEGAL = re.compile(r"(\d{1,6})/(\d{4})/(QH1\d|NĐ-CP|TT-(?:BCA|BTP|BTC|BLĐTBXH|BYT|BNV|VPCP|BTNMT|BXD|BNG)|QĐ-TTg|NQ-CP)")
_OPTIONAL = re.compile(r"^(trường hợp|nếu)\b| (trong|đối với) trường hợp ")
_MAX_NAME = DEFAULT_LIMITS.max_name_chars
_MAX_NOTE = 300


def load_portal_pages(path: Path) -> list[Mapping[str, Any]]:
    """The page objects of a file: one JSON object, a JSON list, or JSON Lines."""
    path = Path(path)
    text = read_catalog_text(path, what="a file of portal pages")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [_json_line(line, path=path, number=i + 1) for i, line in enumerate(text.splitlines())
                if line.strip()]
    pages = data if isinstance(data, list) else [data]
    for i, page in enumerate(pages):
        if not isinstance(page, Mapping):
            raise InputError(f"{path}: page {i + 1} must be a JSON object, got {type(page).__name__}")
    return pages


def _json_line(line: str, *, path: Path, number: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}, line {number}: not JSON ({exc.msg})") from None


def versions_from_pages(pages: Sequence[Mapping[str, Any]], *, source: str,
                        valid_from: date) -> list[ProcedureVersionData]:
    """Validated procedure versions for `pages` (all or nothing; InputError names page and field)."""
    entries = entries_from_pages(pages, source=source, valid_from=valid_from)
    return validate_catalog({"procedures": entries}, source=source)


def entries_from_pages(pages: Sequence[Mapping[str, Any]], *, source: str,
                       valid_from: date) -> list[dict[str, Any]]:
    return [entry_from_page(page, where=f"{source}: page {i + 1}", valid_from=valid_from)
            for i, page in enumerate(pages)]


def entry_from_page(page: Mapping[str, Any], *, where: str, valid_from: date) -> dict[str, Any]:
    """One catalogue entry (docs/catalog-format.md) for one portal page."""
    for key in REQUIRED_KEYS:
        if not isinstance(page.get(key), str) or not page[key].strip():
            raise InputError(f"{where}, {key}: missing; not a procedure page of the national portal")
    code = page["ma_thu_tuc"].strip()
    where = f"{where} (code {excerpt(code)})"
    cited = _text(page.get("detail_url")) or f"dichvucong.gov.vn (mã {code})"
    cited = re.sub(r"^https?://", "", cited)
    name, full_name = _name(_text(page["ten_thu_tuc"]))
    notes = [f"Quyết định công bố: {_text(page.get('so_quyet_dinh'))}"] if _text(page.get("so_quyet_dinh")) else []
    if full_name != name:
        notes.append(f"Tên đầy đủ: {full_name[:_MAX_NOTE]}")
    entry: dict[str, Any] = {"code": code, "name": name, "valid_from": valid_from.isoformat()}
    for key, target in (("linh_vuc", "field"), ("co_quan_thuc_hien", "authority")):
        value = _text(page.get(key))
        if value and value != _NO_INFO:
            entry[target] = value
    verify = {"code": "S", "name": "S"}
    rows = [row for row in _method_rows(_text(page.get("cach_thuc_thuc_hien")), where=where)
            if row["fee"] != "foreign"]
    if rows:
        entry["channels"] = list(dict.fromkeys(row["channel"] for row in rows))
    _time(rows, entry, verify, notes)
    _fee(rows, entry, verify)
    documents = _documents(_text(page.get("thanh_phan_ho_so")))
    if documents:
        entry["documents"] = documents
        verify["documents"] = "S"
    legal = _legal(_text(page.get("can_cu_phap_ly")))
    if legal:
        entry["legal"] = legal
        verify["legal"] = "S"
    entry["verify"] = verify
    entry["source"] = cited
    if notes:
        entry["notes"] = notes
    return entry


def _text(value: Any) -> str:
    return collapse_spaces(nfc(value)) if isinstance(value, str) else ""


def _name(text: str) -> tuple[str, str]:
    full = re.sub(r"^Thủ tục ", "", text).strip()
    full = full[:1].upper() + full[1:]
    if len(full) <= _MAX_NAME:
        return full, full
    # Cut at a clause boundary where there is one; the full wording goes to the notes.
    for separator in ("; ", " ("):
        head = full.split(separator, 1)[0]
        if 40 <= len(head) <= _MAX_NAME:
            return head, full
    return full[:_MAX_NAME - 1].rsplit(" ", 1)[0] + "…", full


def _method_rows(text: str, *, where: str) -> list[dict[str, Any]]:
    text = text.replace(_METHOD_HEADER, "")
    parts = _ROW.split(text)
    rows = []
    for i in range(1, len(parts), 2):
        rest = parts[i + 1]
        time: tuple[int, str | None] | None = None
        if rest.startswith(_NO_INFO):
            rest = rest[len(_NO_INFO):]
        else:
            match = _TIME.match(rest)
            if match:
                time = (int(match.group(1)), match.group(2))
                rest = rest[match.end():]
        fee: int | str | None = None
        fee_match = _FEE.match(rest)
        if rest.startswith(_NO_INFO):
            rest = rest[len(_NO_INFO):]
        elif fee_match:
            if fee_match.group(0) == "Miễn phí":
                fee = 0
            elif "USD" in fee_match.group(0):
                fee = "foreign"  # charged at embassies abroad, not at a commune desk
            else:
                fee = int(re.sub(r"[.,]", "", fee_match.group(1)))
            rest = rest[fee_match.end():]
        rows.append({"channel": _CHANNELS[parts[i]], "time": time, "fee": fee,
                     "description": rest.strip(" ()")})
    return rows


def _time(rows: list[dict[str, Any]], entry: dict[str, Any], verify: dict[str, str], notes: list[str]) -> None:
    main = next((row for row in rows if row["channel"] == "truc_tiep" and row["time"]),
                next((row for row in rows if row["time"]), None))
    if main is None:
        entry["time"] = None  # the page gives none: unknown, flagged at the desk
        notes.append("Cổng DVCQG không ghi thời hạn giải quyết")
        return
    value, unit = main["time"]
    entry["time"] = {"unit": _UNITS.get(unit or "", "working_day"), "value": value}
    verify["time"] = "S" if unit else "U"
    remarks = [] if unit else [f"Cổng DVCQG ghi '{value}' không kèm đơn vị; hiểu là ngày làm việc"]
    others = sorted({f"{row['time'][0]} {row['time'][1] or ''}".strip() for row in rows
                     if row["time"] and row["time"] != main["time"]})
    if others:
        remarks.append("kênh khác: " + ", ".join(others))
    if remarks:
        entry["time_note"] = "; ".join(remarks)


def _fee(rows: list[dict[str, Any]], entry: dict[str, Any], verify: dict[str, str]) -> None:
    described = " ".join(row["description"] for row in rows)
    exempt = _EXEMPT.search(described)
    if exempt:
        items = [item.strip(" ,;") for part in exempt.group(1).split(";") for item in part.split(", ")]
        entry["fee_exempt"] = [item for item in items if item]
    if rows and rows[0]["description"]:
        entry["fee_note"] = rows[0]["description"][:_MAX_NOTE]
    amounts = {row["channel"]: row["fee"] for row in rows if isinstance(row["fee"], int)}
    if "Hội đồng nhân dân" in described and set(amounts.values()) <= {0}:
        entry["fee_vnd"] = None  # "Miễn phí" in the column, but the council sets the fee
        verify["fee"] = "S"
    elif "từ trang thứ 3" in described and "/trang" in described:
        entry["fee_rule"] = _per_page(described)
        verify["fee"] = "S"
    elif amounts and len(set(amounts.values())) == 1 and len(amounts) == len(rows):
        entry["fee_vnd"] = next(iter(amounts.values()))
        verify["fee"] = "S"
    elif amounts:
        entry["fee_by_channel"] = amounts
        verify["fee"] = "S"


def _per_page(described: str) -> dict[str, Any]:
    """The copy-certification rule as the page words it: "2.000 đồng/trang; từ trang thứ 3 trở lên
    thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản"."""
    money = [int(re.sub(r"\.", "", m)) for m in re.findall(r"(\d{1,3}(?:\.\d{3})+) đồng", described)]
    first, rest = (money + [0, 0])[:2]
    cap = money[2] if len(money) > 2 else None
    return {"kind": "per_page", "first_pages": 2, "first_page_vnd": first, "next_page_vnd": rest,
            "max_per_copy": cap}


def _documents(text: str) -> list[dict[str, Any]]:
    groups = text.split(_DOC_HEADER)
    parsed: list[tuple[str, list[tuple[str, int, int]]]] = []
    title = groups[0]
    for body in groups[1:]:
        items, position = [], 0
        for match in _COUNT.finditer(body):
            name = _clean_item(body[position:match.start()])
            position = match.end()
            originals = int(match.group(1) or 0)
            copies = int(match.group(2) or match.group(3) or 0)
            if name and (originals or copies):  # a row with no copies is a note, not a document
                items.append((name, originals, copies))
        parsed.append((title.strip(" -:*"), items))
        title = body[position:]
    cases = [t for t, items in parsed if items and t and not t.lower().startswith(("giấy tờ", "người yêu cầu"))
             and "xuất trình" not in t.lower() and "phải nộp" not in t.lower()]
    documents: list[dict[str, Any]] = []
    seen: set[str] = set()
    for group_title, items in parsed:
        present = "xuất trình" in group_title.lower()
        for name, originals, copies in items:
            short = _short(name)
            if short in seen:
                continue
            seen.add(short)
            item: dict[str, Any] = {"name": short}
            if present:
                item["kind"] = "present"
            if originals:
                item["originals"] = originals
            if copies:
                item["copies"] = copies
            if len(cases) > 1 and group_title in cases and not short.startswith("Tờ khai"):
                item["condition"] = _short(group_title)
            elif _OPTIONAL.search(short.lower()[:_MAX_NAME]):
                item["required"] = False
            documents.append(item)
    return documents


def _clean_item(text: str) -> str:
    text = _TEMPLATE_FILE.sub("", text).strip()
    return re.sub(r"^[-+•*]\s*", "", text).strip().rstrip(";").strip()


def _short(text: str) -> str:
    """At most what the desk and the wire hold, cut at a sentence or a word."""
    text = collapse_spaces(text)
    if len(text) <= _MAX_NAME:
        return text
    cut = text.rfind(". ", 0, _MAX_NAME - 2)
    head = text[:cut + 1] if cut > 80 else text[:_MAX_NAME - 2].rsplit(" ", 1)[0]
    return head + " …"


def _legal(text: str) -> list[str]:
    out: list[str] = []
    for number, year, kind in _LEGAL.findall(text):
        # Titles end in years ("Luật Cư trú 2020") glued to the number: a law's number has at most 3 digits.
        number = str(int(number[-3:] if kind.startswith("QH") else number))
        prefix = {"NĐ-CP": "NĐ", "QĐ-TTg": "QĐ", "NQ-CP": "NQ"}.get(kind, "Luật" if kind.startswith("QH") else "TT")
        cited = f"{prefix} {number}/{year}/{kind}"
        if cited not in out:
            out.append(cited)
    return out
