"""Display words of the lifecycle: action and field names through tr() (statuses: ui/words.py).

The core names statuses and actions by code (app/statuses.py, app/lifecycle/machine.py); what a
person reads is here, translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.words import STATUS_CODES, status_text  # noqa: F401 - status words live in ui/words.py


ACTION_TEXTS: dict[str, Callable[[], str]] = {
    "handover": lambda: QCoreApplication.translate("Lifecycle", "Hand over to the processing body"),
    "receive_back": lambda: QCoreApplication.translate("Lifecycle", "Receive back from the processing body"),
    "request_supplement": lambda: QCoreApplication.translate("Lifecycle", "Request supplements"),
    "supplement_received": lambda: QCoreApplication.translate("Lifecycle", "Supplements received"),
    "refuse": lambda: QCoreApplication.translate("Lifecycle", "Refuse"),
    "apologise": lambda: QCoreApplication.translate("Lifecycle", "Apologise and set a new appointment"),
    "stop": lambda: QCoreApplication.translate("Lifecycle", "Stop processing"),
    "result_ready": lambda: QCoreApplication.translate("Lifecycle", "Result ready"),
    "return": lambda: QCoreApplication.translate("Lifecycle", "Return the result"),
    "withdraw": lambda: QCoreApplication.translate("Lifecycle", "Withdraw at the applicant's request"),
    "portal": lambda: QCoreApplication.translate("Lifecycle", "Change from the portal"),
}


FIELD_TEXTS: dict[str, Callable[[], str]] = {
    "reason": lambda: QCoreApplication.translate("Lifecycle", "Reason"),
    "items": lambda: QCoreApplication.translate("Lifecycle", "Items to complete"),
    "body": lambda: QCoreApplication.translate("Lifecycle", "Processing body"),
    "new_due": lambda: QCoreApplication.translate("Lifecycle", "New appointment"),
    "name": lambda: QCoreApplication.translate("Lifecycle", "Representative's name"),
    "id_number": lambda: QCoreApplication.translate("Lifecycle", "Representative's ID number"),
    "tracking": lambda: QCoreApplication.translate("Lifecycle", "Postal tracking number"),
    "note": lambda: QCoreApplication.translate("Lifecycle", "Note"),
    "documents": lambda: QCoreApplication.translate("Lifecycle", "Number of documents"),
    "to": lambda: QCoreApplication.translate("Lifecycle", "Received by"),
}


def action_text(name: str) -> str:
    known = ACTION_TEXTS.get(name.replace("-", "_"))
    return known() if known else name


def readable_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Problem parameters with status and action codes replaced by their display words."""
    out = dict(params)
    for key in ("status", "from", "to"):
        if isinstance(out.get(key), str) and out[key] in STATUS_CODES:
            out[key] = status_text(out[key])
    if isinstance(out.get("action"), str):
        out["action"] = action_text(out["action"])
    field = out.get("field")
    if isinstance(field, str) and field in FIELD_TEXTS:
        out["field"] = FIELD_TEXTS[field]()
    return out
