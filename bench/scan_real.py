"""Benchmark: real scanned and photographed pages, ours beside ocrmypdf and img2pdf in one run.

Pages: every image in `../shared/data/real-scans/` (beside the clone; see PROVENANCE.md there),
or the folder given with `--data DIR` or `MOTCUA_REAL_SCANS`. For each page, one PDF per tool:

- ours: `motcua scan2pdf PAGE --ocr --out F.pdf` run in this process through the command's own
  code (the Tesseract instance is created once before timing, as in a running desk);
- `ocrmypdf -O3 --deskew --clean -l vie+eng --output-type pdfa` on the image file (the same
  Tesseract models we ship, read by the Tesseract command line; unpaper cleans);
- `img2pdf` (the image embedded unchanged: the size of doing nothing, no text).

Measured: bytes per page, seconds per page (wall clock, and CPU seconds, which a machine busy
with other work disturbs less; ocrmypdf's include its process start and its child processes),
word accuracy of `pdftotext -raw` against the page's ground truth where there is one
(`app.capture.accuracy.word_accuracy`: 1 - word edit distance / words in truth, NFC), and on
pages with a red seal or stamp the red kept: clearly red pixels of the output rendered back with
pdftoppm at the scan's resolution, as a share of the clearly red pixels of the scan (counted over
the page, so cropping and deskewing do not matter). Targets (issue 13): accuracy at least
ocrmypdf's on every page with ground truth, bytes at most half of ocrmypdf's, red kept >= 0.5,
<= 2 s per page with OCR.

Then every page in one `scan2pdf --ocr` run (`dossier`): the seconds per page of a dossier of
several pages, where pages are read two at a time while the next one is cleaned.

Run: python -m bench.scan_real [--data DIR] [--pages a.tif,b.jpg] [--no-ocrmypdf] [--no-dossier] [--keep DIR]
Needs the `bench` extra (ocrmypdf, img2pdf) and tesseract-ocr, unpaper, poppler-utils
(`scripts/setup.sh bench`); a missing tool is named in the output and its columns are null.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from app.capture.accuracy import word_accuracy
from bench._common import report

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "real-scans"
IMAGE_SUFFIXES = (".tif", ".tiff", ".png", ".jpg", ".jpeg")
# Ground truth named otherwise than PAGE.txt.
TRUTH_FILES = {"va4_2": "4_2_gt.txt"}
OCRMYPDF_LANG = "vie+eng"
# "Clearly red": red well above both other channels, bright enough not to be dark print.
RED_MARGIN = 70
RED_MIN = 120
# A page counts as carrying a red mark (a seal, a stamp) when at least this much of it, in mm²,
# is clearly red: the faint seal of va2-p2.jpg has ~38 mm² of clearly red ring and letters.
RED_MARK_MM2 = 10.0
TARGET_SECONDS = 2.0


def data_dir(given: str | None = None) -> Path:
    """The real-scans folder: `given`, else $MOTCUA_REAL_SCANS, else ../shared/data/real-scans."""
    return Path(given or os.environ.get("MOTCUA_REAL_SCANS") or DEFAULT_DATA)


def truth_of(image: Path) -> str | None:
    """The ground-truth text of a page image, None when there is none."""
    path = image.with_name(TRUTH_FILES.get(image.stem, image.stem + ".txt"))
    return path.read_text(encoding="utf-8") if path.is_file() else None


def pdftotext(pdf: Path, page: int | None = None) -> str:
    """The text of a PDF (or of one of its pages, numbered from 1) as `pdftotext -raw` gives it."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Clearly red pixels of an RGB array."""
    pixels = rgb.astype(np.int16)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    return (red >= RED_MIN) & (red - np.maximum(green, blue) >= RED_MARGIN)


def _image_dpi(image: Image.Image) -> float:
    dpi = image.info.get("dpi")
    return float(dpi[0]) if dpi and 50 <= float(dpi[0]) <= 2400 else 200.0


def red_pixels_of_scan(page: Path) -> tuple[int, float]:
    """(clearly red pixels, dpi) of the scan."""
    with Image.open(page) as image:
        dpi = _image_dpi(image)
        rgb = np.asarray(image.convert("RGB"))
    return int(red_mask(rgb).sum()), dpi


