"""`motcua scan2pdf IMAGES… --out F.pdf`: images and PDFs in, one compact PDF/A-2b out.

Blank pages (the empty backs of a duplex scan) are left out by default and listed in the report;
`--keep-blank` keeps them. A file or page that cannot be used is reported on standard error by
name while every other page is still written; the exit status is then 2 so scripts notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from PIL import Image

    from app.capture.ocr import OcrPage

import argparse
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from app.capture.pages import MODES, ProcessedPage, RawPage
from app.cli.common import emit, say_error
from app.errors import InputError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = sub.add_parser("scan2pdf", parents=[common],
                         help="clean scanned or photographed pages and write one compact PDF/A")
    cmd.add_argument("images", nargs="+", type=Path, metavar="IMAGE",
                     help="image files (JPEG, PNG, TIFF, ...) or PDFs, in page order")
    cmd.add_argument("--out", required=True, type=Path, help="the PDF to write")
    cmd.add_argument("--mode", choices=MODES, default="auto",
                     help="colour mode of every page (default: chosen per page)")
    cmd.add_argument("--ocr", action="store_true",
                     help="recognise the text (Vietnamese; English pages with English too) and make the PDF searchable")
    cmd.add_argument("--orient", action="store_true",
                     help="turn sideways or upside-down pages upright by their text (implied by --ocr)")
    cmd.add_argument("--dpi", type=float, help="resolution of the images when their files do not say, "
                                               "or say it wrongly")
    cmd.add_argument("--kind", choices=("document", "id_card", "photo"), default="document",
                     help="what was scanned: ID cards need 300 dpi and are cut out of the glass")
    cmd.add_argument("--photo", action="store_true",
                     help="the images are phone photos: find and flatten the sheet "
                          "(default: decided from the camera tags in each file)")
    cmd.add_argument("--keep-blank", action="store_true", help="keep blank pages instead of leaving them out")
    cmd.add_argument("--title", default="", help="document title stored in the PDF's metadata")
    cmd.set_defaults(handler=run)


def _raw_pages(args: argparse.Namespace, problems: list[dict[str, str]]) -> Any:
    from app.capture.imports import read_pages

    for path in args.images:
        try:
            yield from read_pages(path, dpi=args.dpi, kind=args.kind, photographed=True if args.photo else None)
        except InputError as error:  # pages read from this file before the damage are kept
            problems.append({"source": str(path), "message": error.message})


def _orienter(args: argparse.Namespace) -> Any:
    if not (args.orient or args.ocr):
        return None
    from app.capture.ocr import detect_rotation

    return detect_rotation


@dataclass
class _Reading:
    """A kept page being read on an OCR thread, and the page it was cleaned from: kept until the
    reading says the page lies upright, since a page lying otherwise is cleaned again turned."""

    page: ProcessedPage
    future: Future[tuple[OcrPage, int]]
    raw: RawPage | None


@dataclass
class _Orientation:
    """Whether the orientation detector was asked for a page before it was cleaned."""

    detected: bool = False


def _orient_unless_across(state: _Orientation, image: Image.Image) -> int:
    """For a page whose lines run across it, the turn its baselines show (0 when they do not
    tell: its reading will); else the orientation detector's turn, noted in `state`."""
    from app.capture.ocr import detect_rotation, lines_verdict

    verdict = lines_verdict(image)
    if verdict.across:
        return verdict.turn or 0
    state.detected = True
    return detect_rotation(image)


def _process(args: argparse.Namespace, raws: Any, problems: list[dict[str, str]],
             reading: dict[int, _Reading] | None = None) -> tuple[list[ProcessedPage], list[str]]:
    """Clean every page; with `reading`, OCR of each page that will be kept starts as soon as
    its grey image is ready (on an OCR thread) and is recorded there by page.

    With OCR, a document page whose lines run across it is cleaned as it lies, and its reading
    tells whether it is upright or upside down (`recognise_upright`); other pages, and every page
    with `--orient` alone, are turned by the orientation detector first.
    """
    from app.capture.pipeline import process_page

    orient = _orienter(args)

    def start_reading(raw: RawPage, state: _Orientation, page: ProcessedPage) -> None:
        from app.capture.ocr import recognise_upright_soon

        if reading is not None and _kept(args, page):  # a blank page left out is not read
            reading[id(page)] = _Reading(page, recognise_upright_soon(page, oriented=state.detected), raw)

    kept: list[ProcessedPage] = []
    skipped: list[str] = []
    for raw in raws:
        assert isinstance(raw, RawPage)
        try:
            if reading is not None and raw.kind == "document":
                state = _Orientation()
                page = process_page(raw, args.mode, orient=partial(_orient_unless_across, state),
                                    grey_ready=partial(start_reading, raw, state))
            else:
                page = process_page(raw, args.mode, orient=orient)
        except InputError as error:
            problems.append({"source": raw.source, "message": error.message})
            continue
        if _kept(args, page):
            kept.append(page)
        else:
            skipped.append(page.source)
        if reading is not None:
            _keep_pace(reading)
    return kept, skipped


