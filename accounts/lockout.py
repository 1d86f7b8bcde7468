"""Throttle repeated failed logins per username and per client address, in the shared Redis cache."""

import unicodedata

from django.conf import settings
from django.core.cache import cache


def _keys(username: str, ip: str) -> list[str]:
    # The name as sign-in matches it (trimmed, NFKC, any case): " alice" must not get a fresh counter of its own.
    name = unicodedata.normalize("NFKC", str(username or "")).strip().casefold()[:150]
    return [f"login-fail:user:{name}", f"login-fail:ip:{ip}"]


def is_locked(username: str, ip: str) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    return any((cache.get(k) or 0) >= limit for k in _keys(username, ip)[:1]) or (
        (cache.get(_keys(username, ip)[1]) or 0) >= limit * 4
    )


def retry_after() -> int:
    """Seconds until a lock has surely expired (the counters live one window from their first failure)."""
    return settings.LOGIN_FAILURE_WINDOW_SECONDS


def record_failure(username: str, ip: str) -> None:
    for key in _keys(username, ip):
        cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)
        cache.incr(key)


def clear(username: str, ip: str) -> None:
    cache.delete(_keys(username, ip)[0])


def client_ip(request) -> str:
    """The peer address, or with TRUSTED_PROXY_HOPS the address the first trusted proxy saw (as DRF's throttles
    pick it): behind a TLS proxy every request's peer is the proxy, which would put all users on one counter."""
    hops = settings.TRUSTED_PROXY_HOPS
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if hops and forwarded:
        return forwarded[-min(hops, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


LOCKED_MESSAGE = "Too many failed sign-in attempts. Please wait a few minutes and try again."
