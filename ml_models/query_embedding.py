"""Query embeddings for search, asked of a worker over Redis so the web process never loads torch.

Measured alternative (bench/search_bench.py): loading MiniLM in every web process costs ~300 MB RSS each and
torch import time; a round trip to a warm worker costs a few milliseconds and is cached per query text.
"""

import hashlib
import json
import time
import uuid

import numpy as np
import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection

CACHE_SECONDS = 24 * 3600
REPLY_TTL = 30
_client: redis.Redis | None = None


def _redis() -> redis.Redis:
    """A client of its own: the cache's 2 s socket timeout is shorter than a blocking wait for a reply."""
    global _client
    if _client is None:
        _client = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"], socket_timeout=10)
    return _client


class QueryEmbeddingUnavailable(RuntimeError):
    """No worker answered in time; callers fall back to full-text search."""


def _cache_key(text: str, scope) -> str:
    """Per user (`scope`) and per embedding model: a cache shared between users would let one learn, from a search
    answered while no worker is, what another searched for; and a changed model must not serve the old vectors."""
    model = hashlib.sha256(str(settings.ML_EMBEDDING_MODEL).encode()).hexdigest()[:12]
    return f"qembed:{scope if scope is not None else 'any'}:{model}:" + hashlib.sha256(text.encode()).hexdigest()


def forget_queries(user_id: int) -> None:
    """Drop a user's cached query vectors (their account is deleted)."""
    if hasattr(cache, "delete_pattern"):  # django-redis
        cache.delete_pattern(f"qembed:{user_id}:*")


DOWN_KEY = "qembed:down"


def embed_query(text: str, timeout: float | None = None, *, scope: int | None = None) -> np.ndarray:
    """The query's vector from a query worker, cached for `scope` (the searching user's id)."""
    timeout = settings.SEARCH_QUERY_EMBED_TIMEOUT if timeout is None else timeout
    text = " ".join(text.split())[:2000]
    cached = cache.get(_cache_key(text, scope))
    if cached is not None:
        return np.asarray(cached, dtype=np.float32)
    if cache.get(DOWN_KEY):
        # A worker just failed to answer: don't make every search wait for the timeout again.
        raise QueryEmbeddingUnavailable("no worker answered recently")
    from .tasks import embed_query_task

    reply_key = f"qembed:reply:{uuid.uuid4().hex}"
    deadline = time.time() + timeout
    try:
        embed_query_task.apply_async(args=[text, reply_key, deadline], retry=False, expires=timeout + 1)
    except Exception as exc:  # noqa: BLE001 - broker down: search degrades to text only
        raise QueryEmbeddingUnavailable(f"broker unreachable: {exc}") from exc
    if not connection.in_atomic_block:
        connection.close()  # hand the pooled connection back while this request only waits on Redis
    try:
        reply = _redis().blpop([reply_key], timeout=timeout)
    except redis.RedisError as exc:
        raise QueryEmbeddingUnavailable(f"redis: {exc}") from exc
    if reply is None:
        cache.set(DOWN_KEY, 1, settings.SEARCH_QUERY_EMBED_RETRY_SECONDS)
        raise QueryEmbeddingUnavailable("no worker answered in time")
    vector = json.loads(reply[1])
    cache.set(_cache_key(text, scope), vector, CACHE_SECONDS)
    return np.asarray(vector, dtype=np.float32)


def answer_query(text: str, reply_key: str, deadline: float | None = None) -> None:
    """Worker side: embed and push the vector to the waiting web process."""
    from .pipeline import get_embedder

    vector = get_embedder().encode([text])[0]
    if deadline is None or time.time() <= deadline:
        # In time: a worker is up and quick (one still loading its model may have missed an earlier deadline).
        # A late answer leaves the flag alone, so a slow worker does not make every search wait the timeout.
        # Cleared before the reply, so the waiting request already sees it cleared.
        cache.delete(DOWN_KEY)
    client = _redis()
    client.rpush(reply_key, json.dumps([round(float(x), 6) for x in vector]))
    client.expire(reply_key, REPLY_TTL)
