"""Scanner commands: `scan devices` (every source's devices and options) and `scan acquire` (to a PDF).

`scan acquire` cleans each page through the capture pipeline and writes one compact PDF/A. When
the device fails mid-job the pages already captured still go into the PDF, and the command says
how many were saved before exiting with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import emit, for_terminal
from app.errors import InputError

if TYPE_CHECKING:
    from app.capture.sources.base import ScanColour

PROCESS_MODES = ("auto", "bw", "gray", "color", "mixed")
# The scanner's colour for each processing mode: we binarise better than most drivers, so
# black-and-white pages are scanned grey; "auto" and "mixed" need colour to find the seals.
SCANNER_PREFIXES = ("sane", "escl", "wia")
SCAN_COLOUR_FOR_MODE: dict[str, ScanColour] = {"auto": "color", "mixed": "color", "color": "color", "gray": "gray",
                                                "bw": "gray"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    scan = sub.add_parser("scan", help="scanners, watched folders and other capture sources")
    actions = scan.add_subparsers(dest="action", metavar="ACTION", required=True)

    devices = actions.add_parser("devices", parents=[common], help="list the devices of every source")
    devices.add_argument("--escl", action="append", default=[], metavar="ADDRESS",
                         help="also ask this eSCL scanner (IP, host:port or URL); repeatable")
    devices.add_argument("--folder", action="append", default=[], type=Path, metavar="DIR",
                         help="also list this watched folder; repeatable")
    devices.add_argument("--no-discovery", action="store_true", help="do not browse the network by mDNS")
    devices.add_argument("--discovery-timeout", type=float, default=2.0, metavar="S",
                         help="seconds to browse mDNS (default 2)")
    devices.set_defaults(handler=run_devices)

    acquire = actions.add_parser("acquire", parents=[common], help="scan pages into one PDF")
    acquire.add_argument("--device", required=True, metavar="ID",
                         help="a device id from `scan devices`, or file:PATH / folder:DIR")
    acquire.add_argument("--out", required=True, type=Path, metavar="F.pdf")
    acquire.add_argument("--dpi", type=int, default=300, help="scan resolution (default 300)")
    acquire.add_argument("--mode", choices=PROCESS_MODES, default="auto",
                         help="how pages are stored: auto picks black-and-white, grey, colour or mixed per page")
    acquire.add_argument("--scan-colour", choices=("color", "gray", "bw"),
                         help="the scanner's colour mode (default: what --mode needs)")
    acquire.add_argument("--adf", action="store_true", help="feed pages from the document feeder")
    acquire.add_argument("--duplex", action="store_true", help="scan both sides (implies --adf)")
    acquire.add_argument("--pages", type=int, metavar="N", help="stop after N pages")
    acquire.add_argument("--skip-blank", action="store_true", help="leave blank pages out of the PDF")
    acquire.add_argument("--title", default="", help="PDF title")
    acquire.add_argument("--folder-wait", type=float, default=0.0, metavar="S",
                         help="for folder: devices, keep watching S seconds after the folder went quiet")
    acquire.set_defaults(handler=run_acquire)


def _describe(device: Any) -> str:
    options = device.options
    inputs = [name for name, present in (("flatbed", options.flatbed), ("ADF", options.adf),
                                         ("duplex", options.duplex)) if present]
    dpis = options.resolutions
    dpi_text = f"{min(dpis)}-{max(dpis)} dpi" if dpis else ""
    extras = ", ".join(part for part in (", ".join(inputs), dpi_text, "/".join(options.colour_modes)) if part)
    return f"{device.id}\t{device.name}" + (f"\t[{extras}]" if extras else "")


def run_devices(args: argparse.Namespace) -> int:
    from app.capture.sources import default_registry

    registry = default_registry(escl_addresses=args.escl, folders=args.folder, discover=not args.no_discovery,
                                discovery_timeout_s=args.discovery_timeout)
    listing = registry.list_devices()
    lines = [_describe(device) for device in listing.devices] or ["No scanners found."]
    lines += [f"problem: {problem}" for problem in listing.problems]
    emit(args, listing.to_dict(), "\n".join(lines))
    return 0


def _check_output(out: Path) -> None:
    if out.suffix.lower() != ".pdf":
        raise InputError(f"--out {out}: the file name must end in .pdf")
    if not out.parent.is_dir():
        raise InputError(f"--out {out}: folder {out.parent} does not exist")


def run_acquire(args: argparse.Namespace) -> int:
    from app.capture.pages import DOCUMENT_DPI_FLOOR
    from app.capture.sources import CaptureError, ScanSettings, default_registry

    _check_output(args.out)
    if args.pages is not None and args.pages < 1:
        raise InputError(f"--pages {args.pages}: must be 1 or more")
    scanner = args.device.split(":", 1)[0] in SCANNER_PREFIXES
    if scanner and args.dpi < DOCUMENT_DPI_FLOOR:
        # Refuse before the feeder runs: the pipeline would refuse every page afterwards.
        raise InputError(f"--dpi {args.dpi}: documents are kept at {DOCUMENT_DPI_FLOOR} dpi or more")
    settings = ScanSettings(dpi=args.dpi, colour=args.scan_colour or SCAN_COLOUR_FOR_MODE[args.mode],
                            adf=args.adf or args.duplex, duplex=args.duplex, page_limit=args.pages)
    registry = default_registry(discover=False, folder_wait_s=args.folder_wait)
    progress = _Progress(quiet=getattr(args, "json", False))
    try:
        raws = registry.acquire(args.device, settings, on_page=progress.page)
    except CaptureError as error:
        if not error.pages:
            raise
        report = _write(args, error.pages)  # the pages the device did deliver are the person's work
        raise CaptureError(f"{error.message}; {len(error.pages)} page(s) saved to {report['out']}",
                           device_id=error.device_id, pages=error.pages) from error
    if not raws:
        raise InputError(f"{args.device}: no pages were captured, nothing written")
    report = _write(args, raws)
    # A watched folder sets aside files it cannot read (in failed/); the person must hear of them.
    report["problems"] = list(getattr(registry.source_for(args.device), "problems", []))
    human = f"{report['out']}: {report['pages']} page(s), {report['bytes']} bytes"
    if report["blank_skipped"]:
        human += f" ({report['blank_skipped']} blank page(s) left out)"
    human += "".join(f"\nproblem: {problem}" for problem in report["problems"])
    emit(args, report, human)
    return 0


def _write(args: argparse.Namespace, raws: list[Any]) -> dict[str, Any]:
    """Process the raw pages and write the PDF; a report for --json."""
    from app.capture.pdfa import write_pdf
    from app.capture.pipeline import process_page

    processed = [process_page(raw, args.mode) for raw in raws]
    kept = [page for page in processed if not (args.skip_blank and page.blank)]
    if not kept:
        raise InputError(f"{args.device}: every captured page was blank, nothing written")
    pdf = write_pdf(kept, args.out, title=args.title)
    return {"device": args.device, "out": str(args.out), "pages": len(kept), "bytes": pdf.bytes,
            "captured": len(raws), "blank_skipped": len(processed) - len(kept),
            "pdf": pdf.to_dict(), "sources": [page.source for page in kept]}


class _Progress:
    """One line per page on stderr while scanning, so a long feeder job shows life."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()

    def page(self, raw: Any) -> None:
        if not self.quiet:
            sys.stderr.write(f"{for_terminal(raw.source)}\n")
            sys.stderr.flush()
