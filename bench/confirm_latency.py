"""confirm_latency: from pressing Confirm to the receipt PDF ready, over a store of 100,000 dossiers.

Each timed run is what the desk does after the official confirms a birth registration with two
documents of one scanned page each: `confirm_reception` (validation, two page files encrypted and
fsynced, the one write transaction with its fsynced commit), then `load_dossier_view` and
`render_receipt` to PDF bytes (two copies, QR codes, embedded fonts). Every run uses a new
applicant and new page content, so nothing is skipped as already stored. Target: median ≤ 150 ms.

The 100,000-dossier store is built once by bench/synthetic.py and kept under
/tmp/motcua-bench/confirm/100000; each run adds one dossier to it.

    python -m bench.confirm_latency [--count 100000] [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench._common import report

PASSWORD = "bench-password"
EXAMPLE_PAGES = Path(__file__).resolve().parent.parent / "docs" / "examples" / "pages"


def ensure_store(folder: Path, count: int) -> None:
    if (folder / "store.db").exists():
        return
    env = dict(os.environ, MOTCUA_PASSWORD=PASSWORD)
    env.pop("MOTCUA_KDF_PROFILE", None)  # production Argon2id parameters, as on a desk
    subprocess.run([sys.executable, "-m", "bench.synthetic", "--data-dir", str(folder),
                    "--count", str(count)], check=True, env=env, stdout=subprocess.DEVNULL)


def fresh_pages(folder: Path, rng: random.Random) -> list[Path]:
    """The example's two pages with a few random trailing bytes: new content, new SHA-256."""
    pages = []
    for name in ("to-khai.png", "giay-chung-sinh.png"):
        path = folder / f"{rng.getrandbits(64):016x}-{name}"
        path.write_bytes((EXAMPLE_PAGES / name).read_bytes() + rng.randbytes(16))
        pages.append(path)
    return pages


def make_request(store, pages_dir: Path, rng: random.Random):  # type: ignore[no-untyped-def]
    from app.reception.model import ApplicantInput, PageInput, ReceptionRequest
    from app.reception.service import checklist_for
    from app.reception.validation import version_in_force

    with store.read_session() as session:
        version = version_in_force(session, "1.001193", date.today())
    documents = checklist_for(version)
    for document, page in zip(documents[:2], fresh_pages(pages_dir, rng)):
        document.received, document.form, document.pages = True, "original", [PageInput(page)]
    applicant = ApplicantInput(full_name="Nguyễn Thị Lan", id_number=f"001190{rng.randrange(10**6):06d}",
                               birth_date=date(1990, 5, 1), sex="Nữ", phone="0912345678",
                               address="Số 5, thôn Đông, xã Tân Lập, tỉnh Phú Thọ", source="qr")
    return ReceptionRequest(procedure_code="1.001193", applicant=applicant, documents=documents)


def one_run(store, request) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """(seconds to receipt ready, seconds of the confirm alone, PDF bytes)."""
    from app.forms.receipt import render_receipt
    from app.forms.settings import receipt_settings
    from app.reception.service import confirm_reception
    from app.reception.views import load_dossier_view

    start = time.perf_counter()
    result = confirm_reception(store, request)
    confirmed = time.perf_counter()
    with store.read_session() as session:
        view = load_dossier_view(session, result.code)
        settings = receipt_settings(session)
    pdf = render_receipt(view, settings)
    done = time.perf_counter()
    return done - start, confirmed - start, len(pdf)


def main() -> int:
    from app.paths import data_paths
    from app.store.service import open_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--data-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "motcua-bench" / "confirm")
    args = parser.parse_args()
    folder = args.data_dir / str(args.count)
    ensure_store(folder, args.count)
    os.environ.pop("MOTCUA_KDF_PROFILE", None)
    store = open_store(data_paths(folder), username="admin", password=PASSWORD)
    rng = random.Random()
    totals, confirms, sizes = [], [], []
    try:
        with tempfile.TemporaryDirectory() as pages_dir:
            for run in range(args.runs + 2):
                total, confirm, size = one_run(store, make_request(store, Path(pages_dir), rng))
                if run >= 2:  # the first runs warm imports, fonts and the page cache
                    totals.append(total)
                    confirms.append(confirm)
                    sizes.append(size)
    finally:
        store.close()
    report("confirm_latency", unit="s", samples=totals, target=0.150, dossiers=args.count,
           confirm_median=round(statistics.median(confirms), 6), pdf_bytes=int(statistics.median(sizes)),
           what="confirm_reception (2 pages) + load_dossier_view + render_receipt (A5, 2 copies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
