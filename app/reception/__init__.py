"""Receiving dossiers at the desk: request model, validation, confirm transaction, drafts, intake.

- `model`: the plain request/result dataclasses and their JSON form;
- `validation`: the one set of rules (screen preview, confirm and intake share it);
- `service`: checklist, applicant look-up, preview and `confirm_reception`;
- `drafts`: unfinished receptions in the encrypted store;
- `intake`: reading `motcua intake --json FILE` files;
- `views`: read-only views of received dossiers for forms and lists.
"""
