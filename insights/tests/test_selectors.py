"""Insight reads (selectors.py and entry_picks.py) against hand-computed fixtures on the real PostgreSQL."""

import datetime as dt

import pytest
from django.utils import timezone
from scipy import stats

from entries.models import Entry
from insights import entry_picks, selectors
from insights.periods import JournalLinks, Window, local_today, window_for
from journaling.testing.factories import EntryFactory, TopicFactory

pytestmark = pytest.mark.django_db
D = dt.date
UTC = dt.UTC
MARCH = Window("month", D(2024, 3, 2), D(2024, 3, 31))


def analysed(user, day, score, emotions=None, **fields):
    emotions = emotions or {"neutral": 1.0}
    label = "positive" if score > 0.05 else "negative" if score < -0.05 else "neutral"
    return EntryFactory(
        user=user,
        entry_date=day,
        sentiment_score=score,
        sentiment_label=label,
        emotions=emotions,
        dominant_emotion=max(emotions, key=emotions.get),
        analysis_status="done",
        **fields,
    )


def trashed(entry):
    Entry.objects.filter(pk=entry.pk).update(deleted_at=timezone.now())
    return entry


def vec(*head):
    return [float(x) for x in head] + [0.0] * (384 - len(head))


@pytest.fixture
def links():
    return JournalLinks()


def test_volume_counts_live_entries_and_averages_only_analysed_sentiment(user, other_user):
    analysed(user, D(2024, 3, 1), 0.9, word_count=100)  # the day before the window
    analysed(user, D(2024, 3, 2), 0.2, word_count=10)
    analysed(user, D(2024, 3, 2), -0.4, word_count=20)
    EntryFactory(user=user, entry_date=D(2024, 3, 15), word_count=30)  # pending: counted, no sentiment
    analysed(user, D(2024, 3, 31), 0.5, word_count=40)
    trashed(analysed(user, D(2024, 3, 20), 1.0, word_count=500))
    analysed(other_user, D(2024, 3, 10), -1.0, word_count=999)

    volume = selectors.writing_volume(user, MARCH)

    assert volume == {
        "entries": 4,
        "words": 100,
        "average_words": 25.0,
        "days_written": 3,
        "analysed": 3,
        "average_sentiment": pytest.approx(0.1),
    }


@pytest.fixture
def march_scores(user, other_user):
    analysed(user, D(2024, 2, 24), -1.0)  # 7 days before 2 March: outside every rolling window in March
    analysed(user, D(2024, 2, 28), 0.5)  # inside the lead-in of the first rolling windows
    analysed(user, D(2024, 3, 2), 0.2)
    analysed(user, D(2024, 3, 2), -0.4)
    analysed(user, D(2024, 3, 5), 0.6)
    analysed(user, D(2024, 3, 10), -0.3)
    EntryFactory(user=user, entry_date=D(2024, 3, 5))
    trashed(analysed(user, D(2024, 3, 5), 1.0))
    analysed(other_user, D(2024, 3, 5), -1.0)


def test_daily_sentiment_has_a_seven_day_rolling_mean_that_reaches_back_over_the_leap_day(user, march_scores, links):
    daily = selectors.daily_sentiment(user, MARCH, links)

    assert [(d["start"], d["entries"]) for d in daily] == [(D(2024, 3, 2), 2), (D(2024, 3, 5), 1), (D(2024, 3, 10), 1)]
    assert [d["average_sentiment"] for d in daily] == pytest.approx([-0.1, 0.6, -0.3])
    # 2 Mar: 25 Feb..2 Mar = 0.5, 0.2, -0.4; 5 Mar: 28 Feb (2024 has a 29th)..5 Mar adds 0.6; 10 Mar: 4..10 Mar.
    assert [d["rolling_average"] for d in daily] == pytest.approx([0.1, 0.225, 0.15])
    assert [d["rolling_entries"] for d in daily] == [3, 4, 2]
    assert daily[0]["entries_url"] == "/journal/?date_from=2024-03-02&date_to=2024-03-02"


