"""Headless Chromium: an analysis that lands after the entry page was rendered but before its socket joined the
user's group (no push ever reaches the page) still shows, because the page asks for the current state on connect."""

import re

import pytest

from entries.models import Entry
from journaling.testing.browser import Daphne, chromium_path
from journaling.testing.factories import EntryFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed"),
    pytest.mark.django_db(transaction=True),
]


def test_an_analysis_finished_before_the_socket_opened_still_reaches_the_page(tmp_path, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # what the server checks with
    user = UserFactory()
    entry = EntryFactory(user=user, content="A quiet, happy walk by the sea.")  # pending; no worker runs
    server = Daphne(tmp_path / "daphne.log").start()
    try:
        page.goto(f"{server.url}/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", "correct horse battery")
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/journal/$"))

        def finish_while_connecting(ws):
            # The analysis lands while the page's socket is connecting, with no live push: only the page's own
            # sync on connect can bring it in.
            Entry.objects.filter(pk=entry.pk).update(
                analysis_status="done", sentiment_label="positive", sentiment_score=0.7,
                emotions={"joy": 0.8, "neutral": 0.2}, dominant_emotion="joy",
            )  # fmt: skip
            ws.connect_to_server()

        page.route_web_socket(re.compile(r".*/ws/updates/.*"), finish_while_connecting)
        page.goto(f"{server.url}/journal/{entry.pk}/")
        assert page.locator(".analysis").first.get_attribute("data-status") == "pending"  # as rendered
        page.wait_for_selector(f'.analysis[data-entry-id="{entry.pk}"][data-status=done]', timeout=20_000)
        assert "Positive" in page.locator(".analysis").first.inner_text()
    finally:
        server.stop()
