"""One compact PDF/A-2b per document, written with pikepdf.

Each page is stored the way its mode says: a 1-bit layer as a CCITT G4 stream (lifted from a
Pillow group4 TIFF strip, no re-encoding), a picture as JPEG, and a mixed page as a small JPEG
of its photos and seals (if any, cut to the part of the page they occupy), each coloured ink as
a G4 stencil (/ImageMask) filled with its colour, and the G4 text drawn over them as a black
stencil. PDF/A-2b needs: XMP metadata
with pdfaid part 2 / conformance B matching the document info, an sRGB output intent because
pages use Device colour spaces, no encryption and no JavaScript. The file is written next to
its destination, flushed to disk, then renamed over it, so a crash never leaves half a PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # OCR loads Tesseract: only the documents that carry text import it
    from app.capture.ocr import OcrPage

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
import pikepdf
from PIL import Image, ImageChops, ImageCms, TiffImagePlugin

from app.capture.pages import ProcessedPage
from app.errors import InputError
from app.files import atomic_output

# JPEG quality per mode, chosen on the generated page set for size vs legibility at 200 dpi: the
# colour layer of a mixed page holds seals and signatures only, so it can afford more quality.
JPEG_QUALITY = {"color": 50, "gray": 50, "mixed": 60}
# A picture drawn below its page's resolution is a document page kept whole as a picture at a
# reduced dpi (pipeline.PICTURE_PAGE_DPI): printed text, whose edges JPEG keeps at this quality.
JPEG_QUALITY_REDUCED = 40
PRODUCER = "MotCua Desk"


@dataclass
class PageEntry:
    """What one page became in the PDF."""

    mode: str
    width_px: int
    height_px: int
    dpi: float
    image_bytes: int  # bytes of the image streams drawn on this page

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "width_px": self.width_px, "height_px": self.height_px,
                "dpi": round(self.dpi, 1), "image_bytes": self.image_bytes}


@dataclass
class PdfReport:
    """The written file: where, how big, and each page's mode and size."""

    path: Path
    bytes: int
    pages: list[PageEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "bytes": self.bytes, "pages": [p.to_dict() for p in self.pages]}


def encode_g4(mask: Image.Image) -> bytes:
    """CCITT G4 data of a 1-bit image (black = 0), as one strip ready for /CCITTFaxDecode with
    its default polarity (BlackIs1 false): ink is coded as the fax's black runs, paper as white."""
    # libtiff codes 0 bits as fax white runs, so Pillow's black (0) would be coded as white. G4's
    # run-length codes are made for long white runs of paper and short black runs of ink (a
    # 4-pixel run costs 3 bits as black, 4 as white; a long one the other way round): coded the
    # fax way round, a page's layer is 4-5 % smaller (va1-p1 43.6 -> 41.9 kB), with the same bits.
    # Through NumPy: ImageChops.invert takes a "1" image made by Image.new(..., 1) (pixels stored
    # as 1, not 255) for all white.
    inverted = Image.fromarray(~np.asarray(mask.convert("1")))
    buffer = io.BytesIO()
    # One strip for the whole page: G4 strips cannot be concatenated into one PDF stream.
    inverted.save(buffer, "TIFF", compression="group4", strip_size=2**31 - 1)
    tiff = Image.open(io.BytesIO(buffer.getvalue()))
    assert isinstance(tiff, TiffImagePlugin.TiffImageFile)
    offsets, counts = tiff.tag_v2[273], tiff.tag_v2[279]
    if len(offsets) != 1:
        raise RuntimeError(f"expected one G4 strip, Pillow wrote {len(offsets)}")
    return buffer.getvalue()[offsets[0]:offsets[0] + counts[0]]


def encode_jpeg(image: Image.Image, quality: int, *, full_chroma: bool = False) -> bytes:
    buffer = io.BytesIO()
    mode = "L" if image.mode in ("L", "1") else "RGB"
    # Baseline (not progressive) JPEG, no ICC: the output intent says what DeviceRGB means.
    image.convert(mode).save(buffer, "JPEG", quality=quality, optimize=True,
                             subsampling=0 if full_chroma else 2)
    return buffer.getvalue()


def _g4_stream(pdf: pikepdf.Pdf, mask: Image.Image, *, stencil: bool) -> pikepdf.Stream:
    width, height = mask.size
    stream = pikepdf.Stream(pdf, encode_g4(mask))
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width, stream.Height = width, height
    stream.BitsPerComponent = 1
    stream.Filter = pikepdf.Name.CCITTFaxDecode
    # Ink is coded as fax black, which the filter's default polarity (BlackIs1 false) decodes to
    # 0 samples: an image shows them black and a stencil paints them (checked with pdftoppm and
    # pdfium).
    stream.DecodeParms = pikepdf.Dictionary(K=-1, Columns=width, Rows=height)
    if stencil:
        stream.ImageMask = True
    else:
        stream.ColorSpace = pikepdf.Name.DeviceGray
    return stream