def test_daily_sentiment_over_all_time_starts_at_the_first_entry(user, march_scores, links):
    daily = selectors.daily_sentiment(user, window_for("all", D(2024, 3, 31)), links)

    assert daily[0]["start"] == D(2024, 2, 24)
    assert daily[1]["rolling_average"] == pytest.approx(-0.25)  # 28 Feb: with 24 Feb, four days earlier


def test_weekly_buckets_are_iso_weeks_clipped_to_the_window(user, march_scores, links):
    weeks = selectors.sentiment_by(user, MARCH, "week", links)

    assert [(w["start"], w["end"], w["entries"]) for w in weeks] == [
        (D(2024, 3, 2), D(2024, 3, 3), 2),  # the week of Monday 26 Feb, from the window's first day
        (D(2024, 3, 4), D(2024, 3, 10), 2),
    ]
    assert [w["average_sentiment"] for w in weeks] == pytest.approx([-0.1, 0.15])
    assert weeks[0]["entries_url"] == "/journal/?date_from=2024-03-02&date_to=2024-03-03"


def test_monthly_buckets_end_on_the_last_day_of_a_leap_february(user, march_scores, links):
    months = selectors.sentiment_by(user, window_for("all", D(2024, 3, 31)), "month", links)

    assert [(m["start"], m["end"], m["entries"]) for m in months] == [
        (D(2024, 2, 1), D(2024, 2, 29), 2),  # all time: whole months
        (D(2024, 3, 1), D(2024, 3, 31), 4),
    ]
    assert [m["average_sentiment"] for m in months] == pytest.approx([-0.25, 0.025])


def test_slope_matches_a_hand_computed_least_squares_fit(user):
    days = [D(2024, 1, 1), D(2024, 1, 8), D(2024, 1, 15), D(2024, 1, 22)]
    scores = [-0.3, -0.1, 0.0, 0.3]
    for day, score in zip(days, scores):
        analysed(user, day, score)
    analysed(user, D(2023, 12, 31), -1.0)  # outside the window

    fit = selectors.sentiment_slope(user, Window("x", D(2024, 1, 1), D(2024, 1, 31)))

    # Weeks 0..3: Sxx = 5, Sxy = 0.95, so the slope is 0.19 per week.
    assert fit["n"] == 4 and fit["slope_per_week"] == pytest.approx(0.19)
    reference = stats.linregress([(d - days[0]).days for d in days], scores)
    half = stats.t.ppf(0.975, 2) * reference.stderr * 7
    assert fit["ci_low"] == pytest.approx(0.19 - half, abs=1e-4)
    assert fit["ci_high"] == pytest.approx(0.19 + half, abs=1e-4)
    assert fit["p_value"] == pytest.approx(reference.pvalue, abs=1e-4)
    assert fit["r_squared"] == pytest.approx(reference.rvalue**2, abs=1e-4)
    assert fit["direction"] == ("rising" if reference.pvalue < 0.05 else "unclear")


def test_a_perfect_weekly_rise_is_rising_with_a_zero_width_interval(user):
    for week in range(5):
        analysed(user, D(2024, 1, 1) + dt.timedelta(weeks=week), -0.5 + 0.1 * week)

    fit = selectors.sentiment_slope(user, Window("x", D(2024, 1, 1), D(2024, 2, 29)))

    assert fit["slope_per_week"] == pytest.approx(0.1)
    assert fit["ci_low"] == pytest.approx(0.1) and fit["ci_high"] == pytest.approx(0.1)
    assert fit["p_value"] == 0.0 and fit["direction"] == "rising"


def test_a_flat_series_is_unclear_not_rising(user):
    for day in (1, 5, 9):
        analysed(user, D(2024, 1, day), 0.2)

    fit = selectors.sentiment_slope(user, Window("x", D(2024, 1, 1), D(2024, 1, 31)))

    assert fit["slope_per_week"] == pytest.approx(0.0, abs=1e-9)
    assert fit["p_value"] == 1.0 and fit["direction"] == "unclear"


