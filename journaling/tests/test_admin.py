"""The Django admin as an operator uses it: the pipeline's state without anyone's words, and account changes that
go through the same services as the people's own."""

import pytest
import redis
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from entries.models import AnalysisStatus, Entry
from journaling.testing.factories import EntryFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

PRIVATE = "Zanzibar quokka confession"


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_entry_admin_shows_the_pipeline_but_nobodys_words(admin_client):
    topic = TopicFactory(name=f"{PRIVATE} topic")
    entry = EntryFactory(
        user=topic.user, topic=topic, title=PRIVATE, content=f"{PRIVATE} in full.", crisis_reasons=[PRIVATE]
    )
    assert admin_client.get(f"/admin/entries/topic/{topic.pk}/change/").status_code == 403
    for url in ("/admin/entries/entry/", f"/admin/entries/entry/{entry.pk}/change/", "/admin/entries/topic/",
                "/admin/entries/entry/?q=Zanzibar"):  # fmt: skip
        response = admin_client.get(url)
        assert response.status_code == 200 and PRIVATE not in response.content.decode(), url
    listed = admin_client.get("/admin/entries/entry/", {"q": topic.user.username}).content.decode()
    assert f"/admin/entries/entry/{entry.pk}/change/" in listed  # found by its writer's exact user name
    assert "crisis_flagged__exact" not in admin_client.get("/admin/entries/entry/").content.decode()


def test_the_entry_admin_cannot_edit_add_or_delete_entries(admin_client):
    entry = EntryFactory(content="Their own words.", analysis_status=AnalysisStatus.DONE)
    changed = admin_client.post(f"/admin/entries/entry/{entry.pk}/change/", {"content": "An admin's words."})
    assert changed.status_code == 403
    assert admin_client.get("/admin/entries/entry/add/").status_code == 403
    assert admin_client.post(f"/admin/entries/entry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Entry.objects.get(pk=entry.pk).content == "Their own words."


def test_an_operator_can_send_entries_to_be_analysed_again(admin_client):
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete("inference")
    entry = EntryFactory(analysis_status=AnalysisStatus.FAILED, analysis_attempts=6)
    response = admin_client.post(
        "/admin/entries/entry/", {"action": "analyse_again", "_selected_action": [entry.pk]}, follow=True
    )
    assert "1 entries will be analysed again" in response.content.decode()
    entry.refresh_from_db()
    assert entry.analysis_status == AnalysisStatus.PENDING and entry.analysis_attempts == 0
    assert broker.llen("inference") == 1


def test_deleting_a_user_in_the_admin_deletes_the_account_as_the_person_would(
    admin_client, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    person = UserFactory()
    EntryFactory(user=person, title=PRIVATE)
    Client().force_login(person)  # a session of theirs
    cache.set(f"insights:version:{person.pk}", 3, None)
    confirm = admin_client.get(f"/admin/accounts/user/{person.pk}/delete/").content.decode()
    assert PRIVATE not in confirm  # the confirmation lists no entries
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/accounts/user/{person.pk}/delete/", {"post": "yes"})
    assert not type(person).objects.filter(pk=person.pk).exists() and not Entry.objects.exists()
    assert not any(s.get_decoded().get("_auth_user_id") == str(person.pk) for s in Session.objects.all())
    assert cache.get(f"insights:version:{person.pk}") is None


def test_changing_a_users_language_in_the_admin_reindexes_their_journal(
    admin_client, django_capture_on_commit_callbacks
):
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete("default")
    person = UserFactory(language="en")
    EntryFactory(user=person)
    form = admin_client.get(f"/admin/accounts/user/{person.pk}/change/")
    data = {k: v for k, v in form.context["adminform"].form.initial.items() if v is not None}
    data.update(language="de", date_joined_0="2026-11-01", date_joined_1="10:00:00", last_login_0="", last_login_1="")
    data["groups"], data["user_permissions"] = [], []
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(f"/admin/accounts/user/{person.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not broker.lrange("default", 0, -1)  # not before the commit: a quick worker would read the old language
    for callback in callbacks:
        callback()
    assert any(b"reindex_search_language" in m for m in broker.lrange("default", 0, -1))


def test_a_thinking_trap_pattern_that_matches_empty_text_is_refused():
    from django.core.exceptions import ValidationError

    from psychology.models import ThinkingTrap

    with pytest.raises(ValidationError, match="matches empty text"):
        ThinkingTrap(name="x", slug="x", description="x", patterns=["(?:always)?"], reframe=["Why?"]).full_clean()


def test_a_technique_edited_in_the_admin_drops_the_vector_of_its_old_text(rf):
    """Until a worker embeds the new text, matching uses emotions alone rather than the old text's meaning."""
    from django.contrib import admin

    from psychology.admin import TechniqueAdmin
    from psychology.models import Technique

    technique = Technique.objects.filter(is_active=True).first() or pytest.skip("no knowledge base loaded")
    technique.embedded_text, technique.embedding = technique.embedding_text, [0.05] * 384  # current
    technique.save()
    technique.when_it_helps += " Also before exams."
    TechniqueAdmin(Technique, admin.site).save_model(rf.post("/"), technique, form=None, change=True)
    assert Technique.objects.get(pk=technique.pk).embedding is None
