"""The invisible OCR text layer of a scanned PDF page: selectable, searchable, extractable.

Each recognised word is written in text render mode 3 (neither filled nor stroked) over the
place it was read from, so a viewer's selection and search land on the printed word and
`pdftotext` returns the Vietnamese text with its diacritics.

The font is the "glyphless" font that Tesseract and OCRmyPDF use (`resources/tessdata/
glyphless.ttf`, 572 bytes, Apache-2.0): a single empty glyph, half an em wide, reached through
a Type0 / CIDFontType2 font with Identity-H encoding where every CID is the UTF-16 code unit
of the character and maps to that one glyph; the ToUnicode CMap maps every code back to
itself. So any Unicode text can be written without embedding a real typeface, and the page
stays PDF/A-2b conformant (font program embedded, widths agree with it, ToUnicode present).
Each word is stretched horizontally (Tz) to the width of its box.

Bytes matter (a page's text layer is a tenth of a 1-bit page): positions are the OCR's whole
pixels and widths are written to 1 %, words after the first of a row move by a relative Td,
strings are literal UTF-16 bytes rather than hex, the font has a short resource name, and the ToUnicode CMap
maps only the 256-code blocks the document uses (a 256-block identity CMap is 1.7 kB compressed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pikepdf
from pikepdf import Array
from pikepdf import Dictionary
from pikepdf import Name

from app.capture.ocr import OcrPage
from app.capture.ocr import OcrWord
from app.errors import InputError
from app.paths import resource

FONT_NAME = "GlyphLessFont"
GLYPH_WIDTH = 500  # advance of the single glyph, in 1/1000 em (1024 of 2048 units in the font)
FONT_KEY = Name("/FOcr")  # the font's name in a page's resources (no other font is put there)



def add_text_layer(pdf: pikepdf.Pdf, page_index: int, ocr: OcrPage) -> None:
    """Add the words of `ocr` as invisible text on page `page_index` of `pdf`.

    Pixel boxes become points by 72/dpi from the top-left of the page's MediaBox, so the OCR
    must have been run on the image that fills the page at `ocr.dpi`.
    """
    if not 0 <= page_index < len(pdf.pages):
        raise InputError(f"text layer: page {page_index} does not exist "
                         f"(the PDF has {len(pdf.pages)} pages)")
    if ocr.dpi <= 0:
        raise InputError(f"text layer: OCR result for page {page_index} has no dpi")
    if not ocr.words:
        return  # a blank page: nothing to select, no font needed
    page = pdf.pages[page_index]
    font = _font(pdf)
    _cover(font, {ord(ch) >> 8 for word in ocr.words for ch in _utf16_units(word.text + " ")})
    font_key = page.add_resource(font, Name.Font, name=FONT_KEY)
    x0, _y0, _x1, y1 = (float(v) for v in page.mediabox)
    content = _content(ocr, font_key, origin=(x0, y1), scale=72.0 / ocr.dpi)
    # Appended to the page's own content stream rather than as a second stream: one object
    # less (about 100 bytes of a 8 kB page).
    existing = page.obj.get("/Contents")
    if isinstance(existing, pikepdf.Stream):
        existing.write(existing.read_bytes().rstrip(b"\n") + b"\n" + content)
    else:
        page.contents_add(pikepdf.Stream(pdf, content), prepend=False)


def _content(ocr: OcrPage, font_key: Name, *, origin: tuple[float, float], scale: float) -> bytes:
    """The content stream: one BT block, render mode 3, one positioned string per word.

    Coordinates are the OCR's own pixels (a `cm` scales them to points from the page's top-left
    corner, y up, so a baseline is minus its pixel row): whole numbers, exact and short.
    """
    left_pt, top_pt = origin
    ops = [b"q %s 0 0 %s %s %s cm BT 3 Tr" % (_num(scale, 6), _num(scale, 6), _num(left_pt, 3), _num(top_pt, 3))]
    size_set = 0
    for line in _lines(ocr.words):
        # One size and baseline per line keeps the words of a line together for text
        # extractors; the box spans ascenders to descenders so selection covers the print.
        top = min(word.top for word in line)
        bottom = max(word.bottom for word in line)
        size = max(bottom - top, 1)
        if size != size_set:
            ops.append(b"%s %d Tf" % (str(font_key).encode("ascii"), size))
            size_set = size
        for index, word in enumerate(line):
            last = index == len(line) - 1
            # A trailing space (stretched over the gap to the next word) makes viewers copy
            # "word word" rather than "wordword".
            text = word.text if last else word.text + " "
            right = word.right if last else max(line[index + 1].left, word.right)
            width = max(right - word.left, 1)
            natural = len(_utf16(text)) // 2 * size * GLYPH_WIDTH / 1000.0
            ops.append(b"%d Tz" % max(1, round(100.0 * width / natural)))
            # Td moves from the start of the row (not from the end of the last word).
            # A baseline on the page's very edge lands a hair outside it once scaled (floating
            # point), and text extractors drop text outside the page: kept one pixel inside.
            ops.append(b"1 0 0 1 %d %d Tm" % (word.left, -min(bottom, ocr.height_px - 1)) if index == 0
                       else b"%d 0 Td" % (word.left - line[index - 1].left))
            ops.append(_literal(_utf16(text)) + b" Tj")
    ops.append(b"ET Q")
    return b"\n".join(ops) + b"\n"


def _literal(data: bytes) -> bytes:
    """A PDF literal string of raw bytes: only the delimiters, the escape and CR are escaped (a
    bare CR would be read back as LF)."""
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(
        b"\r", b"\\r") + b")"


def _lines(words: Iterable[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped into printed rows, each row left to right, rows in reading order.

    A row is an OCR line, split where Tesseract put words of several printed rows into one line
    (it does so with small print in a narrow column: "Trưởng phòng Sở; / Trang TTĐT Sở;" as one
    line); one baseline for such a line would lay the rows over each other and text extractors
    would interleave their words.
    """
    lines: dict[int, list[OcrWord]] = {}
    for word in words:
        if word.text:
            lines.setdefault(word.line, []).append(word)
    rows: list[list[OcrWord]] = []
    for _, line in sorted(lines.items()):
        rows += [sorted(row, key=lambda w: w.left) for row in _rows(line)]
    return rows


