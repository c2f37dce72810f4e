"""A dossier's life after reception: the actions of the one-stop process on the state machine.

- `machine`: which action may follow which status, who may take it, what it needs, and the
  pure step (`step`) that turns a dossier's state and an action into the next state; no store.
- `actions`: `act`, ONE write transaction per action (state + status event + audit + outbox).
- `portal`: status changes pulled from the portal, through the same machine.
- `purge`: removing personal data of returned, portal-confirmed dossiers after the retention.
- `errors`: the refusals, each with a problem kind `lifecycle.*` for the screens.

Qt-free; docs/lifecycle.md is the user-level description.
"""
