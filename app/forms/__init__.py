"""Official one-stop forms printed by the desk, as PDF: the receipt (Mẫu 01) and the forms a
dossier's later events call for (02 supplements, 03 refusal, 04 apology, 05 stop, 06 control slip).

Templates come in sets by circular, chosen by the day the dossier was received (templates.py);
render.py reads a dossier and its events and renders a form; fonts are shipped and embedded
(fonts.py); the unit's print settings are read by settings.py. docs/forms.md lists the sources.
"""
