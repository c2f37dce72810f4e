"""Sentences of sync problems: a pass's trouble with the portal (sync/engine.py and its parts),
items the portal refused, enrolment and USB bundles. The portal's own words come as the
`reason` parameter, in the screen's language (ui/problems.py picks `reason_vi` or `reason_en`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

TEXTS: dict[str, Callable[[], str]] = {
    # The portal refused an item: its own words are the whole sentence (the queue's column says so).
    "sync.portal_refused": lambda: "%(reason)",
    "sync.portal_unreachable": lambda: translate(
        "SyncProblems", "The portal cannot be reached; the desk retries by itself."),
    "sync.portal_busy": lambda: translate(
        "SyncProblems", "The portal is busy or had an error (HTTP %(status)); the desk retries by itself."),
    "sync.portal_problem": lambda: translate(
        "SyncProblems", "The portal answered with a problem; the details are in the log file."),
    "sync.local_page_unreadable": lambda: translate(
        "SyncProblems", "The scanned page %(page)… cannot be read on this computer; open the dossier and "
                        "capture the page again."),
    "sync.outgoing_data_invalid": lambda: translate(
        "SyncProblems", "The dossier's data is not valid in the field %(field); it cannot be sent as it is."),
    "sync.outbox_kind_unsupported": lambda: translate(
        "SyncProblems", "This version cannot send a change of the kind %(kind)."),
    "sync.change_not_applied": lambda: translate(
        "SyncProblems", "A change from the portal (number %(seq)) could not be applied; the details are in "
                        "the log file."),
    "sync.catalog_versions_kept": lambda: translate(
        "SyncProblems", "The province's catalogue changed %(count) procedure version(s) that dossiers were "
                        "received under; this desk keeps them as they were."),
    "sync.portal_answer_malformed": lambda: translate(
        "SyncProblems", "The portal's answer was malformed; the desk tries again at the next sync. The "
                        "details are in the log file."),
    "sync.feed_failed": lambda: translate(
        "SyncProblems", "The portal did not send its news (HTTP %(status)); the desk tries again at the next "
                        "sync."),
    "sync.number_block_refused": lambda: translate(
        "SyncProblems", "The portal gave no dossier numbers for unit %(unit): %(reason)"),
    "sync.number_block_unusable": lambda: translate(
        "SyncProblems", "The dossier numbers the portal gave for unit %(unit) cannot be used; the details "
                        "are in the log file."),
    "sync.audit_log_mismatch": lambda: translate(
        "SyncProblems", "The portal's record of this desk's audit log does not match it: the log may have "
                        "been altered. Tell the administrator."),
    "sync.audit_anchor_not_kept": lambda: translate(
        "SyncProblems", "The portal did not keep this desk's audit record (HTTP %(status)); the desk tries "
                        "again at the next sync."),
    "sync.device_units_failed": lambda: translate(
        "SyncProblems", "The portal did not say which units this desk serves (HTTP %(status)); the desk "
                        "tries again at the next sync."),
    "sync.device_refused": lambda: translate(
        "SyncProblems", "The portal refused this desk's credentials (%(reason)); an administrator must enrol "
                        "the desk again."),
    # Training mode (app/training.py): sample data never leaves the desk.
    "training.not_synced": lambda: translate(
        "SyncProblems", "This is the training store (sample data): it is never sent to the portal, by sync, "
                        "enrolment or USB bundle."),
    "training.not_training_store": lambda: translate(
        "SyncProblems", "The training folder holds a store that is not a training store; it was not touched. "
                        "Ask your administrator."),
    "sync.not_enrolled": lambda: translate(
        "SyncProblems", "This desk is not enrolled with a portal yet, so nothing is sent. An administrator "
                        "enrols it on the Sync page."),
    "sync.enrol_admin_only": lambda: translate("SyncProblems", "Only an administrator may enrol this desk."),
    "sync.enrol_token_missing": lambda: translate("SyncProblems", "Enter the one-time token."),
    "sync.portal_url_bad": lambda: translate(
        "SyncProblems", "“%(url)” is not a portal address; write it like https://dichvucong.example.gov.vn."),
    "sync.portal_url_not_https": lambda: translate(
        "SyncProblems", "The portal address %(url) must start with https:// (plain http:// is only for this "
                        "computer itself)."),
    "sync.enrol_portal_unreachable": lambda: translate(
        "SyncProblems", "The portal %(portal) cannot be reached; nothing changed. Check the address and the "
                        "network, then try again with the same token."),
    "sync.enrol_token_refused": lambda: translate(
        "SyncProblems", "The portal refused the token (%(reason)). Ask the portal administrator for a new "
                        "one-time token."),
    "sync.enrol_refused": lambda: translate(
        "SyncProblems", "The portal refused the enrolment (%(reason)); nothing changed."),
    "sync.enrol_answer_malformed": lambda: translate(
        "SyncProblems", "The portal's answer to the enrolment was malformed; nothing changed. Try again with "
                        "the same token."),
    "sync.enrol_wrong_unit": lambda: translate(
        "SyncProblems", "The token enrols a desk of unit %(token_unit), but this desk serves %(desk_unit); ask "
                        "for a token of the right unit."),
    "sync.nothing_to_export": lambda: translate(
        "SyncProblems", "Nothing is waiting to be sent, so no bundle was written. Items already in an earlier "
                        "bundle stay out until it is delivered."),
    "sync.bundle_page_unreadable": lambda: translate(
        "SyncProblems", "A scanned page of dossier %(code) cannot be read; no bundle was written."),
    "sync.outbox_item_missing": lambda: translate("SyncProblems", "This item is no longer in the queue."),
    "sync.outbox_item_already_sent": lambda: translate(
        "SyncProblems", "The portal has already accepted this item; there is nothing to retry."),
}

CLASS_TEXTS: dict[str, Callable[[], str]] = {
    "portal_unreachable": lambda: translate("SyncProblems", "The portal cannot be reached; nothing changed."),
}
