"""The dashboard, the weekly review and the entry page's "most similar" box, through the real stack."""

import datetime as dt
import re
from collections import Counter

import pytest
from django.urls import reverse

from insights.periods import PERIODS, local_today
from insights.weekly import EMOTION_PROMPTS, highlight_sentence, prompts_for
from journaling.testing.factories import EntryFactory, TopicFactory

pytestmark = pytest.mark.django_db
PAGES = ["insights:dashboard", "insights:weekly"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)", re.I)


@pytest.fixture
def analysed_emotions():
    """This module's analysed entries lean to joy with some neutral (the conftest default has sadness)."""
    return {"joy": 0.7, "neutral": 0.3}


def vec(*head):
    return [float(x) for x in head] + [0.0] * (384 - len(head))


@pytest.fixture
def journal(user, analysed):
    """A few weeks of analysed writing ending today, in the user's own calendar."""
    today = local_today(user)
    work = TopicFactory(user=user, name="Work")
    for n in range(20):
        analysed(
            user,
            today - dt.timedelta(days=n),
            round(0.5 - n * 0.04, 2),
            mood=1 + n % 5,
            topic=work if n % 2 else None,
            tags=["running"] if n % 3 == 0 else [],
            content=f"Entry number {n}. The long walk by the river cleared my head today. More text follows.",
            embedding=vec(1, n / 10),
        )
    return today


@pytest.mark.parametrize("name", PAGES)
def test_pages_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", PAGES)
def test_pages_render_for_an_empty_journal(browser_client, name):
    response = browser_client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<main" in page and "css/insights.css" in page


def test_navigation_links_to_insights(browser_client):
    page = browser_client.get(reverse("entries:list")).content.decode()
    assert f'href="{reverse("insights:dashboard")}"' in page


@pytest.mark.parametrize("period", PERIODS)
def test_dashboard_renders_every_period_with_svg_charts_and_tables(browser_client, journal, period):
    response = browser_client.get(reverse("insights:dashboard"), {"period": period})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg") >= 4 and page.count("<table") >= 4
    assert f'<option value="{period}" selected>' in page
    assert "/journal/?date_from=" in page  # insights link back to their entries
    assert " style=" not in page and not INLINE_SCRIPT.search(page)  # the CSP would block either
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_dashboard_shows_the_numbers_behind_the_charts(browser_client, journal):
    page = browser_client.get(reverse("insights:dashboard"), {"period": "week"}).content.decode()
    assert "7 entries</a> on 7 days" in page
    assert "Sentiment has been <strong>rising</strong>" in page  # scores fall with age, so rise towards today
    assert "Current writing streak: <strong>" in page and "20 days" in page
    assert "#running" in page and ">Work</a>" in page
    assert "Echoes" in page  # the latest entry's nearest neighbour


