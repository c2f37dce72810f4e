"""The one table from problem kinds to the sentences a screen shows.

The core (`app/`, `sync/`) reports problems as a kind plus parameters (app/errors.py,
`FieldProblem`); it never chooses display text. This module words each kind with `tr()`, so the
Vietnamese screen reads Vietnamese whatever the core's English `message` says. A kind missing
here falls back to a plain translated sentence for its error class, never to the English message;
tests/ui/test_problem_kinds.py fails when a kind the core raises has no entry.

Parameters are substituted by name: "%(unit)" in a template takes `params["unit"]`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)
_PLACEHOLDER = re.compile(r"%\((\w+)\)")


# Each sentence is a lambda with a literal translate() call: translated when shown (the language
# can change while the app runs), and visible to pyside6-lupdate, which reads only literals.
# Keep each sentence whole (no gluing of fragments): translators need the context.
TEXTS: dict[str, Callable[[], str]] = {
    "reception.not_authorised_for_unit": lambda: QCoreApplication.translate(
        "Problems", "This desk is not authorised to receive dossiers for unit %(unit); the portal "
                    "administrator must grant it, then synchronise."),
    "capture.scan_folder_missing": lambda: QCoreApplication.translate(
        "Problems", "The folder %(folder) does not exist on this computer; nothing was saved."),
    "capture.scanner_address_bad": lambda: QCoreApplication.translate(
        "Problems", "“%(address)” is not a scanner address: write it as 192.168.1.20 or http://scanner.local; "
                    "nothing was saved."),
    # Lifecycle refusals (app/lifecycle); status and action parameters arrive as display words.
    "lifecycle.unknown_action": lambda: QCoreApplication.translate(
        "Problems", "%(action) is not an action on a dossier."),
    "lifecycle.not_in_status": lambda: QCoreApplication.translate(
        "Problems", "“%(action)” is not possible for a dossier whose status is “%(status)”; nothing was changed."),
    "lifecycle.role_may_not": lambda: QCoreApplication.translate(
        "Problems", "Your role does not allow “%(action)”; nothing was changed."),
    "lifecycle.detail_required": lambda: QCoreApplication.translate(
        "Problems", "“%(action)” needs the field %(field); fill it in and confirm again."),
    "lifecycle.bad_value": lambda: QCoreApplication.translate(
        "Problems", "The field %(field) is not valid; nothing was changed."),
    "lifecycle.too_long": lambda: QCoreApplication.translate(
        "Problems", "The field %(field) is longer than the %(max) characters allowed."),
    "lifecycle.too_many": lambda: QCoreApplication.translate(
        "Problems", "The field %(field) has more than the %(max) entries allowed."),
    "lifecycle.not_late": lambda: QCoreApplication.translate(
        "Problems", "The dossier is not late and not due within %(days) working days (appointment "
                    "%(due)): no apology is needed."),
    "lifecycle.new_due_not_later": lambda: QCoreApplication.translate(
        "Problems", "The new appointment %(new_due) must be later than now and than the current "
                    "appointment %(due)."),
    "lifecycle.bad_fee": lambda: QCoreApplication.translate(
        "Problems", "The fee collected must be a whole amount from 0 to the %(due) VND still due."),
    "lifecycle.no_dossier": lambda: QCoreApplication.translate(
        "Problems", "There is no dossier %(code) on this desk."),
    "lifecycle.no_code": lambda: QCoreApplication.translate(
        "Problems", "No dossier code was found in what was scanned or typed; scan the QR on the "
                    "receipt again or type the code."),
    "lifecycle.purged": lambda: QCoreApplication.translate(
        "Problems", "The personal data of dossier %(code) has been removed; the dossier is closed."),
    "lifecycle.purge_not_returned": lambda: QCoreApplication.translate(
        "Problems", "Dossier %(code) cannot be purged: its result has not been returned (status %(status))."),
    "lifecycle.purge_not_confirmed": lambda: QCoreApplication.translate(
        "Problems", "Dossier %(code) cannot be purged: the portal has not confirmed %(waiting) of its "
                    "changes yet. Synchronise first."),
    "lifecycle.purge_too_early": lambda: QCoreApplication.translate(
        "Problems", "Dossier %(code) is kept until %(until) (%(days) days after the return)."),
    "lifecycle.portal_status_refused": lambda: QCoreApplication.translate(
        "Problems", "Not applied: the portal changed dossier %(code) from “%(from)” to “%(to)”, which the "
                    "process does not allow. Check the dossier with the processing body."),
}

# Error classes (MotcuaError.code) worded when their kind has no sentence of its own.
CLASS_TEXTS: dict[str, Callable[[], str]] = {
    "input": lambda: QCoreApplication.translate(
        "Problems", "Something entered or chosen is not valid. Check the marked fields and try again."),
    "not_found": lambda: QCoreApplication.translate("Problems", "What was asked for could not be found."),
    "auth": lambda: QCoreApplication.translate(
        "Problems", "Signing in did not succeed, or your role does not allow this."),
    "locked_out": lambda: QCoreApplication.translate(
        "Problems", "This account is locked for a while after too many wrong passwords."),
    "permission": lambda: QCoreApplication.translate("Problems", "Your role does not allow this."),
    "store": lambda: QCoreApplication.translate("Problems", "The data on this computer cannot be used right now."),
    "store_corrupt": lambda: QCoreApplication.translate("Problems", "The data file on this computer is damaged."),
    "store_too_new": lambda: QCoreApplication.translate(
        "Problems", "The data on this computer was written by a newer version of MotCua Desk."),
}


def generic_text() -> str:
    return QCoreApplication.translate("Problems", "The operation could not be completed. The details are in "
                                                  "the log file.")


def fill(template: str, params: Mapping[str, Any]) -> str:
    """`template` with each %(name) replaced by its parameter (a missing one stays visible)."""
    return _PLACEHOLDER.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0),
                            template)


def problem_text(kind: str, params: Mapping[str, Any] | None = None, *, code: str = "") -> str | None:
    """The sentence for a problem `kind`, or for its error class `code`; None when neither is known."""
    sentence = TEXTS.get(kind) or CLASS_TEXTS.get(code)
    if sentence is None:
        return None
    if kind.startswith("lifecycle."):
        from ui.lifecycle_text import readable_params

        params = readable_params(params or {})
    return fill(sentence(), params or {})


def error_sentence(kind: str, params: Mapping[str, Any] | None, code: str, english: str) -> str:
    """What to show for an error: its kind's sentence, its class's, or the generic one. The
    English message goes to the log, so support can still read what happened."""
    text = problem_text(kind, params, code=code)
    if text is None or kind not in TEXTS:
        log.info("shown without a sentence of its own (kind %s): %s", kind, english)
    return text or generic_text()
