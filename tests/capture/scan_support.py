"""Shared pieces of the page-processing tests: the generated specimen pages (made once per run)
and small helpers to render a written PDF back to pixels."""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from app.capture.pages import RawPage
from app.capture.specimens import Specimen, specimen_set


@lru_cache(maxsize=1)
def specimens() -> dict[str, Specimen]:
    """The seed-0 reference pages by name; the ID-card page is under "id_card"."""
    found = {}
    for spec in specimen_set(0):
        found["id_card" if spec.name.startswith("id_card") else spec.name] = spec
    return found


def raw_of(name: str) -> RawPage:
    spec = specimens()[name]
    kind = "id_card" if name == "id_card" else "document"
    return RawPage(spec.image, spec.dpi, f"specimen:{name}", kind=kind,
                   photographed="perspective" in spec.features)


def render_pdf(pdf: Path, folder: Path, *, dpi: int = 100, page: int = 1) -> np.ndarray:
    """Page `page` of `pdf` drawn by poppler (pdftoppm) as an RGB array."""
    stem = folder / f"render-{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(pdf), str(stem)], check=True, capture_output=True)
    return np.asarray(Image.open(f"{stem}.png").convert("RGB"))


def red_pixels(rgb: np.ndarray) -> np.ndarray:
    """Mask of clearly red pixels (seal ink): red dominates green and blue by a wide margin."""
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return (r > 120) & (r - g > 60) & (r - b > 60)
