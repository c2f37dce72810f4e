"""Full-jitter exponential backoff (AWS architecture blog's "full jitter"), honouring Retry-After.

Full jitter spreads the retries of many desks that lost the link at the same moment, so a portal
coming back is not hit by all of them at once.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

BASE_S = 2.0
CAP_S = 15 * 60.0


def delay_s(attempts: int, *, retry_after: float | None = None, base_s: float = BASE_S,
            cap_s: float = CAP_S, rng: random.Random | None = None) -> float:
    """Seconds to wait before attempt number `attempts + 1` (`attempts` ≥ 1 failures so far)."""
    ceiling = min(cap_s, base_s * 2 ** max(0, min(attempts - 1, 30)))
    wait = (rng or random).uniform(0.0, ceiling)
    if retry_after is not None:
        # The server knows its load: never come back earlier than it asked, within the cap.
        wait = max(wait, min(retry_after, cap_s))
    return wait


def next_attempt(now: datetime, attempts: int, *, retry_after: float | None = None,
                 rng: random.Random | None = None) -> datetime:
    return now + timedelta(seconds=delay_s(attempts, retry_after=retry_after, rng=rng))
