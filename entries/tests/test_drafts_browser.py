"""Headless Chromium against daphne: drafts kept in the browser survive a save that never reached the server, stay
with their account, and go once the server has the entry; the entry page reacts to analyses without looping."""

import re
import threading

import pytest
from playwright.sync_api import expect

from entries.models import Entry
from journaling.testing.browser import Daphne, chromium_path
from journaling.testing.factories import EntryFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def server(tmp_path, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # what the server checks with
    daphne = Daphne(tmp_path / "daphne.log").start()
    yield daphne
    daphne.stop()


def sign_in(page, server, user):
    page.goto(f"{server.url}/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/journal/$"))


def type_draft(page, text: str):
    page.fill("#id_content", text)
    page.locator(".draft-status", has_text="Draft saved").wait_for()


def push_analysis(entry_pk: int):
    """What a worker sends when an analysis lands (from another thread: Playwright keeps an event loop on this one)."""
    from insights.notify import notify_entry_analysis

    thread = threading.Thread(target=notify_entry_analysis, args=(Entry.objects.get(pk=entry_pk),))
    thread.start()
    thread.join()


def drafts(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('journaling:draft:'))")


def test_a_draft_outlives_a_save_that_never_reached_the_server_and_goes_once_saved(page, server):
    user = UserFactory()
    sign_in(page, server, user)
    page.goto(f"{server.url}/journal/new/")
    type_draft(page, "Words I would hate to lose.")
    page.context.clear_cookies(name="sessionid")  # signed out elsewhere: the save is answered with the sign-in page
    page.click("form.entry-form button[type=submit]")
    page.wait_for_url(re.compile(r"/login/"))
    assert not Entry.objects.exists()
    page.fill("#id_username", user.username)
    page.fill("#id_password", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/journal/new/$"))  # back where the save was going
    assert page.input_value("#id_content") == "Words I would hate to lose."
    assert "Restored your unsaved draft" in page.inner_text(".draft-status")
    page.click("form.entry-form button[type=submit]")
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    assert Entry.objects.get(user=user).content == "Words I would hate to lose."
    assert drafts(page) == []  # the server has it now
    page.goto(f"{server.url}/journal/new/")
    assert page.input_value("#id_content") == ""


def test_drafts_belong_to_their_account_and_signing_out_clears_them(page, server):
    alice, bob = UserFactory(), UserFactory()
    sign_in(page, server, alice)
    page.goto(f"{server.url}/journal/new/")
    type_draft(page, "Alice's private thoughts.")
    page.evaluate("localStorage.setItem('journaling:draft:new', JSON.stringify({content: 'from an older version'}))")
    page.context.clear_cookies()  # her session ends without the log-out button: the draft stays hers
    sign_in(page, server, bob)
    page.goto(f"{server.url}/journal/new/")
    assert page.input_value("#id_content") == ""  # neither Alice's draft nor the unowned old one
    assert drafts(page) == [f"journaling:draft:{alice.pk}:new"]
    page.click("button:has-text('Log out')")
    page.wait_for_url(re.compile(r"/login/"))
    assert drafts(page) == []


def test_the_edit_page_offers_unsaved_changes_rather_than_overwriting(page, server):
    user = UserFactory()
    entry = EntryFactory(user=user, content="The saved text.")
    sign_in(page, server, user)
    page.goto(f"{server.url}/journal/{entry.pk}/edit/")
    type_draft(page, "The saved text, and what I added before the tab closed.")
    page.reload()
    assert page.input_value("#id_content") == "The saved text."
    page.click(".draft-status button:has-text('Restore them')")
    assert page.input_value("#id_content") == "The saved text, and what I added before the tab closed."


def test_a_flagged_entry_being_reanalysed_does_not_reload_in_a_loop_and_reloads_once_its_flag_changes(page, server):
    user = UserFactory()
    entry = EntryFactory(user=user, content="An edited entry.")
    Entry.objects.filter(pk=entry.pk).update(crisis_flagged=True, crisis_level="concern")  # pending: re-analysing
    sign_in(page, server, user)
    page.goto(f"{server.url}/journal/{entry.pk}/")
    page.evaluate("window.__notReloaded = true")
    page.wait_for_timeout(3000)  # the socket's sync on connect answers pending + flagged
    assert page.evaluate("window.__notReloaded === true")
    Entry.objects.filter(pk=entry.pk).update(
        analysis_status="done", crisis_flagged=False, crisis_level="none", sentiment_label="neutral",
        sentiment_score=0.0, emotions={"neutral": 1.0}, dominant_emotion="neutral",
    )  # fmt: skip
    with page.expect_navigation():
        push_analysis(entry.pk)
    assert page.locator("article.entry").get_attribute("data-crisis-flagged") == "false"


def test_suggestions_replace_the_waiting_note_when_the_analysis_lands(page, server):
    import importlib

    from django.apps import apps

    from psychology.models import ThinkingTrap

    if not ThinkingTrap.objects.exists():  # other transactional tests flush the tables the data migration filled
        importlib.import_module("psychology.migrations.0002_load_knowledge_base").load(apps, None)
    user = UserFactory()
    entry = EntryFactory(user=user, content="I keep worrying about the exam. I'm such an idiot.")
    sign_in(page, server, user)
    page.goto(f"{server.url}/journal/{entry.pk}/")
    assert "once the analysis has finished" in page.inner_text("#entry-support")
    page.wait_for_timeout(1000)  # the socket has joined
    Entry.objects.filter(pk=entry.pk).update(
        analysis_status="done", sentiment_label="negative", sentiment_score=-0.6,
        emotions={"fear": 0.8, "sadness": 0.2}, dominant_emotion="fear",
    )  # fmt: skip
    push_analysis(entry.pk)
    expect(page.locator("#entry-support")).not_to_contain_text("once the analysis has finished", timeout=20_000)
    assert "I'm such an idiot." in page.inner_text("#entry-support")  # the thinking trap, quoted
