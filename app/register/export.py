"""Writing the register of a period to a file, the format chosen by the file's extension:
.pdf (the printed form), .xlsx (Excel) or .csv. The file appears whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.errors import InputError
from app.files import write_atomically
from app.register.rows import Register, load_register
from app.reports.period import Period

if TYPE_CHECKING:  # the type only: importing the store here is not needed
    from app.store.service import Store

FORMATS = (".pdf", ".xlsx", ".csv")


def writer_for(out: Path) -> Callable[[Register], bytes]:
    """The function that renders a register for `out`'s extension; InputError for any other."""
    suffix = Path(out).suffix.lower()
    if suffix == ".pdf":
        from app.register.pdf import render_register_pdf

        return render_register_pdf
    if suffix == ".xlsx":
        from app.register.xlsx import render_register_xlsx

        return render_register_xlsx
    if suffix == ".csv":
        from app.register.csvfile import render_register_csv

        return render_register_csv
    shown = Path(out).name if len(Path(out).name) <= 40 else Path(out).name[:40] + "…"
    raise InputError(f"--out: {shown!r} must end in .pdf, .xlsx or .csv (the format of the register)",
                     kind="reports.register_format", params={"name": shown})


def export_register(session: Session, period: Period, out: Path) -> tuple[Path, int]:
    """Write the register of `period` to `out`; returns the path and the number of rows."""
    render = writer_for(out)  # an unknown format fails before anything is read
    register = load_register(session, period)
    return write_atomically(Path(out), render(register), what="--out"), len(register.rows)


def save_register(store: Store, period: Period, out: Path) -> tuple[Path, int]:
    """Write the register of `period` to `out` from the open store, and audit it."""
    with store.read_session() as session:
        path, rows = export_register(session, period, out)
    record_export(store, period, path, rows)
    return path, rows


def record_export(store: Store, period: Period, path: Path, rows: int) -> None:
    """Say in the audit log who took the register: thousands of citizens' names and addresses
    left the encrypted store. No personal data in the entry: the period, count and format."""
    with store.session() as session:
        store.record_audit(session, action="register_exported", object_type="register", object_id=None,
                           details={"period": period.to_dict(), "rows": rows,
                                    "format": Path(path).suffix.lower()})
