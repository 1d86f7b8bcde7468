"""Delete an account and everything of it: every row that points at the user, their sessions and cache keys.

Rows go by CASCADE from the user (entries with their analysis and embeddings, topics, imports, and whatever
other apps attach to the user). A foreign key to the user that is not CASCADE (SET_NULL, as simplejwt's
OutstandingToken has) would leave a row behind with its owner erased, so those rows are deleted explicitly.
Analysis tasks still queued for the deleted entries become no-ops: claim_for_analysis finds no rows.
"""

from functools import partial
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import models, transaction

from accounts import lockout

DB_SESSION_ENGINES = {"django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"}


def user_foreign_keys():
    """(model, field) for every foreign key or one-to-one in the project that points at the user model."""
    user_model = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and (field.many_to_one or field.one_to_one) and field.related_model is user_model:
                yield model, field


@transaction.atomic
def delete_account(*, user) -> dict[str, int]:
    """Delete the user and all of their data; returns how many rows of each model went."""
    user_id, username = user.pk, user.username
    # Locked first: a row another transaction inserts for this user (an import batch in a worker) must either commit
    # before the entries are collected or wait and find the account gone. Between the two, the deletion collected
    # without it and then failed at commit on the entry's foreign key.
    get_user_model().objects.select_for_update().filter(pk=user_id).exists()
    removed: dict[str, int] = {}
    for model, field in user_foreign_keys():
        if field.remote_field.on_delete is not models.CASCADE:
            count, _ = model._default_manager.filter(**{field.name: user}).delete()
            if count:
                removed[model._meta.label] = removed.get(model._meta.label, 0) + count
    removed["sessions"] = _delete_sessions(user_id)
    _, per_model = user.delete()
    for label, count in per_model.items():
        removed[label] = removed.get(label, 0) + count
    transaction.on_commit(partial(forget_cached_state, user_id=user_id, username=username))
    return removed


def _delete_sessions(user_id) -> int:
    """Sign the user out everywhere. Sessions aren't indexed by user, so each one is decoded and checked."""
    if settings.SESSION_ENGINE not in DB_SESSION_ENGINES:
        return 0  # a cookie or cache session can't be found by user; its user row is gone, so it can't log in
    store = import_module(settings.SESSION_ENGINE).SessionStore
    doomed = [
        session.session_key
        for session in Session.objects.iterator(chunk_size=1000)
        if str(session.get_decoded().get(SESSION_KEY)) == str(user_id)
    ]
    for key in doomed:
        store(session_key=key).delete()  # through the store, so cached_db also drops its cached copy
    return len(doomed)


def forget_cached_state(*, user_id: int, username: str) -> None:
    """Drop every cache key tied to the user: insights results and version, their searches' query vectors, and the
    login lockout counter."""
    from ml_models.query_embedding import forget_queries

    cache.delete(f"insights:version:{user_id}")
    if hasattr(cache, "delete_pattern"):  # django-redis
        cache.delete_pattern(f"insights:{user_id}:*")
    forget_queries(user_id)
    lockout.clear(username, ip="")


def confirmation_errors(*, user, username: str, password: str, ip: str) -> dict[str, str]:
    """Field errors, none when the typed username and password are the account's own. Guessing is throttled."""
    if lockout.is_locked(user.username, ip):
        return {"password": lockout.LOCKED_MESSAGE}
    errors = {}
    if (username or "").strip() != user.username:
        errors["username"] = "Type your username exactly as it is shown."
    if not user.check_password(password or ""):
        errors["password"] = "That is not your password."
        lockout.record_failure(user.username, ip)
    return errors
