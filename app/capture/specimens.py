"""Generated test pages with known text: the reference set for capture tests, benchmarks and demos.

`specimen_set(seed, dpi)` renders A4 pages of Vietnamese administrative text (a birth
registration declaration, "Tờ khai đăng ký khai sinh") in Liberation Serif at 13 pt and then
spoils copies of them the way desks spoil real paper: a red seal and a blue signature, a
crooked feed, noisy recycled paper, a phone photo on a desk, and a scanned chip-ID card with
its QR code. Everything is drawn from `random.Random(seed)`, so a seed always gives the same
pages (same Pillow/FreeType build).

`Specimen.text` is the ground truth of the PRINTED text, one line per printed line, NFC. The
seal's ring text and the signature are not part of it: they are marks, not text to read.

`features` says what was done to a page:
    seal, signature  — coloured marks overlapping the text
    tilt             — content rotated by a small angle
    noise            — paper texture, speckles, uneven light, slight blur
    perspective      — the page is a quadrilateral inside a larger picture
    photo            — taken with a phone camera (processing must find and flatten the page)
    qr               — carries a chip-ID (CCCD) QR; `qr_payload` holds its text
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

import qrcode
from PIL import Image
from PIL import ImageDraw

from app.capture import specimen_art as art
from app.identity.provinces import load_provinces
from app.text import nfc

FEATURES = frozenset({"seal", "signature", "tilt", "noise", "perspective", "qr", "photo"})
A4_MM = (210.0, 297.0)
CARD_MM = (85.6, 53.98)  # ISO/IEC 7810 ID-1, the CCCD card size
ID_CARD_DPI = 300  # product: ID cards are scanned at 300 dpi at least
BODY_PT, TITLE_PT = 13, 14
TILT_DEGREES = 1.7

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trịnh", "Đinh"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Xuân"]
MIDDLE_F = ["Thị", "Ngọc", "Thanh", "Thu", "Mỹ", "Diệu", "Bảo", "Khánh"]
GIVEN_M = ["Anh", "Bình", "Cường", "Dũng", "Hiếu", "Long", "Sơn", "Tuấn", "Trường", "Khải", "Lộc",
           "Nghĩa", "Phúc", "Quang", "Thắng", "Vĩnh"]
GIVEN_F = ["Hằng", "Hương", "Lan", "Nhung", "Phương", "Quỳnh", "Thảo", "Yến", "Nguyệt", "Thủy",
           "Trâm", "Ngân", "Diệp", "Huyền", "Hạnh", "Loan"]
# (commune, province) pairs after the 07/2025 reorganisation: communes belong to provinces directly.
PLACES = [("An Bình", "Hưng Yên"), ("Tân Hòa", "Đồng Tháp"), ("Phú Lộc", "Huế"),
          ("Quảng Điền", "Thanh Hóa"), ("Hòa Vang", "Đà Nẵng"), ("Đức Thọ", "Hà Tĩnh"),
          ("Yên Thế", "Bắc Ninh"), ("Mường Lát", "Thanh Hóa"), ("Krông Nô", "Lâm Đồng"),
          ("Cần Giờ", "Hồ Chí Minh"), ("Tiên Lữ", "Hưng Yên"), ("Gia Viễn", "Ninh Bình")]
HAMLETS = ["Thôn Đông", "Thôn Hạ", "Xóm Mới", "Ấp Phú Hữu", "Tổ dân phố số 3", "Thôn Trung Tiến",
           "Bản Nà Lừa", "Khu phố Bình Minh"]


@dataclass(frozen=True)
class Specimen:
    """One generated page and what is known about it."""

    name: str
    image: Image.Image  # RGB
    dpi: int
    text: str  # NFC ground truth of the printed text, one printed line per line
    features: frozenset[str]
    qr_payload: str | None = None


@dataclass(frozen=True)
class _Line:
    text: str
    align: str = "left"  # "left", "centre", "right" (right = centred in the right half)
    bold: bool = False
    size_pt: int = BODY_PT
    gap_before: float = 0.0  # extra space above, in lines


def specimen_set(seed: int = 0, dpi: int = 200) -> list[Specimen]:
    """The reference pages for `seed`: plain, seal+signature, tilt, noise, phone photo, ID card.

    Document pages are A4 at `dpi`; the ID-card page is A4 at max(dpi, 300) as the product
    scans cards. Names, dates and numbers differ per page and per seed.
    """
    rng = random.Random(seed)
    pages: list[Specimen] = []

    def document(name: str) -> tuple[Image.Image, str, tuple[int, int]]:
        lines = _declaration(random.Random(rng.getrandbits(64)))
        image, anchor = _render(lines, dpi)
        return image, nfc("\n".join(line.text for line in lines)), anchor

    image, text, _ = document("plain")
    pages.append(Specimen("plain", image, dpi, text, frozenset()))

    image, text, (sx, sy) = document("seal")
    image = art.signature(image, (sx - dpi // 2, sy - dpi // 8), dpi, rng)
    ring = _seal_ring_text(rng)
    image = art.seal(image, (sx - dpi // 3, sy - dpi // 12), dpi, ring, rng)
    pages.append(Specimen("seal_signature", image, dpi, text, frozenset({"seal", "signature"})))

    image, text, _ = document("tilt")
    pages.append(Specimen("tilt", art.tilt(image, TILT_DEGREES), dpi, text, frozenset({"tilt"})))

    image, text, _ = document("noise")
    pages.append(Specimen("noise", art.paper_noise(image, rng), dpi, text, frozenset({"noise"})))

    image, text, _ = document("photo")
    photo = art.phone_photo(image, rng)
    pages.append(Specimen("phone_photo", photo, dpi, text, frozenset({"perspective", "photo"})))

    pages.append(id_card_specimen(rng.getrandbits(32), dpi=max(dpi, ID_CARD_DPI)))
    return pages


def id_card_specimen(seed: int, *, dpi: int = ID_CARD_DPI, tilt_degrees: float | None = None,
                     noisy: bool | None = None) -> Specimen:
    """A4 page with the front of a chip-ID card scanned on it, the QR carrying `cccd_payload(seed)`.

    The card lands at a random place; unless given, tilt (±3°) and paper noise are drawn from
    the seed too, so a range of seeds gives the varied set `bench.qr_from_scan` decodes.
    """
    rng = random.Random(f"card:{seed}")
    payload = cccd_payload(seed)
    tilt_degrees = rng.uniform(-3.0, 3.0) if tilt_degrees is None else tilt_degrees
    noisy = rng.random() < 0.5 if noisy is None else noisy
    card, card_text = _card(payload, dpi, rng)
    card = card.rotate(tilt_degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
    page = Image.new("RGB", _px(A4_MM, dpi), "white")
    x = rng.randint(dpi // 2, page.width - card.width - dpi // 2)
    y = rng.randint(dpi // 2, page.height // 2 - card.height)
    page.paste(card, (x, y))
    features = {"qr"}
    if abs(tilt_degrees) > 0.05:
        features.add("tilt")
    if noisy:
        page = art.paper_noise(page, rng, strength=0.8)
        features.add("noise")
    return Specimen(f"id_card_{seed}", page, dpi, card_text, frozenset(features), payload)


def cccd_payload(seed: int) -> str:
    """A plausible chip-ID QR text (7 fields, "|"-joined) that `parse_cccd_qr` accepts.

    ID digits agree with birth date and sex as the ID rules require; the issue date falls in
    the chip-card period 2021–06/2024, after the holder turned 14.
    """
    rng = random.Random(f"cccd:{seed}")
    female = rng.random() < 0.5
    birth = date(1950, 1, 1) + timedelta(days=rng.randrange(0, (date(2008, 12, 31) - date(1950, 1, 1)).days))
    issue = date(2021, 1, 1) + timedelta(days=rng.randrange(0, (date(2024, 6, 30) - date(2021, 1, 1)).days))
    province = rng.choice(sorted(load_provinces()))
    century = 2 * ((birth.year - 1900) // 100) + (1 if female else 0)
    id_number = f"{province}{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
    old_id = "" if rng.random() < 0.3 else f"{rng.randrange(10**8, 10**9)}"
    address = _address(rng)
    fields = [id_number, old_id, _name(rng, female), birth.strftime("%d%m%Y"),
              "Nữ" if female else "Nam", address, issue.strftime("%d%m%Y")]
    return nfc("|".join(fields))


def _name(rng: random.Random, female: bool) -> str:
    middle, given = (MIDDLE_F, GIVEN_F) if female else (MIDDLE_M, GIVEN_M)
    return f"{rng.choice(FAMILY)} {rng.choice(middle)} {rng.choice(given)}"


def _address(rng: random.Random) -> str:
    commune, province = rng.choice(PLACES)
    return f"{rng.choice(HAMLETS)}, xã {commune}, tỉnh {province}"


def _date_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _declaration(rng: random.Random) -> list[_Line]:
    """The lines of a birth registration declaration with random people, places and dates."""
    commune, province = rng.choice(PLACES)
    mother, father = _name(rng, True), _name(rng, False)
    child_female = rng.random() < 0.5
    child = f"{father.split()[0]} {rng.choice(MIDDLE_F if child_female else MIDDLE_M)} " \
            f"{rng.choice(GIVEN_F if child_female else GIVEN_M)}"
    today = date(2026, 1, 5) + timedelta(days=rng.randrange(300))
    born = today - timedelta(days=rng.randrange(5, 55))
    id_number = f"0{rng.randrange(10**10, 10**11)}"
    issued = date(2021, 3, 1) + timedelta(days=rng.randrange(1200))
    mother_year, father_year = born.year - rng.randint(20, 38), born.year - rng.randint(22, 42)
    home = f"{rng.choice(HAMLETS)}, xã {commune}, tỉnh {province}"
    return [
        _Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "centre", bold=True),
        _Line("Độc lập - Tự do - Hạnh phúc", "centre", bold=True),
        _Line("TỜ KHAI ĐĂNG KÝ KHAI SINH", "centre", bold=True, size_pt=TITLE_PT, gap_before=1.2),
        _Line(f"Kính gửi: Ủy ban nhân dân xã {commune}, tỉnh {province}", "centre", gap_before=0.5),
        _Line(f"Họ, chữ đệm, tên người yêu cầu: {mother}", gap_before=0.8),
        _Line(f"Nơi cư trú: {home}"),
        _Line(f"Giấy tờ tùy thân: Căn cước công dân số {id_number}, cấp ngày {_date_text(issued)}"),
        _Line("Quan hệ với người được khai sinh: Mẹ"),
        _Line("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
        _Line(f"Họ, chữ đệm, tên: {child.upper()}"),
        _Line(f"Ngày, tháng, năm sinh: {_date_text(born)}"),
        _Line(f"Giới tính: {'Nữ' if child_female else 'Nam'}; Dân tộc: Kinh; Quốc tịch: Việt Nam"),
        _Line(f"Nơi sinh: Trạm Y tế xã {commune}, tỉnh {province}"),
        _Line(f"Quê quán: xã {commune}, tỉnh {province}"),
        _Line(f"Họ, chữ đệm, tên người mẹ: {mother}"),
        _Line(f"Năm sinh: {mother_year}; Dân tộc: Kinh; Quốc tịch: Việt Nam"),
        _Line(f"Nơi cư trú: {home}"),
        _Line(f"Họ, chữ đệm, tên người cha: {father}"),
        _Line(f"Năm sinh: {father_year}; Dân tộc: Kinh; Quốc tịch: Việt Nam"),
        _Line(f"Nơi cư trú: {home}"),
        _Line("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự",
              gap_before=0.5),
        _Line("thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật. Tôi chịu hoàn toàn"),
        _Line("trách nhiệm trước pháp luật về nội dung cam đoan của mình."),
        _Line(f"Đề nghị cấp bản sao: Có; số lượng: {rng.randint(1, 3)} bản"),
        _Line(f"{commune}, ngày {today.day} tháng {today.month} năm {today.year}", "right",
              gap_before=0.8),
        _Line("NGƯỜI YÊU CẦU", "right", bold=True),
        _Line("(Ký, ghi rõ họ, chữ đệm, tên)", "right"),
        _Line(mother, "right", bold=True, gap_before=2.5),
    ]


def _seal_ring_text(rng: random.Random) -> str:
    commune, province = rng.choice(PLACES)
    return f"ỦY BAN NHÂN DÂN XÃ {commune.upper()} ★ TỈNH {province.upper()} ★ "


def _px(size_mm: tuple[float, float], dpi: int) -> tuple[int, int]:
    return round(size_mm[0] / 25.4 * dpi), round(size_mm[1] / 25.4 * dpi)


def _render(lines: list[_Line], dpi: int) -> tuple[Image.Image, tuple[int, int]]:
    """Draw the lines on a white A4 page; returns the page and the centre of the signature line."""
    page = Image.new("RGB", _px(A4_MM, dpi), "white")
    draw = ImageDraw.Draw(page)
    left, right = round(30 / 25.4 * dpi), page.width - round(20 / 25.4 * dpi)  # form margins
    y = round(20 / 25.4 * dpi)
    last_centre = (0, 0)
    for line in lines:
        face = art.font(round(line.size_pt * dpi / 72), bold=line.bold)
        pitch = round(line.size_pt * dpi / 72 * 1.45)
        y += round(line.gap_before * pitch)
        width = draw.textlength(line.text, font=face)
        if line.align == "centre":
            x = (left + right - width) / 2
        elif line.align == "right":
            x = (left + right) / 2 + ((right - (left + right) / 2) - width) / 2
        else:
            x = left
        draw.text((round(x), y), line.text, font=face, fill="black")
        last_centre = (round(x + width / 2), y - pitch)
        y += pitch
    return page, last_centre


def _card(payload: str, dpi: int, rng: random.Random) -> tuple[Image.Image, str]:
    """The front of a chip-ID card at `dpi` with its QR; returns the image and its printed text."""
    w, h = _px(CARD_MM, dpi)
    card = Image.new("RGB", (w, h), (226, 236, 232))  # the pale green-grey security background
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((0, 0, w - 1, h - 1), radius=dpi // 8, outline=(150, 160, 155), width=2)
    fields = payload.split("|")
    birth = f"{fields[3][:2]}/{fields[3][2:4]}/{fields[3][4:]}"
    unit = dpi / 72
    # (text, size pt, bold, x, y as fractions of the card) after the layout of the real card.
    lines = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 6.5, True, 0.20, 0.05),
        ("Độc lập - Tự do - Hạnh phúc", 6.5, True, 0.27, 0.12),
        ("CĂN CƯỚC CÔNG DÂN", 9, True, 0.32, 0.22),
        (f"Số: {fields[0]}", 8.5, True, 0.32, 0.33),
        (f"Họ và tên: {fields[2]}", 7.5, False, 0.32, 0.45),
        (f"Ngày sinh: {birth}", 7, False, 0.32, 0.55),
        (f"Giới tính: {fields[4]}   Quốc tịch: Việt Nam", 7, False, 0.32, 0.64),
        ("Nơi thường trú:", 7, False, 0.32, 0.73),
        (fields[5], 7, False, 0.04, 0.84),
    ]
    for text, pt, bold, x_frac, y_frac in lines:
        face = art.font(round(pt * unit), bold=bold)
        draw.text((round(w * x_frac), round(h * y_frac)), text, font=face, fill=(20, 20, 30))
    # The holder's photo (a grey silhouette) at the left, the QR at the top right as on the card.
    px, py, pw, ph = round(w * 0.04), round(h * 0.30), round(w * 0.24), round(h * 0.48)
    draw.rectangle((px, py, px + pw, py + ph), fill=(180, 188, 196))
    draw.ellipse((px + pw * 0.28, py + ph * 0.12, px + pw * 0.72, py + ph * 0.55), fill=(120, 126, 134))
    draw.pieslice((px + pw * 0.08, py + ph * 0.55, px + pw * 0.92, py + ph * 1.4), 180, 360,
                  fill=(120, 126, 134))
    qr = _qr_image(payload, round(14 / 25.4 * dpi))  # ~14 mm square on the card
    card.paste(qr, (w - qr.width - round(w * 0.03), round(h * 0.04)))
    text = "\n".join(line[0] for line in lines)
    return card, nfc(text)


def _qr_image(payload: str, side_px: int) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=1, box_size=1)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    img = Image.new("L", (modules, modules), 255)
    img.putdata([0 if cell else 255 for row in matrix for cell in row])
    # Nearest-neighbour keeps modules crisp as a laser-printed card would; size is rounded to a
    # whole number of device pixels per module only when that does not shrink the code much.
    return img.resize((side_px, side_px), Image.Resampling.NEAREST).convert("RGB")
