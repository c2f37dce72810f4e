"""Compile the committed Qt Linguist catalogues (resources/i18n/*.ts) into .qm files.

That is every catalogue there: the desk's own (motcua_<lang>.ts) and ours of Qt's own strings
(qtbase_vi.ts; Qt ships none in Vietnamese).

The .qm files are build outputs (git-ignored); run this after cloning and after editing a
.ts file: `python scripts/build_translations.py`. It refuses to build when a catalogue still
has unfinished entries, so a half-translated Vietnamese UI never ships.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def find_lrelease() -> str:
    """pyside6-lrelease next to this interpreter (a venv) or on PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6 into this environment")
    return found


def unfinished(ts_file: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        # A plural message keeps its text in <numerusform>s (Vietnamese has one form).
        forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all((form or "").strip() for form in forms):
            missing.append(message.findtext("source", ""))
    return missing


def build(ts_files: list[Path]) -> int:
    lrelease = find_lrelease()
    status = 0
    for ts_file in ts_files:
        missing = unfinished(ts_file)
        if missing:
            print(f"{ts_file.name}: {len(missing)} unfinished translation(s), e.g. {missing[0]!r}",
                  file=sys.stderr)
            status = 1
            continue
        qm_file = ts_file.with_suffix(".qm")
        # Written beside and renamed into place: a running app (or a test run on another core)
        # that loads the catalogue meanwhile reads the old file or the new one, never half of one.
        partial = qm_file.with_name(f".{qm_file.name}.{os.getpid()}.partial")
        try:
            subprocess.run([lrelease, "-silent", str(ts_file), "-qm", str(partial)], check=True)
            os.replace(partial, qm_file)
        finally:
            partial.unlink(missing_ok=True)
        print(f"{ts_file.name} -> {qm_file.name}")
    return status


def main() -> int:
    ts_files = sorted(I18N_DIR.glob("*.ts"))
    if not ts_files:
        print(f"no .ts files in {I18N_DIR}", file=sys.stderr)
        return 1
    return build(ts_files)


if __name__ == "__main__":
    sys.exit(main())
