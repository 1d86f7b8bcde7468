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
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
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


@pytest.mark.django_db
def test_deploy_checks_pass_with_production_settings():
    import subprocess
    import sys

    from journaling.testing.processes import ROOT, process_env

    env = process_env(DJANGO_SECRET_KEY="x" * 64 + "-production-secret", DJANGO_SECURE="1", DJANGO_DEBUG="0")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_with_the_public_default_secret_key():
    import subprocess
    import sys

    from journaling.testing.processes import ROOT, process_env

    env = process_env(DJANGO_SECURE="1", DJANGO_DEBUG="0")
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "needs a DJANGO_SECRET_KEY of your own" in result.stderr


@pytest.mark.parametrize("secure,hops", [("1", "1"), ("0", "0")])
def test_behind_tls_the_lockout_and_throttles_trust_one_proxy_by_default(secure, hops):
    """DJANGO_SECURE=1 means a TLS proxy in front: with no hop trusted, every client would share its address."""
    import subprocess
    import sys

    from journaling.testing.processes import ROOT, process_env

    env = process_env(DJANGO_SECRET_KEY="x" * 64, DJANGO_SECURE=secure, DJANGO_DEBUG="0")
    env.pop("TRUSTED_PROXY_HOPS", None)
    code = (
        "from django.conf import settings; print(settings.TRUSTED_PROXY_HOPS, settings.REST_FRAMEWORK['NUM_PROXIES'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.splitlines()[-1].split() == [hops, hops], result.stderr[-2000:]


@pytest.mark.django_db
def test_health_answers_over_plain_http_where_everything_else_redirects_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # DJANGO_SECURE=1; the container healthcheck speaks plain HTTP
    assert client.get("/health").status_code in (200, 503)
    redirect = client.get("/journal/")
    assert redirect.status_code == 301 and redirect["Location"].startswith("https://")


def _failing_selector(monkeypatch, cause: Exception):
    from django.db import OperationalError

    from entries import selectors

    def fail(*args, **kwargs):
        raise OperationalError(str(cause)) from cause

    monkeypatch.setattr(selectors, "entries_for", fail)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/journal/", "/api/v1/entries/"])
def test_a_database_outage_inside_a_view_answers_503_with_retry_after(client, user, monkeypatch, settings, path):
    """The real restart is in test_faults_database.py; here the page and the API shapes of the answer."""
    import psycopg

    _failing_selector(monkeypatch, psycopg.OperationalError("connection to server on socket failed: No such file"))
    if path.startswith("/api/"):  # the API answers through DRF's exception handler, without the middleware
        outages = "journaling.outages.DatabaseUnavailableMiddleware"
        settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != outages]
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    body = response.content.decode()
    assert "Please try again shortly" in body and "socket" not in body  # no internals leak
    if path.startswith("/api/"):
        assert response.json()["detail"].startswith("The journal's database is briefly unavailable")


@pytest.mark.django_db
def test_a_query_error_is_not_disguised_as_an_outage(user, monkeypatch):
    """A statement timeout or a deadlock is a bug to see in the logs (500), not "try again later"."""
    import psycopg
    from django.test import Client

    _failing_selector(monkeypatch, psycopg.errors.QueryCanceled("canceling statement due to statement timeout"))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    assert client.get("/journal/").status_code == 500


@pytest.mark.django_db
def test_health_counts_only_analysis_workers_as_alive(client):
    """A query-only worker embeds searches; it does not analyse entries, so alone it is not "alive"."""
    from django.core.cache import cache

    from ml_models.worker_status import PREFIX

    cache.delete_many(cache.keys(f"{PREFIX}*"))
    cache.set(f"{PREFIX}host:1", {"state": "ready", "role": "query", "models": {"embedding": "x"}, "pid": 1}, 60)
    try:
        assert client.get("/health").json()["checks"]["workers"]["alive"] is False
        cache.set(f"{PREFIX}host:2", {"state": "ready", "role": "analysis", "models": {}, "pid": 2}, 60)
        assert client.get("/health").json()["checks"]["workers"]["alive"] is True
    finally:
        cache.delete_many(cache.keys(f"{PREFIX}*"))


@pytest.mark.django_db
def test_a_database_outage_while_loading_the_session_answers_503_not_500(user, monkeypatch):
    """The first database read of a signed-in page is its session, before any view runs."""
    import psycopg
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(user)

    calls = []

    def fail(self):
        calls.append(1)
        cause = psycopg.OperationalError("connection failed")
        raise OperationalError(str(cause)) from cause

    monkeypatch.setattr(SessionStore, "load", fail)
    response = client.get("/journal/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert len(calls) == 1  # answered at once, not after a second wait for the database inside the view
    assert "Content-Security-Policy" in response and response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_health_tells_an_anonymous_caller_no_addresses_user_names_or_process_ids(client, monkeypatch):
    from django.core.cache import cache
    from django.db import OperationalError

    from journaling import health
    from ml_models.worker_status import PREFIX

    def down():
        raise OperationalError('connection to server at "10.1.2.3", port 5432 failed: FATAL: user "journaling"')

    monkeypatch.setattr(health, "_database", down)
    cache.set(PREFIX + "worker-7f3a:4242", {"state": "ready", "role": "analysis", "models": {}, "pid": 4242}, 30)
    try:
        response = client.get("/health")
    finally:
        cache.delete(PREFIX + "worker-7f3a:4242")
    body = response.content.decode()
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["error"].startswith("OperationalError")
    for secret in ("10.1.2.3", 'journaling\\"', "4242", "worker-7f3a"):
        assert secret not in body, secret
    assert response.json()["checks"]["workers"]["alive"] is True


@pytest.mark.django_db
def test_pages_may_open_websockets_to_this_site_only(client):
    directives = dict(d.strip().split(" ", 1) for d in client.get("/login/")["Content-Security-Policy"].split(";"))
    # A bare ws: or wss: would let script send text to any host; this site's own, named for Safari before 16.
    assert directives["connect-src"] == "'self' ws://testserver wss://testserver"
