"""The one table from problem kinds to the sentences a screen shows.

The core (`app/`, `sync/`) reports problems as a kind plus parameters (app/errors.py,
`FieldProblem`, sync/problems.py); it never chooses display text. The sentences live in
ui/problem_texts/ (one module per part of the desk) and are merged here; each is worded with
`tr()`, so the Vietnamese screen reads Vietnamese whatever the core's English `message` says. A
kind missing here falls back to a plain translated sentence for its error class, never to the
English message; tests/ui/test_problem_kinds.py fails when a kind the core raises has no entry.

Parameters are substituted by name: "%(unit)" in a template takes `params["unit"]`. A parameter
the portal gave in both its languages comes as `name_vi` and `name_en`; "%(name)" takes the one
in the screen's language. Code parameters (a scan colour) are worded here too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from ui.problem_texts import capture, forms, lifecycle, listing, reception, reports, store, sync

log = logging.getLogger(__name__)
_PLACEHOLDER = re.compile(r"%\((\w+)\)")

TEXTS: dict[str, Callable[[], str]] = {
    **reception.TEXTS, **capture.TEXTS, **sync.TEXTS, **store.TEXTS, **forms.TEXTS, **lifecycle.TEXTS,
    **reports.TEXTS, **listing.TEXTS}

# Error classes (MotcuaError.code) worded when their kind has no sentence of its own.
CLASS_TEXTS: dict[str, Callable[[], str]] = {
    "input": lambda: QCoreApplication.translate(
        "Problems", "Something entered or chosen is not valid. Check the marked fields and try again."),
    "reception_invalid": lambda: QCoreApplication.translate(
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
    "cccd_parse": lambda: QCoreApplication.translate("QrProblems", "it is not a chip-ID card QR"),
    **capture.CLASS_TEXTS,
    **sync.CLASS_TEXTS,
    **store.CLASS_TEXTS,
}

# Parameters that hold a code rather than data: each value worded in the screen's language.
CODE_WORDS: dict[str, dict[str, Callable[[], str]]] = {"colour": capture.COLOURS}


def generic_text() -> str:
    return QCoreApplication.translate("Problems", "The operation could not be completed. The details are in "
                                                  "the log file.")


def _vietnamese() -> bool:
    return QLocale().language() == QLocale.Language.Vietnamese


def _value(name: str, params: Mapping[str, Any]) -> str | None:
    """The text of parameter `name`: the language-matching half of a bilingual one, a code's word,
    a large number grouped the local way, else the value as it is; None when there is none."""
    if name not in params:
        chosen = params.get(f"{name}_vi" if _vietnamese() else f"{name}_en")
        # The portal's words end a clause of ours: its own final full stop would double ours.
        return None if chosen is None else str(chosen).rstrip(" .")
    value = params[name]
    words = CODE_WORDS.get(name, {}).get(str(value))
    if words is not None:
        return words()
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return QLocale().toString(value)  # 1.000.000 in Vietnamese; years and codes come as text
    return str(value)


def fill(template: str, params: Mapping[str, Any]) -> str:
    """`template` with each %(name) replaced by its parameter (a missing one stays visible)."""
    def one(match: re.Match[str]) -> str:
        value = _value(match.group(1), params)
        return match.group(0) if value is None else value
    return _PLACEHOLDER.sub(one, template)


def problem_text(kind: str, params: Mapping[str, Any] | None = None, *, code: str = "") -> str | None:
    """The sentence for a problem `kind`, or for its error class `code`; None when neither is known."""
    sentence = TEXTS.get(kind) or CLASS_TEXTS.get(code) or CLASS_TEXTS.get(kind)
    if sentence is None:
        return None
    if kind.startswith("lifecycle."):
        from ui.lifecycle_text import readable_params

        params = readable_params(params or {})
    return fill(sentence(), params or {})


def worded(problem: Any) -> str:
    """The sentence for anything that has a `kind` and `params` (a SyncProblem, a FieldProblem)."""
    return problem_text(problem.kind, problem.params) or generic_text()


def error_sentence(kind: str, params: Mapping[str, Any] | None, code: str, english: str) -> str:
    """What to show for an error: its kind's sentence, its class's, or the generic one. The
    English message goes to the log, so support can still read what happened."""
    text = problem_text(kind, params, code=code)
    if text is None or kind not in TEXTS:
        log.info("shown without a sentence of its own (kind %s): %s", kind, english)
    return text or generic_text()
