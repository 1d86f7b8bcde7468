"""Edits, trashing and deletes of entries (and topic renames) invalidate that user's cached insights.

Analysis results are written with a queryset UPDATE (no signal); entries.analysis bumps the version itself, and
imports (bulk inserts, no signal) call invalidate_user_insights.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from entries.models import Entry, Topic

from .cache import bump_user_version

logger = logging.getLogger(__name__)


def _bump(user_id: int) -> None:
    try:
        bump_user_version(user_id)
    except (
        ConnectionInterrupted,
        RedisError,
        OSError,
    ) as exc:  # a journal write must never fail because the cache is down
        logger.warning("could not invalidate insights for user %s: %s", user_id, exc)


def invalidate_user_insights(user_id: int) -> None:
    """For writes that send no signal (bulk imports) as well as for the signals below."""
    # Now, so this request's next read is fresh; and again after commit, so a report computed by another request
    # from the not-yet-committed state and cached in between is discarded too.
    _bump(user_id)
    transaction.on_commit(lambda: _bump(user_id))


@receiver(post_save, sender=Entry, dispatch_uid="insights.entry_saved")
@receiver(post_delete, sender=Entry, dispatch_uid="insights.entry_deleted")
@receiver(post_save, sender=Topic, dispatch_uid="insights.topic_saved")
@receiver(post_delete, sender=Topic, dispatch_uid="insights.topic_deleted")
def invalidate_insights(sender, instance, origin=None, **kwargs):
    if isinstance(origin, get_user_model()):
        return  # the whole account is being deleted: no one will read its insights, and keys expire on their own
    invalidate_user_insights(instance.user_id)
