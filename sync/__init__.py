"""The desk-side sync engine: outbox delivery, scan upload, change feed, number blocks (no Qt)."""
