"""Problems of sync as the desk keeps and shows them: an English text that knows its kind.

A `SyncProblem` is the English line the engine has always reported (the command line, `--json`
output and the logs read it unchanged, since it is a `str`) that also carries a problem `kind` and
its `params`, so the desk's screens word it in their own language (ui/problems.py) instead of
showing the English. `SyncReport.errors`, the sync state's last error and an outbox row's
`last_error` hold such problems; stored, a problem is a small JSON object, and plain text stored
by an earlier version reads back as a problem too.

The portal words its refusals in both its languages: a problem quoting it carries `reason_vi` and
`reason_en`, and a screen shows the one in its own language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

NETWORK = "network: "  # start of the English text of a link failure (retried at once on link-up)
# Between the portal's Vietnamese and English words in one message (portal/errors.py).
BILINGUAL_SEPARATOR = " — "
MAX_REASON_CHARS = 400


class SyncProblem(str):
    """The English text of a problem, with the `kind` and `params` a screen words it from."""

    kind: str
    params: dict[str, Any]

    def __new__(cls, message: str, *, kind: str, params: Mapping[str, Any] | None = None) -> SyncProblem:
        self = super().__new__(cls, message)
        self.kind = kind
        self.params = dict(params or {})
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle keep the kind (asdict copies reports)
        return (_rebuild, (str(self), self.kind, self.params))

    @property
    def message(self) -> str:
        return str.__str__(self)

    def to_state(self) -> dict[str, Any]:
        """The stored form (a JSON object)."""
        return {"kind": self.kind, "params": self.params, "message": self.message}

    def dumps(self) -> str:
        """The stored form as text, for a text column."""
        return json.dumps(self.to_state(), ensure_ascii=False)

    @classmethod
    def load(cls, stored: object) -> SyncProblem | None:
        """A problem back from its stored form (or from the plain text an earlier version stored)."""
        if stored is None or stored == "":
            return None
        if isinstance(stored, str) and stored.startswith("{"):
            try:
                stored = json.loads(stored)
            except ValueError:
                pass
        if isinstance(stored, dict) and isinstance(stored.get("kind"), str):
            params = stored.get("params")
            return cls(str(stored.get("message", "")), kind=stored["kind"],
                       params=params if isinstance(params, dict) else {})
        return cls.legacy(str(stored))

    @classmethod
    def legacy(cls, text: str) -> SyncProblem:
        """Text stored before problems had kinds: a link failure, the portal's bilingual words, or
        something else the screen words as a problem with the portal."""
        if text.startswith(NETWORK):
            return cls(text, kind="sync.portal_unreachable")
        if BILINGUAL_SEPARATOR in text:
            vi, en = text.split(BILINGUAL_SEPARATOR, 1)
            return cls(text, kind="sync.portal_refused", params={"reason_vi": vi, "reason_en": en})
        return cls(text, kind="sync.portal_problem")


def portal_words(error: Mapping[str, Any], fallback: str) -> dict[str, str]:
    """The portal's refusal in its two languages, from its error object (docs/sync-protocol.md §1.1):
    `message_vi` / `message_en`, else the halves of a bilingual `message`, else `fallback`."""
    message = str(error.get("message") or fallback)
    vi, _sep, en = message.partition(BILINGUAL_SEPARATOR)
    # Bounded: a portal's words are shown on screen, and a hostile one could send megabytes.
    return {"reason_vi": str(error.get("message_vi") or vi or fallback)[:MAX_REASON_CHARS],
            "reason_en": str(error.get("message_en") or en or vi or fallback)[:MAX_REASON_CHARS]}


def _rebuild(message: str, kind: str, params: dict[str, Any]) -> SyncProblem:
    return SyncProblem(message, kind=kind, params=params)
