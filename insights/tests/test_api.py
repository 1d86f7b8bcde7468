"""/api/v1/insights/: auth, period validation, the numbers, isolation between users, and the OpenAPI schema."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from insights.periods import local_today
from journaling.testing.factories import EntryFactory, TopicFactory

pytestmark = pytest.mark.django_db
ENDPOINTS = ["summary", "trends", "emotions", "streaks", "heatmap", "on-this-day", "weekly"]
WITH_PERIOD = ["summary", "trends", "emotions"]


def url(name: str) -> str:
    return reverse(f"api:insights-{name}")


@pytest.fixture
def week(user, analysed):
    """Three analysed entries in the last three days, and one from this day four years ago."""
    today = local_today(user)
    topic = TopicFactory(user=user, name="Garden")
    analysed(
        user, today, 0.6, mood=5, topic=topic, tags=["outdoors"], word_count=30, content="Planted the beans at last."
    )
    analysed(user, today - dt.timedelta(days=1), 0.2, mood=3, word_count=20)
    analysed(user, today - dt.timedelta(days=2), -0.2, mood=2, word_count=10)
    EntryFactory(
        user=user, entry_date=today.replace(year=today.year - 4), title="Four years ago", analysis_status="done"
    )  # valid on 29 Feb
    return today


@pytest.mark.parametrize("name", ENDPOINTS)
def test_anonymous_requests_are_refused(name):
    assert APIClient().get(url(name)).status_code == 401


@pytest.mark.parametrize("name", ENDPOINTS)
def test_every_endpoint_answers_a_signed_in_user_with_an_empty_journal(api, name):
    assert api.get(url(name)).status_code == 200


@pytest.mark.parametrize("name", WITH_PERIOD)
def test_an_unknown_period_is_a_400_naming_the_field(api, name):
    response = api.get(url(name), {"period": "fortnight"})
    assert response.status_code == 400
    assert "period" in response.json() and "not a valid choice" in response.json()["period"][0]


def test_a_jwt_client_gets_the_summary(user, week):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    body = client.get(url("summary"), {"period": "week"}).json()
    assert body["volume"] == {
        "entries": 3,
        "words": 60,
        "average_words": 20.0,
        "days_written": 3,
        "analysed": 3,
        "average_sentiment": pytest.approx(0.2),
    }
    assert body["slope"]["n"] == 3 and body["slope"]["slope_per_week"] == pytest.approx(2.8)
    assert body["streak"]["current"] == 3 and body["streak"]["suppressed"] is False
    assert body["window"]["entries_url"] == f"/journal/?date_from={week - dt.timedelta(days=6)}&date_to={week}"
    assert [t["name"] for t in body["topics"]] == ["Garden"] and body["tags"][0]["name"] == "outdoors"
    assert [lv["mood"] for lv in body["mood"]["levels"]] == [2, 3, 5]


def test_trends_have_daily_weekly_and_monthly_series(api, week):
    body = api.get(url("trends"), {"period": "month"}).json()
    assert body["grain"] == "day"
    assert [d["average_sentiment"] for d in body["daily"]] == pytest.approx([-0.2, 0.2, 0.6])
    assert body["daily"][-1]["rolling_average"] == pytest.approx(0.2)
    assert sum(w["entries"] for w in body["weekly"]) == sum(m["entries"] for m in body["monthly"]) == 3


def test_emotions_streaks_heatmap_and_on_this_day(api, week):
    emotions = api.get(url("emotions"), {"period": "week"}).json()
    assert emotions["analysed"] == 3 and emotions["previous_analysed"] == 0
    assert emotions["emotions"][0] == {
        "label": "joy",
        "share": pytest.approx(0.6),
        "previous_share": None,
        "change": None,
        "dominant_entries": 3,
        "previous_dominant_entries": 0,
    }
    assert api.get(url("streaks")).json()["current"] == 3
    heatmap = api.get(url("heatmap")).json()
    assert heatmap["total"] == 3 and heatmap["days_written"] == 3 and heatmap["end"] == week.isoformat()
    on_this_day = api.get(url("on-this-day")).json()["entries"]
    assert [(e["title"], e["years_ago"]) for e in on_this_day] == [("Four years ago", 4)]


def test_weekly_review_over_the_api(api, week):
    body = api.get(url("weekly")).json()
    assert len(body["arc"]) == 7 and len(body["entries"]) == 3
    assert body["entries"][-1]["highlight"] == "Planted the beans at last."
    assert any("Garden" in p for p in body["prompts"])


def test_the_weekly_review_highlights_no_entry_the_crisis_detector_has_not_read(api, user, week):
    from entries.models import Entry

    Entry.objects.filter(user=user).update(analysis_status="failed")
    body = api.get(url("weekly")).json()
    assert len(body["entries"]) == 3 and all(e["highlight"] is None for e in body["entries"])


def test_streaks_are_suppressed_after_a_crisis_flagged_entry(api, user, week, analysed):
    assert api.get(url("heatmap")).json()["suppressed"] is False
    analysed(user, week, -0.9, crisis_flagged=True)
    body = api.get(url("streaks")).json()
    assert body["suppressed"] is True and body["current"] is None and body["longest"] is None
    heatmap = api.get(url("heatmap")).json()  # the dashboard hides it too: no day counts to rebuild it from
    assert heatmap["suppressed"] is True and heatmap["days"] == [] and heatmap["total"] is None


def test_no_endpoint_shows_another_users_data(api, other_user, week, analysed):
    analysed(other_user, week, -1.0, title="Not yours", tags=["private"], topic=TopicFactory(user=other_user))
    EntryFactory(user=other_user, entry_date=week.replace(year=week.year - 2), title="Not yours either")
    for name in ENDPOINTS:
        text = api.get(url(name), {"period": "all"}).content.decode()
        assert "Not yours" not in text and "private" not in text


def test_the_openapi_schema_describes_the_insight_responses(api):
    schema = api.get(reverse("api:schema"), {"format": "json"}).json()
    summary = schema["paths"]["/api/v1/insights/summary/"]["get"]
    period = next(p for p in summary["parameters"] if p["name"] == "period")
    assert period["in"] == "query" and period["schema"]["enum"] == ["week", "month", "quarter", "year", "all"]
    assert summary["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Summary")
    for name in ENDPOINTS:
        assert f"/api/v1/insights/{name}/" in schema["paths"]
    assert "slope_per_week" in schema["components"]["schemas"]["Slope"]["properties"]