def red_pixels_of_pdf(pdf: Path, dpi: float, folder: Path) -> int:
    """Clearly red pixels of the PDF's first page rendered back at `dpi`."""
    stem = folder / f"{pdf.stem}-render"
    subprocess.run(["pdftoppm", "-r", f"{dpi:g}", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf),
                    str(stem)], check=True, capture_output=True)
    with Image.open(f"{stem}.png") as image:
        return int(red_mask(np.asarray(image.convert("RGB"))).sum())


def _parser_args(pages: list[Path], out: Path) -> argparse.Namespace:
    from app.cli.main import build_parser

    return build_parser().parse_args(["--json", "scan2pdf", *map(str, pages), "--ocr", "--out", str(out)])


def ours(page: Path | list[Path], out: Path) -> dict[str, Any]:
    """`scan2pdf --ocr` on one page (or several, into one PDF), in this process; its report,
    bytes and seconds."""
    from app.cli.cmd_scan2pdf import run

    args = _parser_args(page if isinstance(page, list) else [page], out)
    printed = io.StringIO()
    start, cpu, main_cpu = time.perf_counter(), time.process_time(), time.thread_time()
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
            status = run(args)
    except Exception as error:  # noqa: BLE001 - a refused page is a result, not a crash
        return {"error": f"{type(error).__name__}: {getattr(error, 'message', error)}"[:300]}
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    main_cpu = time.thread_time() - main_cpu
    data = json.loads(printed.getvalue())
    result: dict[str, Any] = {"bytes": out.stat().st_size, "seconds": round(seconds, 3),
                              "cpu_seconds": round(cpu, 3),
                              # Where scan2pdf --ocr works: cleaning and layers on this thread,
                              # recognition on the OCR threads (the rest of the process's CPU).
                              "cpu_main_thread": round(main_cpu, 3), "cpu_ocr_threads": round(cpu - main_cpu, 3),
                              "status": status,
                              "pages": data["page_count"],
                              "modes": [entry["mode"] for entry in data["pages"]]}
    if data["problems"]:
        result["problems"] = [problem["message"][:200] for problem in data["problems"]]
    return result


def _tool(module: str) -> list[str] | None:
    """How to run a bench-only tool from this Python, None when it is not installed."""
    try:
        __import__(module)
    except ImportError:
        return None
    return [sys.executable, "-m", module]


def ocrmypdf(page: Path, out: Path) -> dict[str, Any]:
    command = _tool("ocrmypdf")
    if command is None:
        return {"error": "ocrmypdf is not installed (pip install -e '.[bench]')"}
    # No time limit on Tesseract: by default ocrmypdf silently leaves a page without text after
    # 180 s, which a busy 2-core machine reaches. One OpenMP thread, as our in-process Tesseract.
    base = [*command, "-O3", "--deskew", "--clean", "-l", OCRMYPDF_LANG, "--output-type", "pdfa", "--quiet",
            "--tesseract-timeout", "3600"]
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([*base, str(page), str(out)], capture_output=True, text=True, check=False,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    note = None
    if done.returncode != 0 and "DpiError" in done.stderr:
        # ocrmypdf refuses an image without a credible resolution (none, or a camera's 72 dpi);
        # told 200 dpi, as we assume for a file that does not say, it goes on.
        note = "refused the file's resolution; run again with --image-dpi 200"
        done = subprocess.run([*base, "--image-dpi", "200", str(page), str(out)], capture_output=True,
                              text=True, check=False, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0 or not out.exists():
        return {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1][:300]}
    result = {"bytes": out.stat().st_size, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3)}
    return result if note is None else {**result, "note": note}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def img2pdf(page: Path, out: Path) -> dict[str, Any]:
    try:
        import img2pdf as tool
    except ImportError:
        return {"error": "img2pdf is not installed (pip install -e '.[bench]')"}
    try:
        out.write_bytes(tool.convert(str(page), rotation=tool.Rotation.ifvalid))
    except Exception as error:  # noqa: BLE001 - img2pdf refuses some files; that is a result
        return {"error": f"{type(error).__name__}: {error}"[:300]}
    return {"bytes": out.stat().st_size}


