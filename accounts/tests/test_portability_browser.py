"""My data in headless Chromium: upload, live progress, confirm, book, delete; axe-core on every page."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from accounts.models import User
from entries.importing import tasks
from entries.models import Entry
from entries.models_portability import ImportJob
from journaling.testing.browser import Daphne, check_a11y, chromium_path
from journaling.testing.factories import UserFactory

FIXTURES = Path(__file__).resolve().parents[2] / "entries" / "tests" / "import_fixtures"
PASSWORD = "correct horse battery"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed"),
]


@pytest.fixture
def server(tmp_path):
    daphne = Daphne(tmp_path / "daphne.log").start()
    yield daphne
    daphne.stop()


def run_the_queued_job(user) -> None:
    """The worker's part, done here: this test needs no worker process."""
    tasks.import_journal.apply(args=[ImportJob.objects.filter(user=user).latest("created_at").pk])


@pytest.mark.django_db(transaction=True)
def test_import_with_live_progress_then_book_then_delete_the_account(server, page):
    user = UserFactory(username="reader")
    # daphne runs with the real settings, which don't know the tests' fast MD5 hasher.
    User.objects.filter(pk=user.pk).update(password=PBKDF2PasswordHasher().encode(PASSWORD, "portabilitysalt"))
    page.goto(f"{server.url}/login/")
    page.fill("#id_username", "reader")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/journal/$"))

    page.click("nav >> text=My data")
    page.wait_for_url(re.compile(r"/my-data/$"))
    check_a11y(page, "my data")
    page.set_input_files("#id_file", str(FIXTURES / "daylio.csv"))
    page.click("button:has-text('Upload')")
    page.wait_for_url(re.compile(r"/my-data/imports/\d+/$"))
    assert page.locator("progress#import-progress").count() == 1
    check_a11y(page, "import waiting")

    # The script polls the status and reloads once the job is finished; the marker proves it was a reload.
    page.evaluate("() => { window.__before = true; }")
    run_the_queued_job(user)
    page.wait_for_selector("text=Would be imported", timeout=15_000)
    assert page.evaluate("() => window.__before === undefined")
    assert page.locator(".counts dd").all_inner_texts() == ["4", "1", "1"]
    check_a11y(page, "import preview")

    page.click("button:has-text('Import 4 entries')")
    run_the_queued_job(user)
    page.wait_for_selector("text=See your journal", timeout=15_000)
    assert Entry.objects.filter(user=user).count() == 4

    page.goto(f"{server.url}/my-data/book/")
    assert "January 2024" in page.inner_text("main") and "Saw a film." in page.inner_text("main")
    check_a11y(page, "book")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")

    page.goto(f"{server.url}/my-data/delete/")
    check_a11y(page, "delete account")
    page.fill("#id_username", "reader")
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Delete my account')")
    page.wait_for_url(re.compile(r"/login/$"))
    assert "have been deleted" in page.inner_text("main")
    assert not User.objects.filter(username="reader").exists() and not Entry.objects.exists()
