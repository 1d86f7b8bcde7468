"""Keep entry embeddings inside the table row instead of in the TOAST table.

pgvector declares its type STORAGE external, so in a row with a journal-length text (over ~2 kB) PostgreSQL moves the
1.5 kB vector out of line, and every exact nearest-neighbour scan of one user's entries (search by meaning, similar
entries, the dashboard's "most similar" insight) then fetches each vector through the TOAST index: ~4 buffer reads
per entry. With STORAGE MAIN the vector stays in the row (the text and search vector are compressed or moved out
first). bench/search_bench.py: a 10,000-entry journal's exact scan went from ~45 ms to ~9 ms.

The storage setting applies to rows written from now on. Existing out-of-line vectors are rewritten in small
batches, each its own transaction, so a large table stays readable and writable meanwhile (subvector() of the
whole vector builds a fresh, untoasted copy of the same values; pg_column_toast_chunk_id needs PostgreSQL 17+).
"""

from django.db import migrations

BATCH = 5000


def move_vectors_inline(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM entries_entry")
        last = cursor.fetchone()[0]
        for start in range(0, last + 1, BATCH):
            cursor.execute(
                "UPDATE entries_entry SET embedding = subvector(embedding, 1, vector_dims(embedding)) "
                "WHERE id >= %s AND id < %s AND pg_column_toast_chunk_id(embedding) IS NOT NULL",
                [start, start + BATCH],
            )


class Migration(migrations.Migration):
    atomic = False  # one short transaction per batch (see move_vectors_inline)
    dependencies = [("entries", "0002_portability")]

    operations = [
        migrations.RunSQL(
            sql="ALTER TABLE entries_entry ALTER COLUMN embedding SET STORAGE MAIN",
            reverse_sql="ALTER TABLE entries_entry ALTER COLUMN embedding SET STORAGE EXTERNAL",
        ),
        migrations.RunPython(move_vectors_inline, migrations.RunPython.noop),
    ]
