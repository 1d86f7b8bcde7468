"""Keep entries' search vectors inside the table row, like their embeddings (0003).

A journal entry's tsvector (~1.1 kB for 100 words) is the largest EXTENDED column of a row that already holds a
1.5 kB inline embedding, so PostgreSQL moved it to the TOAST table, and every full-text search then fetched it
through the TOAST index twice per matching entry: once to test the match, once to rank it. With STORAGE MAIN it is
compressed in the row and only moved out when a row would not fit a page (the entry's text goes first).
bench/search_bench.py: a 10,000-entry journal's full-text search fell from ~88 ms to ~35 ms with this and ts_rank.

The setting applies to rows written from now on; existing out-of-line vectors are rewritten in batches, each its own
transaction. A generated column is recomputed by updating what it is generated from (content = content changes
nothing a user sees). Each rewritten row also gets new index entries, HNSW included (~3 ms a row here), so a table of
a million entries takes about an hour; run it in a quiet hour, or VACUUM FULL in a maintenance window instead.
"""

from django.db import migrations

BATCH = 2000


def move_search_vectors_inline(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM entries_entry")
        last = cursor.fetchone()[0]
        for start in range(0, last + 1, BATCH):
            cursor.execute(
                "UPDATE entries_entry SET content = content "
                "WHERE id >= %s AND id < %s AND pg_column_toast_chunk_id(search_vector) IS NOT NULL",
                [start, start + BATCH],
            )


class Migration(migrations.Migration):
    atomic = False  # one short transaction per batch (see move_search_vectors_inline)
    dependencies = [("entries", "0004_covering_user_date_index")]

    operations = [
        migrations.RunSQL(
            sql="ALTER TABLE entries_entry ALTER COLUMN search_vector SET STORAGE MAIN",
            reverse_sql="ALTER TABLE entries_entry ALTER COLUMN search_vector SET STORAGE EXTENDED",
        ),
        migrations.RunPython(move_search_vectors_inline, migrations.RunPython.noop),
    ]
