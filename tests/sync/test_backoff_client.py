"""Backoff bounds and the portal-URL rule (HTTPS except on loopback)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InputError
from sync.backoff import BASE_S, CAP_S, delay_s
from sync.client import check_portal_url


@settings(max_examples=200)
@given(st.integers(1, 100), st.one_of(st.none(), st.floats(0, 10_000)))
def test_full_jitter_within_bounds_and_retry_after_is_a_floor(attempts: int, retry_after: float | None) -> None:
    wait = delay_s(attempts, retry_after=retry_after)
    ceiling = min(CAP_S, BASE_S * 2 ** (attempts - 1))
    assert 0 <= wait <= max(ceiling, min(retry_after or 0, CAP_S))
    if retry_after is not None:
        assert wait >= min(retry_after, CAP_S)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765", "http://localhost:1/", "http://[::1]:9",
                                 "https://cong.example.vn"])
def test_allowed_urls(url: str) -> None:
    assert check_portal_url(url).startswith(url.split(":")[0])


@pytest.mark.parametrize("url", ["http://10.0.0.5:8765", "ftp://127.0.0.1", "cong.example.vn", ""])
def test_refused_urls(url: str) -> None:
    with pytest.raises(InputError, match="portal URL"):
        check_portal_url(url)