def _jpeg_stream(pdf: pikepdf.Pdf, image: Image.Image, quality: int, *,
                 full_chroma: bool = False) -> pikepdf.Stream:
    stream = pikepdf.Stream(pdf, encode_jpeg(image, quality, full_chroma=full_chroma))
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width, stream.Height = image.size
    stream.BitsPerComponent = 8
    stream.ColorSpace = pikepdf.Name.DeviceGray if image.mode in ("L", "1") else pikepdf.Name.DeviceRGB
    stream.Filter = pikepdf.Name.DCTDecode
    return stream


# Where a layer is drawn, as fractions of the page (left, bottom, width, height).
Placement = tuple[float, float, float, float]
_WHOLE_PAGE: Placement = (0.0, 0.0, 1.0, 1.0)


def _picture_part(image: Image.Image) -> tuple[Image.Image, Placement] | None:
    """The part of a mixed page's picture layer that holds something (None when all white), and
    where it sits on the page. The layer is white outside its photos and seals, and white still
    costs JPEG about 2 bits per 8x8 block (a 300 dpi page drawn white at half scale: 16 kB)."""
    box = ImageChops.invert(image.convert("RGB")).getbbox()  # non-white pixels
    if box is None:
        return None
    width, height = image.size
    left, top, right, bottom = box
    return image.crop(box), (left / width, 1 - bottom / height, (right - left) / width, (bottom - top) / height)


def _layers(pdf: pikepdf.Pdf, page: ProcessedPage) -> list[tuple[pikepdf.Stream, str, Placement]]:
    """Image streams bottom to top, each with the fill colour operator of a stencil ("" for an
    image) and where it is drawn."""
    if page.mode == "bw":
        if page.mask is None:
            raise ValueError(f"page {page.source!r}: black-and-white page without a mask")
        return [(_g4_stream(pdf, page.mask, stencil=False), "", _WHOLE_PAGE)]
    if page.image is None and page.mode != "mixed":
        raise ValueError(f"page {page.source!r}: {page.mode} page without an image")
    if page.mode != "mixed":
        assert page.image is not None
        reduced = page.image.width < page.width_px
        quality = JPEG_QUALITY_REDUCED if reduced else JPEG_QUALITY[page.mode]
        return [(_jpeg_stream(pdf, page.image, quality), "", _WHOLE_PAGE)]
    layers = []
    part = None if page.image is None else _picture_part(page.image)
    if part is not None:
        # Chroma at full resolution (4:4:4, not JPEG's default 4:2:0): the layer holds seals,
        # whose thin red strokes turn pink when their colour is averaged over 2x2 pixels.
        layers.append((_jpeg_stream(pdf, part[0], JPEG_QUALITY["mixed"], full_chroma=True), "", part[1]))
    for (red, green, blue), shape in page.inks:
        layers.append((_g4_stream(pdf, shape, stencil=True), f"{red / 255:.3f} {green / 255:.3f} {blue / 255:.3f} rg ",
                       _WHOLE_PAGE))
    if page.mask is not None:
        layers.append((_g4_stream(pdf, page.mask, stencil=True), "0 g ", _WHOLE_PAGE))
    return layers


def _add_page(pdf: pikepdf.Pdf, page: ProcessedPage) -> PageEntry:
    width_pt = page.width_px * 72.0 / page.dpi
    height_pt = page.height_px * 72.0 / page.dpi
    xobjects = pikepdf.Dictionary()
    ops = []
    size = 0
    for index, (stream, colour, (left, bottom, width, height)) in enumerate(_layers(pdf, page)):
        name = f"/Im{index}"
        xobjects[name] = stream
        size += len(stream.read_raw_bytes())
        ops.append(f"q {colour}{width * width_pt:.4f} 0 0 {height * height_pt:.4f} "
                   f"{left * width_pt:.4f} {bottom * height_pt:.4f} cm {name} Do Q")
    pdf_page = pdf.add_blank_page(page_size=(width_pt, height_pt))
    pdf_page.Resources = pikepdf.Dictionary(XObject=xobjects)
    pdf_page.Contents = pdf.make_stream("\n".join(ops).encode("ascii"))
    return PageEntry(page.mode, page.width_px, page.height_px, page.dpi, size)


