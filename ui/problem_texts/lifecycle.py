"""Sentences of refused lifecycle actions (app/lifecycle); status and action parameters arrive as
display words (ui/lifecycle_text.readable_params)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

TEXTS: dict[str, Callable[[], str]] = {
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
