"""The size limits of everything a desk sends to the portal, in one place.

The portal enforces them and publishes them at `GET /v1/limits`; the desk keeps the last
published set (sync stores it) and checks a reception against the same numbers at intake, so
that nothing is refused at the portal after its receipt was printed. Without a published set
the desk uses `DEFAULT_LIMITS`, which is what the reference portal serves.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

PROTOCOL_VERSION = 1


@dataclass(frozen=True)
class Limits:
    """Upper bounds shared by the wire format, the portal and the desk's intake checks."""

    max_json_bytes: int = 1024 * 1024  # one request body (a dossier is a few kB)
    max_blob_bytes: int = 100 * 1024 * 1024  # one scan file
    max_chunk_bytes: int = 4 * 1024 * 1024  # one upload chunk
    max_missing_query: int = 1000  # hashes in one POST /v1/blobs/missing
    max_block: int = 1000  # dossier numbers in one reserved block
    # Dossier, document, page, event, device and bundle ids: UUIDs, and the portal's id columns
    # are 36 characters wide (idempotency keys, 8–64 characters, have a column of their own).
    max_id_chars: int = 36
    max_name_chars: int = 200  # a person's or procedure's name, a document title
    max_text_chars: int = 1000  # any other single text field (address, note, reason)
    max_sets: int = 100  # "số bộ hồ sơ": copies of a dossier's documents
    max_documents: int = 200  # documents in one dossier
    max_pages: int = 2000  # pages in one dossier
    max_page_pixels: int = 120_000_000  # one page image (a 600 dpi A3 is about 70 Mpx)
    max_json_depth: int = 32  # nesting of a request body
    max_user_chars: int = 64  # the acting official's user name (X-Acting-User)
    max_version: int = 2**31 - 1  # a dossier's version (a 32-bit column at the portal)
    max_seq: int = 2**63 - 1  # a change-feed cursor (a 64-bit column at the portal)
    max_feed_page: int = 1000  # changes in one GET /v1/changes answer
    earliest_year: int = 2000  # business times (received, due, events) lie in these years:
    latest_year: int = 2099  # a time outside is a broken clock or a forged body

    def to_wire(self) -> dict[str, Any]:
        """The body of `GET /v1/limits` (without `portal_time`, which the server adds)."""
        return {"protocol": PROTOCOL_VERSION, **asdict(self)}

    @classmethod
    def from_wire(cls, data: object) -> Limits:
        """Limits a portal published; unknown keys are ignored and a missing, non-integer or
        non-positive value keeps its default, so an older or odd portal never disables a check."""
        if not isinstance(data, dict):
            return DEFAULT_LIMITS
        chosen: dict[str, int] = {}
        for spec in fields(cls):
            value = data.get(spec.name)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                chosen[spec.name] = value
        return replace(DEFAULT_LIMITS, **chosen)


DEFAULT_LIMITS = Limits()
