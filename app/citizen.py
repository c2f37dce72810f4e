"""What the desk and the portal share about the citizen's pages (docs/citizen-pages.md).

- The **lookup secret**: made at the desk when a dossier is received (so dossiers received
  offline have one too), stored in the dossier's data, synced with it, printed on the receipt
  and carried by its two QR codes. Without it a dossier code, which is guessable (unit, day,
  number), opens nothing.
- The masked name, the only personal data the public pages show.
- The satisfaction survey's questions and scale (one place, so the portal's form, the feed's
  schema and the desk's report agree).
- The page addresses a receipt's QR codes carry once the desk knows the portal's public URL.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from urllib.parse import quote

# No 0/O, 1/I/L: a citizen types the secret from paper. 31 symbols × 10 = about 49.5 bits,
# against guesses limited per address and per code (portal/citizen.py).
SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SECRET_LENGTH = 10
SECRET_RE = re.compile(f"^[{SECRET_ALPHABET}]{{{SECRET_LENGTH}}}$")
LOOKUP_PATH = "/tra-cuu"
SURVEY_PATH = "/danh-gia"
SURVEY_WINDOW_DAYS = 7  # an answer may be changed for a week after the first one
MAX_COMMENT_CHARS = 1000


def new_lookup_secret() -> str:
    """A fresh random secret for a dossier's receipt."""
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def normalise_secret(typed: str) -> str:
    """What a citizen typed, as stored: spaces and dashes dropped, upper case, O→0 never guessed."""
    return re.sub(r"[\s\-]", "", typed).upper()


def secret_for_print(secret: str) -> str:
    """The secret in two groups of five, easier to read aloud and type."""
    return f"{secret[:5]}-{secret[5:]}" if len(secret) == SECRET_LENGTH else secret


def mask_name(full_name: str) -> str:
    """ "Nguyễn Văn An" → "Nguyễn V. A.": the family name, then initials only."""
    words = full_name.split()
    if not words:
        return ""
    return " ".join([words[0], *(f"{word[0]}." for word in words[1:])])


def page_url(public_url: str, path: str, code: str, secret: str) -> str:
    """The address a QR code carries: the portal's public base, the page, code and secret."""
    return f"{public_url.rstrip('/')}{path}?ma={quote(code)}&k={quote(secret)}"


@dataclass(frozen=True)
class Question:
    key: str
    text: str


# The five-level scale and the criteria of the ministries' satisfaction surveys (Rất hài lòng …
# Rất không hài lòng; attitude, guidance, time, overall), as used by the QR surveys printed on
# provincial receipts; see docs/citizen-pages.md for the sources consulted.
SCALE: tuple[tuple[int, str], ...] = ((5, "Rất hài lòng"), (4, "Hài lòng"), (3, "Bình thường"),
                                     (2, "Không hài lòng"), (1, "Rất không hài lòng"))
QUESTIONS: tuple[Question, ...] = (
    Question("attitude", "Thái độ phục vụ của công chức tiếp nhận (nhiệt tình, tôn trọng, đúng mực)"),
    Question("guidance", "Hướng dẫn thủ tục, thành phần hồ sơ rõ ràng, đầy đủ, một lần"),
    Question("timeliness", "Thời gian giải quyết hồ sơ (đúng hoặc sớm hơn giấy hẹn)"),
    Question("overall", "Mức độ hài lòng chung về việc giải quyết hồ sơ"),
)
QUESTION_KEYS = tuple(question.key for question in QUESTIONS)
