"""Benchmark: microseconds per `compute_due` call over a realistic mix of rules and receipts.

The mix follows the commune catalogue: mostly same-day hộ tịch/chứng thực procedures with the
15:00 cut-off, then 2–7 working-day procedures, a few calendar-day and 24-hour rules; receipts
fall mostly inside office hours, some at lunch, after closing or at weekends; one dossier in
ten carries a pause for supplements. Target: 50 µs per call.
"""

from __future__ import annotations

import itertools
import random
from datetime import datetime, timedelta

from app.deadlines import TimeRule, compute_due
from app.holiday_table import default_calendar
from bench._common import report, time_per_call

RULES = ([TimeRule("same_day", 0, True)] * 8 + [TimeRule("same_day")] * 2
         + [TimeRule("working_day", n) for n in (2, 3, 3, 5, 5, 7)]
         + [TimeRule("working_day", 3, True), TimeRule("day", 5), TimeRule("day", 15),
            TimeRule("hour", 24, True), TimeRule("hour", 8)])


def cases(count: int, seed: int = 2026) -> list[tuple[datetime, TimeRule, tuple]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        day = datetime(2026, 1, 1) + timedelta(days=rng.randrange(365))
        # 85 % of receipts inside office hours, the rest anywhere in the day.
        minute = rng.randrange(450) if rng.random() < 0.85 else rng.randrange(1440)
        received = (day + timedelta(hours=7, minutes=30 + minute) if minute < 450
                    else day + timedelta(minutes=minute))
        paused: tuple = ()
        if rng.random() < 0.1:
            start = received + timedelta(hours=rng.randrange(1, 48))
            paused = ((start, start + timedelta(hours=rng.randrange(1, 120))),)
        out.append((received, rng.choice(RULES), paused))
    return out


def main() -> None:
    calendar = default_calendar(range(2025, 2029))
    mix = cases(5000)
    for received, rule, paused in mix:  # warm the calendar's day table once
        compute_due(received, rule, calendar, paused=paused)
    feed = itertools.cycle(mix)

    def one_call() -> None:
        received, rule, paused = next(feed)
        compute_due(received, rule, calendar, paused=paused)

    seconds = time_per_call(one_call, repeat=7, number=20000)
    report("due", unit="us", samples=[s * 1e6 for s in seconds], target=50.0,
           cases=len(mix), calls_per_sample=20000)


if __name__ == "__main__":
    main()