def measure_page(page: Path, folder: Path, *, run_ocrmypdf: bool) -> dict[str, Any]:
    truth = truth_of(page)
    red, dpi = red_pixels_of_scan(page)
    has_red = red >= RED_MARK_MM2 * (dpi / 25.4) ** 2
    row: dict[str, Any] = {"page": page.name, "has_truth": truth is not None}
    tools = {"ours": ours, "img2pdf": img2pdf}
    if run_ocrmypdf:
        tools["ocrmypdf"] = ocrmypdf
    for name, tool in tools.items():
        out = folder / f"{page.stem}-{name}.pdf"
        result = tool(page, out)
        if "error" not in result and name != "img2pdf":
            if truth is not None:
                result["word_accuracy"] = round(word_accuracy(truth, pdftotext(out)), 4)
            if has_red:
                result["red_kept"] = round(red_pixels_of_pdf(out, dpi, folder) / red, 3)
        row[name] = result
    if has_red:
        row["scan_red_pixels"] = red
    return row


def measure_dossier(pages: list[Path], folder: Path) -> dict[str, Any]:
    """Every page in one `scan2pdf --ocr` run, as a dossier of several pages is written: pages
    are read two at a time while the next is cleaned, so the seconds per page are below a single
    page's.
    Each page's words are scored again from that one PDF."""
    out = folder / "dossier-ours.pdf"
    result = ours(pages, out)
    if "error" in result:
        return result
    accuracy = {}
    for number, page in enumerate(pages if result["pages"] == len(pages) else [], start=1):
        if (truth := truth_of(page)) is not None:
            accuracy[page.name] = round(word_accuracy(truth, pdftotext(out, number)), 4)
    return {"pages": result["pages"], "seconds": result["seconds"], "cpu_seconds": result["cpu_seconds"],
            "seconds_per_page": round(result["seconds"] / result["pages"], 3),
            "cpu_seconds_per_page": round(result["cpu_seconds"] / result["pages"], 3),
            "word_accuracy": accuracy}


def _median(rows: list[dict[str, Any]], tool: str, key: str) -> float | None:
    values = [row[tool][key] for row in rows if key in row.get(tool, {})]
    return round(statistics.median(values), 4) if values else None


def markdown(rows: list[dict[str, Any]]) -> str:
    """The per-page table of docs/performance.md, medians last."""
    def cell(row: dict[str, Any], tool: str, key: str, scale: float = 1.0, digits: int = 1) -> str:
        result = row.get(tool, {})
        if "error" in result:
            return "refused" if tool == "ours" else "failed"
        value = result.get(key)
        return "–" if value is None else f"{value / scale:.{digits}f}"

    lines = [("| page | ours kB | ocrmypdf kB | img2pdf kB | ours words | ocrmypdf words "
              "| ours s wall (CPU) | ocrmypdf s (CPU) | red kept: ours / ocrmypdf |"),
             "|---|---|---|---|---|---|---|---|---|"]
    for row in [*rows, {"page": "**median**", **_median_row(rows)}]:
        red = (f"{cell(row, 'ours', 'red_kept', digits=2)} / {cell(row, 'ocrmypdf', 'red_kept', digits=2)}"
               if "scan_red_pixels" in row else "")
        lines.append(f"| {row['page']} | {cell(row, 'ours', 'bytes', 1000)} | {cell(row, 'ocrmypdf', 'bytes', 1000)} "
                     f"| {cell(row, 'img2pdf', 'bytes', 1000)} | {cell(row, 'ours', 'word_accuracy', digits=3)} "
                     f"| {cell(row, 'ocrmypdf', 'word_accuracy', digits=3)} "
                     f"| {cell(row, 'ours', 'seconds', digits=2)} ({cell(row, 'ours', 'cpu_seconds', digits=2)}) "
                     f"| {cell(row, 'ocrmypdf', 'cpu_seconds', digits=2)} "
                     f"| {red} |")
    return "\n".join(lines)


def _median_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {tool: {key: value for key in ("bytes", "word_accuracy", "seconds", "cpu_seconds")
                   if (value := _median(rows, tool, key)) is not None}
            for tool in ("ours", "ocrmypdf", "img2pdf")}


