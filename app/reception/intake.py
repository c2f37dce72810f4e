"""`motcua intake --json FILE`: a reception described in a JSON file (docs/intake-format.md).

The file holds the JSON form of a `ReceptionRequest` (the same form drafts use), with page
paths relative to the file itself. Reading checks shapes and types and names the JSON path of
a bad value; the business rules (ID number, missing documents, fees…) are then applied by
`confirm_reception`, exactly as for the screen. Nothing touches the store here.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.errors import InputError
from app.reception.model import ReceptionRequest, request_from_dict

MAX_INTAKE_BYTES = 1_000_000  # a reception is a few kB; anything bigger is the wrong file


def request_from_intake_json(path: Path) -> ReceptionRequest:
    """Read an intake file; InputError names the file and the JSON path of what is wrong."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_INTAKE_BYTES:
            raise InputError(f"{path}: larger than {MAX_INTAKE_BYTES:,} bytes; not an intake file")
        text = path.read_text(encoding="utf-8-sig")  # Notepad on Windows may add a BOM
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON ({error.msg} at line {error.lineno}, "
                         f"column {error.colno})") from None
    except ValueError:  # a number of thousands of digits: Python refuses to read it
        raise InputError(f"{path}: not an intake file (a number in it is thousands of digits long)") from None
    except RecursionError:
        raise InputError(f"{path}: not an intake file (nested thousands of levels deep)") from None
    try:
        return request_from_dict(data, base=path.resolve().parent)
    except InputError as error:
        raise InputError(f"{path}: {error.message}") from None