@pytest.mark.parametrize("days", [[1, 2], [3, 3, 3]], ids=["two entries", "all on one day"])
def test_slope_needs_three_entries_on_different_days(user, days):
    for day in days:
        analysed(user, D(2024, 1, day), 0.1 * day)

    fit = selectors.sentiment_slope(user, Window("x", D(2024, 1, 1), D(2024, 1, 31)))

    assert fit["direction"] == "insufficient" and fit["slope_per_week"] is None and fit["n"] == len(days)


def test_emotion_distribution_and_its_change_against_the_previous_week(user, other_user):
    analysed(user, D(2024, 3, 25), 0.3, {"joy": 0.6, "sadness": 0.3, "neutral": 0.1})
    analysed(user, D(2024, 3, 31), -0.3, {"joy": 0.2, "sadness": 0.7, "neutral": 0.1})
    analysed(user, D(2024, 3, 18), 0.0, {"joy": 0.1, "sadness": 0.1, "neutral": 0.8})  # the week before
    analysed(user, D(2024, 3, 17), 0.0, {"anger": 1.0})  # before that: in neither
    EntryFactory(user=user, entry_date=D(2024, 3, 26))  # pending, no emotions yet
    trashed(analysed(user, D(2024, 3, 26), 0.0, {"fear": 1.0}))
    analysed(other_user, D(2024, 3, 26), 0.0, {"disgust": 1.0})

    result = selectors.emotion_distribution(user, Window("week", D(2024, 3, 25), D(2024, 3, 31)))

    assert result["analysed"] == 2 and result["previous_analysed"] == 1
    rows = {e["label"]: e for e in result["emotions"]}
    assert [e["label"] for e in result["emotions"]] == ["sadness", "joy", "neutral"]
    assert rows["sadness"] == {
        "label": "sadness",
        "share": pytest.approx(0.5),
        "previous_share": pytest.approx(0.1),
        "change": pytest.approx(0.4),
        "dominant_entries": 1,
        "previous_dominant_entries": 0,
    }
    assert rows["joy"]["change"] == pytest.approx(0.3)
    assert rows["neutral"]["share"] == pytest.approx(0.1) and rows["neutral"]["change"] == pytest.approx(-0.7)
    assert rows["neutral"]["previous_dominant_entries"] == 1


def test_emotions_over_all_time_have_no_previous_period(user):
    analysed(user, D(2020, 1, 1), 0.5, {"joy": 1.0})

    result = selectors.emotion_distribution(user, window_for("all", D(2024, 1, 1)))

    assert result["previous_analysed"] is None
    assert result["emotions"] == [
        {
            "label": "joy",
            "share": 1.0,
            "previous_share": None,
            "change": None,
            "dominant_entries": 1,
            "previous_dominant_entries": None,
        }
    ]


def test_mood_against_sentiment_per_level_with_pearson_correlation(user, links):
    pairs = [(2, -0.4), (2, -0.2), (4, 0.5), (5, 0.9)]
    for mood, score in pairs:
        analysed(user, D(2024, 5, 10), score, mood=mood)
    analysed(user, D(2024, 5, 10), 0.9)  # no mood chosen
    EntryFactory(user=user, entry_date=D(2024, 5, 10), mood=3)  # not analysed

    result = selectors.mood_vs_sentiment(user, Window("month", D(2024, 5, 1), D(2024, 5, 31)), links)

    assert [(lv["mood"], lv["label"], lv["entries"]) for lv in result["levels"]] == [
        (2, "Bad", 2),
        (4, "Good", 1),
        (5, "Great", 1),
    ]
    assert [lv["average_sentiment"] for lv in result["levels"]] == pytest.approx([-0.3, 0.5, 0.9])
    assert result["levels"][0]["entries_url"] == "/journal/?mood=2&date_from=2024-05-01&date_to=2024-05-31"
    reference = stats.pearsonr([m for m, _ in pairs], [s for _, s in pairs])
    assert result["entries"] == 4
    assert result["correlation"] == pytest.approx(reference.statistic, abs=1e-4)
    assert result["p_value"] == pytest.approx(reference.pvalue, abs=1e-4)


