"""Every setting the desk keeps in its store, declared once (after Picard's options).

A setting lives in the encrypted store's `settings` table as JSON under its key. Code never spells a
key: it names the Option declared here, which carries the key, the default and what it is for, so a
typo cannot create a second, silent setting and a reader finds every setting in one page.
tests/app/test_options.py fails when a key is spelled as a string anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OPTIONS: dict[str, Option] = {}


@dataclass(frozen=True)
class Option:
    """One setting: its key in the store, its value when never set, and what it holds."""

    key: str
    default: Any
    doc: str

    def __post_init__(self) -> None:
        if self.key in OPTIONS:
            raise ValueError(f"setting {self.key!r} is declared twice")
        OPTIONS[self.key] = self


# -- the unit's working calendar and limits ------------------------------------------------------
OFFICE_HOURS = Option("calendar.office_hours", None, "office hours, when an admin changed the default ones")
PORTAL_LIMITS = Option("sync.portal_limits", None, "the size limits the portal last published (app/limits.py)")

# -- dossier codes -------------------------------------------------------------------------------
OFFLINE_RANGES = Option("codes.offline_ranges", None,
                        "{unit: [start, end]}: this device's own offline number range in each unit it files for")
DEVICE_SLOT = Option("codes.device_slot", None, "the device's number in its unit (ranges before grants used it)")

# -- scanning ------------------------------------------------------------------------------------
ESCL_ADDRESSES = Option("capture.escl_addresses", [], "network scanners (eSCL) by address")
WATCH_FOLDERS = Option("capture.watch_folders", [], "folders scanners save into, watched at reception")
SCAN_DEVICE = Option("capture.device", "", "the scanner chosen last at reception")

# -- printed forms (app/forms/settings.py reads and checks them) -----------------------------------
RECEIPT_PAPER = Option("receipt.paper", "A5", "paper of the receipt: A5 (the legal size of Mẫu 01) or A4")
LOOKUP_URL = Option("receipt.lookup_url", None, "the portal's lookup address on receipts, {code} replaced")
SURVEY_URL = Option("receipt.survey_url", "", "the satisfaction survey address on receipts; empty: no survey QR")
PLACE_NAME = Option("unit.place_name", "", "the place in \"{Địa danh}, ngày … tháng … năm …\"")
PARENT_AGENCY = Option("unit.parent_agency", "", "the line above the unit's name in form headers")
HOTLINE = Option("unit.hotline", "", "the unit's hotline, printed in the footnotes when set")

# -- the dossier's life after reception (app/lifecycle) --------------------------------------------
APOLOGY_WINDOW_DAYS = Option("lifecycle.apology_window_days", 2,
                             "working days before the appointment from which an apology may be made")
RETENTION_DAYS = Option("lifecycle.retention_days", 90,
                        "days after the return before a confirmed dossier's personal data is purged")

# -- the desk's screens --------------------------------------------------------------------------
IDLE_LOCK_MINUTES = Option("security.idle_lock_minutes", 10, "minutes without input before the screen locks")
VIETQR_ACCOUNT = Option("payment.vietqr", None, "the unit's bank account for VietQR transfers")
PRINT_DIRECT = Option("printing.direct", False, "print receipts without the preview")
TRAINING_STORE = Option("desk.training", False,
                        "this store is a training store (app/training.py): sample data, marked on every "
                        "screen and printout, never sent to a portal")

# -- sync: enrolment, bookkeeping ----------------------------------------------------------------
PORTAL_URL = Option("sync.portal_url", None, "the portal this desk is enrolled with")
DEVICE_ID = Option("sync.device_id", None, "this device's id at the portal")
DEVICE_SECRET = Option("sync.device_secret", None, "this device's secret (kept only in the encrypted store)")
UNIT_CODE = Option("sync.unit_code", None, "the unit the portal enrolled this device in")
CITIZEN_URL = Option("sync.citizen_url", None,
                     "the portal's public address for the citizen pages (published in GET /v1/limits); "
                     "receipts' QR codes point there once the desk is enrolled")
PENDING_ENROLMENT = Option("sync.pending_enrolment", None,
                           "{token_sha256, secret, portal_url} of an enrolment sent but not yet answered")
CURSOR = Option("sync.cursor", 0, "how far the portal's change feed has been applied")
LAST_SUCCESS = Option("sync.last_success", None, "when a whole sync pass last went through")
LAST_ERROR = Option("sync.last_error", None, "the last pass's problem, for the Đồng bộ page")
LAST_ATTEMPT = Option("sync.last_attempt", None, "when a pass last ran")
ONLINE = Option("sync.online", None, "whether the last pass reached the portal")
AUTH_FAILED = Option("sync.auth_failed", None, "the portal's words when it refused this device, until re-enrolled")
METERED = Option("sync.metered", False, "hold scans back on a metered link")
BLOCK_REQUESTS = Option("sync.block_requests", {}, "{unit and day: idempotency key} of number blocks in flight")
CATALOG_ANNOUNCED = Option("sync.catalog_announced", None, "the newest catalogue version the portal announced")
BUNDLE_RESULTS = Option("sync.bundle_results", None, "results of USB bundles already applied")
BUNDLE_EXPORTED = Option("sync.bundle_exported", {}, "{outbox row id: bundle id} of rows put in a USB bundle")

# -- scheduled backups (app/store/scheduled_backup.py) -------------------------------------------
BACKUP_FOLDER = Option("backup.folder", "", "the folder daily backups go to (e.g. a USB drive); empty: none")
BACKUP_TIME = Option("backup.time", "12:00", "the time of day (HH:MM, local) the daily backup is due")
BACKUP_KEEP = Option("backup.keep", 14, "how many backups the folder keeps (the oldest beyond are removed)")
BACKUP_LAST_GOOD = Option("backup.last_good", None, "{at, file}: the newest backup written and verified")
BACKUP_LAST_PROBLEM = Option("backup.last_problem", None, "{at, kind, params}: why the last attempt failed")
