"""Dossier statuses: the internal state machine and its mapping to the national (DVCQG) codes.

Internal names follow domain.md §7.2; `dvcqg` is the national numeric `TrangThaiHoSo` and `state`
the national English state name. Timeliness (on time / late) is computed separately from due
times and is not a status. Sync state is also separate (see the outbox). Statuses are codes here:
the screens name them in the desk's language (ui/words.py), the printed forms in the legal
Vietnamese (app/forms/legal_text.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import InputError


@dataclass(frozen=True)
class Status:
    name: str
    dvcqg: int
    state: str
    clock_paused: bool = False
    final: bool = False


STATUSES: dict[str, Status] = {s.name: s for s in (
    Status("DA_TIEP_NHAN", 2, "new"),
    Status("TU_CHOI", 3, "denied", final=True),
    Status("DANG_XU_LY", 4, "processing"),
    Status("CHO_BO_SUNG", 5, "waiting", clock_paused=True),
    Status("CHO_NVTC", 6, "paying", clock_paused=True),
    Status("RUT", 7, "cancelled", final=True),
    Status("DUNG", 8, "unresolved", final=True),
    Status("CO_KET_QUA", 9, "releasing"),
    Status("DA_TRA", 10, "done", final=True),
)}

# Which status may follow which; anything else is refused rather than silently applied. A
# status may follow itself where a lifecycle action keeps it (handover to another body, receive
# back, apology with a new appointment: app/lifecycle/machine.py); refusal (TU_CHOI) is possible
# until the dossier is in process or waiting for supplements.
TRANSITIONS: dict[str, frozenset[str]] = {
    "DA_TIEP_NHAN": frozenset({"DA_TIEP_NHAN", "DANG_XU_LY", "CHO_BO_SUNG", "CHO_NVTC", "CO_KET_QUA",
                               "TU_CHOI", "RUT", "DUNG"}),
    "DANG_XU_LY": frozenset({"DANG_XU_LY", "CHO_BO_SUNG", "CHO_NVTC", "CO_KET_QUA", "TU_CHOI", "RUT",
                             "DUNG"}),
    "CHO_BO_SUNG": frozenset({"DANG_XU_LY", "TU_CHOI", "RUT", "DUNG"}),
    "CHO_NVTC": frozenset({"DANG_XU_LY", "RUT", "DUNG"}),
    "CO_KET_QUA": frozenset({"DA_TRA"}),
    "TU_CHOI": frozenset(), "RUT": frozenset(), "DUNG": frozenset(), "DA_TRA": frozenset(),
}

INITIAL_STATUS = "DA_TIEP_NHAN"


def status(name: str) -> Status:
    try:
        return STATUSES[name]
    except KeyError:
        raise InputError(f"status: {name!r} is not one of {', '.join(STATUSES)}") from None


def check_transition(current: str, new: str) -> None:
    """Refuse a status change the one-stop process does not allow."""
    status(new)
    if new not in TRANSITIONS[status(current).name]:
        raise InputError(f"status: a dossier in {current} cannot move to {new}")