def test_two_entries_give_no_correlation_since_two_points_always_lie_on_a_line(user, links):
    analysed(user, D(2024, 5, 10), -0.4, mood=2)
    analysed(user, D(2024, 5, 11), 0.5, mood=4)
    result = selectors.mood_vs_sentiment(user, Window("month", D(2024, 5, 1), D(2024, 5, 31)), links)
    assert result["entries"] == 2 and result["correlation"] is None and result["p_value"] is None


def test_streaks_cross_the_leap_day_and_a_missed_day_breaks_them(user):
    for day in range(1, 11):  # 1..10 Feb: the longest run
        EntryFactory(user=user, entry_date=D(2024, 2, day))
    EntryFactory(user=user, entry_date=D(2024, 2, 25))
    trashed(EntryFactory(user=user, entry_date=D(2024, 2, 26)))  # a trashed entry doesn't fill the gap
    for day in (D(2024, 2, 27), D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1), D(2024, 3, 1)):
        EntryFactory(user=user, entry_date=day)
    EntryFactory(user=user, entry_date=D(2024, 3, 5))  # dated in the future: not part of any streak yet

    on_first = selectors.writing_streak(user, D(2024, 3, 1))
    assert (on_first["current"], on_first["current_start"], on_first["current_end"]) == (
        4,
        D(2024, 2, 27),
        D(2024, 3, 1),
    )
    assert (on_first["longest"], on_first["longest_start"], on_first["longest_end"]) == (
        10,
        D(2024, 2, 1),
        D(2024, 2, 10),
    )
    assert selectors.writing_streak(user, D(2024, 3, 2))["current"] == 4  # today isn't over yet
    assert selectors.writing_streak(user, D(2024, 3, 3))["current"] == 0  # yesterday was missed


def test_streak_of_an_empty_journal_is_zero(user):
    assert selectors.writing_streak(user, D(2024, 3, 1)) == {
        "current": 0,
        "current_start": None,
        "current_end": None,
        "longest": 0,
        "longest_start": None,
        "longest_end": None,
    }


def test_a_writer_in_tonga_just_after_midnight_is_on_their_own_tomorrow(user):
    user.timezone = "Pacific/Tongatapu"  # UTC+13
    user.save()
    now = dt.datetime(2024, 6, 30, 11, 30, tzinfo=UTC)  # 00:30 on 1 July in Nuku'alofa
    assert local_today(user, now) == D(2024, 7, 1)
    for day in (D(2024, 6, 29), D(2024, 6, 30), D(2024, 7, 1)):
        entry = EntryFactory(user=user, entry_date=day)
        # Written at 00:30 local, which is still the previous day in UTC: created_at must not decide the day.
        Entry.objects.filter(pk=entry.pk).update(created_at=dt.datetime.combine(day, dt.time(0, 30), user.tz))

    assert selectors.writing_streak(user, local_today(user, now))["current"] == 3
    assert selectors.entries_per_day(user, D(2024, 6, 29), D(2024, 7, 1)) == {
        D(2024, 6, 29): 1,
        D(2024, 6, 30): 1,
        D(2024, 7, 1): 1,
    }
    # Judged by the UTC date the 1 July entry would look like the future and the streak would be 2.
    assert selectors.writing_streak(user, now.date())["current"] == 2


