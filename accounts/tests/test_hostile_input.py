"""Inputs a review found answered with a 500 (or silently mishandled), each now a clear 400 or the right result."""

import io
import json
import zipfile

import pytest
from rest_framework.test import APIClient

from psychology.services import record_assessment

pytestmark = pytest.mark.django_db


def test_json_nested_past_the_recursion_limit_is_a_400_not_a_500():
    response = APIClient().post("/api/v1/auth/token/", "[" * 5000, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_an_unpaired_surrogate_in_a_sign_in_name_is_a_400_and_counts_as_nothing(user):
    body = '{"username": "\\ud800", "password": "x"}'  # escaped in the JSON text, as a client would send it
    response = APIClient().post("/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert "surrogate" in response.json()["detail"]
    good = {"username": user.username, "password": "correct horse battery"}
    assert APIClient().post("/api/v1/auth/token/", good, format="json").status_code == 200


def test_an_unpaired_surrogate_as_the_password_of_account_deletion_is_a_400_and_deletes_nothing(api, user):
    body = json.dumps({"username": user.username, "password": "x"}).replace('"x"', '"\\udfff"')
    response = api.generic("DELETE", "/api/v1/me/account/", body, content_type="application/json")
    assert response.status_code == 400
    user.refresh_from_db()  # still there


def test_preferences_with_a_nul_character_are_a_field_error_and_keep_the_old_ones(api, user):
    user.preferences = {"theme": "dark"}
    user.save()
    for bad in ({"theme": "da\x00rk"}, {"th\x00eme": "dark"}, {"list": ["ok", ["\x00"]]}):
        response = api.patch("/api/v1/me/", {"preferences": bad}, format="json")
        assert response.status_code == 400 and "NUL" in response.json()["preferences"][0]
    response = api.patch("/api/v1/me/", {"preferences": {"note": "x" * 20_000}}, format="json")
    assert response.status_code == 400 and "limited" in response.json()["preferences"][0]
    user.refresh_from_db()
    assert user.preferences == {"theme": "dark"}
    assert api.patch("/api/v1/me/", {"preferences": {"note": "back\\u0000slash"}}, format="json").status_code == 200


def test_deeply_nested_preferences_are_a_field_error_not_a_500(api, user):
    deep = '{"a":' * 600 + "1" + "}" * 600  # parses (under the recursion limit), too deep to walk recursively
    response = api.generic("PATCH", "/api/v1/me/", '{"preferences": ' + deep + "}", content_type="application/json")
    assert response.status_code == 400 and "nest at most" in response.json()["preferences"][0]
    shallow = {"a": {"b": {"c": ["x"]}}}
    assert api.patch("/api/v1/me/", {"preferences": shallow}, format="json").json()["preferences"] == shallow


@pytest.mark.parametrize(
    "year", ["²", "9" * 5000, "-1", "2024.0", ""], ids=["superscript", "5000-digits", "negative", "decimal", "empty"]
)
def test_the_book_ignores_a_year_it_cannot_read(browser_client, entry_factory, user, year):
    entry_factory(user=user, content="A day worth keeping.")
    response = browser_client.get("/my-data/book/", {"year": year})
    assert response.status_code == 200
    assert response.context["year"] == response.context["years"][-1]


def test_the_export_page_includes_assessments_for_a_session_user(browser_client, user, other_user):
    # request.user is a lazy wrapper in a browser session; the export once compared its type and left these out.
    mine = record_assessment(user=user, instrument="phq9", answers=[1, 0, 2, 1, 0, 1, 0, 0, 0])
    record_assessment(user=other_user, instrument="gad7", answers=[0] * 7)
    response = browser_client.get("/my-data/export/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    results = json.loads(archive.read("assessments.json"))["results"]
    assert [r["pk"] for r in results] == [mine.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("typed,stored", [("UK", "GB"), (" de ", "DE"), ("", "")])
def test_the_country_is_stored_as_its_iso_code(api, user, typed, stored):
    response = api.patch("/api/v1/me/", {"country": typed}, format="json")
    assert response.status_code == 200 and response.json()["country"] == stored
    user.refresh_from_db()
    assert user.country == stored


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["XX", "12", "ZZ"])
def test_an_unknown_country_code_is_a_field_error(api, browser_client, typed):
    response = api.patch("/api/v1/me/", {"country": typed}, format="json")
    assert response.status_code == 400 and "two-letter country code" in response.json()["country"][0]
    page = browser_client.post(
        "/accounts/preferences/", {"email": "", "timezone": "UTC", "language": "en", "country": typed}
    )
    assert page.status_code == 400 and "two-letter country code" in page.content.decode()


def test_an_export_error_is_json_even_when_the_client_asked_for_a_zip():
    response = APIClient().get("/api/v1/export/", HTTP_ACCEPT="application/zip")
    assert response.status_code == 401 and response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_the_export_answers_a_client_that_asks_for_the_zip_it_documents(api, user):
    response = api.get("/api/v1/export/", HTTP_ACCEPT="application/zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_account_deletion_can_be_posted_because_openapi_tools_drop_delete_bodies(api, user):
    from accounts.models import User

    wrong = api.post("/api/v1/me/account/delete/", {"username": user.username, "password": "x"}, format="json")
    assert wrong.status_code == 400 and User.objects.filter(pk=user.pk).exists()
    good = {"username": user.username, "password": "correct horse battery"}
    assert api.post("/api/v1/me/account/delete/", good, format="json").status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    body = schema["paths"]["/api/v1/me/account/delete/"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["$ref"].endswith("/AccountDeleteRequest")


def test_a_token_refresh_answer_matches_its_schema(user):
    from rest_framework_simplejwt.tokens import RefreshToken

    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]["TokenRefresh"]
    body = APIClient().post("/api/v1/auth/token/refresh/", {"refresh": str(RefreshToken.for_user(user))}, format="json")
    assert body.status_code == 200
    assert set(schema["required"]) <= set(body.json()) and set(body.json()) <= set(schema["properties"])


def test_every_field_error_is_a_list_of_messages(api, user, entry_factory):
    entry = entry_factory(user=user)
    assert api.get(f"/api/v1/entries/{entry.pk}/similar/", {"k": "0"}).json() == {
        "k": ["k must be a whole number from 1 to 20."]
    }


def test_the_schema_documents_the_error_answers_clients_must_handle():
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()
    responses = schema["paths"]["/api/v1/entries/{id}/"]["patch"]["responses"]
    assert {"400", "401", "404", "429", "503"} <= set(responses)
    assert "Retry-After" in responses["503"]["headers"] and "Retry-After" in responses["429"]["headers"]
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]
