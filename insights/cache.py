"""Per-user cache versioning: any change to a user's entries bumps one key, so stale reads can't survive."""

from django.core.cache import cache


def _key(user_id: int) -> str:
    return f"insights:version:{user_id}"


def user_version(user_id: int) -> int:
    version = cache.get(_key(user_id))
    if version is None:
        cache.add(_key(user_id), 1, timeout=None)
        version = cache.get(_key(user_id)) or 1
    return int(version)


def bump_user_version(user_id: int) -> None:
    try:
        cache.incr(_key(user_id))
    except ValueError:
        cache.set(_key(user_id), 2, timeout=None)


def cache_key(user_id: int, name: str, *parts) -> str:
    suffix = ":".join(str(p) for p in parts)
    return f"insights:{user_id}:v{user_version(user_id)}:{name}:{suffix}"
