"""MotCua Desk domain and services: everything that does not need Qt.

`app` must never import PySide6, `ui`, `sync` or `portal` (see tests/test_boundaries.py).
"""

__version__ = "0.1.0"
