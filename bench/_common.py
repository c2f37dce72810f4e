"""Shared benchmark plumbing: machine facts, timing loops and the JSON report format."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def machine() -> dict[str, Any]:
    """What the figures were measured on, printed with every result."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = None
    try:
        mem_gib = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": mem_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def time_per_call(func: Callable[[], object], *, repeat: int = 7, number: int = 1000) -> list[float]:
    """Seconds per call for each of `repeat` rounds of `number` calls."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        rounds.append((time.perf_counter() - start) / number)
    return rounds


def report(name: str, *, unit: str, samples: list[float], target: float | None,
           lower_is_better: bool = True, **extra: Any) -> dict[str, Any]:
    """Print and return the standard result object for one benchmark."""
    median = statistics.median(samples)
    result: dict[str, Any] = {
        "benchmark": name,
        "unit": unit,
        "median": round(median, 6),
        "min": round(min(samples), 6),
        "max": round(max(samples), 6),
        "samples": len(samples),
        "target": target,
    }
    if target is not None:
        result["meets_target"] = median <= target if lower_is_better else median >= target
    result.update(extra)
    result["machine"] = machine()
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return result
