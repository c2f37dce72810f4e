"""Capture in the reception screen: scan, import and photograph pages per checklist document."""
