from celery import shared_task
from django.db import OperationalError


@shared_task(acks_late=True)
def purge_old_trash() -> int:
    """Delete for good the entries that sat in the trash longer than TRASH_RETENTION_DAYS."""
    from .services import purge_expired_trash

    return purge_expired_trash()


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def reindex_search_language(user_id: int) -> int:
    """Re-index a user's entries after they changed language (entries.services.reindex_search_language)."""
    from accounts.models import User

    from .services import reindex_search_language as reindex

    user = User.objects.filter(pk=user_id).first()
    return reindex(user=user) if user else 0