@pytest.mark.parametrize(
    "now,today",
    [
        (dt.datetime(2024, 3, 10, 4, 30, tzinfo=UTC), D(2024, 3, 9)),  # 23:30 EST
        (dt.datetime(2024, 3, 10, 7, 30, tzinfo=UTC), D(2024, 3, 10)),  # 03:30 EDT, after the clocks went forward
        (dt.datetime(2024, 11, 3, 3, 30, tzinfo=UTC), D(2024, 11, 2)),  # 23:30 EDT
        (dt.datetime(2024, 11, 4, 4, 30, tzinfo=UTC), D(2024, 11, 3)),  # 23:30 EST, after the clocks went back
    ],
)
def test_local_today_follows_daylight_saving_changes(user, now, today):
    user.timezone = "America/New_York"
    assert local_today(user, now) == today


def test_a_streak_over_the_dst_change_is_unbroken(user):
    user.timezone = "America/New_York"
    for day in (D(2024, 3, 9), D(2024, 3, 10), D(2024, 3, 11)):  # 10 March has 23 hours in New York
        EntryFactory(user=user, entry_date=day)
    today = local_today(user, dt.datetime(2024, 3, 12, 3, 30, tzinfo=UTC))  # 23:30 EDT on the 11th
    assert selectors.writing_streak(user, today)["current"] == 3


def test_topics_by_frequency_with_mean_sentiment_of_analysed_entries(user, links):
    family, work = TopicFactory(user=user, name="Family"), TopicFactory(user=user, name="Work")
    analysed(user, D(2024, 3, 3), 0.8, topic=family)
    analysed(user, D(2024, 3, 4), 0.6, topic=family)
    EntryFactory(user=user, entry_date=D(2024, 3, 5), topic=family)
    trashed(analysed(user, D(2024, 3, 6), -1.0, topic=family))
    analysed(user, D(2024, 3, 7), 0.4, topic=work)
    EntryFactory(user=user, entry_date=D(2024, 3, 8), topic=work)
    analysed(user, D(2024, 3, 9), -0.9)  # no topic

    topics = selectors.topic_stats(user, MARCH, links)

    assert [(t["name"], t["entries"], t["analysed"]) for t in topics] == [("Family", 3, 2), ("Work", 2, 1)]
    assert [t["average_sentiment"] for t in topics] == pytest.approx([0.7, 0.4])
    assert topics[0]["entries_url"] == f"/journal/?topic={family.pk}&date_from=2024-03-02&date_to=2024-03-31"


def test_tags_by_frequency_with_mean_sentiment_of_analysed_entries(user, other_user, links):
    analysed(user, D(2024, 3, 3), 0.5, tags=["run", "sleep"])
    analysed(user, D(2024, 3, 4), -0.1, tags=["run"])
    EntryFactory(user=user, entry_date=D(2024, 3, 5), tags=["sleep"])
    trashed(analysed(user, D(2024, 3, 6), 0.9, tags=["run"]))
    analysed(other_user, D(2024, 3, 6), 0.9, tags=["run", "secret"])

    tags = selectors.tag_stats(user, MARCH, links)

    assert [(t["name"], t["entries"], t["analysed"]) for t in tags] == [("run", 2, 2), ("sleep", 2, 1)]
    assert [t["average_sentiment"] for t in tags] == pytest.approx([0.2, 0.5])
    assert tags[1]["entries_url"] == "/journal/?tag=sleep&date_from=2024-03-02&date_to=2024-03-31"


def test_best_and_worst_weekdays_ignore_days_with_a_single_entry(user):
    for day, score in [(4, 0.5), (11, 0.3), (5, -0.2), (12, -0.4), (6, 0.9)]:  # 4 March 2024 is a Monday
        analysed(user, D(2024, 3, day), score)

    result = selectors.weekday_sentiment(user, MARCH)

    assert [(d["name"], d["entries"]) for d in result["days"]] == [("Monday", 2), ("Tuesday", 2), ("Wednesday", 1)]
    assert [d["average_sentiment"] for d in result["days"]] == pytest.approx([0.4, -0.3, 0.9])
    assert (result["best"], result["worst"]) == ("Monday", "Tuesday")


