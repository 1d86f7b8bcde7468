import pytest
from django.db import IntegrityError, connection, transaction

from entries.models import Entry, Topic


@pytest.mark.django_db
def test_search_vector_is_generated_from_weighted_title_and_content(entry_factory):
    entry = entry_factory(title="Lighthouse", content="We walked along the harbour wall.")
    with connection.cursor() as cur:
        cur.execute("SELECT search_vector::text FROM entries_entry WHERE id = %s", [entry.pk])
        vector = cur.fetchone()[0]
    assert "'lighthous':1A" in vector
    assert "'harbour':6B" in vector


@pytest.mark.django_db
def test_search_vector_follows_edits(entry_factory):
    entry = entry_factory(title="", content="apples")
    Entry.objects.filter(pk=entry.pk).update(content="oranges")
    assert Entry.objects.filter(pk=entry.pk, search_vector="orange").exists()
    assert not Entry.objects.filter(pk=entry.pk, search_vector="apple").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field,value",
    [("sentiment_score", 1.5), ("sentiment_score", -1.01), ("mood", 6), ("mood", 0), ("content", "")],
)
def test_database_rejects_out_of_range_values(entry_factory, field, value):
    entry = entry_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(**{field: value})


@pytest.mark.django_db
def test_topic_names_are_unique_per_user_ignoring_case(user, other_user):
    Topic.objects.create(user=user, name="Work")
    Topic.objects.create(user=other_user, name="work")  # another user may reuse it
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.create(user=user, name="WORK")


@pytest.mark.django_db
def test_indexes_exist_for_search_vectors_and_dates():
    with connection.cursor() as cur:
        cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'entries_entry'")
        indexes = dict(cur.fetchall())
    assert "USING hnsw (embedding vector_cosine_ops)" in indexes["entry_embedding_hnsw"]
    assert "USING gin (search_vector)" in indexes["entry_search_gin"]
    assert "(user_id, entry_date DESC)" in indexes["entry_user_date"]
    assert "(user_id, created_at DESC)" in indexes["entry_user_created"]


def test_display_title_falls_back_to_first_line():
    assert Entry(title="", content="First line here\nsecond").display_title == "First line here"
    assert Entry(title="T", content="x").display_title == "T"
    assert Entry(title="", content="a" * 80).display_title.endswith("…")


@pytest.mark.django_db
def test_embeddings_and_search_vectors_stay_inside_the_row_of_a_journal_length_entry(entry_factory):
    """Exact nearest-neighbour scans read every vector of a journal, and full-text search every matching tsvector;
    out-of-line (TOAST) values made them several times slower. With default storage this very row has its vector
    and its tsvector moved out (the largest attributes go first); now the entry's text leaves instead."""
    import random

    rng = random.Random(3)
    vocabulary = [f"{rng.getrandbits(24):x}" for _ in range(3000)]
    entry = entry_factory(content=" ".join(rng.choice(vocabulary) for _ in range(150)))  # ~150 varied words
    Entry.objects.filter(pk=entry.pk).update(embedding=[0.05] * 384)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_toast_chunk_id(embedding), pg_column_toast_chunk_id(search_vector), "
            "pg_column_toast_chunk_id(content) FROM entries_entry WHERE id = %s",
            [entry.pk],
        )
        vector_chunk, search_vector_chunk, content_chunk = cursor.fetchone()
    assert content_chunk is not None  # the row was too long: something had to leave it...
    assert vector_chunk is None and search_vector_chunk is None  # ...and it was neither vector
