"""The error answers the API really gives are the ones its OpenAPI schema documents for that operation."""

import pytest
import yaml
from django.test import Client
from rest_framework.test import APIClient


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        body = APIClient().get("/api/v1/schema/").content
    return yaml.safe_load(body)


@pytest.mark.django_db
def test_unsupported_media_unacceptable_accept_and_missing_csrf_are_documented_where_they_happen(api, user, schema):
    create = schema["paths"]["/api/v1/entries/"]["post"]["responses"]
    wrong_media = api.post("/api/v1/entries/", "content=x", content_type="text/plain")
    assert wrong_media.status_code == 415 and "415" in create
    unacceptable = api.get("/api/v1/entries/", HTTP_ACCEPT="image/png")
    assert unacceptable.status_code == 406 and "406" in schema["paths"]["/api/v1/entries/"]["get"]["responses"]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    no_csrf = browser.post("/api/v1/entries/", {"content": "x"}, content_type="application/json")
    assert no_csrf.status_code == 403 and "403" in create
    assert "detail" in no_csrf.json()
    assert "403" not in schema["paths"]["/api/v1/entries/"]["get"]["responses"]  # reading needs no CSRF token