def test_a_bad_period_is_a_400_with_a_field_message(browser_client, journal):
    response = browser_client.get(reverse("insights:dashboard"), {"period": "decade"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="period-error"' in page and "Select a valid choice" in page and 'aria-invalid="true"' in page
    assert "Overview" not in page
    assert '<option value="month" selected>' in page  # the default, not the browser's first option, is submitted next


def test_no_one_sees_another_users_insights(client, user, other_user, journal, analysed):
    secret = TopicFactory(user=other_user, name="Secretive")
    analysed(other_user, journal, -0.9, title="Their private entry", topic=secret, tags=["hidden"])
    client.force_login(other_user)
    theirs = client.get(reverse("insights:dashboard"), {"period": "all"}).content.decode()
    assert "1 entry</a>" in theirs and "#running" not in theirs and "Work" not in theirs
    client.force_login(user)
    for name in PAGES:
        mine = client.get(reverse(name), {"period": "all"}).content.decode()
        assert "Secretive" not in mine and "#hidden" not in mine and "Their private entry" not in mine


def test_streaks_and_heatmap_are_hidden_after_a_crisis_flagged_entry(browser_client, user, journal, analysed):
    analysed(user, journal, -0.9, crisis_flagged=True, content="A hard night. I can't see a way through this.")
    page = browser_client.get(reverse("insights:dashboard")).content.decode()
    assert "Current writing streak" not in page and "Your writing year" not in page
    assert "Streaks and the writing calendar are hidden for now" in page


def test_weekly_review_quotes_real_sentences_and_asks_about_the_users_own_topics(
    browser_client, user, journal, analysed
):
    flagged = analysed(
        user, journal, -0.8, crisis_flagged=True, content="Everything feels pointless tonight, honestly."
    )
    response = browser_client.get(reverse("insights:weekly"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The long walk by the river cleared my head today." in page  # the first substantive sentence
    assert f'href="/journal/{flagged.pk}/"' in page and "Everything feels pointless" not in page
    assert "You wrote about “Work” 3 times this week" in page
    assert "What is one small, kind thing you could do for yourself tomorrow?" in page  # gentle after the flag
    assert " style=" not in page and not INLINE_SCRIPT.search(page)


def test_a_flagged_entry_feeds_no_weekly_prompt_and_is_listed_untitled_rather_than_quoted(
    browser_client, user, analysed
):
    today = local_today(user)
    flagged = analysed(
        user, today - dt.timedelta(days=1), -0.9, crisis_flagged=True, title="", tags=["selfharm"],
        content="I don't want to be here anymore.\nNobody would notice.", emotions={"fear": 0.9, "joy": 0.1},
    )  # fmt: skip
    analysed(user, today, 0.4, content="An ordinary afternoon, a good book.")  # the latest is not flagged
    response = browser_client.get(reverse("insights:weekly"))
    review, page = response.context["review"], response.content.decode()
    assert f'href="/journal/{flagged.pk}/"' in page and "want to be here" not in page
    assert [e["title"] for e in review["entries"] if e["id"] == flagged.pk] == ["Untitled"]
    assert {"name": "selfharm", "entries": 1} in [
        {k: t[k] for k in ("name", "entries")} for t in review["tags"]
    ]  # whole
    assert review["prompts"] == [EMOTION_PROMPTS["joy"]]  # nothing from the flagged entry's tag or fear


def test_the_dashboard_echo_never_starts_from_a_flagged_entry(browser_client, user, journal, analysed):
    analysed(user, journal, -0.9, crisis_flagged=True, title="", content="I can't keep going like this.",
             embedding=vec(1, 0))  # fmt: skip
    page = browser_client.get(reverse("insights:dashboard")).content.decode()
    assert "keep going" not in page


def test_entry_page_lists_the_most_similar_entries_first(browser_client, user):
    done = {"analysis_status": "done"}  # only entries analysed as they are now are offered
    first_walk = {"title": "The first walk", "embedding": vec(1, 0.1)}
    older = EntryFactory(user=user, entry_date=dt.date(2024, 1, 1), **first_walk, **done)
    EntryFactory(user=user, entry_date=dt.date(2023, 1, 1), title="Taxes", embedding=vec(0, 1), **done)
    entry = EntryFactory(user=user, entry_date=dt.date(2024, 2, 1), embedding=vec(1, 0), analysis_status="done")
    page = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    box = page[page.index('id="similar-h"') :].split("</section>")[0]
    assert "Entries like this one" in box
    assert box.index(f'<a href="/journal/{older.pk}/">The first walk</a>') < box.index("Taxes")


def test_entry_page_without_an_embedding_still_renders(browser_client, user):
    entry = EntryFactory(user=user)
    response = browser_client.get(reverse("entries:detail", args=[entry.pk]))
    assert response.status_code == 200
    assert 'id="similar-h"' not in response.content.decode()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hi. Today I finally finished the garden fence!  Then tea.", "Today I finally finished the garden fence!"),
        ("# Monday\n> **Work** was long and *really* tiring today.", "Work was long and really tiring today."),
        ("Short one. Tiny.", "Short one."),
        ("   \n  ", None),
        (
            "See [my notes](https://example.com) about the long plan for spring",
            "See my notes about the long plan for spring",
        ),
        # hard-wrapped Markdown (jrnl, Obsidian): the sentence goes on after the line break
        (
            "The long walk by the river\ncleared my head today. Then rain.",
            "The long walk by the river cleared my head today.",
        ),
        ("Monday\nWent for a long walk by the river today.", "Went for a long walk by the river today."),
    ],
)
def test_a_highlight_is_a_sentence_from_the_entry(text, expected):
    assert highlight_sentence(text) == expected


def test_a_very_long_sentence_is_cut_at_a_word_with_an_ellipsis():
    highlight = highlight_sentence("word " * 100)
    assert len(highlight) <= 281 and highlight.endswith("word…")


def test_prompts_are_templates_filled_with_the_users_own_words():
    prompts = prompts_for(Counter({"Work": 3}), Counter({"sleep": 2, "work": 1}), Counter({"fear": 2}), gentle=False)
    assert prompts[0].startswith("You wrote about “Work” 3 times")
    assert prompts[1].startswith("You tagged “#sleep” twice")  # "work" repeats the topic, so it is skipped
    assert prompts[2].startswith("Worry came up this week")
    assert prompts_for(Counter(), Counter(), Counter(), gentle=False) == ["What would you like next week to hold?"]
    assert not any("Worry" in p for p in prompts_for(Counter(), Counter(), Counter({"fear": 1}), gentle=True))


def test_the_heatmap_drops_only_a_crowded_first_month_label():
    from insights import charts

    chart = charts.heatmap({"start": dt.date(2024, 2, 26), "end": dt.date(2025, 2, 25), "max": 0, "days": []})
    labels = [m["label"] for m in chart["months"]]
    assert labels[0] == "Mar" and len(labels) >= 12  # 1 March shares the first column with 26 Feb


def test_the_heatmaps_current_month_links_only_to_days_it_counted(user):
    from insights import reports

    today = dt.date(2025, 3, 10)
    EntryFactory(user=user, entry_date=dt.date(2025, 3, 2))
    EntryFactory(user=user, entry_date=dt.date(2025, 3, 20))  # dated ahead: not counted
    march = [m for m in reports._heatmap(user, today)["months"] if m["month"] == dt.date(2025, 3, 1)][0]
    assert march["entries"] == 1 and "date_to=2025-03-10" in march["entries_url"]


def test_weekly_tag_links_list_the_weeks_entries_only(browser_client, user):
    today = local_today(user)
    EntryFactory(user=user, entry_date=today, tags=["sleep"], analysis_status="done")
    EntryFactory(user=user, entry_date=today - dt.timedelta(days=60), tags=["sleep"], analysis_status="done")
    page = browser_client.get(reverse("insights:weekly")).content.decode()
    start = (today - dt.timedelta(days=6)).isoformat()
    assert f"tag=sleep&amp;date_from={start}&amp;date_to={today.isoformat()}" in page


def test_a_mood_that_never_varies_is_named_as_the_reason_there_is_no_correlation(browser_client, user, analysed):
    today = dt.date.today()
    for days, score in enumerate([0.2, -0.3, 0.6]):
        analysed(user, today - dt.timedelta(days=days), score, mood=3)
    page = browser_client.get(reverse("insights:dashboard"), {"period": "month"}).content.decode()
    assert "was the same for all 3 entries" in page and "Too few entries" not in page
