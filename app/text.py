"""Vietnamese text helpers: Unicode normalisation and accent folding.

Folding is used for search (so "dang ky ket hon" finds "Đăng ký kết hôn") and for
ASCII-only fields such as the VietQR purpose text.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d plus a combining mark, so NFD leaves them alone.
_LETTER_FOLDS = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Compose text to NFC, the form stored and printed everywhere."""
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Trim and collapse runs of white space to one space."""
    return _SPACES.sub(" ", text).strip()


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics and fold đ to d, keeping case."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def fold(text: str) -> str:
    """Search key: accents stripped, đ→d, case-folded, spaces collapsed."""
    return collapse_spaces(strip_accents(text).casefold())


def to_ascii(text: str) -> str:
    """Best-effort ASCII for fields that only carry ASCII (bank transfer purpose)."""
    folded = strip_accents(text)
    return folded.encode("ascii", "ignore").decode("ascii")
