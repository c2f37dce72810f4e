"""The reception screen's sections and helpers (the page itself is ui/pages/reception.py)."""
