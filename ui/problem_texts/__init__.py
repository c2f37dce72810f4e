"""The sentences of the problem kinds, one module per part of the desk (merged in ui/problems.py).

Each entry maps a kind the core raises to a lambda holding one literal `translate()` call, so
pyside6-lupdate extracts it and the sentence is translated when shown. Placeholders are "%(name)",
filled from the problem's parameters.
"""
