"""Logging to a rotating file in the platform log folder, with personal data kept out.

Code must not log personal data in the first place (log ids and codes, not names or ID numbers);
the redaction filter is a second line of defence for numbers that slip through in messages
and tracebacks: 12-digit citizen numbers, 9-digit old ID numbers and phone numbers.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

LOG_FILE_NAME = "motcua.log"
_ID_LIKE = re.compile(r"(?<!\d)(\d{2})\d{5,8}(\d{2})(?!\d)")


def redact(text: str) -> str:
    """Mask runs of 9–12 digits (ID and phone numbers) keeping two digits at each end."""
    return _ID_LIKE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks anything that looks like an ID or phone number."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file; when it cannot be written (a full disk) the record is dropped quietly,
    instead of logging's default of printing a traceback over the command's one-line message."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handleError(record)


def configure_logging(log_dir: Path, *, level: int = logging.INFO, to_stderr: bool = False) -> Path:
    """Send the root logger to `log_dir/motcua.log` (5 × 2 MB); returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_motcua", False):
            root.removeHandler(handler)
            handler.close()
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    file_handler = _LogFileHandler(
        log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(formatter)
    file_handler._motcua = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        stream._motcua = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    root.setLevel(level)
    # Alembic narrates every plugin and revision at INFO; its warnings and errors are what matter.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    return log_file
