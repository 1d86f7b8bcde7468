"""Throttle repeated failed logins per username and per client address, in the shared Redis cache."""

from django.conf import settings
from django.core.cache import cache


def _keys(username: str, ip: str) -> list[str]:
    return [f"login-fail:user:{(username or '').lower()[:150]}", f"login-fail:ip:{ip}"]


def is_locked(username: str, ip: str) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    return any((cache.get(k) or 0) >= limit for k in _keys(username, ip)[:1]) or (
        (cache.get(_keys(username, ip)[1]) or 0) >= limit * 4
    )


def record_failure(username: str, ip: str) -> None:
    for key in _keys(username, ip):
        cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)
        cache.incr(key)


def clear(username: str, ip: str) -> None:
    cache.delete(_keys(username, ip)[0])


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


LOCKED_MESSAGE = "Too many failed sign-in attempts. Please wait a few minutes and try again."
