"""Sentences of reception problems (app/reception) and of refused chip-ID QR codes (app/identity).

A reception problem is shown next to the field it concerns, so its sentence is short and need
not name the field. A QR problem is a clause completing "The ID card QR could not be used: …".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for

TEXTS: dict[str, Callable[[], str]] = {
    "reception.received_in_future": lambda: translate("ReceptionProblems", "The reception time %(moment) is in the future."),
    "reception.due_outside_calendar": lambda: translate("ReceptionProblems", 
        "The appointment falls outside the working calendar; check the reception date and the procedure's "
        "time limit."),
    "reception.not_text": lambda: translate("ReceptionProblems", "This must be text."),
    "reception.text_too_long": lambda: translate("ReceptionProblems", "Too long: %(count) characters, at most %(max)."),
    "reception.text_bad_character": lambda: translate("ReceptionProblems", 
        "Character %(position) (%(code)) cannot be kept in a form field (a control, direction or invisible "
        "character); type the text again."),
    "reception.sets_out_of_range": lambda: translate("ReceptionProblems", "The number of dossier sets is a whole number from 1 to %(max)."),
    "reception.too_many_documents": lambda: translate("ReceptionProblems", "%(count) documents is more than the %(max) a dossier may have."),
    "reception.too_many_pages": lambda: translate("ReceptionProblems", "%(count) page files is more than the %(max) a dossier may have."),
    "reception.name_required": lambda: translate("ReceptionProblems", "Enter the applicant's full name."),
    "reception.old_id_bad": lambda: translate("ReceptionProblems", "The old ID number has 9 or 12 digits."),
    "reception.sex_bad": lambda: translate("ReceptionProblems", "Choose Nam or Nữ."),
    "reception.birth_date_in_future": lambda: translate("ReceptionProblems", "The date of birth %(date) is in the future."),
    "reception.issue_date_in_future": lambda: translate("ReceptionProblems", "The issue date %(date) is in the future."),
    "reception.issue_date_before_birth": lambda: translate("ReceptionProblems", "The issue date must be after the date of birth."),
    "reception.value_not_allowed": lambda: translate("ReceptionProblems", "%(value) is not one of the allowed values."),
    "reception.id_required": lambda: translate("ReceptionProblems", "Enter the 12-digit personal ID number."),
    "reception.id_length": lambda: translate("ReceptionProblems", "A personal ID number has 12 digits; this one has %(count)."),
    "reception.id_province": lambda: translate("ReceptionProblems", "The first 3 digits of the ID number (%(prefix)) are not a province code."),
    "reception.birth_year_out_of_range": lambda: translate("ReceptionProblems", 
        "An ID number holds a year of birth from 1900 to 2399 only; check the date of birth."),
    "reception.id_mismatch": lambda: translate("ReceptionProblems", 
        "The ID number does not match the date of birth %(date) and the sex %(sex) (digits 4–6 hold the "
        "century, the sex and the year of birth)."),
    "reception.phone_bad": lambda: translate("ReceptionProblems", "Check the phone number (e.g. 0912 345 678)."),
    "reception.email_bad": lambda: translate("ReceptionProblems", "Check the e-mail address (e.g. ten@example.vn)."),
    "reception.representative_name_required": lambda: translate("ReceptionProblems", "Enter the representative's full name."),
    "reception.procedure_required": lambda: translate("ReceptionProblems", "Choose the procedure."),
    "reception.procedure_not_in_force": lambda: translate("ReceptionProblems", 
        "No procedure %(code) is in force on %(date) in this desk's catalogue."),
    "reception.procedure_without_time_limit": lambda: translate("ReceptionProblems", 
        "Procedure %(code) has no time limit in the catalogue, so no appointment can be given; ask the "
        "administrator to complete it."),
    "reception.document_name_required": lambda: translate("ReceptionProblems", "Document %(number) has no name."),
    "reception.copies_too_few": lambda: translate("ReceptionProblems", "Enter at least 1 copy of %(name)."),
    "reception.pages_of_unreceived_document": lambda: translate("ReceptionProblems", 
        "%(name) has scanned pages but is not ticked as received."),
    "reception.document_not_received": lambda: translate("ReceptionProblems", 
        "The required document %(name) is not received: receive it, or write why the dossier is accepted "
        "without it."),
    "reception.checklist_document_missing": lambda: translate("ReceptionProblems", 
        "The required document %(name) of the checklist is missing: add it, or write why the dossier is "
        "accepted without it."),
    "reception.page_address_bad": lambda: translate("ReceptionProblems", "A scanned page was not kept properly; capture it again."),
    "reception.scanned_page_lost": lambda: translate("ReceptionProblems", "A scanned page is missing or damaged; capture it again."),
    "reception.channel_not_offered": lambda: translate("ReceptionProblems", "Procedure %(code) cannot be submitted through this channel."),
    "reception.destination_only_by_post": lambda: translate("ReceptionProblems", "Only a post-office agent chooses a destination unit."),
    "reception.destination_unit_bad": lambda: translate("ReceptionProblems", 
        "%(unit) is not a unit identifier; give one like 000.00.06.H56."),
    "reception.visit_place_required": lambda: translate("ReceptionProblems", "Say where the community team received the dossier."),
    "reception.delivery_address_required": lambda: translate("ReceptionProblems", "Give the postal address for the result."),
    "reception.exempt_reason_required": lambda: translate("ReceptionProblems", "Say why the fee is waived (e.g. poor household)."),
    "reception.count_too_small": lambda: translate("ReceptionProblems", "Enter a whole number of at least 1."),
    "reception.fee_pages_required": lambda: translate("ReceptionProblems", "Enter the number of pages to charge."),
    "reception.fee_amount_bad": lambda: translate("ReceptionProblems", "Enter the fee amount in đồng."),
    "reception.fee_amount_fixed": lambda: translate("ReceptionProblems", 
        "The fee follows the catalogue rule (%(amount)); leave the amount empty."),
    "reception.fee_amount_required": lambda: translate("ReceptionProblems", "Enter the fee amount in đồng."),
    "reception.fee_amount_as_noted": lambda: translate("ReceptionProblems", "Enter the fee amount: %(note)"),
    "reception.not_authorised_for_unit": lambda: translate(
        "Problems", "This desk is not authorised to receive dossiers for unit %(unit); the portal "
                    "administrator must grant it, then synchronise."),
    "dossiers.code_empty": lambda: translate(
        "ReceptionProblems", "Give a dossier code like 000.00.06.H56-251124-0001."),
    "dossiers.not_found": lambda: translate("ReceptionProblems", "There is no dossier %(code) on this desk."),
    "reception.draft_missing": lambda: translate("ReceptionProblems", "The unfinished reception is no longer there."),
    "reception.draft_damaged": lambda: translate("ReceptionProblems", "The unfinished reception could not be read back; enter it again."),
    # Chip-ID QR codes: clauses of "The ID card QR could not be used: %1. Nothing was changed."
    "qr.not_cccd": lambda: translate("QrProblems", "it is not a chip-ID card QR"),
    "qr.field_count": lambda: translate("QrProblems", 
        "it is not a chip-ID card QR (7 or 11 fields separated by | expected, %(count) found)"),
    "qr.unknown_layout": lambda: translate("QrProblems", 
        "fields %(fields) of the card's QR hold data this version does not know; type the details in"),
    "qr.id_number_bad": lambda: translate("QrProblems", "the ID number on the card is not 12 digits"),
    "qr.id_number_province": lambda: translate("QrProblems", "the first 3 digits of the ID number on the card are not a province code"),
    "qr.id_number_mismatch": lambda: translate("QrProblems", "the ID number on the card does not match its date of birth or sex"),
    "qr.birth_year_out_of_range": lambda: translate("QrProblems", "the year of birth on the card is outside 1900–2399"),
    "qr.old_id_number_bad": lambda: translate("QrProblems", "the old ID number on the card is not 9 or 12 digits"),
    "qr.full_name_empty": lambda: translate("QrProblems", "the name on the card is empty or unreadable"),
    "qr.birth_date_bad": lambda: translate("QrProblems", "the date of birth on the card is not a valid date"),
    "qr.sex_bad": lambda: translate("QrProblems", "the sex on the card is neither Nam nor Nữ"),
    "qr.address_empty": lambda: translate("QrProblems", "the address on the card is empty or unreadable"),
    "qr.issue_date_bad": lambda: translate("QrProblems", "the issue date on the card is not valid or is before the date of birth"),
}
