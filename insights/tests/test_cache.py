"""Insight caching on the real Redis: hits skip the database, any change to a user's entries shows on the next read."""

import datetime as dt

import pytest
from django.urls import reverse

from entries import analysis, services
from insights import reports
from insights.cache import user_version
from insights.periods import local_today
from journaling.testing.factories import EntryFactory, TopicFactory

pytestmark = pytest.mark.django_db


def analysed(user, day, score, **fields):
    return EntryFactory(
        user=user,
        entry_date=day,
        sentiment_score=score,
        sentiment_label="positive" if score > 0 else "negative",
        emotions={"joy": 1.0},
        dominant_emotion="joy",
        analysis_status="done",
        **fields,
    )


def entries_count(user) -> int:
    return reports.dashboard(user, "month")["summary"]["volume"]["entries"]


@pytest.fixture
def today(user):
    return local_today(user)


def test_a_cached_dashboard_is_served_without_touching_the_database(user, today, django_assert_num_queries):
    analysed(user, today, 0.5)
    first = reports.dashboard(user, "month")
    with django_assert_num_queries(0):
        assert reports.dashboard(user, "month") == first


def test_each_period_and_section_is_cached_under_its_own_key(user, today):
    analysed(user, today - dt.timedelta(days=40), 0.5)
    assert reports.dashboard(user, "month")["summary"]["volume"]["entries"] == 0
    assert reports.dashboard(user, "quarter")["summary"]["volume"]["entries"] == 1
    assert reports.section(user, "summary", "month")["volume"]["entries"] == 0


def test_an_edit_is_reflected_on_the_next_request(api, user, today):
    entry = analysed(user, today, 0.5, tags=["before"])
    assert api.get(reverse("api:insights-summary")).json()["tags"][0]["name"] == "before"
    services.update_entry(entry=entry, tags=["after"])
    assert api.get(reverse("api:insights-summary")).json()["tags"][0]["name"] == "after"


def test_trash_restore_and_delete_are_reflected_on_the_next_read(user, today):
    entry = analysed(user, today, 0.5)
    assert entries_count(user) == 1
    services.trash_entry(entry=entry)
    assert entries_count(user) == 0
    services.restore_entry(entry=entry)
    assert entries_count(user) == 1
    services.trash_entry(entry=entry)
    entries_count(user)
    services.purge_entry(entry=entry)
    assert not reports.dashboard(user, "all")["heatmap"]["days"]


def test_a_new_entry_and_a_finished_analysis_are_reflected(user, today):
    entry = services.create_entry(user=user, content="A quiet day.")
    assert reports.section(user, "summary", "week")["volume"] == {
        "entries": 1,
        "words": 3,
        "average_words": 3.0,
        "days_written": 1,
        "analysed": 0,
        "average_sentiment": None,
    }
    result = {
        "sentiment": {"label": "positive", "score": 0.4},
        "emotions": {"joy": 0.8, "neutral": 0.2},
        "crisis": {"flagged": False, "level": "none", "reasons": []},
        "embedding": [0.1] * 384,
    }
    analysis.apply_analysis(entry_id=entry.pk, content_version=1, result=result, model_versions={})
    assert reports.section(user, "summary", "week")["volume"]["average_sentiment"] == pytest.approx(0.4)


def test_a_topic_rename_is_reflected(user, today):
    topic = TopicFactory(user=user, name="Old name")
    analysed(user, today, 0.5, topic=topic)
    assert reports.dashboard(user, "month")["summary"]["topics"][0]["name"] == "Old name"
    services.update_topic(topic=topic, name="New name")
    assert reports.dashboard(user, "month")["summary"]["topics"][0]["name"] == "New name"
    services.delete_topic(topic=topic)  # its entries lose the topic by an UPDATE, which sends no Entry signal
    assert reports.dashboard(user, "month")["summary"]["topics"] == []


def test_deleting_an_account_with_entries_leaves_other_users_insights_alone(user, other_user, today):
    for n in range(3):
        analysed(user, today - dt.timedelta(days=n), 0.5)
    analysed(other_user, today, -0.5)
    theirs = reports.dashboard(other_user, "month")
    user.delete()
    assert reports.dashboard(other_user, "month") == theirs


def test_the_version_is_bumped_again_when_the_transaction_commits(user, django_capture_on_commit_callbacks):
    before = user_version(user.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        EntryFactory(user=user)
    assert len(callbacks) >= 1 and user_version(user.pk) >= before + 2


def test_no_cache_bleeds_between_users(user, other_user, today, django_assert_num_queries):
    analysed(user, today, 0.5, title="Mine")
    analysed(other_user, today, -0.5, title="Theirs")
    analysed(other_user, today, -0.5)
    mine, theirs = reports.dashboard(user, "month"), reports.dashboard(other_user, "month")
    assert mine["summary"]["volume"]["entries"] == 1 and theirs["summary"]["volume"]["entries"] == 2
    assert mine["summary"]["volume"]["average_sentiment"] == pytest.approx(0.5)
    analysed(user, today, 0.1)  # bumps only this user's version
    with django_assert_num_queries(0):
        assert reports.dashboard(other_user, "month") == theirs
    assert reports.dashboard(user, "month")["summary"]["volume"]["entries"] == 2


def test_with_redis_unreachable_pages_still_render_and_entries_still_save(browser_client, user, today, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    entry = analysed(user, today, 0.5)  # the invalidation signal must not break the write
    services.update_entry(entry=entry, tags=["offline"])
    response = browser_client.get(reverse("insights:dashboard"))
    assert response.status_code == 200 and "#offline" in response.content.decode()