def _rows(line: list[OcrWord]) -> list[list[OcrWord]]:
    """The words of one OCR line (in its reading order) split by vertical overlap."""
    rows: list[list[OcrWord]] = []
    for word in line:
        middle = (word.top + word.bottom) / 2
        for row in rows:
            top = min(w.top for w in row)
            bottom = max(w.bottom for w in row)
            if top <= middle <= bottom:  # the word's middle falls within the row: same print row
                row.append(word)
                break
        else:
            rows.append([word])
    return rows


def _utf16(text: str) -> bytes:
    # Identity-H codes are 2 bytes; characters beyond the BMP become surrogate pairs, which
    # the ToUnicode identity mapping gives back as the same pair (readers rejoin them).
    return text.encode("utf-16-be")


def _utf16_units(text: str) -> str:
    """`text` as UTF-16 code units, one character each (surrogates for characters beyond the BMP)."""
    data = _utf16(text)
    return "".join(chr(int.from_bytes(data[i:i + 2], "big")) for i in range(0, len(data), 2))


def _num(value: float, digits: int) -> bytes:
    text = (b"%.*f" % (digits, value)).rstrip(b"0").rstrip(b".")
    return b"0" if text in (b"", b"-0") else text


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """The document's glyphless font: reused when another page has it, created otherwise.

    One font object per document, shared by its pages, keeps a 20-page dossier from carrying
    20 copies of the font and its 128 kB CID map.
    """
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
        for font in fonts.values():
            if font.get("/BaseFont") == Name("/" + FONT_NAME) and font.get("/Subtype") == Name.Type0:
                return font
    return _make_font(pdf)


def _make_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    program = resource("tessdata", "glyphless.ttf").read_bytes()
    font_file = pikepdf.Stream(pdf, program)
    font_file.Length1 = len(program)
    descriptor = pdf.make_indirect(Dictionary(
        Type=Name.FontDescriptor, FontName=Name("/" + FONT_NAME), Flags=5,
        FontBBox=Array([0, 0, GLYPH_WIDTH, 1000]), ItalicAngle=0, Ascent=1000, Descent=0,
        CapHeight=1000, StemV=80, FontFile2=pdf.make_indirect(font_file),
    ))
    # Every 2-byte CID draws glyph 1, the font's only glyph.
    cid_to_gid = pikepdf.Stream(pdf, b"\x00\x01" * 65536)
    cid_font = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/" + FONT_NAME),
        CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"),
                                 Ordering=pikepdf.String("Identity"), Supplement=0),
        FontDescriptor=descriptor, DW=GLYPH_WIDTH, CIDToGIDMap=pdf.make_indirect(cid_to_gid),
    ))
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/" + FONT_NAME),
        Encoding=Name("/Identity-H"), DescendantFonts=Array([cid_font]),
        ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, _to_unicode_cmap(set()))),
    ))


_BLOCK = re.compile(rb"<([0-9A-F]{2})00> <[0-9A-F]{2}FF>")


def _cover(font: pikepdf.Object, blocks: set[int]) -> None:
    """Make the font's ToUnicode CMap map the 256-code `blocks` (high bytes) too."""
    stream = font.ToUnicode
    have = {int(hi, 16) for hi in _BLOCK.findall(stream.read_bytes())}
    if not blocks <= have:
        stream.write(_to_unicode_cmap(have | blocks))


def _to_unicode_cmap(blocks: set[int]) -> bytes:
    """Code = UTF-16 code unit, for the codes whose high byte is in `blocks`; one range per high
    byte as the CMap rules require (a document in Vietnamese uses about five of the 256)."""
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in sorted(blocks)]
    sections = []
    for start in range(0, len(ranges), 100):  # at most 100 entries per bfrange block
        chunk = ranges[start:start + 100]
        sections.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(sections)
            + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")
