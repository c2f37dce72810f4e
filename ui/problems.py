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
    "list.reversed_dates": lambda: QCoreApplication.translate(
        "Problems", "The reception dates are reversed: from %(from) is after to %(to)."),
    "list.bad_date": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a date; write it as 25/11/2026."),
    "list.unknown_status": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a dossier status."),
    "list.unknown_channel": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a reception channel (desk, post office, community team)."),
    "list.unknown_sync_state": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a sync state (local, waiting, sent, refused)."),
    "list.unknown_due_window": lambda: QCoreApplication.translate(
        "Problems", "“%(value)” is not a due window: choose overdue, today or 1 to %(max) working days."),
    "list.unknown_sort": lambda: QCoreApplication.translate(
        "Problems", "The list cannot be sorted by “%(value)”."),
    "list.unknown_procedure": lambda: QCoreApplication.translate(
        "Problems", "No procedure with code “%(value)” is in the catalogue."),
    "list.unknown_official": lambda: QCoreApplication.translate(
        "Problems", "No official with user name “%(value)” works on this desk."),
    "list.search_too_long": lambda: QCoreApplication.translate(
        "Problems", "The search text is longer than %(max) characters; search for a name, a code or an ID "
                    "number."),
    "list.bad_windows": lambda: QCoreApplication.translate(
        "Problems", "Warning thresholds must be whole numbers of working days from 1 to %(max)."),
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
    return fill(sentence(), params or {}) if sentence else None


def error_sentence(kind: str, params: Mapping[str, Any] | None, code: str, english: str) -> str:
    """What to show for an error: its kind's sentence, its class's, or the generic one. The
    English message goes to the log, so support can still read what happened."""
    text = problem_text(kind, params, code=code)
    if text is None or kind not in TEXTS:
        log.info("shown without a sentence of its own (kind %s): %s", kind, english)
    return text or generic_text()
