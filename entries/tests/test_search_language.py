"""Full-text search in the writer's language: stemming per entry, queries parsed the same way, re-indexing."""

import json

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.urls import reverse

from entries import selectors
from entries.models import Entry
from entries.search import run_search
from entries.services import create_entry, reindex_search_language
from entries.text_config import CONFIGS, search_config_for
from journaling.testing.factories import UserFactory


def titles(result):
    return [hit.entry.title for hit in result.hits[:20]]


@pytest.mark.parametrize(
    "language,config",
    [("en", "english"), ("de", "german"), ("pt-BR", "portuguese"), ("de_AT", "german"), ("NB", "norwegian"),
     ("xx", "simple"), ("", "simple"), (None, "simple"), ("  fr ", "french")],
)  # fmt: skip
def test_a_language_code_maps_to_its_postgresql_configuration(language, config):
    assert search_config_for(language) == config


@pytest.mark.django_db
def test_every_mapped_configuration_exists_in_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        available = {row[0] for row in cursor.fetchall()}
    assert set(CONFIGS.values()) | {"simple"} <= available


@pytest.mark.django_db
def test_a_german_writer_finds_plural_forms_that_english_stemming_would_miss(db):
    german, english = UserFactory(language="de"), UserFactory(language="en")
    for writer in (german, english):
        create_entry(user=writer, title="Abend", content="Die Katzen schlafen auf dem Sofa.")
    found = run_search(selectors.entries_for(german), "Katze Sofa", "text", config=search_config_for("de"))
    missed = run_search(selectors.entries_for(english), "Katze Sofa", "text", config=search_config_for("en"))
    # (not the last word alone: "Katze" typed last is also a prefix, which matches "Katzen" in any language)
    assert titles(found) == ["Abend"] and titles(missed) == []
    assert Entry.objects.get(user=german).search_config == "german"


@pytest.mark.django_db
def test_a_writer_without_a_stemmer_gets_whole_word_matches(db):
    writer = UserFactory(language="ja")
    create_entry(user=writer, title="Walks", content="Walking by the river again.")
    qs, config = selectors.entries_for(writer), search_config_for("ja")
    assert config == "simple"
    assert titles(run_search(qs, "walking", "text", config=config)) == ["Walks"]
    assert titles(run_search(qs, "the", "text", config=config)) == ["Walks"]  # 'simple' keeps stop words


@pytest.mark.django_db
def test_changing_language_through_the_api_queues_a_reindex_that_moves_every_entry(api, user):
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete("default")
    create_entry(user=user, title="Abend", content="Die Katzen schlafen.")
    create_entry(user=user, title="Morgen", content="Kaffee und Katzen.")
    assert api.patch("/api/v1/me/", {"language": "de"}, format="json").status_code == 200
    queued = [json.loads(m) for m in broker.lrange("default", 0, -1)]
    assert [m["headers"]["task"] for m in queued] == ["entries.tasks.reindex_search_language"]
    user.refresh_from_db()

    def search():  # "-hund" keeps "Katze" a whole word, not a prefix that matches "Katzen" in any language
        return titles(run_search(selectors.entries_for(user), "Katze -Hund", "text", config=search_config_for("de")))

    assert search() == []  # still indexed with English stemming
    assert reindex_search_language(user=user) == 2  # what the queued task runs
    assert reindex_search_language(user=user) == 0  # idempotent
    assert sorted(search()) == ["Abend", "Morgen"]
    assert api.patch("/api/v1/me/", {"display_name": "Anna"}, format="json").status_code == 200
    assert broker.llen("default") == 1  # no language change, nothing more queued


@pytest.mark.django_db
def test_changing_language_in_the_preferences_page_reindexes_too(browser_client, user):
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete("default")
    create_entry(user=user, title="Abend", content="Die Katzen schlafen.")
    data = {"display_name": "", "email": "", "timezone": "UTC", "language": "de", "country": ""}
    assert browser_client.post("/accounts/preferences/", data).status_code == 302
    assert broker.llen("default") == 1


@pytest.mark.django_db
def test_the_journal_filter_parses_words_in_the_writers_language(api, user):
    user.language = "de"
    user.save()
    create_entry(user=user, title="Abend", content="Die Katzen und Hunde schlafen.")
    # 'und' is a German stop word and 'Katzen' stems to 'katz' only in German: English parsing finds nothing.
    response = api.get("/api/v1/entries/", {"q": "Katzen und Hunde"})
    assert response.status_code == 200
    assert [e["title"] for e in response.json()["results"]] == ["Abend"]


@pytest.mark.django_db
def test_the_journal_page_filter_parses_words_in_the_writers_language(browser_client, user):
    user.language = "de"
    user.save()
    create_entry(user=user, title="Abend", content="Die Katzen und Hunde schlafen.")
    create_entry(user=user, title="Morgen", content="Regen.")
    page = browser_client.get(reverse("entries:list"), {"q": "Katzen und Hunde"})
    assert page.status_code == 200
    assert "Abend" in page.content.decode() and "Morgen" not in page.content.decode()


@pytest.mark.django_db
def test_imported_entries_are_indexed_in_the_writers_language(user, tmp_path):
    from entries.importing.batches import run_import
    from entries.tests.test_importers_writing import dayone_file

    user.language = "de"
    user.save()
    run_import(user=user, path=dayone_file(tmp_path / "Journal.json", 2, text="Die Katzen schlafen, Nummer {n}."))
    assert set(Entry.objects.filter(user=user).values_list("search_config", flat=True)) == {"german"}


@pytest.mark.django_db
def test_a_reindex_started_for_an_older_language_ends_in_the_language_saved_now(user):
    """en -> de -> fr in quick succession: the run started for German must not convert the journal to German."""
    from journaling.testing.factories import EntryFactory

    EntryFactory.create_batch(3, user=user)
    stale_copy = type(user).objects.get(pk=user.pk)
    stale_copy.language = "de"  # what the first run read
    type(user).objects.filter(pk=user.pk).update(language="fr")  # what is saved now
    reindex_search_language(user=stale_copy)
    assert set(Entry.objects.filter(user=user).values_list("search_config", flat=True)) == {search_config_for("fr")}
