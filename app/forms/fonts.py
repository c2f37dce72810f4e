"""The fonts printed forms use: Liberation Serif, shipped in resources/fonts/ and embedded in PDFs.

Official one-stop forms are set in Times New Roman, which cannot be redistributed. Liberation
Serif (SIL Open Font License 1.1, licence text next to the files) has the same metrics, so line
breaks match the official layout, and it covers every Vietnamese letter with its diacritics.
reportlab embeds a subset of each TrueType font it uses, so the PDF prints the same everywhere.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import MotcuaError
from app.paths import resource

FAMILY = "LiberationSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
FONT_FILES: dict[str, str] = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
LICENSE_FILE = "LICENSE-LiberationSerif.txt"

# Registration parses four ~380 kB files; do it once per process, and only once even when two
# threads render their first form at the same moment.
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the serif family with reportlab (idempotent); returns the family name.

    A missing or unreadable font file is a packaging defect, reported with its path.
    """
    global _registered
    with _lock:
        if _registered:
            return FAMILY
        for name, filename in FONT_FILES.items():
            path = resource("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as error:  # reportlab raises bare TTFError/IOError subclasses
                raise MotcuaError(f"font file {path} is missing or unreadable ({error}); "
                                  "reinstall the application") from error
        # Lets <b>/<i> inside paragraphs pick the right face.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True
        return FAMILY
