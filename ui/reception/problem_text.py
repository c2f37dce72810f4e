"""Problems of a reception, in the official's language.

The service names each problem's field ("applicant.id_number", "documents[1].received") and
explains it in English for logs and the intake command. The screen shows a translated sentence
chosen by the field (and, for the ID number, by the kind of problem); problems this table does
not know keep the service's own words, so nothing is ever hidden.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.identity.cccd import CccdLayoutError, CccdParseError
from app.reception.model import FieldProblem
from ui import problems

_INDEX = re.compile(r"\[\d+\]")


def _id_number(message: str) -> str:
    if "required" in message:
        return QCoreApplication.translate(
            "ReceptionProblems", "Enter the 12-digit personal ID number.")
    if "province" in message:
        return QCoreApplication.translate(
            "ReceptionProblems", "The first 3 digits of the ID number are not a province code.")
    if "match" in message or "century" in message or "sex" in message:
        return QCoreApplication.translate(
            "ReceptionProblems", "The ID number does not match the date of birth or the sex.")
    return QCoreApplication.translate("ReceptionProblems", "A personal ID number has 12 digits.")


def problem_text(problem: FieldProblem) -> str:
    """The sentence to show for `problem` on screen: its kind's, else one chosen by its field."""
    if problem.kind and (worded := problems.problem_text(problem.kind, problem.params)) is not None:
        return worded
    field, message = problem.field, problem.message
    generic = _INDEX.sub("[]", field)
    if field in ("applicant.id_number", "representative.id_number"):
        return _id_number(message)
    if field == "applicant.birth_date" and "future" in message:
        return QCoreApplication.translate("ReceptionProblems", "The date of birth is in the future.")
    if field == "applicant.birth_date":
        return QCoreApplication.translate("ReceptionProblems", "Check the date of birth.")
    fixed = {
        "applicant.full_name": QCoreApplication.translate(
            "ReceptionProblems", "Enter the applicant's full name."),
        "applicant.old_id_number": QCoreApplication.translate(
            "ReceptionProblems", "The old ID number has 9 or 12 digits."),
        "applicant.sex": QCoreApplication.translate(
            "ReceptionProblems", "Choose Nam or Nữ."),
        "applicant.id_issue_date": QCoreApplication.translate(
            "ReceptionProblems", "The issue date must not be in the future or before the birth date."),
        "applicant.phone": QCoreApplication.translate(
            "ReceptionProblems", "Check the phone number (e.g. 0912 345 678)."),
        "applicant.email": QCoreApplication.translate(
            "ReceptionProblems", "Check the e-mail address (e.g. ten@example.vn)."),
        "representative.full_name": QCoreApplication.translate(
            "ReceptionProblems", "Enter the representative's full name."),
        "representative.phone": QCoreApplication.translate(
            "ReceptionProblems", "Check the representative's phone number."),
        "documents": QCoreApplication.translate(
            "ReceptionProblems", "A required document of the checklist is missing."),
        "documents[].received": QCoreApplication.translate(
            "ReceptionProblems", "A required document is not ticked as received."),
        "missing_reason": QCoreApplication.translate(
            "ReceptionProblems", "Write why the dossier is accepted without the missing documents."),
        "delivery_address": QCoreApplication.translate(
            "ReceptionProblems", "Give the postal address for the result."),
        "visit_place": QCoreApplication.translate(
            "ReceptionProblems", "Say where the community team received the dossier."),
        "destination_unit": QCoreApplication.translate(
            "ReceptionProblems", "Give the destination unit's identifier, e.g. 000.00.06.H56."),
        "exempt_reason": QCoreApplication.translate(
            "ReceptionProblems", "Say why the fee is waived (e.g. poor household)."),
        "fee_pages": QCoreApplication.translate(
            "ReceptionProblems", "Enter the number of pages to charge."),
    }
    if generic in fixed:
        return fixed[generic]
    if field == "procedure_code":
        return message if "choose" not in message else QCoreApplication.translate(
            "ReceptionProblems", "Choose the procedure.")
    if field == "fee_amount" and "whole number" not in message:
        return QCoreApplication.translate("ReceptionProblems", "Enter the fee amount in đồng.")
    return message


_FIELD_COUNT = re.compile(r"got (\d+)")


def qr_problem_text(error: CccdParseError) -> str:
    """Why a chip-ID QR payload was refused, chosen by the field the parser names."""
    translate = QCoreApplication.translate
    if error.field is None:
        count = _FIELD_COUNT.search(error.message)
        if count:
            return translate("QrProblems", "it is not a chip-ID card QR (7 or 11 fields separated by | "
                             "expected, %1 found)").replace("%1", count.group(1))
        return translate("QrProblems", "it is not a chip-ID card QR")
    if error.field == "id_number":
        return _id_number(error.message)
    if isinstance(error, CccdLayoutError):
        return translate("QrProblems", "fields %1 of the card's QR hold data this version does not know; "
                         "type the details in").replace("%1", ", ".join(str(n) for n in error.filled))
    by_field = {
        "old_id_number": translate("QrProblems", "the old ID number on the card is not 9 or 12 digits"),
        "full_name": translate("QrProblems", "the name on the card is empty or unreadable"),
        "birth_date": translate("QrProblems", "the date of birth on the card is not a valid date"),
        "sex": translate("QrProblems", "the sex on the card is neither Nam nor Nữ"),
        "address": translate("QrProblems", "the address on the card is empty or unreadable"),
        "issue_date": translate("QrProblems",
                                "the issue date on the card is not valid or is before the date of birth"),
    }
    return by_field.get(error.field, error.message)
