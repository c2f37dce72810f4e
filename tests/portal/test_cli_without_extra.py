"""`motcua portal …` where the portal's packages are missing: one line saying what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("blocked", "argv"), [
    ("fastapi", ["portal", "serve", "--db", "DB", "--blobs", "BLOBS"]),
    ("uvicorn", ["portal", "serve", "--db", "DB", "--blobs", "BLOBS"]),
    ("psycopg", ["portal", "dossiers", "--db", "postgresql://nobody@127.0.0.1:1/none"]),
])
def test_a_missing_portal_package_says_how_to_install_it(tmp_path: Path, blocked: str, argv: list[str]) -> None:
    argv = [{"DB": str(tmp_path / "portal.db"), "BLOBS": str(tmp_path / "blobs")}.get(a, a) for a in argv]
    # `import fastapi` fails as it does where the package is not installed (None in sys.modules).
    code = (f"import sys; sys.modules[{blocked!r}] = None; from ui.launcher import main; "
            f"sys.exit(main({argv!r}))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                            "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "internal error" not in done.stderr
    assert f"the reference portal needs {blocked}" in done.stderr
    assert "pip install 'motcua-desk[portal]'" in done.stderr
