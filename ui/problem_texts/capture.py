"""Sentences of capture problems: files refused at import or attach (app/capture/imports.py,
app/capture/page_files.py), warnings on pages kept below the resolution that keeps small print
legible (app/capture/pipeline.py, shown on the page's thumbnail) and
scanner failures (app/capture/sources). Each names the file, page or scanner it concerns.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

TEXTS: dict[str, Callable[[], str]] = {
    "capture.file_missing": lambda: translate("CaptureProblems", "%(file): the file no longer exists."),
    "capture.not_a_file": lambda: translate("CaptureProblems", "%(file) is a folder, not a file."),
    "capture.file_empty": lambda: translate("CaptureProblems", "%(file): the file is empty (0 bytes)."),
    "capture.file_unreadable": lambda: translate(
        "CaptureProblems", "%(file): the file cannot be read; check that it is still there and that you may "
                           "open it."),
    "capture.file_not_page": lambda: translate(
        "CaptureProblems", "%(file): not an image or a PDF; use JPEG, PNG, TIFF or PDF."),
    "capture.file_too_big": lambda: translate(
        "CaptureProblems", "%(file) is larger than the %(megabytes) MB a page file may have."),
    "capture.image_too_large": lambda: translate(
        "CaptureProblems", "%(file): the image is far too large to be a page; it was refused."),
    "capture.image_damaged": lambda: translate(
        "CaptureProblems", "%(file): the file is damaged or incomplete; copy or scan it again."),
    "capture.page_damaged": lambda: translate(
        "CaptureProblems", "%(file), page %(page): the page is damaged or incomplete; copy or scan it again."),
    "capture.file_changed": lambda: translate(
        "CaptureProblems", "%(file) changed while it was being received; attach it again."),
    "capture.pdf_damaged": lambda: translate(
        "CaptureProblems", "%(file): the PDF is damaged; copy or scan it again."),
    "capture.pdf_no_pages": lambda: translate("CaptureProblems", "%(file): the PDF has no pages."),
    "capture.pdf_too_many_pages": lambda: translate(
        "CaptureProblems", "%(file): %(count) pages is more than the %(max) a dossier may have."),
    "capture.pdf_encrypted": lambda: translate(
        "CaptureProblems", "%(file): the PDF is protected by a password; save an unprotected copy and import "
                           "that."),
    "capture.pdf_active_content": lambda: translate(
        "CaptureProblems", "%(file): the PDF contains scripts or actions, which are not accepted; print it to a "
                           "new PDF or scan the paper."),
    "capture.resolution_too_low": lambda: translate(
        "CaptureProblems", "%(source), page %(page): %(dpi) dpi is too low to be read reliably; scan again at "
                           "%(floor) dpi or more."),
    "capture.photo_too_far": lambda: translate(
        "CaptureProblems", "%(source): the sheet is too small in the photo to be read reliably; take the photo "
                           "closer, filling the picture with the sheet."),
    "capture.qr_not_found": lambda: translate("CaptureProblems", "%(file): no QR code was found in the picture."),
    "capture.qr_reader_missing": lambda: translate(
        "CaptureProblems", "Reading a QR code from a picture needs a part that is not installed (%(program))."),
    "capture.camera_empty_picture": lambda: translate(
        "CaptureProblems", "The camera gave an empty picture; take the photo again."),
    "capture.ocr_data_missing": lambda: translate(
        "CaptureProblems", "The text-recognition data for %(language) is not installed; ask the administrator "
                           "to reinstall MotCua Desk."),
    "capture.ocr_failed": lambda: translate("CaptureProblems", "The text on the page could not be recognised."),
    "capture.scan_folder_missing": lambda: translate(
        "Problems", "The folder %(folder) does not exist on this computer; nothing was saved."),
    "capture.scanner_address_bad": lambda: translate(
        "Problems", "“%(address)” is not a scanner address: write it as 192.168.1.20 or http://scanner.local; "
                    "nothing was saved."),
    "capture.scanner_refused_settings": lambda: translate(
        "CaptureProblems", "The scanner %(device) refused the scan settings; choose another resolution or "
                           "colour."),
    "capture.scanner_busy": lambda: translate(
        "CaptureProblems", "The scanner %(device) is busy; try again when it is idle."),
    "capture.scanner_http_error": lambda: translate(
        "CaptureProblems", "The scanner %(device) answered with an error (HTTP %(status)); try again, or "
                           "restart the scanner."),
    "capture.scanner_no_duplex": lambda: translate("CaptureProblems", "The scanner %(device) cannot scan both sides."),
    "capture.scanner_no_feeder": lambda: translate("CaptureProblems", "The scanner %(device) has no document feeder."),
    "capture.scanner_cannot_scan": lambda: translate(
        "CaptureProblems", "The scanner %(device) offers no way of scanning this program can use."),
    "capture.scanner_no_colour_mode": lambda: translate(
        "CaptureProblems", "The scanner %(device) cannot scan in %(colour)."),
    "capture.scanner_no_jpeg": lambda: translate(
        "CaptureProblems", "The scanner %(device) does not send pages as JPEG, which this program needs."),
    "capture.scanner_lost_at_page": lambda: translate(
        "CaptureProblems", "The scanner %(device) stopped answering at page %(page)."),
    "capture.scanner_page_cut_off": lambda: translate(
        "CaptureProblems", "Page %(page) from the scanner %(device) was cut off; scan it again."),
    "capture.scanner_no_page": lambda: translate(
        "CaptureProblems", "The scanner %(device) finished without a page: is there paper on the glass or in "
                           "the feeder?"),
    "capture.scanner_software_missing": lambda: translate(
        "CaptureProblems", "The scanner software (%(program)) is not installed on this computer."),
    "capture.scanner_not_answering": lambda: translate(
        "CaptureProblems", "The scanner %(device) does not answer; check that it is on and connected."),
    "capture.scanner_cannot_open": lambda: translate(
        "CaptureProblems", "The scanner %(device) could not be opened; check that it is on and connected."),
    "capture.scanner_jammed": lambda: translate(
        "CaptureProblems", "Paper jammed in the scanner %(device) at page %(page); clear it and scan again."),
}

# Error classes of app/capture/sources/base.py, for scanner failures without a kind of their own.
CLASS_TEXTS: dict[str, Callable[[], str]] = {
    "capture": lambda: translate("CaptureProblems", "The scanner %(device) could not finish the job."),
    "capture_device_lost": lambda: translate(
        "CaptureProblems", "The scanner %(device) stopped answering in the middle of the job."),
    "capture_bad_response": lambda: translate(
        "CaptureProblems", "The scanner %(device) sent something this program cannot read; scan again, or "
                           "restart the scanner."),
    "capture_no_paper": lambda: translate(
        "CaptureProblems", "The document feeder is empty: put the pages in and scan again."),
}

# Scan colour codes (ScanSettings.colour) as a sentence names them.
COLOURS: dict[str, Callable[[], str]] = {
    "color": lambda: translate("CaptureProblems", "colour"),
    "gray": lambda: translate("CaptureProblems", "greyscale"),
    "bw": lambda: translate("CaptureProblems", "black and white"),
}
