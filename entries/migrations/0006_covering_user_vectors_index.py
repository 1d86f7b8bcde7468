"""A covering index of each journal's vectors, for the exact per-user vector search.

Search by meaning in a journal below EXACT_SCAN_BELOW entries (entries.search) compares the query with every
analysed entry of the user. Read from the table, that is one ~3.5 kB row per entry (the vector sits among the text,
the search vector and the analysis); read from this index, the journal's (id, date, vector) tuples lie side by side
in index order, and PostgreSQL answers with an index-only scan. bench/search_bench.py, 10,000-entry journal: ~9 ms
instead of ~13 ms for the scan itself. The price is the vectors' size once more (~2 kB per analysed entry: 1.96 GB
for a million, measured) and one more index write when an analysis lands. Entries analysed since the last
(auto)vacuum are still checked in the table, so the gain on a busy table is smaller than on the benchmark's.

Built CONCURRENTLY, so a large installation keeps accepting entries while it builds. A concurrent build that fails
(or is interrupted) leaves an INVALID index behind and the migration unapplied; the first operation drops such a
leftover, so running migrate again simply rebuilds it.
"""

from django.conf import settings
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("entries", "0005_search_language_and_inline_storage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunSQL(
            sql="DROP INDEX CONCURRENTLY IF EXISTS entry_user_vectors", reverse_sql=migrations.RunSQL.noop
        ),
        AddIndexConcurrently(
            model_name="entry",
            index=models.Index(
                condition=models.Q(("deleted_at__isnull", True), ("embedding__isnull", False)),
                fields=["user"],
                include=("id", "entry_date", "embedding"),
                name="entry_user_vectors",
            ),
        ),
    ]
