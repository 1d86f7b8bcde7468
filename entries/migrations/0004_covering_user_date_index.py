"""A covering (user, -entry_date) index for the insight aggregates and a partial index over the analysis backlog.

Built CONCURRENTLY (no lock that blocks writes while a large table is indexed): the covering index is created
under a temporary name, the old one dropped, then the new one takes the old name.
"""

from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models

COVERED = ["deleted_at", "analysis_status", "sentiment_score", "mood", "word_count", "topic", "crisis_flagged"]


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("entries", "0003_embedding_inline_storage"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="entry",
            index=models.Index(fields=["user", "-entry_date"], include=COVERED, name="entry_user_date_cover"),
        ),
        RemoveIndexConcurrently(model_name="entry", name="entry_user_date"),
        migrations.RenameIndex(model_name="entry", new_name="entry_user_date", old_name="entry_user_date_cover"),
        AddIndexConcurrently(
            model_name="entry",
            index=models.Index(
                fields=["analysis_requested_at", "id"],
                condition=models.Q(analysis_status="pending"),
                name="entry_pending_backlog",
            ),
        ),
    ]