def _mark_pdfa(pdf: pikepdf.Pdf, title: str) -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    profile = pikepdf.Stream(pdf, icc)
    profile.N = 3
    intent = pikepdf.Dictionary(Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
                                OutputConditionIdentifier="sRGB IEC61966-2.1",
                                Info="sRGB IEC61966-2.1", DestOutputProfile=profile)
    pdf.Root.OutputIntents = pikepdf.Array([intent])
    now = datetime.now(timezone.utc).replace(microsecond=0)
    info = pikepdf.Dictionary(Producer=pikepdf.String(PRODUCER), Creator=pikepdf.String(PRODUCER),
                              CreationDate=pikepdf.String(now.strftime("D:%Y%m%d%H%M%S+00'00'")))
    info.ModDate = info.CreationDate
    if title:
        info.Title = pikepdf.String(title)
    pdf.trailer.Info = pdf.make_indirect(info)
    metadata = pikepdf.Stream(pdf, _xmp(title, now.isoformat()))
    metadata.Type, metadata.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    pdf.Root.Metadata = pdf.make_indirect(metadata)


def _xmp(title: str, when: str) -> bytes:
    """The XMP packet PDF/A asks for, matching the document info (which PDF/A requires): written
    compactly, as attributes of one description, since PDF/A keeps it uncompressed (a packet as
    pikepdf writes it, each property declaring its namespace, is 0.9 kB of a 10 kB page)."""
    title_xml = ('<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Alt>'
                 f'<rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>') if title else ""
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" '
            'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
            f'pdfaid:part="2" pdfaid:conformance="B" xmp:CreatorTool="{PRODUCER}" pdf:Producer="{PRODUCER}" '
            f'xmp:CreateDate="{when}" xmp:ModifyDate="{when}">{title_xml}</rdf:Description>'
            '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode("utf-8")


def _save_atomically(pdf: pikepdf.Pdf, out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {out}: folder {folder} does not exist")
    with atomic_output(out, what=str(out), create_folder=False) as handle:
        _save(pdf, handle)


def _build(pages: Sequence[ProcessedPage], title: str, text_layers: Sequence[OcrPage | None] | None,
           where: str) -> tuple[pikepdf.Pdf, list[PageEntry]]:
    if not pages:
        raise InputError(f"no pages to write to {where}")
    if text_layers is not None and len(text_layers) != len(pages):
        raise InputError(f"text layers for {len(text_layers)} pages given for {len(pages)} pages")
    pdf = pikepdf.new()
    entries = [_add_page(pdf, page) for page in pages]
    if text_layers is not None and any(layer is not None for layer in text_layers):
        from app.capture.text_layer import add_text_layer  # only documents with OCR need it

        for index, layer in enumerate(text_layers):
            if layer is not None:
                add_text_layer(pdf, index, layer)
    _mark_pdfa(pdf, title)
    return pdf, entries


def write_pdf(pages: Sequence[ProcessedPage], out: Path, *, title: str = "",
              text_layers: Sequence[OcrPage | None] | None = None) -> PdfReport:
    """Write `pages` as one PDF/A-2b document at `out` (atomically) and say what went in.

    `text_layers[i]`, when not None, is an OCR result laid under page i as invisible text.
    """
    pdf, entries = _build(pages, title, text_layers, str(out))
    _save_atomically(pdf, Path(out))
    return PdfReport(Path(out), Path(out).stat().st_size, entries)


def pdf_bytes(pages: Sequence[ProcessedPage], *, title: str = "",
              text_layers: Sequence[OcrPage | None] | None = None) -> bytes:
    """The same PDF/A-2b document as `write_pdf`, in memory: for a caller that seals it into the
    encrypted blob store, so a citizen's pages never sit on disk in the clear."""
    pdf, _entries = _build(pages, title, text_layers, "memory")
    return _in_memory(pdf)


def pdf_bytes_streamed(pages: Iterable[ProcessedPage], *, title: str = "") -> bytes:
    """`pdf_bytes` (without text layers) for pages made one at a time: each is encoded as it
    comes, so a long document rebuilt page by page holds one page's pixels at a time."""
    pdf = pikepdf.new()
    if not [_add_page(pdf, page) for page in pages]:
        raise InputError("no pages to write to memory")
    _mark_pdfa(pdf, title)
    return _in_memory(pdf)


def _in_memory(pdf: pikepdf.Pdf) -> bytes:
    buffer = io.BytesIO()
    _save(pdf, buffer)
    return buffer.getvalue()


def _save(pdf: pikepdf.Pdf, target: Any) -> None:
    # fix_metadata_version would parse the XMP packet and write it back pretty-printed (+40 %).
    pdf.save(target, min_version="1.7", object_stream_mode=pikepdf.ObjectStreamMode.generate,
             fix_metadata_version=False)
