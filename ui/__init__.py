"""MotCua Desk screens (PySide6): windows, item models, dialogs and background-task helpers."""