def test_on_this_day_surfaces_leap_day_entries_on_the_28th_in_common_years(user, links):
    done = {"analysis_status": "done"}  # screened by the crisis detector
    leap = EntryFactory(user=user, entry_date=D(2024, 2, 29), title="Leap", **done)
    older = EntryFactory(user=user, entry_date=D(2023, 2, 28), title="Older", **done)
    this_year = EntryFactory(user=user, entry_date=D(2025, 2, 28), **done)
    EntryFactory(user=user, entry_date=D(2022, 3, 1), **done)
    EntryFactory(user=user, entry_date=D(2021, 2, 28), crisis_flagged=True, **done)  # never resurfaced unasked
    trashed(EntryFactory(user=user, entry_date=D(2020, 2, 28), **done))
    for unscreened in ("pending", "failed"):  # may be a crisis entry nobody has flagged: never resurfaced either
        EntryFactory(user=user, entry_date=D(2019, 2, 28), analysis_status=unscreened, content="I want to end it.")

    found = entry_picks.on_this_day(user, D(2025, 2, 28), links)

    assert [(e["id"], e["title"], e["years_ago"]) for e in found] == [(leap.pk, "Leap", 1), (older.pk, "Older", 2)]
    assert found[0]["url"] == f"/journal/{leap.pk}/"
    # 2028 is a leap year: 29 Feb entries wait for their own day.
    assert [e["id"] for e in entry_picks.on_this_day(user, D(2028, 2, 28), links)] == [this_year.pk, older.pk]
    assert [e["id"] for e in entry_picks.on_this_day(user, D(2028, 2, 29), links)] == [leap.pk]


def test_most_similar_is_the_closest_past_entry_of_the_same_user(user, other_user, links):
    anchor = EntryFactory(
        user=user, entry_date=D(2024, 6, 10), embedding=vec(1, 0), analysis_status="done", title="Anchor"
    )
    near = EntryFactory(
        user=user, entry_date=D(2024, 6, 1), embedding=vec(0.8, 0.6), analysis_status="done", title="Near"
    )
    EntryFactory(user=user, entry_date=D(2024, 5, 1), embedding=vec(0, 1), analysis_status="done", title="Far")
    trashed(EntryFactory(user=user, entry_date=D(2024, 6, 2), embedding=vec(1, 0.01), analysis_status="done"))
    EntryFactory(
        user=user, entry_date=D(2024, 6, 3), embedding=vec(1, 0.05), analysis_status="done", crisis_flagged=True
    )
    EntryFactory(user=other_user, entry_date=D(2024, 6, 4), embedding=vec(1, 0), analysis_status="done")
    EntryFactory(user=user, entry_date=D(2024, 6, 11))  # newest, but not analysed yet

    found = entry_picks.most_similar(user, links)

    assert found["entry"]["id"] == anchor.pk and found["entry"]["title"] == "Anchor"
    assert found["similar"] == {
        "id": near.pk,
        "title": "Near",
        "entry_date": D(2024, 6, 1),
        "url": f"/journal/{near.pk}/",
    }
    assert found["similarity"] == pytest.approx(0.8)
    # From "Near", only entries dated on or before it count as past: "Far" at cosine 0.6.
    assert entry_picks.most_similar(user, links, entry_id=near.pk)["similarity"] == pytest.approx(0.6)


def test_most_similar_never_takes_a_flagged_entry_as_its_anchor(user, links):
    EntryFactory(user=user, entry_date=D(2024, 6, 1), embedding=vec(0.8, 0.6), analysis_status="done", title="Near")
    anchor = EntryFactory(
        user=user, entry_date=D(2024, 6, 5), embedding=vec(1, 0), analysis_status="done", title="Ordinary"
    )
    flagged = EntryFactory(
        user=user, entry_date=D(2024, 6, 10), embedding=vec(1, 0), analysis_status="done", crisis_flagged=True
    )

    assert entry_picks.most_similar(user, links)["entry"]["id"] == anchor.pk  # not the newer, flagged one
    assert entry_picks.most_similar(user, links, entry_id=flagged.pk) is None


