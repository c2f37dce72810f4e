"""Logs go to a rotating file and never carry ID or phone numbers, even inside a traceback."""

from __future__ import annotations

import logging
from pathlib import Path

from app.logging_setup import configure_logging, redact


def test_redact_masks_id_and_phone_numbers_but_not_codes() -> None:
    assert redact("cccd 001099012345 phone 0912345678") == "cccd 00****45 phone 09****78"
    # Dossier codes, dates and short numbers stay readable.
    assert redact("000.00.06.H56-261124-0001 at 2026-11-24") == "000.00.06.H56-261124-0001 at 2026-11-24"


def test_log_file_gets_redacted_records_and_tracebacks(tmp_path: Path) -> None:
    log_file = configure_logging(tmp_path / "logs")
    try:
        logger = logging.getLogger("motcua.test")
        logger.info("looked up applicant %s", "001099012345")
        try:
            raise ValueError("bad number 0987654321")
        except ValueError:
            logger.exception("failed")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
        assert "001099012345" not in text and "0987654321" not in text
        assert "00****45" in text and "ValueError" in text
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_motcua", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
