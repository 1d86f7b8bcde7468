"""Search vectors in the writer's language, kept inside the table row.

Language: each entry records the text-search configuration it is indexed with (search_config, a regconfig; the
existing entries keep 'english', which is what they were indexed with), and the generated search_vector uses it.
Users' searches parse the query with their own configuration (entries.text_config).

Storage: a journal entry's tsvector (~1.1 kB for 100 words) was the largest EXTENDED column of a row that already
holds a 1.5 kB inline embedding (0003), so PostgreSQL moved it to the TOAST table, and every full-text search
fetched it through the TOAST index twice per matching entry: once to test the match, once to rank it. With
STORAGE MAIN it is compressed in the row and moved out only when a row would not fit a page (the entry's text goes
first). bench/search_bench.py: a 10,000-entry journal's full-text search fell from ~88 ms to ~35 ms with this and
ts_rank.

SET EXPRESSION (PostgreSQL 17+; we run 18 everywhere) recomputes every row under the new storage setting and
rebuilds the table's indexes, holding an exclusive lock meanwhile. Not timed at scale; the HNSW rebuild alone took
452-842 s for a million entries on our 2-core machine (bench/search_bench.py). Deploy it in a quiet moment on a large
installation.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import entries.models

VECTOR = (
    "setweight(to_tsvector({config}, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector({config}, coalesce(content, '')), 'B')"
)


class Migration(migrations.Migration):
    dependencies = [("entries", "0004_covering_user_date_index")]

    operations = [
        migrations.RunSQL(
            sql="ALTER TABLE entries_entry ALTER COLUMN search_vector SET STORAGE MAIN",
            reverse_sql="ALTER TABLE entries_entry ALTER COLUMN search_vector SET STORAGE EXTENDED",
        ),
        migrations.AddField(
            model_name="entry",
            name="search_config",
            field=entries.models.TextSearchConfigField(db_default="english", max_length=63),
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql="ALTER TABLE entries_entry ALTER COLUMN search_vector SET EXPRESSION AS ("
                    + VECTOR.format(config="search_config")
                    + ")",
                    reverse_sql="ALTER TABLE entries_entry ALTER COLUMN search_vector SET EXPRESSION AS ("
                    + VECTOR.format(config="'english'::regconfig")
                    + ")",
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="entry",
                    name="search_vector",
                    field=models.GeneratedField(
                        db_persist=True,
                        expression=django.contrib.postgres.search.CombinedSearchVector(
                            django.contrib.postgres.search.SearchVector(
                                "title", config=models.F("search_config"), weight="A"
                            ),
                            "||",
                            django.contrib.postgres.search.SearchVector(
                                "content", config=models.F("search_config"), weight="B"
                            ),
                            django.contrib.postgres.search.SearchConfig(models.F("search_config")),
                        ),
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                )
            ],
        ),
    ]
