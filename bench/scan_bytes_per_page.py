"""Bytes per A4 page at 200 dpi on the generated reference set, side by side with the anchors.

Ours: `process_page` (auto mode) + `write_pdf`, one PDF/A-2b per page. Compared in the same run
with (a) a colour JPEG q75 page as NAPS2 stores it by default, embedded as-is in a PDF, and
(b) `ocrmypdf --optimize 3 -l vie --output-type pdfa` run on that NAPS2-style PDF. When OCR is
available, word accuracy of `pdftotext` against the specimen's ground truth is measured for ours
(with `--ocr`'s text layer) and for ocrmypdf's. Target: median <= 60 kB with the seal in colour,
<= 40 kB for plain text. Run: python -m bench.scan_bytes_per_page [--no-ocrmypdf]
"""

from __future__ import annotations

import io
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf

from app.capture.accuracy import word_accuracy
from app.capture.modes import render
from app.capture.pages import RawPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from app.capture.specimens import Specimen, specimen_set
from bench._common import report


def _raw(spec: Specimen) -> RawPage:
    kind = "id_card" if spec.name.startswith("id_card") else "document"
    return RawPage(spec.image, spec.dpi, spec.name, kind=kind, photographed="perspective" in spec.features)


def _naps2_pdf(spec: Specimen, out: Path) -> int:
    """The page as NAPS2 exports it by default: the scan as colour JPEG q75, embedded unchanged."""
    buffer = io.BytesIO()
    spec.image.convert("RGB").save(buffer, "JPEG", quality=75)
    pdf = pikepdf.new()
    width_pt, height_pt = spec.image.width * 72 / spec.dpi, spec.image.height * 72 / spec.dpi
    page = pdf.add_blank_page(page_size=(width_pt, height_pt))
    image = pikepdf.Stream(pdf, buffer.getvalue(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                           Width=spec.image.width, Height=spec.image.height, BitsPerComponent=8,
                           ColorSpace=pikepdf.Name.DeviceRGB, Filter=pikepdf.Name.DCTDecode)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(f"q {width_pt:.3f} 0 0 {height_pt:.3f} 0 0 cm /Im0 Do Q".encode())
    pdf.save(out)
    return out.stat().st_size


def _ocrmypdf(source: Path, out: Path) -> int | None:
    if shutil.which("ocrmypdf") is None:
        return None
    done = subprocess.run(["ocrmypdf", "--optimize", "3", "-l", "vie", "--output-type", "pdfa", "--quiet",
                           str(source), str(out)], capture_output=True, text=True)
    return out.stat().st_size if done.returncode == 0 and out.exists() else None


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _ocr(page):  # noqa: ANN001, ANN202 - whatever app.capture.ocr returns, or None without OCR
    try:
        from app.capture.ocr import recognise
    except ImportError:
        return None
    return recognise(render(page), page.dpi)


def main(argv: list[str]) -> None:
    run_ocrmypdf = "--no-ocrmypdf" not in argv
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for spec in specimen_set(seed=0, dpi=200):
            page = process_page(_raw(spec))
            ours = write_pdf([page], tmp / f"{spec.name}.pdf").bytes
            text_layer = _ocr(page)
            searchable = tmp / f"{spec.name}-ocr.pdf"
            write_pdf([page], searchable, text_layers=[text_layer])
            naps2 = _naps2_pdf(spec, tmp / f"{spec.name}-naps2.pdf")
            row = {"page": spec.name, "a4": not spec.name.startswith("id_card"),
                   "mode": page.mode, "ours_bytes": ours, "ours_with_ocr_bytes": searchable.stat().st_size,
                   "naps2_jpeg_q75_bytes": naps2}
            if text_layer is not None:
                row["ours_word_accuracy"] = round(word_accuracy(spec.text, _pdftotext(searchable)), 4)
            if run_ocrmypdf:
                ocrmypdf_out = tmp / f"{spec.name}-ocrmypdf.pdf"
                size = _ocrmypdf(tmp / f"{spec.name}-naps2.pdf", ocrmypdf_out)
                row["ocrmypdf_O3_bytes"] = size
                if size is not None:
                    row["ocrmypdf_word_accuracy"] = round(word_accuracy(spec.text, _pdftotext(ocrmypdf_out)), 4)
            rows.append(row)
    a4 = [row for row in rows if not row["page"].startswith("id_card")]

    def median(key: str, pages: list[dict]) -> float | None:
        values = [row[key] for row in pages if row.get(key) is not None]
        return statistics.median(values) if values else None

    seal = next(row for row in rows if row["page"] == "seal_signature")
    plain = next(row for row in rows if row["page"] == "plain")
    report("scan_bytes_per_page", unit="bytes", samples=[float(row["ours_bytes"]) for row in a4],
           target=60_000, what="median bytes per A4 page at 200 dpi, auto mode, PDF/A-2b without OCR",
           seal_page_bytes=seal["ours_bytes"], seal_page_mode=seal["mode"], seal_target=60_000,
           plain_page_bytes=plain["ours_bytes"], plain_target=40_000,
           median_with_ocr_layer=median("ours_with_ocr_bytes", a4),
           naps2_jpeg_q75_median=median("naps2_jpeg_q75_bytes", a4),
           ocrmypdf_O3_median=median("ocrmypdf_O3_bytes", a4),
           ours_word_accuracy_median=median("ours_word_accuracy", a4),
           ocrmypdf_word_accuracy_median=median("ocrmypdf_word_accuracy", a4),
           pages=rows)


if __name__ == "__main__":
    main(sys.argv[1:])