# Pages cleaned and not yet read (being read on the OCR threads, or waiting for one): more gains
# nothing, since reading a page takes longer than cleaning it, and would hold more pages' images
# in memory.
PAGES_AHEAD = 2


def _keep_pace(reading: dict[int, _Reading]) -> None:
    """Wait while more than PAGES_AHEAD pages wait to be read, and let go of the source images of
    pages read upright."""
    unread = [entry for entry in reading.values() if not entry.future.done()]
    for entry in unread[:max(0, len(unread) - PAGES_AHEAD)]:
        _wait_for(entry.future)
    for entry in reading.values():
        if entry.raw is not None and entry.future.done() and _turn_of(entry) == 0:
            entry.raw = None


def _wait_for(future: Future[Any]) -> None:
    from concurrent.futures import wait

    wait([future])


def _turn_of(entry: _Reading) -> int | None:
    """The turn a finished reading asks for; None when it failed (its error is raised later)."""
    if entry.future.cancelled() or entry.future.exception() is not None:
        return None
    return entry.future.result()[1]


def _given_turn(turn: int, _image: object) -> int:
    """An orienter that answers what the page's reading already found."""
    return turn


def _kept(args: argparse.Namespace, page: ProcessedPage) -> bool:
    """Whether the page goes into the PDF: blank pages only with --keep-blank."""
    return args.keep_blank or not page.blank


def _recognise(args: argparse.Namespace, pages: list[ProcessedPage], reading: dict[int, _Reading]
               ) -> list[OcrPage | None]:
    """The text of every page: the reading started during cleaning, else read now (pages with
    no grey image, such as ID cards, are read from their layers once these are cut). A page whose
    reading says it lies sideways or upside down is cleaned again turned upright, replaced in
    `pages`, and read again."""
    from app.capture.ocr import on_ocr_thread, recognise_page, recognise_page_soon
    from app.capture.pipeline import process_page

    later = {index: recognise_page_soon(page) for index, page in enumerate(pages) if id(page) not in reading}
    texts: list[OcrPage | None] = []
    for index, page in enumerate(pages):
        if index in later:
            texts.append(later[index].result())
            continue
        entry = reading[id(page)]
        found, turn = entry.future.result()
        if turn and entry.raw is not None:
            pages[index] = process_page(entry.raw, args.mode, orient=partial(_given_turn, turn))
            entry.raw = None
            found = on_ocr_thread(recognise_page, pages[index]).result()
        texts.append(found)
    return texts


def run(args: argparse.Namespace) -> int:
    from app.capture.pdfa import write_pdf

    problems: list[dict[str, str]] = []
    reading: dict[int, _Reading] | None = {} if args.ocr else None
    try:
        pages, skipped = _process(args, _raw_pages(args, problems), problems, reading)
        if not pages:
            reasons = "; ".join(p["message"] for p in problems) or (
                f"all {len(skipped)} page(s) are blank (use --keep-blank to keep them)")
            raise InputError(f"nothing written to {args.out}: {reasons}")
        layers = _recognise(args, pages, reading) if reading is not None else None
    except BaseException:
        # A failed or interrupted (Ctrl+C) run must not sit waiting for the pages queued for OCR.
        for entry in (reading or {}).values():
            entry.future.cancel()
        raise
    report = write_pdf(pages, args.out, title=args.title, text_layers=layers)
    data = {
        "out": str(report.path), "bytes": report.bytes, "page_count": len(pages), "ocr": bool(args.ocr),
        "pages": [dict(entry.to_dict(), source=page.source, skew_degrees=page.skew_degrees,
                       rotation=page.rotation, blank=page.blank, notes=page.notes,
                       warnings=[note[len("warning: "):] for note in page.notes if note.startswith("warning: ")])
                  for page, entry in zip(pages, report.pages)],
        "blank_skipped": skipped, "problems": problems,
    }
    emit(args, data, _human(data))
    for problem in problems:
        say_error(problem["message"])
    return 2 if problems else 0


def _human(data: dict[str, Any]) -> str:
    lines = [f"{data['out']}: {data['page_count']} page(s), {data['bytes'] / 1000:.1f} kB"
             f"{', searchable' if data['ocr'] else ''}"]
    for number, page in enumerate(data["pages"], start=1):
        lines.append(f"  {number:>3}  {page['mode']:<5} {page['image_bytes'] / 1000:>6.1f} kB  "
                     f"skew {page['skew_degrees']:+.2f}°  {page['source']}")
        lines += [f"       warning: {text}" for text in page["warnings"]]
    lines += [f"  blank page left out: {source}" for source in data["blank_skipped"]]
    if data["problems"]:
        lines.append(f"  {len(data['problems'])} file(s) or page(s) not used (see below)")
    return "\n".join(lines)
