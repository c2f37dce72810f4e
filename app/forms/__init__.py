"""Official one-stop forms printed by the desk (today: Mẫu 01, the receipt), as PDF.

Templates are versioned by effective date (templates.py); fonts are shipped and embedded
(fonts.py); the unit's print settings are read by settings.py.
"""
