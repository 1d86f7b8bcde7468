"""My data pages and API for imports: upload, progress (with and without JavaScript), confirm, limits, isolation."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.portability import uploads
from entries.importing import services as imports
from entries.importing import tasks
from entries.models import Entry
from entries.models_portability import ImportJob

FIXTURES = Path(__file__).resolve().parents[2] / "entries" / "tests" / "import_fixtures"
PAGES = ["data:index", "data:book", "data:delete_account"]


def upload(name="jrnl.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


def run_queued(job_id: int) -> ImportJob:
    """What the worker does with the queued message, run here in-process."""
    tasks.import_journal.apply(args=[job_id])
    return ImportJob.objects.get(pk=job_id)


def assert_no_inline_code(html: str) -> None:
    """Our CSP forbids inline scripts and styles; the pages must not need them."""
    assert all(' src="' in tag for tag in re.findall(r"<script[^>]*>", html))
    assert "<style" not in html and " style=" not in html and " on" + "click=" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_pages_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_pages_render_without_inline_code(browser_client, name):
    response = browser_client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200 and "<main" in html
    assert f'<a href="{reverse("data:index")}">My data</a>' in html
    assert_no_inline_code(html)


@pytest.mark.django_db
def test_index_offers_import_export_book_and_deletion(browser_client):
    html = browser_client.get(reverse("data:index")).content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="format"' in html and 'value="daylio"' in html
    for name in ("data:export", "data:book", "data:delete_account"):
        assert f'href="{reverse(name)}"' in html


@pytest.mark.django_db
def test_upload_preview_confirm_and_import_through_the_pages(browser_client, user):
    response = browser_client.post(reverse("data:import"), {"file": upload(), "format": "auto", "preview": "on"})
    job = ImportJob.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == reverse("data:import_job", args=[job.pk])

    waiting = browser_client.get(response["Location"]).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in waiting  # works without JavaScript
    assert f'data-status-url="{reverse("data:import_status", args=[job.pk])}"' in waiting
    assert '<progress id="import-progress" max="100" value="0">' in waiting and "js/import_progress.js" in waiting
    assert_no_inline_code(waiting)
    assert browser_client.get(reverse("data:import_status", args=[job.pk])).json()["finished"] is False

    run_queued(job.pk)
    state = browser_client.get(reverse("data:import_status", args=[job.pk])).json()
    assert (state["status"], state["finished"], state["percent"], state["report"]["new"]) == ("previewed", True, 100, 3)
    preview = browser_client.get(response["Location"]).content.decode()
    assert "Would be imported" in preview and "Import 3 entries" in preview and "http-equiv" not in preview
    assert "jrnl.txt, line 7" in preview and "unreadable date or time" in preview
    assert not Entry.objects.exists()

    assert browser_client.post(reverse("data:import_confirm", args=[job.pk])).status_code == 302
    run_queued(job.pk)
    done = browser_client.get(response["Location"]).content.decode()
    assert "Imported" in done and "See your journal" in done
    assert Entry.objects.filter(user=user).count() == 3
    assert "jrnl.txt" in browser_client.get(reverse("data:index")).content.decode()


@pytest.mark.django_db
def test_a_refused_upload_shows_the_form_again_with_the_reason(browser_client):
    response = browser_client.post(reverse("data:import"), {"file": upload(), "format": "evernote"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    empty = browser_client.post(reverse("data:import"), {"file": SimpleUploadedFile("e.json", b""), "format": "auto"})
    assert empty.status_code == 400 and not ImportJob.objects.exists()


@pytest.mark.django_db
def test_upload_declared_over_the_limit_is_refused_without_reading_it(browser_client):
    response = browser_client.post(
        reverse("data:import"), {"file": upload(), "format": "auto"}, CONTENT_LENGTH=str(300 * 1024 * 1024)
    )
    assert response.status_code == 400 and "Files are limited to 200 MB" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_upload_over_the_limit_is_stopped_while_it_streams_in(browser_client, api, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1000)
    big = SimpleUploadedFile("big.json", b"{" + b" " * 5000 + b"}")
    page = browser_client.post(reverse("data:import"), {"file": big, "format": "auto"})
    assert page.status_code == 400 and "Files are limited to 200 MB" in page.content.decode()
    big.seek(0)
    response = api.post("/api/v1/imports/", {"file": big}, format="multipart")
    assert response.status_code == 400 and response.json() == {"file": [uploads.TOO_LARGE_MESSAGE]}
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_upload_form_still_checks_csrf(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(reverse("data:import"), {"file": upload(), "format": "auto"}).status_code == 403
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_another_users_job_is_not_found_anywhere(browser_client, api, other_user):
    job = imports.start_import(user=other_user, upload=upload())
    run_queued(job.pk)
    for name in ("data:import_job", "data:import_status"):
        assert browser_client.get(reverse(name, args=[job.pk])).status_code == 404
    assert browser_client.post(reverse("data:import_confirm", args=[job.pk])).status_code == 404
    assert api.get(f"/api/v1/imports/{job.pk}/").status_code == 404
    assert api.post(f"/api/v1/imports/{job.pk}/confirm/").status_code == 404
    assert api.get("/api/v1/imports/").json()["count"] == 0
    assert ImportJob.objects.get(pk=job.pk).status == "previewed"


@pytest.mark.django_db
def test_api_upload_follow_and_confirm(api, user):
    created = api.post("/api/v1/imports/", {"file": upload("daylio.csv"), "format": "daylio"}, format="multipart")
    assert created.status_code == 202, created.content
    body = created.json()
    assert (body["status"], body["dry_run"], body["format"], body["finished"]) == ("queued", True, "daylio", False)
    run_queued(body["id"])
    job = api.get(f"/api/v1/imports/{body['id']}/").json()
    assert job["status"] == "previewed" and job["report"]["new"] == 4 and job["report"]["duplicate"] == 1
    confirmed = api.post(f"/api/v1/imports/{body['id']}/confirm/")
    assert confirmed.status_code == 202 and confirmed.json()["status"] == "queued"
    run_queued(body["id"])
    assert api.get(f"/api/v1/imports/{body['id']}/").json()["status"] == "done"
    assert Entry.objects.filter(user=user).count() == 4
    assert api.post(f"/api/v1/imports/{body['id']}/confirm/").status_code == 400
    listing = api.get("/api/v1/imports/").json()
    assert listing["count"] == 1 and listing["results"][0]["id"] == body["id"]


@pytest.mark.django_db
def test_api_import_without_preview(api, user):
    created = api.post("/api/v1/imports/", {"file": upload("jrnl.json"), "dry_run": "false"}, format="multipart")
    run_queued(created.json()["id"])
    assert Entry.objects.filter(user=user).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload,field",
    [({}, "file"), ({"format": "evernote"}, "format"), ({"dry_run": "maybe"}, "dry_run")],
)
def test_api_bad_uploads_answer_400_with_the_field(api, payload, field):
    if field != "file":
        payload["file"] = upload()
    response = api.post("/api/v1/imports/", payload, format="multipart")
    assert response.status_code == 400 and field in response.json()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_api_needs_authentication(db):
    anonymous = APIClient()
    assert anonymous.post("/api/v1/imports/", {"file": upload()}, format="multipart").status_code == 401
    assert anonymous.get("/api/v1/imports/").status_code == 401


@pytest.mark.django_db
def test_openapi_schema_describes_the_data_endpoints(api):
    paths = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path in ("/api/v1/imports/", "/api/v1/imports/{id}/", "/api/v1/imports/{id}/confirm/", "/api/v1/export/"):
        assert path in paths
    assert "delete" in paths["/api/v1/me/account/"]
    assert "multipart/form-data" in paths["/api/v1/imports/"]["post"]["requestBody"]["content"]
