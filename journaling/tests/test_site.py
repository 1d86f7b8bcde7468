import pytest
from django.core.management import call_command
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_health_reports_database_redis_and_migrations(client):
    response = client.get("/health")
    body = response.json()
    assert response.status_code == 200, body
    assert body["checks"]["database"]["ok"] and body["checks"]["database"]["pgvector"].startswith("0.8")
    assert body["checks"]["redis"]["ok"] and body["checks"]["migrations"]["ok"]
    assert "workers" in body["checks"]


@pytest.mark.django_db
def test_health_is_503_when_redis_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"]["ok"] is False


@pytest.mark.django_db
def test_openapi_schema_and_docs_are_served_locally(user):
    client = APIClient()
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in ("/api/v1/entries/", "/api/v1/entries/{id}/", "/api/v1/topics/", "/api/v1/me/", "/api/v1/auth/token/"):
        assert path in paths
    docs = client.get("/api/v1/docs/").content.decode()
    assert "swagger" in docs.lower() and "cdn" not in docs.lower() and 'src="http' not in docs


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
