"""Deleting an account: the confirmation step, and proof that no row, session or cache key of the user remains."""

import contextlib
import datetime
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts import lockout
from accounts.models import User
from accounts.portability.delete import delete_account, user_foreign_keys
from accounts.tests.test_portability_export import minimal_row
from entries.importing import services as imports
from entries.importing.batches import run_import
from entries.models import Entry, Topic
from entries.tests.test_importers_writing import dayone_file
from insights.cache import bump_user_version, cache_key
from ml_models.tasks import analyze_entries

PASSWORD = "correct horse battery"  # journaling.testing.factories.UserFactory


def rows_pointing_at(user_id: int) -> dict[str, int]:
    """Every row, in every model of the project, whose foreign key points at this user id."""
    found = {}
    for model, field in user_foreign_keys():
        count = model._default_manager.filter(**{field.attname: user_id}).count()
        if count:
            found[f"{model._meta.label}.{field.name}"] = count
    return found


def cache_keys_of(user_id: int, username: str) -> list[str]:
    return [k for k in cache.keys("*") if re.search(rf"(^|:){user_id}(:|$)", k) or username.lower() in k.lower()]


def sessions_of(user_id: int) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(user_id))


def fill_everything(user, tmp_path, entry_factory):
    """Give the user a row in every store we have: entries with analysis, topics, imports, sessions, caches."""
    topic = Topic.objects.create(user=user, name="Sleep")
    entry = entry_factory(user=user, topic=topic, content="Analysed.")
    Entry.objects.filter(pk=entry.pk).update(
        analysis_status="done", sentiment_label="neutral", sentiment_score=0.0, embedding=[0.1] * 384
    )
    run_import(user=user, path=dayone_file(tmp_path / "Journal.json", 5))
    imports.start_import(user=user, upload=SimpleUploadedFile("j.json", b'{"entries": []}'))
    for _ in range(2):
        Client().force_login(user)
    with contextlib.suppress(LookupError):  # another app's rows, when this installation has that app's model
        minimal_row(apps.get_model("psychology", "AssessmentResult"), user)
    cache.set(cache_key(user.pk, "mood_trend", "30d"), [1, 2, 3])
    bump_user_version(user.pk)
    lockout.record_failure(user.username, "10.0.0.9")
    return entry


@pytest.mark.django_db
def test_deleting_leaves_no_row_session_or_cache_key_of_the_user(
    user, other_user, tmp_path, entry_factory, django_capture_on_commit_callbacks
):
    fill_everything(user, tmp_path, entry_factory)
    fill_everything(other_user, tmp_path, entry_factory)
    user_id, username = user.pk, user.username
    assert rows_pointing_at(user_id) and sessions_of(user_id) == 2 and cache_keys_of(user_id, username)
    before_other = rows_pointing_at(other_user.pk)

    with django_capture_on_commit_callbacks(execute=True):
        removed = delete_account(user=user)

    assert removed["entries.Entry"] == 6 and removed["sessions"] == 2
    assert rows_pointing_at(user_id) == {}
    assert not User.objects.filter(pk=user_id).exists()
    assert sessions_of(user_id) == 0
    assert cache_keys_of(user_id, username) == []
    assert rows_pointing_at(other_user.pk) == before_other and sessions_of(other_user.pk) == 2
    assert cache_keys_of(other_user.pk, other_user.username)


