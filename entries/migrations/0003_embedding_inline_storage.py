"""Keep entry embeddings inside the table row instead of in the TOAST table.

pgvector declares its type STORAGE external, so in a row with a journal-length text (over ~2 kB) PostgreSQL moves the
1.5 kB vector out of line, and every exact nearest-neighbour scan of one user's entries (search by meaning, similar
entries, the dashboard's "most similar" insight) then fetches each vector through the TOAST index: ~4 buffer reads
per entry. With STORAGE MAIN the vector stays in the row (the text and search vector are compressed or moved out
first). bench/search_bench.py: a 10,000-entry journal's exact scan went from ~45 ms to ~9 ms.

The storage setting applies to rows written from now on; the UPDATE rewrites existing vectors so they move inline
too (subvector() of the whole vector builds a fresh, untoasted copy of the same values).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("entries", "0002_portability")]

    operations = [
        migrations.RunSQL(
            sql=[
                "ALTER TABLE entries_entry ALTER COLUMN embedding SET STORAGE MAIN",
                "UPDATE entries_entry SET embedding = subvector(embedding, 1, vector_dims(embedding)) "
                "WHERE embedding IS NOT NULL",
            ],
            reverse_sql=["ALTER TABLE entries_entry ALTER COLUMN embedding SET STORAGE EXTERNAL"],
        )
    ]