def _warm_up() -> None:
    """Create the Tesseract instances once, as a desk that has already read a page has them
    (in every thread `scan2pdf --ocr` uses, the strip reader's too), and write one generated page."""
    from app.capture.ocr import OCR_THREADS, detect_rotation, on_ocr_thread, on_strip_thread, recognise

    def warm() -> None:
        image = Image.new("L", (400, 200), 255)
        with contextlib.suppress(Exception):
            detect_rotation(image)
        for lang in ("vie", "eng+vie"):
            with contextlib.suppress(Exception):
                recognise(image, 200, lang=lang)

    warm()  # this thread cleans pages and detects their orientation
    # The OCR threads read them meanwhile: each waits for the others, so each warms its own.
    everyone = threading.Barrier(OCR_THREADS)

    def warm_one_thread() -> None:
        everyone.wait(timeout=60)
        warm()

    for future in [on_ocr_thread(warm_one_thread) for _ in range(OCR_THREADS)]:
        future.result()
    on_strip_thread(warm).result()  # it reads half the strips of a page read alone
    # And one whole page through scan2pdf, so the first real page does not pay for loading the
    # cleaning and PDF modules (about 1 s), which a desk pays once a session.
    from app.capture.specimens import specimen_set

    with tempfile.TemporaryDirectory() as temp:
        page = Path(temp) / "warm.png"
        specimen_set(0, dpi=150)[0].image.save(page, dpi=(150, 150))
        ours(page, Path(temp) / "warm.pdf")


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.scan_real", description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="folder of real pages (default: ../shared/data/real-scans)")
    parser.add_argument("--pages", help="comma-separated file names to measure (default: all)")
    parser.add_argument("--no-ocrmypdf", action="store_true", help="skip ocrmypdf (it is slow)")
    parser.add_argument("--no-dossier", action="store_true",
                        help="skip the run of every page in one PDF (seconds per page in a dossier)")
    parser.add_argument("--keep", type=Path, help="keep the output PDFs in this folder")
    parser.add_argument("--markdown", action="store_true", help="also print the table for docs/performance.md")
    options = parser.parse_args(argv)
    folder_in = data_dir(options.data)
    if not folder_in.is_dir():
        raise SystemExit(f"no real pages at {folder_in}: give --data DIR or set MOTCUA_REAL_SCANS")
    pages = sorted(p for p in folder_in.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    if options.pages:
        wanted = set(options.pages.split(","))
        pages = [p for p in pages if p.name in wanted]
    missing = [name for name, found in (("ocrmypdf", _tool("ocrmypdf")), ("img2pdf", _tool("img2pdf")),
                                        ("pdftotext", shutil.which("pdftotext")),
                                        ("tesseract", shutil.which("tesseract")),
                                        ("unpaper", shutil.which("unpaper"))) if not found]
    if missing:
        print(f"scan_real: not installed: {', '.join(missing)} (scripts/setup.sh bench); "
              "their columns are left empty", file=sys.stderr)
    _warm_up()
    with tempfile.TemporaryDirectory() as temp:
        folder = options.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for page in pages:
            rows.append(measure_page(page, folder, run_ocrmypdf=not options.no_ocrmypdf))
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
        dossier = measure_dossier(pages, folder) if len(pages) > 1 and not options.no_dossier else None
    if dossier:
        print(json.dumps({"dossier": dossier}, ensure_ascii=False), file=sys.stderr, flush=True)
    truth_rows = [row for row in rows if row["has_truth"]]
    behind = [row["page"] for row in truth_rows
              if "word_accuracy" in row.get("ocrmypdf", {})
              and row["ours"].get("word_accuracy", 0.0) < row["ocrmypdf"]["word_accuracy"]]
    if options.markdown:
        print(markdown(rows), file=sys.stderr)
    return report(
        "scan_real", unit="bytes", samples=[float(row["ours"]["bytes"]) for row in rows if "bytes" in row["ours"]],
        target=None, data=str(folder_in), not_installed=missing, ocrmypdf_lang=OCRMYPDF_LANG,
        medians={tool: {key: _median(rows, tool, key) for key in ("bytes", "seconds", "cpu_seconds", "word_accuracy")}
                 for tool in ("ours", "ocrmypdf", "img2pdf")},
        medians_with_truth={tool: {key: _median(truth_rows, tool, key) for key in ("bytes", "word_accuracy")}
                            for tool in ("ours", "ocrmypdf")},
        accuracy_behind_ocrmypdf=behind, seconds_target=TARGET_SECONDS,
        # Wall seconds, what an official waits for a page: its work is spread over both cores
        # (cleaning, and recognition in two halves), so its CPU seconds add up more than that.
        # On a busy machine (other jobs on the 2 cores) they say more about the neighbours.
        pages_over_seconds_target=[row["page"] for row in rows
                                   if row["ours"].get("seconds", 0) > TARGET_SECONDS],
        refused=[row["page"] for row in rows if "error" in row["ours"]], dossier=dossier, pages=rows,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
