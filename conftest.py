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
