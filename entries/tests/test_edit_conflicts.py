"""Two tabs, two devices, two clients: a save from a page or client that read an older version never overwrites
what was saved meanwhile. Nothing is lost: the page keeps what was typed and shows the other version."""

import re

import pytest
from django.urls import reverse

from entries.models import Entry
from entries.services import create_entry, update_entry

URL = "/api/v1/entries/"


def edit_form(client, entry) -> dict:
    """What the edit page would post back, as it was drawn (hidden fields included)."""
    html = client.get(reverse("entries:edit", args=[entry.pk])).content.decode()
    revision = re.search(r'name="revision" value="([^"]+)"', html).group(1)
    return {"title": entry.title, "content": entry.content, "entry_date": entry.entry_date.isoformat(),
            "revision": revision}  # fmt: skip


@pytest.mark.django_db
def test_a_save_from_a_page_older_than_the_entry_is_refused_and_keeps_both_texts(browser_client, user):
    entry = create_entry(user=user, title="Sunday", content="first draft")
    stale = edit_form(browser_client, entry)  # tab A opens the editor
    update_entry(entry=entry, content="second, written in tab B")  # tab B saves

    response = browser_client.post(reverse("entries:edit", args=[entry.pk]), {**stale, "mood": "4"})

    entry.refresh_from_db()
    assert response.status_code == 409
    assert entry.content == "second, written in tab B" and entry.mood is None  # nothing of tab A was written
    html = response.content.decode()
    assert "saved somewhere else" in html
    assert "first draft</textarea>" in html  # what tab A had is still in the form
    assert "Saved meanwhile" in html and "second, written in tab B" in html


@pytest.mark.django_db
def test_saving_again_from_the_conflict_page_replaces_the_other_version_knowingly(browser_client, user):
    entry = create_entry(user=user, title="Sunday", content="first draft")
    stale = edit_form(browser_client, entry)
    update_entry(entry=entry, content="second")
    html = browser_client.post(reverse("entries:edit", args=[entry.pk]), {**stale, "content": "mine"}).content
    revision = re.search(r'name="revision" value="([^"]+)"', html.decode()).group(1)

    response = browser_client.post(reverse("entries:edit", args=[entry.pk]), {**stale, "content": "mine",
                                                                              "revision": revision})  # fmt: skip

    assert response.status_code == 302
    assert Entry.objects.get(pk=entry.pk).content == "mine"


@pytest.mark.django_db
def test_an_edit_from_an_up_to_date_page_saves(browser_client, user):
    entry = create_entry(user=user, title="", content="words")
    response = browser_client.post(reverse("entries:edit", args=[entry.pk]), {**edit_form(browser_client, entry),
                                                                              "content": "more words"})  # fmt: skip
    assert response.status_code == 302 and Entry.objects.get(pk=entry.pk).content == "more words"


@pytest.mark.django_db
def test_the_api_refuses_a_write_whose_if_match_names_an_older_version(api, user):
    entry = create_entry(user=user, title="", content="first")
    etag = api.get(f"{URL}{entry.pk}/")["ETag"]
    update_entry(entry=entry, content="second")  # another device

    stale = api.patch(f"{URL}{entry.pk}/", {"content": "from the old copy"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and "ETag" in stale.json()["detail"]
    assert Entry.objects.get(pk=entry.pk).content == "second"

    current = api.get(f"{URL}{entry.pk}/")["ETag"]
    assert current != etag
    fresh = api.put(f"{URL}{entry.pk}/", {"content": "third"}, format="json", HTTP_IF_MATCH=current)
    assert fresh.status_code == 200 and fresh["ETag"] not in (etag, current)
    assert Entry.objects.get(pk=entry.pk).content == "third"


@pytest.mark.django_db
def test_an_api_write_without_if_match_still_saves(api, user):
    entry = create_entry(user=user, title="", content="first")
    update_entry(entry=entry, content="second")
    assert api.patch(f"{URL}{entry.pk}/", {"content": "third"}, format="json").status_code == 200
    assert Entry.objects.get(pk=entry.pk).content == "third"


@pytest.mark.django_db
def test_the_schema_documents_if_match_and_its_412(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    for method in ("put", "patch"):
        operation = schema["paths"]["/api/v1/entries/{id}/"][method]
        assert "412" in operation["responses"]
        assert any(p["name"] == "If-Match" and p["in"] == "header" for p in operation["parameters"])


@pytest.mark.django_db
def test_a_page_sending_a_revision_that_never_was_saves_nothing(browser_client, user):
    entry = create_entry(user=user, title="", content="words")
    form = {**edit_form(browser_client, entry), "content": "tampered", "revision": "not-a-revision"}
    assert browser_client.post(reverse("entries:edit", args=[entry.pk]), form).status_code == 409
    assert Entry.objects.get(pk=entry.pk).content == "words"
