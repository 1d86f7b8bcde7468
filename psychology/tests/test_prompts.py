"""Writing prompts: recent themes and look-backs, never from a crisis-flagged (or unanalysed) entry."""

import datetime

from django.urls import reverse

from psychology.prompts import EMOTION_PROMPTS, GENERAL_PROMPTS, prompts_for

TODAY = datetime.date(2026, 11, 29)
SAD = {"sadness": 0.8, "neutral": 0.2}


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


def test_a_new_user_gets_general_prompts_that_rotate_daily(user):
    today = prompts_for(user, today=TODAY)
    tomorrow = prompts_for(user, today=TODAY + datetime.timedelta(days=1))
    assert len(today) == 3 and {p.kind for p in today} == {"general"}
    assert all(p.text in GENERAL_PROMPTS for p in today)
    assert [p.text for p in today] != [p.text for p in tomorrow]


def test_recent_topics_tags_and_emotions_become_prompts(user, analysed_entry, topic_factory):
    work = topic_factory(user=user, name="Work")
    for n in (1, 3, 5):
        analysed_entry(user, emotions=SAD, topic=work, tags=["deadline"], entry_date=days_ago(n))
    analysed_entry(user, emotions=SAD, topic=work, tags=["deadline"], entry_date=days_ago(20))  # too old to count
    prompts = prompts_for(user, today=TODAY, limit=5)
    kinds = {p.kind: p.text for p in prompts}
    assert "You have written about Work 3 times" in kinds["topic"]
    assert kinds["tag"].startswith("#deadline keeps coming up")
    assert kinds["emotion"] == EMOTION_PROMPTS["sadness"]


def test_look_backs_quote_an_entry_from_a_month_and_a_year_ago(user, analysed_entry):
    month = analysed_entry(user, title="First day at the new job", entry_date=days_ago(31))
    year = analysed_entry(user, title="Moving house", entry_date=days_ago(364))
    analysed_entry(user, title="Too far from either", entry_date=days_ago(200))
    prompts = prompts_for(user, today=TODAY)
    assert prompts[0].kind == "lookback" and prompts[0].entry_id == month.pk
    assert prompts[0].text == "A month ago you wrote “First day at the new job”. How do things look from here?"
    assert prompts[1].entry_id == year.pk and prompts[1].text.startswith("A year ago you wrote “Moving house”")
    assert prompts[2].kind == "general"


def test_prompts_never_quote_or_draw_on_a_crisis_entry(user, analysed_entry, topic_factory):
    grief = topic_factory(user=user, name="Grief")
    flagged = analysed_entry(user, title="The worst night", emotions=SAD, crisis=True, entry_date=days_ago(30))
    for n in (1, 2, 3):
        analysed_entry(user, emotions=SAD, crisis=True, topic=grief, tags=["dark"], entry_date=days_ago(n))
    analysed_entry(user, emotions=SAD, crisis=True, title="A year of it", entry_date=days_ago(365))
    prompts = prompts_for(user, today=TODAY, limit=6)
    assert {p.kind for p in prompts} == {"general"}
    assert all(p.entry_id != flagged.pk for p in prompts)
    assert not any(word in p.text for p in prompts for word in ("worst night", "Grief", "#dark", "A year of it"))


def test_unanalysed_and_trashed_entries_are_not_quoted_either(user, entry_factory, analysed_entry):
    from django.utils import timezone

    entry_factory(user=user, title="Not analysed yet", entry_date=days_ago(30))  # might still be flagged
    analysed_entry(user, title="In the trash", entry_date=days_ago(29), deleted_at=timezone.now())
    assert {p.kind for p in prompts_for(user, today=TODAY)} == {"general"}


def test_other_peoples_entries_never_shape_my_prompts(user, other_user, analysed_entry):
    analysed_entry(other_user, title="Their secret", entry_date=days_ago(30))
    assert not any("Their secret" in p.text for p in prompts_for(user, today=TODAY))


def test_the_write_page_shows_prompts_and_the_edit_page_does_not(browser_client, user, analysed_entry):
    analysed_entry(user, title="Lookback title", entry_date=datetime.date.today() - datetime.timedelta(days=30))
    html = browser_client.get(reverse("entries:create")).content.decode()
    assert "Need a starting point?" in html and "Lookback title" in html
    entry = analysed_entry(user)
    assert "Need a starting point?" not in browser_client.get(reverse("entries:edit", args=[entry.pk])).content.decode()