def test_most_similar_never_quotes_an_edited_entry_the_crisis_detector_has_not_read_again(user, links):
    """An edit sends an entry back to pending with its old vector and its old, unflagged state."""
    from entries.services import update_entry

    EntryFactory(user=user, entry_date=D(2024, 6, 1), embedding=vec(0.8, 0.6), analysis_status="done", title="")
    edited = EntryFactory(user=user, entry_date=D(2024, 6, 5), embedding=vec(1, 0), analysis_status="done", title="")
    update_entry(entry=edited, content="I can't go on anymore.")
    found = entry_picks.most_similar(user, links)
    assert found is None or "can't go on" not in str(found)
    assert entry_picks.most_similar(user, links, entry_id=edited.pk) is None


def test_most_similar_is_none_without_an_embedding_or_for_someone_elses_entry(user, other_user, links):
    pending = EntryFactory(user=user, entry_date=D(2024, 6, 1))
    EntryFactory(user=user, entry_date=D(2024, 5, 1), embedding=vec(1, 0), analysis_status="done")
    theirs = EntryFactory(user=other_user, entry_date=D(2024, 6, 1), embedding=vec(1, 0), analysis_status="done")

    assert entry_picks.most_similar(user, links, entry_id=pending.pk) is None
    assert entry_picks.most_similar(user, links, entry_id=theirs.pk) is None
    assert entry_picks.most_similar(other_user, links) is None  # their only entry has nothing to compare with


def test_latest_entry_crisis_flag_checks_the_newest_by_writing_time_and_by_date(user):
    assert entry_picks.latest_is_crisis_flagged(user) is False
    EntryFactory(user=user, entry_date=D(2024, 1, 2))
    flagged = EntryFactory(user=user, entry_date=D(2024, 1, 1), crisis_flagged=True)  # written last, backdated
    assert entry_picks.latest_is_crisis_flagged(user) is True
    trashed(flagged)
    assert entry_picks.latest_is_crisis_flagged(user) is False


def test_every_read_of_an_empty_journal_is_empty(user, links):
    window = window_for("all", D(2024, 1, 1))
    assert selectors.writing_volume(user, window)["entries"] == 0
    assert selectors.daily_sentiment(user, window, links) == []
    assert selectors.sentiment_by(user, window, "month", links) == []
    assert selectors.sentiment_slope(user, window)["direction"] == "insufficient"
    assert selectors.emotion_distribution(user, window) == {"analysed": 0, "previous_analysed": None, "emotions": []}
    assert selectors.mood_vs_sentiment(user, window, links)["levels"] == []
    assert selectors.topic_stats(user, window, links) == selectors.tag_stats(user, window, links) == []
    assert selectors.weekday_sentiment(user, window)["best"] is None
    assert entry_picks.on_this_day(user, D(2024, 1, 1), links) == []


def test_a_journal_with_one_entry(user, links):
    analysed(user, D(2024, 1, 1), 0.4, {"joy": 0.9, "neutral": 0.1}, mood=4, tags=["first"])
    window = window_for("month", D(2024, 1, 1))

    assert selectors.writing_volume(user, window)["average_sentiment"] == pytest.approx(0.4)
    assert selectors.sentiment_slope(user, window)["direction"] == "insufficient"
    assert selectors.writing_streak(user, D(2024, 1, 1))["current"] == 1
    assert selectors.emotion_distribution(user, window)["emotions"][0]["label"] == "joy"
    mood = selectors.mood_vs_sentiment(user, window, links)
    assert mood["entries"] == 1 and mood["correlation"] is None and mood["p_value"] is None
    assert selectors.weekday_sentiment(user, window)["best"] is None
