"""Shared fixtures: real PostgreSQL (embedded) and real Redis; static files without a manifest."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from journaling.testing.factories import EntryFactory, TopicFactory, UserFactory


@pytest.fixture(autouse=True)
def _isolated_state(settings):
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SEARCH_QUERY_EMBED_TIMEOUT = 1.0  # no worker runs in most tests; don't wait 3 s for one
    cache.clear()
    yield


@pytest.fixture(scope="session")
def pipeline():
    """The workers' analysis pipeline with the shipped default models, loaded once per test process."""
    from ml_models.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def browser_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def entry_factory():
    return EntryFactory


@pytest.fixture
def topic_factory():
    return TopicFactory


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Mark failed tests so browser fixtures can save a screenshot as a test artefact."""
    outcome = yield
    if outcome.get_result().failed:
        item.failed = True


@pytest.fixture
def page(request, monkeypatch):
    """A headless Debian chromium page (no downloaded browser); a screenshot is kept when the test fails."""
    from playwright.sync_api import sync_playwright

    from journaling.testing.browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path

    if chromium_path() is None:
        pytest.skip("Debian's chromium is not installed")
    # Playwright's sync API keeps an event loop on this thread; the test's own ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.set_default_timeout(30_000)
        yield page
        if getattr(request.node, "failed", False):
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        browser.close()
