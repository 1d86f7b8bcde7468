import datetime
import re

import pytest
from django.urls import reverse

from entries.models import Entry, Topic

PAGES = [
    ("entries:list", {}),
    ("entries:create", {}),
    ("entries:trash", {}),
    ("entries:topics", {}),
    ("accounts:preferences", {}),
    ("accounts:password_change", {}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwargs", PAGES)
def test_pages_need_login(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwargs", PAGES)
def test_pages_render_for_a_signed_in_user(browser_client, name, kwargs):
    response = browser_client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert b"<main" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["login", "accounts:signup", "privacy"])
def test_public_pages_render(client, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.django_db
def test_write_view_edit_and_trash_an_entry(browser_client, user):
    response = browser_client.post(
        reverse("entries:create"),
        {"title": "Walk", "content": "A *lovely* walk.", "entry_date": "2026-11-20", "mood": "4", "tags": "outdoors"},
    )
    entry = Entry.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == reverse("entries:detail", args=[entry.pk])
    page = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    assert "<em>lovely</em>" in page and "Analysing…" in page and "#outdoors" in page
    browser_client.post(
        reverse("entries:edit", args=[entry.pk]), {"content": "Rainy walk.", "entry_date": "2026-11-20"}
    )
    entry.refresh_from_db()
    assert entry.content == "Rainy walk." and entry.tags == []
    browser_client.post(reverse("entries:trash_entry", args=[entry.pk]))
    detail_link = f'href="{reverse("entries:detail", args=[entry.pk])}"'
    assert detail_link not in browser_client.get(reverse("entries:list")).content.decode()
    assert "Rainy walk" in browser_client.get(reverse("entries:trash")).content.decode()
    browser_client.post(reverse("entries:restore", args=[entry.pk]))
    assert Entry.objects.get(pk=entry.pk).deleted_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data,field_error",
    [
        ({"content": "  "}, "be empty"),
        ({"content": "x", "entry_date": "2026-02-30"}, "Enter a valid date"),
        ({"content": "x", "mood": "9"}, "Select a valid choice"),
        ({"content": "x", "topic": "999999"}, "Select a valid choice"),
        ({"content": "x", "tags": "ok, <b>"}, "may hold letters"),
    ],
)
def test_bad_input_shows_a_form_error_and_saves_nothing(browser_client, data, field_error):
    response = browser_client.post(reverse("entries:create"), data)
    assert response.status_code == 400
    assert field_error in response.content.decode().replace("'", "’")
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_form_keeps_what_was_typed_after_an_error(browser_client):
    response = browser_client.post(reverse("entries:create"), {"title": "Keep me", "content": "x", "mood": "9"})
    assert 'value="Keep me"' in response.content.decode()


@pytest.mark.django_db
def test_another_users_topic_is_not_offered_or_accepted(browser_client, other_user):
    foreign = Topic.objects.create(user=other_user, name="Secret plans")
    assert "Secret plans" not in browser_client.get(reverse("entries:create")).content.decode()
    response = browser_client.post(reverse("entries:create"), {"content": "x", "topic": str(foreign.pk)})
    assert response.status_code == 400


@pytest.mark.django_db
def test_other_users_entries_answer_404_everywhere(browser_client, other_user, entry_factory):
    theirs = entry_factory(user=other_user, title="Their diary")
    for name in ("entries:detail", "entries:edit"):
        assert browser_client.get(reverse(name, args=[theirs.pk])).status_code == 404
    for name in ("entries:trash_entry", "entries:restore", "entries:purge"):
        assert browser_client.post(reverse(name, args=[theirs.pk])).status_code == 404
    assert "Their diary" not in browser_client.get(reverse("entries:list")).content.decode()
    assert "Their diary" not in browser_client.get(reverse("entries:list") + "?q=diary").content.decode()
    topic = Topic.objects.create(user=other_user, name="Theirs")
    assert browser_client.get(reverse("entries:topic_edit", args=[topic.pk])).status_code == 404
    assert browser_client.post(reverse("entries:topic_delete", args=[topic.pk])).status_code == 404
    assert Entry.objects.filter(pk=theirs.pk, deleted_at__isnull=True).exists()


@pytest.mark.django_db
def test_list_filters_compose(browser_client, user, entry_factory):
    work = Topic.objects.create(user=user, name="Work")
    entry_factory(user=user, title="Standup", topic=work, mood=2, entry_date=datetime.date(2026, 1, 5), tags=["job"])
    entry_factory(user=user, title="Beach", mood=5, is_favourite=True, entry_date=datetime.date(2026, 7, 1))
    page = lambda qs: browser_client.get(reverse("entries:list") + qs).content.decode()  # noqa: E731
    assert "Standup" in page(f"?topic={work.pk}") and "Beach" not in page(f"?topic={work.pk}")
    assert "Beach" in page("?favourite=on") and "Standup" not in page("?favourite=on")
    assert "Standup" in page("?mood=2&tag=job") and "Beach" not in page("?mood=2")
    assert "Beach" in page("?date_from=2026-06-01&date_to=2026-12-31")
    assert "Standup" not in page("?date_from=2026-06-01")
    assert "Beach" in page("?q=beach")
    # What a browser submits from the filter form untouched: the mood select's first option, blank, means any mood.
    assert '<option value="" selected>Any mood</option>' in page("")
    assert "Standup" in page("?q=&mood=&tag=&date_from=") and "Beach" in page("?q=&mood=&tag=&date_from=")
    assert browser_client.get(reverse("entries:list") + "?date_from=notadate").status_code == 400
    for name in ("entries:list", "entries:search"):
        response = browser_client.get(reverse(name) + "?q=beach&date_from=2026-07-02&date_to=2026-07-01")
        assert response.status_code == 400
        assert "The end date is before the start date." in response.content.decode()


@pytest.mark.django_db
def test_list_is_paginated(browser_client, user, entry_factory):
    entry_factory.create_batch(25, user=user)
    first = browser_client.get(reverse("entries:list")).content.decode()
    assert "Page 1 of 2" in first
    assert browser_client.get(reverse("entries:list") + "?page=2").status_code == 200


@pytest.mark.django_db
def test_markdown_is_sanitized(browser_client, user, entry_factory):
    entry = entry_factory(
        user=user,
        title="<script>alert(1)</script>",
        content="<script>alert(2)</script> [x](javascript:alert(3)) <img src=x onerror=alert(4)> **ok**",
    )
    html = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    assert "<script>alert" not in html
    assert "javascript:" not in html and "onerror" not in html
    assert "<strong>ok</strong>" in html
    assert "&lt;script&gt;alert(1)" in html


@pytest.mark.django_db
def test_topics_page_creates_and_rejects_duplicates(browser_client, user):
    browser_client.post(reverse("entries:topics"), {"name": "Health", "colour": "#112233"})
    response = browser_client.post(reverse("entries:topics"), {"name": "health", "colour": "#112233"})
    assert response.status_code == 400 and "already have a topic" in response.content.decode()
    assert Topic.objects.filter(user=user).count() == 1


@pytest.mark.django_db
def test_pages_load_only_local_assets(browser_client, user, entry_factory):
    entry = entry_factory(user=user)
    for url in (reverse("entries:list"), reverse("entries:detail", args=[entry.pk]), reverse("login")):
        html = browser_client.get(url).content.decode()
        assert 'src="http' not in html and 'href="http' not in html
        assert "<script>" not in html  # no inline scripts: CSP forbids them


@pytest.mark.django_db
def test_content_security_policy_forbids_inline_scripts(browser_client):
    csp = browser_client.get(reverse("entries:list"))["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp


@pytest.mark.django_db
def test_emptying_the_trash_counts_entries_not_the_rows_deleted_with_them(browser_client, user, entry_factory):
    from psychology.models import SuggestionFeedback, Technique

    trashed = entry_factory(user=user)
    SuggestionFeedback.objects.create(user=user, entry=trashed, technique=Technique.objects.first(), verdict="helpful")
    Entry.objects.filter(pk=trashed.pk).update(deleted_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC))
    asked_at = datetime.datetime.now(datetime.UTC).isoformat()
    response = browser_client.post(reverse("entries:trash_empty"), {"asked_at": asked_at}, follow=True)
    assert "Deleted 1 entry for good." in response.content.decode()
    assert not Entry.objects.filter(pk=trashed.pk).exists()


@pytest.mark.django_db
def test_a_rejected_topic_rename_keeps_the_stored_name_in_the_heading(browser_client, user):
    home = Topic.objects.create(user=user, name="Home")
    Topic.objects.create(user=user, name="Work")
    response = browser_client.post(reverse("entries:topic_edit", args=[home.pk]), {"name": "Work", "colour": "#112233"})
    html = response.content.decode()
    assert response.status_code == 400 and "already have a topic" in html
    assert "Edit topic “Home”" in html
    assert 'value="Work"' in html  # what was typed is kept for correcting
    assert Topic.objects.get(pk=home.pk).name == "Home"


@pytest.mark.django_db
def test_a_rejected_preferences_form_shows_the_stored_name_in_the_header(browser_client, user):
    response = browser_client.post(
        reverse("accounts:preferences"),
        {"display_name": "Bob the Unsaved", "email": "not an address", "timezone": "UTC", "language": "en"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("Bob the Unsaved") == 1  # in the form field, not in the page's header
    assert 'value="Bob the Unsaved"' in html


@pytest.mark.django_db
def test_a_mood_only_edit_from_the_browser_keeps_the_analysis(browser_client, user):
    from entries.services import create_entry

    entry = create_entry(user=user, title="", content="First line.\nSecond line.")
    Entry.objects.filter(pk=entry.pk).update(analysis_status="done")
    response = browser_client.post(
        reverse("entries:edit", args=[entry.pk]),
        {"content": "First line.\r\nSecond line.", "mood": "4", "entry_date": entry.entry_date.isoformat()},
    )
    entry.refresh_from_db()
    assert response.status_code == 302 and entry.mood == 4
    assert entry.analysis_status == "done" and entry.content_version == 1
    assert entry.content == "First line.\nSecond line."


@pytest.mark.django_db
def test_line_breaks_are_stored_as_newlines_whatever_the_client_sends(browser_client, user):
    browser_client.post(reverse("entries:create"), {"content": "One.\r\nTwo.\rThree.", "entry_date": "2026-11-20"})
    assert Entry.objects.get(user=user).content == "One.\nTwo.\nThree."


@pytest.mark.django_db
def test_the_length_limit_counts_a_line_break_once(browser_client, user, settings):
    settings.ENTRY_MAX_CHARS = 100
    lines = "\r\n".join(["x" * 9] * 10)  # 99 characters as the writer sees them, 108 as a browser sends them
    response = browser_client.post(reverse("entries:create"), {"content": lines, "entry_date": "2026-11-20"})
    assert response.status_code == 302, response.content.decode()[:500]
    assert len(Entry.objects.get(user=user).content) == 99
    too_long = browser_client.post(reverse("entries:create"), {"content": "x" * 101, "entry_date": "2026-11-20"})
    assert "limited to 100 characters" in too_long.content.decode()
    assert 'maxlength="100"' in browser_client.get(reverse("entries:create")).content.decode()


@pytest.mark.django_db
def test_a_topic_description_counts_a_line_break_once(browser_client, user):
    text = "\r\n".join(["x" * 19] * 100)  # 1,999 characters with "\n", 2,098 as a browser sends them
    form = {"name": "Notes", "colour": "#123456", "description": text}
    response = browser_client.post(reverse("entries:topics"), form)
    assert response.status_code == 302, response.content.decode()[:300]
    assert Topic.objects.get(user=user, name="Notes").description == text.replace("\r\n", "\n")


@pytest.mark.django_db
def test_a_failed_analysis_says_whether_it_will_be_retried(browser_client, user, entry_factory):
    from insights.notify import entry_event
    from ml_models.runner import MAX_ATTEMPTS

    entry = entry_factory(user=user, analysis_status="failed", analysis_attempts=1, analysis_error="worker stopped")
    page = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    assert "it will be retried" in page and entry_event(entry)["retrying"] is True
    Entry.objects.filter(pk=entry.pk).update(analysis_attempts=MAX_ATTEMPTS)
    entry.refresh_from_db()
    page = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    assert "it will be retried" not in page and "edit the entry to try again" in page
    assert "editing it starts a new one" in page
    assert entry_event(entry)["retrying"] is False


@pytest.mark.django_db
def test_the_entry_page_tells_the_browser_which_draft_was_saved_once(browser_client, user):
    response = browser_client.post(reverse("entries:create"), {"content": "Saved.", "entry_date": "2026-11-20"})
    entry = Entry.objects.get(user=user)
    first = browser_client.get(response["Location"]).content.decode()
    assert f'data-draft-saved="draft:{user.pk}:new"' in first
    assert "data-draft-saved" not in browser_client.get(response["Location"]).content.decode()
    form = browser_client.get(reverse("entries:edit", args=[entry.pk])).content.decode()
    assert f'data-draft-key="draft:{user.pk}:{entry.pk}"' in form


@pytest.mark.django_db
def test_the_journal_page_says_why_it_is_empty(browser_client, user, entry_factory):
    blank = browser_client.get(reverse("entries:list"), {"q": "", "tag": ""}).content.decode()
    assert "Write your first entry" in blank  # an Apply with every field blank filters nothing
    bad = browser_client.get(reverse("entries:list"), {"date_from": "notadate"})
    assert bad.status_code == 400 and "No entries match" not in bad.content.decode()
    entry_factory(user=user, content="a walk")
    none = browser_client.get(reverse("entries:list"), {"tag": "nothing-tagged-so"}).content.decode()
    assert "No entries match these filters." in none


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"sentiment_min": "0.5", "sentiment_max": "-0.5"}, {"favourite": "on"}])
def test_search_page_shows_its_filters_when_one_is_set_or_wrong(browser_client, params):
    response = browser_client.get(reverse("entries:search"), {"q": "walk", **params})
    assert "<details open>" in response.content.decode()


@pytest.mark.django_db
def test_results_ranked_by_relevance_page_as_previous_and_next_not_newer_and_older(browser_client, user, entry_factory):
    for n in range(25):
        entry_factory(user=user, content=f"lighthouse walk number {n}", analysis_status="done")
    ranked = browser_client.get(reverse("entries:list"), {"q": "lighthouse"}).content.decode()
    assert "Next →" in ranked and "Older" not in ranked
    dated = browser_client.get(reverse("entries:list")).content.decode()
    assert "Older →" in dated


@pytest.mark.django_db
def test_an_entry_past_the_retention_window_is_gone_from_the_trash_before_the_purge_runs(
    browser_client, api, user, entry_factory, settings
):
    from django.utils import timezone

    settings.TRASH_RETENTION_DAYS = 30
    kept = entry_factory(user=user, content="kept a while")
    expired = entry_factory(user=user, content="past its time")
    now = timezone.now()
    Entry.objects.filter(pk=kept.pk).update(deleted_at=now - datetime.timedelta(days=29))
    Entry.objects.filter(pk=expired.pk).update(deleted_at=now - datetime.timedelta(days=30, minutes=1))
    page = browser_client.get(reverse("entries:trash")).content.decode()
    assert f"/journal/{kept.pk}/restore/" in page and f"/journal/{expired.pk}/restore/" not in page
    assert "deleted for good 30 days after" in page
    when = Entry.objects.get(pk=kept.pk).purge_at.astimezone(user.tz)  # the page speaks the reader's time zone
    assert f"deleted for good after {when:%-d %B %Y, %H:%M}" in page
    assert [e["id"] for e in api.get("/api/v1/entries/?trashed=1").json()["results"]] == [kept.pk]
    assert browser_client.post(reverse("entries:restore", args=[expired.pk])).status_code == 404


@pytest.mark.django_db
def test_control_characters_are_not_stored_and_cannot_fake_search_highlights(user):
    from entries.search import text_hits
    from entries.services import create_entry

    entry = create_entry(user=user, title="A\x07bell", content="a \x02 lighthouse\x03 b\x0bnext\x0cpage c\td\ne")
    assert entry.title == "A bell"  # words stay apart
    assert entry.content == "a   lighthouse  b\nnext\npage c\td\ne"  # Word's line and page breaks become breaks
    old = create_entry(user=user, title="", content="stored before: a lighthouse here")
    Entry.objects.filter(pk=old.pk).update(content="stored before: a \x02 lighthouse\x03 here")  # as rows may hold
    for hit in text_hits(Entry.objects.filter(user=user), "lighthouse"):
        assert hit.snippet.count("<mark>") == hit.snippet.count("</mark>") == 1


@pytest.mark.django_db
def test_emptying_the_trash_asks_first_and_spares_what_was_trashed_after_the_question(
    browser_client, user, entry_factory
):
    from entries.services import trash_entry

    trash_entry(entry=entry_factory(user=user))
    trash_entry(entry=entry_factory(user=user))
    question = browser_client.get(reverse("entries:trash_empty"))
    html = question.content.decode()
    assert question.status_code == 200 and "2 entries in the trash will be deleted for good" in html
    assert Entry.objects.filter(user=user).count() == 2  # asking deleted nothing; nor does a bare POST
    assert browser_client.post(reverse("entries:trash_empty")).status_code == 200
    assert browser_client.post(reverse("entries:trash_empty"), {"asked_at": "yesterday"}).status_code == 200
    assert Entry.objects.filter(user=user).count() == 2
    asked_at = re.search(r'name="asked_at" value="([^"]+)"', html).group(1)
    later = entry_factory(user=user)
    trash_entry(entry=later)  # trashed in another tab after the question was shown
    browser_client.post(reverse("entries:trash_empty"), {"asked_at": asked_at})
    assert list(Entry.objects.filter(user=user).values_list("pk", flat=True)) == [later.pk]
