"""Client-generated identifiers: UUID version 7 (time-ordered, RFC 9562).

Python 3.11 has no uuid7, so it is built here: 48-bit Unix milliseconds, then random bits.
Time order keeps B-tree inserts local, which matters for a store with 100,000s of rows.
"""

from __future__ import annotations

import os
import time
import uuid


def uuid7() -> uuid.UUID:
    """A new random UUIDv7."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new UUIDv7 as canonical text, the form stored in the database."""
    return str(uuid7())