@pytest.mark.django_db
def test_a_queued_analysis_task_for_a_deleted_entry_does_nothing(user, entry_factory):
    entry = entry_factory(user=user)
    delete_account(user=user)
    assert analyze_entries.apply(args=[[entry.pk]]).get() == 0
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_delete_page_asks_for_username_and_password_first(browser_client, user):
    url = reverse("data:delete_account")
    page = browser_client.get(url).content.decode()
    assert user.username in page and 'type="password"' in page
    wrong_name = browser_client.post(url, {"username": "someone", "password": PASSWORD})
    assert wrong_name.status_code == 400 and "Type your username exactly" in wrong_name.content.decode()
    wrong_password = browser_client.post(url, {"username": user.username, "password": "nope"})
    assert wrong_password.status_code == 400 and "That is not your password." in wrong_password.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_delete_page_deletes_everything_and_signs_out_every_device(user, entry_factory, tmp_path):
    fill_everything(user, tmp_path, entry_factory)
    this_device, other_device = Client(), Client()
    this_device.force_login(user)
    other_device.force_login(user)
    response = this_device.post(reverse("data:delete_account"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "have been deleted" in this_device.get(reverse("login")).content.decode()
    assert other_device.get(reverse("entries:list")).status_code == 302
    assert rows_pointing_at(user.pk) == {} and sessions_of(user.pk) == 0
    assert cache_keys_of(user.pk, user.username) == []


@pytest.mark.django_db
def test_guessing_the_password_is_throttled(browser_client, user):
    url = reverse("data:delete_account")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        browser_client.post(url, {"username": user.username, "password": "guess"})
    locked = browser_client.post(url, {"username": user.username, "password": PASSWORD})
    assert locked.status_code == 400 and lockout.LOCKED_MESSAGE in locked.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_api_delete_needs_the_password_then_revokes_every_token(user, entry_factory):
    entry_factory(user=user)
    client = APIClient()
    tokens = client.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}).json()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert client.delete("/api/v1/me/account/", {}, format="json").status_code == 400
    wrong = client.delete("/api/v1/me/account/", {"username": user.username, "password": "x"}, format="json")
    assert wrong.status_code == 400 and wrong.json() == {"password": ["That is not your password."]}
    done = client.delete("/api/v1/me/account/", {"username": user.username, "password": PASSWORD}, format="json")
    assert done.status_code == 204
    assert client.get("/api/v1/me/").status_code == 401
    assert rows_pointing_at(user.pk) == {}


@pytest.mark.django_db
def test_api_delete_is_throttled_after_repeated_wrong_passwords(api, user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        api.delete("/api/v1/me/account/", {"username": user.username, "password": "guess"}, format="json")
    locked = api.delete("/api/v1/me/account/", {"username": user.username, "password": PASSWORD}, format="json")
    assert locked.status_code == 429 and User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db
def test_anonymous_visitors_cannot_reach_account_deletion(client):
    assert client.get(reverse("data:delete_account")).status_code == 302
    assert APIClient().delete("/api/v1/me/account/", {"password": "x"}, format="json").status_code == 401


@pytest.mark.django_db
def test_trashed_entries_and_old_previews_go_with_the_account(user, entry_factory):
    entry = entry_factory(user=user)
    Entry.objects.filter(pk=entry.pk).update(deleted_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    delete_account(user=user)
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_the_page_after_a_deletion_tells_the_browser_to_clear_its_drafts_and_a_refusal_does_not(client, user):
    """Drafts of the deleted account go from the browser too, but only once the deletion happened."""
    client.force_login(user)
    form = client.get("/my-data/delete/").content.decode()
    assert '<form method="post" novalidate>' in form  # no data-clear-drafts: a mistyped password turns it back
    refused = client.post("/my-data/delete/", {"username": user.username, "password": "wrong"}, follow=True)
    assert "data-clear-drafts-now" not in refused.content.decode()
    deleted = client.post(
        "/my-data/delete/", {"username": user.username, "password": "correct horse battery"}, follow=True
    )
    assert "have been deleted" in deleted.content.decode() and "data-clear-drafts-now" in deleted.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_deletion_waits_for_an_import_batch_in_flight_and_takes_its_entries_too(user, monkeypatch):
    """An import worker's batch commits between the deletion's collecting the entries and its commit: the deletion
    failed at commit on the deferred foreign key (a 500). It now locks the account first, so the batch waits and
    fails instead (the account it was importing into is gone), and the deletion completes."""
    import threading

    from django.db import connection, transaction
    from django.db.models import deletion

    started, commit_now, committed, failures = threading.Event(), threading.Event(), threading.Event(), []

    def import_batch():
        try:
            with transaction.atomic():
                Entry.objects.create(user_id=user.pk, content="Meanwhile.", entry_date=datetime.date(2024, 1, 2))
                started.set()
                commit_now.wait(10)
        except Exception as exc:  # noqa: BLE001 - expected once the account is gone
            failures.append(exc)
        finally:
            committed.set()
            connection.close()

    real_delete = deletion.Collector.delete

    def delete_once_the_batch_has_had_its_chance(self):
        if User in self.data:  # the account's own collector: its entries are collected by now
            commit_now.set()
            committed.wait(3)  # the batch commits here unless the account is locked
        return real_delete(self)

    monkeypatch.setattr(deletion.Collector, "delete", delete_once_the_batch_has_had_its_chance)
    worker = threading.Thread(target=import_batch)
    worker.start()
    assert started.wait(10), failures
    delete_account(user=User.objects.get(pk=user.pk))  # must not raise
    worker.join(15)
    assert not User.objects.filter(pk=user.pk).exists() and not Entry.objects.filter(user_id=user.pk).exists()
    assert len(failures) == 1  # the batch, not the deletion
