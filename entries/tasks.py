import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .models import Entry


@shared_task(acks_late=True)
def purge_old_trash() -> int:
    """Delete for good the entries that sat in the trash longer than TRASH_RETENTION_DAYS."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.TRASH_RETENTION_DAYS)
    return Entry.objects.filter(deleted_at__lt=cutoff).delete()[0]
